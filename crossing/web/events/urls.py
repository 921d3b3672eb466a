"""The events' addresses (contract: /work/briefs/contract.md). Included at the site's root:
the film calendars live under /films/, beside the film pages."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/past/", views.past, name="past"),
    path("events/calendar.ics", views.calendar_feed, name="calendar"),
    path("films/<slug:slug>/calendar.ics", views.film_calendar, name="film-calendar"),
    path("films/<slug:slug>/broadcasts/<slug:id>.ics", views.broadcast_ics, name="broadcast-ics"),
]
