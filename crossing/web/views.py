"""Pages that belong to no content area: the home page and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"gamebook_url": reverse("journey:gamebook-all")})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors may run here: whatever failed might fail again.
    return render(request, "500.html", {"site_name": "Crossing", "navigation": []}, status=500)
