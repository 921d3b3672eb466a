"""The load harness's core: concurrent clients sending writes, what became of each, and the
verdict on what the database holds.

A *write* is one request that should store one thing (an ending report, later a comment or
a reservation); a `Scenario` says how to make the n-th one and how to count what is stored.
Each write ends as exactly one of:

- acknowledged: its 2xx answer was read, so the site promised to keep it;
- refused: an answer other than 2xx was read, so the site says it kept nothing;
- in flight: the connection broke, or the answer did not come in time, after the request
  was sent: it may or may not be stored, and sending it again could store it twice;
- not sent: the run ended while the server was down.

A connection that could not be opened sent nothing, so the same write is tried again after
a short pause (this is what happens while a killed server restarts). Nothing else is
retried. The verdict: no acknowledged write is lost (stored >= acknowledged) and nothing is
stored beyond what was in flight (stored <= acknowledged + in flight).

Not a benchmark: imported by load.py (the script's folder is on sys.path when it runs)."""

from __future__ import annotations

import http.client
import math
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from _server import Database, Kill


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str  # with its query string, if any
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class Scenario(Protocol):
    """One kind of write. To add one (comments, reservations), write a class with these
    three methods and add it to SCENARIOS in load.py."""

    name: str  # as given to --scenario
    description: str  # one line, for the report

    def prepare(self, base_url: str) -> None:
        """Learn from the running site what writes need (a story's id, a form's fields)."""

    def request(self, number: int) -> Request:
        """The `number`-th write (0, 1, 2, …); called from many threads at once."""
        ...

    def stored(self, database: Database) -> int:
        """How many writes the database holds, read straight from it."""
        ...


# --- What became of the writes -----------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """What became of every write, added to by all the clients at once."""

    acknowledged: int = 0
    refused: Counter[int] = field(default_factory=Counter)  # HTTP status -> writes
    in_flight: Counter[str] = field(default_factory=Counter)  # how it broke -> writes
    not_sent: int = 0
    unreachable: Counter[str] = field(default_factory=Counter)  # connection attempts
    latencies: list[float] = field(default_factory=list)  # seconds, of every answer read
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def sent(self) -> int:
        return self.acknowledged + self.refused.total() + self.in_flight.total()

    @property
    def writes(self) -> int:
        return self.sent + self.not_sent


