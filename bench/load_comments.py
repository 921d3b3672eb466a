"""The load harness for comments: many readers post at once through several gunicorn
workers, a worker and the outbox's worker are killed with `kill -9` mid-run, and what was
acknowledged is compared with what the database holds, comment by comment; then flood
control is tried, every email enqueued is checked to arrive exactly once, and (with --read)
a post holding 200 comments is read as fast as it can be.

Why: issue 15, "Done when": 1,000 comments from 50 concurrent clients through 4 workers on
PostgreSQL, every acknowledged comment stored exactly once (a double submit stores one),
flood control and rate limits hold, kill -9 mid-run loses no acknowledged comment or queued
email (docs/performance.md, "Comments").

How: like bench/load.py (whose server, database and data folder it shares) it starts
`crossing serve --production --workers N` on a fresh database, with 127.0.0.1 a trusted proxy
so each reader's X-Forwarded-For address is its own, CROSSING_SPAM_MIN_SECONDS=0 (readers
here post as soon as they have read the form, which the too-fast rule would hold) and
CROSSING_COMMENTS_FLOOD_SECONDS as --flood-seconds (each reader waits that long between
comments, so no new comment should meet flood control). An SMTP server of its own takes the
emails. See _comments.py for what the readers do.

The verdict holds when: every acknowledged comment (303 naming #comment-<id>) is stored
exactly once under that id, none is stored twice, none refused is stored, flood control
refused what it should (when --flood-seconds > 0), and every email enqueued arrived exactly
once. Exit status: 0 when it holds, 1 when it does not, 2 when the test could not run.

Run:  .venv/bin/python bench/load_comments.py --database postgres --workers 4 --clients 50 \\
          --comments 1000 --kill-worker 2 --kill-outbox 2 --read [--redis URL] [--json]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from _comments import (
    POST_PATH,
    Reader,
    Settings,
    Stored,
    Tally,
    Verdict,
    comment_form,
    drive,
    exchange,
    find_post_page,
    form_body,
    judge,
    post_headers,
)
from _comments_read import read_phase
from _kills import Kill, killer
from _load import percentile
from _mail import Emails, MailServer, drain_and_count
from _server import (
    Database,
    Server,
    data_folder,
    free_port,
    fresh_database,
    postgres_server,
    run_harness,
    site_environment,
)
from _site import ROOT, machine
from load import count, positive_int, seconds

# --- Flood control -----------------------------------------------------------------------


def flood_probe(port: int, page: str, database: Database, run: int) -> dict[str, Any]:
    """Three readers each post one comment, then a second within the flood window: from the
    same address and email, from the same email at another address, and from the same
    address with another email. Each second comment must be refused with 429, the form
    keeping what was typed, and not be stored."""
    form = comment_form(exchange(port, "GET", page).body) or {}
    results: dict[str, Any] = {}
    cases = {
        "same address and email": (0, 0),
        "same email, another address": (0, 1),
        "same address, another email": (1, 0),
    }
    for number, (case, (other_email, other_address)) in enumerate(cases.items()):
        first = Reader(900_000 + number * 2)
        second_reader = Reader(900_000 + number * 2 + other_email)
        second_address = Reader(900_000 + number * 2 + other_address).address
        # Tagged apart from the readers' markers: the verdict counts those alone.
        texts = [
            f"A flood probe, first comment. [probe {run}-{number}]",
            f"A flood probe, second comment. [probe {run}-{number}]",
        ]
        one = exchange(
            port,
            "POST",
            POST_PATH,
            body=form_body(form, first, texts[0], notify=False),
            headers=post_headers(first.address, port),
        )
        two = exchange(
            port,
            "POST",
            POST_PATH,
            body=form_body(form, second_reader, texts[1], notify=False),
            headers=post_headers(second_address, port),
        )
        [(stored,)] = database.rows(
            "SELECT COUNT(*) FROM comments_comment WHERE text = ?", (texts[1],)
        )
        results[case] = {
            "first": one.status,
            "second": two.status,
            "second_stored": stored,
            "typed_kept": "A flood probe, second comment." in two.body,
            "holds": one.status == 303 and two.status == 429 and stored == 0,
        }
    return results


# --- The run -----------------------------------------------------------------------------


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/load_comments.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", metavar="URL", help="as bench/load.py's --postgres")
    parser.add_argument("--redis", metavar="URL", help="the site's cache (REDIS_URL)")
    parser.add_argument("--workers", type=positive_int, default=4, help="gunicorn workers")
    parser.add_argument("--clients", type=positive_int, default=50, help="concurrent readers")
    parser.add_argument("--comments", type=positive_int, default=1000, help="comments to post")
    parser.add_argument(
        "--flood-seconds",
        type=count,
        default=15,
        help="CROSSING_COMMENTS_FLOOD_SECONDS for the run; each reader waits this long "
        "between its comments (15, the site's default, makes 1,000 comments from 50 readers "
        "take 5 minutes)",
    )
    parser.add_argument(
        "--readers-per-client",
        type=positive_int,
        default=1,
        help="readers (address, name, email) each client posts as, in turn: with as many "
        "as it has comments, nobody waits for flood control",
    )
    parser.add_argument("--kill-worker", type=count, default=0, help="gunicorn workers to kill")
    parser.add_argument("--kill-outbox", type=count, default=0, help="outbox workers to kill")
    parser.add_argument(
        "--kill-server",
        type=count,
        default=0,
        help="kills of the whole server (master, workers, outbox's worker) and restarts",
    )
    parser.add_argument(
        "--read", action="store_true", help="then measure a post page holding --read-comments"
    )
    parser.add_argument("--read-comments", type=positive_int, default=200)
    parser.add_argument("--read-seconds", type=positive_int, default=10, help="per wrk run")
    parser.add_argument("--read-connections", type=positive_int, default=16)
    parser.add_argument("--mail-timeout", type=seconds, default=180.0)
    parser.add_argument("--timeout", type=seconds, default=30.0, help="seconds for one post")
    parser.add_argument("--content", type=Path, help="the content folder (default: content/)")
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="the checkout of Crossing to serve, e.g. a git worktree of another branch",
    )
    parser.add_argument("--start-timeout", type=seconds, default=180.0)
    parser.add_argument("--keep", action="store_true", help="keep the data folder and database")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser.parse_args(argv)


def environment_for(
    args: argparse.Namespace, data_dir: Path, database: Database, mail: MailServer, port: int
) -> dict[str, str]:
    return {
        **site_environment(
            data_dir=data_dir,
            database=database,
            redis=args.redis,
            content=args.content,
            rate_limit=None,
        ),
        # The harness is the proxy: each reader's address is its X-Forwarded-For.
        "CROSSING_TRUSTED_PROXIES": "127.0.0.1",
        # Readers here post at once after reading the form; the too-fast rule would hold all.
        "CROSSING_SPAM_MIN_SECONDS": "0",
        "CROSSING_COMMENTS_FLOOD_SECONDS": str(args.flood_seconds),
        "CROSSING_COMMENTS_CLOSE_AFTER_DAYS": "0",
        "CROSSING_EMAIL_URL": mail.url,
        "CROSSING_MODERATOR_EMAILS": "moderators@load.example.org",
        "CROSSING_SITE_URL": f"http://127.0.0.1:{port}",
        # A message claimed by a killed outbox worker is taken again after its lease.
        "CROSSING_OUTBOX_LEASE_SECONDS": "5",
        "CROSSING_OUTBOX_RETRY_SECONDS": "1",
    }


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_test(args: argparse.Namespace) -> dict[str, Any]:
    server_url = postgres_server(args.postgres or os.environ.get("DATABASE_URL"))
    run = int(time.time()) % 1_000_000
    with (
        MailServer() as mail,
        data_folder(args.keep) as data_dir,
        fresh_database(args.database, data_dir, server_url, keep=args.keep) as database,
    ):
        port = free_port()
        environment = environment_for(args, data_dir, database, mail, port)
        server = Server(
            workers=args.workers,
            port=port,
            data_dir=data_dir,
            environment=environment,
            code=args.code.resolve(),
            start_timeout=args.start_timeout,
        )
        say(f"starting the site at {server.url} ({args.database}, {args.workers} workers)")
        try:
            first_start = server.start()
            page = find_post_page(port)
            say(f"it answers after {first_start:.1f} s; readers comment on {page}")
            tally, kills = Tally(), list[Kill]()
            settings = Settings(port=port, run=run, flood_seconds=args.flood_seconds)
            started = time.monotonic()
            readers = drive(
                args.clients, args.comments, args.readers_per_client, page, settings, tally
            )
            finished = threading.Event()
            kill_plan = (args.kill_worker, args.kill_outbox, args.kill_server)
            kill_thread = killer(server, tally, args.comments, kill_plan, kills, finished)
            for thread in readers:
                thread.join()
            took = time.monotonic() - started
            finished.set()
            kill_thread.join(timeout=70)
            say(f"{len(tally.fates)} comments posted in {took:.1f} s; {len(kills)} kills")
            flood = flood_probe(port, page, database, run) if args.flood_seconds > 0 else None
            emails = drain_and_count(database, mail, timeout=args.mail_timeout)
            read = None
            if args.read:
                say(f"reading {page} with {args.read_comments} comments")
                read = read_phase(
                    port,
                    page,
                    environment,
                    args.code.resolve(),
                    comments=args.read_comments,
                    seconds=args.read_seconds,
                    connections=args.read_connections,
                )
        finally:
            server.stop()
        stored = Stored.read(database, run)
        held = database.scalar("SELECT COUNT(*) FROM comments_comment WHERE status = 'held'")
        # The moderators' email of each held comment (notifications.py's key).
        told = database.scalar(
            "SELECT COUNT(*) FROM comments_comment c JOIN outbox_message m "
            "ON m.key = 'comment-' || c.id || '-held' WHERE c.status = 'held'"
        )
    verdict = judge(tally, stored)
    return report(
        args, page, tally, verdict, emails, flood, read, kills, took, first_start, (held, told)
    )


def report(
    args: argparse.Namespace,
    page: str,
    tally: Tally,
    verdict: Verdict,
    emails: Emails,
    flood: dict[str, Any] | None,
    read: dict[str, Any] | None,
    kills: list[Kill],
    took: float,
    first_start: float,
    held: tuple[int, int],
) -> dict[str, Any]:
    latencies = sorted(tally.latencies)
    flood_holds = flood is None or all(case["holds"] for case in flood.values())
    # A kill of the outbox's worker, or of the whole server with it, may send one email twice.
    outbox_kills = sum(1 for kill in kills if kill.what != "gunicorn worker")
    emails_hold = emails.hold(outbox_kills)
    facts = machine()
    facts.pop("chromium", None)
    return {
        "machine": facts,
        "settings": {
            "database": args.database,
            "redis": args.redis,
            "workers": args.workers,
            "clients": args.clients,
            "comments": args.comments,
            "flood_seconds": args.flood_seconds,
            "readers_per_client": args.readers_per_client,
            "kill_worker": args.kill_worker,
            "kill_outbox": args.kill_outbox,
            "kill_server": args.kill_server,
            "spam_min_seconds": 0,
            "page": page,
        },
        "posts_sent": sum(tally.statuses.values()) + sum(tally.broken.values()),
        "answers": {str(status): n for status, n in sorted(tally.statuses.items())},
        "broken_in_flight": dict(tally.broken),
        "connections_not_opened": dict(tally.unreachable),
        "acknowledged": verdict.acknowledged,
        "held_acknowledged": sum(1 for fate in tally.fates.values() if fate.held),
        "stored": verdict.stored,
        "stored_held": held[0],
        "held_with_moderators_email": held[1],
        "unresolved": verdict.unresolved,
        "lost": verdict.lost,
        "stored_twice": verdict.twice,
        "refused_yet_stored": verdict.refused_yet_stored,
        "wrong_id": verdict.wrong_id,
        "kills": [asdict(kill) for kill in kills],
        "flood": flood,
        "emails": {**asdict(emails), "hold": emails_hold},
        "read": read,
        "first_start_seconds": round(first_start, 2),
        "seconds": round(took, 2),
        "comments_per_second": round(verdict.acknowledged / took, 1),
        "posts_per_second": round(len(latencies) / took, 1),
        "latency_ms": {
            name: round(percentile(latencies, share) * 1000, 1)
            for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        },
        "holds": verdict.holds and flood_holds and emails_hold and held[0] == held[1],
    }


def text(result: dict[str, Any]) -> str:
    s, facts, e = result["settings"], result["machine"], result["emails"]
    lines = [
        f"comments: {s['database']}{' + Redis' if s['redis'] else ''}, {s['workers']} workers, "
        f"{s['clients']} readers, {s['comments']:,} comments on {s['page']}, flood "
        f"{s['flood_seconds']} s, kill -9: {s['kill_worker']} gunicorn worker(s), "
        f"{s['kill_outbox']} outbox worker(s), {s['kill_server']} whole server(s)",
        f"machine: {facts['cpus']} CPUs ({facts['cpu']}), Python {facts['python']}, "
        f"{facts['date']}, commit {facts['commit']}",
        "",
        f"posts sent {result['posts_sent']:,}; answers {result['answers']}; "
        f"broken in flight {result['broken_in_flight'] or 'none'}",
        f"acknowledged {result['acknowledged']:,} (held {result['held_acknowledged']:,}); "
        f"stored {result['stored']:,}; unresolved {result['unresolved']}",
        f"lost {len(result['lost'])}, stored twice {len(result['stored_twice'])}, refused yet "
        f"stored {len(result['refused_yet_stored'])}, wrong id {len(result['wrong_id'])}",
        f"emails: enqueued {e['enqueued']:,}, arrived once {e['arrived_once']:,}, twice "
        f"{e['arrived_twice']}, missing {e['missing']}, failed {e['failed']}, pending "
        f"{e['pending']} (drained {e['seconds_to_drain']} s after the readers)",
        f"held comments {result['stored_held']:,}, with the moderators' email "
        f"{result['held_with_moderators_email']:,}",
    ]
    for kill in result["kills"]:
        lines.append(
            f"kill -9 ({kill['what']}) at {kill['at_share']:.0%} of the run: replaced after "
            f"{kill['seconds_to_replace']:.2f} s"
        )
    if result["flood"]:
        for case, outcome in result["flood"].items():
            lines.append(
                f"flood, {case}: {outcome['first']} then {outcome['second']}, second stored "
                f"{outcome['second_stored']}, typed kept {outcome['typed_kept']}"
            )
    latency = result["latency_ms"]
    lines.append(
        f"{result['seconds']:.1f} s, {result['comments_per_second']:,.1f} comments/s "
        f"({result['posts_per_second']:,.1f} answered posts/s); latency ms p50 "
        f"{latency['p50']:.1f}, p90 {latency['p90']:.1f}, p99 {latency['p99']:.1f}, max "
        f"{latency['max']:.1f}"
    )
    if result["read"]:
        r = result["read"]
        lines.append(
            f"read {r['comments_shown']} comments shown ({r['page_bytes']:,} bytes): cached "
            f"{r['cached']['requests_per_second']:,.0f} req/s (p99 {r['cached']['p99_ms']} ms), "
            f"rendered {r['rendered']['requests_per_second']:,.0f} req/s (p99 "
            f"{r['rendered']['p99_ms']} ms); approval shows after "
            f"{r['approval']['first_seconds']} s, in every worker after "
            f"{r['approval']['all_workers_seconds']} s"
        )
    lines.append("verdict: " + ("holds" if result["holds"] else "VIOLATED"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_harness("bench/load_comments.py", arguments(argv), load_test, text)


if __name__ == "__main__":
    sys.exit(main())
