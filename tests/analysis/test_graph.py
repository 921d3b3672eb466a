"""The story map (`crossing graph`): DOT content, escaping, determinism, SVG rendering,
the command, and readability for a 150-scene story."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crossing.analysis.graph import (
    CHANCE_COLOUR,
    ENDING_COLOURS,
    EXTRA_COLOURS,
    GraphvizFailed,
    GraphvizMissing,
    percent,
    plain_text,
    render_svg,
    shorten,
    story_dot,
    story_edges,
)
from crossing.cli import cli
from crossing.story import CompiledStory, load_source
from crossing.story.compiled import from_json

Compile = Callable[..., CompiledStory]
Write = Callable[[str, "str | bytes"], Path]

ROOT = Path(__file__).resolve().parent.parent.parent
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

ROADS = """
title: Two Roads
endings: safety, caught, hiding, lost
var money: int = 3

## start
title: At the river
* Wade across -> bank
* Pay the ferryman -> ferry if money > 2
  ~ money -= 3

# The river {#river}

## ferry
chance:
  assumption: a made-up number
  80% -> bank
  20% -> caught

## bank
-> lost if money < 1
-> three

# The city

## three
title: Three doors
chance:
  assumption: one in three
  1 -> safe
  1 -> caught
  1 -> lost

## safe
ending: safety
title: Safe

## caught
ending: caught

## lost
ending: lost
"""


def edge_lines(dot: str, source: str, target: str) -> list[str]:
    return [
        line for line in dot.splitlines() if line.strip().startswith(f'"{source}" -> "{target}" ')
    ]


def node_line(dot: str, scene: str) -> str:
    (line,) = [line for line in dot.splitlines() if line.strip().startswith(f'"{scene}" [')]
    return line


def block(dot: str, opening: str) -> str:
    """The lines of a subgraph, from its opening line to its closing brace."""
    lines = dot.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == opening)
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next(i for i in range(start + 1, len(lines)) if lines[i] == " " * indent + "}")
    return "\n".join(lines[start : end + 1])


def svg_texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def svg_tooltips(svg: str) -> list[str]:
    return [a.get(f"{XLINK}title", "") for a in ET.fromstring(svg).iter(f"{SVG}a")]


# -- text helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "total", "shown"),
    [
        (80, 100, "80%"),
        (20, 100, "20%"),
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),
        (1, 8, "12.5%"),
        (1, 2, "50%"),
        (125, 1000, "12.5%"),
        (3, 4, "75%"),
        (1, 10000, "<0.1%"),
        (9999, 10000, ">99.9%"),
        (1, 1, "100%"),
    ],
)
def test_percent(weight: int, total: int, shown: str) -> None:
    assert percent(weight, total) == shown


def test_shorten() -> None:
    assert shorten("Walk along the river") == "Walk along the river"
    cut = shorten("Leave it; it never rains before noon")
    assert cut == "Leave it; it never rains be…"
    assert len(cut) == 28


def test_plain_text_drops_tags_and_citations_and_decodes_entities(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        sources: sources.toml
        var coins: int = 2

        ## start
        * *Run* & **hide** <now>[^s] -> start
        * Pay {coins} coins -> start
        * Go {if coins > 1: by *bus* | on foot} -> start
        * {seq: Ask | Ask again} for {coins as USD} -> start
        """,
        {"sources.toml": '[s]\ntitle = "S"\nauthor = "A"\nconfidence = "confirmed"\n'},
    )
    texts = [plain_text(choice.text, story.variables) for choice in story.scenes[0].choices]
    assert texts == [
        "Run & hide <now>",
        "Pay {coins} coins",
        "Go {if …: by bus | on foot}",
        "{seq: Ask | Ask again} for {coins as USD}",
    ]


# -- the DOT ---------------------------------------------------------------------------


@pytest.fixture
def roads(compile_story: Compile) -> CompiledStory:
    return compile_story(ROADS)


