"""What must hold of a screening at any moment, whatever was done to it: the tests of the
rules and of concurrency check it after each step."""

from __future__ import annotations

import itertools

from crossing.web.screenings.models import ReservationState, Screening, State


def counts_agree(screening: Screening) -> None:
    """The counts on the row are the sums over its reservations; capacity is not exceeded."""
    sums: dict[str, int] = {ReservationState.HELD: 0, ReservationState.RESERVED: 0}
    for state, quantity in screening.reservations.values_list("state", "quantity"):
        if state in sums:
            sums[state] += quantity
    assert screening.tickets_held == sums[ReservationState.HELD]
    assert screening.tickets_reserved == sums[ReservationState.RESERVED]
    assert screening.tickets_held + screening.tickets_reserved <= screening.capacity


def tips(screening: Screening) -> int:
    """How many times the threshold tipped the screening (on sale → confirmed). A sold-out
    screening that gets a seat back goes confirmed again: that is not a tip."""
    return screening.changes.filter(
        reservation__isnull=True, before=State.ON_SALE, after=State.CONFIRMED
    ).count()


def tipped_once_at_most(screening: Screening) -> None:
    assert tips(screening) == (0 if screening.confirmed_at is None else 1)


def every_change_recorded(screening: Screening) -> None:
    """Each state the screening and its reservations went through is a Change, with its
    time, who and why, chained from nothing to the state it has now."""
    changes = list(screening.changes.order_by("id"))
    subjects = [(None, screening.state)] + [(r.pk, r.state) for r in screening.reservations.all()]
    for subject, state in subjects:
        chain = [c for c in changes if c.reservation_id == subject]
        assert chain[0].before == ""
        for earlier, later in itertools.pairwise(chain):
            assert later.before == earlier.after, (earlier, later)
        assert chain[-1].after == state
        assert all(c.at and c.by and c.cause for c in chain)


def consistent(screening_id: int) -> Screening:
    screening = Screening.objects.get(pk=screening_id)
    counts_agree(screening)
    tipped_once_at_most(screening)
    every_change_recorded(screening)
    if screening.state == State.CONFIRMED:
        assert screening.seats_left > 0
    if screening.state == State.SOLD_OUT:
        assert screening.seats_left == 0
    if screening.state == State.ON_SALE:
        assert screening.tickets_reserved < screening.threshold
    return screening
