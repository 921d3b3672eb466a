"""Writes: everything that changes a screening or a reservation, each in one transaction.

Every transaction that changes a screening's counts or its reservations first locks the
screening's row (`_locked`: SELECT … FOR UPDATE on PostgreSQL; on SQLite a transaction takes
the database's one write lock when it begins, settings.py), then reads and decides. So the
requests for one screening queue on that row, in one order (the screening, then its
reservations: never a deadlock), each sees the counts the one before left, capacity is never
exceeded and the threshold tips exactly once, however many workers take reservations at the
same moment. The state moves are conditional UPDATEs besides (lifecycle.move). Emails and
later work are enqueued in the same transaction (the outbox), so they happen if and only if
the change did; a refusal raises inside it, so a refused request changes nothing.

Who made a change is recorded with it: "staff:<username>", "organiser", "reader", "worker",
"payment service"."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from .. import languages
from ..comments.models import page_changed
from ..recorded import Cause
from . import jobs, lifecycle, notifications
from .lifecycle import COUNTING, move, move_reservation, record
from .models import (
    ACTIVE,
    EDUCATIONAL,
    EDUCATIONAL_MAX_AUDIENCE,
    WITHDRAWN,
    Payment,
    Reservation,
    ReservationState,
    Screening,
    State,
)
from .payments import provider

ORGANISER, READER, WORKER, PAYMENTS = "organiser", "reader", "worker", "payment service"
DEFAULT_DEADLINE = datetime.timedelta(days=7)


def staff(username: str) -> str:
    return f"staff:{username}"


class Refused(Exception):
    """A request the rules refuse; `message` says why, for the person who made it, and
    `field` which form field it is about (or "" for the whole form)."""

    def __init__(self, message: str, *, field: str = "", code: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


# --- Organisers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    name: str
    address: str
    town: str
    country: str
    capacity: int
    accessibility: str = ""


def request_screening(
    *,
    key: str,
    film: str,
    organiser_name: str,
    organiser_email: str,
    organisation: str,
    venue: Venue,
    starts: datetime.datetime,
    time_zone: str,
    duration_minutes: int,
    deadline: datetime.datetime | None,
    price_minor: int,
    currency: str,
    threshold: int,
    extras: str,
    licence: str,
    note_to_staff: str = "",
) -> tuple[Screening, bool]:
    """Store a request (the form has checked each field); it waits for the organiser to
    confirm their address. Returns the screening and whether it was stored before (the same
    form sent twice)."""
    stored = Screening.objects.filter(key=key).first()
    if stored is not None:
        return stored, True
    deadline = deadline or starts - DEFAULT_DEADLINE
    _check_request(
        starts=starts,
        deadline=deadline,
        capacity=venue.capacity,
        threshold=threshold,
        licence=licence,
        price_minor=price_minor,
    )
    screening = Screening(
        key=key,
        language=languages.current(),
        film=film,
        organiser_name=organiser_name.strip(),
        organiser_email=organiser_email.strip(),
        organisation=organisation.strip(),
        note_to_staff=note_to_staff,
        venue_name=venue.name.strip(),
        venue_address=venue.address.strip(),
        town=venue.town.strip(),
        country=venue.country.upper(),
        capacity=venue.capacity,
        accessibility=venue.accessibility,
        starts=starts,
        time_zone=time_zone,
        duration_minutes=duration_minutes,
        deadline=deadline,
        price_minor=price_minor,
        currency=currency.upper(),
        threshold=threshold,
        extras=extras,
        licence=licence,
    )
    try:
        with transaction.atomic():
            screening.save()
            record(
                screening,
                before="",
                after=State.REQUESTED,
                by=ORGANISER,
                cause=gettext_noop("requested"),
            )
            notifications.organiser_confirm_address(screening)
    except IntegrityError:
        return Screening.objects.get(key=key), True
    return screening, False


def _check_request(
    *,
    starts: datetime.datetime,
    deadline: datetime.datetime,
    capacity: int,
    threshold: int,
    licence: str,
    price_minor: int,
) -> None:
    now = timezone.now()
    if starts <= now:
        raise Refused(_("The screening must be in the future."), field="starts")
    if deadline <= now:
        raise Refused(
            _(
                "The reservation deadline has already passed: choose a later date and time, "
                "or leave it empty for a week before the screening."
            ),
            field="deadline",
        )
    if deadline >= starts:
        raise Refused(_("The reservation deadline must be before the screening."), field="deadline")
    if capacity < 1:
        raise Refused(_("The venue must have at least one seat."), field="capacity")
    if not 1 <= threshold <= capacity:
        raise Refused(
            _("The tickets needed must be between 1 and the venue's %(capacity)s seats.")
            % {"capacity": capacity},
            field="threshold",
        )
    if licence in EDUCATIONAL:
        if price_minor:
            raise Refused(
                _(
                    "An educational screening is free to attend: set the price to 0, or "
                    "choose a public ticketed screening."
                ),
                field="price",
            )
        if capacity > EDUCATIONAL_MAX_AUDIENCE:
            raise Refused(
                _(
                    "An educational licence covers audiences under 250: the venue has "
                    "%(capacity)s seats. Choose a public ticketed screening, or give the seats "
                    "you will use."
                )
                % {"capacity": capacity},
                field="capacity",
            )


def confirm_organiser_address(screening: Screening) -> bool:
    """The organiser followed the link: staff are told of the request. False if it had been
    confirmed before (nothing is sent twice)."""
    with transaction.atomic():
        changed = Screening.objects.filter(pk=screening.pk, email_confirmed__isnull=True).update(
            email_confirmed=timezone.now()
        )
        if not changed:
            return False
        screening.refresh_from_db()
        record(
            screening,
            before=screening.state,
            after=screening.state,
            by=ORGANISER,
            cause=gettext_noop("the organiser confirmed their email address"),
        )
        notifications.staff_new_request(screening)
    return True


def accept_proposal(screening: Screening) -> bool:
    """The organiser takes the date staff proposed: the screening moves to it, its deadline
    by as much, and it waits for approval again."""
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state != State.REQUESTED or screening.proposed_starts is None:
            return False
        shift = screening.proposed_starts - screening.starts
        old = screening.local_starts
        changed = move(
            screening,
            State.REQUESTED,
            by=ORGANISER,
            cause=Cause(
                gettext_noop("the organiser accepted the date proposed instead of %(date)s"),
                {"date": f"{old:%Y-%m-%d %H:%M}"},
            ),
            starts=screening.proposed_starts,
            deadline=screening.deadline + shift,
            proposed_starts=None,
        )
        if changed:
            notifications.staff_proposal_accepted(screening)
        return changed


def withdraw(screening: Screening) -> bool:
    """The organiser withdraws a request that is not yet on sale."""
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state not in (State.REQUESTED, State.APPROVED):
            return False
        return move(
            screening,
            State.REJECTED,
            by=ORGANISER,
            cause=gettext_noop("withdrawn by the organiser"),
            rejection_reason=WITHDRAWN,
        )


def open_sales(screening: Screening) -> bool:
    """The organiser accepts the terms and puts an approved screening on sale; the deadline,
    the reminder, the daily progress and the end are scheduled for the worker."""
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state != State.APPROVED:
            return False
        if screening.deadline <= timezone.now():
            raise Refused(
                _("The reservation deadline has passed; ask the team for another date."),
                code="deadline",
            )
        if not move(
            screening, State.ON_SALE, by=ORGANISER, cause=gettext_noop("the organiser opened sales")
        ):
            return False
        jobs.schedule(screening)
        notifications.organiser_on_sale(screening)
        page_changed(screening.path)
    return True


# --- Staff ---------------------------------------------------------------------------------


def approve(
    screening: Screening,
    *,
    by: str,
    fee_flat_minor: int | None = None,
    fee_share_percent: int | None = None,
) -> bool:
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state != State.REQUESTED:
            return False
        if screening.email_confirmed is None:
            raise Refused(_("The organiser has not confirmed their email address yet."))
        cause = _approved(screening, fee_flat_minor, fee_share_percent)
        changed = move(
            screening,
            State.APPROVED,
            by=by,
            cause=cause,
            fee_flat_minor=fee_flat_minor,
            fee_share_percent=fee_share_percent,
            proposed_starts=None,
        )
        if changed:
            notifications.organiser_approved(screening)
        return changed


def _approved(screening: Screening, flat_minor: int | None, share: int | None) -> Cause:
    """ "approved (flat fee 150.00 CAD, 30% of ticket sales)", with the terms given."""
    values: dict[str, str | int] = {"currency": screening.currency}
    if flat_minor is not None:
        values["fee"] = f"{flat_minor / 100:.2f}"
    if share is not None:
        values["share"] = share
    if flat_minor is not None and share is not None:
        message = gettext_noop(
            "approved (flat fee %(fee)s %(currency)s, %(share)s%% of ticket sales)"
        )
    elif flat_minor is not None:
        message = gettext_noop("approved (flat fee %(fee)s %(currency)s)")
    elif share is not None:
        message = gettext_noop("approved (%(share)s%% of ticket sales)")
    else:
        return Cause(gettext_noop("approved"))
    return Cause(message, values)


def reject(screening: Screening, *, by: str, reason: str) -> bool:
    reason = reason.strip()
    if not reason:
        raise Refused(_("Give the organiser a reason."), field="reason")
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state not in (State.REQUESTED, State.APPROVED):
            return False
        changed = move(
            screening,
            State.REJECTED,
            by=by,
            cause=Cause(gettext_noop("rejected: %(reason)s"), {"reason": reason}),
            rejection_reason=reason,
        )
        if changed:
            notifications.organiser_rejected(screening)
        return changed


def propose_date(screening: Screening, *, by: str, starts: datetime.datetime, note: str) -> bool:
    if starts <= timezone.now() + DEFAULT_DEADLINE:
        raise Refused(
            _("Propose a date more than a week ahead, so that there is time to reserve."),
            field="proposed_starts",
        )
    with transaction.atomic():
        screening = Screening.objects.get(pk=screening.pk)
        if screening.state != State.REQUESTED:
            return False
        local = starts.astimezone(screening.zone)
        changed = move(
            screening,
            State.REQUESTED,
            by=by,
            cause=Cause(
                gettext_noop("proposed another date: %(date)s %(zone)s"),
                {"date": f"{local:%Y-%m-%d %H:%M}", "zone": screening.time_zone},
            ),
            proposed_starts=starts,
            proposal_note=note.strip(),
        )
        if changed:
            notifications.organiser_proposal(screening)
        return changed


def call_off(screening: Screening, *, by: str, reason: str) -> bool:
    """Staff (or the organiser) call off a screening on sale or confirmed: everyone is told,
    nobody pays, and what was charged is refunded."""
    reason = reason.strip()
    if not reason:
        raise Refused(
            _("Say why it is called off: everyone with a ticket is told."), field="reason"
        )
    with transaction.atomic():
        screening = _locked(screening.pk)
        if screening.state not in (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT):
            return False
        if not move(
            screening,
            State.CALLED_OFF,
            by=by,
            cause=Cause(gettext_noop("called off: %(reason)s"), {"reason": reason}),
            called_off_at=timezone.now(),
        ):
            return False
        _after_called_off(screening, reason=reason)
    return True


# --- Readers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reserved:
    reservation: Reservation
    repeated: bool = False  # the same reservation was made before: answered as then


def email_key(email: str) -> str:
    return email.strip().casefold()


def reserve(*, screening_id: int, name: str, email: str, quantity: int) -> Reserved:
    """Hold seats for a reader until they follow the link in their email. Raises Refused
    with the reason (closed, past the deadline, not enough seats left). The same address
    asking again for as many tickets gets the reservation it has (`repeated`)."""
    max_tickets = settings.CROSSING_SCREENINGS_MAX_TICKETS
    if not 1 <= quantity <= max_tickets:
        raise Refused(
            _("Reserve from 1 to %(most)s tickets.") % {"most": max_tickets},
            field="quantity",
            code="quantity",
        )
    screening = Screening.objects.filter(pk=screening_id).first()
    if screening is None or screening.state not in lifecycle.PUBLIC:
        raise Refused(_("There is no such screening."), code="missing")
    key = email_key(email)
    try:
        with transaction.atomic():
            screening = _locked(screening_id)
            earlier = _active_reservation(screening, key)
            if earlier is not None:
                return _same_or_refused(earlier, quantity)
            now = timezone.now()
            refused = _why_not(screening, quantity, now)
            if refused is not None:
                raise refused
            Screening.objects.filter(pk=screening.pk).update(
                tickets_held=F("tickets_held") + quantity
            )
            hours = datetime.timedelta(hours=settings.CROSSING_SCREENINGS_HOLD_HOURS)
            reservation = Reservation.objects.create(
                screening=screening,
                language=languages.current(),
                name=name.strip(),
                email=email.strip(),
                email_key=key,
                quantity=quantity,
                hold_until=min(now + hours, screening.deadline),
                code=secrets.token_urlsafe(12)[:16],
                amount_minor=screening.price_minor * quantity,
                payment=Payment.SETUP if _pays_online(screening) else Payment.NONE,
            )
            record(
                screening,
                reservation=reservation,
                before="",
                after=ReservationState.HELD,
                by=READER,
                cause=Cause(
                    gettext_noop(
                        "%(quantity)s ticket(s) held until the link in the email is followed"
                    ),
                    {"quantity": quantity},
                ),
            )
            jobs.release_hold_at(reservation)
            notifications.reservation_held(reservation)
            _sold_out_if_full(screening)
            page_changed(screening.path)
    except IntegrityError:
        # Not expected (the lock queues two requests from one address), kept as a net.
        earlier = _active_reservation(screening, key)
        if earlier is None:
            raise
        return _same_or_refused(earlier, quantity)
    return Reserved(reservation)


def _locked(screening_id: int) -> Screening:
    """The screening's row, locked until the transaction ends (module docstring)."""
    return Screening.objects.select_for_update().get(pk=screening_id)


