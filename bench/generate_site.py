"""A deterministic corpus of N reportage chapters, for the export benchmark: the campaign
site's content folder with N generated chapters added, and the SAME chapters as Pelican
articles.

Run:  .venv/bin/python bench/generate_site.py N OUTDIR [--seed S]

It writes OUTDIR/content/ (a copy of content/ whose story/ holds, after the site's own six
chapters, which the rest of the site links to, N generated ones `1NN-chapter-NNNN.md`)
and OUTDIR/pelican/content/ (one article per chapter, same title, summary and body in
Pelican's Markdown metadata, plus a pelicanconf.py: default theme, no plugins).
The same N and seed always give the same bytes.

Each chapter is shaped like a real one (content/story/*.md, about 7.5 kB): a lead
paragraph, four `##` sections of three paragraphs of about 70 words, every paragraph with
a citation (`[^key]` from sources.toml), links to the previous and next chapters, to the
journey, to a scene of the journey and to the sources page, and one chapter in three
places a figure (`{{ figure key }}`). For Pelican, a citation becomes a Markdown footnote
(`[^1]` with its definition, as the `footnotes` extension reads it), a scene link a link
to the journey page, a figure a paragraph naming it; the words are the same.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIRST = 100  # generated chapters are numbered after the site's own (01-06)
SECTIONS = 4
PARAGRAPHS = 3
SCENES = ("mo_work", "ch_hiding", "mo_sold", "mo_child", "mo_church")  # scenes chapters cite

_VOCABULARY = """
border river crossing night guard bridge village market broker money family winter
province road bus train station church shelter embassy police camp report survey
ministry figure year month week arrival settlement return mother son daughter
brother journey document paper hiding work kitchen farm city town forest mountain
ice water phone message contact route south north east west Laos Thailand Mongolia
China Korea Yanji Dandong Tumen Yalu Kunming Bangkok Seoul Hanawon interview witness
account
"""
WORDS = _VOCABULARY.split()


@dataclass(frozen=True, slots=True)
class Chapter:
    number: int
    slug: str
    title: str
    summary: str
    # Paragraph parts: (text, citation key or None, link (label, target) or None)
    lead: list[str]
    sections: list[tuple[str, list[str]]]
    figure: str | None


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(10, 16)) for _ in range(5))


def chapters(count: int, seed: int) -> list[Chapter]:
    rng = random.Random(seed)
    figures = sorted(tomllib.loads((CONTENT / "figures.toml").read_text()))
    made = []
    for number in range(1, count + 1):
        slug = f"chapter-{number:04d}"
        made.append(
            Chapter(
                number=number,
                slug=slug,
                title=f"Chapter {number}: " + sentence(rng, 4).rstrip("."),
                summary=sentence(rng, 20),
                lead=[paragraph(rng)],
                sections=[
                    (sentence(rng, 3).rstrip("."), [paragraph(rng) for _ in range(PARAGRAPHS)])
                    for _ in range(SECTIONS)
                ],
                figure=figures[number % len(figures)] if number % 3 == 0 else None,
            )
        )
    return made


def _links(chapter: Chapter, count: int) -> list[tuple[str, str]]:
    """(label, site address) for the chapter's links, one per section."""
    previous = f"chapter-{max(1, chapter.number - 1):04d}"
    following = f"chapter-{min(count, chapter.number + 1):04d}"
    return [
        ("the chapter before", f"/on-the-border/{previous}/"),
        ("the journey", "/journey/"),
        ("the next chapter", f"/on-the-border/{following}/"),
        ("the sources page", "/sources/"),
    ]


def crossing_chapter(chapter: Chapter, count: int, sources: list[str]) -> str:
    rng = random.Random(chapter.number)
    links = _links(chapter, count)
    scene = SCENES[chapter.number % len(SCENES)]
    out = [
        "+++",
        f'title = "{chapter.title}"',
        f'summary = "{chapter.summary}"',
        "+++",
        "",
        f"{chapter.lead[0]}[^{rng.choice(sources)}] In [the journey](journey:{scene}) a "
        "reader meets the same choice.",
    ]
    for at, (heading, paragraphs) in enumerate(chapter.sections):
        out += ["", f"## {heading}"]
        for n, text in enumerate(paragraphs):
            label, target = links[at]
            extra = f" See [{label}]({target})." if n == 0 else ""
            out += ["", f"{text}[^{rng.choice(sources)}]{extra}"]
        if at == 1 and chapter.figure:
            out += ["", f"{{{{ figure {chapter.figure} }}}}"]
    return "\n".join(out) + "\n"


def pelican_article(chapter: Chapter, count: int, sources: list[str]) -> str:
    """The same chapter for Pelican: same words, links to the same chapters (Pelican's
    {filename} links), citations as footnotes."""
    rng = random.Random(chapter.number)  # the same draws: the same citations
    links = _links(chapter, count)
    notes: list[str] = []

    def cite(key: str) -> str:
        notes.append(f"[^{len(notes) + 1}]: Source: {key}.")
        return f"[^{len(notes)}]"

    def target(address: str) -> str:
        if address.startswith("/on-the-border/"):
            return "{filename}/" + address.split("/")[2] + ".md"
        return address  # another page: as the chapter writes it

    out = [
        f"Title: {chapter.title}",
        f"Slug: {chapter.slug}",
        f"Date: 2026-01-01 00:{chapter.number // 60 % 60:02d}:{chapter.number % 60:02d}",
        "Category: On the border",
        f"Summary: {chapter.summary}",
        "",
        f"{chapter.lead[0]}{cite(rng.choice(sources))} In [the journey](/journey/) a reader "
        "meets the same choice.",
    ]
    for at, (heading, paragraphs) in enumerate(chapter.sections):
        out += ["", f"## {heading}"]
        for n, text in enumerate(paragraphs):
            label, address = links[at]
            extra = f" See [{label}]({target(address)})." if n == 0 else ""
            out += ["", f"{text}{cite(rng.choice(sources))}{extra}"]
        if at == 1 and chapter.figure:
            out += ["", f"*Figure: {chapter.figure}.*"]
    out += ["", *notes]
    return "\n".join(out) + "\n"


PELICAN_CONF = '''"""Pelican's settings for the export benchmark: default theme, no plugins."""
AUTHOR = "Crossing"
SITENAME = "Crossing"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
PLUGINS = []
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
'''


def generate(count: int, out: Path, seed: int = 18) -> None:
    """Write OUTDIR/content (crossing) and OUTDIR/pelican (Pelican) for `count` chapters."""
    sources = sorted(tomllib.loads((CONTENT / "sources.toml").read_text()))
    made = chapters(count, seed)
    site = out / "content"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(CONTENT, site)
    story = site / "story"
    for chapter in made:
        text = crossing_chapter(chapter, count, sources)
        (story / f"{FIRST + chapter.number}-{chapter.slug}.md").write_text(text)
    pelican = out / "pelican"
    if pelican.exists():
        shutil.rmtree(pelican)
    (pelican / "content").mkdir(parents=True)
    (pelican / "pelicanconf.py").write_text(PELICAN_CONF)
    for chapter in made:
        text = pelican_article(chapter, count, sources)
        (pelican / "content" / f"{chapter.slug}.md").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
