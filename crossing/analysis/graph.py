"""The story map: a compiled story as a Graphviz graph (DOT text), and DOT rendered to SVG.

One node per scene, labelled with its title and id; the start scene has a bold border and
says "start"; endings are filled with a colour per ending kind (a legend lists the kinds
used). Edges: choices solid (dashed, with "if …", when conditional), diverts dotted, chance
outcomes in blue with their probability. Scenes of a chapter are boxed together.

Everything the story's author wrote (titles, choice texts, chapter titles, ending kinds) is
escaped for Graphviz, so no text can change the graph or inject markup into the SVG. The
same story always gives byte-identical DOT.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from crossing.story.compiled import (
    Chance,
    CompiledStory,
    Conditional,
    Interpolation,
    Scene,
    Text,
    Variable,
    Variation,
)

FONT = "sans-serif"  # the viewer's own sans-serif font: the SVG loads no font files
LABEL_WIDTH = 28  # edge labels longer than this are cut, with an ellipsis
TITLE_WIDTH = 24  # node titles wrap at this many characters...
TITLE_LINES = 3  # ...over at most this many lines

# Okabe & Ito's colour-blind-safe palette, for the default ending kinds. Blue is kept for
# chance edges.
ENDING_COLOURS = {
    "safety": "#009E73",  # bluish green
    "caught": "#D55E00",  # vermillion
    "died": "#000000",  # black
    "stranded": "#E69F00",  # orange
    "hiding": "#56B4E9",  # sky blue
    "returned": "#F0E442",  # yellow
}
CHANCE_COLOUR = "#0072B2"  # Okabe-Ito blue
# Paul Tol's "muted" palette, for other ending kinds, in the order the story declares them.
EXTRA_COLOURS = (
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)
CHOICE_COLOUR = "#333333"
DIVERT_COLOUR = "#666666"
ID_COLOUR = "#555555"

_CITATION = re.compile(r'<sup class="cite">.*?</sup>', re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


class GraphvizError(Exception):
    """Graphviz could not render the graph."""


class GraphvizMissing(GraphvizError):
    """Graphviz's `dot` program is not installed (or cannot be run)."""


class GraphvizFailed(GraphvizError):
    """`dot` ran but failed."""


@dataclass(frozen=True, slots=True)
class Edge:
    """One arrow of the map: from scene index to scene index."""

    source: int
    target: int
    kind: str  # "choice", "divert" or "chance"
    label: str  # plain text: the (shortened) choice text, "if …" or a percentage
    tooltip: str  # plain text
    conditional: bool = False


# -- text ------------------------------------------------------------------------------


def plain_text(text: Text, variables: Sequence[Variable] = ()) -> str:
    """Compiled text as one line of plain text: tags and citations dropped, entities
    decoded, `{name}` for a variable shown, `{if …: a | b}` for conditional text."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", _html_of(text, variables)))).strip()


def _html_of(text: Text, variables: Sequence[Variable]) -> str:
    if isinstance(text, str):
        return _CITATION.sub("", text)
    parts: list[str] = []
    for part in text:
        if isinstance(part, str):
            parts.append(_CITATION.sub("", part))
        elif isinstance(part, Interpolation):
            shown = _expr_name(part.expr, variables) + (f" as {part.format}" if part.format else "")
            parts.append(html.escape("{" + shown + "}"))
        elif isinstance(part, Variation):
            inner = " | ".join(_html_of(t, variables) for t in part.parts)
            parts.append("{" + part.kind + ": " + inner + "}")
        elif isinstance(part, Conditional):
            inner = _html_of(part.then, variables)
            if part.otherwise is not None:
                inner += " | " + _html_of(part.otherwise, variables)
            parts.append("{if …: " + inner + "}")
    return "".join(parts)


def _expr_name(expr: object, variables: Sequence[Variable]) -> str:
    if (
        isinstance(expr, list)
        and len(expr) == 2
        and expr[0] == "var"
        and isinstance(expr[1], int)
        and 0 <= expr[1] < len(variables)
    ):
        return variables[expr[1]].name
    return "…"


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """`text` cut to at most `width` characters, ending with an ellipsis if it was cut."""
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def percent(weight: int, total: int) -> str:
    """A probability as a percentage: whole when exact ("80%"), else to one decimal
    ("33.3%"); never "0.0%" or "100.0%" for an outcome that may or may not happen."""
    share = Fraction(weight * 100, total)
    if share.denominator == 1:
        return f"{share.numerator}%"
    tenths = int(share * 10 + Fraction(1, 2))  # rounded half up
    if tenths == 0:
        return "<0.1%"
    if tenths == 1000:
        return ">99.9%"
    return f"{tenths // 10}.{tenths % 10}%"


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Words of `text` over at most `lines` lines of about `width` characters."""
    result: list[str] = []
    current = ""
    for word in text.split():
        word = shorten(word, width)
        if current and len(current) + 1 + len(word) > width:
            result.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    result.append(current)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: width - 1].rstrip() + "…"
    return result


