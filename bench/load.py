"""The load harness: many clients write to the site at once, the server is killed with
`kill -9` mid-run and started again, and what was acknowledged is compared with what the
database holds.

Why: readers' writes (ending reports today; comments and reservations later) must be stored
exactly once when acknowledged, through several gunicorn workers, on SQLite and PostgreSQL,
whatever happens to the server (docs/performance.md, "Issue 14: the load harness").

How: it starts `crossing serve --production --workers N` itself, in a session of its own,
on a fresh database (SQLite in a temporary data folder, or a new PostgreSQL database that is
dropped afterwards), optionally with Redis as the cache. N client threads then send writes
(`--requests` of them, or for `--duration` seconds), one at a time each, over a new
connection. With `--kill K`, K times evenly over the run, the master and all its workers are
killed at once (SIGKILL to the process group) and the site is started again on the same
data; the clients keep going, trying again after a pause while the server is down. At the
end the server is stopped gracefully and what is stored is read straight from the database.

Each write ends acknowledged (its 2xx answer read), refused (another status), in flight (the
connection broke after the request was sent: stored or not, nobody knows) or not sent. The
verdict holds when no acknowledged write is lost and nothing is stored beyond what was in
flight: acknowledged <= stored <= acknowledged + in flight. Exit status: 0 when it holds,
1 when it does not, 2 when the test could not run.

Run:  .venv/bin/python bench/load.py --database postgres --workers 4 --clients 50 \\
          --requests 2000 --kill 3 [--redis redis://127.0.0.1:6379/9] [--json]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _load import ClientSettings, Plan, Run, Scenario, Verdict, drive, percentile
from _scenarios import EndingReports
from _server import (
    HarnessError,
    Kill,
    Server,
    data_folder,
    ephemeral_ports,
    free_port,
    fresh_database,
    postgres_server,
    site_environment,
)
from _site import ROOT

SCENARIOS: dict[str, type[Scenario]] = {"endings": EndingReports}


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text}")
    return value


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/load.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default="endings")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="the PostgreSQL server to create the run's database on "
        "(default: DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432)",
    )
    parser.add_argument("--redis", metavar="URL", help="the site's cache (REDIS_URL); none: memory")
    parser.add_argument("--workers", type=positive_int, default=2, help="gunicorn workers")
    parser.add_argument("--clients", type=positive_int, default=10, help="concurrent clients")
    parser.add_argument(
        "--requests", type=positive_int, help="writes to send (default 1000 without --duration)"
    )
    parser.add_argument("--duration", type=seconds, help="seconds to send writes for")
    parser.add_argument("--kill", type=count, default=0, help="kill -9 and restarts mid-run")
    parser.add_argument("--timeout", type=seconds, default=30.0, help="seconds for one write")
    parser.add_argument(
        "--pause", type=seconds, default=0.1, help="seconds before reconnecting to a down server"
    )
    parser.add_argument(
        "--rate-limit",
        type=count,
        metavar="N",
        help="the site's CROSSING_ENDING_RATE (its 429s are counted as refused); "
        "default: a limit that refuses nothing, as every client comes from 127.0.0.1",
    )
    parser.add_argument(
        "--port", type=positive_int, help="the site's port (default: a free one, not ephemeral)"
    )
    parser.add_argument(
        "--content", type=Path, help="the content folder to serve (default: content/)"
    )
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="the checkout of Crossing to serve, e.g. a git worktree of an older commit",
    )
    parser.add_argument("--start-timeout", type=seconds, default=180.0)
    parser.add_argument(
        "--keep", action="store_true", help="keep the data folder and the PostgreSQL database"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--markdown", action="store_true", help="also print a table row")
    args = parser.parse_args(argv)
    if args.requests is None and args.duration is None:
        args.requests = 1000
    if args.port is not None and args.port in ephemeral_ports():
        parser.error(
            f"--port {args.port} is in the kernel's ephemeral range "
            f"({ephemeral_ports().start}-{ephemeral_ports().stop - 1}): while the server is "
            "down a client's connection could take it; choose one below"
        )
    if args.content is not None and not (args.content / "journey").is_dir():
        parser.error(f"--content {args.content}: no journey/ folder in it")
    if not (args.code / "crossing" / "cli.py").is_file():
        parser.error(f"--code {args.code}: not a checkout of Crossing (no crossing/cli.py)")
    return args


def machine(code: Path) -> dict[str, str]:
    """What docs/performance.md records beside the figures, with the served code's commit."""
    commit = subprocess.run(
        ["git", "-C", str(code), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown (not a git checkout)",
        "nproc": str(len(os.sched_getaffinity(0))),
        "machine": platform.machine(),
        "python": platform.python_version(),
    }


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_test(args: argparse.Namespace) -> dict[str, Any]:
    """Start the site, drive it, stop it, count what it stored: the report."""
    scenario = SCENARIOS[args.scenario]()
    server_url = postgres_server(args.postgres or os.environ.get("DATABASE_URL"))
    with (
        data_folder(args.keep) as data_dir,
        fresh_database(args.database, data_dir, server_url, keep=args.keep) as database,
    ):
        environment = site_environment(
            data_dir=data_dir,
            database=database,
            redis=args.redis,
            content=args.content,
            rate_limit=args.rate_limit,
        )
        server = Server(
            workers=args.workers,
            port=args.port or free_port(),
            data_dir=data_dir,
            environment=environment,
            code=args.code.resolve(),
            start_timeout=args.start_timeout,
        )
        say(f"starting the site at {server.url} ({args.database}, {args.workers} workers)")
        try:
            first_start = server.start()
            say(f"it answers after {first_start:.1f} s")
            scenario.prepare(server.url)
            before = scenario.stored(database)

            def kill() -> Kill:
                done = server.kill_and_restart()
                say(
                    f"kill -9 of {done.processes} processes; it answers again after "
                    f"{done.seconds_down:.1f} s"
                )
                return done

            plan = Plan(
                clients=args.clients,
                total=args.requests,
                duration=args.duration,
                kills=args.kill,
                settings=ClientSettings(server.port, args.timeout, args.pause),
            )
            run = drive(plan, scenario, kill)
        finally:
            server.stop()  # gracefully: requests still being answered are finished first
        stored = scenario.stored(database) - before
    return report(args, scenario, run, stored, first_start)


def report(
    args: argparse.Namespace, scenario: Scenario, run: Run, stored: int, first_start: float
) -> dict[str, Any]:
    tally = run.tally
    verdict = Verdict(tally.acknowledged, tally.in_flight.total(), stored)
    latencies = sorted(tally.latencies)
    return {
        "machine": machine(args.code),
        "settings": {
            "scenario": scenario.name,
            "database": args.database,
            "redis": args.redis,
            "workers": args.workers,
            "clients": args.clients,
            "requests": args.requests,
            "duration": args.duration,
            "kills": args.kill,
            "timeout": args.timeout,
            "rate_limit": args.rate_limit,
            "code": str(args.code),
        },
        "description": scenario.description,
        "writes": tally.writes,
        "sent": tally.sent,
        "acknowledged": tally.acknowledged,
        "refused": {str(status): n for status, n in sorted(tally.refused.items())},
        "in_flight": verdict.in_flight,
        "in_flight_by_kind": dict(tally.in_flight.most_common()),
        "not_sent": tally.not_sent,
        "connections_not_opened": dict(tally.unreachable.most_common()),
        "stored": stored,
        "verdict": {
            "holds": verdict.holds,
            "lost": verdict.lost,
            "unaccounted": verdict.unaccounted,
            "explanation": verdict.explain(),
        },
        "kills": [
            {"processes": k.processes, "seconds_down": round(k.seconds_down, 2)} for k in run.kills
        ],
        "first_start_seconds": round(first_start, 2),
        "seconds": round(run.seconds, 2),
        "acknowledged_per_second": round(tally.acknowledged / run.seconds, 1),
        "answers_per_second": round(len(latencies) / run.seconds, 1),
        "latency_ms": {
            name: round(percentile(latencies, share) * 1000, 1)
            for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        },
    }


def kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n:,}" for kind, n in counts.items()) or "none"


