"""A person's comments exported and deleted on request, through the CLI; old spam and
trash purged by the worker's job. Other people's replies survive, a level up."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.utils import timezone

from crossing.cli import cli
from crossing.web.comments import moderation, notifications, privacy
from crossing.web.comments.models import Action, Comment, Decision, ReplySubscription, Status
from crossing.web.outbox.models import Message
from crossing.web.outbox.services import send_email

from .conftest import PAGE, SITE, generation, make_comment, work_all

pytestmark = pytest.mark.django_db
OTHER_PAGE = "/news/the-book/"


def run(*arguments: str) -> Any:
    return CliRunner().invoke(cli, ["comments", *arguments], catch_exceptions=False)


def thread() -> dict[str, Comment]:
    """Min-ji's comment, Lee's reply to it, her reply to Lee, Kang's reply to that; and her
    comment on another page."""
    mine = make_comment(status=Status.APPROVED)
    lee = make_comment(parent=mine, name="Lee", email="lee@mail.example", status=Status.APPROVED)
    mine_again = make_comment(parent=lee, email="MINJI@mail.example", status=Status.APPROVED)
    kang = make_comment(parent=mine_again, name="Kang", email="kang@mail.example")
    elsewhere = make_comment(page=OTHER_PAGE, status=Status.SPAM)
    return {"mine": mine, "lee": lee, "mine_again": mine_again, "kang": kang, "else": elsewhere}


def test_export_gives_every_comment_with_the_address_and_nothing_of_others(
    tmp_path: Path, moderator: Any
) -> None:
    comments = thread()
    ReplySubscription.objects.create(comment=comments["mine"], confirmed=timezone.now())
    moderation.trash(comments["else"], moderator)
    out = tmp_path / "minji.json"
    result = run("export", "minji@mail.example", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "exported 3 comment(s) stored with minji@mail.example" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["email"] == "minji@mail.example"
    assert [c["id"] for c in data["comments"]] == [
        comments["mine"].pk,
        comments["mine_again"].pk,
        comments["else"].pk,
    ]
    first = data["comments"][0]
    assert first["link"] == f"{SITE}{PAGE}#comment-{comments['mine'].pk}"
    assert first["text"] == "Thank you for telling this story."
    assert first["reply_emails"]["confirmed"] and first["reply_emails"]["unsubscribed"] is None
    assert first["address_hash"] == "3f9a0c" and first["user_agent"] == "Mozilla/5.0"
    assert data["comments"][2]["decisions"][0]["action"] == Action.TRASHED
    assert "lee@mail.example" not in out.read_text() and "Kang" not in out.read_text()
    # To standard output too; and a file that exists is never overwritten.
    assert json.loads(run("export", "minji@mail.example").stdout)["comments"]
    again = run("export", "minji@mail.example", "--out", str(out))
    assert again.exit_code == 1 and f"error: cannot write {out}" in again.stderr


def test_delete_removes_their_comments_keeps_the_replies_and_records_it(moderator: Any) -> None:
    comments = thread()
    ReplySubscription.objects.create(comment=comments["mine"], confirmed=timezone.now())
    notifications.comment_arrived(comments["kang"], wants_replies=False)  # a moderators' email
    to_her = send_email(to="MinJi@mail.example", subject="s", text="t", key="comment-99-reply")
    about_kang = Message.objects.get(key=f"comment-{comments['kang'].pk}-held")
    was = {page: generation(page) for page in (PAGE, OTHER_PAGE)}

    refused = run("delete", "minji@mail.example")  # asks first; "n" keeps everything
    assert refused.exit_code == 1 and Comment.objects.count() == 5
    result = run("delete", "minji@mail.example", "--yes")
    assert result.exit_code == 0, result.output
    assert "deleted 3 comment(s) stored with minji@mail.example from 2 page(s)" in result.stderr

    left = {c.name: c for c in Comment.objects.all()}
    assert set(left) == {"Lee", "Kang"}
    # Lee's reply is now on the page itself, Kang's under Lee's: each a level up.
    assert (left["Lee"].parent, left["Lee"].depth) == (None, 1)
    assert (left["Kang"].parent, left["Kang"].depth) == (left["Lee"], 2)
    assert Decision.objects.filter(action=Action.DELETED, comment=None).count() == 3
    assert not ReplySubscription.objects.exists()
    assert not Message.objects.filter(pk=to_her.pk).exists()
    assert Message.objects.filter(pk=about_kang.pk).exists()  # about Kang's comment: kept
    assert all(generation(page) > was[page] for page in was)
    assert run("export", "minji@mail.example").stdout.count('"id"') == 0


def test_a_value_that_is_not_an_address_is_refused() -> None:
    for command in ("export", "delete"):
        result = run(command, "minji")
        assert result.exit_code == 1 and result.stderr == "error: 'minji' is not an email address\n"


def test_spam_and_trash_are_purged_after_the_days_set(moderator: Any, settings: Any) -> None:
    settings.CROSSING_COMMENTS_PURGE_DAYS = 30
    long_ago = timezone.now() - datetime.timedelta(days=31)
    old_spam = make_comment(status=Status.SPAM, created=long_ago)
    recent_spam = make_comment(status=Status.SPAM)
    trashed_today = make_comment(status=Status.APPROVED, created=long_ago)
    moderation.trash(trashed_today, moderator)  # counted from the decision, not the arrival
    reply = make_comment(parent=old_spam, status=Status.APPROVED, created=long_ago)
    old_approved = make_comment(status=Status.APPROVED, created=long_ago)

    was = generation()
    assert privacy.purge() == 1
    assert generation() == was + 1  # the reply moved up a level on its page
    assert set(Comment.objects.values_list("pk", flat=True)) == {
        recent_spam.pk,
        trashed_today.pk,
        reply.pk,
        old_approved.pk,
    }
    assert Comment.objects.get(pk=reply.pk).depth == 1
    later = timezone.now() + datetime.timedelta(days=31)
    assert privacy.purge(now=later) == 2
    assert run("purge").stderr == "deleted 0 comment(s) from spam and the trash\n"


def test_the_worker_purges_when_the_job_is_due(moderator: Any, settings: Any) -> None:
    settings.CROSSING_COMMENTS_PURGE_DAYS = 0
    comment = make_comment(status=Status.APPROVED)
    moderation.trash(comment, moderator)
    [job] = Message.objects.filter(kind=privacy.PURGE)
    assert job.not_before > timezone.now()  # tomorrow, at the start of the day
    moderation.trash(make_comment(), moderator)  # the same day: the same job
    assert Message.objects.filter(kind=privacy.PURGE).count() == 1
    Message.objects.filter(pk=job.pk).update(not_before=timezone.now())
    assert work_all() == 1
    assert not Comment.objects.exists()


def test_the_purge_job_schedules_the_next_while_spam_waits(settings: Any) -> None:
    settings.CROSSING_COMMENTS_PURGE_DAYS = 30
    # Spam that arrived ten days ago, which no decision scheduled anything for.
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    make_comment(status=Status.SPAM, created=ten_days_ago)
    privacy.schedule_purge(timezone.now() - datetime.timedelta(days=40))  # an old job, due
    assert work_all() == 1
    [next_job] = Message.objects.filter(kind=privacy.PURGE, status="pending")
    day = (ten_days_ago + datetime.timedelta(days=31)).date()
    assert next_job.key == f"comments-purge-{day:%Y-%m-%d}"
    assert Comment.objects.count() == 1  # not yet old enough


def test_every_arrival_makes_sure_a_purge_is_due(settings: Any) -> None:
    notifications.comment_arrived(make_comment(status=Status.APPROVED), wants_replies=False)
    notifications.comment_arrived(make_comment(status=Status.SPAM), wants_replies=False)
    assert Message.objects.filter(kind=privacy.PURGE).count() == 1


@pytest.mark.django_db(transaction=True)
def test_once_a_days_purge_job_is_committed_later_arrivals_cost_no_query() -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with transaction.atomic():
        notifications.comment_arrived(make_comment(status=Status.APPROVED), wants_replies=False)
    comment = make_comment(status=Status.APPROVED)
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        notifications.comment_arrived(comment, wants_replies=False)
    assert not any("outbox_message" in query["sql"] for query in queries.captured_queries)
    assert Message.objects.filter(kind=privacy.PURGE).count() == 1
