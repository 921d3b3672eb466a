"""Many readers at the same moment, on the real databases: real threads, each with its own
database connection, released together by a barrier. PostgreSQL when DATABASE_URL names it;
otherwise SQLite in a file (the suite's SQLite database lives in memory, in shared-cache
mode, where a second writer is turned away at once instead of queueing as it does on a
file: see the `database` fixture).

Whatever the interleaving: exactly as many seats as there are, the threshold tipping once,
every refusal a Refused with its code, and no database error reaching the caller (no
IntegrityError, no deadlock, no "database is locked")."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from at_once import at_once
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from crossing.web.screenings import services
from crossing.web.screenings.models import Reservation, ReservationState, State

from . import checks
from .factories import on_sale

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database(transactional_db: None, tmp_path: Path) -> Iterator[str]:
    """The database the threads share. On SQLite, a copy of the (empty) test database in a
    file, which this test's threads and this thread use until it ends."""
    if connection.vendor != "sqlite":
        yield connection.vendor
        return
    in_memory: BaseDatabaseWrapper = connections["default"]
    in_memory.ensure_connection()
    # Every connection of the alias reads this one dict: the threads open the file too.
    shared = in_memory.settings_dict
    name = shared["NAME"]
    file = tmp_path / "screenings.sqlite3"
    copy = sqlite3.connect(file)
    in_memory.connection.backup(copy)
    copy.close()
    shared["NAME"] = str(file)
    connections["default"] = connections.create_connection("default")
    try:
        yield "sqlite file"
    finally:
        connections["default"].close()
        connections["default"] = in_memory
        shared["NAME"] = name


def unexpected(results: list[Any]) -> list[Any]:
    """The results that are neither work done nor a refusal with its code."""
    return [
        r
        for r in results
        if isinstance(r, BaseException) and not (isinstance(r, services.Refused) and r.code)
    ]


def test_readers_reserving_and_confirming_at_once_fill_the_seats_exactly(database: str) -> None:
    screening = on_sale(capacity=10, threshold=6)
    # 16 addresses, 4 of them sent twice at once (a double click): 20 requests.
    emails = [f"reader{i % 16}@example.org" for i in range(20)]

    def reader(index: int) -> int:
        made = services.reserve(
            screening_id=screening.pk, name=f"Reader {index}", email=emails[index], quantity=1
        )
        services.confirm_reservation(made.reservation)
        return made.reservation.pk

    results = at_once(20, reader)
    assert unexpected(results) == [], (database, results)
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert {r.code for r in refused} <= {"sold_out"}
    screening = checks.consistent(screening.pk)
    assert screening.state == State.SOLD_OUT
    assert (screening.tickets_reserved, screening.tickets_held) == (10, 0)
    assert checks.tips(screening) == 1
    reserved = Reservation.objects.filter(screening=screening, state=ReservationState.RESERVED)
    assert reserved.count() == 10
    # The same address twice at once: one reservation, both answered with it (or both
    # refused: no seat is given back in this test).
    assert {r for r in results if isinstance(r, int)} == set(reserved.values_list("pk", flat=True))
    for i in range(16, 20):
        first, second = results[i - 16], results[i]
        assert first == second if isinstance(first, int) else isinstance(second, services.Refused)


def test_confirmations_cancellations_the_call_off_and_the_jobs_at_once_stay_consistent(
    database: str,
) -> None:
    """Everything that changes one screening, at the same moment: no deadlock (each takes
    the screening's row first), and the counts, the tip and the record agree after."""
    screening = on_sale(capacity=12, threshold=6)
    held = [
        services.reserve(
            screening_id=screening.pk, name=f"R{i}", email=f"r{i}@example.org", quantity=1
        ).reservation
        for i in range(12)
    ]

    def work(index: int) -> Any:
        if index < 12:
            return services.confirm_reservation(held[index]).reservation.state
        if index < 16:
            return services.cancel_reservation(held[index - 12])
        if index == 16:
            return services.call_off(screening, by=services.staff("alice"), reason="Flooded.")
        if index == 17:
            return services.deadline_passed(screening.pk)  # not yet: nothing
        return services.reserve(
            screening_id=screening.pk, name="Late", email=f"late{index}@example.org", quantity=2
        ).reservation.state

    results = at_once(20, work)
    assert unexpected(results) == [], (database, results)
    codes = {r.code for r in results if isinstance(r, services.Refused)}
    assert codes <= {"called_off", "sold_out", "not_enough"}
    assert results[16] is True and results[17] == "not yet"
    screening = checks.consistent(screening.pk)
    assert screening.state == State.CALLED_OFF
    # Called off before or after the tip: once at most, and recorded either way.
    assert checks.tips(screening) in (0, 1)


def test_readers_confirming_as_their_holds_are_released_keep_or_lose_them_whole(
    database: str,
) -> None:
    screening = on_sale(capacity=20, threshold=15)
    held = [
        services.reserve(
            screening_id=screening.pk, name=f"R{i}", email=f"r{i}@example.org", quantity=2
        ).reservation
        for i in range(8)
    ]
    Reservation.objects.filter(screening=screening).update(
        hold_until=timezone.now() - datetime.timedelta(seconds=1)
    )

    def work(index: int) -> Any:
        if index % 2:
            return services.hold_expired(held[index // 2].pk)
        return services.confirm_reservation(held[index // 2]).reservation.state

    results = at_once(16, work)
    assert unexpected(results) == [], (database, results)
    for n, reservation in enumerate(held):
        reservation.refresh_from_db()
        confirmed, released = results[2 * n], results[2 * n + 1]
        if reservation.state == ReservationState.RESERVED:
            assert (confirmed, released) == (ReservationState.RESERVED, False)
        else:
            assert reservation.state == ReservationState.RELEASED and released is True
    checks.consistent(screening.pk)
