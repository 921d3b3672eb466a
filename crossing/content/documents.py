"""The editors' documents: chapters of "On the border", its introduction, and the works
(films and books). Each is a Markdown file with front matter (docs/content.md)."""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.source import SourceFile, read

from . import addresses, frontmatter
from .broadcast_tables import read_broadcasts
from .broadcasts import Broadcast, Channel
from .frontmatter import FrontMatter, Schema, Spec
from .images import check_image
from .markdown import Block, Directive, Heading, LinkResolver, render

TEXT, REQUIRED = Spec(str), Spec(str, required=True)
NUMBER = Spec(int)

PHOTO = {"src": REQUIRED, "alt": REQUIRED, "caption": REQUIRED, "credit": REQUIRED}
# Readers' comments are off on a chapter unless `comments = true`; their closing after
# CROSSING_COMMENTS_CLOSE_AFTER_DAYS counts from `comments_opened` (never without it).
CHAPTER_SCHEMA = Schema(
    {
        "title": REQUIRED,
        "summary": REQUIRED,
        "comments": Spec(bool),
        "comments_opened": Spec(date),
    },
    {"photos": PHOTO},
)
WORK_SCHEMA = Schema(
    {
        "kind": REQUIRED,
        "slug": REQUIRED,
        "title": REQUIRED,
        "summary": REQUIRED,
        "year": NUMBER,
        "subtitle": TEXT,
        "runtime": TEXT,
        "language": TEXT,
    },
    {
        "credits": {"role": REQUIRED, "name": REQUIRED, "note": TEXT, "source": REQUIRED},
        "awards": {
            "name": REQUIRED,
            "by": REQUIRED,
            "year": NUMBER,
            "result": REQUIRED,
            "note": TEXT,
            "source": REQUIRED,
        },
        "press": {
            "outlet": REQUIRED,
            "quote": REQUIRED,
            "date": TEXT,
            "paraphrase": Spec(bool),
            "note": TEXT,
            "source": REQUIRED,
        },
        "watch": {
            "territory": REQUIRED,
            "service": REQUIRED,
            "kind": REQUIRED,
            "from": TEXT,
            "until": TEXT,
            "timezone": TEXT,
            "checked": Spec(date),
            "note": TEXT,
            "source": REQUIRED,
        },
        "channels": {
            "key": REQUIRED,
            "name": REQUIRED,
            "territory": REQUIRED,
            "timezone": REQUIRED,
            "zone_assumed": Spec(bool),
            "link": TEXT,
            "note": TEXT,
            "source": REQUIRED,
        },
        "broadcasts": {
            "id": REQUIRED,
            "channel": REQUIRED,
            "start": REQUIRED,  # a TOML local date-time reaches us as text (frontmatter.py)
            "duration": NUMBER,
            "end": TEXT,
            "duration_estimated": Spec(bool),
            "repeat_of": TEXT,
            "presenter": TEXT,
            "catch_up": TEXT,
            "note": TEXT,
            "source": REQUIRED,
        },
        "editions": {
            "language": REQUIRED,
            "publisher": TEXT,
            "year": NUMBER,
            "format": TEXT,
            "note": TEXT,
            "source": REQUIRED,
        },
        "photos": PHOTO,
    },
)

WORK_KINDS = tuple(addresses.WORK_PREFIXES)
AWARD_RESULTS = ("won", "nominated")
WATCH_KINDS = ("streaming", "purchase", "cinema", "educational")
EVENT_KINDS = ("broadcast", "cinema")  # dated showings: over once their day has passed
FILM_ONLY_TABLES = ("channels", "broadcasts")
_CHAPTER_NAME = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")
_TERRITORY = re.compile(r"^([A-Z]{2}|worldwide)$")


@dataclass(frozen=True, slots=True)
class Photo:
    src: str
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True, slots=True)
class Body:
    """A rendered Markdown body."""

    blocks: tuple[Block, ...]
    citations: tuple[str, ...]  # source keys in the order of their numbers
    cited_at: dict[str, int]  # key -> how many times the text cites it
    headings: tuple[Heading, ...]
    links: tuple[str, ...]  # internal addresses it links to
    words: int