def by_kind(counts: dict[str, int]) -> str:
    return "; " + kinds(counts) if counts else ""


def line(label: str, number: int, note: str = "") -> str:
    return f"{label:<15}{number:>7,}" + (f"  ({note})" if note else "")


def text(result: dict[str, Any]) -> str:
    settings, facts = result["settings"], result["machine"]
    size = (f"{settings['requests']:,} writes" if settings["requests"] else "") + (
        f" for at most {settings['duration']:g} s" if settings["duration"] else ""
    )
    redis = f" + Redis {settings['redis']}" if settings["redis"] else ""
    latency = result["latency_ms"]
    refused = sum(result["refused"].values())
    unsent = (
        f"; {result['not_sent']:,} not sent, as the run ended while the server was down"
        if result["not_sent"]
        else ""
    )
    downs = ", ".join(f"{k['seconds_down']:.1f}" for k in result["kills"])
    lines = [
        f"{result['description']}: {settings['database']}{redis}, {settings['workers']} "
        f"workers, {settings['clients']} clients, {size.strip()}, {settings['kills']} × kill -9",
        f"machine: {facts['nproc']} CPUs ({facts['machine']}), Python {facts['python']}, "
        f"{facts['date']}, commit {facts['commit']}",
        "",
        line("sent", result["sent"], f"of {result['writes']:,} writes{unsent}"),
        line("  acknowledged", result["acknowledged"], "a 2xx answer was read"),
        line("  refused", refused, "another status: not stored" + by_kind(result["refused"])),
        line(
            "  in flight",
            result["in_flight"],
            "sent, then the connection broke: stored or not" + by_kind(result["in_flight_by_kind"]),
        ),
        line("stored", result["stored"]),
        f"verdict: {result['verdict']['explanation']}",
        "",
        f"connections not opened (the write was tried again): "
        f"{kinds(result['connections_not_opened'])}",
    ]
    if result["kills"]:
        processes = ", ".join(str(k["processes"]) for k in result["kills"])
        lines.append(
            f"kill -9: {len(result['kills'])} (processes killed: {processes}); "
            f"answering again after {downs} s"
        )
    lines.append(
        f"{result['seconds']:.1f} s, {result['acknowledged_per_second']:,.0f} acknowledged "
        f"writes/s ({result['answers_per_second']:,.0f} answers/s); answers' latency ms p50 {latency['p50']:.1f}, p90 {latency['p90']:.1f}, "
        f"p99 {latency['p99']:.1f}, max {latency['max']:.1f}"
    )
    return "\n".join(lines)


