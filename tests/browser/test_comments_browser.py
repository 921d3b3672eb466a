"""Comments in Chromium as people use them, with JavaScript on and off: a reader fills the
form by keyboard and sees the comment held (no cookie set), a moderator approves it in the
admin's queue, it appears, a second reader replies through its "Reply" link and the reply
threads under it, the first reader (who asked for replies and confirmed by the emailed
link) gets the reply by email, and the static export shows both. Screenshots of a thread,
of the form with errors and of the held notice go to the test's temporary folder; to
refresh docs/screenshots/comments-*.png with them:

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_comments_browser.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from news.posts import write_news  # tests/news: the tests' own posts
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, Status, page_changed
from crossing.web.content import site_content
from crossing.web.export import build_site, file_for
from crossing.web.outbox import worker
from crossing.web.page_cache import pages

from .conftest import (
    ROOT,
    ContextFactory,
    assert_accessible,
    assert_fits,
    focus_matches,
    is_file,
    is_local,
    tab_to,
)

POST = "/news/two-awards/"
STAFF = ("moderator", "a long passphrase for staff")
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"
POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)
HELD = "Your comment is awaiting moderation."
_LINK = re.compile(r"https?://\S+")


def local_or_file(url: str) -> bool:
    """The watch has one rule per test: the live site's pages, then the export's files."""
    return is_local(url) or is_file(url)


@pytest.fixture(scope="module")
def comment_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ with the tests' own news, written once for this file's tests, which only
    read it (comments live in the database): the site reads it, and publishes the journey
    from it, once rather than once per test."""
    folder = tmp_path_factory.mktemp("comments") / "content"
    shutil.copytree(ROOT / "content", folder)
    write_news(folder)
    return folder


@pytest.fixture
def comment_site(site: str, settings: Settings, comment_content: Path) -> str:
    settings.CONTENT_DIR = comment_content
    settings.CROSSING_SITE_URL = site  # the emails' links lead to this live site
    settings.CROSSING_AKISMET_KEY = ""
    settings.CROSSING_MODERATOR_EMAILS = []
    # Both readers post from 127.0.0.1 within seconds, and the browser types faster than a
    # person: flood control and the form's minimum time have tests of their own.
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 0
    settings.CROSSING_SPAM_MIN_SECONDS = 0
    pages.clear()
    return site


@pytest.fixture
def moderator(transactional_db: None, settings: Settings) -> Any:
    # Staff sign in with a password like any other; how it is hashed has tests of its own
    # (Django's), and the default hasher's hundreds of thousands of rounds cost seconds.
    settings.PASSWORD_HASHERS = [FAST_HASHER]
    username, password = STAFF
    return get_user_model().objects.create_superuser(
        username=username, email="moderator@crossing.example", password=password
    )


def run_worker() -> None:
    while worker.work_once(POLICY):
        pass


def mails_to(address: str) -> list[Any]:
    return [m for m in mail.outbox if address in m.to]


def link_in(message: Any, part: str) -> str:
    found = [link for link in _LINK.findall(message.body) if part in link]
    assert found, f"no {part} link in:\n{message.body}"
    return found[0]


def write_comment_by_keyboard(
    page: Page, *, text: str, name: str, email: str, notify: bool = False
) -> None:
    """Tab to the comment box, then through the form in its order, typing as a person does;
    the labels name each field (the hidden honeypot is never reached)."""
    for label, selector in (
        ("Comment", "#id_comment"),
        ("Name", "#id_name"),
        ("Email", "#id_email"),
        ("Website", "#id_website"),
        ("Email me when someone replies", "#id_notify"),
    ):
        shown = page.locator(selector).evaluate("(e) => e.labels[0]?.innerText ?? ''")
        assert shown.startswith(label), f"{selector} is labelled {shown!r}"
    tab_to(page, "#id_comment")
    page.keyboard.type(text)
    order = [("#id_name", name), ("#id_email", email), ("#id_website", "")]
    for selector, value in order:
        page.keyboard.press("Tab")
        assert focus_matches(page, selector), f"Tab should reach {selector} next"
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    assert focus_matches(page, "#id_notify"), "then the box for reply emails"
    if notify:
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focus_matches(page, "form#comment-form button[type=submit]"), "then the button"
    page.keyboard.press("Enter")


