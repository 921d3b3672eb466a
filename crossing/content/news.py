"""The news: one Markdown post per file in content/news/ (`YYYY-MM-DD-slug.md`), and the
people who write them in content/news/authors.toml (docs/content.md, "News").

Posts are read in two steps, like chapters: their front matter first (`read_posts`), so that
every post's address is known before any body is rendered and its links checked; then
`build_post` renders the body. Problems are reported where they are written:

- E201 a front-matter field missing, unknown, of the wrong kind, or a date that is not one;
- E207 a post's file name, or two posts at one address;
- E208 an author key that authors.toml does not have, or a problem in authors.toml;
- E209 one tag written two ways (two display names with the same address);
- W203 an author with no post.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.loader import shown_path
from crossing.story.source import SourceFile, read
from crossing.story.tables import toml_error

from . import addresses
from .documents import Body, Draft, read_draft
from .frontmatter import Schema, Spec
from .images import check_image

NEWS_FOLDER = "news"
AUTHORS_FILE = "authors.toml"
BAD_NAME = "E207"  # a post's file name, or two posts at one address
UNKNOWN_AUTHOR = "E208"  # and authors.toml's own problems
TAG_TWO_WAYS = "E209"
AUTHOR_UNUSED = "W203"

REQUIRED = Spec(str, required=True)
POST_SCHEMA = Schema(
    {
        "title": REQUIRED,
        "date": Spec(date, required=True),
        "authors": Spec(list, required=True),
        "tags": Spec(list),
        "summary": REQUIRED,
        "comments": Spec(bool),
        "image": Spec(dict),
    }
)
IMAGE_FIELDS = {"src": True, "alt": True, "caption": False, "credit": True}  # name -> required
AUTHOR_FIELDS = {"name": True, "bio": True, "link": False}

RESERVED = ("author", "feed", "page", "tag", "tags")  # the news's own pages: /news/tags/
_POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WEB_LINK = re.compile(r"^https?://[^\s/]+\S*$")


def tag_slug(name: str) -> str:
    """A tag's address from its display name: "The Defector" -> "the-defector". Letters
    and digits without accents, lower case, one hyphen between words; "" when the name has
    no letter or digit at all (reported)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Author:
    key: str
    name: str
    bio: str
    link: str | None

    @property
    def url(self) -> str:
        return addresses.news_author(self.key)


@dataclass(frozen=True, slots=True)
class Tag:
    slug: str
    name: str

    @property
    def url(self) -> str:
        return addresses.news_tag(self.slug)


@dataclass(frozen=True, slots=True)
class NewsImage:
    src: str
    alt: str
    caption: str | None
    credit: str


@dataclass(frozen=True, slots=True)
class Post:
    slug: str
    title: str
    date: date
    authors: tuple[Author, ...]
    tags: tuple[Tag, ...]
    summary: str
    comments: bool  # whether readers may comment (a later issue's comments)
    image: NewsImage | None
    body: Body
    path: str

    @property
    def url(self) -> str:
        return addresses.news_post(self.slug)

    @property
    def month_url(self) -> str:
        return addresses.news_month(self.date.year, self.date.month)


@dataclass(slots=True)
class PostDraft:
    """A post whose front matter is read; its body waits for every address to be known."""

    slug: str
    draft: Draft


PER_PAGE = 10  # posts on each page of the index