MARKDOWN_HEADER = (
    "| database | cache | workers | kills | writes | acknowledged | refused | in flight "
    "| stored | verdict | ack/s | p50 ms | p99 ms | answering again after (s) |\n"
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: "
    "| --- |"
)


def markdown(result: dict[str, Any]) -> str:
    """The run as a row of docs/performance.md's table, under its header."""
    settings, verdict = result["settings"], result["verdict"]
    refused = sum(result["refused"].values())
    statuses = ", ".join(f"{status}: {n}" for status, n in result["refused"].items())
    cells = [
        {"sqlite": "SQLite", "postgres": "PostgreSQL"}[settings["database"]],
        "Redis" if settings["redis"] else "memory",
        settings["workers"],
        settings["kills"],
        f"{result['writes']:,}",
        f"{result['acknowledged']:,}",
        f"{refused:,}" + (f" ({statuses})" if refused else ""),
        result["in_flight"],
        f"{result['stored']:,}",
        "holds"
        if verdict["holds"]
        else f"**violated** (-{verdict['lost']}, +{verdict['unaccounted']})",
        f"{result['acknowledged_per_second']:,.0f}",
        f"{result['latency_ms']['p50']:.0f}",
        f"{result['latency_ms']['p99']:.0f}",
        ", ".join(f"{kill['seconds_down']:.1f}" for kill in result["kills"]) or "–",
    ]
    return MARKDOWN_HEADER + "\n| " + " | ".join(str(cell) for cell in cells) + " |"


def interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    # Stopped like Ctrl+C, so the server is stopped and the database dropped.
    signal.signal(signal.SIGTERM, interrupt)
    started = time.monotonic()
    try:
        result = load_test(args)
    except HarnessError as error:
        say(f"bench/load.py: {error}")
        return 2
    except KeyboardInterrupt:
        say(f"bench/load.py: interrupted after {time.monotonic() - started:.0f} s")
        return 130
    print(json.dumps(result, indent=2) if args.json else text(result))
    if args.markdown:
        print(markdown(result))
    return 0 if result["verdict"]["holds"] else 1


if __name__ == "__main__":
    sys.exit(main())
