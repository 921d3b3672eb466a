"""The payment pages' addresses (payment_views.py), included under /screenings/."""

from django.urls import path

from . import payment_views

urlpatterns = [
    path(
        "payments/return/<str:token>/",
        payment_views.payment_return,
        name="screenings-payment-return",
    ),
    path("payments/pay/<str:token>/", payment_views.pay, name="screenings-pay"),
    path(
        "payments/stripe/webhook/",
        payment_views.stripe_webhook,
        name="screenings-stripe-webhook",
    ),
]
