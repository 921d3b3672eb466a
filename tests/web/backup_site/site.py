"""What the backup tests do inside a site, as `python -m backup_site.site COMMAND`: fill it
with rows of every kind, add a row, or print every row through Django's models (an account
of the data that does not go through the backup's own code). `report-ending` and
`count-endings` work in Crossing's own settings too."""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid
from decimal import Decimal
from typing import Any

import django


def fill() -> None:
    """Users, groups and permissions, tags, notes with every kind of value, a screening."""
    from backup_site.records.models import Note, Screening, Tag
    from django.contrib.auth.models import Group, Permission, User
    from django.contrib.contenttypes.models import ContentType

    editor = User.objects.create_user("editor", "editor@example.org", "a long passphrase")
    User.objects.create_superuser("admin", "admin@example.org", "another passphrase")
    moderators = Group.objects.create(name="moderators")
    moderators.permissions.set(Permission.objects.filter(codename__endswith="_note"))
    editor.groups.add(moderators)
    tags = [Tag.objects.create(name=name) for name in ("river", "탈북", "✈️ transfer")]
    first = Note.objects.create(
        title="Crossing the Tumen",
        body='Line one\nline two\r\n\ttabbed \\ "quoted" \u2028 강을 건너다 😶',
        happened=dt.datetime(2009, 3, 1, 4, 5, 6, 123456, tzinfo=dt.UTC),
        day=dt.date(1999, 12, 31),
        at=dt.time(23, 59, 58, 999999),
        amount=Decimal("12345678.000001"),
        ratio=0.1 + 0.2,
        done=True,
        blob=bytes(range(256)),
        data={"zeta": 1, "alpha": [1.5, None, True, "x"], "nested": {"b": 2, "a": 1}},
        wait=dt.timedelta(days=3, microseconds=7),
        address="2001:db8::1",
        kind=ContentType.objects.get_for_model(Note),
        author=editor,
    )
    first.tags.set(tags[:2])
    Note.objects.create(title="empty values")  # nulls and defaults
    screening = Screening.objects.create(title="A screening", seats=40, author=editor)
    screening.tags.set(tags[1:])
    # Rows may refer to later rows (the restore inserts them in id order).
    first.parent = screening
    first.save()
    Note.objects.create(title="deleted, and its id not handed out again").delete()


def add() -> None:
    """One more note: its id shows which ids the database hands out next."""
    from backup_site.records.models import Note

    print(Note.objects.create(title="after the restore").pk)


def fill_old() -> None:
    """A screening in a database at records' first migration, through that migration's
    models (the code's models have a column more)."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state = MigrationLoader(connection).project_state(("records", "0001_initial"))
    screening = state.apps.get_model("records", "Screening")
    screening.objects.create(title="An older screening", seats=25, uuid=uuid.uuid4())


def renumber_content_types() -> None:
    """Content types and permissions made again, with other ids than the first migrate gave
    (as when apps were installed in another order)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    ContentType.objects.all().delete()  # and, with them, the permissions
    ContentType.objects.clear_cache()
    call_command("migrate", verbosity=0)  # which makes them again


def report_ending() -> None:
    from crossing.web.journey.endings import record_ending

    record_ending(story="market-day", version="1", ending="supper")


def count_endings() -> None:
    from django.db.models import Sum

    from crossing.web.journey.models import EndingCount

    print(EndingCount.objects.aggregate(total=Sum("count"))["total"] or 0)


def show() -> None:
    """Every row of every model, with every field's value, as JSON."""
    from django.apps import apps

    everything: dict[str, Any] = {}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        rows = []
        for instance in model._base_manager.order_by("pk"):
            row = {f.attname: f.value_from_object(instance) for f in model._meta.concrete_fields}
            for field in model._meta.many_to_many:
                row[field.name] = sorted(o.pk for o in getattr(instance, field.name).all())
            rows.append(row)
        everything[model._meta.label] = rows
    print(json.dumps(everything, default=_plain, sort_keys=True, indent=1))


def _plain(value: object) -> str:
    return bytes(value).hex() if isinstance(value, memoryview | bytes) else repr(value)


if __name__ == "__main__":
    django.setup()
    commands = {
        "fill": fill,
        "add": add,
        "fill-old": fill_old,
        "renumber-content-types": renumber_content_types,
        "report-ending": report_ending,
        "count-endings": count_endings,
        "show": show,
    }
    commands[sys.argv[1]]()
