"""The deadline, the holds and the end, as the outbox's worker acts on them: on time, and
late, after the worker was down (its jobs are overdue when it starts again)."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from django.utils import timezone

from crossing.cli import cli
from crossing.web.outbox import handlers
from crossing.web.outbox.models import Message, Status
from crossing.web.outbox.worker import Policy, work_once
from crossing.web.screenings import jobs, services
from crossing.web.screenings.models import Reservation, ReservationState, Screening, State

from . import checks
from .factories import on_sale

SECOND = datetime.timedelta(seconds=1)


def reserve(screening: Screening, who: str, quantity: int = 1, *, confirm: bool = True) -> int:
    made = services.reserve(
        screening_id=screening.pk, name=who, email=f"{who}@example.org", quantity=quantity
    )
    if confirm:
        services.confirm_reservation(made.reservation)
    return made.reservation.pk


def worker_was_down(screening: Screening, *, hours: float) -> datetime.datetime:
    """Time passes: the deadline was `hours` ago, and its job (like every job of the
    screening whose time it is) waits for a worker that was not running."""
    deadline = timezone.now() - datetime.timedelta(hours=hours)
    Screening.objects.filter(pk=screening.pk).update(deadline=deadline)
    Message.objects.filter(key=f"screening-{screening.pk}-deadline").update(not_before=deadline)
    return deadline


def the_worker_starts() -> int:
    """The worker does every job that is due, then is idle; how many it did."""
    policy = Policy.from_settings()
    done = 0
    while work_once(policy):
        done += 1
        assert done < 500
    return done


def called_off_changes(screening: Screening) -> int:
    return screening.changes.filter(reservation__isnull=True, after=State.CALLED_OFF).count()


def test_the_deadline_job_run_late_calls_off_once_and_again_does_nothing() -> None:
    screening = on_sale(capacity=10, threshold=5)
    reserved = reserve(screening, "ana", 2)
    held = reserve(screening, "ben", 1, confirm=False)
    worker_was_down(screening, hours=30)
    assert the_worker_starts() >= 1
    job = Message.objects.get(key=f"screening-{screening.pk}-deadline")
    assert job.status == Status.SENT
    screening = checks.consistent(screening.pk)
    assert screening.state == State.CALLED_OFF and screening.called_off_at is not None
    assert called_off_changes(screening) == 1
    cause = screening.changes.get(after=State.CALLED_OFF).cause
    assert "2 of the 5 tickets" in cause
    assert Reservation.objects.get(pk=held).state == ReservationState.RELEASED
    assert Reservation.objects.get(pk=reserved).state == ReservationState.RESERVED
    # The job again (a retry after a kill -9, a second worker): nothing more.
    changes = screening.changes.count()
    handlers.run(jobs.DEADLINE, {"screening": screening.pk})
    assert services.deadline_passed(screening.pk) == "nothing to do"
    assert screening.changes.count() == changes
    assert called_off_changes(screening) == 1


def test_a_screening_that_tipped_before_its_deadline_is_not_called_off_by_a_late_job() -> None:
    screening = on_sale(capacity=10, threshold=3)
    reserve(screening, "ana", 3)
    held = reserve(screening, "ben", 2, confirm=False)
    worker_was_down(screening, hours=72)
    the_worker_starts()
    screening = checks.consistent(screening.pk)
    assert screening.state == State.CONFIRMED
    assert called_off_changes(screening) == 0
    assert checks.tips(screening) == 1
    assert Reservation.objects.get(pk=held).state == ReservationState.RELEASED
    assert services.deadline_passed(screening.pk) == "nothing to do"


def test_a_deadline_not_yet_reached_is_left_alone() -> None:
    screening = on_sale(capacity=10, threshold=3)
    assert services.deadline_passed(screening.pk) == "not yet"
    assert services.deadline_passed(0) == "no such screening"
    assert Screening.objects.get(pk=screening.pk).state == State.ON_SALE


def test_a_reservation_confirmed_after_the_deadline_is_refused_and_changes_nothing() -> None:
    screening = on_sale(capacity=10, threshold=3)
    held = reserve(screening, "ana", 2, confirm=False)
    worker_was_down(screening, hours=1)  # the job has not run yet
    reservation = Reservation.objects.get(pk=held)
    with pytest.raises(services.Refused) as refused:
        services.confirm_reservation(reservation)
    assert refused.value.code == "after_deadline"
    assert "deadline" in refused.value.message
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.HELD and reservation.confirmed_at is None
    assert Screening.objects.get(pk=screening.pk).tickets_held == 2
    the_worker_starts()
    assert Reservation.objects.get(pk=held).state == ReservationState.RELEASED
    assert checks.consistent(screening.pk).state == State.CALLED_OFF


@pytest.mark.parametrize("first", ["the deadline job", "the hold job"])
def test_the_hold_job_and_the_deadline_job_in_either_order(first: str) -> None:
    screening = on_sale(capacity=10, threshold=3)
    reserve(screening, "ana", 3)
    held = reserve(screening, "ben", 2, confirm=False)
    deadline = worker_was_down(screening, hours=5)
    # The hold ran out at the deadline (holds never outlast it).
    Reservation.objects.filter(pk=held).update(hold_until=deadline)
    Message.objects.filter(key=f"reservation-{held}-hold").update(not_before=deadline)
    if first == "the deadline job":
        assert services.deadline_passed(screening.pk) == "nothing to do"
        assert services.hold_expired(held) is False
    else:
        assert services.hold_expired(held) is True
        assert services.deadline_passed(screening.pk) == "nothing to do"
    the_worker_starts()  # both jobs again, as a worker that was down would: nothing more
    reservation = Reservation.objects.get(pk=held)
    assert reservation.state == ReservationState.RELEASED
    assert reservation.changes.filter(after=ReservationState.RELEASED).count() == 1
    assert checks.consistent(screening.pk).state == State.CONFIRMED


def test_a_hold_job_before_its_time_releases_nothing() -> None:
    screening = on_sale(capacity=10, threshold=3)
    held = reserve(screening, "ana", 1, confirm=False)
    assert services.hold_expired(held) is False
    assert services.hold_expired(0) is False
    assert Reservation.objects.get(pk=held).state == ReservationState.HELD


def test_after_it_has_ended_a_confirmed_screening_is_past_and_a_called_off_one_stays() -> None:
    confirmed = on_sale(capacity=4, threshold=2)
    reserve(confirmed, "ana", 2)
    called_off = on_sale(capacity=4, threshold=2)
    assert services.call_off(called_off, by=services.staff("alice"), reason="Flooded.")
    assert services.ended(confirmed.pk) is False  # not yet
    for screening in (confirmed, called_off):
        starts = timezone.now() - datetime.timedelta(hours=3)
        Screening.objects.filter(pk=screening.pk).update(
            starts=starts, deadline=starts - datetime.timedelta(days=7)
        )
        Message.objects.filter(key__startswith=f"screening-{screening.pk}-").update(
            not_before=starts
        )
    the_worker_starts()
    assert checks.consistent(confirmed.pk).state == State.PAST
    assert checks.consistent(called_off.pk).state == State.CALLED_OFF
    assert services.ended(confirmed.pk) is False
    assert services.ended(called_off.pk) is False
    assert confirmed.changes.filter(after=State.PAST).count() == 1


def test_the_operators_command_acts_on_what_is_overdue_once() -> None:
    """`crossing screenings deadlines`, with no worker running: what is overdue is done,
    and a second run (or the worker after it) does nothing more."""
    below = on_sale(capacity=10, threshold=5)
    reserve(below, "ana", 2)
    tipped = on_sale(capacity=10, threshold=2)
    reserve(tipped, "ben", 2)
    held = reserve(tipped, "cy", 1, confirm=False)
    worker_was_down(below, hours=2)
    Reservation.objects.filter(pk=held).update(hold_until=timezone.now())
    run = CliRunner().invoke(cli, ["screenings", "deadlines"], catch_exceptions=False)
    assert run.exit_code == 0
    assert run.stderr == (
        "acted on 1 deadline(s), calling off 1 screening(s); released 1 hold(s) run out; "
        "0 screening(s) now past\n"
    )
    assert Screening.objects.get(pk=below.pk).state == State.CALLED_OFF
    assert Reservation.objects.get(pk=held).state == ReservationState.RELEASED
    again = CliRunner().invoke(cli, ["screenings", "deadlines"], catch_exceptions=False)
    assert "acted on 0 deadline(s), calling off 0" in again.stderr
    the_worker_starts()
    for screening in (below, tipped):
        checks.consistent(screening.pk)
    assert called_off_changes(below) == 1


def test_a_reader_who_confirms_after_the_hold_ran_out_but_before_the_job_keeps_the_seats() -> None:
    screening = on_sale(capacity=10, threshold=3)
    held = reserve(screening, "ana", 2, confirm=False)
    Reservation.objects.filter(pk=held).update(hold_until=timezone.now() - SECOND)
    services.confirm_reservation(Reservation.objects.get(pk=held))
    assert services.hold_expired(held) is False
    # Even told to release it by a job that read it as held a moment before: the
    # condition is checked again with the row locked.
    reservation = Reservation.objects.get(pk=held)
    only_held = {"state": ReservationState.HELD}
    assert services.release(reservation, cause="late", only_if=only_held) is False
    assert Reservation.objects.get(pk=held).state == ReservationState.RESERVED
    assert checks.consistent(screening.pk).tickets_reserved == 2


def test_the_deadline_and_the_end_are_the_worker_s_jobs_at_their_time_not_before() -> None:
    screening = on_sale(capacity=10, threshold=3)
    held = reserve(screening, "ana", 1, confirm=False)
    due = {
        f"screening-{screening.pk}-deadline": screening.deadline,
        f"screening-{screening.pk}-ended": screening.ends,
        f"reservation-{held}-hold": Reservation.objects.get(pk=held).hold_until,
    }
    for key, when in due.items():
        assert Message.objects.get(key=key).not_before == when, key
    the_worker_starts()
    for key in due:
        assert Message.objects.get(key=key).status == Status.PENDING, key
    assert Screening.objects.get(pk=screening.pk).state == State.ON_SALE
    assert Reservation.objects.get(pk=held).state == ReservationState.HELD
