"""The load harness for screenings: many readers reserve tickets for one screening at once
through several gunicorn workers, confirm them from the link in their email (and, with
Stripe, save a card on its page), while gunicorn workers, the outbox's worker and the whole
server are killed with `kill -9`; then a second screening's deadline passes, below its
threshold, while the whole site is down, and it must be called off once when it starts again.

Why: issue 16, "Done when": 1,000 reservations from 50 concurrent clients through 4 workers
on PostgreSQL for a screening with 100 seats and a threshold of 60 → exactly 100 confirmed,
the rest refused with a clear message, the threshold tips exactly once (one "confirmed" email
per reservation, one payment attempt each with Stripe), 0 oversold; kill -9 of the server and
of the worker mid-run loses nothing acknowledged and sends no email twice; the deadline job,
run late after downtime, calls off what must be called off, once (docs/performance.md,
"Screenings under load").

How: like load_comments.py it starts `crossing serve --production --workers N` (with its
outbox's worker) on a fresh SQLite or PostgreSQL database, with an SMTP server of its own
(_mail.py) and 127.0.0.1 a trusted proxy, so each reader's X-Forwarded-For address is its
own. The screenings are requested, approved and put on sale through the site's services in
this process (django.setup() on the same database and data folder), as an organiser and
staff would through their pages and the admin. With --payments stripe the site pays through
StripeProvider against bench/_fake_stripe.py, a local server answering as Stripe's API does,
which counts the charges made. See _screenings.py for what the readers do.

The verdict holds when: every acknowledged reservation (303 to its "check your email" page)
is stored; exactly capacity tickets are reserved and every other reservation was refused with
409, `X-Crossing-Refused: sold_out` and the reason on the page; the screening tipped into
"confirmed" exactly once; nothing is oversold (held + reserved ≤ capacity, and the counters
equal the sums over the reservations); each reserved reservation has exactly one "screening
confirmed" email, delivered once; every email enqueued arrived (twice only where a kill -9
of the outbox's worker fell between sending and marking it sent, once per kill); with Stripe,
exactly one charge per reservation; and the second screening was called off once, each of
its readers told once, nobody charged. Exit status: 0 when it holds, 1 when it does not,
2 when the test could not run.

Run:  .venv/bin/python bench/load_screenings.py --database postgres --workers 4 --clients 50 \\
          --reservations 1000 --capacity 100 --threshold 60 --kill-worker 2 --kill-outbox 2 \\
          [--kill-server 1] [--payments stripe] [--redis URL] [--json]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from _comments import Reader
from _kills import Kill, killer
from _load import percentile
from _mail import Emails, drain_and_count
from _screenings import (
    CalledOff,
    Mail,
    Settings,
    Stored,
    Tally,
    Verdict,
    drive,
    judge,
    judge_called_off,
    judge_charges,
    stopped_by,
)
from _server import (
    Database,
    HarnessError,
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

# The second screening's readers are numbered apart from the first's.
CALLED_OFF_READERS = 5_000_000


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The screenings, put on sale -------------------------------------------------------------


class Organiser:
    """Screenings requested, approved and put on sale through the site's services, in this
    process, on the running site's database and data folder (its secret key signs the
    links the emails carry)."""

    def __init__(self, environment: dict[str, str]) -> None:
        for name in ("DATABASE_URL", "REDIS_URL"):  # SQLite and no cache: none of them
            os.environ.pop(name, None)
        for name, value in environment.items():
            if name.startswith("CROSSING_") or name in ("DATABASE_URL", "REDIS_URL"):
                os.environ[name] = value
        from crossing.web.serve import setup_django

        setup_django()

    def on_sale(
        self,
        *,
        capacity: int,
        threshold: int,
        price_minor: int,
        deadline: datetime.datetime | None,
        label: str,
    ) -> int:
        from django.db import connections
        from django.utils import timezone

        from crossing.web.screenings import services

        try:
            screening, _ = services.request_screening(
                key=f"load-{label}-{time.time_ns()}",
                film="the-defector",
                organiser_name="Load Organiser",
                organiser_email="organiser@load.example.org",
                organisation="The load harness",
                venue=services.Venue(
                    name=f"Load Hall ({label})",
                    address="1 Harness Street",
                    town="Toronto",
                    country="CA",
                    capacity=capacity,
                    accessibility="Step-free entrance.",
                ),
                starts=timezone.now() + datetime.timedelta(days=30),
                time_zone="America/Toronto",
                duration_minutes=120,
                deadline=deadline,
                price_minor=price_minor,
                currency="CAD",
                threshold=threshold,
                extras="",
                licence="public",
            )
            services.confirm_organiser_address(screening)
            if not services.approve(screening, by=services.staff("load")):
                raise HarnessError(f"the screening {screening.pk} could not be approved")
            if not services.open_sales(screening):
                raise HarnessError(f"the screening {screening.pk} could not go on sale")
            return int(screening.pk)
        except services.Refused as refused:
            raise HarnessError(f"the services refused the screening: {refused.message}") from None
        except Exception as error:  # the site's code, not the harness: said in one line
            raise HarnessError(f"putting a screening on sale failed: {error!r}") from error
        finally:
            connections.close_all()  # SQLite: no lock held while the site writes


# --- The fake Stripe --------------------------------------------------------------------------


@contextmanager
def payment_service(kind: str, port: int) -> Iterator[Any]:
    """None for payment at the venue; with `stripe`, bench/_fake_stripe.py's server, which
    sends its events to the site's webhook on `port`."""
    if kind != "stripe":
        yield None
        return
    try:
        from _fake_stripe import running
    except ImportError:
        raise HarnessError("--payments stripe needs bench/_fake_stripe.py") from None
    webhook = f"http://127.0.0.1:{port}/screenings/payments/stripe/webhook/"
    with running(webhook_url=webhook) as fake:
        yield fake


