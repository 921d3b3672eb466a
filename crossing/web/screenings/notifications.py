"""The emails screenings cause, all through the outbox, each enqueued in the transaction of
its cause with a key made of ids (so each is sent once, and a retried job sends nothing
twice). Each email is plain text from a template in screenings/email/, in the language
active when it is enqueued; dates and times are in the venue's zone, with the zone named,
as Babel writes them for that language.

Keys: `screening-<id>-…` for the organiser's and staff's emails, `reservation-<id>-…` for a
reader's. A reader's address is only ever in the emails sent to that reader: the
organiser's progress reports carry counts, never names or addresses.

Later work: `schedule` enqueues the reminder the day before and the organiser's daily
progress; their handlers (below) check the screening's state first and send nothing for a
screening they no longer apply to."""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from babel.dates import format_timedelta
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import locale_names
from ..comments.links import absolute
from ..comments.notifications import moderator_emails
from ..languages import speaking_to
from ..outbox.handlers import handler
from ..outbox.services import Attachment, OutboxError, enqueue
from ..outbox.services import send_email as _send_email
from . import links
from .display import money, short, when_zoned
from .models import Payment, Reservation, ReservationState, Screening, State

log = logging.getLogger(__name__)

REMINDER = "screening-reminder"
PROGRESS = "screening-progress"
DAY = datetime.timedelta(days=1)
# States in which reservations are still taken, so the organiser's progress is news.
_SELLING = (State.ON_SALE, State.CONFIRMED)
_HAPPENING = (State.CONFIRMED, State.SOLD_OUT)


# --- Building an email ---------------------------------------------------------------------

_Notify = TypeVar("_Notify", bound=Callable[..., None])


def _written_in(language_of: Callable[[Any], str]) -> Callable[[_Notify], _Notify]:
    """An email written in its recipient's language, whoever's request (or the worker)
    causes it: `language_of` reads the language stored with the notification's first
    argument (a screening, a reservation)."""

    def decorate(notify: _Notify) -> _Notify:
        @functools.wraps(notify)
        def written(first: Any, *args: Any, **kwargs: Any) -> None:
            with speaking_to(language_of(first)):
                notify(first, *args, **kwargs)

        return cast(_Notify, written)

    return decorate


# The organiser's emails in the language they asked in; a reader's in the one they reserved
# in; staff's in the site's own.
to_organiser = _written_in(lambda screening: screening.language)
to_reader = _written_in(lambda reservation: reservation.language)
to_staff = _written_in(lambda screening: "")


def _send(
    *,
    to: str | list[str],
    subject: str,
    template: str,
    context: dict[str, Any],
    key: str,
    attachments: tuple[Attachment, ...] = (),
) -> None:
    """Enqueue, or log why not: a stored address the outbox refuses must not undo the
    change that caused the email (as comments/notifications.py does)."""
    try:
        _send_email(
            to=to,
            subject=_one_line(subject),
            text=render_to_string(f"screenings/email/{template}.txt", context),
            key=key,
            attachments=attachments,
        )
    except OutboxError as error:
        log.warning("screenings: email %s not sent: %s", key, error)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def time_left(screening: Screening, now: datetime.datetime) -> str:
    left = max(screening.deadline - now, datetime.timedelta(0))
    return format_timedelta(left, threshold=1.5, locale=locale_names._locale())


_titles: dict[Path, tuple[tuple[tuple[str, float], ...], dict[str, str]]] = {}


def film_titles() -> dict[str, str]:
    """Each film's title by slug, from the front matter of content/works: read again only
    when a file there changes. Not the whole site's content (the first read of that takes
    seconds): emails are built inside the transaction of their cause, which may hold the
    screening's row."""
    from django.conf import settings

    from crossing.content.documents import WORK_SCHEMA, read_draft
    from crossing.story.loader import shown_path

    folder: Path = settings.CONTENT_DIR / "works"
    paths = sorted(folder.glob("*.md"))
    stamp = tuple((path.name, path.stat().st_mtime) for path in paths)
    cached = _titles.get(folder)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    titles = {}
    for path in paths:
        draft = read_draft(path, shown_path(path), WORK_SCHEMA, [])
        values = draft.matter.values if draft is not None else {}
        if values.get("kind") == "film" and values.get("slug") and values.get("title"):
            titles[str(values["slug"])] = str(values["title"])
    _titles[folder] = (stamp, titles)
    return titles