@dataclass(frozen=True, slots=True)
class Verdict:
    acknowledged: int
    in_flight: int
    stored: int

    @property
    def lost(self) -> int:
        """Acknowledged writes the database does not hold."""
        return max(0, self.acknowledged - self.stored)

    @property
    def unaccounted(self) -> int:
        """Writes stored beyond every one that could have been: refused, or stored twice."""
        return max(0, self.stored - self.acknowledged - self.in_flight)

    @property
    def holds(self) -> bool:
        return self.lost == 0 and self.unaccounted == 0

    def explain(self) -> str:
        if self.holds:
            return (
                "holds: no acknowledged write lost (stored >= acknowledged) and none stored "
                "beyond those in flight (stored <= acknowledged + in flight)"
            )
        problems = []
        if self.lost:
            problems.append(
                f"{self.lost} acknowledged writes are not stored "
                f"(stored {self.stored} < acknowledged {self.acknowledged})"
            )
        if self.unaccounted:
            problems.append(
                f"{self.unaccounted} writes are stored that were neither acknowledged nor in "
                f"flight: refused with an error yet stored, or stored twice (stored "
                f"{self.stored} > acknowledged {self.acknowledged} + in flight {self.in_flight})"
            )
        return "VIOLATED: " + "; ".join(problems)


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values (0 when there are none)."""
    if not ordered:
        return 0.0
    rank = math.ceil(share * len(ordered))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


# --- Handing out writes ------------------------------------------------------------------


class Work:
    """Hands out write numbers until the total is reached, the time is up, or it is stopped."""

    def __init__(self, total: int | None, duration: float | None) -> None:
        self.total = total
        self.duration = duration
        self.started = time.monotonic()
        self.taken = 0
        self.stopped = False
        self.lock = threading.Lock()

    def take(self) -> int | None:
        with self.lock:
            if self.stopped or self.finished_by_plan():
                return None
            self.taken += 1
            return self.taken - 1

    def finished_by_plan(self) -> bool:
        return (self.total is not None and self.taken >= self.total) or self.time_is_up()

    def time_is_up(self) -> bool:
        return self.duration is not None and time.monotonic() - self.started >= self.duration

    def progress(self) -> float:
        """How far the run is, from 0 to 1: by writes handed out or by time, the further."""
        shares = []
        if self.total:
            shares.append(self.taken / self.total)
        if self.duration:
            shares.append((time.monotonic() - self.started) / self.duration)
        return min(1.0, max(shares, default=1.0))

    def stop(self) -> None:
        with self.lock:
            self.stopped = True


# --- The clients -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClientSettings:
    port: int
    timeout: float  # seconds to wait to connect, and for each part of the answer
    pause: float  # seconds before trying again after a connection could not be opened


class Client:
    """One client: one connection at a time, a new one for each write. On a kept-alive
    connection a failure could mean the server had closed it while idle, before the write
    went out, which would count the write as in flight wrongly; gunicorn's sync workers
    close the connection after every answer anyway."""

    def __init__(
        self, scenario: Scenario, work: Work, tally: Tally, settings: ClientSettings
    ) -> None:
        self.scenario = scenario
        self.work = work
        self.tally = tally
        self.settings = settings
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        try:
            while (number := self.work.take()) is not None:
                self.deliver(self.scenario.request(number))
        finally:
            self.disconnect()

    def deliver(self, request: Request) -> None:
        """Send one write; until a connection opens, wait and try again (nothing was sent)."""
        started = time.monotonic()
        while not self.connect():
            if self.work.stopped or self.work.time_is_up():
                with self.tally.lock:
                    self.tally.not_sent += 1
                return
            time.sleep(self.settings.pause)
            started = time.monotonic()
        assert self.connection is not None
        try:
            self.connection.request(request.method, request.path, request.body, request.headers)
            answer = self.connection.getresponse()
            answer.read()
        except (OSError, http.client.HTTPException) as error:
            # After the request went out: stored or not, nobody can tell.
            self.disconnect()
            with self.tally.lock:
                self.tally.in_flight[failure_kind(error)] += 1
            return
        latency = time.monotonic() - started
        self.disconnect()
        with self.tally.lock:
            self.tally.latencies.append(latency)
            if 200 <= answer.status < 300:
                self.tally.acknowledged += 1
            else:
                self.tally.refused[answer.status] += 1

    def connect(self) -> bool:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.settings.port, timeout=self.settings.timeout
        )
        try:
            connection.connect()
        except OSError as error:
            connection.close()
            with self.tally.lock:
                self.tally.unreachable[failure_kind(error)] += 1
            return False
        self.connection = connection
        return True

    def disconnect(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def failure_kind(error: BaseException) -> str:
    """A short name for how a connection failed, as the report shows it."""
    if isinstance(error, TimeoutError | socket.timeout):
        return "timeout"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ConnectionResetError):
        return "connection reset"
    if isinstance(error, BrokenPipeError):
        return "broken pipe"
    if isinstance(error, http.client.RemoteDisconnected):
        return "closed without an answer"
    return type(error).__name__


# --- One run -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    clients: int
    total: int | None  # writes to send, or None: as many as the duration allows
    duration: float | None  # seconds, or None: until the total is sent
    kills: int
    settings: ClientSettings


@dataclass(slots=True)
class Run:
    tally: Tally
    seconds: float
    kills: list[Kill]


def drive(plan: Plan, scenario: Scenario, kill: Callable[[], Kill]) -> Run:
    """Run the clients; `kill` (kill -9 the server and start it again) is called `plan.kills`
    times, evenly spread over the run, while the clients keep going."""
    work = Work(plan.total, plan.duration)
    tally = Tally()
    clients = [
        threading.Thread(
            target=Client(scenario, work, tally, plan.settings).run,
            name=f"client-{n}",
            daemon=True,  # Ctrl+C need not wait for them
        )
        for n in range(plan.clients)
    ]
    for thread in clients:
        thread.start()
    kills = []
    try:
        for number in range(1, plan.kills + 1):
            while work.progress() < number / (plan.kills + 1) and any_alive(clients):
                time.sleep(0.005)
            if not any_alive(clients):
                break
            kills.append(kill())
        for thread in clients:
            thread.join()
    except BaseException:  # a server that does not restart, Ctrl+C
        work.stop()  # the clients stop before their next write
        for thread in clients:
            thread.join(timeout=plan.settings.timeout)
        raise
    return Run(tally, time.monotonic() - work.started, kills)


def any_alive(threads: list[threading.Thread]) -> bool:
    return any(thread.is_alive() for thread in threads)
