"""Shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
# The folders whose tests render the site's pages.
RENDER_PAGES = ("web", "news", "comments", "browser", "screenings")
OWN_ACCESS = {"live_server", "transactional_db", "db", "django_db_reset_sequences"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Post and chapter pages read their comments from the database (and the page cache
    their generation), so the site's tests get the test database, unless they ask for their
    own kind of access (a transaction, a live server)."""
    for item in items:
        try:
            folder = Path(item.path).resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if folder.partition("_")[0] not in RENDER_PAGES or item.get_closest_marker("django_db"):
            continue
        if OWN_ACCESS & set(getattr(item, "fixturenames", ())):
            continue
        item.add_marker(pytest.mark.django_db)
