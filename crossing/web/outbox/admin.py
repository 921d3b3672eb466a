"""Staff see the outbox, read-only: what is waiting, what was sent, what failed and why."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

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

    @admin.action(description="Retry the selected failed messages")
    def retry(self, request: HttpRequest, queryset: QuerySet[Message]) -> None:
        count = services.retry(messages=queryset)
        self.message_user(
            request, f"{count} failed message(s) will be tried again.", messages.SUCCESS
        )
