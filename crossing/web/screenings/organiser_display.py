"""How the organiser's pages and the admin write a screening's money, times and history:
in the venue's time zone and the reader's language (Babel's locale data)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..recorded import shown
from .display import money, short
from .models import Change, ReservationState, Screening, State


def price(screening: Screening) -> str:
    return _("free") if screening.is_free else money(screening.price_minor, screening.currency)


def terms(screening: Screening) -> str:
    """The rental terms in words, or "" before staff set them."""
    parts = []
    if screening.fee_flat_minor is not None:
        parts.append(
            _("a flat fee of %(fee)s")
            % {"fee": money(screening.fee_flat_minor, screening.currency)}
        )
    if screening.fee_share_percent is not None:
        parts.append(_("%(share)s%% of ticket sales") % {"share": screening.fee_share_percent})
    return _(" and ").join(parts)


def state_label(value: str) -> str:
    for choices in (State, ReservationState):
        if value in choices.values:
            return str(choices(value).label)
    return value


def by_label(by: str) -> str:
    """Who made a change, as the organiser reads it (staff are "the team")."""
    if by.startswith("staff:"):
        return _("the team")
    return {
        "organiser": _("you"),
        "reader": _("a reader"),
        "worker": _("the site, automatically"),
        "payment service": _("the payment service"),
    }.get(by, by)


@dataclass(frozen=True)
class Line:
    at: str
    subject: str
    reservation: bool  # a reservation's change, not the screening's
    change: str  # "on sale → confirmed", or the state alone when it stayed
    by: str
    cause: str


def history(screening: Screening) -> list[Line]:
    lines = []
    for change in Change.objects.filter(screening=screening).select_related("reservation"):
        subject = _("the screening")
        if change.reservation is not None:
            subject = _("a reservation of %(n)s ticket(s)") % {"n": change.reservation.quantity}
        lines.append(
            Line(
                at=short(change.at, screening.zone),
                subject=subject,
                reservation=change.reservation is not None,
                change=_change(change),
                by=by_label(change.by),
                cause=cause_words(change),
            )
        )
    return lines


def cause_words(change: Change) -> str:
    """Why it changed, in the page's language: the recorded message translated with its
    values (a reason staff typed stays as typed); the English sentence for a change
    recorded before messages were kept."""
    if not change.cause_message:
        return _(change.cause) if change.cause else ""
    return shown(change.cause_message, change.cause_values)


def _change(change: Change) -> str:
    after = state_label(change.after)
    if change.before == change.after:
        return after
    return f"{state_label(change.before) if change.before else '—'} → {after}"
