"""What readers write, and what moderators decide about it.

Privacy: a comment keeps the name, email and website its author typed (the email is never
shown anywhere: not in pages, feeds, exports or the API) and a salted hash of the address it
came from (for flood control and spam), never the address itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMMENT = "comment", _("comment")
    WEBMENTION = "webmention", _("reference (Webmention)")


class Status(models.TextChoices):
    # A Webmention whose source page has not yet been fetched and checked.
    VERIFYING = "verifying", _("being verified")
    HELD = "held", _("awaiting moderation")
    APPROVED = "approved", _("approved")
    SPAM = "spam", _("spam")
    TRASH = "trash", _("trash")


class Comment(models.Model):
    """A comment, or a reference another site sent by Webmention."""

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    # The page it is on, by its path ("/news/crossing-launches/"): pages live in files.
    page = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=1)  # 1 for a comment on the page itself
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254, blank=True)  # never shown; blank for references
    website = models.URLField(max_length=200, blank=True)
    # As typed, plain text: paragraphs and links are made, and sanitised, when shown.
    text = models.TextField()
    # A reference's source page (the page that links to ours); blank for a comment.
    source = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    reason = models.CharField(max_length=500, blank=True)  # why held or spam, for moderators
    # The language its author wrote in: emails about it (a reply) are written in it.
    language = models.CharField(max_length=16, blank=True)
    # The same reason as messages with their values ([[message, values], …]), so moderators
    # read it in their language (crossing.web.recorded); empty for a record made before.
    reason_messages = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(default=timezone.now)
    address_hash = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # The idempotency key the form carries (one per rendered form, or one per Webmention
    # source and target): a double submit finds the comment stored the first time.
    key = models.CharField(max_length=64, unique=True)

    class Meta:
        indexes = [
            models.Index(fields=["page", "status", "created"], name="comments_page"),
            models.Index(fields=["status", "created"], name="comments_queue"),
            models.Index(fields=["email", "name", "status"], name="comments_author"),
            models.Index(fields=["address_hash", "created"], name="comments_flood"),
        ]
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} by {self.name} on {self.page} ({self.status})"


class Action(models.TextChoices):
    APPROVED = "approved", _("approved")
    HELD = "held", _("held again")
    SPAM = "spam", _("marked spam")
    NOT_SPAM = "not-spam", _("marked not spam")
    TRASHED = "trashed", _("trashed")
    RESTORED = "restored", _("restored from trash")
    REPLIED = "replied", _("replied")
    DELETED = "deleted", _("deleted on its author's request")


class Decision(models.Model):
    """Every moderator's decision, kept: who, when, what."""

    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.moderator} at {self.at:%Y-%m-%d %H:%M}"


class ReplySubscription(models.Model):
    """An author who asked to be told of replies to their comment: confirmed by a link in an
    email first (double opt-in), ended by the link in every reply email."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="subscription")
    confirmed = models.DateTimeField(null=True, blank=True)
    unsubscribed = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"replies to comment {self.comment_id}"


class PageState(models.Model):
    """Per page: a number raised whenever what a page shows of its comments changes, so that
    each worker's page cache renders that page again, and only that page."""

    page = models.CharField(max_length=200, primary_key=True)
    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.page} (generation {self.generation})"


def page_changed(page: str) -> None:
    """Raise the page's generation: every worker renders it again on its next request. Call
    it inside the transaction that changes what the page shows (an approval, a deletion)."""
    PageState.objects.get_or_create(page=page)
    PageState.objects.filter(page=page).update(generation=models.F("generation") + 1)
