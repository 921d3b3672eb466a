"""The screenings' load harness (bench/load_screenings.py) run small against the database
the suite is configured for: 60 reservations of one ticket from 10 clients through 2 gunicorn
workers for a screening of 20 seats and a threshold of 12, a gunicorn worker, the outbox's
worker and the whole server killed with SIGKILL mid-run, every acknowledged reservation
confirmed from the link in its email; then a second screening's deadline passing below its
threshold while the site is down. Again with Stripe (bench/_fake_stripe.py): one charge per
reservation. Then the harness's own parts: the verdict, and the link found in an email."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .bench_runs import BENCH, run_bench, the_suite_s_database

sys.path.insert(0, str(BENCH))  # the harness's modules import each other by their names
screenings = importlib.import_module("_screenings")


def harness(*options: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return run_bench("load_screenings.py", *options, timeout=timeout)


def test_a_screening_sells_out_exactly_and_another_is_called_off_once_through_kill_9() -> None:
    options = [*the_suite_s_database(), "--reservations", "60", "--clients", "10"]
    options += ["--workers", "2", "--capacity", "20", "--threshold", "12"]
    options += ["--kill-worker", "1", "--kill-outbox", "1", "--kill-server", "1"]
    options += ["--below", "4", "--deadline-seconds", "15", "--mail-timeout", "60", "--json"]
    result = harness(*options)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr + result.stdout
    report: dict[str, Any] = json.loads(result.stdout)

    # 20 readers got a seat (303 to "check your email"), each confirmed from the link in
    # the email and reached the ticket page; the 40 others were refused with 409, the
    # sold-out code and the reason on the page. Nothing lost, nothing stored twice.
    assert report["acknowledged"] == report["reserved"] == 20
    assert report["confirmations"] == {"ticket": 20}
    assert report["answers"].get("409 sold_out", 0) >= 40
    assert set(report["answers"]) <= {"303", "409 sold_out"}, report["answers"]
    assert report["refused_unclearly_count"] == 0 and report["unresolved"] == 0
    assert report["lost"] == report["stored_twice"] == report["refused_yet_stored"] == []

    # The threshold tipped once; capacity was never exceeded; the screening is sold out.
    assert report["tipped"] == 1
    assert report["oversold"] is False and report["counters_match"] is True
    assert report["final_state"] == "sold_out"
    # One "screening confirmed" email per reservation (a second copy only where a kill -9
    # of the outbox's worker fell between sending and marking it sent).
    assert sum(report["confirmed_emails"].values()) == 20
    assert set(report["confirmed_emails"]) <= {"once", "twice"}

    # Each kind of kill happened mid-run, and something took the killed process's place.
    assert [kill["what"] for kill in report["kills"]] == [
        "gunicorn worker",
        "outbox worker",
        "the whole server",
    ]
    assert all(kill["seconds_to_replace"] < 30 for kill in report["kills"])

    # The second screening: 4 reservations confirmed before its deadline, which passed
    # while the site was down; started again, the worker called it off once, each reader
    # told once, nobody charged.
    called_off = report["called_off"]
    assert called_off["confirmed_before_deadline"] is True
    assert called_off["confirmations"] == {"ticket": 4}
    assert called_off["final_state"] == "called_off"
    assert called_off["changes_to_called_off"] == 1
    assert called_off["reservations"] == 4 and called_off["charged"] == 0
    assert called_off["emails"].get("once", 0) + called_off["emails"].get("twice", 0) == 4
    assert called_off["holds"] is True

    # Every email enqueued arrived.
    emails = report["emails"]
    assert emails["pending"] == emails["failed"] == emails["missing"] == 0, emails
    assert emails["hold"] is True
    assert report["holds"] is True


def test_with_stripe_each_reservation_is_charged_once_and_nobody_in_the_called_off_one() -> None:
    options = [*the_suite_s_database(), "--reservations", "30", "--clients", "6"]
    options += ["--workers", "2", "--capacity", "10", "--threshold", "6"]
    options += ["--payments", "stripe", "--kill-outbox", "1", "--below", "2"]
    options += ["--deadline-seconds", "15", "--mail-timeout", "60", "--json"]
    result = harness(*options)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr + result.stdout
    report: dict[str, Any] = json.loads(result.stdout)

    # Each reader who got a seat saved a card on the fake Stripe's page on the way to the
    # ticket page; when the threshold tipped, each was charged once (one idempotency key
    # each at the fake, however the outbox's worker was killed), and paid.
    assert report["acknowledged"] == report["reserved"] == 10
    assert report["confirmations"] == {"ticket": 10}
    assert report["tipped"] == 1 and report["final_state"] == "sold_out"
    assert report["charges"] == {
        "charges": 10,
        "payments_succeeded": 10,
        "reservations_by_charges": {"1": 10},
        "reservations_paid": 10,
        "called_off_charged": 0,
        "holds": True,
    }
    # The screening called off after its deadline: cards saved, nobody charged.
    called_off = report["called_off"]
    assert called_off["confirmations"] == {"ticket": 2}
    assert called_off["changes_to_called_off"] == 1 and called_off["charged"] == 0
    assert report["holds"] is True


# --- The verdict, on made-up runs --------------------------------------------------------------

SENT = "/screenings/reservations/1.abc:sig/sent/"


def answered(status: int, *, refused: str = "", says_why: bool = False) -> Any:
    location = SENT if status == 303 else ""
    return screenings.Answered(status, location, refused, says_why, says_why)


def stored(rows: list[Any], *, capacity: int, held: int, reserved: int, **more: Any) -> Any:
    return screenings.Stored(
        state=more.get("state", "sold_out"),
        capacity=capacity,
        threshold=more.get("threshold", 1),
        tickets_held=held,
        tickets_reserved=reserved,
        rows=rows,
        changes_to=Counter(more.get("changes", {"on_sale": 1, "confirmed": 1})),
        messages=more.get("messages", {}),
    )


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ack", "sold out", "refused otherwise", "unresolved"]),
            st.integers(0, 2),  # active rows stored for the reader's email
            st.booleans(),  # its "screening confirmed" email arrived
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(1, 6),  # capacity
    st.integers(0, 2),  # times tipped
)
def test_the_verdict_holds_exactly_when_every_promise_is_kept(
    cases: list[tuple[str, int, bool]], capacity: int, tipped: int
) -> None:
    tally = screenings.Tally()
    rows, messages = [], {}
    for n, (outcome, stored_rows, emailed) in enumerate(cases):
        email = f"reader{n}@load.example.org"
        fate = screenings.Fate(email)
        fate.answers = {
            "ack": [answered(303)],
            "sold out": [answered(409, refused="sold_out", says_why=True)],
            "refused otherwise": [answered(400, refused="invalid")],
            "unresolved": [],
        }[outcome]
        if outcome == "unresolved":
            fate.broken["connection reset"] = 6
        fate.confirmation = "ticket" if outcome == "ack" else ""
        tally.fates[email] = fate
        for copy in range(stored_rows):
            number = n * 10 + copy
            rows.append(screenings.Row(number, email, "reserved", 1, "none"))
            if emailed:
                messages[f"reservation-{number}-screening-confirmed"] = 1
    reserved = len(rows)
    verdict = screenings.judge(
        tally,
        stored(
            rows,
            capacity=capacity,
            held=0,
            reserved=reserved,
            messages=messages,
            changes={"confirmed": tipped} if tipped else {},
        ),
    )
    acknowledged = sum(outcome == "ack" for outcome, _, _ in cases)
    each_as_told = {
        "ack": lambda rows_: rows_ == 1,  # stored, once
        "sold out": lambda rows_: rows_ == 0,
        "refused otherwise": lambda rows_: False,  # not the refusal promised
        "unresolved": lambda rows_: rows_ <= 1,  # in flight: stored or not
    }
    expected = (
        all(each_as_told[outcome](rows_) for outcome, rows_, _ in cases)
        and all(emailed for _, rows_, emailed in cases if rows_)
        and acknowledged == reserved == capacity
        and tipped == 1
    )
    assert verdict.holds(0) == expected
    assert verdict.acknowledged == acknowledged


def test_an_oversold_screening_or_counters_that_disagree_fail_the_verdict() -> None:
    tally = screenings.Tally()
    rows = []
    for n in range(3):
        fate = screenings.Fate(f"r{n}@x.org", [answered(303)], confirmation="ticket")
        tally.fates[fate.email] = fate
        rows.append(screenings.Row(n, fate.email, "reserved", 1, "none"))
    messages = {f"reservation-{n}-screening-confirmed": 1 for n in range(3)}
    fine = screenings.judge(tally, stored(rows, capacity=3, held=0, reserved=3, messages=messages))
    assert fine.holds(0)
    oversold = screenings.judge(
        tally, stored(rows, capacity=3, held=1, reserved=3, messages=messages)
    )
    assert oversold.oversold and not oversold.counters_match and not oversold.holds(0)
    # An email that arrived twice passes only where an outbox kill allows one.
    twice = {**messages, "reservation-0-screening-confirmed": 2}
    once_more = screenings.judge(
        tally, stored(rows, capacity=3, held=0, reserved=3, messages=twice)
    )
    assert not once_more.holds(0) and once_more.holds(1)


def test_the_called_off_verdict_wants_one_change_one_email_each_and_no_charge() -> None:
    rows = [screenings.Row(n, f"r{n}@x.org", "reserved", 1, "saved") for n in range(3)]
    told = {f"reservation-{n}-called-off": 1 for n in range(3)}
    changes = {"on_sale": 1, "called_off": 1}
    common = {"capacity": 10, "held": 0, "reserved": 3, "state": "called_off"}
    good = screenings.judge_called_off(stored(rows, **common, changes=changes, messages=told))
    assert good.holds(0)
    twice = screenings.judge_called_off(
        stored(rows, **common, changes={"called_off": 2}, messages=told)
    )
    assert not twice.holds(0)
    missing = dict(list(told.items())[:2])
    untold = screenings.judge_called_off(stored(rows, **common, changes=changes, messages=missing))
    assert not untold.holds(0)
    charged = [screenings.Row(0, "r0@x.org", "reserved", 1, "charged"), *rows[1:]]
    paid = screenings.judge_called_off(stored(charged, **common, changes=changes, messages=told))
    assert paid.charged == 1 and not paid.holds(0)


def test_the_confirmation_link_is_the_line_of_its_own_in_the_email() -> None:
    text = (
        "Hello Mina,\n\nconfirm your reservation by opening this link:\n\n"
        "https://crossing.example.org/screenings/reservations/confirm/12.Ab-c_d:x1Y2/\n\n"
        "The seats are held until 6 December.\n"
        "Your ticket, later: https://crossing.example.org/screenings/tickets/12.Ab:zz/\n"
    )
    found = screenings.CONFIRM_LINK.search(text)
    assert found is not None
    assert found.group(1).endswith("/screenings/reservations/confirm/12.Ab-c_d:x1Y2/")
    assert not re.search(screenings.CONFIRM_LINK, "see /screenings/reservations/confirm/1/ ")
