"""Posting comments as a reader's browser does: the form's fields, one post page."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.content import site_content
from crossing.web.page_cache import pages
from crossing.web.reload import RECHECK_SECONDS
from crossing.web.spam import checks

ADDRESS = "192.0.2.10"


@pytest.fixture(autouse=True)
def fresh(settings: Settings) -> Iterator[None]:
    """No flood slots, kept pages or word lists from another test."""
    cache.clear()
    pages.clear()
    settings.CROSSING_MODERATION_WORDS = []
    settings.CROSSING_DISALLOWED_WORDS = []
    settings.CROSSING_AKISMET_KEY = ""
    yield
    cache.clear()
    pages.clear()


def post_path() -> str:
    return site_content().news.posts[0].url


def other_post_path() -> str:
    return site_content().news.posts[1].url


def form_time(page: str, age: float = 60) -> str:
    """The signed time of a form rendered `age` seconds ago."""
    signer = signing.TimestampSigner(salt="crossing.web.spam.form-time")
    stamp = signing.b62_encode(int(time.time() - age))
    value = f"{page}{signer.sep}{stamp}"
    token = f"{value}{signer.sep}{signer.signature(value)}"
    assert checks.check_form_time(token, page, min_seconds=3, max_hours=72).action == 0
    return token


def fields(page: str | None = None, **changes: Any) -> dict[str, Any]:
    page = page or post_path()
    data: dict[str, Any] = {
        "page": page,
        "parent": "",
        "name": "Min-ji",
        "email": "min-ji@example.org",
        "website": "",
        "comment": "Thank you for writing this.\n\nI had not known about the guards.",
        "homepage": "",
        "form_time": form_time(page),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def send(client: Client, data: dict[str, Any], address: str = ADDRESS, **headers: str) -> Any:
    return client.post("/comments/post/", data, REMOTE_ADDR=address, **headers)


@pytest.fixture
def no_flood(settings: Settings) -> None:
    """For tests that post several comments in a row (flood control has its own tests)."""
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 0


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path: Path, settings: Settings) -> Path:
    """A copy of content/ for the test to edit, served as the site's content."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings.CONTENT_DIR = tmp_path / "content"
    return tmp_path / "content"


def set_front_matter(path: Path, lines: str) -> None:
    """Add `lines` to the front matter of a Markdown file (before its closing +++)."""
    text = path.read_text(encoding="utf-8")
    head, fence, body = text.partition("\n+++\n")
    path.write_text(f"{head}\n{lines}{fence}{body}", encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    time.sleep(RECHECK_SECONDS + 0.05)
