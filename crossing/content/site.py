"""The whole campaign site's content, read at once from `content/`: sources, places,
chapters, works and figures, every link and citation checked, and for each source
everything on the site that cites it.

`load_site` never raises on bad content: it returns what it could read and every problem,
so that `crossing check` can list them all and the site can refuse to publish.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crossing.editions.gamebook import Gamebook, build_gamebook
from crossing.story.compiled import CompiledStory, Place, Source
from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.loader import shown_path
from crossing.story.source import read
from crossing.story.tables import load_places, load_sources

from . import addresses
from .documents import (
    CHAPTER_SCHEMA,
    WORK_SCHEMA,
    Body,
    Chapter,
    Draft,
    Introduction,
    Work,
    build_chapter,
    build_introduction,
    build_work,
    chapter_name,
    read_draft,
    render_body,
)
from .figures import Figure, load_figures
from .markdown import Directive, LinkResolver
from .news import NEWS_FOLDER, Author, News, Post, PostDraft
from .news_authors import load_authors, unused_authors
from .news_posts import POST_SCHEMA, build_post, news_link_targets, read_posts
from .translations import SOURCE_LOCALE, Translating, sources_in

STORY_FOLDER = "story"
WORKS_FOLDER = "works"
INTRODUCTION = "index.md"


@dataclass(frozen=True, slots=True)
class Citer:
    """Something on the site that cites a source: a scene, a chapter, a work, a figure."""

    kind: str  # "scene", "chapter", "work", "figure" or "news"
    title: str
    url: str  # the site address, with the anchor of the citation where there is one


@dataclass(slots=True)
class SiteContent:
    sources: dict[str, Source] = field(default_factory=dict)
    source_positions: dict[str, Position] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    introduction: Introduction | None = None
    chapters: list[Chapter] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    gamebook: Gamebook | None = None
    news: News = field(default_factory=News)
    citers: dict[str, list[Citer]] = field(default_factory=dict)  # source key -> citers
    texts: dict[str, list[str]] = field(default_factory=dict)  # shown path -> lines
    language: str = SOURCE_LOCALE  # the language this content is read in
    # Documents read in `language` that have no translation yet: served in the source
    # language (their shown paths), with a notice (docs/translating.md).
    untranslated: set[str] = field(default_factory=set)

    def language_of(self, path: str) -> str:
        """The language the document at shown `path` is written in."""
        return SOURCE_LOCALE if path in self.untranslated else self.language

    def chapter(self, slug: str) -> Chapter | None:
        return next((c for c in self.chapters if c.slug == slug), None)

    def work(self, kind: str, slug: str) -> Work | None:
        return next((w for w in self.works if w.kind == kind and w.slug == slug), None)

    def works_of(self, kind: str) -> list[Work]:
        return [w for w in self.works if w.kind == kind]

    def addresses(self) -> list[str]:
        """Every page of the site, in reading order (for the site map and the export)."""
        pages = [addresses.HOME, addresses.STORY]
        pages += [c.url for c in self.chapters]
        for kind, prefix in addresses.WORK_PREFIXES.items():
            pages += [prefix] + [w.url for w in self.works_of(kind)]
        pages += [addresses.JOURNEY, addresses.GAMEBOOK]
        if self.gamebook is not None:
            pages += [addresses.gamebook_page(p.id) for p in self.gamebook.pages]
        pages += self.news_addresses()
        pages += [addresses.SOURCES, addresses.SITE_MAP]
        return pages

    def news_addresses(self) -> list[str]:
        """The news's pages: the index and its further pages, each post, the tags, each
        tag, author and month."""
        news = self.news
        pages = [addresses.news_page(n) for n in range(1, news.page_count() + 1)]
        pages += [p.url for p in news.posts]
        pages += [addresses.NEWS_TAGS] + [t.url for t, _ in news.tags()]
        pages += [a.url for a in news.authors.values()]
        pages += [addresses.news_month(year, month) for year, month in news.months()]
        return pages


def _read_table(path: Path, content: SiteContent, diagnostics: list[Diagnostic]) -> None:
    if not path.exists():
        return  # a content folder may hold only a journey, with its tables beside it
    source, problems = read(path, shown_path(path))
    diagnostics += problems
    if source is None:
        return
    content.texts[source.path] = source.lines
    if path.name == "sources.toml":
        entries, problems = load_sources(source)
        content.sources = {k: e.source for k, e in entries.items()}
        content.source_positions = {k: e.position for k, e in entries.items()}
    else:
        places, problems = load_places(source)
        content.places = {k: e.place for k, e in places.items()}
    diagnostics += problems


def _resolver(known: set[str], gamebook: Gamebook | None) -> dict[str, str]:
    """Link targets an editor may write, and the address each stands for."""
    targets = {address: address for address in known}
    targets.update({address.rstrip("/"): address for address in known if address != "/"})
    if gamebook is not None:
        for section in gamebook.sections:
            url = addresses.gamebook_section(section.page_id, section.anchor)
            targets[f"journey:{section.scene_id}"] = url
    return targets


def _resolve(targets: dict[str, str], story_missing: bool) -> LinkResolver:
    def resolve(href: str) -> str | None:
        if href.startswith("journey:") and story_missing:
            return addresses.JOURNEY  # the story's own errors are reported already
        path, _, fragment = href.partition("#")
        target = targets.get(path)
        if target is None:
            return None
        return f"{target}#{fragment}" if fragment else target

    return resolve


def _index_citations(content: SiteContent) -> None:
    citers: dict[str, list[Citer]] = {key: [] for key in content.sources}

    def add(keys: Iterable[str], citer: Citer) -> None:
        for key in dict.fromkeys(keys):
            citers.setdefault(key, []).append(citer)

    if content.gamebook is not None:
        for section in content.gamebook.sections:
            keys = list(section.citations)
            keys += list(section.chance.sources) if section.chance is not None else []
            url = addresses.gamebook_section(section.page_id, section.anchor)
            title = f"§{section.number} {section.title or section.scene_id}"
            add(keys, Citer("scene", title, url))
    documents: list[Chapter | Work] = [*content.chapters, *content.works]
    for document in documents:
        kind = "chapter" if isinstance(document, Chapter) else "work"
        for key in document.sources if isinstance(document, Work) else document.body.citations:
            add([key], Citer(kind, document.title, f"{document.url}#ref-{key}"))
        for block in document.body.blocks:
            if isinstance(block, Directive) and block.kind == "figure":
                figure = content.figures.get(block.name)
                if figure is not None:
                    url = f"{document.url}#figure-{figure.key}"
                    add(figure.sources, Citer("figure", figure.title, url))
    for post in content.news.posts:
        for key in post.body.citations:
            add([key], Citer("news", post.title, f"{post.url}#ref-{key}"))
    if content.introduction is not None:
        for key in content.introduction.body.citations:
            add([key], Citer("chapter", content.introduction.title, f"{addresses.STORY}#ref-{key}"))
    content.citers = citers


def _unused(content: SiteContent, diagnostics: list[Diagnostic]) -> None:
    for key, citers in content.citers.items():
        if not citers and key in content.source_positions:
            diagnostics.append(
                Diagnostic(
                    "W201",
                    f"source '{key}' is cited nowhere on the site",
                    content.source_positions[key],
                    "cite it in a chapter, a work, a news post or the journey, or remove it",
                )
            )
    documents: list[Chapter | Work] = [*content.chapters, *content.works]
    shown = {
        b.name
        for d in documents
        for b in d.body.blocks
        if isinstance(b, Directive) and b.kind == "figure"
    }
    for key, figure in content.figures.items():
        if key not in shown:
            diagnostics.append(
                Diagnostic(
                    "W202",
                    f"figure '{key}' is placed on no page",
                    figure.position,
                    f"add a line {{{{ figure {key} }}}} to a chapter",
                )
            )


def load_site(
    content_dir: Path, story: CompiledStory | None, locale: str = SOURCE_LOCALE
) -> tuple[SiteContent, list[Diagnostic]]:
    """Read every page's content. `story` is the compiled journey (None if it does not
    compile): its scenes are link targets, and its citations count as uses of sources.
    In another `locale`, each document's translation where there is one (checked against
    its source), else the source itself (listed in `untranslated`); `story` is then the
    journey in that language."""
    content = SiteContent(language=locale)
    diagnostics: list[Diagnostic] = []
    _read_table(content_dir / "sources.toml", content, diagnostics)
    _read_table(content_dir / "places.toml", content, diagnostics)
    if story is not None and locale != SOURCE_LOCALE and story.language == locale:
        # The journey in `locale` carries the places' names and the sources' notes in it
        # (the story's catalogues): the figures' maps and the sources page read them.
        content.places.update({p.key: p for p in story.places if p.key in content.places})
        content.sources.update({s.key: s for s in story.sources if s.key in content.sources})
    content.gamebook = build_gamebook(story) if story is not None else None
    figures, problems = load_figures(content_dir, content.sources, content.places, locale)
    content.figures = figures
    diagnostics += problems

    chapter_drafts: list[tuple[int, str, Draft]] = []
    story_dir = content_dir / STORY_FOLDER
    introduction: Draft | None = None
    translating = Translating(locale, content.untranslated, diagnostics)
    for path in sources_in(sorted(story_dir.glob("*.md"))):
        shown = shown_path(path)
        if path.name == INTRODUCTION:
            introduction = read_draft(path, shown, CHAPTER_SCHEMA, diagnostics)
            introduction = translating.of(path, introduction, CHAPTER_SCHEMA)
            continue
        name = chapter_name(path, shown, diagnostics)
        draft = read_draft(path, shown, CHAPTER_SCHEMA, diagnostics) if name else None
        draft = translating.of(path, draft, CHAPTER_SCHEMA)
        if name and draft:
            chapter_drafts.append((*name, draft))
    work_drafts = [
        draft
        for path in sources_in(sorted((content_dir / WORKS_FOLDER).glob("*.md")))
        if (
            draft := translating.of(
                path, read_draft(path, shown_path(path), WORK_SCHEMA, diagnostics), WORK_SCHEMA
            )
        )
    ]
    news_folder = content_dir / NEWS_FOLDER
    authors, author_positions, authors_source = load_authors(news_folder, diagnostics, locale)
    content.news.authors = authors
    if authors_source is not None:
        content.texts[authors_source.path] = authors_source.lines
    post_drafts = [
        dataclasses.replace(
            p,
            draft=translating.of(news_folder / Path(p.draft.source.path).name, p.draft, POST_SCHEMA)
            or p.draft,
        )
        for p in read_posts(news_folder, diagnostics)
    ]
    news_drafts = [p.draft for p in post_drafts]
    for draft in [d for *_, d in chapter_drafts] + work_drafts + news_drafts + [introduction]:
        if draft is not None:
            content.texts[draft.source.path] = draft.source.lines

    _duplicates(chapter_drafts, diagnostics)
    known = set(addresses.FIXED)
    known |= {addresses.chapter(slug) for _, slug, _ in chapter_drafts}
    for draft in work_drafts:
        kind, slug = draft.matter.values.get("kind"), draft.matter.values.get("slug")
        if kind in addresses.WORK_PREFIXES and isinstance(slug, str):
            known.add(addresses.work(kind, slug))
    if content.gamebook is not None:
        known |= {addresses.gamebook_page(p.id) for p in content.gamebook.pages}
    known |= {addresses.news_post(p.slug) for p in post_drafts}
    known |= {a.url for a in authors.values()} | {addresses.NEWS_TAGS}
    known |= news_link_targets(post_drafts)
    resolve = _resolve(_resolver(known, content.gamebook), story is None)

    def body_of(draft: Draft) -> Body:
        original = translating.sources.get(draft.source.path)
        anchors = None
        if original is not None:  # the source's anchors, for links into a section
            ignored: list[Diagnostic] = []  # the source's own problems: reported in its language
            source_body = render_body(original, content.sources, content.figures, resolve, ignored)
            anchors = [h.id for h in source_body.headings]
        return render_body(
            draft, content.sources, content.figures, resolve, diagnostics, anchors=anchors
        )

    for number, slug, draft in sorted(chapter_drafts, key=lambda c: (c[0], c[1])):
        chapter = build_chapter(draft, number, slug, body_of(draft))
        if chapter is not None:
            content.chapters.append(chapter)
    if introduction is not None:
        content.introduction = build_introduction(introduction, body_of(introduction))
    for draft in work_drafts:
        work = build_work(draft, body_of(draft), content.sources, diagnostics)
        if work is not None:
            content.works.append(work)
    content.works.sort(key=lambda w: (w.kind != "film", w.year or 0, w.title))
    _work_duplicates(content.works, diagnostics)
    content.news.posts = _posts(post_drafts, authors, body_of, diagnostics)
    unused_authors(content.news, post_drafts, author_positions, diagnostics)

    _index_citations(content)
    _unused(content, diagnostics)
    return content, diagnostics


def _posts(
    drafts: list[PostDraft],
    authors: dict[str, Author],
    body_of: Callable[[Draft], Body],
    diagnostics: list[Diagnostic],
) -> list[Post]:
    """Every readable post, newest first (by the date in its front matter)."""
    tag_names: dict[str, tuple[str, Position]] = {}
    posts = [
        post
        for draft in drafts
        if (post := build_post(draft, body_of(draft.draft), authors, tag_names, diagnostics))
    ]
    return sorted(posts, key=lambda p: (p.date, p.slug), reverse=True)


def _duplicates(drafts: list[tuple[int, str, Draft]], diagnostics: list[Diagnostic]) -> None:
    seen: dict[str, str] = {}
    numbers: dict[int, str] = {}
    for number, slug, draft in drafts:
        at = Position(draft.source.path, 1, 1)
        if slug in seen:
            diagnostics.append(
                Diagnostic("E205", f"two chapters at '{slug}' (also {seen[slug]})", at)
            )
        if number in numbers:
            diagnostics.append(
                Diagnostic("E205", f"two chapters numbered {number} (also {numbers[number]})", at)
            )
        seen.setdefault(slug, draft.source.path)
        numbers.setdefault(number, draft.source.path)


def _work_duplicates(works: list[Work], diagnostics: list[Diagnostic]) -> None:
    seen: dict[str, str] = {}
    for work in works:
        if work.url in seen:
            diagnostics.append(
                Diagnostic(
                    "E205",
                    f"two works at '{work.url}' (also {seen[work.url]})",
                    Position(work.path, 1, 1),
                )
            )
        seen.setdefault(work.url, work.path)
