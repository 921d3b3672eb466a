"""Staff see the outbox, read-only: what is waiting, what was sent, what failed and why."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # not subscriptable at run time
    list_display = ("key", "kind", "status", "tries", "not_before", "done", "last_error")
    list_filter = ("status", "kind")
    search_fields = ("key",)
    actions = ("retry",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Message | None = None) -> bool:
        return False

    @admin.action(description=_("Retry the selected failed messages"))
    def retry(self, request: HttpRequest, queryset: QuerySet[Message]) -> None:
        count = services.retry(messages=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s failed message will be tried again.",
                "%(count)s failed messages will be tried again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
