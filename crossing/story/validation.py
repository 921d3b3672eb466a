"""What a valid compiled story is (docs/compiled-format.md, "Validity"), checked on its JSON.

The browser runtime's command (crossing/web/node/validate.mjs) checks the same rules in the
same order with the same messages, so both runtimes refuse a file with the same line. Keep
the two in step: tests/refusal runs every hostile file through both.
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMAT = "crossing-story"
READABLE_VERSIONS = (1, 2, 3)
PREFIX = "the compiled story is not valid"
INT_LIMIT = 2_147_483_647  # every integer value stays within ± this
MAX_TOTAL = 2**32  # draw() rolls below a total of at most 2**32 (the generator's range)
MAX_DOCUMENT_DEPTH = 400  # arrays and objects inside each other, anywhere in the file
MAX_EXPR_DEPTH = 200  # an expression's own nesting (the compiler stays far below)
MAX_TEXT_DEPTH = 100  # conditional text and variations inside each other
MAX_GROUP_SIZE = 100  # numbers.sizes: digits per group
UNARY = {"neg": "int", "not": "bool"}
# operator: (operand type, result type, first format version)
BINARY: dict[str, tuple[str | None, str, int]] = {
    **dict.fromkeys(("+", "-", "*"), ("int", "int", 1)),
    **dict.fromkeys(("/", "%", "min", "max"), ("int", "int", 3)),
    **dict.fromkeys(("<", "<=", ">", ">="), ("int", "bool", 1)),
    **dict.fromkeys(("==", "!="), (None, "bool", 1)),  # None: any type, the same both sides
    **dict.fromkeys(("and", "or"), ("bool", "bool", 1)),
}
VARIABLE_TYPES = ("int", "bool", "enum")
VARIATION_KINDS = ("once", "seq", "cycle")
BASES = ("record", "estimate")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
_STRING = re.compile(r'"[^"\\]*(?:\\[\s\S][^"\\]*)*"')  # a JSON string, escapes and all
_BRACKET = re.compile(r"[\[\]{}]")


class Invalid(Exception):
    """A rule the document breaks: where (a path into the JSON) and what."""

    def __init__(self, where: str, what: str):
        super().__init__(f"{PREFIX}: {where}: {what}")


def read(raw: bytes) -> Any:
    """A compiled file's bytes as JSON values, numbers as JavaScript reads them: an integral
    number is an int (1.0 too, as for JSON.parse), NaN and Infinity are not JSON."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("the file", "is not UTF-8 text") from None
    if nesting(text) > MAX_DOCUMENT_DEPTH:
        raise Invalid("the file", f"nests more than {MAX_DOCUMENT_DEPTH} levels deep")
    try:
        return json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_not_json)
    except (ValueError, RecursionError):  # JSONDecodeError, NaN and Infinity (not JSON)
        raise Invalid("the file", "is not JSON") from None


def nesting(text: str) -> int:
    """How deep brackets nest outside strings, even in a file that is not JSON: measured
    before parsing, so that no parser's stack decides (validate.mjs measures it alike)."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _number(text: str) -> int | float:
    value = float(text)  # the double JavaScript reads, exactly
    return int(value) if value.is_integer() else value


def _not_json(text: str) -> None:
    raise ValueError(text)


def is_int(value: Any) -> bool:
    """An integer as JavaScript sees one: never a bool, an integral float counts."""
    return type(value) is int or (type(value) is float and value.is_integer())


def keys_in_order(obj: dict[str, Any]) -> list[str]:
    """An object's keys in the order JavaScript lists them: array indexes first, ascending."""
    indexes = {k for k in obj if _ARRAY_INDEX.fullmatch(k) and int(k) < 2**32 - 1}
    return sorted(indexes, key=int) + [k for k in obj if k not in indexes]


def _key(key: str) -> str:
    return "[" + json.dumps(key, ensure_ascii=False) + "]"


def check(data: Any) -> None:
    """Raise Invalid for the first rule `data` breaks."""
    _Checker(data).document()