@dataclass(slots=True)
class News:
    """Every post, newest first, and every author."""

    posts: list[Post] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)

    def feed_addresses(self) -> list[str]:
        """Every feed: all the news, then each tag's, in Atom and RSS."""
        feeds = [addresses.NEWS_FEED_ATOM, addresses.NEWS_FEED_RSS]
        for tag, _ in self.tags():
            feeds += [addresses.news_tag_feed(tag.slug, kind) for kind in ("atom", "rss")]
        return feeds

    def page_count(self) -> int:
        """Pages of the index: at least one, which says there is no news yet."""
        return max(1, -(-len(self.posts) // PER_PAGE))

    def page(self, number: int) -> list[Post]:
        return self.posts[(number - 1) * PER_PAGE : number * PER_PAGE]

    def post(self, slug: str) -> Post | None:
        return next((p for p in self.posts if p.slug == slug), None)

    def tags(self) -> list[tuple[Tag, int]]:
        """Every tag with how many posts carry it, by name."""
        counts: dict[Tag, int] = {}
        for post in self.posts:
            for tag in post.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts.items(), key=lambda item: item[0].name.casefold())

    def tag(self, slug: str) -> Tag | None:
        return next((t for t, _ in self.tags() if t.slug == slug), None)

    def tagged(self, slug: str) -> list[Post]:
        return [p for p in self.posts if any(t.slug == slug for t in p.tags)]

    def by(self, key: str) -> list[Post]:
        return [p for p in self.posts if any(a.key == key for a in p.authors)]

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month with a post, newest first."""
        return sorted({(p.date.year, p.date.month) for p in self.posts}, reverse=True)

    def of_month(self, year: int, month: int) -> list[Post]:
        return [p for p in self.posts if (p.date.year, p.date.month) == (year, month)]


# -- authors ------------------------------------------------------------------------------


def load_authors(
    folder: Path, diagnostics: list[Diagnostic]
) -> tuple[dict[str, Author], dict[str, Position], SourceFile | None]:
    """authors.toml: each [key] table an author; where each key is written."""
    path = folder / AUTHORS_FILE
    if not path.exists():
        return {}, {}, None
    source, problems = read(path, shown_path(path))
    diagnostics += problems
    if source is None:
        return {}, {}, None
    try:
        data = tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        at = Position(source.path, line, col)
        diagnostics.append(Diagnostic(UNKNOWN_AUTHOR, f"TOML syntax: {message}", at))
        return {}, {}, source
    positions = _table_positions(source)
    authors: dict[str, Author] = {}
    for key, table in data.items():
        at = positions.get(key, Position(source.path, 1, 1))
        author = _author(key, table, at, diagnostics)
        if author is not None:
            authors[key] = author
    return authors, positions, source


def _table_positions(source: SourceFile) -> dict[str, Position]:
    found: dict[str, Position] = {}
    for number, line in enumerate(source.lines, start=1):
        match = re.match(r"^\s*\[\s*\"?([^\]\"]+)\"?\s*\]", line)
        if match:
            found.setdefault(match.group(1), Position(source.path, number, 1, len(line.strip())))
    return found


def _author(key: str, table: Any, at: Position, diagnostics: list[Diagnostic]) -> Author | None:
    if not isinstance(table, dict):
        diagnostics.append(
            Diagnostic(UNKNOWN_AUTHOR, f"'{key}' must be a table: [{key}] then name = \"…\"", at)
        )
        return None
    ok = True
    if not _KEY.match(key):
        diagnostics.append(
            Diagnostic(
                UNKNOWN_AUTHOR,
                f"author key '{key}' must be lower-case words joined by hyphens",
                at,
                "it is the author's address: /news/author/KEY/",
            )
        )
        ok = False
    ok = _text_fields(table, AUTHOR_FIELDS, f"author '{key}'", at, diagnostics) and ok
    link = table.get("link")
    if isinstance(link, str) and not _WEB_LINK.match(link):
        diagnostics.append(
            Diagnostic(
                UNKNOWN_AUTHOR,
                f"author '{key}': link '{link}' must be a web address",
                at,
                "write it in full, starting https://",
            )
        )
        ok = False
    if not ok:
        return None
    return Author(key, table["name"].strip(), table["bio"].strip(), link)


def _text_fields(
    table: dict[str, Any],
    fields: dict[str, bool],
    what: str,
    at: Position,
    diagnostics: list[Diagnostic],
    code: str = UNKNOWN_AUTHOR,
) -> bool:
    """Every field is known, is non-empty text, and the required ones are there."""
    ok = True
    for name, value in table.items():
        if name not in fields:
            hint = did_you_mean(name, fields) or f"{what} takes: {', '.join(fields)}"
            diagnostics.append(Diagnostic(code, f"unknown field '{name}' in {what}", at, hint))
            ok = False
        elif not (isinstance(value, str) and value.strip()):
            diagnostics.append(Diagnostic(code, f"'{name}' in {what} must be non-empty text", at))
            ok = False
    for name, required in fields.items():
        if required and name not in table:
            diagnostics.append(Diagnostic(code, f"missing field '{name}' in {what}", at))
            ok = False
    return ok


# -- posts --------------------------------------------------------------------------------


def read_posts(folder: Path, diagnostics: list[Diagnostic]) -> list[PostDraft]:
    """Every post's front matter, with file names and duplicate addresses checked."""
    drafts: list[PostDraft] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
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
    lines = post.draft.source.lines
    writers = _authors(values.get("authors"), authors, at("authors"), lines, diagnostics)
    tags = _tags(values.get("tags", []), tag_names, at("tags"), lines, diagnostics)
    image = _image(values.get("image"), post.draft.source, at("image"), diagnostics)
    needed = ("title", "summary")
    if when is None or writers is None or tags is None or image is False:
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
    if not _text_fields(value, IMAGE_FIELDS, "[image]", at, diagnostics, code="E201"):
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


def unused_authors(
    news: News,
    drafts: list[PostDraft],
    positions: dict[str, Position],
    diagnostics: list[Diagnostic],
) -> None:
    """Authors no post names (a post with other problems still counts)."""
    used = {
        key
        for post in drafts
        if isinstance(keys := post.draft.matter.values.get("authors"), list)
        for key in keys
    }
    for key in news.authors:
        if key not in used:
            diagnostics.append(
                Diagnostic(
                    AUTHOR_UNUSED,
                    f"author '{key}' has written no post",
                    positions.get(key),
                    "name them in a post's authors, or remove them",
                )
            )
