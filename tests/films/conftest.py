"""A copy of content/ served as the site's, its film The Defector given a schedule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from crossing.content.broadcasts import Broadcast
from crossing.web.content import site_content
from films.schedules import copy_content, put_on_film

Schedule = Callable[[tuple[Broadcast, ...]], None]


@pytest.fixture
def schedule(tmp_path: Path, settings: Settings) -> Schedule:
    """Serve a copy of content/ whose film The Defector has the given broadcasts."""
    settings.CONTENT_DIR = copy_content(tmp_path / "content")

    def give(broadcasts: tuple[Broadcast, ...]) -> None:
        put_on_film(site_content(), broadcasts)

    return give
