"""Screenings, the reservations made for them, and the record of every change.

Counts are kept on the screening row (`tickets_held`, `tickets_reserved`) and changed only by
services.py, each time with that row locked, so that capacity is never exceeded and the
threshold tips once, on PostgreSQL and on SQLite alike (the constraints below hold it too). The email addresses are never
shown to readers: only to staff, and to the organiser on the door list."""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class State(models.TextChoices):
    """A screening's lifecycle (lifecycle.py says which moves are allowed)."""

    REQUESTED = "requested", _("requested")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not approved")
    ON_SALE = "on_sale", _("on sale")
    CONFIRMED = "confirmed", _("confirmed")
    SOLD_OUT = "sold_out", _("sold out")
    CALLED_OFF = "called_off", _("called off")
    PAST = "past", _("past")


# The rejection reason of a request its organiser withdrew (translated where it is shown).
WITHDRAWN = gettext_noop("Withdrawn by the organiser.")


class Licence(models.TextChoices):
    PUBLIC = "public", _("public ticketed screening")
    SCHOOL = "school", _("educational: school (K-12) or library")
    UNIVERSITY = "university", _("educational: university or college")
    PRIVATE = "private", _("private event")


# Educational licences: free to attend, on site, for fewer than this many people.
EDUCATIONAL = (Licence.SCHOOL, Licence.UNIVERSITY)
EDUCATIONAL_MAX_AUDIENCE = 249


class Screening(models.Model):
    # What is shown: a film's slug in content/works (the film's page names it).
    film = models.CharField(max_length=100)

    # Who asked. No password: they prove the address with a signed link (links.py).
    organiser_name = models.CharField(max_length=100)
    organiser_email = models.EmailField(max_length=254)
    # The language the organiser asked in: their emails are written in it (notifications.py).
    language = models.CharField(max_length=16, blank=True)
    organisation = models.CharField(max_length=150, blank=True)
    email_confirmed = models.DateTimeField(null=True, blank=True)
    note_to_staff = models.TextField(blank=True)

    # Where.
    venue_name = models.CharField(max_length=150)
    venue_address = models.CharField(max_length=300)
    town = models.CharField(max_length=100)
    country = models.CharField(max_length=2)  # ISO 3166-1 alpha-2, upper case
    capacity = models.PositiveIntegerField()
    accessibility = models.TextField(blank=True)  # step-free access, hearing loop, captions…
    # Set by staff, for the site's own map; a screening without them is listed by country.
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    # When: stored in UTC, shown in the venue's zone (an IANA name, "Europe/London").
    starts = models.DateTimeField()
    time_zone = models.CharField(max_length=64)
    duration_minutes = models.PositiveIntegerField(default=120)  # the film and the extras
    # Reservations close here; the worker confirms or calls off the screening at this time.
    deadline = models.DateTimeField()

    # What it costs: in the currency's minor unit (cents); 0 is free.
    price_minor = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3, default="USD")
    threshold = models.PositiveIntegerField()  # tickets needed for it to happen
    extras = models.TextField(blank=True)  # a Q&A, a speaker
    licence = models.CharField(max_length=12, choices=Licence.choices, default=Licence.PUBLIC)

    # Staff's side.
    state = models.CharField(max_length=12, choices=State.choices, default=State.REQUESTED)
    rejection_reason = models.TextField(blank=True)  # staff's words, or WITHDRAWN
    proposed_starts = models.DateTimeField(null=True, blank=True)  # another date, offered
    proposal_note = models.TextField(blank=True)
    fee_flat_minor = models.PositiveIntegerField(null=True, blank=True)  # rental terms
    fee_share_percent = models.PositiveSmallIntegerField(null=True, blank=True)

    # Counts, changed only by services.py (with the row locked).
    tickets_held = models.PositiveIntegerField(default=0)  # awaiting their confirmation link
    tickets_reserved = models.PositiveIntegerField(default=0)  # count toward the threshold

    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    called_off_at = models.DateTimeField(null=True, blank=True)
    # The request form's idempotency key: a double submit stores one request.
    key = models.CharField(max_length=64, unique=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "starts"], name="screenings_listed"),
            models.Index(fields=["country", "town", "starts"], name="screenings_place"),
        ]
        constraints = [
            # The promises this app makes, held by the database too.
            models.CheckConstraint(
                condition=Q(tickets_held__gte=0) & Q(tickets_reserved__gte=0),
                name="screenings_counts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(tickets_held__lte=models.F("capacity") - models.F("tickets_reserved")),
                name="screenings_capacity_never_exceeded",
            ),
            models.CheckConstraint(
                condition=Q(threshold__gte=1) & Q(threshold__lte=models.F("capacity")),
                name="screenings_threshold_within_capacity",
            ),
        ]
        ordering = ["starts", "id"]

    def __str__(self) -> str:
        return f"{self.film} at {self.venue_name}, {self.town} ({self.get_state_display()})"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts(self) -> datetime.datetime:
        return self.starts.astimezone(self.zone)

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.tickets_held - self.tickets_reserved, 0)

    @property
    def tickets_needed(self) -> int:
        """Reserved tickets still needed for the threshold (0 once it is reached)."""
        return max(self.threshold - self.tickets_reserved, 0)

    @property
    def is_free(self) -> bool:
        return self.price_minor == 0

    @property
    def path(self) -> str:
        """The screening's public page (also the key of its page-cache generation)."""
        return f"/screenings/{self.pk}/"


