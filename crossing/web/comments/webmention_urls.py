"""The Webmention endpoint's address (included from crossing/web/urls.py)."""

from django.urls import path

from .webmentions import endpoint

urlpatterns = [path("", endpoint, name="webmention")]
