"""The pages the reply emails link to, in Chromium: accessible, fitting 390 px and 1280 px,
working by keyboard and without JavaScript, and setting no cookie before or after the button;
and a moderator's reply written in the admin."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from crossing.web.comments import links
from crossing.web.comments.models import Comment, ReplySubscription, Status

from .conftest import ROOT, ContextFactory, assert_accessible, assert_fits, tab_to

PAGE = "/news/crossing-launches/"


def comment() -> Comment:
    made = Comment.objects.create(
        page=PAGE, name="Min-ji", email="minji@mail.example", text="Thank you.", key="b-1"
    )
    ReplySubscription.objects.create(comment=made)
    return made


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("javascript", [True, False])
def test_confirm_and_unsubscribe_by_keyboard_with_no_cookie(
    site: str, new_context: ContextFactory, width: int, javascript: bool
) -> None:
    made = comment()
    context = new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    for path, button, done in [
        (links.confirm_url(made), "Yes, email me replies", "Confirmed"),
        (links.unsubscribe_url(made), "Unsubscribe", "Unsubscribed"),
    ]:
        page.goto(site + urlsplit(path).path)
        assert_fits(page, width)
        if javascript:
            assert_accessible(page)
        if width == 390 and javascript and (folder := os.environ.get("CROSSING_SCREENSHOTS")):
            name = "confirm" if "confirm" in path else "unsubscribe"
            page.screenshot(path=str(ROOT / folder / f"moderation-{name}-390.png"))
        tab_to(page, "button[type=submit]")
        expect(page.get_by_role("button", name=button)).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(done)
        assert context.cookies() == []
    subscription = ReplySubscription.objects.get(comment=made)
    assert subscription.confirmed is not None and subscription.unsubscribed is not None


def test_a_moderator_replies_in_the_admin(
    site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    get_user_model().objects.create_superuser(
        username="editor", email="editor@crossing.example", password="a long passphrase 4 staff"
    )
    made = comment()
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long passphrase 4 staff")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{site}/admin/comments/comment/{made.pk}/change/")
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "moderation-admin-comment-1280.png"), full_page=True)
    page.get_by_role("link", name="Reply", exact=True).click()
    page.get_by_label("Your reply").fill("Thank you for reading.")
    page.get_by_role("button", name="Reply").click()
    expect(page.get_by_text("is on the page")).to_be_visible()
    reply = Comment.objects.get(parent=made)
    assert reply.status == Status.APPROVED and reply.name == "editor"
    made.refresh_from_db()
    assert made.status == Status.APPROVED
    page.goto(f"{site}/admin/comments/comment/")
    page.screenshot(path=str(folder / "moderation-admin-queue-1280.png"), full_page=True)
