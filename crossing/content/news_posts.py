"""The posts of content/news/, read in two steps like chapters: their front matter first
(`read_posts`), so that every post's address is known before any body is rendered and its
links checked; then `build_post`, once the body is rendered, checks the rest: the date,
the authors, the tags and the image."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.loader import shown_path
from crossing.story.source import SourceFile

from . import addresses
from .documents import Body, read_draft
from .frontmatter import Schema, Spec
from .images import check_image
from .news import (
    AUTHORS_FILE,
    BAD_NAME,
    DATE_SHOWN,
    TAG_TWO_WAYS,
    UNKNOWN_AUTHOR,
    Author,
    DateKnown,
    NewsImage,
    Post,
    PostDraft,
    Tag,
    tag_slug,
)
from .news_authors import text_fields
from .translations import is_translation

REQUIRED = Spec(str, required=True)
POST_SCHEMA = Schema(
    {
        "title": REQUIRED,
        "date": Spec(date, required=True),
        "date_known": Spec(str),
        "authors": Spec(list, required=True),
        "tags": Spec(list),
        "summary": REQUIRED,
        "comments": Spec(bool),
        "image": Spec(dict),
    }
)
IMAGE_FIELDS = {"src": True, "alt": True, "caption": False, "credit": True}  # name -> required

RESERVED = ("author", "feed", "page", "tag", "tags")  # the news's own pages: /news/tags/
_POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def read_posts(folder: Path, diagnostics: list[Diagnostic]) -> list[PostDraft]:
    """Every post's front matter, with file names and duplicate addresses checked."""
    drafts: list[PostDraft] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        if is_translation(path):  # read in its language's site, beside its source
            continue
        shown = shown_path(path)
        match = _POST_NAME.match(path.name)
        if match is None:
            diagnostics.append(
                Diagnostic(
                    BAD_NAME,
                    f"a post's file name must be its date and address: '{path.name}'",
                    Position(shown, 1, 1),
                    "for example 2014-03-09-two-screen-awards.md (lower-case words joined"
                    " by hyphens after the date)",
                )
            )
            continue
        draft = read_draft(path, shown, POST_SCHEMA, diagnostics)
        if draft is None:
            continue
        slug = match.group(2)
        if slug in RESERVED:
            diagnostics.append(
                Diagnostic(
                    BAD_NAME,
                    f"'{slug}' is a page of the news itself (/news/{slug}/), not a post's address",
                    Position(shown, 1, 1),
                    f"choose another address; these are taken: {', '.join(RESERVED)}",
                )
            )
            continue
        if slug in seen:
            diagnostics.append(
                Diagnostic(
                    BAD_NAME,
                    f"two posts at '{addresses.news_post(slug)}' (also {seen[slug]})",
                    Position(shown, 1, 1),
                    "give one of them another address after its date",
                )
            )
            continue
        seen[slug] = shown
        drafts.append(PostDraft(slug, draft))
    return drafts


def news_link_targets(drafts: list[PostDraft]) -> set[str]:
    """The tag and month pages the posts will make, for links written before they are
    built (a date or tag that is wrong is reported when its post is)."""
    targets: set[str] = set()
    for post in drafts:
        values = post.draft.matter.values
        when, tags = values.get("date"), values.get("tags", [])
        if isinstance(when, date):
            targets.add(addresses.news_month(when.year, when.month))
        if isinstance(tags, list):
            targets |= {addresses.news_tag(tag_slug(t)) for t in tags if isinstance(t, str)}
    return targets


def build_post(
    post: PostDraft,
    body: Body,
    authors: dict[str, Author],
    tag_names: dict[str, tuple[str, Position]],
    diagnostics: list[Diagnostic],
) -> Post | None:
    """The post, its front matter's values checked; None if one is unusable (reported).
    `tag_names` holds, for each tag address, the display name first written for it and
    where: another spelling of the same tag is reported (E209)."""
    matter = post.draft.matter
    values = matter.values

    def at(name: str) -> Position:
        return matter.positions.get(name, matter.position)

    when = _date(values.get("date"), at("date"), diagnostics)
    known = _date_known(values.get("date_known", "day"), when, at("date_known"), diagnostics)
    lines = post.draft.source.lines
    writers = _authors(values.get("authors"), authors, at("authors"), lines, diagnostics)
    tags = _tags(values.get("tags", []), tag_names, at("tags"), lines, diagnostics)
    image = _image(values.get("image"), post.draft.source, at("image"), diagnostics)
    needed = ("title", "summary")
    if when is None or known is None or writers is None or tags is None or image is False:
        return None
    if any(name not in values for name in needed):
        return None
    return Post(
        slug=post.slug,
        title=values["title"],
        date=when,
        authors=writers,
        tags=tags,
        summary=values["summary"],
        comments=values.get("comments", True),
        image=image if isinstance(image, NewsImage) else None,
        body=body,
        path=post.draft.source.path,
        date_known=known,
    )


def _date(value: Any, at: Position, diagnostics: list[Diagnostic]) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if value is None:
        return None  # missing: reported by the schema
    diagnostics.append(
        Diagnostic(
            "E201",
            f"'date' must be a date such as 2014-03-09, not {_shown(value)}",
            at,
            "write it without quotes and without a time: date = 2014-03-09",
        )
    )
    return None


