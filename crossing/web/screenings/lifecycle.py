"""The screening's state machine, as a table: which state may follow which. Every move goes
through `move`, which changes the row only if it is still in the state the caller saw (a
conditional UPDATE: of two requests that race, one moves it and the other learns it lost) and
records the change with its time, who or what made it, and why.

    requested ──approve──▶ approved ──open sales──▶ on sale ──threshold reached──▶ confirmed
        │                      │                       │        (once: "the tip")    │    ▲
        └──reject──▶ rejected ◀┘ reject or withdraw    │                every seat   │    │ a seat
                                                       │                reserved or  ▼    │ given back
                                                       │                held     sold out ┘
                                                       │                             │
                                                       ├─deadline below threshold─┐  │
                                                       └─staff call it off────────┴──┴─▶ called off
    confirmed | sold out ──after it has ended──▶ past      (staff may call off confirmed and
                                                            sold out too: refunds follow)

The tip and the sale of the last seat can happen in one transaction (on sale → confirmed →
sold out, two changes). The deadline calls off only a screening still on sale: one that has
tipped stays confirmed, whenever the deadline's job runs. A requested screening may also get
another date proposed by staff; the organiser accepting it changes the date and leaves it
requested (recorded as a change too)."""

from __future__ import annotations

from django.db.models import QuerySet

from ..recorded import Cause
from .models import Change, Reservation, ReservationState, Screening, State

ALLOWED: dict[str, frozenset[str]] = {
    State.REQUESTED: frozenset({State.REQUESTED, State.APPROVED, State.REJECTED}),
    State.APPROVED: frozenset({State.ON_SALE, State.REJECTED}),
    State.REJECTED: frozenset(),
    State.ON_SALE: frozenset({State.CONFIRMED, State.CALLED_OFF}),
    State.CONFIRMED: frozenset({State.SOLD_OUT, State.CALLED_OFF, State.PAST}),
    State.SOLD_OUT: frozenset({State.CONFIRMED, State.CALLED_OFF, State.PAST}),
    State.CALLED_OFF: frozenset(),
    State.PAST: frozenset(),
}

RESERVATION_ALLOWED: dict[str, frozenset[str]] = {
    ReservationState.HELD: frozenset(
        {ReservationState.RESERVED, ReservationState.CANCELLED, ReservationState.RELEASED}
    ),
    ReservationState.RESERVED: frozenset({ReservationState.CANCELLED, ReservationState.RELEASED}),
    ReservationState.CANCELLED: frozenset(),
    ReservationState.RELEASED: frozenset(),
}

# Where reservations are taken (the deadline not yet passed).
SELLING = (State.ON_SALE, State.CONFIRMED)
# Where a held reservation may still be confirmed (its seats are held already).
COUNTING = (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT)
# Shown to readers: everything approved and not rejected.
PUBLIC = (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT, State.CALLED_OFF, State.PAST)


class NotAllowed(ValueError):
    """A move the table does not allow (a bug in the caller, not a race)."""


def record(
    screening: Screening,
    *,
    before: str,
    after: str,
    by: str,
    cause: str | Cause,
    reservation: Reservation | None = None,
) -> Change:
    message = cause if isinstance(cause, Cause) else Cause(cause)
    return Change.objects.create(
        screening=screening,
        reservation=reservation,
        before=before,
        after=after,
        by=by[:160],
        cause=str(message)[:500],
        cause_message=message.message[:200],
        cause_values=dict(message.values),
    )


def move(
    screening: Screening,
    after: str,
    *,
    by: str,
    cause: str | Cause,
    only_if: QuerySet[Screening] | None = None,
    **fields: object,
) -> bool:
    """Move the screening from the state it has in memory to `after`, setting `fields`
    with it; False (and nothing changed) if the row is no longer in that state, or fails
    the extra conditions of `only_if`. Call inside a transaction."""
    before = screening.state
    if after not in ALLOWED[before]:
        raise NotAllowed(f"a screening cannot go from {before} to {after}")
    rows = only_if if only_if is not None else Screening.objects.all()
    changed = rows.filter(pk=screening.pk, state=before).update(state=after, **fields)
    if not changed:
        return False
    screening.state = after
    for name, value in fields.items():
        setattr(screening, name, value)
    record(screening, before=before, after=after, by=by, cause=cause)
    return True


def move_reservation(
    reservation: Reservation,
    after: str,
    *,
    by: str,
    cause: str | Cause,
    **fields: object,
) -> bool:
    """As `move`, for a reservation."""
    before = reservation.state
    if after not in RESERVATION_ALLOWED[before]:
        raise NotAllowed(f"a reservation cannot go from {before} to {after}")
    changed = Reservation.objects.filter(pk=reservation.pk, state=before).update(
        state=after, **fields
    )
    if not changed:
        return False
    reservation.state = after
    for name, value in fields.items():
        setattr(reservation, name, value)
    record(
        reservation.screening,
        reservation=reservation,
        before=before,
        after=after,
        by=by,
        cause=cause,
    )
    return True
