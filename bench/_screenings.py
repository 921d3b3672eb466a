"""Readers reserving tickets for one screening at once, as browsers do: each client reads the
screening's page, reserves one ticket after another for readers of its own (an address,
sent as X-Forwarded-For through a trusted proxy, a name and an email each), and for each
reservation the site acknowledges, waits for the email with the confirmation link, opens
it and presses its one button, then (with online payment) saves a card on the payment
service's page, until it reaches the ticket page. A request whose connection broke is sent
again, as a browser's retry would be: the same email for the same screening is the same
reservation, and confirming twice confirms once.

Then the verdict, read from the database rather than the site: every acknowledged
reservation stored, capacity never exceeded, the threshold tipped exactly once, every seat
reserved given one "screening confirmed" email, delivered once.

Not a benchmark: imported by load_screenings.py (the script's folder is on sys.path)."""

from __future__ import annotations

import html
import re
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from typing import Any

from _comments import Answer, Broken, FormReader, Reader, Unreachable, exchange, post_headers
from _mail import MailServer, message_id
from _server import Database, HarnessError

SENT = re.compile(r"/screenings/reservations/[^/]+/sent/$")
CONFIRM_LINK = re.compile(r"^\s*(https?://\S+/screenings/reservations/confirm/\S+?/)\s*$", re.M)
TICKET = "/screenings/tickets/"
# The words of services._why_not's refusal, shown on the page refused with 409.
SOLD_OUT_MESSAGE = "All seats are reserved"


def reserve_path(screening: int) -> str:
    return f"/screenings/{screening}/reserve/"


# --- The emails, read -----------------------------------------------------------------------


class Mail(MailServer):
    """_mail.py's SMTP server, also keeping each email's plain text by recipient, so that a
    reader can wait for the link in theirs."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, list[str]] = {}
        self.arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(("plain",))
        text = body.get_content() if body is not None else ""
        with self.arrived:
            for address in envelope.rcpt_tos:
                self.texts.setdefault(address.lower(), []).append(text)
            self.arrived.notify_all()
        return answer

    def link(self, address: str, pattern: re.Pattern[str], timeout: float) -> str | None:
        """The first link matching `pattern` in an email to `address`, waiting for it."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for text in self.texts.get(address.lower(), []):
                    if found := pattern.search(text):
                        return found.group(1)
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.arrived.wait(left)


# --- What became of each reservation ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answered:
    status: int
    location: str
    refused: str  # the X-Crossing-Refused header ("" when there is none)
    says_why: bool  # the page names the reason (sold out)
    kept_typed: bool  # the form on the page holds the name and email as typed


@dataclass(slots=True)
class Fate:
    """One reservation: every answer its sends were given, how many broke in flight, and
    how its confirmation went ("" not tried, "ticket" when the ticket page was reached)."""

    email: str
    answers: list[Answered] = field(default_factory=list)
    broken: Counter[str] = field(default_factory=Counter)
    confirmation: str = ""

    @property
    def acknowledged(self) -> bool:
        return any(a.status == 303 and SENT.search(a.location) for a in self.answers)

    @property
    def refused_as_promised(self) -> bool:
        """Refused with 409, `X-Crossing-Refused: sold_out`, the reason on the page and the
        form as typed."""
        return bool(self.answers) and all(
            a.status == 409 and a.refused == "sold_out" and a.says_why and a.kept_typed
            for a in self.answers
        )


