"""Readers posting comments at once, as browsers do: each client is one reader (an address
of its own, sent as X-Forwarded-For through a trusted proxy, and a name and email of its
own) who reads a post's form, then posts comments one after another, no faster than flood
control allows, and sends some of them twice (a double click: both at once, or the same
form sent again after the answer). A post whose connection broke is sent again, as a
browser's retry would be: the comment's key makes that safe.

Every comment carries a marker in its text, so what the database holds is counted per
comment: each acknowledged one (a 303 naming `#comment-<id>`) must be stored exactly once,
under the id its answers named, and none stored more than once.

Not a benchmark: imported by load_comments.py and load_screenings.py (the script's folder is
on sys.path)."""

from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from _load import failure_kind
from _server import Database, HarnessError

POST_PATH = "/comments/post/"
MARKER = re.compile(r"\[load (\d+)-(\d+)\]")
LOCATION_ID = re.compile(r"#comment-(\d+)$")


# --- Talking to the site -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    location: str
    body: str
    seconds: float
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case


class Broken(Exception):
    """The connection broke after the request went out: stored or not, nobody knows."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class Unreachable(Exception):
    """No connection could be opened: nothing was sent."""


def exchange(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> Answer:
    """One request on a connection of its own (gunicorn's sync workers close it anyway)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.monotonic()
    try:
        try:
            connection.connect()
        except OSError as error:
            raise Unreachable(failure_kind(error)) from None
        try:
            connection.request(method, path, body, headers or {})
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise Broken(failure_kind(error)) from None
        return Answer(
            response.status,
            response.getheader("Location", ""),
            text,
            time.monotonic() - started,
            {name.lower(): value for name, value in response.getheaders()},
        )
    finally:
        connection.close()


class FormReader(HTMLParser):
    """The fields of the form that posts to `action` (/comments/post/ unless told; None:
    the first form whose method is POST), as a browser would send them."""

    def __init__(self, action: str | None = POST_PATH) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.found = False
        self.fields: dict[str, str] = {}
        self.form_action = ""  # the action of the form found, as written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        action = attributes.get("action", "").partition("#")[0]  # "/comments/post/#respond"
        if tag == "form" and not self.found:
            if self.action is None:
                wanted = attributes.get("method", "").lower() == "post"
            else:
                wanted = action.endswith(self.action)
            if wanted:
                self.inside = self.found = True
                self.form_action = action
        elif self.inside and tag in ("input", "textarea") and attributes.get("name"):
            if attributes.get("type") in ("checkbox", "submit"):
                return
            if attributes.get("type") == "radio" and "checked" not in attributes:
                return  # of a group of radio buttons, the one checked is sent
            self.fields[attributes["name"]] = attributes.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def comment_form(html: str) -> dict[str, str] | None:
    reader = FormReader()
    reader.feed(html)
    return reader.fields if reader.found else None


def find_post_page(port: int) -> str:
    """The newest news post that shows a comment form: its path."""
    index = exchange(port, "GET", "/news/")
    if index.status != 200:
        raise HarnessError(f"/news/ answered {index.status}: no post to comment on")
    paths: dict[str, None] = dict.fromkeys(re.findall(r'href="(/news/[a-z0-9-]+/)"', index.body))
    for path in paths:
        page = exchange(port, "GET", path)
        if page.status == 200 and comment_form(page.body) is not None:
            return path
    raise HarnessError(
        f"none of the {len(paths)} posts linked from /news/ shows a comment form "
        f"(a form posting to {POST_PATH}); are comments built and open?"
    )


# --- The readers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reader:
    """One client: its own address (10.x.y.z), name and email."""

    number: int

    @property
    def address(self) -> str:
        n = self.number + 1
        return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"

    @property
    def name(self) -> str:
        return f"Load reader {self.number}"

    @property
    def email(self) -> str:
        return f"reader{self.number}@load.example.org"


def comment_text(run: int, client: int, number: int) -> str:
    return (
        f"Comment {number} from a reader under load. It has two sentences and no link. "
        f"[load {marker_of(run, client, number)}]"
    )


def marker_of(run: int, client: int, number: int) -> str:
    """Unique in the run: the client and its comment's number."""
    return f"{run}-{client * 100_000 + number}"


def form_body(fields: dict[str, str], reader: Reader, text: str, *, notify: bool) -> bytes:
    sent = {
        **fields,
        "parent": "",
        "name": reader.name,
        "email": reader.email,
        "website": "",
        "comment": text,
        "homepage": "",
    }
    if notify:
        sent["notify"] = "on"
    return urllib.parse.urlencode(sent).encode()


def post_headers(address: str, port: int) -> dict[str, str]:
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,
        "Origin": f"http://127.0.0.1:{port}",
        "Sec-Fetch-Site": "same-origin",
        "User-Agent": "crossing-load/1",
    }


