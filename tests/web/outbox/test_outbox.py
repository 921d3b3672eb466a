"""The outbox in the site's own process: enqueued in the writer's transaction, once per
key, done by the worker with retries and backoff, then failed for staff to retry."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone

from crossing.web.outbox import handlers, services, worker
from crossing.web.outbox.models import Message, Status

POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)


def work_all() -> int:
    done = 0
    while worker.work_once(POLICY):
        done += 1
    return done


def email(key: str = "k1", **more: Any) -> Message:
    return services.send_email(
        to="reader@example.org", subject="Your comment", text="Thank you.", key=key, **more
    )


@pytest.mark.django_db(transaction=True)
def test_an_email_enqueued_in_a_rolled_back_transaction_is_never_sent() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        email()
        raise RuntimeError("the write that caused it failed")
    assert work_all() == 0
    assert not Message.objects.exists() and mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_committed_email_is_sent_once_with_its_headers() -> None:
    with transaction.atomic():
        email(
            html="<p>Thank you.</p>",
            headers={
                "List-Unsubscribe": "<https://example.org/unsubscribe/abc>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    assert work_all() == 1
    assert work_all() == 0
    [sent] = mail.outbox
    message = sent.message()
    assert message["List-Unsubscribe"] == "<https://example.org/unsubscribe/abc>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == services.message_id("k1")
    assert sent.alternatives[0][0] == "<p>Thank you.</p>"  # type: ignore[attr-defined]
    stored = Message.objects.get()
    assert stored.status == Status.SENT and stored.tries == 1 and stored.done is not None


@pytest.mark.django_db(transaction=True)
def test_the_same_key_twice_stores_one_message_and_keeps_the_transaction_usable() -> None:
    with transaction.atomic():
        first = email()
        second = email()  # a double submit: no IntegrityError, the transaction goes on
        assert Message.objects.count() == 1
    assert first.pk == second.pk
    assert work_all() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_message_id_is_the_same_for_the_same_key_and_differs_between_keys() -> None:
    assert services.message_id("a") == services.message_id("a") != services.message_id("b")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"to": "not an address"}, "email 'to' has an invalid address: 'not an address'"),
        ({"to": []}, "email 'to' must name at least one address"),
        ({"subject": "a\nBcc: x@example.org"}, "email subject must be one line"),
        ({"headers": {"X-A": "1\r\nBcc: x"}}, "email header X-A must be one line"),
        ({"key": ""}, "outbox key must be 1 to 200 characters"),
    ],
)
def test_a_message_that_cannot_be_sent_is_refused_naming_the_field(
    fields: dict[str, Any], named: str
) -> None:
    arguments: dict[str, Any] = {"to": "a@example.org", "subject": "s", "text": "t", "key": "k"}
    with pytest.raises(services.OutboxError, match=named):
        services.send_email(**{**arguments, **fields})
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_a_failing_message_is_retried_with_backoff_then_failed_then_retried_by_staff() -> None:
    calls: list[dict[str, Any]] = []

    @handlers.handler("flaky")
    def flaky(payload: dict[str, Any]) -> None:
        calls.append(payload)
        if len(calls) <= 3:
            raise ConnectionRefusedError(f"the service is down (call {len(calls)})")

    services.enqueue(kind="flaky", payload={"n": 1}, key="f1")
    started = timezone.now()
    assert worker.work_once(POLICY)
    message = Message.objects.get()
    assert message.status == Status.PENDING and message.tries == 1
    assert "ConnectionRefusedError: the service is down (call 1)" in message.last_error
    # Not due again until the backoff has passed: 60 s, then 120 s.
    assert message.not_before >= started + datetime.timedelta(seconds=60)
    assert not worker.work_once(POLICY)
    for wait in (60, 120):
        Message.objects.update(not_before=timezone.now())
        assert worker.work_once(POLICY)
        if wait == 60:
            later = Message.objects.get().not_before - timezone.now()
            assert datetime.timedelta(seconds=110) < later <= datetime.timedelta(seconds=120)
    message = Message.objects.get()
    assert message.status == Status.FAILED and message.tries == 3
    assert message.last_error == "ConnectionRefusedError: the service is down (call 3)"
    assert not worker.work_once(POLICY)

    assert services.retry(messages=Message.objects.all()) == 1
    assert worker.work_once(POLICY)
    assert Message.objects.get().status == Status.SENT and len(calls) == 4


@pytest.mark.django_db
def test_a_kind_without_a_handler_fails_saying_how_to_register_one() -> None:
    services.enqueue(kind="webmention", payload={}, key="w1")
    worker.do(worker.claim(POLICY) or pytest.fail("not claimed"), POLICY)
    assert "no handler for messages of kind 'webmention'" in Message.objects.get().last_error


@pytest.mark.django_db
def test_work_waits_for_its_time_and_for_a_lease_to_run_out() -> None:
    services.enqueue(
        kind="email", payload={}, key="later", not_before=timezone.now() + datetime.timedelta(1)
    )
    assert worker.claim(POLICY) is None
    Message.objects.update(not_before=timezone.now())
    held = worker.claim(POLICY)
    assert held is not None and worker.claim(POLICY) is None  # leased: no second worker
    # The worker holding it was killed: once the lease runs out, it is taken again.
    Message.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    again = worker.claim(POLICY)
    assert again is not None and again.pk == held.pk and again.tries == 2


@pytest.mark.django_db
def test_sent_messages_are_pruned_after_the_keeping_days_failed_ones_stay() -> None:
    old = timezone.now() - datetime.timedelta(days=31)
    for key, status, done in [
        ("old-sent", Status.SENT, old),
        ("new-sent", Status.SENT, timezone.now()),
        ("old-failed", Status.FAILED, old),
        ("waiting", Status.PENDING, None),
    ]:
        services.enqueue(kind="email", payload={}, key=key)
        Message.objects.filter(key=key).update(status=status, done=done)
    assert worker.prune(POLICY) == 1
    assert sorted(Message.objects.values_list("key", flat=True)) == [
        "new-sent",
        "old-failed",
        "waiting",
    ]


@pytest.mark.django_db
def test_staff_see_the_outbox_read_only_and_retry_failed_messages(client: Client) -> None:
    services.enqueue(kind="email", payload={}, key="broken")
    Message.objects.update(status=Status.FAILED, tries=8, last_error="SMTPRecipientsRefused: 550")
    assert client.get("/admin/outbox/message/").status_code == 302  # sign in first
    staff = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(staff)
    page = client.get("/admin/outbox/message/")
    assert page.status_code == 200
    assert b"broken" in page.content and b"SMTPRecipientsRefused: 550" in page.content
    pk = Message.objects.get().pk
    assert client.get(f"/admin/outbox/message/{pk}/change/").status_code == 200  # viewable
    assert b'name="_save"' not in client.get(f"/admin/outbox/message/{pk}/change/").content
    response = client.post(
        "/admin/outbox/message/", {"action": "retry", "_selected_action": [pk]}, follow=True
    )
    assert b"1 failed message will be tried again" in response.content
    message = Message.objects.get()
    assert message.status == Status.PENDING and message.tries == 0


@pytest.mark.django_db
def test_a_reader_who_only_reads_still_gets_no_cookie_with_the_admin_installed(
    client: Client,
) -> None:
    for path in ("/", "/journey/", "/this-page-does-not-exist/"):
        assert not client.get(path).cookies, path
    # The admin's sign-in page sets the CSRF cookie its form needs; only staff go there.
    assert client.get("/admin/login/").cookies