@dataclass(slots=True)
class Tally:
    fates: dict[str, Fate] = field(default_factory=dict)
    answers: Counter[str] = field(default_factory=Counter)  # "303", "409 sold_out", …
    broken: Counter[str] = field(default_factory=Counter)
    unreachable: Counter[str] = field(default_factory=Counter)
    confirmations: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # of every reservation answered
    confirm_seconds: list[float] = field(default_factory=list)  # reserved until the ticket
    errors: list[str] = field(default_factory=list)  # why a client could not go on
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def fate(self, email: str) -> Fate:
        with self.lock:
            return self.fates.setdefault(email, Fate(email))

    def answered(self, fate: Fate, answer: Answer, typed: tuple[str, ...] = ()) -> None:
        refused = answer.headers.get("x-crossing-refused", "")
        kept = all(f'value="{html.escape(value)}"' in answer.body for value in typed)
        answered = Answered(
            answer.status, answer.location, refused, SOLD_OUT_MESSAGE in answer.body, kept
        )
        with self.lock:
            fate.answers.append(answered)
            self.answers[f"{answer.status} {refused}".strip()] += 1
            self.latencies.append(answer.seconds)

    def broke(self, fate: Fate | None, kind: str) -> None:
        with self.lock:
            if fate is not None:
                fate.broken[kind] += 1
            self.broken[kind] += 1

    def could_not_connect(self, kind: str) -> None:
        with self.lock:
            self.unreachable[kind] += 1

    def confirmed(self, fate: Fate, outcome: str, seconds: float) -> None:
        with self.lock:
            fate.confirmation = outcome
            self.confirmations[outcome] += 1
            if outcome == "ticket":
                self.confirm_seconds.append(seconds)

    def done(self) -> int:
        """Reservations answered (what the killer spreads its kills over)."""
        with self.lock:
            return sum(1 for fate in self.fates.values() if fate.answers)


@dataclass(frozen=True, slots=True)
class Settings:
    port: int
    screening: int
    mail: Mail
    mail_timeout: float  # for each confirmation email
    timeout: float = 30.0
    pause: float = 0.1  # before trying again when no connection opens
    resends: int = 5  # how often a request whose connection broke is sent again


# --- The clients ----------------------------------------------------------------------------


