"""The load harness (bench/load.py) run small against the database the suite is configured
for: a real production server, concurrent clients, a `kill -9` of the whole server mid-run
and a restart, and what was acknowledged compared with what the database holds. Then its
verdict, percentiles and clear errors on their own."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .bench_runs import BENCH, ROOT, run_bench, the_suite_s_database

EXAMPLE = ROOT / "examples" / "market-day"

sys.path.insert(0, str(BENCH))  # the harness's modules import each other by their names
load_core = importlib.import_module("_load")
server_module = importlib.import_module("_server")


def small_content(folder: Path) -> Path:
    """A content folder whose journey is the small example story: quick to publish."""
    shutil.copytree(EXAMPLE, folder / "journey")
    return folder


def harness(*options: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run_bench("load.py", *options, timeout=timeout)


def test_no_acknowledged_report_is_lost_when_the_server_is_killed_mid_run(
    tmp_path: Path,
) -> None:
    """200 ending reports from 10 clients through 2 workers, the master and both workers
    killed with SIGKILL halfway and started again: every report is acknowledged, in flight
    when the server died, or nothing else; the database holds every acknowledged one and
    none beyond those in flight."""
    content = small_content(tmp_path / "content")
    options = ["--content", str(content), *the_suite_s_database()]
    options += ["--requests", "200", "--clients", "10", "--workers", "2", "--kill", "1"]
    result = harness(*options, "--json")
    assert result.returncode == 0, result.stderr + result.stdout
    report: dict[str, Any] = json.loads(result.stdout)
    expected = "postgres" if "postgres" in options else "sqlite"
    assert report["settings"]["database"] == expected

    acknowledged, in_flight, stored = (report[k] for k in ("acknowledged", "in_flight", "stored"))
    assert report["verdict"] == {
        "holds": True,
        "lost": 0,
        "unaccounted": 0,
        "explanation": report["verdict"]["explanation"],
    }
    assert acknowledged <= stored <= acknowledged + in_flight
    # Each report ended one way: no refusal, none left unsent, and the counts add up.
    assert report["refused"] == {} and report["not_sent"] == 0
    assert report["writes"] == report["sent"] == acknowledged + in_flight == 200
    assert sum(report["in_flight_by_kind"].values()) == in_flight
    # One kill of the master, its two workers and the outbox's worker, which the clients met
    # and came through.
    assert [kill["processes"] for kill in report["kills"]] == [4]
    assert report["connections_not_opened"].get("connection refused", 0) > 0
    assert acknowledged >= 150, "the restarted server should have taken the second half"
    assert "Traceback" not in result.stderr


def test_without_kills_every_report_is_acknowledged_and_stored_once(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    options = ["--content", str(content), *the_suite_s_database(), "--workers", "2"]
    result = harness(*options, "--requests", "100", "--clients", "8")
    assert result.returncode == 0, result.stderr + result.stdout
    for label, number in (("acknowledged", 100), ("in flight", 0), ("stored", 100)):
        assert re.search(rf"^ *{label} +{number}\b", result.stdout, re.M), result.stdout
    assert "\nverdict: holds: no acknowledged write lost" in result.stdout


def test_an_unreachable_postgresql_is_named_with_what_to_do() -> None:
    result = harness("--database", "postgres", "--postgres", "postgres://nobody@127.0.0.1:9")
    assert result.returncode == 2
    assert "cannot reach PostgreSQL at postgres://nobody@127.0.0.1:9" in result.stderr
    assert "--postgres" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_site_that_does_not_start_is_reported_with_the_end_of_its_log(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    story = content / "journey" / "main.story"
    story.write_text(story.read_text().replace("-> stairs", "-> stiars", 1))
    result = harness("--content", str(content), "--requests", "10")
    assert result.returncode == 2
    assert "the site stopped with status 1 before it answered" in result.stderr
    assert "unknown scene 'stiars'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_port_the_kernel_gives_clients_is_refused() -> None:
    port = server_module.ephemeral_ports().start
    result = harness("--port", str(port))
    assert result.returncode == 2
    assert f"--port {port} is in the kernel's ephemeral range" in result.stderr


@given(
    acknowledged=st.integers(0, 10_000),
    in_flight=st.integers(0, 10_000),
    stored=st.integers(0, 30_000),
)
def test_the_verdict_holds_exactly_when_stored_lies_between_the_bounds(
    acknowledged: int, in_flight: int, stored: int
) -> None:
    verdict = load_core.Verdict(acknowledged, in_flight, stored)
    assert verdict.holds == (acknowledged <= stored <= acknowledged + in_flight)
    assert verdict.lost == max(0, acknowledged - stored)
    assert verdict.unaccounted == max(0, stored - acknowledged - in_flight)
    explanation = verdict.explain()
    assert explanation.startswith("holds" if verdict.holds else "VIOLATED")
    if verdict.lost:
        assert f"{verdict.lost} acknowledged writes are not stored" in explanation
    if verdict.unaccounted:
        assert f"{verdict.unaccounted} writes are stored that were neither" in explanation


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1), st.floats(0, 1))
def test_a_percentile_is_one_of_the_values_and_grows_with_the_share(
    values: list[float], share: float
) -> None:
    ordered = sorted(values)
    found = load_core.percentile(ordered, share)
    assert found in ordered
    assert load_core.percentile(ordered, 1.0) == ordered[-1]
    assert found <= load_core.percentile(ordered, min(1.0, share + 0.1))
    below = sum(value < found for value in ordered)
    assert below < max(1, share * len(ordered)) + 1e-9  # nearest rank: no more than share


@given(
    user=st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    host=st.sampled_from(["127.0.0.1", "db.internal", "[::1]"]),
    port=st.integers(1, 65535),
    name=st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
)
def test_the_postgresql_server_is_the_url_without_its_database(
    user: str, host: str, port: int, name: str
) -> None:
    url = f"postgres://{user}@{host}:{port}/{name}?sslmode=disable"
    assert server_module.postgres_server(url) == f"postgres://{user}@{host}:{port}"
    assert server_module.postgres_server(None) == server_module.DEFAULT_POSTGRES
