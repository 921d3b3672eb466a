"""Comments in Chromium, as a new reader would try them: with and without JavaScript, post a
comment, see it held and shown to its author alone; reply to an approved one (the script
moves the form under it; without it the reply link reloads the page with the form); the
page with comments and the form passes axe-core; no cookie is ever set."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, Status, page_changed
from crossing.web.content import site_content
from crossing.web.page_cache import pages

from .conftest import ContextFactory, assert_accessible


@pytest.fixture
def post(site: str, settings: Settings) -> str:
    settings.CROSSING_SPAM_MIN_SECONDS = 0  # the reader here types faster than a person
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 0
    pages.clear()
    return f"{site}{site_content().news.posts[0].url}"


def fill(page: Page, name: str, text: str) -> None:
    page.fill("#id_comment", text)
    page.fill("#id_name", name)
    page.fill("#id_email", f"{name.lower()}@example.org")
    page.click(".form-submit button")
    page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_reader_posts_sees_it_held_and_replies(
    post: str, new_context: ContextFactory, javascript: bool
) -> None:
    context = new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(post)
    if javascript:  # axe runs as a script
        assert_accessible(page)
    fill(page, "Ara", "My first comment here.")
    assert "unapproved=" in page.url
    assert page.locator(".comment-awaiting").inner_text() == "Your comment is awaiting moderation."
    assert page.locator(".comment-text").inner_text() == "My first comment here."
    if javascript:
        assert_accessible(page)
    first = Comment.objects.get()
    assert first.status == Status.HELD
    Comment.objects.filter(pk=first.pk).update(status=Status.APPROVED)
    page_changed(first.page)
    page.goto(post)
    page.click(".comment-reply-link")
    if javascript:  # moved under the comment, no page load
        assert page.url == post
        assert page.locator(f"#comment-{first.pk} #respond").count() == 1
    else:
        assert f"replytocom={first.pk}" in page.url
        assert "Reply to Ara" in page.locator("#reply-title").inner_text()
    fill(page, "Ara", "And a reply to it.")
    reply = Comment.objects.get(parent=first)
    assert reply.status == Status.APPROVED  # Ara has an approved comment now
    assert page.url.endswith(f"#comment-{reply.pk}")
    nested = page.locator(f"#comment-{first.pk} .children #comment-{reply.pk}")
    assert nested.count() == 1
    if javascript:
        assert_accessible(page)
    assert context.cookies() == []


def test_a_mistake_is_shown_next_to_its_field_with_everything_kept(
    post: str, new_context: ContextFactory
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(post)
    page.fill("#id_comment", "Words I do not want to lose.")
    page.fill("#id_name", "Ara")
    page.fill("#id_email", "not an address")
    page.click(".form-submit button")
    assert "Please give an email address" in page.locator("#error-email").inner_text()
    assert page.input_value("#id_comment") == "Words I do not want to lose."
    assert page.input_value("#id_name") == "Ara"
    assert not Comment.objects.exists()
