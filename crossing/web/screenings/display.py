"""What a screening's page says, in the reader's language (Babel's locale data): its date in
the venue's zone with the zone named, its price, the time left, its state in words, and its
progress toward the threshold. Everything is computed at each request, from the row and the
clock: nothing here is cached, so "3 days left" is never served a day late."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date, format_time, format_timedelta, get_timezone_name
from babel.numbers import format_currency, get_currency_precision
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..locale_names import _locale, territory_name
from .lifecycle import SELLING
from .models import Payment, Reservation, ReservationState, Screening, State


def when(moment: datetime.datetime, zone: datetime.tzinfo) -> str:
    """'Saturday, January 9, 2027, 7:30 PM' in the venue's zone."""
    locale = _locale()
    local = moment.astimezone(zone)
    day = format_date(local, "full", locale=locale)
    time = format_time(local, "short", tzinfo=zone, locale=locale)
    return _("%(day)s, %(time)s") % {"day": day, "time": time}


def when_zoned(moment: datetime.datetime, screening: Screening) -> str:
    """A moment at the venue with its zone named, as emails, the organiser's pages and the
    admin give it: 'Saturday, January 9, 2027, 7:00 PM (Eastern Standard Time)'."""
    local = moment.astimezone(screening.zone)
    zone = get_timezone_name(local, width="long", locale=_locale())
    return _("%(when)s (%(zone)s)") % {"when": when(moment, screening.zone), "zone": zone}


def short(moment: datetime.datetime, zone: datetime.tzinfo) -> str:
    """A moment at the venue, briefly (a subject line, a line of history): 'Jan 4, 2027, 4:20 PM'."""
    locale = _locale()
    local = moment.astimezone(zone)
    day = format_date(local, "medium", locale=locale)
    time = format_time(local, "short", tzinfo=zone, locale=locale)
    return _("%(day)s, %(time)s") % {"day": day, "time": time}


def zone_name(screening: Screening) -> str:
    """'Eastern Standard Time (America/Toronto)': the zone the times are given in."""
    name = get_timezone_name(screening.local_starts, "long", locale=_locale())
    return f"{name} ({screening.time_zone})"


def money(amount_minor: int, currency: str) -> str:
    digits = get_currency_precision(currency)
    amount = Decimal(amount_minor).scaleb(-digits)
    return format_currency(amount, currency, locale=_locale())


def price(screening: Screening) -> str:
    return _("Free") if screening.is_free else money(screening.price_minor, screening.currency)


