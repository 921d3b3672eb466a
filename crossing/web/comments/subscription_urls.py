"""The links in the emails about replies (subscriptions.py), under /comments/."""

from django.urls import path

from . import subscriptions

urlpatterns = [
    path("replies/confirm/<str:token>/", subscriptions.confirm, name="comments-replies-confirm"),
    path("unsubscribe/<str:token>/", subscriptions.unsubscribe, name="comments-unsubscribe"),
]
