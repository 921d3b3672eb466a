"""Two moderators approving the same comment at the same moment: one decision, one email.
(On PostgreSQL the second UPDATE waits for the first and then finds the comment moved.)"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from crossing.web.comments import moderation
from crossing.web.comments.models import Action, Comment, Decision, ReplySubscription, Status

from .conftest import make_comment, work_all


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need PostgreSQL")
def test_two_moderators_approving_at_once_make_one_decision_and_one_email(
    moderator: Any,
) -> None:
    parent = make_comment(status=Status.APPROVED, email="parent@mail.example")
    ReplySubscription.objects.create(comment=parent, confirmed=timezone.now())
    replies = [make_comment(parent=parent, email="lee@mail.example") for _ in range(10)]
    results: list[object] = []

    def approve(pk: int, start: threading.Barrier) -> None:
        try:
            start.wait()
            results.append(moderation.approve(Comment.objects.get(pk=pk), moderator))
        except Exception as error:
            results.append(error)
        finally:
            connections.close_all()

    for reply in replies:
        start = threading.Barrier(2)
        threads = [threading.Thread(target=approve, args=(reply.pk, start)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(map(str, results)) == ["False"] * 10 + ["True"] * 10
    assert Decision.objects.filter(action=Action.APPROVED).count() == 10
    assert work_all() == 10 and len(mail.outbox) == 10
