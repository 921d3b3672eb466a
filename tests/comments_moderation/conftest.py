"""What the moderation tests share: comments made as the submit service stores them, staff,
a signed-in admin client, and the outbox's worker run until nothing is due."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.comments import privacy
from crossing.web.comments.models import Comment, PageState, Status
from crossing.web.outbox import worker

PAGE = "/news/crossing-launches/"
SITE = "https://crossing.example"
POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)
_keys = itertools.count(1)


@pytest.fixture(autouse=True)
def site(settings: Settings) -> None:
    privacy.SCHEDULED.clear()  # purge jobs remembered from another test's database
    settings.CROSSING_SITE_URL = SITE
    settings.CROSSING_MODERATOR_EMAILS = []
    settings.CROSSING_AKISMET_KEY = ""


def make_comment(**fields: Any) -> Comment:
    """A comment as the submit service stores it (held unless told otherwise)."""
    values: dict[str, Any] = {
        "page": PAGE,
        "name": "Kim Min-ji",
        "email": "minji@mail.example",
        "text": "Thank you for telling this story.",
        "status": Status.HELD,
        "address_hash": "3f9a0c",
        "user_agent": "Mozilla/5.0",
        "key": f"test-{next(_keys)}",
    }
    values.update(fields)
    if values.get("parent") is not None and "depth" not in fields:
        values["depth"] = values["parent"].depth + 1
    return Comment.objects.create(**values)


def generation(page: str = PAGE) -> int:
    state = PageState.objects.filter(page=page).first()
    return state.generation if state else 0


def work_all() -> int:
    done = 0
    while worker.work_once(POLICY):
        done += 1
    return done


@pytest.fixture
def moderator(db: None) -> Any:
    return get_user_model().objects.create_superuser(
        username="editor", email="editor@crossing.example", password="a long passphrase 4 staff"
    )


@pytest.fixture
def staff_client(moderator: Any) -> Client:
    client = Client()
    client.force_login(moderator)
    return client