@dataclass(frozen=True, slots=True)
class Chapter:
    number: int  # the order, from the file name
    slug: str
    title: str
    summary: str
    photos: tuple[Photo, ...]
    body: Body
    path: str
    comments: bool = False  # whether readers may comment
    comments_opened: date | None = None  # closing after N days counts from here

    @property
    def url(self) -> str:
        return addresses.chapter(self.slug)


@dataclass(frozen=True, slots=True)
class Introduction:
    title: str
    summary: str
    body: Body
    path: str


@dataclass(frozen=True, slots=True)
class Credit:
    role: str
    name: str
    note: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Award:
    name: str
    by: str
    year: int | None
    result: str  # won or nominated
    note: str | None
    source: str


@dataclass(frozen=True, slots=True)
class PressQuote:
    outlet: str
    quote: str
    date: str | None
    paraphrase: bool  # the words are the source's summary of the outlet's, not a quote
    note: str | None
    source: str


@dataclass(frozen=True, slots=True)
class WatchOption:
    territory: str  # ISO 3166 code or "worldwide"
    service: str
    kind: str
    start: str | None  # ISO date or date and time, as precise as known
    end: str | None
    timezone: str | None
    note: str | None
    source: str
    checked: date | None = None  # the day an editor last saw the offer live

    def is_past(self, today: date) -> bool:
        """Over: its last day has passed (dated showings are over once shown)."""
        last = self.end or (self.start if self.kind in EVENT_KINDS else None)
        return last is not None and last[:10] < today.isoformat()[: len(last[:10])]

    def is_current(self, today: date) -> bool:
        """Offered now, as far as we know: not over, and seen live by an editor (`checked`).
        Anything else is history: the page says so, never sending a reader to a dead service
        as if it were live."""
        return self.checked is not None and not self.is_past(today)


