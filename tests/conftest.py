"""Shared by every test folder: the database access of the site's tests, the Hypothesis
profiles, and what keeps parallel workers (pytest-xdist) out of each other's way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from parallel import WorkerSetupError, worker_redis_url

TESTS = Path(__file__).resolve().parent
# The folders whose tests render the site's pages.
RENDER_PAGES = ("web", "news", "comments", "browser", "screenings")
OWN_ACCESS = {"live_server", "transactional_db", "db", "django_db_reset_sequences"}

# Hypothesis. "ci" (the default: `make test` and CI) keeps every example count: the
# tests' own max_examples, else Hypothesis's 100. Only the deadline goes, and the health
# check on slow data generation: both measure the machine (two cores shared by parallel
# workers, browsers and servers), not the code, and would fail at random under load.
# "dev" (HYPOTHESIS_PROFILE=dev) is for a quick local run: 20 examples where a test does
# not set its own count.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=20)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _own_redis_database() -> None:
    """Under xdist, each worker uses its own Redis database (REDIS_URL's number plus the
    worker's index): the tests clear the cache, which empties the whole database. Django
    is set up by now, but its cache is made on first use, so the setting can still move;
    the environment is changed too, for the servers the tests start."""
    url = os.environ.get("REDIS_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return
    from django.conf import settings as django_settings
    from django.core.cache import caches

    try:
        own = worker_redis_url(url, worker)
    except WorkerSetupError as error:
        raise pytest.UsageError(str(error)) from None
    os.environ["REDIS_URL"] = own
    os.environ["SUITE_REDIS_URL"] = url  # what the workers were given (tests/test_parallel.py)
    django_settings.CACHES["default"]["LOCATION"] = own
    for alias in caches:  # none is kept that was made with the old address
        if hasattr(caches._connections, alias):
            caches[alias].close()
            del caches[alias]


_own_redis_database()


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