def _reservation_locked(reservation_id: int) -> Reservation:
    """A reservation, read after its screening's row is locked, with that screening."""
    screening_id = Reservation.objects.values_list("screening_id", flat=True).get(pk=reservation_id)
    screening = _locked(screening_id)
    reservation = Reservation.objects.get(pk=reservation_id)
    reservation.screening = screening
    return reservation


def _pays_online(screening: Screening) -> bool:
    return screening.price_minor > 0 and provider().online


def _active_reservation(screening: Screening, key: str) -> Reservation | None:
    return (
        Reservation.objects.filter(screening=screening, email_key=key, state__in=ACTIVE)
        .select_related("screening")
        .first()
    )


def _same_or_refused(earlier: Reservation, quantity: int) -> Reserved:
    if earlier.quantity == quantity:
        return Reserved(earlier, repeated=True)
    raise Refused(
        ngettext(
            "This email address already has %(count)s ticket reserved for this screening. "
            "To change the number, cancel that reservation from the link in its email, then "
            "reserve again.",
            "This email address already has %(count)s tickets reserved for this screening. "
            "To change the number, cancel that reservation from the link in its email, then "
            "reserve again.",
            earlier.quantity,
        )
        % {"count": earlier.quantity},
        field="quantity",
        code="already",
    )


