"""The site serving a copy of content/ with the tests' own news (tests/news/posts.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from .posts import write_news

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def news_content(tmp_path: Path, settings: Settings) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_news(tmp_path / "content")
    settings.CONTENT_DIR = tmp_path / "content"
    return tmp_path / "content"
