"""What the site's tests that edit content share: a copy of content/ to edit, served as
the site's content, and a save that the site is sure to notice."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from crossing.web.reload import RECHECK_SECONDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path: Path, settings: Settings) -> Path:
    """A copy of content/, which the site serves for this test."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings.CONTENT_DIR = tmp_path / "content"
    return tmp_path / "content"


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5  # a new mtime even on coarse file systems
    os.utime(path, (later, later))
    time.sleep(RECHECK_SECONDS + 0.05)  # the site looks for changes at most once a second
