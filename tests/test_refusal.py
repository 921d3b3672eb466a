"""The refusal corpus (tests/refusal): hostile compiled files that both runtimes must refuse
with the same one-line message, in bounded time, with exit status 1 (docs/compiled-format.md,
"Validity"); and generated mutations of valid stories, which both must accept alike (then
play alike) or refuse alike."""

from __future__ import annotations

import copy
import itertools
import json
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from json_schema_subset import Schema

from crossing.cli import cli
from crossing.story import validation
from crossing.story.api import load_any, load_source
from crossing.story.transcript import run_script
from crossing.story.validation import is_int

ROOT = Path(__file__).resolve().parent.parent
REFUSAL = ROOT / "tests" / "refusal"
PLAY = ROOT / "crossing" / "web" / "node" / "play.mjs"
SCHEMA = ROOT / "docs" / "compiled-format.schema.json"
EXPECTED: dict[str, str] = json.loads((REFUSAL / "expected.json").read_text(encoding="utf-8"))
NAMES = itertools.count()  # play.mjs --batch reads each path once: every mutant gets its own
GOLDENS = sorted((ROOT / "tests" / "conformance").glob("*/story.json"))
ANSWER_SECONDS = 20  # one file, read and played to the first decision by Node


class Node:
    """One `play.mjs --batch` process, asked one run at a time; a run that takes longer than
    ANSWER_SECONDS kills it (a hang is a failure, never a stuck test)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(PLAY), "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )

    def ask(self, path: Path) -> dict[str, Any]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(json.dumps({"story": str(path), "seed": 0, "script": ""}) + "\n")
        stdin.flush()
        timer = threading.Timer(ANSWER_SECONDS, self.process.kill)
        timer.start()
        try:
            line = stdout.readline()
        finally:
            timer.cancel()
        assert line, f"play.mjs gave no answer for {path.name} within {ANSWER_SECONDS} s"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        streams: list[IO[str] | None] = [self.process.stdin, self.process.stdout]
        for stream in streams:
            if stream is not None:
                stream.close()
        self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    process = Node()
    yield process
    process.close()


def python_answer(path: Path) -> dict[str, Any]:
    """What the Python runtime makes of a file, as play.mjs --batch answers: the error, or
    the transcript of play up to the first decision."""
    loaded = load_any(path)
    if loaded.problem is not None:
        return {"error": loaded.problem}
    assert loaded.story is not None
    transcript: dict[str, Any] = json.loads(json.dumps(run_script(loaded.story, 0, [])))
    return transcript


# -- the corpus ------------------------------------------------------------------------------


def test_the_corpus_covers_the_rules() -> None:
    files = sorted(p.name for p in REFUSAL.glob("[0-9][0-9]-*.json"))
    assert files == sorted(EXPECTED)
    assert len(files) >= 40
    assert all(m.startswith("the compiled story is not valid: ") for m in EXPECTED.values())


def test_the_corpus_base_is_valid_and_plays_alike(node: Node) -> None:
    """Every refusal is one change to base.json, which both runtimes play the same way."""
    base = REFUSAL / "base.json"
    answer = python_answer(base)
    assert "error" not in answer, answer
    assert node.ask(base) == answer


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_runtimes_refuse_with_the_same_message(node: Node, name: str) -> None:
    path = REFUSAL / name
    expected = f"{path}: {EXPECTED[name]}"
    assert python_answer(path) == {"error": expected}
    assert node.ask(path) == {"error": expected}


@pytest.mark.parametrize(
    "name", ["07-deep-document.json", "16-surrogate-key.json", "71-weights-over-2-32.json"]
)
def test_play_mjs_exits_1_with_one_line(name: str) -> None:
    done = subprocess.run(
        ["node", str(PLAY), str(REFUSAL / name), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"error: {REFUSAL / name}: {EXPECTED[name]}\n"


@pytest.mark.parametrize(
    "command", [["play", "--json"], ["test", "--runs", "2"], ["odds"], ["graph", "-o", "-"]]
)
def test_the_commands_exit_1_for_every_file(command: list[str]) -> None:
    """Never a traceback, never exit 70, never a hang: the >2^32 weights used to hang here."""
    runner = CliRunner()
    for name, message in EXPECTED.items():
        path = REFUSAL / name
        result = runner.invoke(cli, [command[0], str(path), *command[1:]])
        assert result.exit_code == 1, (name, result.output, result.exception)
        assert isinstance(result.exception, SystemExit), (name, repr(result.exception))
        assert result.stderr == f"error: {path}: {message}\n", name


def test_the_cli_docs_example_is_what_play_prints(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = next(line for line in text.splitlines() if line.startswith("error: broken.json: "))
    (tmp_path / "broken.json").write_bytes((REFUSAL / "73-weights-long.json").read_bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["play", "broken.json"])
    assert result.exit_code == 1
    assert result.stderr == shown + "\n"


# -- what is valid, at the edges -------------------------------------------------------------


def base_with(change: Callable[[dict[str, Any]], None], tmp_path: Path, name: str) -> Path:
    data = json.loads((REFUSAL / "base.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_total_of_2_to_the_32_plays_alike(node: Node, tmp_path: Path) -> None:
    """The largest total both runtimes draw from exactly: every roll of the generator is kept."""

    def change(data: dict[str, Any]) -> None:
        chance = data["scenes"][1]["chance"]
        chance["outcomes"][0]["weight"] = 2**32 - 1
        chance["outcomes"][1]["weight"] = 1
        chance["total"] = 2**32
        data["scenes"][0]["diverts"] = [{"target": 1}]

    path = base_with(change, tmp_path, "largest-total.json")
    answer = python_answer(path)
    assert "error" not in answer, answer
    assert any("chance" in step for step in answer["steps"])
    assert node.ask(path) == answer


def test_integral_numbers_read_as_integers_alike(node: Node, tmp_path: Path) -> None:
    """JSON.parse cannot tell 5.0 from 5, so neither runtime does."""

    def change(data: dict[str, Any]) -> None:
        data["variables"][0]["initial"] = 5.0
        data["scenes"][0]["choices"][0]["target"] = 1.0

    path = base_with(change, tmp_path, "integral.json")
    answer = python_answer(path)
    assert "error" not in answer, answer
    assert answer["steps"][0]["vars"]["coins"] == 6
    assert node.ask(path) == answer


def test_a_large_hostile_file_is_refused_in_bounded_time(node: Node, tmp_path: Path) -> None:
    """300,000 sites and the last one repeated: found in linear time by both."""

    def change(data: dict[str, Any]) -> None:
        data["sites"] = [f"s:{i}" for i in range(300_000)] + ["s:7"]

    path = base_with(change, tmp_path, "many-sites.json")
    started = time.monotonic()
    expected = {
        "error": f"{path}: the compiled story is not valid: sites[300000]: repeats an earlier value"
    }
    assert python_answer(path) == expected
    assert node.ask(path) == expected
    assert time.monotonic() - started < ANSWER_SECONDS


VERSION_3 = {
    "effects": [
        [0, ["/", ["var", 0], 2]],
        [0, ["%", ["var", 0], 3]],
        [0, ["min", ["var", 0], ["max", 1, ["var", 0]]]],
    ]
}


@pytest.mark.parametrize(("version", "accepted"), [(3, True), (2, False), (1, False)])
def test_version_3_operators_and_internal_variables(version: int, accepted: bool) -> None:
    """Both validators read the version-3 parts (their evaluation is the runtimes' business)
    and refuse them in an older version."""
    data = json.loads((REFUSAL / "base.json").read_text(encoding="utf-8"))
    data["format_version"] = version
    data["variables"][1]["internal"] = True
    data["scenes"][3].update(VERSION_3)
    if version == 1:
        for key in ("sites", "numbers"):
            del data[key]
        data["scenes"][0]["text"] = "<p>No variations.</p>"
    script = (
        "import { check } from './crossing/web/node/validate.mjs';"
        "let data = '';"
        "for await (const chunk of process.stdin) data += chunk;"
        "try { check(JSON.parse(data)); console.log('ok'); } catch (e) { console.log(e.message); }"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    try:
        validation.check(data)
        python = "ok"
    except validation.Invalid as exc:
        python = str(exc)
    assert done.stdout.strip() == python
    expected = (
        "ok"
        if accepted
        else (
            'the compiled story is not valid: scenes[3].effects[0][1][0]: the operator "/" needs '
            "format version 3 or later"
        )
    )
    assert python == expected


# -- the schema says what the loaders check -----------------------------------------------------

SHAPE = Schema(json.loads(SCHEMA.read_text(encoding="utf-8")))
# The corpus cases that keep the schema's shape and break a rule it cannot say (Validity).
SEMANTIC = {
    "lone-surrogate",
    "surrogate-key",
    "variable-name-repeated",
    "initial-above-high",
    "low-above-high",
    "enum-initial-beyond",
    "start-beyond",
    "scene-id-repeated",
    "scene-chapter-beyond",
    "choice-target-beyond",
    "effect-var-beyond",
    "effect-bool-to-int",
    "enum-assigned-beyond",
    "enum-compared-beyond",
    "enum-shown-beyond",
    "condition-int",
    "compare-bool-int",
    "division-in-version-2",
    "variation-site-beyond",
    "format-unknown",
    "weights-short",
    "weights-long",
    "ending-kind-unlisted",
    "labels-count",
    "operand-type",
}
TOO_DEEP = {"deep-expression", "deep-text"}  # nesting: the schema's own checker would overflow


def test_the_schema_accepts_every_golden_and_the_journey() -> None:
    journey = load_source(ROOT / "content" / "journey").story
    assert journey is not None
    stories = [json.loads(path.read_text(encoding="utf-8")) for path in GOLDENS]
    stories += [journey.to_json(), json.loads((REFUSAL / "base.json").read_text("utf-8"))]
    assert len(stories) > 40
    assert all(SHAPE.valid(story) for story in stories)


def test_the_schema_refuses_every_case_of_shape() -> None:
    """Each corpus file that is JSON: the schema refuses it, unless it breaks only a rule the
    schema cannot say."""
    found = set()
    for name in EXPECTED:
        case = name[3:].removesuffix(".json")
        try:
            data = validation.read((REFUSAL / name).read_bytes())
        except validation.Invalid:
            continue  # not JSON, or too deep to parse: no schema applies
        if case not in TOO_DEEP and SHAPE.valid(data):
            found.add(case)
    assert found == SEMANTIC


def test_the_schema_names_what_the_loaders_read() -> None:
    """No JSON Schema validator is installed (none is added for this), so the schema's claims
    are held against the loaders: the operators, types and versions it lists are theirs, and
    every field it requires is one whose absence both refuse."""
    from crossing.story import validation

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    ops = set(defs["binary"]["prefixItems"][0]["enum"] + defs["binaryV3"]["prefixItems"][0]["enum"])
    assert ops == set(validation.BINARY)
    assert set(defs["unary"]["prefixItems"][0]["enum"]) == set(validation.UNARY)
    assert schema["properties"]["format_version"]["enum"] == list(validation.READABLE_VERSIONS)
    assert defs["variable"]["properties"]["type"]["enum"] == list(validation.VARIABLE_TYPES)
    base = json.loads((REFUSAL / "base.json").read_text(encoding="utf-8"))
    for field in schema["required"][2:]:  # after format and format_version, own messages
        data = {k: v for k, v in base.items() if k != field}
        with pytest.raises(validation.Invalid, match=f": {field}: is missing"):
            validation.check(data)
    assert validation.MAX_TOTAL == defs["weight"]["maximum"] == 2**32


# -- generated mutations of valid stories --------------------------------------------------------

STORIES = [json.loads(p.read_text(encoding="utf-8")) for p in [*GOLDENS, REFUSAL / "base.json"]]


def _deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = ["neg", value]
    return value


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**34), max_value=2**34),
    st.sampled_from([0, 1, -1, 2, 2**31, 2**32, 2**32 + 1, 2**53 + 1, 10**30]),
    st.sampled_from([1.5, 1e30, -0.0, 2.0, float("inf"), float("nan")]),
    st.text(max_size=8),
    st.sampled_from(["\ud800", "a\udfffb", "0", "25", "var", "==", "/", "safety"]),
    st.lists(st.integers(-3, 5), max_size=4),
    st.integers(min_value=150, max_value=450).map(_deep),
    st.dictionaries(st.sampled_from(["if", "then", "expr", "vary", "kind"]), st.integers(0, 3)),
)


@st.composite
def mutants(draw: st.DrawFn) -> Any:
    """A valid story with one value somewhere replaced, or one field dropped."""
    data = copy.deepcopy(draw(st.sampled_from(STORIES)))
    parent: Any = None
    key: Any = None
    node = data
    # Mostly deep: a scene's text, an expression, a chance (the top level is quickly covered).
    while isinstance(node, dict | list) and node and (parent is None or draw(st.integers(0, 9))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, draw(st.sampled_from(keys))
        node = parent[key]
    if parent is None:
        return data
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[key]
    elif is_int(node) and draw(st.booleans()):
        parent[key] = node + draw(st.sampled_from([-2, -1, 1, 2, 2**32]))  # just out of range
    else:
        parent[key] = draw(VALUES)
    return data


@settings(
    max_examples=1000,  # about 3 s: one Node process answers them all
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=mutants())
def test_mutated_stories_are_accepted_or_refused_alike(
    node: Node, tmp_path: Path, data: Any
) -> None:
    path = tmp_path / f"mutant-{next(NAMES)}.json"
    text = json.dumps(data)
    path.write_text(text, encoding="utf-8")
    answer = python_answer(path)
    assert node.ask(path) == answer
    if "error" not in answer and validation.nesting(text) < 60:
        assert SHAPE.valid(json.loads(text)), "the loaders play what the schema refuses"


JSON_PIECES = st.sampled_from(
    [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        '"',
        "\\",
        "u",
        "d800",
        '"a"',
        "1",
        "-0",
        "1e400",
        "01",
        "0.5",
        "true",
        "null",
        "NaN",
        "Infinity",
        " ",
        "\t",
        "\n",
        "\r",
        "\u2028",
        "\ufeff",
        "\x00",
        "\xe9",
        '"format"',
        '"crossing-story"',
    ]
)
FILES = st.one_of(
    st.binary(max_size=40),
    st.lists(JSON_PIECES, max_size=30).map("".join).map(str.encode),
    st.lists(JSON_PIECES, max_size=30).map(lambda p: "".join(p).encode("utf-8", "surrogatepass")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=FILES)
def test_any_bytes_are_read_alike(node: Node, tmp_path: Path, raw: bytes) -> None:
    """The reader (UTF-8, JSON, nesting) before any rule: the same answer for any bytes."""
    path = tmp_path / f"bytes-{next(NAMES)}.json"
    path.write_bytes(raw)
    answer = python_answer(path)
    assert node.ask(path) == answer
