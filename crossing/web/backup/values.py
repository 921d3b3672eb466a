"""One column's value as JSON, and back, exactly: the same value whichever database it is
read from or written to.

JSON's own types (null, booleans, numbers, strings) are kept as they are, and a JSONField's
value is JSON already. Anything else is written in Django's own text form for the field, the
one its serializers use (`value_to_string`), and read back with the field's `to_python`:
ISO 8601 with microseconds and offset for times, exact digits for decimals, base64 for bytes.
(Django's JSON encoder would cut times to milliseconds, so it is not used.)"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.db.models import Field, JSONField

JSON_TYPES = (bool, int, float, str)


def encode(field: Field[Any, Any], value: Any) -> Any:
    """`value`, as the database returned it for `field`, in a form `json.dumps` can write."""
    if value is None or isinstance(field, JSONField) or isinstance(value, JSON_TYPES):
        return value
    # value_to_string reads the value from a model instance's attribute; give it one.
    instance: Any = SimpleNamespace(**{field.attname: value})
    return field.value_to_string(instance)


def decode(field: Field[Any, Any], raw: Any) -> Any:
    """The value `encode` wrote; raises django.core.exceptions.ValidationError if `raw` is
    not one."""
    if raw is None or isinstance(field, JSONField):
        return raw
    return field.to_python(raw)