def film_title(slug: str) -> str:
    """The film's title, or its slug if its file cannot be read (an email is better sent
    with the slug than not at all)."""
    try:
        return film_titles().get(slug, slug)
    except OSError:  # a file removed while the folder was read
        return slug


def door_url(screening: Screening) -> str:
    return absolute(reverse("screenings-door", args=[links.organiser_token(screening)]))


def pay_url(reservation: Reservation) -> str:
    return links.pay_url(reservation)


def _screening_context(screening: Screening) -> dict[str, Any]:
    return {
        "screening": screening,
        "film": film_title(screening.film),
        "starts": when_zoned(screening.starts, screening),
        "deadline": when_zoned(screening.deadline, screening),
        "price": money(screening.price_minor, screening.currency) if not screening.is_free else "",
        "screening_url": links.screening_url(screening),
        "list_url": absolute(reverse("screenings-list")),
    }


def _reservation_context(reservation: Reservation) -> dict[str, Any]:
    screening = reservation.screening
    return {
        **_screening_context(screening),
        "reservation": reservation,
        "amount": money(reservation.amount_minor, screening.currency)
        if reservation.amount_minor
        else "",
        "online": reservation.payment != Payment.NONE,
        "ticket_url": links.ticket_url(reservation),
    }


def _to_organiser(screening: Screening, *, what: str, subject: str, **more: Any) -> None:
    _send(
        to=screening.organiser_email,
        subject=subject,
        template=f"organiser_{what.replace('-', '_')}",
        context={**_screening_context(screening), "manage_url": links.organiser_url(screening)}
        | more,
        key=f"screening-{screening.pk}-{what}",
    )


def _to_staff(screening: Screening, *, what: str, subject: str, key: str) -> None:
    recipients = moderator_emails()
    if not recipients:
        log.warning("screenings: no staff address for %s (CROSSING_MODERATOR_EMAILS)", key)
        return
    _send(
        to=recipients,
        subject=subject,
        template=f"staff_{what}",
        context={**_screening_context(screening), "admin_url": links.admin_url(screening)},
        key=key,
    )


def _to_reader(reservation: Reservation, *, what: str, subject: str, **more: Any) -> None:
    _send(
        to=reservation.email,
        subject=subject,
        template=f"reader_{what.replace('-', '_')}",
        context=_reservation_context(reservation) | more,
        key=f"reservation-{reservation.pk}-{what}",
    )


def _last_change(screening: Screening) -> int:
    """The id of the screening's latest recorded change: the key of an email that may be
    sent more than once in a screening's life (each date proposed, each accepted)."""
    latest = screening.changes.order_by("-id").values_list("id", flat=True).first()
    return latest or 0


# --- The organiser and staff ---------------------------------------------------------------


@to_organiser
def organiser_confirm_address(screening: Screening) -> None:
    """To the organiser: confirm your address (links.organiser_confirm_url)."""
    _to_organiser(
        screening,
        what="confirm-address",
        subject=_("Confirm your screening request"),
        confirm_url=links.organiser_confirm_url(screening),
    )


@to_staff
def staff_new_request(screening: Screening) -> None:
    """To staff: a confirmed request waits for review (links.admin_url)."""
    _to_staff(
        screening,
        what="new_request",
        subject=_("A screening request to review: %(venue)s, %(town)s")
        % {"venue": screening.venue_name, "town": screening.town},
        key=f"screening-{screening.pk}-staff-request",
    )


@to_staff
def staff_proposal_accepted(screening: Screening) -> None:
    """To staff: the organiser accepted the proposed date."""
    _to_staff(
        screening,
        what="proposal_accepted",
        subject=_("The organiser accepted the new date: %(venue)s, %(town)s")
        % {"venue": screening.venue_name, "town": screening.town},
        key=f"screening-{screening.pk}-staff-proposal-accepted-{_last_change(screening)}",
    )


@to_organiser
def organiser_approved(screening: Screening) -> None:
    """To the organiser: approved, the terms, and the link to open sales (links.organiser_url)."""
    fee = ""
    if screening.fee_flat_minor is not None:
        fee = money(screening.fee_flat_minor, screening.currency)
    _to_organiser(
        screening,
        what="approved",
        subject=_("Your screening request is approved"),
        fee=fee,
    )


@to_organiser
def organiser_rejected(screening: Screening) -> None:
    """To the organiser: not approved, with staff's reason."""
    _to_organiser(screening, what="rejected", subject=_("Your screening request"))


