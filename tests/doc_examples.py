"""Reading the examples of a Markdown document, so that tests can run every one of them.

A fenced block is an example. Its info string says what it is:

- no info string in docs/story-language.md: story source, a whole story or a fragment
  (header lines, chapters and scenes, or lines of a scene), wrapped into a story by
  `wrap_fragment`; it must check without errors;
- `story error=E0NN`: a deliberately wrong fragment: checking it gives that one error;
- `toml`: a sources or places table;
- `json COMMAND`: what COMMAND prints, where `…` stands for anything (see `json_matches`);
- no info string in docs/cli.md: `$ command` lines, each followed by what it prints, or
  bare command lines (usage lines and commands shown without their output);
- `sh`: command lines whose output (shown as `# comments`) needs a site or a database.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ELLIPSIS = "…"
_FENCE = re.compile(
    r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```$", re.S | re.M
)


@dataclass(frozen=True)
class Block:
    document: str
    line: int  # of the opening fence, from 1
    info: str
    body: str  # dedented, ending with a newline

    @property
    def language(self) -> str:
        return self.info.split(" ", 1)[0]

    @property
    def argument(self) -> str:
        parts = self.info.split(" ", 1)
        return parts[1].strip() if len(parts) == 2 else ""

    def __str__(self) -> str:
        return f"{self.document}:{self.line}"


def blocks(root: Path, document: str) -> list[Block]:
    text = (root / document).read_text(encoding="utf-8")
    return [
        Block(
            document,
            text.count("\n", 0, match.start()) + 1,
            match.group("info").strip(),
            textwrap.dedent(match.group("body")),
        )
        for match in _FENCE.finditer(text)
    ]


# -- story fragments ---------------------------------------------------------------------------

# Variables the fragments use without declaring them.
FRAGMENT_VARIABLES = {
    "coins": "int = 20",
    "health": "0..3 = 3",
    "has_papers": "bool = false",
    "season": "{summer, winter} = summer",
    "bribes": "int = 0",
    "with_child": "bool = false",
    "debt": "int = 0",
    "risk": "int = 0",
    "days": "int = 1",
}
_HEADER_LINE = re.compile(r"^(?:[a-z_]+:|var\b)")
_DECLARED = re.compile(r"^var\s+([A-Za-z_]\w*)", re.M)


def fragment_kind(body: str) -> str:
    """'story' (whole), 'header', 'scenes' (from a heading) or 'lines' (inside a scene)."""
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith("//")]
    first = lines[0] if lines else ""
    if body.startswith("title:") and "\n## " in body:
        return "story"
    if first.startswith("#"):
        return "scenes"
    if _HEADER_LINE.match(first) and not re.match(r"^(chance|epilogue):", first):
        return "header"
    return "lines"


def wrap_fragment(body: str) -> str:
    """A story around a fragment; what it names and does not define, `stub` adds."""
    kind = fragment_kind(body)
    if kind == "story":
        return body
    if kind == "header":
        title = "" if re.search(r"^title:", body, re.M) else "title: Example\n"
        kinds = re.search(r"^endings:\s*([a-z_]+)", body, re.M)
        return f"{title}{body}\n## fragment_end\nending: {kinds[1] if kinds else 'safety'}\n"
    declared = set(_DECLARED.findall(body))
    variables = "".join(
        f"var {name}: {spec}\n" for name, spec in FRAGMENT_VARIABLES.items() if name not in declared
    )
    header = f"title: Example\nsources: sources.toml\nplaces: places.toml\n{variables}\n"
    return header + (body if kind == "scenes" else f"## fragment\n{body}")


# What the story names but a fragment does not define, by the diagnostic that says so.
_UNKNOWN_SCENE = re.compile(r"^unknown (?:start )?scene '([^']+)'$")
_UNKNOWN_PLACE = re.compile(r"^unknown place '([^']+)'$")
_UNKNOWN_SOURCE = re.compile(r"^unknown source '([^']+)'$")
_MISSING_FILE = re.compile(r"^(?:included file|sources file|places file) '([^']+)' not found$")


def stub(folder: Path, main: Path, messages: list[str]) -> bool:
    """Define what the messages say is missing; False when there was nothing to add."""
    added = False
    for message in dict.fromkeys(messages):  # each once, in order
        if found := _UNKNOWN_SCENE.match(message):
            with main.open("a", encoding="utf-8") as file:
                file.write(f"\n## {found.group(1)}\nending: safety\n")
        elif found := _UNKNOWN_PLACE.match(message):
            with (folder / "places.toml").open("a", encoding="utf-8") as file:
                file.write(f'\n["{found.group(1)}"]\nname = "P"\nlat = 1.0\nlon = 2.0\n')
        elif found := _UNKNOWN_SOURCE.match(message):
            with (folder / "sources.toml").open("a", encoding="utf-8") as file:
                file.write(
                    f'\n["{found.group(1)}"]\ntitle = "T"\nauthor = "A"\nconfidence = "confirmed"\n'
                )
        elif found := _MISSING_FILE.match(message):
            path = folder / found.group(1)
            path.parent.mkdir(parents=True, exist_ok=True)
            scene = re.sub(r"\W", "_", path.stem)
            path.write_text("" if path.suffix == ".toml" else f"## {scene}\nending: safety\n")
        else:
            continue
        added = True
    return added


# -- JSON with `…` -------------------------------------------------------------------------------


def parse_shown_json(text: str) -> Any:
    """JSON as the docs show it, `…` standing for a value, more items or more members."""
    text = text.replace("{…}", '"…"').replace("[…]", '"…"')
    text = re.sub(r"\{…,\s*", '{"…": "…", ', text)
    text = re.sub(r"^(\s*)…(,?)\s*$", r'\1"…",', text, flags=re.M)  # an item: more items
    text = re.sub(r",\s*…\s*(?=[,}])", ', "…": "…"', text)  # a member: more members
    text = re.sub(r",(\s*)\]", r"\1]", text)  # no comma after the last item
    return json.loads(text)


def text_matches(shown: str, actual: str) -> bool:
    """`shown` with each `…` standing for any text."""
    pattern = ".*?".join(re.escape(part) for part in shown.split(ELLIPSIS))
    return re.fullmatch(pattern, actual, re.S) is not None


def json_matches(shown: Any, actual: Any) -> str | None:
    """None when `actual` is what `shown` shows; else where they differ."""
    if shown == ELLIPSIS:
        return None
    if isinstance(shown, str) and ELLIPSIS in shown and isinstance(actual, str):
        return None if text_matches(shown, actual) else f"{actual!r} is not {shown!r}"
    if isinstance(shown, dict) and isinstance(actual, dict):
        more = shown.get(ELLIPSIS) == ELLIPSIS
        keys = [key for key in shown if key != ELLIPSIS]
        if not more and set(keys) != set(actual):
            return f"members {sorted(actual)}, shown {sorted(keys)}"
        for key in keys:
            if key not in actual:
                return f"no member {key!r}"
            if (problem := json_matches(shown[key], actual[key])) is not None:
                return f"{key}: {problem}"
        return None
    if isinstance(shown, list) and isinstance(actual, list):
        return None if _items_match(shown, actual) else f"{actual!r} is not {shown!r}"
    if shown == actual and type(shown) is type(actual):
        return None
    return f"{actual!r} is not {shown!r}"


def _items_match(shown: list[Any], actual: list[Any]) -> bool:
    """Items in order, each `…` standing for any number of items."""
    if not shown:
        return not actual
    if shown[0] == ELLIPSIS:
        return any(_items_match(shown[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return (
        bool(actual)
        and json_matches(shown[0], actual[0]) is None
        and _items_match(shown[1:], actual[1:])
    )
