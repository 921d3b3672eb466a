"""The static export: approved comments and references in the pages, the form replaced by a
note, nothing held or spam, and never an email address."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossing.web.comments.models import Comment, Kind, Status
from crossing.web.export import build_site, file_for

from .conftest import post_path

pytestmark = pytest.mark.django_db


def test_the_export_shows_approved_comments_and_references_without_the_form(
    tmp_path: Path,
) -> None:
    first = Comment.objects.create(
        page=post_path(),
        name="Ara",
        email="ara@example.org",
        text="Approved words.",
        status=Status.APPROVED,
        key="a",
    )
    Comment.objects.create(
        page=post_path(),
        parent=first,
        depth=2,
        name="Bo",
        email="bo@example.org",
        website="https://bo.example.org",
        text="A reply.",
        status=Status.APPROVED,
        key="b",
    )
    Comment.objects.create(
        page=post_path(),
        name="Cy",
        email="cy@example.org",
        text="Still held.",
        status=Status.HELD,
        key="c",
    )
    Comment.objects.create(
        page=post_path(),
        name="Spammer",
        email="s@example.org",
        text="Buy now.",
        status=Status.SPAM,
        key="d",
    )
    Comment.objects.create(
        kind=Kind.WEBMENTION,
        page=post_path(),
        name="A blog",
        text="An excerpt.",
        source="https://blog.example.net/p",
        status=Status.APPROVED,
        key="e",
    )
    build_site(tmp_path / "site", base_url="https://crossing.example.org")
    html = (tmp_path / "site" / file_for(post_path())).read_text(encoding="utf-8")
    assert "2 replies to “" in html and "Approved words." in html and "A reply." in html
    assert "One reference to “" in html and "An excerpt." in html
    assert "Still held." not in html and "Buy now." not in html
    assert "<form" not in html and "replytocom" not in html
    assert "Comments are closed in this copy of the site" in html
    assert "https://crossing.example.org" in html
    for page in (tmp_path / "site").rglob("*.html"):
        assert "@example.org" not in page.read_text(encoding="utf-8"), page
