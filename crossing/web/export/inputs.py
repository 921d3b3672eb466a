"""What each page is made from, as one digest per page, and the manifest that keeps them.

A rebuild renders a page again only when its digest differs from the one the previous
export recorded (or the page is new); otherwise the page is copied from that export, as Hugo
and Nikola do. The digests are honest, erring towards a render:

- every page: the code (every file of the crossing package: templates, static files and
  translations included), Django's and Python's versions, the settings that shape pages
  (the public address, the language, every non-secret CROSSING_ setting), today's date
  (past broadcasts are marked, comments close after some days), and every file of the
  content folder except the chapters' own (sources, figures, data, the journey, news,
  works, the story's introduction, ...);
- a chapter: its own file, its place in the story, the title of the chapters before and
  after it (its pager shows them), and its comments;
- every other page: what each chapter shows elsewhere (its title, summary, number,
  address, photos, citations, headings and links: the story's contents, the sources page,
  the site map), the database state pages read (readers' ending counts, screenings), and
  its own comments.

A chapter's body is not in the other pages' digests: its words change its own page only.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import platform
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from crossing.content.documents import Chapter
from crossing.content.site import SiteContent

from ..languages import split

MANIFEST = ".crossing-export-manifest.json"  # beside the marker, in the export's root
FORMAT = 1
_SECRET = re.compile(r"KEY|SECRET|PASSWORD|TOKEN|EMAIL_URL", re.IGNORECASE)
_CHAPTER_FILE = re.compile(r"^\d+-[a-z0-9-]+\.md$")


def _digest(*parts: object) -> str:
    text = json.dumps(parts, default=repr, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _files(folder: Path, skip: Iterable[Path] = ()) -> str:
    """One digest of every file under `folder` (names and bytes), bytecode caches left out."""
    skipped = set(skip)
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path in skipped or "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def code_digest() -> str:
    import django

    import crossing

    return _digest(
        _files(Path(crossing.__file__).parent), django.__version__, platform.python_version()
    )


def settings_digest(base_url: str | None) -> str:
    shaping = {
        name: getattr(settings, name)
        for name in dir(settings)
        if name.startswith("CROSSING_") and not _SECRET.search(name)
    }
    return _digest(
        base_url,
        settings.LANGUAGE_CODE,
        settings.LANGUAGES,
        settings.TIME_ZONE,
        shaping,
        datetime.date.today().isoformat(),
    )


def chapter_files(content_dir: Path) -> list[Path]:
    story = content_dir / "story"
    return [p for p in story.glob("*.md") if _CHAPTER_FILE.match(p.name)]


def face(chapter: Chapter) -> list[object]:
    """What other pages show of a chapter (not its words)."""
    body = chapter.body
    return [
        chapter.number,
        chapter.slug,
        chapter.url,
        chapter.title,
        chapter.summary,
        chapter.photos,
        chapter.path,
        chapter.comments,
        str(chapter.comments_opened),
        body.citations,
        sorted(body.cited_at.items()),
        body.headings,
        body.links,
    ]


def database_digest() -> str:
    """The database state non-chapter pages read: readers' ending counts and screenings."""
    from ..journey.models import EndingCount
    from ..screenings.models import Change, Screening

    return _digest(
        list(EndingCount.objects.order_by("pk").values_list()),
        list(Screening.objects.order_by("pk").values_list()),
        list(Change.objects.order_by("pk").values_list("pk", "at")),
    )


def comments_digests() -> dict[str, str]:
    """Per page, a digest of its comments and references as stored (any change to them)."""
    from ..comments.models import Comment

    rows: dict[str, list[object]] = defaultdict(list)
    for row in Comment.objects.order_by("page", "pk").values_list(
        "page", "pk", "kind", "parent_id", "name", "website", "text", "source", "status", "created"
    ):
        rows[row[0]].append(row[1:])
    return {page: _digest(found) for page, found in rows.items()}


class Inputs:
    """The digest of every page's inputs for one build."""

    def __init__(self, content: SiteContent, base_url: str | None) -> None:
        content_dir: Path = settings.CONTENT_DIR
        chapters = content.chapters
        shared = _digest(
            code_digest(),
            settings_digest(base_url),
            _files(content_dir, skip=chapter_files(content_dir)),
        )
        self._shared = shared
        self._comments = comments_digests()
        self._others = _digest(shared, [face(c) for c in chapters], database_digest())
        self._chapters: dict[str, str] = {}
        for at, chapter in enumerate(chapters):
            before = chapters[at - 1] if at > 0 else None
            after = chapters[at + 1] if at + 1 < len(chapters) else None
            own = (content_dir / "story" / Path(chapter.path).name).read_bytes()
            self._chapters[chapter.url] = _digest(
                shared,
                hashlib.sha256(own).hexdigest(),
                at,
                len(chapters),
                face(chapter),
                [(c.title, c.url) if c else None for c in (before, after)],
            )

    def of(self, address: str) -> str:
        """A page in any language: a chapter's in Korean shows its English file where it
        has no translation (and its headings' anchors where it has one); translations
        (`*.ko.md`) are among every page's shared inputs. Comments are one conversation
        per page in every language (under its English address)."""
        language, page = split(address)
        base = self._chapters.get(page, self._others)
        return _digest(base, language, self._comments.get(page))


def read_manifest(out: Path) -> dict[str, str]:
    """The previous export's digests (file -> digest); none when it has no readable one."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    pages = data.get("pages")
    return {str(k): str(v) for k, v in pages.items()} if isinstance(pages, dict) else {}


def write_manifest(folder: Path, pages: dict[str, str]) -> None:
    text = json.dumps({"format": FORMAT, "pages": dict(sorted(pages.items()))}, indent=0)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")
