"""The organiser's pages answer at their addresses (see urls.py here)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def organiser_urls(settings: pytest.FixtureRequest) -> None:
    settings.ROOT_URLCONF = "screenings_organiser.urls"  # type: ignore[attr-defined]