class Client:
    """One client making `readers`' reservations one after another, confirming each one
    acknowledged before the next (as a person checks their email before moving on)."""

    def __init__(self, readers: list[Reader], settings: Settings, tally: Tally) -> None:
        self.readers = readers
        self.settings = settings
        self.tally = tally
        self.fields: dict[str, str] = {}

    def run(self) -> None:
        try:
            self.reserve_all()
        except HarnessError as error:
            with self.tally.lock:
                self.tally.errors.append(str(error))

    def reserve_all(self) -> None:
        self.fields = self.read_form()
        for reader in self.readers:
            fate = self.tally.fate(reader.email)
            self.reserve(reader, fate)
            if fate.acknowledged:
                started = time.monotonic()
                outcome = self.confirm(reader, fate)
                self.tally.confirmed(fate, outcome, time.monotonic() - started)

    def read_form(self) -> dict[str, str]:
        page = f"/screenings/{self.settings.screening}/"
        answer = self.send(None, "GET", page)
        reader = FormReader(reserve_path(self.settings.screening))
        reader.feed(answer.body if answer else "")
        if answer is None or answer.status != 200 or not reader.found:
            status = answer.status if answer else "nothing"
            raise HarnessError(
                f"{page} answered {status} without a form posting to "
                f"{reserve_path(self.settings.screening)}: are the screenings' pages built?"
            )
        return reader.fields

    def reserve(self, reader: Reader, fate: Fate) -> None:
        sent = {**self.fields, "name": reader.name, "email": reader.email, "quantity": "1"}
        body = urllib.parse.urlencode(sent).encode()
        headers = post_headers(reader.address, self.settings.port)
        answer = self.send(fate, "POST", reserve_path(self.settings.screening), body, headers)
        if answer is not None:
            self.tally.answered(fate, answer, (reader.name, reader.email))

    def confirm(self, reader: Reader, fate: Fate) -> str:
        """Follow the link in the email to the ticket page: the confirmation page's button,
        then (online payment) the payment service's page and the way back. What happened."""
        link = self.settings.mail.link(reader.email, CONFIRM_LINK, self.settings.mail_timeout)
        if link is None:
            return "no confirmation email"
        # The link is absolute, to the site's address: the harness speaks to its port.
        where = urllib.parse.urlsplit(link)._replace(scheme="", netloc="").geturl()
        headers = post_headers(reader.address, self.settings.port)
        answer = self.send(fate, "GET", where, headers=headers)
        for _step in range(10):
            if answer is None:
                return f"no answer from {where}"
            if answer.status in (301, 302, 303, 307):
                where = urllib.parse.urljoin(where, answer.location)
                answer = self.send(fate, "GET", where, headers=headers)
                continue
            if answer.status != 200:
                return f"{answer.status} from {urllib.parse.urlsplit(where).path}"
            if urllib.parse.urlsplit(where).path.startswith(TICKET):
                return "ticket"
            form = FormReader(action=None)
            form.feed(answer.body)
            if not form.found:
                return f"no form at {urllib.parse.urlsplit(where).path}"
            where = urllib.parse.urljoin(where, form.form_action or where)
            body = urllib.parse.urlencode(form.fields).encode()
            answer = self.send(fate, "POST", where, body, headers)
        return "too many steps"

    def send(
        self,
        fate: Fate | None,
        method: str,
        where: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> Answer | None:
        """One request, to the site or (an absolute address) to another local server: sent
        again when no connection opens (nothing was sent) and, up to `resends` times, when
        the connection broke after sending. None when every send broke."""
        parts = urllib.parse.urlsplit(where)
        port = parts.port or self.settings.port
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        sent_headers = dict(headers or {})
        if parts.netloc and port != self.settings.port:
            sent_headers = {"Content-Type": "application/x-www-form-urlencoded"}
        broken = 0
        while True:
            try:
                return exchange(
                    port,
                    method,
                    path,
                    body=body,
                    headers=sent_headers,
                    timeout=self.settings.timeout,
                )
            except Unreachable as error:
                self.tally.could_not_connect(str(error))
                time.sleep(self.settings.pause)
            except Broken as error:
                self.tally.broke(fate, error.kind)
                broken += 1
                if broken > self.settings.resends:
                    return None
                time.sleep(self.settings.pause)


def drive(
    clients: int, readers: list[Reader], settings: Settings, tally: Tally
) -> list[threading.Thread]:
    """Start the clients, the readers shared out as evenly as can be (reader n to client
    n mod clients); they run in the background, the caller joins them (and calls
    `stopped_by`)."""
    threads = []
    for number in range(min(clients, len(readers))):
        client = Client(readers[number::clients], settings, tally)
        thread = threading.Thread(target=client.run, name=f"client-{number}", daemon=True)
        thread.start()
        threads.append(thread)
    return threads


def stopped_by(tally: Tally) -> None:
    """After the clients: the first reason one of them could not go on, raised."""
    if tally.errors:
        raise HarnessError(f"{len(tally.errors)} client(s) stopped: {tally.errors[0]}")


# --- What the database holds ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    email: str
    state: str
    quantity: int
    payment: str


@dataclass(frozen=True, slots=True)
class Stored:
    """A screening, its reservations and its changes as the database holds them, with the
    outbox's messages about it and how many copies of each reached the SMTP server."""

    state: str
    capacity: int
    threshold: int
    tickets_held: int
    tickets_reserved: int
    rows: list[Row]
    changes_to: Counter[str]  # the screening's own changes (no reservation), by new state
    messages: dict[str, int]  # outbox key about a reservation -> copies arrived

    @classmethod
    def read(cls, database: Database, screening: int, copies: Counter[str]) -> Stored:
        found = database.rows(
            "SELECT state, capacity, threshold, tickets_held, tickets_reserved "
            "FROM screenings_screening WHERE id = ?",
            (screening,),
        )
        if not found:
            raise HarnessError(f"the screening {screening} is not in the database")
        state, capacity, threshold, held, reserved = found[0]
        rows = [
            Row(int(i), str(email).lower(), str(s), int(q), str(payment))
            for i, email, s, q, payment in database.rows(
                "SELECT id, email, state, quantity, payment FROM screenings_reservation "
                "WHERE screening_id = ? ORDER BY id",
                (screening,),
            )
        ]
        changes = Counter(
            str(after)
            for (after,) in database.rows(
                "SELECT after FROM screenings_change "
                "WHERE screening_id = ? AND reservation_id IS NULL",
                (screening,),
            )
        )
        ids = {row.id for row in rows}
        messages = {}
        query = "SELECT key FROM outbox_message WHERE key LIKE ?"
        for (key,) in database.rows(query, ("reservation-%",)):
            number = str(key).split("-")[1]
            if number.isdigit() and int(number) in ids:
                messages[str(key)] = copies.get(message_id(str(key)), 0)
        return cls(
            str(state), int(capacity), int(threshold), int(held), int(reserved), rows,
            changes, messages,
        )  # fmt: skip

    def sums(self, state: str) -> int:
        return sum(row.quantity for row in self.rows if row.state == state)

    def email_of(self, reservation: int, ending: str) -> list[int]:
        """Copies arrived of each message `reservation-<id>-…<ending>` (none: [])."""
        prefix = f"reservation-{reservation}-"
        return [
            copies
            for key, copies in self.messages.items()
            if key.startswith(prefix) and key.endswith(ending)
        ]


# --- The verdicts ---------------------------------------------------------------------------

CONFIRMED_EMAIL = "screening-confirmed"  # contract.md: one per reservation
CALLED_OFF_EMAIL = "called-off"  # the reader's email when the screening is called off


@dataclass(frozen=True, slots=True)
class Verdict:
    """The screening that sold out, judged against what the readers were told."""

    acknowledged: int
    reserved: int
    capacity: int
    lost: list[str]  # acknowledged, yet no active reservation for that email
    refused_yet_stored: list[str]  # every answer a refusal, none broken, yet stored
    stored_twice: list[str]  # more than one active reservation for one email
    refused_unclearly: list[str]  # refused otherwise than 409 sold_out with the reason
    unresolved: int  # every send broke
    not_confirmed: dict[str, int]  # acknowledged, the ticket page not reached: why
    tipped: int  # the screening's changes to "confirmed"
    oversold: bool  # held + reserved > capacity
    counters_match: bool  # the counters equal the sums over the reservations
    confirmed_emails: Counter[str]  # per reserved reservation: "once", "none", "twice"…
    final_state: str

    def holds(self, email_copies_allowed: int) -> bool:
        """`email_copies_allowed`: messages that may arrive twice (one per kill -9 of the
        outbox's worker, between the SMTP server's "250 OK" and marking it sent)."""
        expected = min(self.capacity, self.acknowledged)
        emails_ok = set(self.confirmed_emails) <= {"once", "twice"} and (
            self.confirmed_emails["twice"] <= email_copies_allowed
        )
        return (
            not (self.lost or self.refused_yet_stored or self.stored_twice)
            and not self.refused_unclearly
            and not self.not_confirmed
            and self.reserved == expected == self.capacity
            and self.tipped == 1
            and not self.oversold
            and self.counters_match
            and self.confirmed_emails["once"] + self.confirmed_emails["twice"] == self.reserved
            and emails_ok
        )


def times(copies: list[int]) -> str:
    if not copies:
        return "none"
    if len(copies) > 1:
        return "several messages"
    return {0: "not arrived", 1: "once", 2: "twice"}.get(copies[0], "more than twice")


def judge(tally: Tally, stored: Stored) -> Verdict:
    active: dict[str, list[Row]] = {}
    for row in stored.rows:
        if row.state in ("held", "reserved"):
            active.setdefault(row.email, []).append(row)
    lost, refused_yet_stored, refused_unclearly = [], [], []
    acknowledged = unresolved = 0
    not_confirmed: Counter[str] = Counter()
    for email, fate in tally.fates.items():
        if fate.acknowledged:
            acknowledged += 1
            if not active.get(email.lower()):
                lost.append(email)
            if fate.confirmation != "ticket":
                not_confirmed[fate.confirmation or "not tried"] += 1
        elif not fate.answers:
            unresolved += 1
        else:
            if not fate.broken and active.get(email.lower()):
                refused_yet_stored.append(email)
            if not fate.refused_as_promised:
                refused_unclearly.append(email)
    ours = {email.lower() for email in tally.fates}
    strays = sorted(email for email in active if email not in ours)
    confirmed_emails = Counter(
        times(stored.email_of(row.id, CONFIRMED_EMAIL))
        for row in stored.rows
        if row.state == "reserved"
    )
    return Verdict(
        acknowledged=acknowledged,
        reserved=stored.sums("reserved"),
        capacity=stored.capacity,
        lost=sorted(lost),
        refused_yet_stored=sorted(refused_yet_stored) + strays,
        stored_twice=sorted(email for email, rows in active.items() if len(rows) > 1),
        refused_unclearly=sorted(refused_unclearly),
        unresolved=unresolved,
        not_confirmed=dict(not_confirmed),
        tipped=stored.changes_to["confirmed"],
        oversold=stored.tickets_held + stored.tickets_reserved > stored.capacity,
        counters_match=(
            stored.tickets_held == stored.sums("held")
            and stored.tickets_reserved == stored.sums("reserved")
        ),
        confirmed_emails=confirmed_emails,
        final_state=stored.state,
    )


@dataclass(frozen=True, slots=True)
class CalledOff:
    """The screening whose deadline passed below its threshold while the site was down."""

    reservations: int  # reserved (counted) before the deadline
    called_off: int  # the screening's changes to "called off"
    final_state: str
    emails: Counter[str]  # per reservation: its called-off email "once", "none", …
    charged: int  # reservations charged (must be 0: nobody pays)

    def holds(self, email_copies_allowed: int) -> bool:
        return (
            self.final_state == "called_off"
            and self.called_off == 1
            and self.reservations > 0
            and self.emails["once"] + self.emails["twice"] == self.reservations
            and self.emails["twice"] <= email_copies_allowed
            and self.charged == 0
        )


def judge_called_off(stored: Stored) -> CalledOff:
    # Every reservation active at the deadline is told (held ones are then released).
    told = [row for row in stored.rows if row.state != "cancelled"]
    return CalledOff(
        reservations=len(told),
        called_off=stored.changes_to["called_off"],
        final_state=stored.state,
        emails=Counter(times(stored.email_of(row.id, CALLED_OFF_EMAIL)) for row in told),
        charged=sum(1 for row in stored.rows if row.payment in ("charged", "refunded")),
    )


def judge_charges(counters: dict[str, Any], first: Stored, second: Stored | None) -> dict[str, Any]:
    """The fake Stripe's counters against the reservations: one charge (one idempotency key)
    for each reservation reserved in the screening that happened, each paid, and none for
    the one called off."""
    by_reservation = {str(k): int(v) for k, v in counters["charges_by_reservation"].items()}
    reserved = [row for row in first.rows if row.state == "reserved"]
    per = Counter(by_reservation.get(str(row.id), 0) for row in reserved)
    called_off = sum(by_reservation.get(str(row.id), 0) for row in second.rows) if second else 0
    paid = sum(1 for row in reserved if row.payment == "charged")
    return {
        "charges": counters["charges"],
        "payments_succeeded": counters["payments_succeeded"],
        "reservations_by_charges": {str(n): count for n, count in sorted(per.items())},
        "reservations_paid": paid,
        "called_off_charged": called_off,
        "holds": (
            per == Counter({1: len(reserved)})
            and counters["charges"] == len(reserved) == paid
            and called_off == 0
        ),
    }