def stripe_environment(fake: Any) -> dict[str, str]:
    if fake is None:
        return {}
    return {
        "CROSSING_SCREENINGS_PAYMENTS": "stripe",
        "CROSSING_STRIPE_API_BASE": fake.base,
        "CROSSING_STRIPE_SECRET_KEY": "sk_test_crossing_load_harness",
        "CROSSING_STRIPE_WEBHOOK_SECRET": fake.webhook_secret,
    }


# --- The run ----------------------------------------------------------------------------------


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/load_screenings.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", metavar="URL", help="as bench/load.py's --postgres")
    parser.add_argument("--redis", metavar="URL", help="the site's cache (REDIS_URL)")
    parser.add_argument("--workers", type=positive_int, default=4, help="gunicorn workers")
    parser.add_argument("--clients", type=positive_int, default=50, help="concurrent clients")
    parser.add_argument(
        "--reservations", type=positive_int, default=1000, help="reservations, one ticket each"
    )
    parser.add_argument("--capacity", type=positive_int, default=100, help="the venue's seats")
    parser.add_argument("--threshold", type=positive_int, default=60, help="tickets needed")
    parser.add_argument(
        "--price-minor", type=count, default=1200, help="a ticket's price in cents (CAD)"
    )
    parser.add_argument("--payments", choices=["venue", "stripe"], default="venue")
    parser.add_argument("--kill-worker", type=count, default=0, help="gunicorn workers to kill")
    parser.add_argument("--kill-outbox", type=count, default=0, help="outbox workers to kill")
    parser.add_argument(
        "--kill-server",
        type=count,
        default=0,
        help="kills of the whole server (master, workers, outbox's worker) and restarts",
    )
    parser.add_argument(
        "--below",
        type=count,
        default=10,
        help="reservations for the second screening, whose deadline passes below its "
        "threshold while the site is down (0: no such screening)",
    )
    parser.add_argument(
        "--deadline-seconds",
        type=seconds,
        default=30.0,
        help="from the second screening going on sale to its deadline: time for its "
        "readers to reserve and confirm",
    )
    parser.add_argument("--mail-timeout", type=seconds, default=120.0, help="for each email")
    parser.add_argument("--timeout", type=seconds, default=30.0, help="seconds for a request")
    parser.add_argument("--start-timeout", type=seconds, default=180.0)
    parser.add_argument("--keep", action="store_true", help="keep the data folder and database")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.threshold > args.capacity:
        parser.error("--threshold must not be above --capacity")
    if args.below >= args.threshold:
        parser.error("--below must be under --threshold (the screening must fall short)")
    return args


