"""Verification, run by the outbox's own worker code against a real HTTP server: a source
that links is held with its author and an excerpt; one that does not, or is gone, is
trashed with the reason; the network's failures are retried."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Action, Comment, Decision, PageState, Status
from crossing.web.comments.webmentions import VERIFY
from crossing.web.content import site_content
from crossing.web.outbox import worker
from crossing.web.outbox.models import Message
from crossing.web.outbox.models import Status as MessageStatus

from .conftest import Page, Sources

POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)


def verifications() -> QuerySet[Message]:
    """The verifier's jobs (each arrival also schedules the comments' daily purge job)."""
    return Message.objects.filter(kind=VERIFY)


def a_post() -> str:
    return f"/news/{site_content().news.posts[0].slug}/"


def target() -> str:
    return f"http://testserver{a_post()}"


def work_all() -> int:
    done = 0
    while worker.work_once(POLICY):
        done += 1
    return done


def mention(client: Client, source: str) -> Comment:
    response = client.post("/webmention/", {"source": source, "target": target()})
    assert response.status_code == 202, response.content
    work_all()
    return Comment.objects.get(source=source)


def entry(link: str, *, author: str = "Mi-rae Kim", words: str = "A fine film.") -> str:
    return f"""<!doctype html><html><head><title>Notes from Seoul</title></head><body>
<article class="h-entry">
  <h1 class="p-name">On the film</h1>
  <a class="p-author h-card" href="https://notes.example.net/"><span class="p-name">{author}</span>
  <img class="u-photo" src="/me.jpg" alt=""></a>
  <div class="e-content"><p>{words} I watched it after reading <a href="{link}">this post</a>.</p>
  <script>var x = "not text";</script></div>