# --- What became of each comment ---------------------------------------------------------


@dataclass(slots=True)
class Fate:
    """One comment: every answer its sends were given, and how many broke in flight."""

    marker: str
    answers: list[tuple[int, str]] = field(default_factory=list)  # (status, Location)
    broken: Counter[str] = field(default_factory=Counter)

    @property
    def acknowledged(self) -> bool:
        return any(status == 303 and LOCATION_ID.search(loc) for status, loc in self.answers)

    @property
    def ids(self) -> set[int]:
        found = (LOCATION_ID.search(loc) for status, loc in self.answers if status == 303)
        return {int(match.group(1)) for match in found if match}

    @property
    def held(self) -> bool:
        return any("unapproved=" in loc for status, loc in self.answers if status == 303)


@dataclass(slots=True)
class Tally:
    fates: dict[str, Fate] = field(default_factory=dict)
    statuses: Counter[int] = field(default_factory=Counter)  # every answer to a post
    broken: Counter[str] = field(default_factory=Counter)  # posts whose connection broke
    unreachable: Counter[str] = field(default_factory=Counter)  # connections not opened
    latencies: list[float] = field(default_factory=list)  # of every post answered
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def fate(self, marker: str) -> Fate:
        with self.lock:
            return self.fates.setdefault(marker, Fate(marker))

    def answered(self, fate: Fate, answer: Answer) -> None:
        with self.lock:
            fate.answers.append((answer.status, answer.location))
            self.statuses[answer.status] += 1
            self.latencies.append(answer.seconds)

    def broke(self, fate: Fate, kind: str) -> None:
        with self.lock:
            fate.broken[kind] += 1
            self.broken[kind] += 1

    def could_not_connect(self, kind: str) -> None:
        with self.lock:
            self.unreachable[kind] += 1

    def done(self) -> int:
        with self.lock:
            return sum(1 for fate in self.fates.values() if fate.answers)


@dataclass(frozen=True, slots=True)
class Settings:
    port: int
    run: int  # a number of this run, in every marker
    flood_seconds: float
    timeout: float = 30.0
    pause: float = 0.1  # before trying again when no connection opens
    resends: int = 5  # how often a post whose connection broke is sent again


class Client:
    """One client posting `count` comments, as one reader or, with `readers` > 1, as that
    many readers in turn (people sharing a connection), each reader waiting out flood
    control between its own comments. Every 5th comment is sent twice at once (from two
    threads), every 5th + 2 sent again after its answer; every 3rd asks for reply emails."""

    def __init__(
        self,
        number: int,
        count: int,
        readers: list[Reader],
        settings: Settings,
        tally: Tally,
        *,
        start_after: float = 0.0,
    ) -> None:
        self.number = number
        self.start_after = start_after
        self.count = count
        self.readers = readers
        self.settings = settings
        self.tally = tally
        self.fields: dict[str, str] = {}
        self.last_answer: dict[int, float] = {}  # reader -> when its last comment was answered

    def run(self, page: str) -> None:
        time.sleep(self.start_after)
        self.fields = self.read_form(page)
        for number in range(self.count):
            reader = self.readers[number % len(self.readers)]
            last = self.last_answer.get(reader.number)
            if last is not None:
                wait = last + self.settings.flood_seconds + 0.25 - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            text = comment_text(self.settings.run, self.number, number)
            fate = self.tally.fate(marker_of(self.settings.run, self.number, number))
            body = form_body(self.fields, reader, text, notify=number % 3 == 1)
            headers = post_headers(reader.address, self.settings.port)
            if number % 5 == 0:
                twin = threading.Thread(target=self.send, args=(fate, body, headers))
                twin.start()
                self.send(fate, body, headers)
                twin.join()
            else:
                self.send(fate, body, headers)
                if number % 5 == 2:
                    self.send(fate, body, headers)
            self.last_answer[reader.number] = time.monotonic()

    def read_form(self, page: str) -> dict[str, str]:
        while True:
            try:
                answer = exchange(self.settings.port, "GET", page, timeout=self.settings.timeout)
            except (Unreachable, Broken):
                time.sleep(self.settings.pause)
                continue
            form = comment_form(answer.body) if answer.status == 200 else None
            if form is None:
                raise HarnessError(f"{page} answered {answer.status} without a comment form")
            return form

    def send(self, fate: Fate, body: bytes, headers: dict[str, str]) -> None:
        """Post until an answer is read: again when no connection opens (nothing was sent)
        and, up to `resends` times, when the connection broke after sending."""
        broken = 0
        while True:
            try:
                answer = exchange(
                    self.settings.port,
                    "POST",
                    POST_PATH,
                    body=body,
                    headers=headers,
                    timeout=self.settings.timeout,
                )
            except Unreachable as error:
                self.tally.could_not_connect(str(error))
                time.sleep(self.settings.pause)
                continue
            except Broken as error:
                self.tally.broke(fate, error.kind)
                broken += 1
                if broken > self.settings.resends:
                    return
                time.sleep(self.settings.pause)
                continue
            self.tally.answered(fate, answer)
            return