def _date_known(
    value: Any, when: date | None, at: Position, diagnostics: list[Diagnostic]
) -> DateKnown | None:
    """How much of the date the record gives; the date must be the first day of it, so that
    posts sort where the record puts them and no day is shown that nobody recorded."""
    if value not in DATE_SHOWN:
        diagnostics.append(
            Diagnostic(
                "E201",
                f'\'date_known\' must be "year", "month" or "day", not {_shown(value)}',
                at,
                'for an event the record dates only by its year: date_known = "year"',
            )
        )
        return None
    if when is not None and (
        (value == "year" and (when.month, when.day) != (1, 1))
        or (value == "month" and when.day != 1)
    ):
        first = "1 January" if value == "year" else "the first of the month"
        diagnostics.append(
            Diagnostic(
                "E201",
                f'date_known = "{value}", but the date is {when.isoformat()}: with only the '
                f"{value} known, date the post {first}",
                at,
                f"date = {when.replace(day=1, month=1 if value == 'year' else when.month)}",
            )
        )
        return None
    known: DateKnown = value
    return known


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat()})"
    return repr(value)


def _strings(
    value: Any, name: str, at: Position, diagnostics: list[Diagnostic]
) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    diagnostics.append(
        Diagnostic("E201", f'\'{name}\' must be a list of names: {name} = ["…", "…"]', at)
    )
    return None


def _authors(
    value: Any,
    known: dict[str, Author],
    at: Position,
    lines: Sequence[str],
    diagnostics: list[Diagnostic],
) -> tuple[Author, ...] | None:
    if value is None:
        return None  # missing: reported by the schema
    keys = _strings(value, "authors", at, diagnostics)
    if keys is None:
        return None
    if not keys:
        diagnostics.append(
            Diagnostic("E201", "'authors' must name at least one author", at, _authors_hint(known))
        )
        return None
    found = []
    for key in dict.fromkeys(keys):
        if key in known:
            found.append(known[key])
            continue
        hint = did_you_mean(key, known) or _authors_hint(known)
        diagnostics.append(
            Diagnostic(UNKNOWN_AUTHOR, f"unknown author '{key}'", _quoted(lines, at, key), hint)
        )
    return tuple(found) if len(found) == len(dict.fromkeys(keys)) else None


def _quoted(lines: Sequence[str], at: Position, text: str) -> Position:
    """Where "text" is written on the line of `at`, for a value in a list; else `at`."""
    line = lines[at.line - 1] if 0 < at.line <= len(lines) else ""
    col = line.find(f'"{text}"')
    return Position(at.path, at.line, col + 2, len(text)) if col >= 0 else at


def _authors_hint(known: Collection[str]) -> str:
    if not known:
        return f"authors are defined in news/{AUTHORS_FILE}"
    return f"authors in news/{AUTHORS_FILE}: {', '.join(sorted(known))}"


def _tags(
    value: Any,
    tag_names: dict[str, tuple[str, Position]],
    at: Position,
    lines: Sequence[str],
    diagnostics: list[Diagnostic],
) -> tuple[Tag, ...] | None:
    names = _strings(value, "tags", at, diagnostics)
    if names is None:
        return None
    tags: dict[str, Tag] = {}
    ok = True
    for name in names:
        slug = tag_slug(name)
        if not slug:
            diagnostics.append(
                Diagnostic(
                    "E201",
                    f"tag '{name}' gives no address: addresses are made of the Latin"
                    " letters and digits of its name",
                    _quoted(lines, at, name),
                    'add a Latin spelling, e.g. "North Korea (북한)"',
                )
            )
            ok = False
            continue
        first = tag_names.setdefault(slug, (name, at))
        if first[0] != name:
            where = f"{first[1].path}:{first[1].line}"
            diagnostics.append(
                Diagnostic(
                    TAG_TWO_WAYS,
                    f"tag '{name}' is also written '{first[0]}' ({where}):"
                    f" both are /news/tag/{slug}/",
                    _quoted(lines, at, name),
                    f"write it '{first[0]}' everywhere, or rename it everywhere",
                )
            )
            ok = False
            continue
        tags.setdefault(slug, Tag(slug, name))
    return tuple(tags.values()) if ok else None


def _image(
    value: Any, source: SourceFile, at: Position, diagnostics: list[Diagnostic]
) -> NewsImage | bool | None:
    """The [image] table; None without one; False when it is unusable (reported)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        diagnostics.append(Diagnostic("E201", "'image' must be an [image] table", at))
        return False
    header = next(
        (n for n, text in enumerate(source.lines, start=1) if re.match(r"^\s*\[image\]", text)),
        None,
    )
    if header is not None:
        at = Position(source.path, header, 1, len("[image]"))
    if not text_fields(value, IMAGE_FIELDS, "[image]", at, diagnostics, code="E201"):
        return False
    src_at = _key_after(source, at.line, "src") or at
    if not check_image(value["src"], src_at, diagnostics):
        return False
    caption = value.get("caption")
    return NewsImage(
        value["src"].strip(),
        value["alt"].strip(),
        caption.strip() if caption else None,
        value["credit"].strip(),
    )


def _key_after(source: SourceFile, line: int, key: str) -> Position | None:
    """Where `key = "value"` is written in the table that starts at `line`: its value."""
    for number in range(line, len(source.lines) + 1):
        text = source.lines[number - 1]
        if number > line and text.lstrip().startswith(("[", "+++")):
            return None
        match = re.match(rf'^\s*{key}\s*=\s*"([^"]*)"', text)
        if match:
            return Position(source.path, number, match.start(1) + 1, max(len(match.group(1)), 1))
    return None