</article></body></html>"""


@pytest.mark.django_db(transaction=True)
def test_a_source_that_links_is_held_with_its_author_and_an_excerpt(
    client: Client, sources: Sources
) -> None:
    source = sources.html("/seoul", entry(target()))
    comment = mention(client, source)
    assert comment.status == Status.HELD
    assert comment.name == "Mi-rae Kim"
    assert comment.text == "A fine film. I watched it after reading this post."
    assert comment.reason == f"Webmention verified: links to {target()}"
    [(path, headers)] = sources.requests
    assert path == "/seoul" and "text/html" in headers["Accept"]
    assert verifications().get().status == MessageStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_a_relative_link_or_one_with_a_fragment_counts(client: Client, sources: Sources) -> None:
    # Served from 127.0.0.1, a relative link is to that host unless <base> says otherwise.
    base = '<head><base href="http://testserver/"></head>'
    relative = f'<p>See <a href="{a_post()}#comments">it</a></p>'
    assert mention(client, sources.html("/based", base + relative)).status == Status.HELD
    assert mention(client, sources.html("/unbased", relative)).status == Status.TRASH
    image = f'<p>See <img src="{target()}#top" alt="x"> here.</p>'
    assert mention(client, sources.html("/image", image)).status == Status.HELD


@pytest.mark.django_db(transaction=True)
def test_without_microformats_the_title_names_it_and_the_text_near_the_link_is_kept(
    client: Client, sources: Sources
) -> None:
    before = "word " * 200
    link = f"Read <a href='{target()}'>the news</a> today."
    page = f"<title>A reader's blog</title><body><p>{before}{link} {before}</p></body>"
    comment = mention(client, sources.html("/plain", page))
    assert comment.status == Status.HELD and comment.name == "A reader's blog"
    assert "Read the news today." in comment.text and len(comment.text) <= 300


@pytest.mark.django_db(transaction=True)
def test_a_plain_text_source_must_hold_the_exact_address(client: Client, sources: Sources) -> None:
    text = Page(body=f"See {target()} for more.".encode(), headers={"Content-Type": "text/plain"})
    comment = mention(client, sources.page("/notes.txt", text))
    assert comment.status == Status.HELD and comment.name == "127.0.0.1"
    assert target() in comment.text


@pytest.mark.django_db(transaction=True)
def test_a_source_that_does_not_link_is_never_held(client: Client, sources: Sources) -> None:
    page = f"<p>I mention {target()[7:]} but link <a href='https://other.example/'>elsewhere</a>."
    comment = mention(client, sources.html("/nolink", page))
    assert comment.status == Status.TRASH
    assert comment.reason == f"Webmention not verified: the source does not link to {target()}."


@pytest.mark.django_db(transaction=True)
def test_a_source_that_is_not_found_is_trashed_with_the_reason(
    client: Client, sources: Sources
) -> None:
    comment = mention(client, sources.url("/missing"))
    assert comment.status == Status.TRASH and "answered 404" in comment.reason
    assert verifications().get().status == MessageStatus.SENT  # nothing to retry


@pytest.mark.django_db(transaction=True)
def test_sending_again_updates_an_approved_reference_and_refreshes_its_page(
    client: Client, sources: Sources
) -> None:
    source = sources.html("/seoul", entry(target(), words="First words."))
    comment = mention(client, source)
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    sources.html("/seoul", entry(target(), author="M. Kim", words="Edited words."))
    updated = mention(client, source)
    assert updated.pk == comment.pk and Comment.objects.count() == 1
    assert updated.status == Status.APPROVED and updated.name == "M. Kim"
    assert updated.text.startswith("Edited words.")
    assert PageState.objects.get(page=a_post()).generation == 1


@pytest.mark.django_db(transaction=True)
def test_a_source_gone_410_removes_an_approved_reference_and_records_why(
    client: Client, sources: Sources
) -> None:
    source = sources.html("/seoul", entry(target()))
    comment = mention(client, source)
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    sources.html("/seoul", "gone", status=410)
    removed = mention(client, source)
    assert removed.status == Status.TRASH and "gone (410)" in removed.reason
    decision = Decision.objects.get(comment=removed)
    assert decision.action == Action.TRASHED and decision.moderator is None
    assert PageState.objects.get(page=a_post()).generation == 1


@pytest.mark.django_db(transaction=True)
def test_a_source_that_no_longer_links_is_removed_and_may_come_back(
    client: Client, sources: Sources
) -> None:
    source = sources.html("/seoul", entry(target()))
    assert mention(client, source).status == Status.HELD
    sources.html("/seoul", entry("https://other.example/"))
    assert mention(client, source).status == Status.TRASH
    sources.html("/seoul", entry(target()))
    assert mention(client, source).status == Status.HELD


@pytest.mark.django_db(transaction=True)
def test_a_moderators_trash_or_spam_stands_when_the_same_mention_comes_again(
    client: Client, sources: Sources
) -> None:
    source = sources.html("/seoul", entry(target()))
    comment = mention(client, source)
    moderator = get_user_model().objects.create_user("mod", password="x")
    Comment.objects.filter(pk=comment.pk).update(status=Status.TRASH)
    Decision.objects.create(comment=comment, moderator=moderator, action=Action.TRASHED)
    assert mention(client, source).status == Status.TRASH
    Comment.objects.filter(pk=comment.pk).update(status=Status.SPAM)
    assert mention(client, source).status == Status.SPAM
    assert verifications().count() == 1  # nothing fetched again for either


@pytest.mark.django_db(transaction=True)
def test_redirects_are_followed_up_to_five(client: Client, sources: Sources) -> None:
    sources.html("/final", entry(target()))
    for n in range(5):
        nxt = "/final" if n == 4 else f"/hop{n + 1}"
        sources.page(f"/hop{n}", Page(status=301, headers={"Location": nxt}))
    assert mention(client, sources.url("/hop0")).status == Status.HELD
    sources.page("/hop-1", Page(status=302, headers={"Location": "/hop0"}))
    too_many = mention(client, sources.url("/hop-1"))
    assert too_many.status == Status.TRASH and "more than 5 times" in too_many.reason


@pytest.mark.django_db(transaction=True)
def test_a_redirect_to_another_scheme_is_refused(client: Client, sources: Sources) -> None:
    sources.page("/to-file", Page(status=302, headers={"Location": "file:///etc/passwd"}))
    comment = mention(client, sources.url("/to-file"))
    assert comment.status == Status.TRASH and "not an http or https address" in comment.reason


@pytest.mark.django_db(transaction=True)
def test_a_source_larger_than_the_limit_is_not_read(
    client: Client, sources: Sources, settings: Settings
) -> None:
    settings.CROSSING_WEBMENTION_MAX_KB = 4
    big = entry(target()) + "<p>" + "x" * 5000 + "</p>"
    comment = mention(client, sources.html("/big", big))
    assert comment.status == Status.TRASH and "larger than 4 KB" in comment.reason


@pytest.mark.django_db(transaction=True)
def test_a_private_address_is_not_fetched_unless_allowed(
    client: Client, sources: Sources, settings: Settings
) -> None:
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = False
    comment = mention(client, sources.html("/seoul", entry(target())))
    assert comment.status == Status.TRASH and "private or local address" in comment.reason
    assert sources.requests == []


@pytest.mark.django_db(transaction=True)
def test_a_failing_source_is_retried_by_the_outbox(client: Client, sources: Sources) -> None:
    sources.html("/busy", "try later", status=503)
    comment = mention(client, sources.url("/busy"))
    assert comment.status == Status.VERIFYING
    job = verifications().get()
    assert job.status == MessageStatus.PENDING and job.tries == 1
    assert "answered 503" in job.last_error
    assert comment.reason.startswith("Webmention not verified yet (Unavailable: the source")


@pytest.mark.django_db(transaction=True)
def test_a_source_that_sends_slowly_is_given_up_within_the_timeout_and_retried(
    client: Client, sources: Sources, settings: Settings
) -> None:
    settings.CROSSING_WEBMENTION_TIMEOUT = 1
    slow = Page(body=entry(target()).encode() + b" " * 2000, drip=0.2)
    started = time.monotonic()
    comment = mention(client, sources.page("/slow", slow))
    assert time.monotonic() - started < 2.5
    assert comment.status == Status.VERIFYING
    assert "took longer than 1 s" in verifications().get().last_error


def test_a_fresh_process_knows_the_job_once_django_is_set_up() -> None:
    # The worker runs in a process of its own: the job must be registered by the app itself.
    code = (
        "import django; django.setup(); from crossing.web.outbox.handlers import HANDLERS; "
        "print('webmention.verify' in HANDLERS)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "crossing.web.settings"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert done.stdout.strip() == b"True"