def _closed(screening: Screening, now: datetime.datetime) -> Refused | None:
    """Why the screening takes no reservation, or confirmation of one, any more (None if
    it does)."""
    if screening.state == State.CALLED_OFF:
        return Refused(
            _(
                "This screening has been called off: no tickets can be reserved, and nobody "
                "is charged."
            ),
            code="called_off",
        )
    if screening.state not in COUNTING or screening.deadline <= now:
        return Refused(
            _("Reservations for this screening closed at its deadline."), code="after_deadline"
        )
    return None


def _why_not(screening: Screening, quantity: int, now: datetime.datetime) -> Refused | None:
    """Why `quantity` seats cannot be held in the (locked) screening now, or None."""
    closed = _closed(screening, now)
    if closed is not None:
        return closed
    if screening.seats_left == 0:
        return Refused(
            _(
                "All seats are reserved. Seats that are not confirmed within %(hours)s hours "
                "are released: try again later."
            )
            % {"hours": settings.CROSSING_SCREENINGS_HOLD_HOURS},
            code="sold_out",
        )
    if screening.seats_left < quantity:
        return Refused(
            ngettext(
                "Only %(left)s seat is left: reserve %(left)s or fewer.",
                "Only %(left)s seats are left: reserve %(left)s or fewer.",
                screening.seats_left,
            )
            % {"left": screening.seats_left},
            field="quantity",
            code="not_enough",
        )
    return None


