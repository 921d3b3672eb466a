"""Inlines that show a record's history in the admin and never let staff change it: the
decisions on a comment, the changes and reservations of a screening."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    """Set `model`, `fields` and `ordering`; every field is shown read-only."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields or ()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