class ReservationState(models.TextChoices):
    # Seats held until the reader follows the link in the email (and, with online payment,
    # saves a card); they do not count toward the threshold yet.
    HELD = "held", _("awaiting confirmation")
    RESERVED = "reserved", _("reserved")
    CANCELLED = "cancelled", _("cancelled")
    # Seats given back: the hold ran out, or a payment failed and was not made in time.
    RELEASED = "released", _("released")


class Payment(models.TextChoices):
    NONE = "none", _("pay at the venue")  # or free: nothing moves online
    SETUP = "setup", _("card being saved")
    SAVED = "saved", _("card saved, not charged")
    CHARGED = "charged", _("paid")
    FAILED = "failed", _("payment failed, awaiting payment")
    REFUNDED = "refunded", _("refunded")


ACTIVE = (ReservationState.HELD, ReservationState.RESERVED)


class Reservation(models.Model):
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="reservations")
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254)
    # The language the reader reserved in: their emails are written in it.
    language = models.CharField(max_length=16, blank=True)
    # The address as compared: one active reservation per address and screening.
    email_key = models.CharField(max_length=254)
    quantity = models.PositiveSmallIntegerField()
    state = models.CharField(
        max_length=10, choices=ReservationState.choices, default=ReservationState.HELD
    )
    created = models.DateTimeField(default=timezone.now)
    # Seats are held until then; the worker releases them if the link was not followed.
    hold_until = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The random part of the ticket's address and its QR code (links.py signs the pk).
    code = models.CharField(max_length=16, unique=True)

    # Payment: the amount promised, and where the payment service has got to.
    amount_minor = models.PositiveIntegerField(default=0)
    payment = models.CharField(max_length=10, choices=Payment.choices, default=Payment.NONE)
    pay_by = models.DateTimeField(null=True, blank=True)  # after a failed charge
    provider_customer = models.CharField(max_length=100, blank=True)
    provider_method = models.CharField(max_length=100, blank=True)
    provider_setup = models.CharField(max_length=100, blank=True)  # a Checkout session
    provider_payment = models.CharField(max_length=100, blank=True)  # a PaymentIntent
    provider_refund = models.CharField(max_length=100, blank=True)
    payment_error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["screening", "state"], name="reservations_of"),
            models.Index(fields=["state", "hold_until"], name="reservations_holds"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "email_key"],
                condition=Q(state__in=["held", "reserved"]),
                name="reservations_one_active_per_email",
            ),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="reservations_quantity"),
        ]
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} for {self.name} ({self.get_state_display()})"


class Change(models.Model):
    """Every change of a screening's or a reservation's state: when, to what, by whom or
    what, and why. Never edited."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="changes")
    reservation = models.ForeignKey(
        Reservation, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField(default=timezone.now)
    before = models.CharField(max_length=12, blank=True)
    after = models.CharField(max_length=12)
    # "staff:alice", "organiser", "reader", "worker", "payment service"
    by = models.CharField(max_length=160)
    cause = models.CharField(max_length=500)  # in English, as it happened
    # The same cause as a message (gettext_noop'd English with %(name)s placeholders) and its
    # values, so that it reads in the organiser's language too (organiser_display.py).
    cause_message = models.CharField(max_length=200, blank=True)
    cause_values = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["screening", "at"], name="changes_of")]

    def __str__(self) -> str:
        subject = f"reservation {self.reservation_id}" if self.reservation_id else "screening"
        return f"{subject}: {self.before or '—'} → {self.after} by {self.by}: {self.cause}"