@dataclass(frozen=True)
class Confirmed:
    reservation: Reservation
    # With online payment: where to save a card before the tickets count (else "").
    card_needed_at: str = ""


def confirm_reservation(reservation: Reservation, *, setup_return_url: str = "") -> Confirmed:
    """The reader followed the link in the email. Without online payment the tickets now
    count toward the threshold; with it, they count once the card is saved (card_saved)."""
    reservation = Reservation.objects.select_related("screening").get(pk=reservation.pk)
    if reservation.state != ReservationState.HELD:
        return Confirmed(reservation)  # confirmed before, cancelled or released: as it is
    if reservation.payment == Payment.SETUP:
        # No card is saved for a screening that takes no more reservations.
        refused = _closed(reservation.screening, timezone.now())
        if refused is not None:
            raise refused
        Reservation.objects.filter(pk=reservation.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        started = provider().start_setup(
            reservation_id=reservation.pk,
            name=reservation.name,
            email=reservation.email,
            currency=reservation.screening.currency,
            return_url=setup_return_url,
            cancel_url=setup_return_url,
        )
        Reservation.objects.filter(pk=reservation.pk).update(
            provider_setup=started.setup_id, provider_customer=started.customer_id
        )
        return Confirmed(reservation, card_needed_at=started.redirect_url)
    count(reservation, by=READER, cause=gettext_noop("the reader followed the link in the email"))
    reservation.refresh_from_db()
    return Confirmed(reservation)


def card_saved(reservation: Reservation, *, customer_id: str, method_id: str) -> bool:
    """The payment service saved the reader's card (the return from its page, or its
    webhook, whichever comes first): the tickets now count."""
    with transaction.atomic():
        _locked(reservation.screening_id)  # the lock's order: the screening first
        Reservation.objects.filter(pk=reservation.pk, payment=Payment.SETUP).update(
            payment=Payment.SAVED, provider_customer=customer_id, provider_method=method_id
        )
        reservation = Reservation.objects.select_related("screening").get(pk=reservation.pk)
        if reservation.state != ReservationState.HELD or reservation.confirmed_at is None:
            return False
        return count(reservation, by=PAYMENTS, cause=gettext_noop("the card was saved"))


def count(reservation: Reservation, *, by: str, cause: str) -> bool:
    """Turn a held reservation into a reserved one: its tickets count toward the threshold,
    which tips the screening into `confirmed` exactly once. Refused after the deadline or
    once the screening is called off; False if the reservation is no longer held."""
    with transaction.atomic():
        reservation = _reservation_locked(reservation.pk)
        screening = reservation.screening
        if reservation.state != ReservationState.HELD:
            return False  # counted before, cancelled or released meanwhile
        now = timezone.now()
        refused = _closed(screening, now)
        if refused is not None:
            raise refused
        quantity = reservation.quantity
        Screening.objects.filter(pk=screening.pk).update(
            tickets_held=F("tickets_held") - quantity,
            tickets_reserved=F("tickets_reserved") + quantity,
        )
        screening.refresh_from_db()
        move_reservation(
            reservation, ReservationState.RESERVED, by=by, cause=cause, confirmed_at=now
        )
        notifications.reservation_confirmed(reservation)
        if screening.state == State.ON_SALE and screening.tickets_reserved >= screening.threshold:
            _tip(screening)
        elif screening.state in (State.CONFIRMED, State.SOLD_OUT):
            tickets_due(reservation)
        _sold_out_if_full(screening)
        page_changed(screening.path)
    return True


def _tip(screening: Screening) -> None:
    """The threshold is reached: confirm the screening (once: the conditional move lets
    one transaction through), and issue every reservation's tickets."""
    reached = Screening.objects.filter(tickets_reserved__gte=F("threshold"))
    if not move(
        screening,
        State.CONFIRMED,
        by=WORKER,
        cause=Cause(
            gettext_noop("threshold reached: %(reserved)s of %(threshold)s tickets reserved"),
            {"reserved": screening.tickets_reserved, "threshold": screening.threshold},
        ),
        only_if=reached,
        confirmed_at=timezone.now(),
    ):
        return
    notifications.organiser_confirmed(screening)
    jobs.issue_tickets(screening)


def tickets_due(reservation: Reservation) -> None:
    """A reservation in a confirmed screening: its tickets (and, online, its charge)."""
    notifications.screening_confirmed(reservation)
    if reservation.payment == Payment.SAVED:
        jobs.charge(reservation)


def _sold_out_if_full(screening: Screening) -> None:
    screening.refresh_from_db()
    if screening.state == State.CONFIRMED and screening.seats_left == 0:
        full = Screening.objects.filter(tickets_held__gte=F("capacity") - F("tickets_reserved"))
        move(
            screening,
            State.SOLD_OUT,
            by=WORKER,
            cause=gettext_noop("every seat is reserved or held"),
            only_if=full,
        )


def _seat_given_back(screening: Screening, *, cause: Cause) -> None:
    screening.refresh_from_db()
    if screening.state == State.SOLD_OUT and screening.seats_left > 0:
        move(screening, State.CONFIRMED, by=WORKER, cause=cause)
    page_changed(screening.path)


def cancel_reservation(reservation: Reservation, *, by: str = READER) -> bool:
    """The reader cancels, before the deadline. What was paid is refunded."""
    with transaction.atomic():
        reservation = _reservation_locked(reservation.pk)
        screening = reservation.screening
        if reservation.state not in ACTIVE:
            return False
        if screening.deadline <= timezone.now() and by == READER:
            raise Refused(
                _(
                    "Reservations can be cancelled only until the deadline. Write to the "
                    "organiser if you cannot come."
                ),
                code="after_deadline",
            )
        _give_back(reservation, ReservationState.CANCELLED, by=by, cause=gettext_noop("cancelled"))
        notifications.reservation_cancelled(reservation)
        if reservation.payment == Payment.CHARGED:
            jobs.refund(reservation)
    return True


def release(
    reservation: Reservation, *, cause: str, only_if: Mapping[str, object] | None = None
) -> bool:
    """The worker gives a reservation's seats back (an expired hold, an unpaid charge);
    only if the reservation still matches `only_if` (field lookups) once it is locked: a
    reader confirming, or paying, at that moment keeps the seats."""
    with transaction.atomic():
        reservation = _reservation_locked(reservation.pk)
        if reservation.state not in ACTIVE:
            return False
        if only_if and not Reservation.objects.filter(pk=reservation.pk, **only_if).exists():
            return False
        _give_back(reservation, ReservationState.RELEASED, by=WORKER, cause=cause)
        notifications.reservation_released(reservation, cause=cause)
    return True


def _give_back(reservation: Reservation, after: str, *, by: str, cause: str) -> None:
    before = reservation.state
    field = "tickets_held" if before == ReservationState.HELD else "tickets_reserved"
    if not move_reservation(reservation, after, by=by, cause=cause, cancelled_at=timezone.now()):
        return
    Screening.objects.filter(pk=reservation.screening_id).update(
        **{field: F(field) - reservation.quantity}
    )
    given_back = gettext_noop("a seat was given back (%(cause)s)")
    _seat_given_back(reservation.screening, cause=Cause(given_back, {"cause": cause}))


# --- The worker ----------------------------------------------------------------------------


def deadline_passed(screening_id: int) -> str:
    """At the deadline (or later, after downtime): a screening on sale below its threshold
    is called off, once; seats still held are released. Returns what was done."""
    with transaction.atomic():
        screening = Screening.objects.select_for_update().filter(pk=screening_id).first()
        if screening is None:
            return "no such screening"
        if screening.deadline > timezone.now():
            return "not yet"  # the deadline moved later; its own job acts on it
        done = "nothing to do"
        if screening.state == State.ON_SALE:
            below = Screening.objects.filter(tickets_reserved__lt=F("threshold"))
            if move(
                screening,
                State.CALLED_OFF,
                by=WORKER,
                cause=Cause(
                    gettext_noop(
                        "the deadline passed with %(reserved)s of the %(threshold)s tickets needed"
                    ),
                    {"reserved": screening.tickets_reserved, "threshold": screening.threshold},
                ),
                only_if=below,
                called_off_at=timezone.now(),
            ):
                _after_called_off(screening, reason="")
                done = "called off"
        for held in screening.reservations.filter(state=ReservationState.HELD):
            held.screening = screening
            cause = gettext_noop("not confirmed by the deadline")
            _give_back(held, ReservationState.RELEASED, by=WORKER, cause=cause)
            if screening.state != State.CALLED_OFF:
                notifications.reservation_released(held, cause=cause)
        return done


def _after_called_off(screening: Screening, *, reason: str) -> None:
    for reservation in screening.reservations.filter(state__in=ACTIVE):
        reservation.screening = screening
        notifications.screening_called_off(reservation, reason=reason)
        if reservation.payment == Payment.CHARGED:
            jobs.refund(reservation)
    notifications.organiser_called_off(screening, reason=reason)
    page_changed(screening.path)


def hold_expired(reservation_id: int) -> bool:
    reservation = Reservation.objects.filter(pk=reservation_id).first()
    if reservation is None or reservation.state != ReservationState.HELD:
        return False
    if reservation.hold_until > timezone.now():
        return False
    return release(
        reservation,
        cause=gettext_noop("the link in the email was not followed in time"),
        only_if={"state": ReservationState.HELD, "hold_until__lte": timezone.now()},
    )


def ended(screening_id: int) -> bool:
    """After the screening: confirmed and sold out become past."""
    with transaction.atomic():
        screening = Screening.objects.select_for_update().filter(pk=screening_id).first()
        if screening is None or screening.state not in (State.CONFIRMED, State.SOLD_OUT):
            return False
        if screening.ends > timezone.now():
            return False
        changed = move(
            screening, State.PAST, by=WORKER, cause=gettext_noop("the screening has taken place")
        )
        page_changed(screening.path)
        return changed