def duration(delta: datetime.timedelta) -> str:
    """A time left, as exact as it matters: '3 days', '30 hours', '12 minutes'."""
    locale = _locale()
    seconds = max(int(delta.total_seconds()), 0)
    # A threshold no value reaches makes Babel stop at the granularity: "24 days", never
    # "3 weeks" (rounded), "30 hours", never "1 day".
    if seconds >= 2 * 86400:
        days = datetime.timedelta(days=seconds // 86400)
        return format_timedelta(days, granularity="day", threshold=10**9, locale=locale)
    if seconds >= 3600:
        hours = datetime.timedelta(hours=seconds // 3600)
        return format_timedelta(hours, granularity="hour", threshold=10**9, locale=locale)
    minutes = datetime.timedelta(minutes=max(seconds // 60, 1))
    return format_timedelta(minutes, granularity="minute", threshold=10**9, locale=locale)


def place(screening: Screening) -> str:
    return f"{screening.town}, {territory_name(screening.country)}"


@dataclass(frozen=True)
class Progress:
    value: int  # reserved, capped at the threshold (a <progress> cannot go past its max)
    maximum: int
    words: str


def progress(screening: Screening) -> Progress:
    reserved, needed = screening.tickets_reserved, screening.threshold
    if screening.state == State.CALLED_OFF:
        # What was reached, as a record: "more needed" would invite readers to a screening
        # that will not take place.
        words = ngettext(
            "%(reserved)s of the %(needed)s tickets needed was reserved; it was called off.",
            "%(reserved)s of the %(needed)s tickets needed were reserved; it was called off.",
            reserved,
        ) % {"reserved": reserved, "needed": needed}
    elif reserved >= needed:
        words = ngettext(
            "%(reserved)s ticket reserved: the %(needed)s needed are reached.",
            "%(reserved)s tickets reserved: the %(needed)s needed are reached.",
            reserved,
        ) % {"reserved": reserved, "needed": needed}
    else:
        words = ngettext(
            "%(reserved)s of the %(needed)s tickets needed reserved so far: %(more)s more needed.",
            "%(reserved)s of the %(needed)s tickets needed reserved so far: %(more)s more needed.",
            needed - reserved,
        ) % {"reserved": reserved, "needed": needed, "more": needed - reserved}
    return Progress(min(reserved, needed), needed, words)


def taking_reservations(screening: Screening, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return screening.state in SELLING and screening.deadline > now and screening.seats_left > 0


def state_label(screening: Screening, now: datetime.datetime | None = None) -> str:
    """The state in a word or two, for the list."""
    now = now or timezone.now()
    if screening.state == State.CALLED_OFF:
        return _("Called off: nobody is charged")
    if screening.state == State.PAST or screening.starts <= now:
        return _("Taken place")
    if screening.state == State.SOLD_OUT:
        return _("Confirmed, sold out")
    if screening.state == State.CONFIRMED:
        return _("Confirmed: it will take place")
    if screening.deadline <= now:
        return _("Reservations closed")
    return _("On sale: happens if enough tickets are reserved")


def state_words(screening: Screening, now: datetime.datetime | None = None) -> str:
    """The screening's state, said plainly for the people who mean to go."""
    now = now or timezone.now()
    if screening.state == State.CALLED_OFF:
        return _("Called off: this screening will not take place. Nobody is charged.")
    if screening.state == State.PAST or screening.starts <= now:
        return _("This screening has taken place.")
    if screening.state == State.SOLD_OUT:
        return _("Confirmed and sold out: this screening will take place, and every seat is taken.")
    if screening.state == State.CONFIRMED:
        return _("Confirmed: enough tickets were reserved, so this screening will take place.")
    if screening.deadline <= now:
        return _("Reservations have closed; the result is being worked out.")
    return _(
        "On sale: this screening takes place only if %(needed)s tickets are reserved before "
        "the deadline. If not, it is called off and nobody is charged."
    ) % {"needed": screening.threshold}


def tickets_issued(reservation: Reservation) -> bool:
    """A ticket for the door: the reservation counts, the screening is going ahead, and
    nothing is left to pay online."""
    return (
        reservation.state == ReservationState.RESERVED
        and reservation.screening.state in (State.CONFIRMED, State.SOLD_OUT, State.PAST)
        and reservation.payment in (Payment.NONE, Payment.CHARGED)
    )


def ticket_words(reservation: Reservation) -> str:
    """Where the reservation has got to, for its ticket page."""
    screening = reservation.screening
    if reservation.state == ReservationState.CANCELLED:
        return _("You cancelled this reservation. Nobody is charged for it.")
    if reservation.state == ReservationState.RELEASED:
        if reservation.payment == Payment.FAILED:
            return _("The seats went back because the payment was not made in time.")
        return _("The seats went back: the reservation was not confirmed in time.")
    if screening.state == State.CALLED_OFF:
        return _("The screening was called off. Nobody is charged.")
    if reservation.state == ReservationState.HELD:
        if reservation.confirmed_at is not None and reservation.payment == Payment.SETUP:
            return _("Your seats are held while your card is saved.")
        return _(
            "Your seats are held until you follow the link in the email we sent you. "
            "They do not count until then."
        )
    if reservation.payment == Payment.FAILED:
        return _("The payment failed: please pay to keep your seats.")
    if tickets_issued(reservation):
        return _("Your tickets: show this page (or its code) at the door.")
    if screening.state in (State.CONFIRMED, State.SOLD_OUT):
        return _("The screening is confirmed; your tickets are being issued.")
    return _(
        "Reserved. The screening takes place if enough tickets are reserved before the "
        "deadline; your tickets are issued then. Nobody is charged before."
    )
