"""Two requests at the same moment: the same comment twice stores one (both answered with
it); two comments from one address store one and refuse the other as a flood. Real threads,
each with its own database connection (on PostgreSQL the unique key makes the second wait
for the first)."""

from __future__ import annotations

from typing import Any

import pytest
from at_once import at_once
from django.db import connection

from crossing.web.comments import services
from crossing.web.comments.models import Comment

from .conftest import form_time, post_path

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The SQLite test database lives in memory, in shared-cache mode, where a second writer
    # is told "table is locked" at once instead of waiting as it does on a database file;
    # the double submit one after the other is tested on SQLite (test_posting.py).
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="needs PostgreSQL (DATABASE_URL=postgres://…)"
    ),
]


def submit(text: str, address: str = "192.0.2.20", email: str = "ara@example.org") -> Any:
    return services.submit(
        page=post_path(),
        parent_id=None,
        name="Ara",
        email=email,
        website="",
        text=text,
        wants_replies=False,
        address=address,
        form_time=form_time(post_path()),
    )


@pytest.mark.parametrize("round_", range(3))
def test_the_same_comment_sent_at_once_is_stored_once(round_: int) -> None:
    results = at_once(4, lambda _i: submit(f"Sent four times at once ({round_})."))
    assert all(isinstance(r, services.Posted) for r in results), results
    assert Comment.objects.count() == 1
    stored = Comment.objects.get()
    assert {r.comment.pk for r in results} == {stored.pk}


def test_two_comments_from_one_address_at_once_store_one() -> None:
    results = at_once(2, lambda i: submit(f"Comment number {i}.", email=f"person{i}@example.org"))
    assert sum(isinstance(r, services.Posted) for r in results) == 1
    assert sum(isinstance(r, services.Flood) for r in results) == 1
    assert Comment.objects.count() == 1