# -- DOT quoting -----------------------------------------------------------------------


def _quote(text: str, passes: int = 1) -> str:
    """A DOT double-quoted string that shows `text` literally. Graphviz reads backslash
    escapes in it (\\N is the node's name, \\l a line break) once, or twice for
    tooltips: each backslash is doubled once per pass."""
    text = _SPACE.sub(" ", text).replace("\\", "\\" * 2**passes)
    return '"' + text.replace('"', '\\"') + '"'


class _Html(str):
    """The inside of a DOT HTML-like label, already escaped and marked up."""

    __slots__ = ()


def _h(text: str) -> _Html:
    """Plain text, escaped for inside a DOT HTML-like label (where Graphviz still reads
    backslash escapes)."""
    return _Html(html.escape(text, quote=True).replace("\\", "\\\\"))


TOOLTIPS = frozenset({"tooltip", "labeltooltip"})


def _attrs(**values: str) -> str:
    """DOT attributes: an _Html value becomes an HTML-like label <…>, any other a quoted
    string, so user text is never read as markup."""
    items = []
    for key, value in values.items():
        if isinstance(value, _Html):
            items.append(f"{key}=<{value}>")
        else:
            items.append(f"{key}={_quote(value, 2 if key in TOOLTIPS else 1)}")
    return "[" + ", ".join(items) + "]"


# -- colours ---------------------------------------------------------------------------