def test_every_scene_is_a_node_with_its_title_and_id(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    for scene in roads.scenes:
        assert f'id="scene-{scene.id}"' in node_line(dot, scene.id)
    assert "At the river<br/>" in node_line(dot, "start")
    assert ">three<" in node_line(dot, "three")  # the id, in small text, under the title
    assert "Three doors" in node_line(dot, "three")
    assert node_line(dot, "bank").split("[", 1)[1].startswith("label=<bank>")


def test_the_start_scene_is_marked(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    assert 'penwidth="3"' in node_line(dot, "start")
    assert "<b>start</b>" in node_line(dot, "start")
    assert "penwidth" not in node_line(dot, "bank")


def test_chance_edges_show_percentages_in_their_colour(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    (to_bank,) = edge_lines(dot, "ferry", "bank")
    (to_caught,) = edge_lines(dot, "ferry", "caught")
    assert "label=<80%>" in to_bank
    assert "label=<20%>" in to_caught
    assert 'tooltip="chance: 80% (80 in 100)"' in to_bank
    for target in ("safe", "caught", "lost"):
        (line,) = edge_lines(dot, "three", target)
        assert "label=<33.3%>" in line
        assert f'color="{CHANCE_COLOUR}"' in line


def test_choices_and_diverts_have_their_styles(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    (wade,) = edge_lines(dot, "start", "bank")
    assert "label=<Wade across>" in wade
    assert "style=" not in wade
    (ferry,) = edge_lines(dot, "start", "ferry")
    assert "label=<Pay the ferryman (if …)>" in ferry
    assert 'style="dashed"' in ferry
    (conditional,) = edge_lines(dot, "bank", "lost")
    assert "label=<if …>" in conditional
    assert 'style="dotted"' in conditional
    (otherwise,) = edge_lines(dot, "bank", "three")
    assert 'style="dotted"' in otherwise
    assert "label=" not in otherwise
    assert len(story_edges(roads)) == 2 + 2 + 2 + 3


def test_long_choice_texts_are_cut_with_the_whole_text_in_the_tooltip(
    compile_story: Compile,
) -> None:
    story = compile_story(
        """
        title: T

        ## start
        * Leave it; it never rains before noon -> start
        """
    )
    (line,) = edge_lines(story_dot(story), "start", "start")
    assert "label=<Leave it; it never rains be…>" in line
    assert 'tooltip="Leave it; it never rains before noon"' in line


def test_endings_are_filled_by_kind_and_the_legend_lists_the_kinds_used(
    roads: CompiledStory,
) -> None:
    dot = story_dot(roads)
    assert f'fillcolor="{ENDING_COLOURS["safety"]}"' in node_line(dot, "safe")
    assert f'fillcolor="{ENDING_COLOURS["caught"]}"' in node_line(dot, "caught")
    # "lost" is the story's own kind: the first colour of the extra palette.
    assert f'fillcolor="{EXTRA_COLOURS[0]}"' in node_line(dot, "lost")
    assert "fillcolor" not in node_line(dot, "bank").replace('fillcolor="#FFFFFF"', "")
    legend = block(dot, "subgraph cluster_legend {")
    kinds = re.findall(r'"legend:ending:\d+" \[label=<([^>]*)>', legend)
    assert kinds == ["safety", "caught", "lost"]  # declared order; "hiding" is not used
    assert f'fillcolor="{EXTRA_COLOURS[0]}"' in legend
    for name in ("choice", "choice (if …)", "divert", "chance 80%"):
        assert f"label=<{name}>" in legend


def test_default_kind_colours_are_distinct_and_kept_for_custom_kinds() -> None:
    colours = [*ENDING_COLOURS.values(), CHANCE_COLOUR]
    assert len(set(colours)) == len(colours)
    assert not set(EXTRA_COLOURS) & set(colours)


def test_scenes_are_grouped_by_chapter(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    river = block(dot, "subgraph cluster_0 {")
    city = block(dot, "subgraph cluster_1 {")
    assert "label=<The river>" in river
    assert "label=<The city>" in city
    assert [n for n in ("ferry", "bank", "three", "safe") if f'"{n}" [' in river] == [
        "ferry",
        "bank",
    ]
    assert all(f'"{n}" [' in city for n in ("three", "safe", "caught", "lost"))
    # The scene before the first chapter is in no cluster.
    assert '"start" [' not in river + city
    assert node_line(dot, "start").startswith('  "start" [')
    assert "cluster_2" not in dot


def test_dot_is_deterministic(compile_story: Compile, roads: CompiledStory) -> None:
    first = story_dot(roads)
    assert story_dot(compile_story(ROADS)) == first
    assert story_dot(from_json(roads.to_json())) == first


def test_readability_settings(roads: CompiledStory) -> None:
    dot = story_dot(roads)
    assert "rankdir=TB" in dot
    assert "newrank=true" in dot
    assert 'fontname="sans-serif"' in dot
    sizes = [float(s) for s in re.findall(r'(?:fontsize|point-size)="?([0-9.]+)', dot)]
    assert sizes
    assert min(sizes) >= 10


ESCAPES = """
title: A "story" & <friends> \\N
endings: safety

# Chapter "one" <&> \\G {#one}

## start
title: Say "hi" & <b>bye</b> \\N
* Say "no"]; evil [label="x" & <i>go</i> \\l -> end

## end
ending: safety
"""


def test_user_text_is_escaped_in_dot(compile_story: Compile) -> None:
    story = compile_story(ESCAPES)
    dot = story_dot(story)
    assert "<br/>Say &quot;hi&quot; &amp; &lt;b&gt;bye&lt;/b&gt; \\\\N<br/>" in dot
    assert "label=<Chapter &quot;one&quot; &lt;&amp;&gt; \\\\G>" in dot
    (choice,) = edge_lines(dot, "start", "end")
    assert "label=<Say &quot;no&quot;]; evil [label=&quot;x&quot;…>" in choice
    assert 'tooltip="Say \\"no\\"]; evil [label=\\"x\\" & <i>go</i> \\\\\\\\l"' in choice
    # Outside quoted strings (tooltips), the author's markup never appears as markup.
    unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)
    assert "<b>bye" not in unquoted
    assert "<i>go" not in unquoted
    assert "evil" not in unquoted.replace("evil [label=&quot;", "")


def test_user_text_shows_literally_in_the_svg(compile_story: Compile) -> None:
    story = compile_story(ESCAPES)
    svg = render_svg(story_dot(story))
    root = ET.fromstring(svg)  # well-formed XML
    texts = svg_texts(svg)
    assert 'A "story" & <friends> \\N' in texts
    assert 'Chapter "one" <&> \\G' in texts
    assert 'Say "hi" & <b>bye</b> \\N' in texts
    assert 'Say "no"]; evil [label="x"…' in texts
    tooltips = svg_tooltips(svg)
    assert 'Say "no"]; evil [label="x" & <i>go</i> \\l' in tooltips
    assert 'start: Say "hi" & <b>bye</b> \\N' in tooltips
    # No node was injected, and no markup got through.
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert "evil" not in titles
    assert not [e for e in root.iter() if e.tag in (f"{SVG}b", f"{SVG}i", "b", "i")]


# -- rendering -------------------------------------------------------------------------


def test_render_svg_makes_no_third_party_requests(roads: CompiledStory) -> None:
    svg = render_svg(story_dot(roads))
    assert svg.lstrip().startswith("<?xml")
    assert "<!DOCTYPE" not in svg
    urls = set(re.findall(r"(?:https?:)?//[^\s\"'<>)]+", svg))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "@import" not in svg
    assert "<image" not in svg
    assert "href" not in svg


def test_render_svg_without_dot(tmp_path: Path) -> None:
    with pytest.raises(GraphvizMissing, match="not found"):
        render_svg("digraph { a -> b }", dot=str(tmp_path / "no-such-dot"))


def test_render_svg_reports_what_dot_says() -> None:
    with pytest.raises(GraphvizFailed, match="syntax error"):
        render_svg("digraph { a -> }")


# -- the command -----------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def roads_file(write: Write) -> Path:
    return write("roads.story", ROADS)


def test_cli_writes_dot(roads_file: Path, roads: CompiledStory) -> None:
    result = run("graph", str(roads_file), "-o", "map.dot")
    assert result.exit_code == 0, result.output
    assert Path("map.dot").read_text(encoding="utf-8") == story_dot(roads)
    assert result.stderr.strip() == "wrote map.dot (7 scenes, 9 edges)"
    assert result.stdout == ""


def test_cli_writes_dot_to_standard_output(roads_file: Path, roads: CompiledStory) -> None:
    result = run("graph", str(roads_file), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == story_dot(roads)


def test_cli_writes_svg(roads_file: Path) -> None:
    result = run("graph", str(roads_file), "-o", "map.svg")
    assert result.exit_code == 0, result.output
    svg = Path("map.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert "Three doors" in svg_texts(svg)
    assert result.stderr.strip() == "wrote map.svg (7 scenes, 9 edges)"


@pytest.mark.parametrize("name", ["map.png", "map", "map.svg.txt"])
def test_cli_rejects_other_formats(roads_file: Path, name: str) -> None:
    result = run("graph", str(roads_file), "-o", name)
    assert result.exit_code == 2
    assert "should end in .svg or .dot" in result.stderr
    assert not Path(name).exists()


def test_cli_without_dot_says_what_to_install(
    roads_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("graph", str(roads_file), "-o", "map.svg")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: writing SVG needs Graphviz's `dot` (Debian: apt-get install graphviz); "
        "or write map.dot"
    )
    assert not Path("map.svg").exists()
    assert run("graph", str(roads_file), "-o", "map.dot").exit_code == 0


def test_cli_on_a_story_with_errors(write: Write) -> None:
    write("bad.story", "title: T\n\n## start\n* Go -> nowhere\n")
    result = run("graph", "bad.story", "-o", "map.dot")
    assert result.exit_code == 1
    assert "unknown scene 'nowhere'" in result.stderr
    assert not Path("map.dot").exists()


def test_cli_on_the_example(story_dir: Path) -> None:
    result = run("graph", str(ROOT / "examples" / "market-day"), "-o", "market-day.dot")
    assert result.exit_code == 0
    story = load_source(ROOT / "examples" / "market-day").story
    assert story is not None
    dot = Path("market-day.dot").read_text(encoding="utf-8")
    assert dot.count('id="scene-') == len(story.scenes)


# -- a 150-scene story -----------------------------------------------------------------


@pytest.fixture(scope="module")
def big_svg(tmp_path_factory: pytest.TempPathFactory) -> tuple[CompiledStory, str]:
    folder = tmp_path_factory.mktemp("g150")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "150", str(folder)],
        check=True,
        capture_output=True,
    )
    story = load_source(folder).story
    assert story is not None
    return story, render_svg(story_dot(story))


def points(value: str) -> float:
    assert value.endswith("pt"), value
    return float(value[:-2])


def test_a_150_scene_story_stays_readable(big_svg: tuple[CompiledStory, str]) -> None:
    story, svg = big_svg
    assert len(story.scenes) == 150
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    scenes = [g.get("id", "") for g in nodes if g.get("id", "").startswith("scene-")]
    assert sorted(scenes) == sorted(f"scene-{scene.id}" for scene in story.scenes)
    assert len(story.chapters) == 6
    assert len([g for g in root.iter(f"{SVG}g") if g.get("class") == "cluster"]) == 6 + 1
    # Not a ribbon: the page is at most 12 times taller than wide (or wider than tall),
    # and at most about two screens wide.
    width, height = points(root.get("width", "")), points(root.get("height", ""))
    assert 1 / 12 <= width / height <= 12, (width, height)
    assert width <= 3000
    # Shown at its natural size: nothing is scaled down, and no text is below 10pt.
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    scale = re.match(r"scale\(([0-9.]+) ([0-9.]+)\)", graph.get("transform", ""))
    assert scale is not None
    assert float(scale.group(1)) >= 1
    assert float(scale.group(2)) >= 1
    sizes = [float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")]
    assert len(sizes) > 150
    assert min(sizes) >= 10
    assert {t.get("font-family") for t in root.iter(f"{SVG}text")} == {"sans-serif"}
