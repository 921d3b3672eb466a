"""The readers' addresses of screenings (contract: /work/briefs/contract.md). The organiser's
and the payments' pages have their own url files, included after this one."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.screening_list, name="screenings-list"),
    path("past/", views.past, name="screenings-past"),
    path("calendar.ics", views.calendar_feed, name="screenings-calendar"),
    path("<int:pk>/", views.detail, name="screenings-detail"),
    path("<int:pk>.ics", views.screening_ics, name="screenings-ics"),
    path("<int:pk>/reserve/", views.reserve, name="screenings-reserve"),
    path(
        "reservations/<str:token>/sent/",
        views.reservation_sent,
        name="screenings-reservation-sent",
    ),
    path(
        "reservations/confirm/<str:token>/",
        views.reservation_confirm,
        name="screenings-reservation-confirm",
    ),
    path("tickets/<str:token>/", views.ticket, name="screenings-ticket"),
    path("tickets/<str:token>/cancel/", views.ticket_cancel, name="screenings-ticket-cancel"),
]