def environment_for(
    args: argparse.Namespace,
    data_dir: Path,
    database: Database,
    mail: Mail,
    port: int,
    fake: Any,
) -> dict[str, str]:
    return {
        **site_environment(
            data_dir=data_dir,
            database=database,
            redis=args.redis,
            content=None,
            rate_limit=None,
        ),
        # The harness is the proxy: each reader's address is its X-Forwarded-For.
        "CROSSING_TRUSTED_PROXIES": "127.0.0.1",
        "CROSSING_EMAIL_URL": mail.url,
        "CROSSING_SITE_URL": f"http://127.0.0.1:{port}",
        "CROSSING_MODERATOR_EMAILS": "staff@load.example.org",
        # A message claimed by a killed outbox worker is taken again after its lease.
        "CROSSING_OUTBOX_LEASE_SECONDS": "5",
        "CROSSING_OUTBOX_RETRY_SECONDS": "1",
        **stripe_environment(fake),
    }


def wait_for_jobs(database: Database, timeout: float) -> float:
    """Until the outbox holds nothing due (emails and jobs: issuing tickets, charging); the
    seconds that took. Jobs due later (the reminder, the end) are not waited for."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        now = datetime.datetime.now(datetime.UTC)
        # SQLite keeps UTC without an offset; PostgreSQL is told the offset.
        when = now.strftime("%Y-%m-%d %H:%M:%S") + ("+00:00" if database.kind == "postgres" else "")
        due = database.rows(
            "SELECT COUNT(*) FROM outbox_message WHERE status = 'pending' AND not_before <= ?",
            (when,),
        )
        if not due[0][0]:
            break
        time.sleep(0.2)
    return round(time.monotonic() - started, 2)


def readers(first: int, how_many: int) -> list[Reader]:
    return [Reader(first + n) for n in range(how_many)]


def called_off_case(
    args: argparse.Namespace,
    server: Server,
    organiser: Organiser,
    mail: Mail,
    database: Database,
) -> tuple[int, dict[str, Any]]:
    """A second screening, `--below` tickets short of its threshold when its deadline passes
    while the whole site (its outbox's worker with it) is down; started again, the worker
    must call it off, once."""
    deadline = datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        seconds=args.deadline_seconds
    )
    screening = organiser.on_sale(
        capacity=args.capacity,
        threshold=args.threshold,
        price_minor=args.price_minor,
        deadline=deadline,
        label="called off",
    )
    say(f"screening {screening}: {args.below} readers reserve before its deadline")
    tally = Tally()
    settings = Settings(server.port, screening, mail, args.mail_timeout, timeout=args.timeout)
    for thread in drive(args.clients, readers(CALLED_OFF_READERS, args.below), settings, tally):
        thread.join()
    stopped_by(tally)
    confirmed_before = (datetime.datetime.now(datetime.UTC) - deadline).total_seconds() < 0
    killed = server.kill()
    down_at = time.monotonic()
    left = (deadline - datetime.datetime.now(datetime.UTC)).total_seconds()
    say(f"killed the whole site ({killed} processes); its deadline passes in {left:.1f} s")
    time.sleep(max(left, 0) + 1.0)
    server.start()
    down = time.monotonic() - down_at
    started = time.monotonic()
    while time.monotonic() - started < 60:
        [(state,)] = database.rows(
            "SELECT state FROM screenings_screening WHERE id = ?", (screening,)
        )
        if state == "called_off":
            break
        time.sleep(0.1)
    acted_after = round(time.monotonic() - started, 2)
    return screening, {
        "screening": screening,
        "reservations_sent": args.below,
        "answers": dict(tally.answers),
        "confirmations": dict(tally.confirmations),
        "confirmed_before_deadline": confirmed_before,
        "site_down_seconds": round(down, 2),
        "called_off_seconds_after_start": acted_after,
    }


def load_test(args: argparse.Namespace) -> dict[str, Any]:
    server_url = postgres_server(args.postgres or os.environ.get("DATABASE_URL"))
    port = free_port()
    with (
        Mail() as mail,
        payment_service(args.payments, port) as fake,
        data_folder(args.keep) as data_dir,
        fresh_database(
            args.database, data_dir, server_url, keep=args.keep, prefix="crossing_scr_load"
        ) as database,
    ):
        environment = environment_for(args, data_dir, database, mail, port, fake)
        server = Server(
            workers=args.workers,
            port=port,
            data_dir=data_dir,
            environment=environment,
            code=ROOT,
            start_timeout=args.start_timeout,
        )
        say(f"starting the site at {server.url} ({args.database}, {args.workers} workers)")
        called_off: dict[str, Any] | None = None
        second = None
        try:
            first_start = server.start()
            organiser = Organiser(environment)
            screening = organiser.on_sale(
                capacity=args.capacity,
                threshold=args.threshold,
                price_minor=args.price_minor,
                deadline=None,
                label="sells out",
            )
            say(
                f"it answers after {first_start:.1f} s; {args.clients} clients make "
                f"{args.reservations} reservations for screening {screening}"
            )
            tally, kills = Tally(), list[Kill]()
            settings = Settings(port, screening, mail, args.mail_timeout, timeout=args.timeout)
            started = time.monotonic()
            threads = drive(args.clients, readers(0, args.reservations), settings, tally)
            finished = threading.Event()
            plan = (args.kill_worker, args.kill_outbox, args.kill_server)
            kill_thread = killer(server, tally, args.reservations, plan, kills, finished)
            for thread in threads:
                thread.join()
            took = time.monotonic() - started
            finished.set()
            kill_thread.join(timeout=70)
            stopped_by(tally)
            jobs_seconds = wait_for_jobs(database, args.mail_timeout)
            say(
                f"{len(tally.fates)} reservations answered in {took:.1f} s, the outbox "
                f"caught up {jobs_seconds} s later; {len(kills)} kills"
            )
            if args.below:
                second, called_off = called_off_case(args, server, organiser, mail, database)
                wait_for_jobs(database, args.mail_timeout)
            emails = drain_and_count(database, mail, timeout=args.mail_timeout)
            counters = fake.counters() if fake is not None else None
        finally:
            server.stop()
        copies = mail.copies()
        first = Stored.read(database, screening, copies)
        last = Stored.read(database, second, copies) if second else None
        verdict = judge(tally, first)
        called = judge_called_off(last) if last else None
        charges = judge_charges(counters, first, last) if counters is not None else None
    return report(
        args, screening, tally, verdict, called, called_off, emails, charges, kills, took,
        first_start, jobs_seconds,
    )  # fmt: skip


def report(
    args: argparse.Namespace,
    screening: int,
    tally: Tally,
    verdict: Verdict,
    called: CalledOff | None,
    called_off: dict[str, Any] | None,
    emails: Emails,
    charges: dict[str, Any] | None,
    kills: list[Kill],
    took: float,
    first_start: float,
    jobs_seconds: float,
) -> dict[str, Any]:
    # A kill of the outbox's worker, or of the whole server with it, may send one email twice;
    # the second screening's case kills the whole site once more.
    outbox_kills = sum(1 for kill in kills if kill.what != "gunicorn worker")
    outbox_kills += 1 if called is not None else 0
    emails_hold = emails.hold(outbox_kills)
    charges_hold = charges is None or charges["holds"]
    holds = (
        verdict.holds(outbox_kills)
        and (called is None or called.holds(outbox_kills))
        and emails_hold
        and charges_hold
    )
    latencies = sorted(tally.latencies)
    confirming = sorted(tally.confirm_seconds)
    facts = machine()
    facts.pop("chromium", None)
    # The machine may be shared: its load says how far the rates can be trusted.
    facts["load_average"] = " ".join(f"{n:.1f}" for n in os.getloadavg())
    return {
        "machine": facts,
        "settings": {
            "database": args.database,
            "redis": args.redis,
            "workers": args.workers,
            "clients": args.clients,
            "reservations": args.reservations,
            "capacity": args.capacity,
            "threshold": args.threshold,
            "price_minor": args.price_minor,
            "payments": args.payments,
            "kill_worker": args.kill_worker,
            "kill_outbox": args.kill_outbox,
            "kill_server": args.kill_server,
            "below": args.below,
            "screening": screening,
        },
        "answers": dict(sorted(tally.answers.items())),
        "broken_in_flight": dict(tally.broken),
        "connections_not_opened": dict(tally.unreachable),
        "confirmations": dict(tally.confirmations),
        "acknowledged": verdict.acknowledged,
        "reserved": verdict.reserved,
        "final_state": verdict.final_state,
        "tipped": verdict.tipped,
        "oversold": verdict.oversold,
        "counters_match": verdict.counters_match,
        "lost": verdict.lost,
        "refused_yet_stored": verdict.refused_yet_stored,
        "stored_twice": verdict.stored_twice,
        "refused_unclearly": verdict.refused_unclearly[:20],
        "refused_unclearly_count": len(verdict.refused_unclearly),
        "unresolved": verdict.unresolved,
        "not_confirmed": verdict.not_confirmed,
        "confirmed_emails": dict(verdict.confirmed_emails),
        "charges": charges,
        "called_off": None
        if called is None
        else {
            **(called_off or {}),
            "reservations": called.reservations,
            "changes_to_called_off": called.called_off,
            "final_state": called.final_state,
            "emails": dict(called.emails),
            "charged": called.charged,
            "holds": called.holds(outbox_kills),
        },
        "kills": [asdict(kill) for kill in kills],
        "emails": {**asdict(emails), "hold": emails_hold},
        "first_start_seconds": round(first_start, 2),
        "seconds": round(took, 2),
        "outbox_caught_up_seconds": jobs_seconds,
        "reservations_per_second": round(len(latencies) / took, 1),
        "latency_ms": {
            name: round(percentile(latencies, share) * 1000, 1)
            for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        },
        "confirm_seconds": {
            name: round(percentile(confirming, share), 2)
            for name, share in (("p50", 0.5), ("p90", 0.9), ("max", 1.0))
        },
        "holds": holds,
    }


def text(result: dict[str, Any]) -> str:
    s, facts, e = result["settings"], result["machine"], result["emails"]
    lines = [
        f"screenings: {s['database']}{' + Redis' if s['redis'] else ''}, {s['workers']} "
        f"workers, {s['clients']} clients, {s['reservations']:,} reservations for "
        f"{s['capacity']} seats (threshold {s['threshold']}), payments {s['payments']}, "
        f"kill -9: {s['kill_worker']} gunicorn worker(s), {s['kill_outbox']} outbox "
        f"worker(s), {s['kill_server']} whole server(s)",
        f"machine: {facts['cpus']} CPUs ({facts['cpu']}), Python {facts['python']}, "
        f"{facts['date']}, commit {facts['commit']}, load average {facts['load_average']}",
        "",
        f"answers {result['answers']}; broken in flight {result['broken_in_flight'] or 'none'}",
        f"acknowledged {result['acknowledged']}, reserved {result['reserved']} (state "
        f"{result['final_state']}), tipped {result['tipped']} time(s), oversold "
        f"{result['oversold']}, counters match {result['counters_match']}",
        f"lost {len(result['lost'])}, stored twice {len(result['stored_twice'])}, refused yet "
        f"stored {len(result['refused_yet_stored'])}, refused unclearly "
        f"{result['refused_unclearly_count']}, unresolved {result['unresolved']}",
        f"confirmations {result['confirmations']}; not confirmed {result['not_confirmed']}; "
        f"'screening confirmed' emails per reservation {result['confirmed_emails']}",
        f"emails: enqueued {e['enqueued']:,}, arrived once {e['arrived_once']:,}, twice "
        f"{e['arrived_twice']}, missing {e['missing']}, failed {e['failed']}, pending "
        f"{e['pending']}",
    ]
    if result["charges"] is not None:
        lines.append(f"charges at the fake Stripe: {result['charges']}")
    for kill in result["kills"]:
        lines.append(
            f"kill -9 ({kill['what']}) at {kill['at_share']:.0%} of the run: replaced after "
            f"{kill['seconds_to_replace']:.2f} s"
        )
    if c := result["called_off"]:
        lines.append(
            f"called off: {c['reservations']} reservations, the site down "
            f"{c['site_down_seconds']} s as the deadline passed, called off "
            f"{c['changes_to_called_off']} time(s) "
            f"{c['called_off_seconds_after_start']} s after the start, emails {c['emails']}, "
            f"charged {c['charged']}"
        )
    latency, confirm = result["latency_ms"], result["confirm_seconds"]
    lines.append(
        f"{result['seconds']:.1f} s ({result['reservations_per_second']:,.1f} reservations "
        f"answered/s); latency ms p50 {latency['p50']:.1f}, p90 {latency['p90']:.1f}, p99 "
        f"{latency['p99']:.1f}, max {latency['max']:.1f}; reserved to ticket page s p50 "
        f"{confirm['p50']}, p90 {confirm['p90']}, max {confirm['max']}; outbox caught up "
        f"{result['outbox_caught_up_seconds']} s after"
    )
    lines.append("verdict: " + ("holds" if result["holds"] else "VIOLATED"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_harness("bench/load_screenings.py", arguments(argv), load_test, text)


if __name__ == "__main__":
    sys.exit(main())