def drive(
    clients: int, comments: int, readers_each: int, page: str, settings: Settings, tally: Tally
) -> list[threading.Thread]:
    """Start the clients (the comments shared out as evenly as can be), each posting as
    `readers_each` readers of its own; they run in the background, the caller joins them."""
    threads = []
    for number in range(clients):
        share = comments // clients + (1 if number < comments % clients else 0)
        readers = [Reader(number + clients * n) for n in range(readers_each)]
        # Readers who wait out flood control start spread over its interval, as people
        # arrive: all at once, they would post in bursts, each followed by a quiet pause.
        paced = share > readers_each
        start_after = settings.flood_seconds * number / clients if paced else 0.0
        client = Client(number, share, readers, settings, tally, start_after=start_after)
        thread = threading.Thread(target=client.run, args=(page,), name=f"client-{number}")
        thread.start()
        threads.append(thread)
    return threads


# --- The verdict -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stored:
    """The run's comments as the database holds them: marker -> [(id, status)]."""

    rows: dict[str, list[tuple[int, str]]]

    @classmethod
    def read(cls, database: Database, run: int) -> Stored:
        rows: dict[str, list[tuple[int, str]]] = {}
        query = "SELECT id, status, text FROM comments_comment WHERE text LIKE ?"
        for identifier, status, text in database.rows(query, (f"%[load {run}-%",)):
            match = MARKER.search(text)
            if match:
                rows.setdefault(f"{match.group(1)}-{match.group(2)}", []).append(
                    (int(identifier), str(status))
                )
        return cls(rows)


@dataclass(frozen=True, slots=True)
class Verdict:
    acknowledged: int
    stored: int
    lost: list[str]  # acknowledged, not stored
    twice: list[str]  # stored more than once
    # Every send answered other than 303 and none broken, or never sent at all: yet stored.
    refused_yet_stored: list[str]
    wrong_id: list[str]  # the answers named an id other than the stored one (or several)
    unresolved: int  # every send broke: stored or not, nobody knows

    @property
    def holds(self) -> bool:
        return not (self.lost or self.twice or self.refused_yet_stored or self.wrong_id)


def judge(tally: Tally, stored: Stored) -> Verdict:
    lost, twice, refused_yet_stored, wrong_id = [], [], [], []
    acknowledged = unresolved = 0
    for marker, fate in tally.fates.items():
        rows = stored.rows.get(marker, [])
        if len(rows) > 1:
            twice.append(marker)
        if fate.acknowledged:
            acknowledged += 1
            if not rows:
                lost.append(marker)
            elif fate.ids != {rows[0][0]}:
                wrong_id.append(marker)
        elif fate.answers and not fate.broken and rows:
            refused_yet_stored.append(marker)
        elif not fate.answers:
            unresolved += 1
    strays = set(stored.rows) - set(tally.fates)
    return Verdict(
        acknowledged=acknowledged,
        stored=sum(len(rows) for rows in stored.rows.values()),
        lost=sorted(lost),
        twice=sorted(twice),
        refused_yet_stored=sorted(refused_yet_stored) + sorted(strays),
        wrong_id=sorted(wrong_id),
        unresolved=unresolved,
    )
