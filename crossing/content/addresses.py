"""Where each kind of content lives on the site. The site's URL patterns use the same
prefixes (a test holds them together), and links in content are checked against these."""

from __future__ import annotations

HOME = "/"
JOURNEY = "/journey/"
GAMEBOOK = "/journey/gamebook/"
STORY = "/on-the-border/"
SOURCES = "/sources/"
SITE_MAP = "/site-map/"
WORK_PREFIXES = {"film": "/films/", "book": "/books/"}

# Pages that exist whatever the content holds.
FIXED = (HOME, JOURNEY, GAMEBOOK, STORY, SOURCES, SITE_MAP, *WORK_PREFIXES.values())


def chapter(slug: str) -> str:
    return f"{STORY}{slug}/"


def work(kind: str, slug: str) -> str:
    return f"{WORK_PREFIXES[kind]}{slug}/"


def gamebook_page(page_id: str) -> str:
    return f"{GAMEBOOK}{page_id}/"


def gamebook_section(page_id: str, anchor: str) -> str:
    return f"{gamebook_page(page_id)}#{anchor}"


def source(key: str) -> str:
    return f"{SOURCES}#source-{key}"
