"""The screenings' addresses (the pages are views.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "organiser/confirm/<str:token>/",
        views.organiser_confirm,
        name="screenings-organiser-confirm",
    ),
    path("manage/<str:token>/", views.manage, name="screenings-manage"),
    path(
        "reservations/confirm/<str:token>/",
        views.reservation_confirm,
        name="screenings-reservation-confirm",
    ),
    path("tickets/<str:token>/", views.ticket, name="screenings-ticket"),
]
