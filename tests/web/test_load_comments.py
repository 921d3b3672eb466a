"""The comments' load harness (bench/load_comments.py) run small against the database the
suite is configured for: 100 comments from 10 clients through 2 gunicorn workers, with
double submits (at once and again after the answer), a gunicorn worker, the outbox's worker
and then the whole server killed with SIGKILL mid-run, flood control tried, every email
checked to arrive, and the post read with 50 comments. Then the harness's own parts: the
form reader and the verdict."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .bench_runs import BENCH, run_bench, the_suite_s_database

sys.path.insert(0, str(BENCH))  # the harness's modules import each other by their names
comments = importlib.import_module("_comments")
WRK = shutil.which("wrk") is not None


def harness(*options: str, timeout: float = 150) -> subprocess.CompletedProcess[str]:
    return run_bench("load_comments.py", *options, timeout=timeout)


def test_every_acknowledged_comment_is_stored_once_through_kill_9_and_double_submits() -> None:
    options = [*the_suite_s_database(), "--comments", "100", "--clients", "10"]
    options += ["--workers", "2", "--flood-seconds", "1", "--kill-worker", "1"]
    options += ["--kill-outbox", "1", "--kill-server", "1", "--mail-timeout", "40"]
    if WRK:
        options += ["--read", "--read-comments", "50", "--read-seconds", "1"]
    options += ["--json"]
    result = harness(*options)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr + result.stdout
    report: dict[str, Any] = json.loads(result.stdout)

    # Every comment was answered (a post whose connection broke was sent again), and the
    # answer was the 303 of a stored comment: flood control let each reader's paced
    # comments through, double submits included.
    assert report["acknowledged"] == 100 and report["unresolved"] == 0
    assert set(report["answers"]) == {"303"}, report["answers"]
    assert report["stored"] == 100
    assert report["lost"] == report["stored_twice"] == report["wrong_id"] == []
    assert report["refused_yet_stored"] == []
    # Double submits: 20 sent twice at once, 20 sent again after the answer.
    assert report["posts_sent"] >= 140

    # A gunicorn worker, the outbox's worker, then the whole server (master, workers and
    # the outbox's worker at once) were killed mid-run and replaced.
    assert [kill["what"] for kill in report["kills"]] == [
        "gunicorn worker",
        "outbox worker",
        "the whole server",
    ]
    assert all(kill["seconds_to_replace"] < 30 for kill in report["kills"])

    # Flood control: a second comment within the interval, from the same address or the
    # same email, is refused with 429, keeps what was typed, and is not stored.
    assert report["flood"] is not None
    for case, outcome in report["flood"].items():
        assert outcome == {
            "first": 303,
            "second": 429,
            "second_stored": 0,
            "typed_kept": True,
            "holds": True,
        }, case

    # Every email enqueued (moderators' for held comments, confirmations for replies)
    # arrived: once, or twice with the same Message-ID where a kill -9 of the outbox's worker
    # fell between the SMTP server's "250 OK" and marking the message sent (one per kill).
    emails = report["emails"]
    assert emails["pending"] == emails["failed"] == emails["missing"] == 0, emails
    assert emails["arrived_twice"] <= 2
    assert emails["arrived_once"] + emails["arrived_twice"] == emails["enqueued"] > 100
    assert emails["hold"] is True
    # … and each held comment has its moderators' email among them.
    assert report["held_with_moderators_email"] == report["stored_held"] >= 100
    # The post read with 50 approved comments threaded to depth 5, as kept and as rendered
    # for each request, every answer a 200; an approval shows within seconds.
    read = report["read"]
    if not WRK:  # the read figures need wrk (Debian's package)
        assert read is None and report["holds"] is True
        return
    assert read["comments_shown"] == 50 and read["depths"] == [1, 2, 3, 4, 5]
    for how in ("cached", "rendered"):
        assert read[how]["requests"] > 0, read
        assert read[how]["not_2xx"] == read[how]["socket_errors"] == 0, read
    assert 0 < read["approval"]["first_seconds"] <= read["approval"]["all_workers_seconds"] < 10
    assert report["holds"] is True


FORM = """<main><form method="get" action="/search/"><input name="q" value="x"></form>
<form method="post" action="/comments/post/#respond" id="comment-form">
<input type="hidden" name="page" value="/news/a-post/">
<input type="hidden" name="parent" value="">
<input type="hidden" name="form_time" value="/news/a-post/:1vS:abc">
<input name="name" value=""><input type="email" name="email">
<input type="checkbox" name="notify"><textarea name="comment"></textarea>
<input name="homepage" value="" tabindex="-1"><button type="submit">Post</button></form>"""


def test_the_comment_form_is_read_as_a_browser_would_send_it() -> None:
    fields = comments.comment_form(FORM)
    assert fields == {
        "page": "/news/a-post/",
        "parent": "",
        "form_time": "/news/a-post/:1vS:abc",
        "name": "",
        "email": "",
        "comment": "",
        "homepage": "",
    }
    assert comments.comment_form("<form action='/search/'><input name='q'></form>") is None


def fate(marker: str, answers: list[tuple[int, str]], broken: int = 0) -> Any:
    made = comments.Fate(marker, list(answers))
    if broken:
        made.broken["connection reset"] = broken
    return made


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ack", "refused", "unresolved", "ack-after-break"]),
            st.integers(0, 2),  # rows stored
            st.booleans(),  # the stored row's id is the answered one
        ),
        max_size=20,
    )
)
def test_the_verdict_holds_exactly_when_each_acknowledged_comment_is_stored_once(
    cases: list[tuple[str, int, bool]],
) -> None:
    tally = comments.Tally()
    rows: dict[str, list[tuple[int, str]]] = {}
    for n, (outcome, stored, same_id) in enumerate(cases):
        marker = f"1-{n}"
        answered_id = 1000 + n
        where = f"/news/a/?unapproved={answered_id}&moderation-hash=x#comment-{answered_id}"
        tally.fates[marker] = {
            "ack": fate(marker, [(303, where), (303, where)]),
            "refused": fate(marker, [(429, "")]),
            "unresolved": fate(marker, [], broken=2),
            "ack-after-break": fate(marker, [(303, where)], broken=1),
        }[outcome]
        if stored:
            rows[marker] = [(answered_id if same_id else 5000 + n, "held")] * stored
    verdict = comments.judge(tally, comments.Stored(rows))
    expected = all(
        (stored <= 1)
        and (outcome not in ("ack", "ack-after-break") or (stored == 1 and same_id))
        and (outcome != "refused" or stored == 0)
        for outcome, stored, same_id in cases
    )
    assert verdict.holds == expected
    assert verdict.acknowledged == sum(o.startswith("ack") for o, _, _ in cases)
    assert verdict.unresolved == sum(o == "unresolved" for o, _, _ in cases)
