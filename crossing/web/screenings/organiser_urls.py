"""The organiser's addresses (the pages are organiser_views.py)."""

from django.urls import path

from . import organiser_views as views

urlpatterns = [
    path("request/", views.request_form, name="screenings-request"),
    path("request/sent/", views.request_sent, name="screenings-request-sent"),
    path(
        "organiser/confirm/<str:token>/",
        views.organiser_confirm,
        name="screenings-organiser-confirm",
    ),
    path("manage/<str:token>/", views.manage, name="screenings-manage"),
    path("manage/<str:token>/door/", views.door, name="screenings-door"),
    path(
        "manage/<str:token>/<slug:action>/",
        views.manage_action,
        name="screenings-manage-action",
    ),
]
