"""Files sent with an email: stored base64 in the JSON payload, sent as attachments;
payloads stored before attachments existed still send."""

from __future__ import annotations

import pytest
from django.core import mail

from crossing.web.outbox import services, worker
from crossing.web.outbox.models import Message

POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)
ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Caf\xc3\xa9\r\nEND:VCALENDAR\r\n"
PNG = bytes(range(256))


def work_all() -> int:
    done = 0
    while worker.work_once(POLICY):
        done += 1
    return done


@pytest.mark.django_db
def test_attachments_are_stored_base64_and_sent_byte_for_byte() -> None:
    stored = services.send_email(
        to="reader@example.org",
        subject="Your tickets",
        text="See you there.",
        key="attach-1",
        attachments=[
            services.Attachment("screening.ics", "text/calendar", ICS),
            services.Attachment("logo.png", "image/png", PNG),
        ],
    )
    # The payload is plain JSON (base64 text), readable back from the database.
    files = Message.objects.get(pk=stored.pk).payload["attachments"]
    assert [f["filename"] for f in files] == ["screening.ics", "logo.png"]
    assert all(isinstance(f["base64"], str) for f in files)
    assert work_all() == 1
    [sent] = mail.outbox
    parts = {part.get_filename(): part for part in sent.message().walk() if part.get_filename()}
    assert parts["screening.ics"].get_content_type() == "text/calendar"
    # Text travels with the mail's own line endings; the lines themselves are the same.
    assert parts["screening.ics"].get_payload(decode=True).splitlines() == ICS.splitlines()
    assert parts["logo.png"].get_content_type() == "image/png"
    assert parts["logo.png"].get_payload(decode=True) == PNG
    assert sent.body == "See you there."


@pytest.mark.django_db
def test_an_email_without_attachments_stores_the_payload_as_before() -> None:
    stored = services.send_email(to="reader@example.org", subject="Hi", text="Hello.", key="a2")
    assert "attachments" not in stored.payload
    assert work_all() == 1
    assert mail.outbox[0].attachments == []


@pytest.mark.django_db
def test_a_payload_stored_before_attachments_existed_still_sends() -> None:
    services.enqueue(
        kind=services.EMAIL,
        payload={
            "to": ["reader@example.org"],
            "subject": "Old",
            "text": "Stored by an older version.",
            "html": None,
            "headers": {"Message-ID": services.message_id("old")},
        },
        key="old",
    )
    assert work_all() == 1
    assert mail.outbox[0].subject == "Old"


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("../etc/passwd", "text/plain"),
        ("a\nb.ics", "text/calendar"),
        ("", "text/calendar"),
        ("x.ics", "calendar"),
        ("x.ics", "text/calendar; method=PUBLISH"),
    ],
)
@pytest.mark.django_db
def test_a_bad_attachment_is_refused_naming_the_field(filename: str, content_type: str) -> None:
    with pytest.raises(services.OutboxError, match="attachment"):
        services.send_email(
            to="reader@example.org",
            subject="Hi",
            text="Hello.",
            key="bad",
            attachments=[services.Attachment(filename, content_type, b"x")],
        )
    assert not Message.objects.filter(key="bad").exists()
