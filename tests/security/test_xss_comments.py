"""Every payload of the corpus in every field of a comment (name, email, website, comment),
posted through the real POST /comments/post/ and approved by a moderator: nothing fires in
Chromium on the page that shows its author the held comment, on the form that shows a
refused payload again, on the post once approved, in the admin's list and pages of
comments (signed in as staff), or in the static export from file://; and no address a
reader typed appears in any page but the admin's. The Content Security Policy is bypassed,
so that what is tested is the escaping, not the policy that backs it up."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser.conftest import ROOT, ContextFactory, Watch, is_file, is_local
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from news.posts import write_news
from playwright.sync_api import Browser, BrowserContext, Page, Response, Route
from pytest_django.fixtures import Settings

from crossing.web.comments import moderation
from crossing.web.comments.models import Comment, Status
from crossing.web.export import build_site, file_for
from crossing.web.page_cache import pages

from .comment_posting import EMAIL_DOMAIN, Posted, hidden_fields, payload_fields, post_payload
from .payloads import PAYLOADS, Trap

POST = "/news/two-awards/"


def local_or_file(url: str) -> bool:
    """The watch has one rule per test: the live site's pages, then the export's files."""
    return is_local(url) or is_file(url)


@pytest.fixture
def comment_site(site: str, settings: Settings, tmp_path: Path) -> str:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_news(tmp_path / "content")
    settings.CONTENT_DIR = tmp_path / "content"
    # Hundreds of comments from one address within a minute: neither flood control nor
    # the form's minimum time may stand in the way (each has its own tests).
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 0
    settings.CROSSING_SPAM_MIN_SECONDS = 0
    settings.CROSSING_AKISMET_KEY = ""
    settings.CROSSING_MODERATOR_EMAILS = []
    pages.clear()
    return site


@pytest.fixture
def moderator(transactional_db: None) -> Any:
    return get_user_model().objects.create_superuser(
        username="moderator", email="moderator@crossing.example", password="a long staff phrase"
    )


def staff_cookie(moderator: Any, site: str) -> dict[str, str]:
    client = Client()
    client.force_login(moderator)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": site}


def armed(new_context: ContextFactory, **options: Any) -> tuple[BrowserContext, Trap, Page]:
    context = new_context(bypass_csp=True, **options)
    trap = Trap()
    trap.arm(context)
    return context, trap, context.new_page()


def routed(
    new_context: ContextFactory, trap: Trap, pattern: str, handler: Callable[[Route], None]
) -> Page:
    """A page of a context armed with `trap` whose requests matching `pattern` `handler`
    answers. A context of its own: any route turns the browser's cache off in its context,
    which would cost every other visit its files again."""
    context = new_context(bypass_csp=True)
    trap.arm(context)
    context.route(pattern, handler)
    return context.new_page()


@dataclass
class Seen:
    response: Response  # its .text(): the page's HTML as the server sent it
    shown: str  # the innerText of what visit() was asked to read, if anything


def visit(page: Page, url: str, trap: Trap, *, status: int = 200, read: str = "") -> Seen:
    """Open `url`, wait 20 ms (handlers of images that failed, animations that began), look
    for what fired."""
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: {response}"
    shown = trap.look(page, read=read)
    if page.url.split("#")[0] != url.split("#")[0]:
        trap.fired.append(f"{url} went to {page.url}")
    return Seen(response, shown)


def assert_no_email(where: str, text: str) -> None:
    found = EMAIL_DOMAIN.search(text)
    assert found is None, (
        f"{where} shows a reader's address: …{text[found.start() - 80 : found.end()]}"
    )


def stored_per_field() -> dict[str, int]:
    """How many payloads each field holds as typed (the rest were refused there)."""
    by_number = {p.number: p for p in PAYLOADS}
    counts = dict.fromkeys(("name", "email", "website", "comment"), 0)
    for comment in Comment.objects.filter(page=POST):
        number = int(comment.text.rsplit("Payload ", 1)[1].split(",")[0].split(" ")[0])
        typed = payload_fields(by_number[number])
        for field, value in (
            ("name", comment.name),
            ("email", comment.email),
            ("website", comment.website),
            ("comment", comment.text),
        ):
            counts[field] += value == typed[field].replace("\r\n", "\n")
    return counts


def post_all(site: str) -> list[Posted]:
    client = Client()
    hidden = hidden_fields(client.get(POST).content.decode())
    posted = [post_payload(client, hidden, payload) for payload in PAYLOADS]
    stored = Comment.objects.filter(page=POST)
    assert stored.count() == len(PAYLOADS), "every payload's comment stored, once"
    assert set(stored.values_list("status", flat=True)) == {Status.HELD}
    return posted


def test_comment_payloads_fire_nowhere(
    comment_site: str,
    moderator: Any,
    new_context: ContextFactory,
    watch: Watch,
    tmp_path: Path,
) -> None:
    site = comment_site
    posted = post_all(site)
    stored = stored_per_field()
    # Django's forms refuse a NUL in any text field; every other payload is kept as typed.
    with_nul = sum("\0" in p.text for p in PAYLOADS)
    assert stored["comment"] == len(PAYLOADS) - with_nul, stored
    assert min(stored.values()) >= 100, stored
    context, trap, page = armed(new_context)

    # The refused posts' pages (the form with the payload kept, next to its error), served
    # at an address of the site so that they load as the site's own page would.
    refusals = [content for p in posted for content in p.refusals]
    assert refusals, "some payloads are refused somewhere (an address is no web page)"

    def answer(route: Route) -> None:
        number = int(route.request.url.rstrip("/").rsplit("/", 1)[1])
        route.fulfill(status=400, content_type="text/html; charset=utf-8", body=refusals[number])

    refused_page = routed(new_context, trap, f"{site}/refused/**", answer)
    for number in range(len(refusals)):
        visit(refused_page, f"{site}/refused/{number}/", trap, status=400)

    # Each author's own view of the held comment ("awaiting moderation").
    for p in posted:
        text = visit(page, f"{site}{p.held_notice}", trap).response.text()
        assert "awaiting moderation" in text
        assert_no_email(p.held_notice, text)

    for comment in Comment.objects.filter(page=POST):
        assert moderation.approve(comment, moderator)

    for address in (POST, "/news/", "/", "/news/feed/atom.xml", "/news/feed/rss.xml"):
        text = visit(page, f"{site}{address}", trap).response.text()
        assert_no_email(address, text)
    shown = page.goto(f"{site}{POST}")
    assert shown is not None
    assert page.locator("li.comment").count() == len(PAYLOADS)
    # As readers get it, with the policy in force: nothing even tried to run.
    new_context().new_page().goto(f"{site}{POST}")
    assert not watch.csp_violations(), watch.csp_violations()[:5]

    # The admin, signed in as staff: the queue, every comment's page and reply page, and
    # the decisions.
    context.add_cookies([staff_cookie(moderator, site)])  # type: ignore[list-item]
    listing = f"{site}/admin/comments/comment/"
    for number in range(0, len(PAYLOADS) // 100 + 1):
        visit(page, f"{listing}?status__exact=approved&p={number + 1}", trap)
    for comment in Comment.objects.filter(page=POST):
        visit(page, f"{listing}{comment.pk}/change/", trap)
        visit(page, f"{listing}{comment.pk}/reply/", trap)
    visit(page, f"{site}/admin/comments/decision/", trap)
    trap.check()

    # The static export, from file://, and no address anywhere in it.
    out = tmp_path / "export"
    # In this process: forked workers of a process that runs the live server's threads and
    # Playwright's can hang (seen once here, the workers idle and the build waiting).
    build_site(out, jobs=1)
    _, offline_trap, offline = armed(new_context, allow=local_or_file, offline=True)
    for address in (POST, "/news/", "/"):
        visit(offline, (out / file_for(address)).as_uri(), offline_trap)
    assert offline.locator("li.comment").count() == 0  # (the home page lists no comments)
    offline_trap.check()
    exported = (out / file_for(POST)).read_text(encoding="utf-8")
    assert exported.count('class="comment ') + exported.count('class="comment"') >= len(PAYLOADS)
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt"}:
            assert_no_email(str(path.relative_to(out)), path.read_text(encoding="utf-8"))


def test_the_trap_sees_comments_shown_unescaped(
    comment_site: str, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: were the comment's text put in the page as it came, the same visit
    would catch the payloads (so that finding none above means something)."""
    from django.utils.safestring import mark_safe

    from crossing.web.comments.models import page_changed
    from crossing.web.comments.templatetags import comments_tags

    monkeypatch.setattr(comments_tags, "comment_html", mark_safe)
    sample = PAYLOADS[:40]
    for payload in sample:
        Comment.objects.create(
            page=POST,
            name=f"Reader {payload.number}",
            email=f"reader{payload.number}@mail{payload.number}.example",
            text=payload.text,
            status=Status.APPROVED,
            key=f"control-{payload.number}",
        )
    page_changed(POST)
    # Its own context, outside the watch: here the page's errors are the point.
    context = browser.new_context(bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    page = context.new_page()
    page.goto(f"{comment_site}{POST}")
    page.wait_for_timeout(200)
    trap.inspect(page)
    context.close()
    fired = " ".join(trap.fired)
    numbers = {int(a or b) for a, b in re.findall(r"XSS-(\d+)|xss-marker/(\d+)", fired)}
    assert len(numbers) >= len(sample) // 2, trap.fired