def ending_colours(story: CompiledStory) -> dict[str, str]:
    """Fill colour per ending kind the story declares: fixed for the default kinds, the
    extra palette in declaration order for others."""
    colours: dict[str, str] = {}
    extra = 0
    for kind in story.ending_kinds:
        if kind in ENDING_COLOURS:
            colours[kind] = ENDING_COLOURS[kind]
        else:
            colours[kind] = EXTRA_COLOURS[extra % len(EXTRA_COLOURS)]
            extra += 1
    return colours


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill` (WCAG relative luminance)."""
    return "#000000" if _luminance(fill) > 0.179 else "#FFFFFF"


# -- the graph -------------------------------------------------------------------------


def story_edges(story: CompiledStory) -> list[Edge]:
    """Every arrow of the map, scene by scene in story order: diverts, choices, chance."""
    edges: list[Edge] = []
    for index, scene in enumerate(story.scenes):
        for divert in scene.diverts:
            conditional = divert.condition is not None
            edges.append(
                Edge(
                    index,
                    divert.target,
                    "divert",
                    "if …" if conditional else "",
                    "divert" + (" (if a condition holds)" if conditional else ""),
                    conditional,
                )
            )
        for choice in scene.choices:
            text = plain_text(choice.text, story.variables)
            conditional = choice.condition is not None
            edges.append(
                Edge(
                    index,
                    choice.target,
                    "choice",
                    shorten(text) + (" (if …)" if conditional else ""),
                    text + (" (if a condition holds)" if conditional else ""),
                    conditional,
                )
            )
        if scene.chance is not None:
            edges += _chance_edges(index, scene.chance)
    return edges


def _chance_edges(index: int, chance: Chance) -> list[Edge]:
    edges: list[Edge] = []
    for outcome in chance.outcomes:
        share = percent(outcome.weight, chance.total)
        tooltip = f"chance: {share} ({outcome.weight} in {chance.total})"
        edges.append(Edge(index, outcome.target, "chance", share, tooltip))
    return edges


def _node_name(scene: Scene) -> str:
    return _quote(scene.id)


def _scene_node(story: CompiledStory, index: int, colours: dict[str, str]) -> str:
    scene = story.scenes[index]
    attrs: dict[str, str] = {"id": f"scene-{scene.id}"}
    lines: list[str] = []
    id_colour = ID_COLOUR
    if index == story.start:
        lines.append('<font point-size="10"><b>start</b></font>')
        attrs["penwidth"] = "3"
    title = scene.title.strip() if scene.title else ""
    lines += [_h(line) for line in _wrap(title or scene.id, TITLE_WIDTH, TITLE_LINES)]
    small = scene.id if title and title != scene.id else ""
    tooltip = f"{scene.id}: {title}" if small else scene.id
    if scene.ending is not None:
        fill = colours.get(scene.ending.kind, EXTRA_COLOURS[0])
        attrs["fillcolor"] = fill
        attrs["fontcolor"] = id_colour = text_colour(fill)
        small = f"{small} · {scene.ending.kind}" if small else scene.ending.kind
        tooltip += f" (ending: {scene.ending.kind})"
    if small:
        lines.append(f'<font point-size="10" color="{id_colour}">{_h(small)}</font>')
    attrs["tooltip"] = tooltip
    label = _Html("<br/>".join(lines))
    return f"{_node_name(scene)} {_attrs(label=label, **attrs)};"


def _edge_line(story: CompiledStory, edge: Edge) -> str:
    attrs: dict[str, str] = {}
    if edge.label:
        attrs["label"] = _h(edge.label)
    attrs["tooltip"] = edge.tooltip
    if edge.label:
        attrs["labeltooltip"] = edge.tooltip
    if edge.kind == "divert":
        attrs.update(style="dotted", color=DIVERT_COLOUR, fontcolor=DIVERT_COLOUR)
    elif edge.kind == "chance":
        attrs.update(color=CHANCE_COLOUR, fontcolor=CHANCE_COLOUR, penwidth="1.5")
    elif edge.conditional:
        attrs["style"] = "dashed"
    source, target = story.scenes[edge.source], story.scenes[edge.target]
    return f"{_node_name(source)} -> {_node_name(target)} {_attrs(**attrs)};"


def _legend(story: CompiledStory, colours: dict[str, str]) -> list[str]:
    used = {scene.ending.kind for scene in story.scenes if scene.ending is not None}
    lines = [
        "subgraph cluster_legend {",
        '  label="Legend"; tooltip="Legend"; labelloc=b; style="rounded"; color="#BBBBBB";',
        "  fontsize=12;",
        '  node [shape=point, width=0.06, height=0.06, color="#333333", fontsize=10];',
    ]
    samples = [
        ("choice", {}),
        ("choice (if …)", {"style": "dashed"}),
        ("divert", {"style": "dotted", "color": DIVERT_COLOUR, "fontcolor": DIVERT_COLOUR}),
        ("chance 80%", {"color": CHANCE_COLOUR, "fontcolor": CHANCE_COLOUR, "penwidth": "1.5"}),
    ]
    # The sample edges drawn across to their names, in one row; the ending kinds below.
    row: list[str] = []
    for number, (label, style) in enumerate(samples):
        tail, head = _quote(f"legend:edge:{number}:a"), _quote(f"legend:edge:{number}:b")
        if row:  # flat edges keep their ends left to right: one sample after another
            lines.append(f"  {row[-1]} -> {tail} [style=invis];")
        row += [tail, head]
        colour = style.get("fontcolor", CHOICE_COLOUR)
        attrs = {"shape": "plaintext", "width": "0", "margin": "0.04,0", "fontcolor": colour}
        lines.append(f"  {head} {_attrs(label=_h(label), **attrs)};")
        lines.append(f"  {tail} -> {head} {_attrs(**style)};")
    lines.append(f"  {{ rank=same; {'; '.join(row)}; }}")
    kinds: list[str] = []
    for number, kind in enumerate(k for k in story.ending_kinds if k in used):
        fill = colours[kind]
        attrs = {
            "label": _h(kind),
            "fontsize": "12",
            "shape": "box",
            "style": "rounded,filled",
            "width": "0",
            "height": "0",
            "fillcolor": fill,
            "fontcolor": text_colour(fill),
            "tooltip": f"ending: {kind}",
        }
        name = _quote(f"legend:ending:{number}")
        lines.append(f"  {name} {_attrs(**attrs)};")
        kinds.append(name)
    if kinds:  # a row below the samples, in the story's order
        lines.append(f"  {row[0]} -> {kinds[0]} [style=invis];")
    if len(kinds) > 1:
        lines.append(f"  {{ rank=same; {' -> '.join(kinds)} [style=invis]; }}")
    lines.append("}")
    return lines


def story_dot(story: CompiledStory) -> str:
    """The story's map as DOT text (deterministic: the same story gives the same bytes)."""
    colours = ending_colours(story)
    out = [
        f"digraph {_quote(story.id)} {{",
        f"  graph {_attrs(label=_h(story.title), tooltip=story.title)};",
        "  graph [rankdir=TB, newrank=true, nodesep=0.25, ranksep=0.45, labelloc=t,",
        f'         fontname="{FONT}", fontsize=16, pad=0.2, outputorder=edgesfirst];',
        f'  node [shape=box, style="rounded,filled", fillcolor="#FFFFFF", color="#333333",'
        f' fontname="{FONT}", fontsize=12, margin="0.12,0.05", height=0.3];',
        f'  edge [fontname="{FONT}", fontsize=10, arrowsize=0.7, color="{CHOICE_COLOUR}",'
        f' fontcolor="{CHOICE_COLOUR}"];',
    ]
    out += ["  " + line for line in _legend(story, colours)]
    for number, chapter in enumerate(story.chapters):
        out.append(f"  subgraph cluster_{number} {{")
        title = _attrs(label=_h(chapter.title), id=f"chapter-{chapter.id}", tooltip=chapter.title)
        out.append(f"    graph {title};")
        out.append(
            '    graph [style="rounded,filled", fillcolor="#F4F4F4", color="#BBBBBB",'
            " fontsize=14, labeljust=l];"
        )
        for index, scene in enumerate(story.scenes):
            if scene.chapter == number:
                out.append("    " + _scene_node(story, index, colours))
        out.append("  }")
    for index, scene in enumerate(story.scenes):
        if scene.chapter is None:
            out.append("  " + _scene_node(story, index, colours))
    out += ["  " + _edge_line(story, edge) for edge in story_edges(story)]
    out.append("}")
    return "\n".join(out) + "\n"


# -- rendering -------------------------------------------------------------------------

_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*")


def render_svg(dot_text: str, dot: str = "dot", timeout: float = 300) -> str:
    """Render DOT text to SVG with Graphviz's `dot` (the program named `dot`, looked up on
    PATH unless it is a path). The SVG's DOCTYPE is dropped: it names a W3C address that
    some XML tools would fetch, and browsers do not need it."""
    try:
        result = subprocess.run(
            [dot, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GraphvizMissing(f"Graphviz's `{dot}` program was not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise GraphvizFailed(f"`{dot}` took more than {timeout:g} seconds") from exc
    except OSError as exc:
        raise GraphvizMissing(f"Graphviz's `{dot}` program cannot be run: {exc}") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GraphvizFailed(f"`{dot}` failed (exit {result.returncode}): {message}")
    return _DOCTYPE.sub("", result.stdout.decode("utf-8"), count=1)