@to_organiser
def organiser_proposal(screening: Screening) -> None:
    """To the organiser: staff propose another date; accept it from the manage link."""
    if screening.proposed_starts is None:
        return
    _send(
        to=screening.organiser_email,
        subject=_("Another date for your screening"),
        template="organiser_proposal",
        context={
            **_screening_context(screening),
            "manage_url": links.organiser_url(screening),
            "proposed": when_zoned(screening.proposed_starts, screening),
        },
        key=f"screening-{screening.pk}-proposal-{_last_change(screening)}",
    )


@to_organiser
def organiser_on_sale(screening: Screening) -> None:
    """To the organiser: on sale, the public page, the manage link, the deadline."""
    _to_organiser(screening, what="on-sale", subject=_("Your screening is open for reservations"))


@to_organiser
def organiser_confirmed(screening: Screening) -> None:
    """To the organiser: the threshold is reached, it will happen; the door list link."""
    _to_organiser(
        screening,
        what="confirmed",
        subject=ngettext(
            "Your screening will happen: %(tickets)d ticket reserved",
            "Your screening will happen: %(tickets)d tickets reserved",
            screening.tickets_reserved,
        )
        % {"tickets": screening.tickets_reserved},
        door_url=door_url(screening),
    )


@to_organiser
def organiser_called_off(screening: Screening, *, reason: str) -> None:
    """To the organiser: called off (reason, or the deadline passed below the threshold)."""
    _to_organiser(
        screening, what="called-off", subject=_("Your screening is called off"), reason=reason
    )


# --- Readers -------------------------------------------------------------------------------


@to_reader
def reservation_held(reservation: Reservation) -> None:
    """To the reader: confirm your reservation (links.reservation_confirm_url) before
    reservation.hold_until, or the seats go back."""
    _to_reader(
        reservation,
        what="held",
        subject=_("Confirm your reservation: %(film)s")
        % {"film": film_title(reservation.screening.film)},
        confirm_url=links.reservation_confirm_url(reservation),
        hold_until=when_zoned(reservation.hold_until, reservation.screening),
    )


@to_reader
def reservation_confirmed(reservation: Reservation) -> None:
    """To the reader: your N tickets are reserved; nobody is charged unless the screening is
    confirmed; the ticket page (links.ticket_url), from which to cancel."""
    _to_reader(reservation, what="reserved", subject=_("Your reservation is confirmed"))


@to_reader
def screening_confirmed(reservation: Reservation) -> None:
    """To the reader: the screening will happen, your tickets (ticket page), with an iCal
    file. Key reservation-<id>-screening-confirmed: exactly one per reservation."""
    from . import calendar  # icalendar: imported when needed, not by every process

    screening = reservation.screening
    title = film_title(screening.film)
    ics = calendar.calendar([screening], film_titles={screening.film: title}, name=title)
    _send(
        to=reservation.email,
        subject=_("It will happen: %(film)s") % {"film": title},
        template="reader_screening_confirmed",
        context=_reservation_context(reservation),
        key=f"reservation-{reservation.pk}-screening-confirmed",
        attachments=(Attachment(f"screening-{screening.pk}.ics", "text/calendar", ics),),
    )


@to_reader
def reservation_cancelled(reservation: Reservation) -> None:
    """To the reader: your reservation is cancelled (refunded if paid)."""
    _to_reader(
        reservation,
        what="cancelled",
        subject=_("Your reservation is cancelled"),
        charged=reservation.payment == Payment.CHARGED,
    )


@to_reader
def reservation_released(reservation: Reservation, *, cause: str) -> None:
    """To the reader: your held or unpaid seats were given back, and why."""
    _to_reader(
        reservation,
        what="released",
        subject=_("Your seats were given back"),
        cause=cause,
        unpaid=reservation.payment == Payment.FAILED,
    )


@to_reader
def screening_called_off(reservation: Reservation, *, reason: str) -> None:
    """To the reader: called off, nobody is charged (or: refunded)."""
    _to_reader(
        reservation,
        what="called-off",
        subject=_("Called off: %(film)s") % {"film": film_title(reservation.screening.film)},
        reason=reason,
        charged=reservation.payment in (Payment.CHARGED, Payment.REFUNDED),
    )


@to_reader
def payment_received(reservation: Reservation) -> None:
    """To the reader: paid, the amount, the ticket page."""
    _to_reader(reservation, what="paid", subject=_("Payment received for your tickets"))