# An expression's type: "int", "bool", "lit" (an integer literal: an int or an enum's value)
# or "enum:N" (a value of an enum variable with N values).
class _Checker:
    def __init__(self, data: Any):
        self.data = data
        self.version = 0
        self.variables: list[dict[str, Any]] = []
        self.scenes: list[Any] = []
        self.chapters: list[Any] = []
        self.sites: list[Any] = []
        self.numbers: dict[str, Any] | None = None
        self.kinds: list[str] = []

    # -- values --

    def field(self, obj: dict[str, Any], key: str, where: str) -> Any:
        """A required field's value."""
        if key not in obj:
            raise Invalid(f"{where}.{key}" if where else key, "is missing")
        return obj[key]

    def text(self, value: Any, where: str, non_empty: bool = False) -> str:
        if not isinstance(value, str):
            raise Invalid(where, "must be text")
        if not value.isascii() and _LONE_SURROGATE.search(value):
            raise Invalid(where, "contains a lone surrogate (not Unicode text)")
        if non_empty and not value:
            raise Invalid(where, "must not be empty")
        return value

    def integer(self, value: Any, where: str, low: int, high: int, what: str = "") -> int:
        if not is_int(value):
            raise Invalid(where, "must be an integer")
        if not low <= value <= high:
            raise Invalid(where, what or f"must be from {low} to {high}")
        return int(value)

    def index(self, value: Any, where: str, items: list[Any], what: str) -> int:
        if not items:
            raise Invalid(where, f"must be the index of {what}, and there are none")
        return self.integer(
            value,
            where,
            0,
            len(items) - 1,
            f"must be the index of {what} (from 0 to {len(items) - 1})",
        )

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(where, "must be an object")
        for key in value:  # which key does not change the message: any order will do
            if not key.isascii() and _LONE_SURROGATE.search(key):
                raise Invalid(where, "has a key with a lone surrogate (not Unicode text)")
        return value

    def array(self, value: Any, where: str, non_empty: bool = False) -> list[Any]:
        if not isinstance(value, list):
            raise Invalid(where, "must be a list")
        if non_empty and not value:
            raise Invalid(where, "must not be empty")
        return value

    def texts(self, value: Any, where: str, unique: bool = False) -> list[str]:
        items = self.array(value, where)
        seen: set[str] = set()  # not a list: a hostile file may have a million values
        for i, item in enumerate(items):
            self.text(item, f"{where}[{i}]", non_empty=unique)
            if unique and item in seen:
                raise Invalid(f"{where}[{i}]", "repeats an earlier value")
            seen.add(item)
        return items

    def optional_text(self, obj: dict[str, Any], key: str, where: str) -> None:
        if key in obj:
            self.text(obj[key], f"{where}.{key}")

    def needs(self, version: int, where: str, what: str) -> None:
        if self.version < version:
            raise Invalid(where, f"{what} needs format version {version} or later")

    # -- the document --

    def document(self) -> None:
        data = self.data
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise Invalid("format", "this is not a compiled Crossing story")
        version = data.get("format_version")
        if not is_int(version) or version not in READABLE_VERSIONS:
            raise Invalid(
                "format_version",
                "this runtime reads versions 1 to 3; compile the story again",
            )
        self.version = int(version)
        self.obj(data, "the file")
        for key in ("hash", "id", "title", "version", "language"):
            self.text(self.field(data, key, ""), key)
        self.kinds = self.texts(self.field(data, "ending_kinds", ""), "ending_kinds", True)
        variables = self.array(self.field(data, "variables", ""), "variables")
        names: set[str] = set()
        for i, variable in enumerate(variables):
            self.variable(variable, f"variables[{i}]", names)
        self.variables = variables
        if "sites" in data:
            self.needs(2, "sites", "variations")
            self.sites = self.texts(data["sites"], "sites", True)
        if "numbers" in data:
            self.needs(2, "numbers", "number formats")
            self.numbers_(data["numbers"])
        self.scenes = self.array(self.field(data, "scenes", ""), "scenes", non_empty=True)
        self.index(self.field(data, "start", ""), "start", self.scenes, "a scene")
        self.chapters = self.array(self.field(data, "chapters", ""), "chapters")
        for i, chapter in enumerate(self.chapters):
            where = f"chapters[{i}]"
            self.obj(chapter, where)
            self.text(self.field(chapter, "id", where), f"{where}.id", non_empty=True)
            self.text(self.field(chapter, "title", where), f"{where}.title")
            self.index(
                self.field(chapter, "start", where), f"{where}.start", self.scenes, "a scene"
            )
        sources = self.obj(self.field(data, "sources", ""), "sources")
        for key in keys_in_order(sources):
            self.source(sources[key], "sources" + _key(key))
        places = self.obj(self.field(data, "places", ""), "places")
        for key in keys_in_order(places):
            self.place(places[key], "places" + _key(key))
        ids: set[str] = set()
        for i, scene in enumerate(self.scenes):
            self.scene(scene, f"scenes[{i}]", ids)

    def variable(self, variable: Any, where: str, names: set[str]) -> None:
        self.obj(variable, where)
        name = self.text(self.field(variable, "name", where), f"{where}.name", non_empty=True)
        if name in names:
            raise Invalid(f"{where}.name", "repeats an earlier variable's name")
        names.add(name)
        kind = self.field(variable, "type", where)
        if kind not in VARIABLE_TYPES:
            raise Invalid(f"{where}.type", 'must be "int", "bool" or "enum"')
        initial = self.field(variable, "initial", where)
        if kind == "int":
            low = high = None
            if "low" in variable:
                low = self.integer(variable["low"], f"{where}.low", -INT_LIMIT, INT_LIMIT)
            if "high" in variable:
                high = self.integer(variable["high"], f"{where}.high", -INT_LIMIT, INT_LIMIT)
            if low is not None and high is not None and low > high:
                raise Invalid(f"{where}.high", "must not be below low")
            self.integer(
                initial,
                f"{where}.initial",
                -INT_LIMIT if low is None else low,
                INT_LIMIT if high is None else high,
                "must be within the variable's range",
            )
        elif kind == "bool":
            if not isinstance(initial, bool):
                raise Invalid(f"{where}.initial", "must be true or false")
        else:
            values = self.texts(self.field(variable, "values", where), f"{where}.values", True)
            if not values:
                raise Invalid(f"{where}.values", "must not be empty")
            self.index(initial, f"{where}.initial", values, "one of its values")
            if "labels" in variable:
                labels = self.texts(variable["labels"], f"{where}.labels")
                if len(labels) != len(values):
                    raise Invalid(f"{where}.labels", "must have one label for each value")
        self.optional_text(variable, "label", where)
        if "internal" in variable and not isinstance(variable["internal"], bool):
            raise Invalid(f"{where}.internal", "must be true or false")

    def numbers_(self, numbers: Any) -> None:
        self.obj(numbers, "numbers")
        self.text(self.field(numbers, "group", "numbers"), "numbers.group")
        sizes = self.array(self.field(numbers, "sizes", "numbers"), "numbers.sizes")
        if len(sizes) != 2:
            raise Invalid("numbers.sizes", "must have two sizes")
        for i, size in enumerate(sizes):
            self.integer(size, f"numbers.sizes[{i}]", 1, MAX_GROUP_SIZE)
        if "words" in numbers:
            self.texts(numbers["words"], "numbers.words")
        formats = self.obj(self.field(numbers, "formats", "numbers"), "numbers.formats")
        for key in keys_in_order(formats):
            where = "numbers.formats" + _key(key)
            affixes = self.texts(formats[key], where)
            if len(affixes) != 4:
                raise Invalid(where, "must have four affixes")
        self.numbers = numbers

    def source(self, source: Any, where: str) -> None:
        self.obj(source, where)
        for key in ("title", "author", "confidence"):
            self.text(self.field(source, key, where), f"{where}.{key}")
        for key in ("date", "url", "note"):
            self.optional_text(source, key, where)

    def place(self, place: Any, where: str) -> None:
        self.obj(place, where)
        self.text(self.field(place, "name", where), f"{where}.name")
        for key, limit in (("lat", 90), ("lon", 180)):
            if key in place:
                value = place[key]
                if type(value) not in (int, float) or not -limit <= value <= limit:
                    raise Invalid(f"{where}.{key}", f"must be a number from -{limit} to {limit}")
        self.optional_text(place, "country", where)

    # -- scenes --

    def scene(self, scene: Any, where: str, ids: set[str]) -> None:
        self.obj(scene, where)
        scene_id = self.text(self.field(scene, "id", where), f"{where}.id", non_empty=True)
        if scene_id in ids:
            raise Invalid(f"{where}.id", "repeats an earlier scene's id")
        ids.add(scene_id)
        if "chapter" in scene:
            self.index(scene["chapter"], f"{where}.chapter", self.chapters, "a chapter")
        for key in ("title", "place", "date", "era"):
            self.optional_text(scene, key, where)
        for key in ("tags", "sources"):
            if key in scene:
                self.texts(scene[key], f"{where}.{key}")
        for i, media in enumerate(self.array(scene.get("media", []), f"{where}.media")):
            at = f"{where}.media[{i}]"
            self.obj(media, at)
            for key in ("kind", "src"):
                self.text(self.field(media, key, at), f"{at}.{key}")
            for key in ("alt", "caption", "credit"):
                self.optional_text(media, key, at)
        self.effects(scene, where)
        if "text" in scene:
            self.rich(scene["text"], f"{where}.text", 0)
        for i, divert in enumerate(self.array(scene.get("diverts", []), f"{where}.diverts")):
            self.way(divert, f"{where}.diverts[{i}]", True, False)
        for i, choice in enumerate(self.array(scene.get("choices", []), f"{where}.choices")):
            at = f"{where}.choices[{i}]"
            self.obj(choice, at)
            self.text(self.field(choice, "id", at), f"{at}.id", non_empty=True)
            self.rich(self.field(choice, "text", at), f"{at}.text", 0)
            self.way(choice, at, True, True)
        if "chance" in scene:
            self.chance(scene["chance"], f"{where}.chance")
        if "ending" in scene:
            at = f"{where}.ending"
            ending = self.obj(scene["ending"], at)
            kind = self.text(self.field(ending, "kind", at), f"{at}.kind")
            if kind not in self.kinds:
                raise Invalid(f"{at}.kind", "must be one of ending_kinds")
            if "epilogue" in ending:
                self.rich(ending["epilogue"], f"{at}.epilogue", 0)

    def way(self, way: Any, where: str, condition: bool, effects: bool) -> None:
        """A divert, choice or outcome: a target, maybe a condition, maybe effects."""
        self.obj(way, where)
        self.index(self.field(way, "target", where), f"{where}.target", self.scenes, "a scene")
        if condition and "if" in way:
            self.expect(way["if"], f"{where}.if", "bool")
        if effects:
            self.effects(way, where)

    def effects(self, obj: dict[str, Any], where: str) -> None:
        for i, effect in enumerate(self.array(obj.get("effects", []), f"{where}.effects")):
            at = f"{where}.effects[{i}]"
            pair = self.array(effect, at)
            if len(pair) != 2:
                raise Invalid(at, "must be [variable index, expression]")
            var = self.index(pair[0], f"{at}[0]", self.variables, "a variable")
            self.expect(pair[1], f"{at}[1]", self.var_type(var))

    def chance(self, chance: Any, where: str) -> None:
        self.obj(chance, where)
        outcomes = self.array(self.field(chance, "outcomes", where), f"{where}.outcomes", True)
        total = self.integer(self.field(chance, "total", where), f"{where}.total", 1, MAX_TOTAL)
        added = 0
        for i, outcome in enumerate(outcomes):
            at = f"{where}.outcomes[{i}]"
            self.obj(outcome, at)
            added += self.integer(self.field(outcome, "weight", at), f"{at}.weight", 1, MAX_TOTAL)
            if added > total:
                raise Invalid(f"{at}.weight", "makes the weights add up to more than the total")
            self.way(outcome, at, False, True)
        if added != total:
            raise Invalid(f"{where}.total", "must be the sum of the weights")
        if "basis" in chance and chance["basis"] not in BASES:
            raise Invalid(f"{where}.basis", 'must be "record" or "estimate"')
        for key in ("sources", "background"):
            if key in chance:
                self.texts(chance[key], f"{where}.{key}")
        for key in ("note", "assumption"):
            self.optional_text(chance, key, where)

    # -- text --

    def rich(self, text: Any, where: str, depth: int) -> None:
        if isinstance(text, str):
            self.text(text, where)
            return
        if depth == MAX_TEXT_DEPTH:
            raise Invalid(where, f"nests text more than {MAX_TEXT_DEPTH} levels deep")
        for i, part in enumerate(self.array(text, where)):
            at = f"{where}[{i}]"
            if isinstance(part, str):
                self.text(part, at)
                continue
            self.obj(part, at)
            kinds = [key for key in ("expr", "if", "vary") if key in part]
            if len(kinds) != 1:
                raise Invalid(
                    at, "must be text, or one of an interpolation, a conditional or a variation"
                )
            if kinds == ["expr"]:
                self.interpolation(part, at)
            elif kinds == ["if"]:
                self.expect(part["if"], f"{at}.if", "bool")
                self.rich(self.field(part, "then", at), f"{at}.then", depth + 1)
                if "else" in part:
                    self.rich(part["else"], f"{at}.else", depth + 1)
            else:
                self.needs(2, at, "a variation")
                if part["vary"] not in VARIATION_KINDS:
                    raise Invalid(f"{at}.vary", 'must be "once", "seq" or "cycle"')
                parts = self.array(self.field(part, "parts", at), f"{at}.parts", non_empty=True)
                for j, branch in enumerate(parts):
                    self.rich(branch, f"{at}.parts[{j}]", depth + 1)
                self.index(self.field(part, "site", at), f"{at}.site", self.sites, "a site")

    def interpolation(self, part: dict[str, Any], where: str) -> None:
        kind = self.field(part, "type", where)
        if kind not in VARIABLE_TYPES:
            raise Invalid(f"{where}.type", 'must be "int", "bool" or "enum"')
        if kind == "enum":
            values = self.texts(self.field(part, "values", where), f"{where}.values")
            if not values:
                raise Invalid(f"{where}.values", "must not be empty")
            self.expect(part["expr"], f"{where}.expr", f"enum:{len(values)}")
        else:
            self.expect(part["expr"], f"{where}.expr", kind)
        if "format" in part:
            self.needs(2, f"{where}.format", "a number format")
            name = part["format"]
            formats = (self.numbers or {}).get("formats", {})
            if kind != "int" or not isinstance(name, str):
                raise Invalid(f"{where}.format", "only an int is shown in a number format")
            if ("number" if name == "words" else name) not in formats:
                raise Invalid(f"{where}.format", "must be a format in numbers.formats")

    # -- expressions --

    def var_type(self, index: int) -> str:
        variable = self.variables[index]
        if variable["type"] == "enum":
            return f"enum:{len(variable['values'])}"
        return str(variable["type"])

    def expect(self, expr: Any, where: str, want: str) -> None:
        found = self.expression(expr, where, 0)
        if not _fits(found, want, expr):
            raise Invalid(where, f"must be {_describe(want)}, not {_describe(found)}")

    def expression(self, expr: Any, where: str, depth: int) -> str:
        if isinstance(expr, bool):
            return "bool"
        if is_int(expr):
            self.integer(expr, where, -INT_LIMIT, INT_LIMIT)
            return "lit"
        if not isinstance(expr, list) or not expr:
            raise Invalid(where, "must be an expression")
        if depth == MAX_EXPR_DEPTH:
            raise Invalid(where, f"nests more than {MAX_EXPR_DEPTH} levels deep")
        op, args = expr[0], expr[1:]
        if op == "var":
            if len(args) != 1:
                raise Invalid(where, '"var" takes one variable index')
            return self.var_type(self.index(args[0], f"{where}[1]", self.variables, "a variable"))
        if not isinstance(op, str) or (op not in UNARY and op not in BINARY):
            raise Invalid(f"{where}[0]", "is not an operator")
        if op in UNARY:
            if len(args) != 1:
                raise Invalid(where, f'"{op}" takes one operand')
            self.operand(args[0], f"{where}[1]", UNARY[op], depth)
            return UNARY[op]
        operand, result, since = BINARY[op]
        self.needs(since, f"{where}[0]", f'the operator "{op}"')
        if len(args) != 2:
            raise Invalid(where, f'"{op}" takes two operands')
        if operand is not None:
            self.operand(args[0], f"{where}[1]", operand, depth)
            self.operand(args[1], f"{where}[2]", operand, depth)
            return result
        left = self.expression(args[0], f"{where}[1]", depth + 1)
        right = self.expression(args[1], f"{where}[2]", depth + 1)
        if left != right and not ("lit" in (left, right) and {left, right} - {"lit", "bool"}):
            raise Invalid(where, f"compares {_describe(left)} with {_describe(right)}")
        if "lit" in (left, right) and left != right:
            enum, literal = (right, args[0]) if left == "lit" else (left, args[1])
            if not _fits("lit", enum, literal):
                raise Invalid(where, f"compares {_describe(enum)} with a value beyond its list")
        return result

    def operand(self, expr: Any, where: str, want: str, depth: int) -> None:
        found = self.expression(expr, where, depth + 1)
        if not _fits(found, want, expr):
            raise Invalid(where, f"must be {_describe(want)}, not {_describe(found)}")


def _fits(found: str, want: str, expr: Any) -> bool:
    if found == want:
        return True
    if found != "lit":
        return False
    if want == "int":
        return True
    if want.startswith("enum:"):
        return bool(0 <= expr < int(want[5:]))
    return False


def _describe(kind: str) -> str:
    if kind.startswith("enum:"):
        return f"a value of a set of {kind[5:]}"
    return {"int": "an int", "bool": "true or false", "lit": "an integer"}[kind]
