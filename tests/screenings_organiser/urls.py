"""The site's addresses with the organiser's pages first: until helper "pages" removes the
two placeholder routes from screenings/urls.py (issue 16), they would answer first."""

from django.urls import include, path

from crossing.web.urls import handler404, handler500
from crossing.web.urls import urlpatterns as site

urlpatterns = [path("screenings/", include("crossing.web.screenings.organiser_urls")), *site]

__all__ = ["handler404", "handler500", "urlpatterns"]