@dataclass(frozen=True, slots=True)
class Edition:
    language: str
    publisher: str | None
    year: int | None
    format: str | None
    note: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Work:
    kind: str  # film or book
    slug: str
    title: str
    subtitle: str | None
    summary: str
    year: int | None
    runtime: str | None
    language: str | None
    credits: tuple[Credit, ...]
    awards: tuple[Award, ...]
    press: tuple[PressQuote, ...]
    watch: tuple[WatchOption, ...]
    editions: tuple[Edition, ...]
    photos: tuple[Photo, ...]
    body: Body
    path: str
    channels: tuple[Channel, ...] = ()
    broadcasts: tuple[Broadcast, ...] = ()  # sorted by start

    @property
    def url(self) -> str:
        return addresses.work(self.kind, self.slug)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source the page cites: in its text, then in its tables."""
        keys = list(self.body.citations)
        tables = (self.credits, self.awards, self.press, self.watch, self.channels)
        for entries in (*tables, self.broadcasts, self.editions):
            keys += [e.source for e in entries if e.source not in keys]
        return tuple(dict.fromkeys(keys))


# -- reading ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Draft:
    """A document whose front matter is read, waiting for its body to be rendered (which
    needs every other document's address, to check links)."""

    source: SourceFile
    matter: FrontMatter


def read_draft(
    path: Path, shown: str, schema: Schema, diagnostics: list[Diagnostic]
) -> Draft | None:
    source, problems = read(path, shown)
    diagnostics += problems
    if source is None:
        return None
    matter, problems = frontmatter.read(source, schema)
    diagnostics += problems
    return None if matter is None else Draft(source, matter)


def chapter_name(path: Path, shown: str, diagnostics: list[Diagnostic]) -> tuple[int, str] | None:
    match = _CHAPTER_NAME.match(path.name)
    if match is None:
        diagnostics.append(
            Diagnostic(
                "E205",
                f"a chapter's file name must be its number and address: '{path.name}'",
                Position(shown, 1, 1),
                "for example 01-the-river.md (lower-case words joined by hyphens)",
            )
        )
        return None
    return int(match.group(1)), match.group(2)


def render_body(
    draft: Draft,
    sources: Collection[str],
    figures: Collection[str],
    resolve: LinkResolver,
    diagnostics: list[Diagnostic],
    anchors: Sequence[str] | None = None,
) -> Body:
    """The body as HTML blocks; unknown sources, figures, photos and links reported.
    `anchors`: its headings' anchors (a translation's are its source's)."""
    rendered = render(
        draft.matter.body,
        path=draft.source.path,
        first_line=draft.matter.body_line,
        sources=sources,
        resolve=resolve,
        diagnostics=diagnostics,
        anchors=anchors,
    )
    photos = len(draft.matter.tables.get("photos", []))
    _check_photos(draft.matter, diagnostics)
    for block in rendered.blocks:
        if not isinstance(block, Directive):
            continue
        if block.kind == "figure" and block.name not in figures:
            hint = did_you_mean(block.name, figures) or "figures are defined in figures.toml"
            diagnostics.append(
                Diagnostic("E204", f"unknown figure '{block.name}'", block.position, hint)
            )
        if block.kind == "photo" and not (block.name.isdigit() and 1 <= int(block.name) <= photos):
            diagnostics.append(
                Diagnostic(
                    "E204",
                    f"no photo {block.name}: the front matter has {photos} [[photos]]",
                    block.position,
                )
            )
    return Body(
        tuple(rendered.blocks),
        tuple(rendered.citations),
        dict(rendered.cited_at),
        tuple(rendered.headings),
        tuple(rendered.links),
        rendered.words,
    )


def _check_photos(matter: FrontMatter, diagnostics: list[Diagnostic]) -> None:
    """Each photo's `src` is a file of this site, like the body's images."""
    entries = matter.tables.get("photos", [])
    for entry, written_at in zip(entries, matter.table_fields.get("photos", []), strict=True):
        if "src" in entry:
            check_image(entry["src"], written_at["src"], diagnostics)


def _photos(matter: FrontMatter) -> tuple[Photo, ...]:
    return tuple(Photo(**entry) for entry in matter.tables.get("photos", []) if len(entry) == 4)


def build_chapter(draft: Draft, number: int, slug: str, body: Body) -> Chapter | None:
    values = draft.matter.values
    if "title" not in values or "summary" not in values:
        return None
    return Chapter(
        number,
        slug,
        values["title"],
        values["summary"],
        _photos(draft.matter),
        body,
        draft.source.path,
        comments=values.get("comments", False),
        comments_opened=values.get("comments_opened"),
    )


def build_introduction(draft: Draft, body: Body) -> Introduction | None:
    values = draft.matter.values
    if "title" not in values or "summary" not in values:
        return None
    return Introduction(values["title"], values["summary"], body, draft.source.path)


def _choice(
    value: str | None, allowed: tuple[str, ...], what: str, at: Position, out: list[Diagnostic]
) -> bool:
    if value is None or value in allowed:
        return True
    hint = did_you_mean(value, allowed) or f"one of: {', '.join(allowed)}"
    out.append(Diagnostic("E201", f"{what} '{value}' is not known", at, hint))
    return False


def _check_sources(draft: Draft, sources: Collection[str], diagnostics: list[Diagnostic]) -> None:
    for name, entries in draft.matter.tables.items():
        for entry, at in zip(entries, draft.matter.table_positions[name], strict=True):
            key = entry.get("source")
            if key is not None and key not in sources:
                diagnostics.append(
                    Diagnostic("E202", f"unknown source '{key}'", at, did_you_mean(key, sources))
                )


def _latest_today() -> date:
    """Today somewhere on Earth: a `checked` date is in the future only after this (an
    editor east of UTC may write their own today)."""
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def _check_watch(
    entry: dict[str, Any],
    at: Position,
    fields: dict[str, Position],
    diagnostics: list[Diagnostic],
) -> bool:
    if entry.get("kind") == "broadcast":
        diagnostics.append(
            Diagnostic(
                "E201",
                "a broadcast is no longer a [[watch]] row",
                fields.get("kind", at),
                "write a [[broadcasts]] entry (with its [[channels]] entry) instead:"
                " docs/content.md, Broadcasts",
            )
        )
        return False
    ok = _choice(entry.get("kind"), WATCH_KINDS, "kind", at, diagnostics)
    checked = entry.get("checked")
    if checked is not None and checked > _latest_today():
        diagnostics.append(
            Diagnostic(
                "E201",
                f"checked {checked.isoformat()} is in the future",
                fields.get("checked", at),
                "write the day an editor last saw the offer live",
            )
        )
        ok = False
    territory = entry.get("territory", "")
    if not _TERRITORY.match(territory):
        diagnostics.append(
            Diagnostic(
                "E201",
                f"territory '{territory}' is not a country code",
                at,
                "use an ISO 3166 code such as US, AU or CA, or 'worldwide'",
            )
        )
        ok = False
    for name in ("from", "until"):
        value = entry.get(name)
        if value is not None and not _DATE.match(value):
            diagnostics.append(
                Diagnostic(
                    "E201",
                    f"'{name}' must be a date such as 2013, 2013-06-17 or 2013-06-17T21:00",
                    at,
                )
            )
            ok = False
    zone = entry.get("timezone")
    if zone is not None:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            diagnostics.append(
                Diagnostic(
                    "E201",
                    f"unknown time zone '{zone}'",
                    at,
                    "use an IANA name such as America/Toronto",
                )
            )
            ok = False
    return ok


def build_work(
    draft: Draft, body: Body, sources: Collection[str], diagnostics: list[Diagnostic]
) -> Work | None:
    matter = draft.matter
    values, tables = matter.values, matter.tables
    _check_sources(draft, sources, diagnostics)
    kind_ok = _choice(values.get("kind"), WORK_KINDS, "kind", matter.position, diagnostics)
    slug = values.get("slug", "")
    if slug and not _SLUG.match(slug):
        diagnostics.append(
            Diagnostic(
                "E201",
                f"slug '{slug}' must be lower-case words joined by hyphens",
                matter.positions.get("slug", matter.position),
            )
        )
        return None
    if not kind_ok or any(k not in values for k in ("kind", "slug", "title", "summary")):
        return None

    def entries(name: str) -> list[tuple[dict[str, Any], Position]]:
        """The [[name]] entries with every required field (the others are reported)."""
        return [(entry, at) for entry, at, _ in entries_where(name)]

    def entries_where(name: str) -> list[tuple[dict[str, Any], Position, dict[str, Position]]]:
        required = {field for field, spec in WORK_SCHEMA.tables[name].items() if spec.required}
        found = zip(
            tables.get(name, []),
            matter.table_positions.get(name, []),
            matter.table_fields.get(name, []),
            strict=True,
        )
        return [(entry, at, where) for entry, at, where in found if required <= entry.keys()]

    channels: tuple[Channel, ...] = ()
    broadcasts: tuple[Broadcast, ...] = ()
    if values["kind"] == "film":
        channels, broadcasts = read_broadcasts(slug, matter, diagnostics)
    else:
        for name in FILM_ONLY_TABLES:
            if tables.get(name):
                diagnostics.append(
                    Diagnostic(
                        "E210",
                        f"a {values['kind']} has no [[{name}]]: only films are broadcast",
                        matter.table_positions[name][0],
                        f"delete the [[{name}]] entries",
                    )
                )

    awards = [
        Award(e["name"], e["by"], e.get("year"), e["result"], e.get("note"), e["source"])
        for e, at in entries("awards")
        if _choice(e["result"], AWARD_RESULTS, "result", at, diagnostics)
    ]
    watch = [
        WatchOption(
            e["territory"],
            e["service"],
            e["kind"],
            e.get("from"),
            e.get("until"),
            e.get("timezone"),
            e.get("note"),
            e["source"],
            e.get("checked"),
        )
        for e, at, where in entries_where("watch")
        if _check_watch(e, at, where, diagnostics)
    ]
    return Work(
        kind=values["kind"],
        slug=slug,
        title=values["title"],
        subtitle=values.get("subtitle"),
        summary=values["summary"],
        year=values.get("year"),
        runtime=values.get("runtime"),
        language=values.get("language"),
        credits=tuple(
            Credit(e["role"], e["name"], e.get("note"), e["source"]) for e, _ in entries("credits")
        ),
        awards=tuple(awards),
        press=tuple(
            PressQuote(
                e["outlet"],
                e["quote"],
                e.get("date"),
                e.get("paraphrase", False),
                e.get("note"),
                e["source"],
            )
            for e, _ in entries("press")
        ),
        watch=tuple(watch),
        editions=tuple(
            Edition(
                e["language"],
                e.get("publisher"),
                e.get("year"),
                e.get("format"),
                e.get("note"),
                e["source"],
            )
            for e, _ in entries("editions")
        ),
        photos=_photos(matter),
        body=body,
        path=draft.source.path,
        channels=channels,
        broadcasts=broadcasts,
    )