@to_reader
def payment_failed(reservation: Reservation) -> None:
    """To the reader: the charge failed (reason); pay within 48 h from the link, or the
    seats go back at reservation.pay_by."""
    pay_by = reservation.pay_by or timezone.now()
    _to_reader(
        reservation,
        what="payment-failed",
        subject=_("Your card was not charged: please pay for your tickets"),
        pay_url=pay_url(reservation),
        pay_by=when_zoned(pay_by, reservation.screening),
    )


@to_reader
def refunded(reservation: Reservation) -> None:
    """To the reader: refunded, the amount."""
    _to_reader(reservation, what="refunded", subject=_("Your payment is refunded"))


# --- Later: the reminder and the daily progress --------------------------------------------


def schedule(screening: Screening) -> None:
    """When on sale: the reminder the day before (to each reserved reader) and the
    organiser's daily progress, as outbox jobs."""
    enqueue(
        kind=REMINDER,
        payload={"screening": screening.pk},
        key=f"screening-{screening.pk}-reminder",
        not_before=screening.starts - DAY,
    )
    first = timezone.now() + DAY
    if first < screening.deadline:
        _progress_at(screening, first, reserved=screening.tickets_reserved)


def _progress_at(screening: Screening, at: datetime.datetime, *, reserved: int) -> None:
    day = at.astimezone(screening.zone).date().isoformat()
    enqueue(
        kind=PROGRESS,
        payload={"screening": screening.pk, "at": at.isoformat(), "reserved": reserved},
        key=f"screening-{screening.pk}-progress-{day}",
        not_before=at,
    )


@handler(REMINDER)
def remind(payload: dict[str, Any]) -> None:
    """The day before: one email to each reservation of a screening that will happen. A
    screening still on sale then (its deadline less than a day before it) is reminded of
    again just after its deadline, when it is confirmed or called off."""
    screening = Screening.objects.filter(pk=payload["screening"]).first()
    if screening is None:
        return
    now = timezone.now()
    if screening.state == State.ON_SALE and screening.deadline > now and not payload.get("late"):
        enqueue(
            kind=REMINDER,
            payload={"screening": screening.pk, "late": True},
            key=f"screening-{screening.pk}-reminder-after-deadline",
            not_before=screening.deadline + datetime.timedelta(minutes=1),
        )
        return
    if screening.state not in _HAPPENING or screening.starts <= now:
        return
    reserved = screening.reservations.filter(state=ReservationState.RESERVED)
    for reservation in reserved.iterator():
        reservation.screening = screening
        _remind(reservation, screening)


@to_reader
def _remind(reservation: Reservation, screening: Screening) -> None:
    _to_reader(
        reservation,
        what="reminder",
        subject=_("Reminder: %(film)s, %(starts)s")
        % {
            "film": film_title(screening.film),
            "starts": short(screening.starts, screening.zone),
        },
        pay_at_door=reservation.payment == Payment.NONE and reservation.amount_minor > 0,
    )


@handler(PROGRESS)
def progress(payload: dict[str, Any]) -> None:
    """A day's report to the organiser while reservations are taken, then the next day's
    job (a worker back after downtime reports once, not once per missed day)."""
    screening = Screening.objects.filter(pk=payload["screening"]).first()
    now = timezone.now()
    if screening is None or screening.state not in _SELLING or screening.deadline <= now:
        return
    at = datetime.datetime.fromisoformat(payload["at"])
    since = at - DAY
    changes = screening.changes.filter(at__gte=since, reservation__isnull=False)

    def tickets(after: str) -> int:
        rows = changes.filter(after=after).aggregate(n=Sum("reservation__quantity"))
        return int(rows["n"] or 0)

    day = at.astimezone(screening.zone).date().isoformat()
    with transaction.atomic(), speaking_to(screening.language):
        _send(
            to=screening.organiser_email,
            subject=_("Your screening today: %(reserved)d of %(threshold)d tickets")
            % {"reserved": screening.tickets_reserved, "threshold": screening.threshold},
            template="organiser_progress",
            context={
                **_screening_context(screening),
                "manage_url": links.organiser_url(screening),
                "difference": screening.tickets_reserved - int(payload.get("reserved", 0)),
                "confirmed_today": tickets(ReservationState.RESERVED),
                "cancelled_today": tickets(ReservationState.CANCELLED),
                "released_today": tickets(ReservationState.RELEASED),
                "time_left": time_left(screening, now),
                "happening": screening.state in _HAPPENING,
            },
            key=f"screening-{screening.pk}-progress-{day}-email",
        )
        following = at + DAY
        while following <= now:
            following += DAY
        if following < screening.deadline:
            _progress_at(screening, following, reserved=screening.tickets_reserved)
