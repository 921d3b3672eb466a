"""The screening's rules, as hypothesis drives them: random reservations (quantities, and
addresses that repeat, in other cases), confirmations, cancellations, holds running out, the
deadline passing, staff calling it off, the screening ending; in any order. After every step
the counts, the state and the record agree, and a refused request changed nothing.

Time moves by moving the rows' times (a deadline, a hold, the start) into the past, as the
worker would find them after that time."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from crossing.web.outbox.models import Message
from crossing.web.screenings import services
from crossing.web.screenings.models import (
    Change,
    Reservation,
    ReservationState,
    Screening,
    State,
)

from . import checks
from .factories import on_sale

CAPACITY, THRESHOLD = 7, 4
# Two spellings of one address: one reservation between them.
EMAILS = ["ana@example.org", "Ana@Example.org", "ben@example.org", "cy@example.org"] + [
    f"reader{n}@example.org" for n in range(6)
]
SECOND = datetime.timedelta(seconds=1)
LATER = 12  # steps before the deadline may pass or staff call it off


def snapshot(screening_id: int) -> tuple[Any, ...]:
    """Everything a request may change: the screening's row, its reservations, its record
    and the outbox."""
    row = Screening.objects.values().get(pk=screening_id)
    reservations = list(Reservation.objects.filter(screening_id=screening_id).values())
    changes = Change.objects.filter(screening_id=screening_id).count()
    return row, reservations, changes, Message.objects.count()


class Screenings(RuleBasedStateMachine):
    reservations = Bundle("reservations")

    def __init__(self) -> None:
        super().__init__()
        self.screening = on_sale(capacity=CAPACITY, threshold=THRESHOLD)
        self.pk = self.screening.pk
        self.deadline_acted_on = False
        self.steps = 0

    # --- helpers ------------------------------------------------------------------------

    def fresh(self) -> Screening:
        return Screening.objects.get(pk=self.pk)

    def refusable(self, call: Callable[[], Any], expected: str | None) -> Any:
        """Run `call`; it must be refused with the code `expected` (changing nothing), or
        not be refused if `expected` is None."""
        before = snapshot(self.pk)
        try:
            result = call()
        except services.Refused as refused:
            assert refused.code == expected, (refused.code, expected, refused.message)
            assert refused.message
            assert snapshot(self.pk) == before, "a refused request changed something"
            return refused
        assert expected is None, f"expected a refusal: {expected}"
        return result

    def closed(self, screening: Screening) -> str | None:
        """The refusal the rules give for taking or confirming tickets now, if any."""
        if screening.state == State.CALLED_OFF:
            return "called_off"
        if (
            screening.state not in (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT)
            or screening.deadline <= timezone.now()
        ):
            return "after_deadline"
        return None

    # --- rules --------------------------------------------------------------------------

    @rule(target=reservations, email=st.sampled_from(EMAILS), quantity=st.integers(1, 4))
    def reserve(self, email: str, quantity: int) -> Any:
        screening = self.fresh()
        earlier = Reservation.objects.filter(
            screening_id=self.pk,
            email_key=email.casefold(),
            state__in=(ReservationState.HELD, ReservationState.RESERVED),
        ).first()
        expected: str | None
        if earlier is not None:
            expected = None if earlier.quantity == quantity else "already"
        else:
            expected = self.closed(screening)
            if expected is None and screening.seats_left == 0:
                expected = "sold_out"
            elif expected is None and screening.seats_left < quantity:
                expected = "not_enough"
        result = self.refusable(
            lambda: services.reserve(
                screening_id=self.pk, name="Reader", email=email, quantity=quantity
            ),
            expected,
        )
        if isinstance(result, services.Refused):
            return multiple()
        if earlier is not None:
            assert result.repeated and result.reservation.pk == earlier.pk
            return multiple()
        assert not result.repeated
        assert result.reservation.state == ReservationState.HELD
        assert result.reservation.quantity == quantity
        return result.reservation.pk

    @rule(target=reservations, email=st.sampled_from(EMAILS), quantity=st.integers(1, 4))
    def reserve_and_confirm(self, email: str, quantity: int) -> Any:
        """What most readers do (so that the screening often tips and sells out)."""
        made = self.reserve(email, quantity)
        if isinstance(made, int):
            self.confirm(made)
        return made

    @rule(pk=reservations)
    def confirm(self, pk: int) -> None:
        reservation = Reservation.objects.get(pk=pk)
        before = reservation.state
        expected = self.closed(self.fresh()) if before == ReservationState.HELD else None
        result = self.refusable(
            lambda: services.confirm_reservation(reservation, setup_return_url=""), expected
        )
        reservation.refresh_from_db()
        if expected is None:
            assert result.card_needed_at == ""
            after = ReservationState.RESERVED if before == ReservationState.HELD else before
            assert reservation.state == after
        else:
            assert reservation.state == before

    @rule(pk=reservations)
    def cancel(self, pk: int) -> None:
        reservation = Reservation.objects.get(pk=pk)
        active = reservation.state in (ReservationState.HELD, ReservationState.RESERVED)
        late = self.fresh().deadline <= timezone.now()
        expected = "after_deadline" if active and late else None
        result = self.refusable(lambda: services.cancel_reservation(reservation), expected)
        reservation.refresh_from_db()
        if expected is None:
            assert result is active
            if active:
                assert reservation.state == ReservationState.CANCELLED

    @rule(pk=reservations)
    def hold_runs_out(self, pk: int) -> None:
        Reservation.objects.filter(pk=pk).update(hold_until=timezone.now() - SECOND)
        held = Reservation.objects.get(pk=pk).state == ReservationState.HELD
        assert services.hold_expired(pk) is held
        assert services.hold_expired(pk) is False
        if held:
            assert Reservation.objects.get(pk=pk).state == ReservationState.RELEASED

    # The ends of a screening's life come after some reservations, most times.
    @precondition(lambda self: not self.deadline_acted_on and self.steps >= LATER)
    @rule()
    def deadline_passes(self) -> None:
        Screening.objects.filter(pk=self.pk).update(deadline=timezone.now() - SECOND)
        state = self.fresh().state
        done = services.deadline_passed(self.pk)
        assert done == ("called off" if state == State.ON_SALE else "nothing to do")
        # Run again (a retried job, a second worker): nothing more happens.
        before = snapshot(self.pk)
        assert services.deadline_passed(self.pk) == "nothing to do"
        assert snapshot(self.pk) == before
        self.deadline_acted_on = True

    @precondition(lambda self: self.steps >= LATER)
    @rule()
    def staff_call_off(self) -> None:
        state = self.fresh().state
        can = state in (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT)
        called = services.call_off(self.fresh(), by=services.staff("alice"), reason="Flooded.")
        assert called is can
        assert self.fresh().state == (State.CALLED_OFF if can else state)

    @precondition(lambda self: self.deadline_acted_on)
    @rule()
    def the_screening_ends(self) -> None:
        screening = self.fresh()
        starts = timezone.now() - datetime.timedelta(minutes=screening.duration_minutes + 1)
        Screening.objects.filter(pk=self.pk).update(starts=starts)
        goes_past = screening.state in (State.CONFIRMED, State.SOLD_OUT)
        assert services.ended(self.pk) is goes_past
        assert services.ended(self.pk) is False
        if goes_past:
            assert self.fresh().state == State.PAST

    # --- invariants ---------------------------------------------------------------------

    @invariant()
    def counts_are_the_sums_of_the_reservations(self) -> None:
        self.steps += 1
        checks.counts_agree(self.fresh())

    @invariant()
    def the_state_agrees_with_the_counts_and_the_time(self) -> None:
        screening = self.fresh()
        state, full = screening.state, screening.seats_left == 0
        if state == State.ON_SALE:
            assert screening.tickets_reserved < screening.threshold
            assert screening.confirmed_at is None
            assert not self.deadline_acted_on
        if state == State.CONFIRMED:
            assert not full and screening.confirmed_at is not None
        if state == State.SOLD_OUT:
            assert full and screening.confirmed_at is not None
        if state == State.CALLED_OFF:
            assert screening.called_off_at is not None
        if state == State.PAST:
            assert screening.confirmed_at is not None and screening.ends <= timezone.now()
        if self.deadline_acted_on:
            assert screening.tickets_held == 0

    @invariant()
    def the_threshold_tips_once(self) -> None:
        checks.tipped_once_at_most(self.fresh())

    @invariant()
    def every_change_is_recorded(self) -> None:
        checks.every_change_recorded(self.fresh())


def test_the_rules_hold_in_any_order() -> None:
    run_state_machine_as_test(
        Screenings,
        settings=settings(
            max_examples=40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
