"""Editing with `crossing serve --watch`: a changed file is served on the next request,
open pages learn of the change, and a content error shows as the checker's list."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from .conftest import save


@pytest.fixture(autouse=True)
def watching(settings: Settings) -> None:
    settings.CROSSING_WATCH = True


def test_an_edit_shows_on_the_next_request_and_the_watch_signal_moves(
    client: Client, content: Path
) -> None:
    chapter = content / "story" / "01-the-river.md"
    before = client.get("/__watch__").json()["changed"]
    assert "The river" in client.get("/on-the-border/the-river/").content.decode()
    save(chapter, chapter.read_text().replace('title = "', 'title = "Edited: ', 1))
    assert client.get("/__watch__").json()["changed"] != before
    assert "Edited: " in client.get("/on-the-border/the-river/").content.decode()


def test_pages_carry_the_watch_script_only_when_watching(
    client: Client, content: Path, settings: Settings
) -> None:
    assert "crossing/watch.js" in client.get("/").content.decode()
    settings.CROSSING_WATCH = False
    assert "crossing/watch.js" not in client.get("/").content.decode()
    assert client.get("/__watch__").status_code == 404


def test_a_content_error_shows_every_problem_with_its_position(
    client: Client, content: Path
) -> None:
    chapter = content / "story" / "02-hiding-in-china.md"
    text = chapter.read_text().replace("[^hrw-2002-exodus]", "[^hrw-2002-exodos]", 1)
    save(chapter, text.replace("](/journey/)", "](/journy/)", 1))
    response = client.get("/sources/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "story/02-hiding-in-china.md:" in html
    assert "unknown source &#x27;hrw-2002-exodos&#x27;" in html
    assert "no page on this site at &#x27;/journy/&#x27;" in html
    assert "crossing/watch.js" in html  # it reloads itself once fixed
