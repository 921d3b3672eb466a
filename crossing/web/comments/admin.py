"""The moderators' admin: held comments first, bulk decisions, replies, every decision shown.

Nothing is edited in place: each change goes through moderation.py, which records it. A
comment's email address is shown to staff here and nowhere else. What readers typed is
always shown as text (escaped), never as a link or markup."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.db.models import Case, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import truncatechars
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..admin_inlines import ReadOnlyInline
from ..recorded import shown_all
from . import moderation
from .models import Comment, Decision, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Move = Callable[..., bool]


class DecisionInline(ReadOnlyInline):
    model = Decision
    fields = ("at", "action", "moderator", "note")
    ordering = ("at", "id")


def _bulk(name: str, description: StrOrPromise, done: StrOrPromise) -> Callable[..., None]:
    """An admin action applying moderation.ACTIONS[name] to each selected comment."""
    move: Move = moderation.ACTIONS[name]

    def action(modeladmin: CommentAdmin, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        changed = unchanged = 0
        refused: list[str] = []
        for comment in queryset.order_by("id"):
            try:
                if move(comment, request.user):
                    changed += 1
                else:
                    unchanged += 1
            except moderation.ModerationError as error:
                refused.append(str(error))
        if changed:
            modeladmin.message_user(request, f"{done}: {changed}", messages.SUCCESS)
        if unchanged:
            modeladmin.message_user(
                request, _("Already so, left as they were: %(n)s") % {"n": unchanged}
            )
        for reason in refused:
            modeladmin.message_user(request, reason, messages.WARNING)

    action.__name__ = name
    return admin.action(description=description)(action)


def reason_shown(comment: Comment) -> str:
    """Why it was held, marked spam or trashed, in the moderator's language."""
    return shown_all(comment.reason_messages, comment.reason)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # not subscriptable at run time
    list_display = ("name", "page", "excerpt", "status", "reason_text", "created")
    list_filter = ("status", "kind", "page")
    search_fields = ("name", "email", "text", "page", "website", "source")
    # The queue first: held comments, newest first; then everything else, newest first.
    ordering = (
        Case(When(status=Status.HELD, then=Value(0)), default=Value(1)).asc(),
        "-created",
        "-id",
    )
    list_per_page = 50
    date_hierarchy = "created"
    inlines = (DecisionInline,)
    change_form_template = "admin/comments/comment/change_form.html"
    fields = (
        "kind",
        "status",
        "reason_text",
        "page",
        "parent",
        "depth",
        "name",
        "email",
        "website_text",
        "source_text",
        "text",
        "created",
        "user_agent",
        "address_hash",
    )
    readonly_fields = fields
    actions = (
        _bulk("approve", gettext_lazy("Approve"), gettext_lazy("Approved")),
        _bulk("spam", gettext_lazy("Mark as spam"), gettext_lazy("Marked as spam")),
        _bulk("not_spam", gettext_lazy("Not spam"), gettext_lazy("Marked not spam, now held")),
        _bulk("trash", gettext_lazy("Move to the trash"), gettext_lazy("Moved to the trash")),
        _bulk(
            "restore",
            gettext_lazy("Restore from the trash"),
            gettext_lazy("Restored, now held"),
        ),
        _bulk("hold", gettext_lazy("Hold again (unapprove)"), gettext_lazy("Held again")),
        "reply_action",
    )

    @admin.display(description=gettext_lazy("comment"))
    def excerpt(self, comment: Comment) -> str:
        return truncatechars(" ".join(comment.text.split()), 100)

    @admin.display(description=gettext_lazy("reason"))
    def reason_text(self, comment: Comment) -> str:
        return reason_shown(comment)

    @admin.display(description=gettext_lazy("website"))
    def website_text(self, comment: Comment) -> str:
        return comment.website  # as text: a reader's link is not made clickable here

    @admin.display(description=gettext_lazy("source page"))
    def source_text(self, comment: Comment) -> str:
        return comment.source

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Deleting would take the replies with it: trash it (purged later), or delete a
        # person's comments on request with `crossing comments delete`.
        return False

    @admin.action(description=gettext_lazy("Reply to the selected comment"))
    def reply_action(self, request: HttpRequest, queryset: QuerySet[Comment]) -> Any:
        if queryset.count() != 1:
            self.message_user(
                request, _("Select exactly one comment to reply to."), messages.WARNING
            )
            return None
        comment = queryset.get()
        return HttpResponseRedirect(reverse("admin:comments_comment_reply", args=[comment.pk]))

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Every change goes through the buttons above the comment: nothing to save here.
        context = {**(extra_context or {}), "show_save": False, "show_save_and_continue": False}
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<int:pk>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name="comments_comment_reply",
            ),
            path(
                "<int:pk>/moderate/",
                self.admin_site.admin_view(self.moderate_view),
                name="comments_comment_moderate",
            ),
        ]
        return own + super().get_urls()

    def _change_url(self, comment: Comment) -> str:
        return reverse("admin:comments_comment_change", args=[comment.pk])

    def moderate_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The buttons on a comment's own page: one decision, then back to it."""
        comment = get_object_or_404(Comment, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, comment):
            return HttpResponseRedirect(self._change_url(comment))
        name = request.POST.get("action", "")
        move = moderation.ACTIONS.get(name)
        if move is None:
            self.message_user(request, _("Choose one of the buttons."), messages.ERROR)
        else:
            try:
                changed = move(comment, request.user)
            except moderation.ModerationError as error:
                self.message_user(request, str(error), messages.WARNING)
            else:
                comment.refresh_from_db()
                self.message_user(
                    request,
                    _("Comment %(id)s is now %(status)s.")
                    % {"id": comment.pk, "status": comment.get_status_display()}
                    if changed
                    else _("Nothing to change: comment %(id)s is %(status)s already.")
                    % {"id": comment.pk, "status": comment.get_status_display()},
                    messages.SUCCESS if changed else messages.INFO,
                )
        return HttpResponseRedirect(self._change_url(comment))

    def reply_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """A page with the comment and a box for the staff reply."""
        comment = get_object_or_404(Comment, pk=pk)
        if not self.has_change_permission(request, comment):
            return HttpResponseRedirect(self._change_url(comment))
        text = ""
        error = ""
        if request.method == "POST":
            text = request.POST.get("text", "")
            try:
                reply = moderation.reply(comment, request.user, text)
            except moderation.ModerationError as problem:
                error = str(problem)
            else:
                self.message_user(
                    request,
                    _("Your reply (comment %(id)s) is on the page.") % {"id": reply.pk},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(comment))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Reply to %(name)s") % {"name": comment.name},
            "comment": comment,
            "text": text,
            "error": error,
        }
        return render(
            request, "admin/comments/comment/reply.html", context, status=400 if error else 200
        )


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "action", "moderator", "comment", "note")
    list_filter = ("action",)
    readonly_fields = ("at", "action", "moderator", "comment", "note")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
