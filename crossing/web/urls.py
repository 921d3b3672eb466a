"""The site's addresses. Each content area is an app with its own urls.py."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("journey/", include("crossing.web.journey.urls")),
]

handler404 = "crossing.web.views.not_found"
handler500 = "crossing.web.views.server_error"