def sign_in(page: Page, site: str) -> None:
    page.goto(f"{site}/admin/")
    username, password = STAFF
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()


def approve_in_queue(page: Page, site: str, comment: Comment) -> None:
    """The held queue first; tick the comment, choose Approve, Go."""
    page.goto(f"{site}/admin/comments/comment/")
    row = page.locator("#result_list tbody tr").filter(has_text=comment.name).first
    expect(row).to_contain_text("awaiting moderation")
    row.locator("input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option(label="Approve")
    page.locator("button[name=index]").first.click()
    expect(page.locator("ul.messagelist")).to_contain_text("Approved")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_comment_held_approved_replied_to_emailed_and_exported(
    javascript: bool,
    comment_site: str,
    moderator: Any,
    new_context: ContextFactory,
    tmp_path: Path,
) -> None:
    site = comment_site
    first: BrowserContext = new_context(java_script_enabled=javascript)
    reader = first.new_page()
    reader.goto(f"{site}{POST}")
    write_comment_by_keyboard(
        reader,
        text="Thank you for this.\n\nI watched the film at a screening in Seoul.",
        name="Park Ji-hoon",
        email="jihoon@reader.example",
        notify=True,
    )
    expect(reader).to_have_url(re.compile(r"\?unapproved=\d+&moderation-hash=.+#comment-\d+$"))
    expect(reader.locator(".comment-awaiting")).to_have_text(HELD)
    assert first.cookies() == [], "a reader who writes gets no cookie either"
    comment = Comment.objects.get(page=POST, name="Park Ji-hoon")
    assert comment.status == Status.HELD

    # The reader confirms the reply emails by the link sent to them.
    run_worker()
    (confirmation,) = mails_to("jihoon@reader.example")
    reader.goto(link_in(confirmation, "/comments/replies/confirm/"))
    reader.get_by_role("button", name="Yes, email me replies").click()
    expect(reader.locator("h1")).to_have_text("Confirmed")

    staff = new_context(java_script_enabled=javascript).new_page()
    sign_in(staff, site)
    approve_in_queue(staff, site, comment)

    # The second reader sees it, and replies through its Reply link.
    second = new_context(java_script_enabled=javascript)
    replier = second.new_page()
    replier.goto(f"{site}{POST}")
    shown = replier.locator(f"#comment-{comment.pk}")
    expect(shown).to_contain_text("I watched the film at a screening in Seoul.")
    expect(shown.locator(".comment-author")).to_have_text("Park Ji-hoon")
    shown.locator(".comment-reply-link").first.click()
    expect(replier.locator("#reply-title")).to_contain_text("Reply to Park Ji-hoon")
    write_comment_by_keyboard(
        replier, text="So did I, in Busan.", name="Lee Soo-min", email="soomin@reader.example"
    )
    expect(replier.locator(".comment-awaiting")).to_have_text(HELD)
    assert second.cookies() == []
    reply = Comment.objects.get(page=POST, name="Lee Soo-min")
    assert reply.parent_id == comment.pk

    approve_in_queue(staff, site, reply)
    reader.goto(f"{site}{POST}")
    threaded = reader.locator(f"#comment-{comment.pk} > ol.children > #comment-{reply.pk}")
    expect(threaded).to_contain_text("So did I, in Busan.")
    assert first.cookies() == [] and second.cookies() == []

    # The first reader is told of the reply, with a way to stop such emails.
    run_worker()
    replies = [m for m in mails_to("jihoon@reader.example") if "replied" in m.subject]
    assert len(replies) == 1, [m.subject for m in mail.outbox]
    (told,) = replies
    assert "Lee Soo-min" in told.subject and "So did I, in Busan." in told.body
    unsubscribe = link_in(told, "/comments/unsubscribe/")
    assert told.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert not mails_to("soomin@reader.example"), "the replier asked for nothing"

    # The static export shows both, threaded, and no form.
    out = tmp_path / "export"
    build_site(out)
    offline = new_context(
        allow=local_or_file, offline=True, java_script_enabled=javascript
    ).new_page()
    offline.goto((out / file_for(POST)).as_uri())
    expect(
        offline.locator(f"#comment-{comment.pk} > ol.children > #comment-{reply.pk}")
    ).to_contain_text("So did I, in Busan.")
    expect(offline.locator("form#comment-form")).to_have_count(0)
    expect(offline.locator(".comments-closed")).to_be_visible()


def _screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _thread(moderator: Any) -> None:
    """A comment with two replies, one nested under the other, and a second comment."""
    from crossing.web.comments import moderation

    def add(name: str, text: str, parent: Comment | None = None) -> Comment:
        comment = Comment.objects.create(
            page=POST,
            name=name,
            email=f"{name.split()[0].lower()}@reader.example",
            website="https://reader.example/" if parent is None else "",
            text=text,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            key=f"shot-{name}-{text[:20]}",
        )
        moderation.approve(comment, moderator)
        return comment

    first = add(
        "Park Ji-hoon",
        "Thank you for this.\n\nI watched the film at a screening in Seoul; "
        "the discussion afterwards went on for an hour. See https://reader.example/notes",
    )
    second = add("Lee Soo-min", "So did I, in Busan. The second half stays with you.", first)
    add("Park Ji-hoon", "Which cinema was it?", second)
    add("Choi Eun-young", "Is the book available in English as well?")


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_comments(
    width: int,
    comment_site: str,
    moderator: Any,
    new_context: ContextFactory,
    tmp_path: Path,
) -> None:
    """A thread, the form with errors, and the held notice: each fits, passes axe-core,
    then is photographed."""
    site = comment_site
    folder = _screenshot_folder(tmp_path)
    _thread(moderator)
    page = new_context(viewport={"width": width, "height": 900}).new_page()

    page.goto(f"{site}{POST}")
    assert_fits(page, width)
    assert_accessible(page)
    page.locator("#comments").first.screenshot(path=str(folder / f"comments-thread-{width}.png"))

    # Mistakes the browser's own checks let through, so that the site's messages show.
    page.locator("#id_comment").fill("Thank you.")
    page.locator("#id_name").fill("Kim Min-ji")
    page.locator("#id_email").fill("minji@reader")
    page.locator("#id_website").fill("ftp://reader.example/")
    page.locator("form#comment-form button[type=submit]").click()
    expect(page.locator(".field-error")).to_have_count(2)
    expect(page.locator("#id_comment")).to_have_value("Thank you.")
    expect(page.locator("#id_name")).to_have_value("Kim Min-ji")
    # The text is there before the stylesheet is: measured unstyled, the form overflows.
    page.wait_for_load_state("load")
    assert_fits(page, width)
    assert_accessible(page)
    page.locator("#respond").screenshot(path=str(folder / f"comments-form-errors-{width}.png"))

    page.locator("#id_email").fill("minji@reader.example")
    page.locator("#id_website").fill("")
    page.locator("form#comment-form button[type=submit]").click()
    held = page.locator(".comment-awaiting")
    expect(held).to_have_text(HELD)
    page.wait_for_load_state("load")
    assert_fits(page, width)
    assert_accessible(page)
    held.evaluate("(e) => { e.scrollIntoView(); scrollBy(0, -200) }")
    page.screenshot(path=str(folder / f"comments-held-{width}.png"))
    for shot in folder.glob(f"comments-*-{width}.png"):
        assert shot.read_bytes().startswith(b"\x89PNG")


# -- a reader alone (helper A's tests): held, shown to its author, replied to, a mistake --


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
