"""Writes the hostile compiled corpus: NN-name.json, each a compiled story that breaks one rule
of docs/compiled-format.md ("Validity"), and expected.json, the message both runtimes must
refuse it with (after "PATH: "). The messages here are the specification, written by hand:
run this after changing a case, never to make a failing test pass.

    python tests/refusal/regenerate.py
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
P = "the compiled story is not valid: "

# A small story that uses every part of the format (it is valid: test_refusal checks).
BASE: dict[str, Any] = {
    "format": "crossing-story",
    "format_version": 2,
    "hash": "0000000000000000",
    "id": "base",
    "title": "Base",
    "version": "1",
    "language": "en",
    "start": 0,
    "ending_kinds": ["safety", "caught"],
    "variables": [
        {"name": "coins", "type": "int", "initial": 5, "low": 0, "high": 50, "label": "Coins"},
        {"name": "umbrella", "type": "bool", "initial": False},
        {"name": "meal", "type": "enum", "initial": 0, "values": ["soup", "fish"]},
    ],
    "chapters": [{"id": "morning", "title": "Morning", "start": 0}],
    "scenes": [
        {
            "id": "gate",
            "chapter": 0,
            "title": "The gate",
            "place": "market",
            "tags": ["market"],
            "media": [{"kind": "image", "src": "gate.jpg", "alt": "A gate"}],
            "effects": [[0, ["+", ["var", 0], 1]]],
            "text": [
                "<p>You have ",
                {"expr": ["var", 0], "type": "int", "format": "number"},
                " coins and ",
                {"expr": ["var", 2], "type": "enum", "values": ["soup", "fish"]},
                ". ",
                {"if": ["var", 1], "then": "Dry.", "else": ["Wet."]},
                {"vary": "cycle", "parts": ["A.", "B."], "site": 0},
                "</p>",
            ],
            "sources": ["timetable"],
            "diverts": [{"target": 2, "if": [">", ["var", 0], 40]}],
            "choices": [
                {
                    "id": "gate/buy",
                    "text": "Buy fish",
                    "target": 1,
                    "if": ["==", ["var", 2], 0],
                    "effects": [[2, 1], [1, ["not", ["var", 1]]]],
                },
                {"id": "gate/go", "text": "Go", "target": 1},
            ],
        },
        {
            "id": "bus",
            "text": "<p>The bus.</p>",
            "chance": {
                "outcomes": [
                    {"weight": 80, "target": 2},
                    {"weight": 20, "target": 3, "effects": [[0, 0]]},
                ],
                "total": 100,
                "basis": "record",
                "sources": ["timetable"],
                "note": "four in five",
            },
        },
        {
            "id": "home",
            "text": "<p>Home.</p>",
            "ending": {"kind": "safety", "epilogue": "<p>Safe.</p>"},
        },
        {"id": "caught", "text": "<p>Caught.</p>", "ending": {"kind": "caught"}},
    ],
    "sources": {"timetable": {"title": "Timetable", "author": "Buses", "confidence": "confirmed"}},
    "places": {"market": {"name": "Market", "lat": 51.5, "lon": -0.12, "country": "GB"}},
    "numbers": {
        "group": ",",
        "sizes": [3, 3],
        "formats": {"number": ["", "", "-", ""]},
    },
    "sites": ["gate:1"],
}

Change = Callable[[dict[str, Any]], Any]


def at(path: str, value: Any) -> Change:
    """Set the value at a dotted path ("scenes.0.choices.1.id"); the value DROP removes it."""

    def change(data: dict[str, Any]) -> Any:
        *parents, last = [int(p) if p.lstrip("-").isdigit() else p for p in path.split(".")]
        target: Any = data
        for key in parents:
            target = target[key]
        if value is DROP:
            del target[last]
        else:
            target[last] = copy.deepcopy(value)
        return data

    return change


DROP = object()
RAW = object()  # the case's value is the file's text, not a change

S0 = "scenes[0]"
CASES: list[tuple[str, Any, str]] = [
    # (name, a change to BASE or raw text, the message after "PATH: ")
    ("not-utf8", b"\xff\xfe{}", "the file: is not UTF-8 text"),
    ("not-json", "{ this is not JSON", "the file: is not JSON"),
    ("empty", "", "the file: is not JSON"),
    ("nan", '{"format": "crossing-story", "x": NaN}', "the file: is not JSON"),
    ("infinity", '{"format": "crossing-story", "x": -Infinity}', "the file: is not JSON"),
    ("bom", "\ufeff{}", "the file: is not JSON"),
    ("deep-document", "[" * 2000 + "]" * 2000, "the file: nests more than 400 levels deep"),
    ("not-an-object", lambda d: [d], "format: this is not a compiled Crossing story"),
    (
        "other-format",
        at("format", "crossing-save"),
        "format: this is not a compiled Crossing story",
    ),
    (
        "version-4",
        at("format_version", 4),
        "format_version: this runtime reads versions 1 to 3; compile the story again",
    ),
    (
        "version-true",
        at("format_version", True),
        "format_version: this runtime reads versions 1 to 3; compile the story again",
    ),
    (
        "version-text",
        at("format_version", "1"),
        "format_version: this runtime reads versions 1 to 3; compile the story again",
    ),
    ("no-id", at("id", DROP), "id: is missing"),
    ("title-object", at("title", {"en": "Base"}), "title: must be text"),
    (
        "lone-surrogate",
        at("title", "Base \ud800"),
        "title: contains a lone surrogate (not Unicode text)",
    ),
    (
        "surrogate-key",
        at("sources.\udc00", {"title": "x", "author": "y", "confidence": "z"}),
        "sources: has a key with a lone surrogate (not Unicode text)",
    ),
    (
        "kinds-repeated",
        at("ending_kinds", ["safety", "safety"]),
        "ending_kinds[1]: repeats an earlier value",
    ),
    (
        "variable-name-repeated",
        at("variables.1.name", "coins"),
        "variables[1].name: repeats an earlier variable's name",
    ),
    (
        "variable-type",
        at("variables.0.type", "float"),
        'variables[0].type: must be "int", "bool" or "enum"',
    ),
    ("initial-text", at("variables.0.initial", "abc"), "variables[0].initial: must be an integer"),
    (
        "initial-fraction",
        at("variables.0.initial", 1.5),
        "variables[0].initial: must be an integer",
    ),
    (
        "initial-huge",
        lambda d: json.dumps(d).replace('"initial": 5', '"initial": 1e+30'),
        "variables[0].initial: must be within the variable's range",
    ),
    (
        "initial-above-high",
        at("variables.0.initial", 51),
        "variables[0].initial: must be within the variable's range",
    ),
    ("low-text", at("variables.0.low", "0"), "variables[0].low: must be an integer"),
    ("low-above-high", at("variables.0.low", 60), "variables[0].high: must not be below low"),
    (
        "bool-initial-number",
        at("variables.1.initial", 0),
        "variables[1].initial: must be true or false",
    ),
    (
        "enum-initial-beyond",
        at("variables.2.initial", 2),
        "variables[2].initial: must be the index of one of its values (from 0 to 1)",
    ),
    (
        "enum-initial-bool",
        at("variables.2.initial", True),
        "variables[2].initial: must be an integer",
    ),
    ("enum-no-values", at("variables.2.values", []), "variables[2].values: must not be empty"),
    (
        "internal-not-bool",
        at("variables.0.internal", 1),
        "variables[0].internal: must be true or false",
    ),
    (
        "sites-in-version-1",
        at("format_version", 1),
        "sites: variations needs format version 2 or later",
    ),
    ("group-size-zero", at("numbers.sizes", [0, 3]), "numbers.sizes[0]: must be from 1 to 100"),
    ("no-scenes", at("scenes", []), "scenes: must not be empty"),
    ("start-true", at("start", True), "start: must be an integer"),
    ("start-text", at("start", "0"), "start: must be an integer"),
    ("start-beyond", at("start", 4), "start: must be the index of a scene (from 0 to 3)"),
    (
        "chapter-start-beyond",
        at("chapters.0.start", -1),
        "chapters[0].start: must be the index of a scene (from 0 to 3)",
    ),
    ("no-places", at("places", DROP), "places: is missing"),
    (
        "place-lat-text",
        at("places.market.lat", "51"),
        'places["market"].lat: must be a number from -90 to 90',
    ),
    (
        "source-no-author",
        at("sources.timetable.author", DROP),
        'sources["timetable"].author: is missing',
    ),
    ("scene-id-repeated", at("scenes.1.id", "gate"), "scenes[1].id: repeats an earlier scene's id"),
    (
        "scene-chapter-beyond",
        at("scenes.0.chapter", 1),
        f"{S0}.chapter: must be the index of a chapter (from 0 to 0)",
    ),
    (
        "text-object",
        at("scenes.2.text", {"html": "<p>Home.</p>"}),
        "scenes[2].text: must be a list",
    ),
    ("text-null", at("scenes.2.text", None), "scenes[2].text: must be a list"),
    ("choice-id-number", at("scenes.0.choices.1.id", 7), f"{S0}.choices[1].id: must be text"),
    (
        "choice-target-text",
        at("scenes.0.choices.1.target", "1"),
        f"{S0}.choices[1].target: must be an integer",
    ),
    (
        "choice-target-beyond",
        at("scenes.0.choices.1.target", 9),
        f"{S0}.choices[1].target: must be the index of a scene (from 0 to 3)",
    ),
    ("choice-no-text", at("scenes.0.choices.1.text", DROP), f"{S0}.choices[1].text: is missing"),
    (
        "effect-too-long",
        at("scenes.0.effects.0", [0, 1, 2]),
        f"{S0}.effects[0]: must be [variable index, expression]",
    ),
    (
        "effect-null",
        at("scenes.0.effects.0", [0, None]),
        f"{S0}.effects[0][1]: must be an expression",
    ),
    (
        "effect-var-beyond",
        at("scenes.0.effects.0", [3, 1]),
        f"{S0}.effects[0][0]: must be the index of a variable (from 0 to 2)",
    ),
    (
        "effect-bool-to-int",
        at("scenes.0.effects.0", [0, True]),
        f"{S0}.effects[0][1]: must be an int, not true or false",
    ),
    (
        "enum-assigned-beyond",
        at("scenes.0.choices.0.effects.0", [2, 2]),
        f"{S0}.choices[0].effects[0][1]: must be a value of a set of 2, not an integer",
    ),
    (
        "enum-compared-beyond",
        at("scenes.0.choices.0.if", ["==", ["var", 2], 5]),
        f"{S0}.choices[0].if: compares a value of a set of 2 with a value beyond its list",
    ),
    (
        "enum-shown-beyond",
        at("scenes.0.text.3.expr", 3),
        f"{S0}.text[3].expr: must be a value of a set of 2, not an integer",
    ),
    (
        "condition-int",
        at("scenes.0.diverts.0.if", ["+", ["var", 0], 1]),
        f"{S0}.diverts[0].if: must be true or false, not an int",
    ),
    (
        "compare-bool-int",
        at("scenes.0.diverts.0.if", ["==", ["var", 1], 1]),
        f"{S0}.diverts[0].if: compares true or false with an integer",
    ),
    (
        "unknown-operator",
        at("scenes.0.diverts.0.if", ["frob", 1, 2]),
        f"{S0}.diverts[0].if[0]: is not an operator",
    ),
    (
        "prototype-operator",
        at("scenes.0.diverts.0.if", ["constructor", 1, 2]),
        f"{S0}.diverts[0].if[0]: is not an operator",
    ),
    (
        "operator-arity",
        at("scenes.0.diverts.0.if", [">", 1]),
        f'{S0}.diverts[0].if: ">" takes two operands',
    ),
    (
        "literal-huge",
        at("scenes.0.effects.0", [0, 2147483648]),
        f"{S0}.effects[0][1]: must be from -2147483647 to 2147483647",
    ),
    (
        "division-in-version-2",
        at("scenes.0.effects.0", [0, ["/", ["var", 0], 2]]),
        f'{S0}.effects[0][1][0]: the operator "/" needs format version 3 or later',
    ),
    (
        "deep-expression",
        lambda d: at("scenes.0.effects.0", [0, _deep(250)])(d),
        f"{S0}.effects[0][1]" + "[1]" * 200 + ": nests more than 200 levels deep",
    ),
    (
        "deep-text",
        lambda d: at("scenes.2.text", _deep_text(120))(d),
        "scenes[2].text" + "[0].then" * 100 + ": nests text more than 100 levels deep",
    ),
    (
        "part-two-kinds",
        at("scenes.0.text.5", {"if": True, "then": "x", "vary": "seq"}),
        f"{S0}.text[5]: must be text, or one of an interpolation, a conditional or a variation",
    ),
    (
        "variation-site-beyond",
        at("scenes.0.text.6.site", 1),
        f"{S0}.text[6].site: must be the index of a site (from 0 to 0)",
    ),
    (
        "variation-kind",
        at("scenes.0.text.6.vary", "shuffle"),
        f'{S0}.text[6].vary: must be "once", "seq" or "cycle"',
    ),
    (
        "format-unknown",
        at("scenes.0.text.1.format", "EUR"),
        f"{S0}.text[1].format: must be a format in numbers.formats",
    ),
    (
        "weight-text",
        at("scenes.1.chance.outcomes.0.weight", "80"),
        "scenes[1].chance.outcomes[0].weight: must be an integer",
    ),
    (
        "weight-zero",
        at("scenes.1.chance.outcomes.0.weight", 0),
        "scenes[1].chance.outcomes[0].weight: must be from 1 to 4294967296",
    ),
    (
        "weights-over-2-32",
        lambda d: at(
            "scenes.1.chance",
            {
                "outcomes": [{"weight": 2**32, "target": 2}, {"weight": 2**32, "target": 3}],
                "total": 2**33,
            },
        )(d),
        "scenes[1].chance.total: must be from 1 to 4294967296",
    ),
    (
        "weights-short",
        at("scenes.1.chance.total", 99),
        "scenes[1].chance.outcomes[1].weight: makes the weights add up to more than the total",
    ),
    (
        "weights-long",
        at("scenes.1.chance.total", 101),
        "scenes[1].chance.total: must be the sum of the weights",
    ),
    (
        "basis-unknown",
        at("scenes.1.chance.basis", "hearsay"),
        'scenes[1].chance.basis: must be "record" or "estimate"',
    ),
    ("ending-no-kind", at("scenes.3.ending", {}), "scenes[3].ending.kind: is missing"),
    (
        "ending-kind-unlisted",
        at("scenes.3.ending.kind", "escaped"),
        "scenes[3].ending.kind: must be one of ending_kinds",
    ),
    ("null-field", at("scenes.0.title", None), f"{S0}.title: must be text"),
    (
        "labels-count",
        at("variables.2.labels", ["Soup"]),
        "variables[2].labels: must have one label for each value",
    ),
    ("group-sizes-count", at("numbers.sizes", [3]), "numbers.sizes: must have two sizes"),
    (
        "affixes-count",
        at("numbers.formats.number", ["", "-"]),
        'numbers.formats["number"]: must have four affixes',
    ),
    (
        "interpolation-type",
        at("scenes.0.text.1.type", "float"),
        f'{S0}.text[1].type: must be "int", "bool" or "enum"',
    ),
    (
        "interpolation-no-values",
        at("scenes.0.text.3.values", []),
        f"{S0}.text[3].values: must not be empty",
    ),
    (
        "format-on-bool",
        at("scenes.0.text.1", {"expr": True, "type": "bool", "format": "number"}),
        f"{S0}.text[1].format: only an int is shown in a number format",
    ),
    (
        "var-arity",
        at("scenes.0.diverts.0.if", ["var", 1, 2]),
        f'{S0}.diverts[0].if: "var" takes one variable index',
    ),
    (
        "unary-arity",
        at("scenes.0.diverts.0.if", ["not", True, False]),
        f'{S0}.diverts[0].if: "not" takes one operand',
    ),
    (
        "operand-type",
        at("scenes.0.diverts.0.if", ["not", 1]),
        f"{S0}.diverts[0].if[1]: must be true or false, not an integer",
    ),
]


def _deep(levels: int) -> Any:
    expr: Any = 1
    for _ in range(levels):
        expr = ["neg", expr]
    return expr


def _deep_text(levels: int) -> Any:
    text: Any = "x"
    for _ in range(levels):
        text = [{"if": True, "then": text}]
    return text


def main() -> None:
    for old in HERE.glob("[0-9][0-9]-*.json"):
        old.unlink()
    expected = {}
    for n, (name, change, message) in enumerate(CASES, 1):
        path = HERE / f"{n:02d}-{name}.json"
        if isinstance(change, bytes):
            path.write_bytes(change)
        elif isinstance(change, str):
            path.write_text(change, encoding="utf-8")
        else:
            result = change(copy.deepcopy(BASE))
            text = result if isinstance(result, str) else json.dumps(result, indent=1)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        expected[path.name] = P + message
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    (HERE / "base.json").write_text(json.dumps(BASE, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
