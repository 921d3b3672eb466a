"""The part of JSON Schema (draft 2020-12) that docs/compiled-format.schema.json uses, so that
tests can hold the schema against documents without a validator package (none is installed,
and none is added for this). A keyword outside the subset is an error, never ignored."""

from __future__ import annotations

from typing import Any

ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}
KEYWORDS = {
    "$ref",
    "type",
    "enum",
    "const",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "required",
    "properties",
    "additionalProperties",
    "prefixItems",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minimum",
    "maximum",
    "minLength",
}


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, 1.0 is 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_equal, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return bool(a == b)


def _type(value: Any, name: str) -> bool:
    number = type(value) in (int, float)
    return {
        "null": value is None,
        "boolean": isinstance(value, bool),
        "string": isinstance(value, str),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
        "number": number,
        "integer": number and float(value).is_integer(),
    }[name]


class Schema:
    def __init__(self, root: dict[str, Any]):
        self.root = root

    def valid(self, value: Any, schema: Any = None) -> bool:
        schema = self.root if schema is None else schema
        if isinstance(schema, bool):
            return schema
        unknown = set(schema) - KEYWORDS - ANNOTATIONS
        assert not unknown, f"keywords outside the subset: {unknown}"
        checks = [self._check(value, key, arg, schema) for key, arg in schema.items()]
        return all(checks)

    def _check(self, value: Any, key: str, arg: Any, schema: dict[str, Any]) -> bool:
        valid = self.valid
        if key == "$ref":
            assert arg.startswith("#/$defs/")
            return valid(value, self.root["$defs"][arg.removeprefix("#/$defs/")])
        if key == "type":
            return _type(value, arg)
        if key == "enum":
            return any(_equal(value, item) for item in arg)
        if key == "const":
            return _equal(value, arg)
        if key == "anyOf":
            return any(valid(value, s) for s in arg)
        if key == "allOf":
            return all(valid(value, s) for s in arg)
        if key == "not":
            return not valid(value, arg)
        if key == "if":
            return not valid(value, arg) or valid(value, schema.get("then", True))
        if isinstance(value, dict):
            return self._object(value, key, arg, schema)
        if isinstance(value, list):
            return self._array(value, key, arg, schema)
        if key in ("minimum", "maximum") and _type(value, "number"):
            return arg <= value if key == "minimum" else value <= arg
        if key == "minLength" and isinstance(value, str):
            return len(value) >= arg
        return True  # then, and keywords for other types

    def _object(self, value: dict[str, Any], key: str, arg: Any, schema: dict[str, Any]) -> bool:
        if key == "required":
            return all(name in value for name in arg)
        if key == "properties":
            return all(self.valid(value[k], s) for k, s in arg.items() if k in value)
        if key == "additionalProperties":
            named = schema.get("properties", {})
            return all(self.valid(v, arg) for k, v in value.items() if k not in named)
        return True

    def _array(self, value: list[Any], key: str, arg: Any, schema: dict[str, Any]) -> bool:
        if key == "prefixItems":
            return all(self.valid(v, s) for v, s in zip(value, arg, strict=False))
        if key == "items":
            rest = value[len(schema.get("prefixItems", [])) :]
            return all(self.valid(v, arg) for v in rest)
        if key == "minItems":
            return len(value) >= arg
        if key == "maxItems":
            return len(value) <= arg
        if key == "uniqueItems":
            return not arg or all(
                not _equal(a, b) for i, a in enumerate(value) for b in value[i + 1 :]
            )
        return True
