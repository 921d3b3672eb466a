"""The browser runtime (crossing/web/static/crossing/player.js) plays as the Python engine does.

Run through Node (crossing/web/node/play.mjs), it must give: the golden transcript of every
case of the conformance corpus; the Python engine's transcript for random seeds and scripts
(guided playthroughs, and hypothesis's token soup) on every corpus story and on
examples/market-day; the Python engine's steps, messages and errors when restoring saves into
older or newer versions of a story. The Node command must also fail cleanly.

Node plays many runs per process (`--batch`), so the whole file takes a few seconds. Node is
required: without it these tests fail (CI installs it, see .ci/run).
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_conformance import CORPUS, FOLDERS, read_cases, reading_locale

from crossing.cli import cli
from crossing.story import runtime
from crossing.story.api import load_source
from crossing.story.compiled import CompiledFormatError, CompiledStory, from_json
from crossing.story.runtime import AWAITING, Program, Session, StoryLoopError
from crossing.story.saves import SaveError, restore, save
from crossing.story.transcript import run_script

ROOT = Path(__file__).resolve().parents[2]
PLAYER = ROOT / "crossing" / "web" / "static" / "crossing" / "player.js"
PLAY = ROOT / "crossing" / "web" / "node" / "play.mjs"
STORY_DIRS = [*FOLDERS, ROOT / "examples" / "market-day"]
NAMES = [p.name for p in STORY_DIRS]
MIN_NODE = 18
GUIDED_RUNS = 150  # random playthroughs per story, checked against Python in one Node process
LOOPING_RUNS = 3  # of which at most this many may end in the 10,000-step loop error (slow)


@functools.cache
def node() -> str:
    """The node executable; the tests fail (not skip) without a recent enough one."""
    path = shutil.which("node")
    if path is None:
        pytest.fail(
            "Node.js is not installed: the browser runtime's tests need `node` "
            f"(version {MIN_NODE} or later; Debian: apt-get install nodejs)",
            pytrace=False,
        )
    version = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)
    major = int(re.sub(r"^v(\d+).*", r"\1", version.stdout.strip()))
    if major < MIN_NODE:
        pytest.fail(f"Node.js {version.stdout.strip()} is too old: need {MIN_NODE}+", pytrace=False)
    return path


@dataclass(frozen=True)
class Compiled:
    story: CompiledStory
    program: Program
    path: Path  # the compiled JSON, as `crossing compile` writes it


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Compiled]:
    """Every story compiled as tests/test_conformance.py does, and written as JSON."""
    folder = tmp_path_factory.mktemp("compiled")
    result = {}
    for story_dir in STORY_DIRS:
        loaded = load_source(story_dir, locale=reading_locale(story_dir))
        assert loaded.story is not None, [str(d) for d in loaded.errors]
        path = folder / f"{story_dir.name}.json"
        path.write_text(json.dumps(loaded.story.to_json(), ensure_ascii=False), encoding="utf-8")
        result[story_dir.name] = Compiled(loaded.story, Program(loaded.story), path)
    return result


def python_transcript(story: Compiled, seed: int, script: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        json.dumps(run_script(story.story, seed, script, story.program))
    )
    return data


Run = tuple[Path, int, list[str]]  # a compiled story, a seed and a script


def batch(runs: list[Run]) -> list[dict[str, Any]]:
    """The Node runtime's transcripts for many runs, from one `play.mjs --batch` process."""
    lines = "".join(
        json.dumps({"story": str(path), "seed": seed, "script": ",".join(script)}) + "\n"
        for path, seed, script in runs
    )
    done = subprocess.run(
        [node(), str(PLAY), "--batch"],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(runs)
    return answers


def first_difference(expected: Any, found: Any, where: str = "") -> str:
    """Where two JSON values first differ, for a readable failure."""
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in [*expected, *(k for k in found if k not in expected)]:
            if expected.get(key, "<missing>") != found.get(key, "<missing>"):
                return first_difference(
                    expected.get(key, "<missing>"), found.get(key, "<missing>"), f"{where}.{key}"
                )
    elif isinstance(expected, list) and isinstance(found, list):
        for index, (a, b) in enumerate(zip(expected, found, strict=False)):
            if a != b:
                return first_difference(a, b, f"{where}[{index}]")
        if len(expected) != len(found):
            return f"{where}: {len(expected)} items in Python, {len(found)} in JavaScript"
    return f"{where}: Python {expected!r}\n{' ' * len(where)}  JavaScript {found!r}"


# -- (a) the conformance corpus --------------------------------------------------------------

CASES = [
    pytest.param(folder.name, case["name"], id=f"{folder.name}/{case['name']}")
    for folder in FOLDERS
    for case in read_cases(folder)
]


@pytest.fixture(scope="module")
def corpus_runs(compiled: dict[str, Compiled]) -> dict[tuple[str, str], tuple[Any, Any]]:
    """(folder, case name) -> (golden transcript, the Node runtime's transcript)."""
    cases = [(folder.name, case) for folder in FOLDERS for case in read_cases(folder)]
    answers = batch([(compiled[name].path, case["seed"], case["script"]) for name, case in cases])
    return {
        (name, case["name"]): (case["transcript"], answer)
        for (name, case), answer in zip(cases, answers, strict=True)
    }


def test_corpus_is_all_here() -> None:
    assert len(FOLDERS) >= 30
    assert len(CASES) >= 2 * len(FOLDERS)


@pytest.mark.parametrize(("folder", "case"), CASES)
def test_golden_transcript(
    corpus_runs: dict[tuple[str, str], tuple[Any, Any]], folder: str, case: str
) -> None:
    golden, found = corpus_runs[folder, case]
    assert found == golden, first_difference(golden, found)


def test_rng_vectors() -> None:
    """tests/conformance/rng.json: states, outputs and draws, bit for bit."""
    vectors = json.loads((CORPUS / "rng.json").read_text(encoding="utf-8"))["vectors"]
    found = run_js(
        """
        const out = input.map(({ seed, outputs, draws }) => {
          const state = engine.seedState(seed), s = state.slice();
          return {
            seed, state, outputs: outputs.map(() => engine.nextU32(s)),
            draws: draws.map(({ total, rolls }) => {
              let current = state, roll;
              return { total, rolls: rolls.map(() => ([roll, current] = engine.draw(current, total), roll)) };
            }),
          };
        });
        """,
        vectors,
    )
    assert found == vectors


# -- (b) random seeds and scripts against the Python engine ----------------------------------


def guided_script(story: Compiled, seed: int, rng: random.Random) -> tuple[list[str], bool]:
    """A script that mostly takes offered choices, with undo, save and now and then a choice
    that is not offered; and whether it runs into the 10,000-step loop error."""
    script: list[str] = []
    try:
        session, _ = Session.begin(story.program, seed)
        for _ in range(rng.randint(0, 30)):
            roll = rng.random()
            if roll < 0.1:
                script.append("u")
                session.undo()
            elif roll < 0.18:
                script.append("s")
                session, _, _ = restore(story.program, json.loads(json.dumps(save(session))))
            elif session.status == AWAITING and roll < 0.97:
                position = rng.randrange(len(session.offered))
                script.append(str(position + 1))
                session.choose(position)
            else:  # a number that may not be offered (an error), and the end of the script
                script.append(str(rng.randint(1, 4)))
                break
    except StoryLoopError:
        return script, True
    return script, False


@dataclass(frozen=True)
class Guided:
    """One guided run, played by both runtimes."""

    run: Run
    end: str  # how the Python engine's transcript ends (its end's status)
    difference: str | None  # where the two transcripts differ, None when they are equal


def node_lines(runs: list[Run]) -> Iterator[str]:
    """The Node runtime's transcripts for many runs, as the lines `play.mjs --batch` prints,
    one at a time as they come: the runs go in from a thread while the caller reads."""
    process = subprocess.Popen(
        [node(), str(PLAY), "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    stdin, stdout, stderr = process.stdin, process.stdout, process.stderr
    assert stdin is not None and stdout is not None and stderr is not None

    def send() -> None:
        try:
            with stdin:
                for path, seed, script in runs:
                    line = {"story": str(path), "seed": seed, "script": ",".join(script)}
                    stdin.write(json.dumps(line) + "\n")
        except BrokenPipeError:
            pass  # it stopped: its status and standard error say why

    with ThreadPoolExecutor(max_workers=1) as pool:
        sent = pool.submit(send)
        try:
            for _ in runs:
                line = stdout.readline()
                if not line:
                    break
                yield line
        except GeneratorExit:  # the caller stopped reading (it failed): stop Node too
            process.kill()
            process.wait(timeout=120)
            raise
        sent.result()
    with stdout, stderr:
        rest, errors = stdout.read(), stderr.read()
    assert process.wait(timeout=120) == 0, errors
    assert not rest, "more answers than runs"


def compare(story: Compiled, run: Run, javascript: str) -> Guided:
    """The Python engine's transcript against a line of `play.mjs --batch`, as JSON values.
    Both print a transcript as `crossing play --json` does (json.dumps with ensure_ascii
    off), so the same text is the same value and most runs need no parsing; different text
    is parsed and compared as values."""
    _, seed, script = run
    transcript = run_script(story.story, seed, script, story.program)
    text = json.dumps(transcript, ensure_ascii=False)
    difference = None
    if text != javascript.rstrip("\n"):
        python = json.loads(text)
        found = json.loads(javascript)
        if found != python:
            difference = first_difference(python, found)
    return Guided(run, transcript["end"]["status"], difference)


@pytest.fixture(scope="module")
def guided_runs(compiled: dict[str, Compiled]) -> dict[str, list[Guided]]:
    """story -> each seeded random playthrough, played by both runtimes and compared."""
    runs: list[tuple[str, Run]] = []
    with pytest.MonkeyPatch.context() as patch:
        # Only to find scripts that loop forever sooner: the transcripts use the real limit.
        patch.setattr(runtime, "MAX_AUTOMATIC_STEPS", 200)
        for name in NAMES:
            rng = random.Random(f"guided {name}")
            count = loops = 0
            while count < GUIDED_RUNS:
                seed = rng.choice([0, 1, 2**32 - 1, rng.randrange(2**32)])
                script, loops_forever = guided_script(compiled[name], seed, rng)
                if loops_forever and loops >= LOOPING_RUNS:
                    continue
                loops += loops_forever
                count += 1
                runs.append((name, (compiled[name].path, seed, script)))
    # A story, seed and script drawn again (short stories give few distinct scripts) plays
    # the same in both runtimes: each distinct run is played and compared once.
    distinct = list({(name, run[1], tuple(run[2])): (name, run) for name, run in runs}.values())
    # Node plays ahead while Python plays: each pair is compared as it comes, and dropped.
    answers = node_lines([run for _, run in distinct])
    played = {
        (name, run[1], tuple(run[2])): compare(compiled[name], run, found)
        for (name, run), found in zip(distinct, answers, strict=True)
    }
    result: dict[str, list[Guided]] = {name: [] for name in NAMES}
    for name, run in runs:
        result[name].append(played[(name, run[1], tuple(run[2]))])
    return result


@pytest.mark.parametrize("name", NAMES)
def test_random_playthroughs(guided_runs: dict[str, list[Guided]], name: str) -> None:
    for guided in guided_runs[name]:
        _, seed, script = guided.run
        assert guided.difference is None, (
            f"seed {seed}, script {','.join(script)}: {guided.difference}"
        )
    ends = {guided.end for guided in guided_runs[name]}
    assert ends - {"error"}, "some runs should play on to their end"


class NodePlayer:
    """A `play.mjs --batch` process that answers one run at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [node(), str(PLAY), "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def play(self, path: Path, seed: int, script: list[str]) -> Any:
        stdin, stdout = self.pipes()
        stdin.write(json.dumps({"story": str(path), "seed": seed, "script": script}) + "\n")
        stdin.flush()
        return json.loads(stdout.readline())

    def pipes(self) -> tuple[IO[str], IO[str]]:
        assert self.process.stdin is not None and self.process.stdout is not None
        return self.process.stdin, self.process.stdout

    def close(self) -> None:
        stdin, _ = self.pipes()
        stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def node_player() -> Iterator[NodePlayer]:
    player = NodePlayer()
    yield player
    player.close()


TOKENS = st.one_of(
    st.sampled_from(["1", "1", "2", "2", "3", "u", "s"]),
    st.integers(1, 12).map(str),
)


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(NAMES),
    seed=st.integers(0, 2**32 - 1),
    script=st.lists(TOKENS, max_size=25),
)
def test_any_seed_and_tokens(
    compiled: dict[str, Compiled],
    node_player: NodePlayer,
    name: str,
    seed: int,
    script: list[str],
) -> None:
    python = python_transcript(compiled[name], seed, script)
    javascript = node_player.play(compiled[name].path, seed, script)
    assert javascript == python, first_difference(python, javascript)


# Digits of other scripts, superscripts, fullwidth forms and spaces only Python calls spaces:
# both runtimes read ASCII digits, 'u', 's' and ASCII spaces only (issue 19).
SCRIPT_TEXT = st.text(
    alphabet=st.sampled_from(list("0123,, uUsSl\t\x1c\u00a0²٢２\u0663\U0001d7d9İ")), max_size=12
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SCRIPT_TEXT, seed=st.integers(0, 2**32 - 1))
def test_script_text_is_read_alike(
    compiled: dict[str, Compiled], node_player: NodePlayer, text: str, seed: int
) -> None:
    from crossing.story.transcript import ScriptError, parse_script

    story = compiled["01-hello"]
    try:
        python: Any = python_transcript(story, seed, parse_script(text))
    except ScriptError as exc:
        python = {"error": str(exc)}
    stdin, stdout = node_player.pipes()
    stdin.write(json.dumps({"story": str(story.path), "seed": seed, "script": text}) + "\n")
    stdin.flush()
    assert json.loads(stdout.readline()) == python


@pytest.mark.parametrize("token", ["²", "٢", "２", "1,\U0001d7d9"])
def test_non_ascii_digits_are_refused_alike(compiled: dict[str, Compiled], token: str) -> None:
    good = str(compiled["01-hello"].path)
    bad = token.split(",")[-1]
    message = f"'{bad}' is not a choice number (from 1, in ASCII digits), 'u' (undo) or 's' (save)"
    done = subprocess.run(
        [node(), str(PLAY), good, "--json", "--script", token], capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (2, f"error: --script: {message}\n")
    result = CliRunner().invoke(cli, ["play", good, "--json", "--script", token])
    assert result.exit_code == 2
    assert f"Invalid value for --script: {message}" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


LOOP_SOURCE = """
title: Two Doors
var n = 0
var limit = {limit}

## hall
* Go through the doors -> door_a

## door_a
~ n += 1
Door A, {{n}}.
-> door_b if n < limit
-> garden

## door_b
Door B.
-> door_a

## garden
Out after {{n}}.
* Stay -> garden
"""


@pytest.mark.parametrize("limit", [4999, 5000, 5001])
def test_the_automatic_step_limit(tmp_path: Path, limit: int) -> None:
    """Scenes without a decision in between: 10,000 are allowed, one more is an error."""
    (tmp_path / "main.story").write_text(LOOP_SOURCE.format(limit=limit), encoding="utf-8")
    loaded = load_source(tmp_path / "main.story")
    assert loaded.story is not None
    path = tmp_path / "story.json"
    path.write_text(json.dumps(loaded.story.to_json()), encoding="utf-8")
    story = Compiled(loaded.story, Program(loaded.story), path)
    python = python_transcript(story, 0, ["1"])
    [javascript] = batch([(path, 0, ["1"])])
    assert javascript == python, first_difference(python, javascript)
    # 2 * limit scenes follow the choice: door A and door B, and at last the garden
    assert python["end"]["status"] == ("error" if limit > 5000 else "awaiting_choice")


def test_command_prints_what_crossing_play_prints(compiled: dict[str, Compiled]) -> None:
    """Byte for byte, with --json (one line) and without (indented)."""
    path = str(compiled["market-day"].path)
    for seed, script in ((4, "1,1,s,u,1"), (0, ""), (77, "2,1,3,u,u,u,u,s,2,2,1"), (3, "1,9")):
        for flags in (["--json"], []):
            args = [path, "--seed", str(seed), "--script", script, *flags]
            python = CliRunner().invoke(cli, ["play", *args])
            javascript = subprocess.run(
                [node(), str(PLAY), *args], capture_output=True, text=True, encoding="utf-8"
            )
            assert javascript.stdout == python.stdout
            assert javascript.returncode == python.exit_code


@pytest.mark.parametrize(
    "options",
    [["--script", "1,l"], ["--script", "0"], ["--script", "x"], ["--seed", "-1"], ["--seed", "2"]],
)
def test_command_refuses_what_crossing_play_refuses(
    compiled: dict[str, Compiled], options: list[str]
) -> None:
    """A script has no `l` (load) in either command: both stop with status 2 (usage)."""
    args = [str(compiled["market-day"].path), "--json", *options]
    python = CliRunner().invoke(cli, ["play", *args])
    javascript = subprocess.run([node(), str(PLAY), *args], capture_output=True, text=True)
    assert javascript.returncode == python.exit_code
    assert javascript.stdout == python.stdout


# -- saves into another version of a story ---------------------------------------------------


def version_source(version: int, **changes: str) -> str:
    """The story "Old Road", with parts replaced by `changes` (a blank part removes it)."""
    parts = {
        "header": f"title: Old Road\nid: old-road\nversion: {version}",
        "coins": "var coins: 0..10 = 5",
        "lamp": "var lamp: bool = false",
        "weather": "var weather: {sun, rain, fog} = sun",
        "steps": "var steps = 0",
        "new": "",
        "morning": "# Morning {#morning}",
        "gate": """
            ## gate
            ~ coins += 1
            At the gate with {coins} coins.
            * Walk on -> road
            * Light the lamp -> road
              ~ lamp = true
            * Wait {#wait} -> gate
              ~ steps += 1
            """,
        "road": """
            ## road
            ~ steps += 1
            The road in {weather}{if lamp: , by lamplight}.
            * To the bridge -> bridge
              ~ weather = fog
            * Back -> gate
            """,
        "evening": "# Evening {#evening}",
        "ferry": "",
        "bridge": """
            ## bridge
            ~ coins += 2
            The bridge. {coins} coins, {steps} steps.
            chance:
              assumption: the planks hold most of the time
              3 -> far
              1 -> road
                ~ coins -= 1
            """,
        "far": """
            ## far
            ending: safety
            Across with {coins} coins.
            """,
    }
    parts.update(changes)
    return "\n\n".join(textwrap.dedent(part).strip() for part in parts.values() if part.strip())


VERSIONS = {
    "same": {},
    "newer": {"header": "title: Old Road\nid: old-road\nversion: 2"},
    "bridge-gone": {
        "bridge": "",
        "ferry": "## ferry\n~ coins -= 3\nA ferry, {coins} coins.\n* Board -> far",
        "road": "## road\nThe road.\n* On -> ferry\n* Back -> gate",
    },
    "evening-gone": {
        "evening": "",
        "bridge": "",
        "road": "## road\nThe road.\n* On -> far",
    },
    "road-gone": {
        "road": "",
        "gate": "## gate\nThe gate.\n* On -> bridge\n* Wait {#wait} -> gate",
        "bridge": "## bridge\n~ coins += 2\nThe bridge.\n* Cross -> far",
    },
    "variables-changed": {
        "coins": "var coins: 0..4 = 2",
        "gate": "## gate\n~ coins += 1\nAt the gate.\n* Walk on -> road\n* Wait {#wait} -> gate",
        "bridge": "## bridge\n~ coins += 2\nThe bridge.\n* Cross -> far",
        "lamp": "",
        "weather": "var weather: {sun, rain} = rain",
        "steps": "var steps: bool = true",
        "new": "var tea: {green, black} = black",
        "road": "## road\nThe road in {weather}, {steps}, {tea}.\n* To the bridge -> bridge",
    },
    "other-story": {"header": "title: New Road\nid: new-road"},
}


@pytest.fixture(scope="module")
def road_versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Each version of "Old Road", compiled to JSON."""
    result = {}
    for name, changes in VERSIONS.items():
        folder = tmp_path_factory.mktemp(name)
        (folder / "main.story").write_text(version_source(1, **changes), encoding="utf-8")
        loaded = load_source(folder / "main.story")
        assert loaded.story is not None, [f"{d.code} {d.message}" for d in loaded.errors]
        result[name] = loaded.story.to_json()
    return result


def road_saves(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Saves of the first version of "Old Road", at every scene and with some history."""
    program = Program(from_json(story))
    saves = []
    for seed in range(6):
        for script in ([], [1], [2], [1, 1], [2, 1, 1], [3, 1, 1], [1, 2, 1, 1]):
            session, _ = Session.begin(program, seed)
            for position in script:
                if session.status == AWAITING and position <= len(session.offered):
                    session.choose(position - 1)
            saves.append(save(session))
    return saves


def damaged(saves: list[dict[str, Any]], rng: random.Random) -> list[Any]:
    """Saves edited as a reader, a bug or a disk might edit them."""
    junk: list[Any] = [None, 0, -1, 11, 2**31, 2**40, "", "fog", "gate", "nowhere", [], {}, True]
    results: list[Any] = [None, [], "a save", {"format": "crossing-save"}]
    for original in saves:
        for _ in range(4):
            data = json.loads(json.dumps(original))
            target = (
                data["position"]
                if rng.random() < 0.7 or not data["history"]
                else rng.choice(data["history"])
            )
            edit = rng.randrange(9)
            if edit == 0:
                target["scene"] = rng.choice(["bridge", "far", "ferry", "nowhere", None, 3])
            elif edit == 1:
                target["chapter"] = rng.choice(["morning", "evening", "night", None, 7])
            elif edit == 2:
                target["vars"][rng.choice(["coins", "lamp", "weather", "steps", "tea", "old"])] = (
                    rng.choice(junk)
                )
            elif edit == 3:
                target["vars"] = rng.choice([None, [], "vars", {}])
            elif edit == 4:
                target["rng"] = rng.choice(
                    [None, [0, 0, 0, 0], [1, 2, 3], [1, 2, 3, -4], [1, 2, 3, 2**32], "rng"]
                )
            elif edit == 5:
                data["history"] = rng.choice(
                    [None, {}, "history", [None, 1], [*data["history"], "old"]]
                )
            elif edit == 6:
                del data[rng.choice(["history", "position", "story_version"])]
            elif edit == 7:
                data[rng.choice(["format", "format_version", "story"])] = rng.choice(
                    ["x", 2, None, "1"]
                )
            else:
                del target[rng.choice(["scene", "chapter", "vars", "rng"])]
            results.append(data)
    return results


def python_restore(story: dict[str, Any], data: Any) -> dict[str, Any]:
    program = Program(from_json(story))
    try:
        session, steps, messages = restore(program, data)
    except SaveError as exc:
        return {"error": f"SaveError: {exc}"}
    result = {
        "steps": [step.to_json() for step in steps],
        "messages": messages,
        "status": session.status,
        "save": save(session),
    }
    as_json: dict[str, Any] = json.loads(json.dumps(result))
    return as_json


RESTORE_JS = """
const stories = Object.fromEntries(Object.entries(input.stories).map(([k, v]) => [k, engine.load(v)]));
const out = input.cases.map(([version, data]) => {
  try {
    const [session, steps, messages] = engine.restore(stories[version], data);
    return { steps, messages, status: session.status, save: engine.save(session) };
  } catch (e) {
    return { error: `${e.constructor.name}: ${e.message}` };
  }
});
"""


def test_restoring_into_other_versions(road_versions: dict[str, dict[str, Any]]) -> None:
    """Every save, intact or damaged, into every version: the same steps, messages, errors."""
    rng = random.Random(20)
    saves = road_saves(road_versions["same"])
    cases = [(version, data) for data in saves + damaged(saves, rng) for version in VERSIONS]
    found = run_js(RESTORE_JS, {"stories": road_versions, "cases": cases})
    messages: set[str] = set()
    for (version, data), javascript in zip(cases, found, strict=True):
        python = python_restore(road_versions[version], data)
        assert javascript == python, (
            f"{version}, {json.dumps(data)}: {first_difference(python, javascript)}"
        )
        messages.update(python.get("messages", [python.get("error")]))
    # The cases reach every message and error the Python engine has.
    patterns = [
        "no longer in the story; continuing from the start of the chapter",
        "no longer in the story; starting again from the beginning",
        "no longer fits its range",
        "has changed; it starts again",
        "is new in this version",
        "is no longer in the story and was dropped",
        "random state was damaged",
        "undo goes back less far",
        "SaveError: this is not a Crossing save",
        "SaveError: save format version",
        "SaveError: this save belongs to the story",
        "SaveError: the save is damaged: it has no position",
        "SaveError: the save is damaged: its history is not a list",
    ]
    for pattern in patterns:
        assert any(pattern in m for m in messages if m), pattern


def test_load_refuses_what_python_refuses() -> None:
    """Format and version: the same messages as crossing.story.compiled.from_json."""
    good = load_source(FOLDERS[0]).story
    assert good is not None
    story = good.to_json()
    cases: list[Any] = [
        None,
        [],
        "story",
        {},
        {**story, "format": "crossing-save"},
        {**story, "format_version": 4},
        {**story, "format_version": "1"},
        {**story, "format_version": True},
        {k: v for k, v in story.items() if k != "format_version"},
    ]
    found = run_js(
        """
        const out = input.map((data) => { try { engine.load(data); return null; } catch (e) { return e.message; } });
        """,
        cases,
    )
    for data, message in zip(cases, found, strict=True):
        with pytest.raises(CompiledFormatError) as exc:
            from_json(data)
        assert message == str(exc.value)


# -- (c) the command's errors ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory, compiled: dict[str, Compiled]) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    story = json.loads(compiled["01-hello"].path.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(story))
    broken["scenes"][0]["choices"] = [{"id": "x/y", "text": "Go", "target": 99}]
    files = {
        "not-json.json": "{ this is not JSON",
        "empty.json": "",
        "save.json": json.dumps({"format": "crossing-save", "format_version": 1}),
        "version-4.json": json.dumps({**story, "format_version": 4}),
        "target-out-of-range.json": json.dumps(broken),
        "no-scenes.json": json.dumps({k: v for k, v in story.items() if k != "scenes"}),
        "binary.json": "\x00\x01\x02",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "folder.json").mkdir()
    return folder


ERRORS = [
    # (arguments, exit status, what standard error says); {bad} and {good} are paths
    ([], 2, "usage"),
    (["{bad}/missing.json", "--json"], 2, "does not exist"),
    (
        ["{bad}/not-json.json", "--json"],
        1,
        "the compiled story is not valid: the file: is not JSON",
    ),
    (["{bad}/empty.json", "--json"], 1, "the compiled story is not valid: the file: is not JSON"),
    (["{bad}/binary.json", "--json"], 1, "the compiled story is not valid: the file: is not JSON"),
    (["{bad}/folder.json", "--json"], 1, "it is a folder"),
    (["{bad}/save.json", "--json"], 1, "not a compiled Crossing story"),
    (["{bad}/version-4.json", "--json"], 1, "format_version: this runtime reads versions 1 to 3"),
    (["{bad}/target-out-of-range.json", "--json"], 1, "scenes[0].choices[0].target: must be"),
    (["{bad}/no-scenes.json", "--json"], 1, "the compiled story is not valid: scenes: is missing"),
    (["{good}", "--json", "--script", "1,l"], 2, "'l' is not a choice number"),
    (["{good}", "--json", "--script", "0"], 2, "'0' is not a choice number"),
    (["{good}", "--json", "--seed", "-1"], 2, "--seed"),
    (["{good}", "--json", "--seed", "4294967296"], 2, "--seed"),
    (["{good}", "--json", "--seed", "seven"], 2, "--seed"),
    (["{good}", "--json", "--seed"], 2, "--seed needs a value"),
    (["{good}", "--json", "--colour"], 2, "unexpected argument '--colour'"),
    (["{good}", "{good}", "--json"], 2, "unexpected argument"),
    (["{good}"], 2, "--script or --json"),
]


@pytest.mark.parametrize(("args", "status", "message"), ERRORS, ids=lambda v: str(v)[:40])
def test_command_errors(
    bad_files: Path, compiled: dict[str, Compiled], args: list[str], status: int, message: str
) -> None:
    good = str(compiled["01-hello"].path)
    argv = [a.replace("{bad}", str(bad_files)).replace("{good}", good) for a in args]
    done = subprocess.run([node(), str(PLAY), *argv], capture_output=True, text=True, timeout=30)
    assert done.returncode == status, done.stderr
    assert done.stdout == ""
    assert message in done.stderr
    assert done.stderr.startswith("error: ")
    assert done.stderr.count("\n") == 1, "one line, never a stack trace"


def test_command_error_transcript(compiled: dict[str, Compiled]) -> None:
    """A script choice that is not offered: the transcript is printed, and the status is 1."""
    done = subprocess.run(
        [node(), str(PLAY), str(compiled["01-hello"].path), "--script", "9", "--json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["end"]["status"] == "error"


def test_batch_errors(compiled: dict[str, Compiled]) -> None:
    """A bad batch line is answered with an error line; the others are played."""
    lines = [
        '{"seed": 1, "script": "1"}',
        "not JSON",
        '{"seed": -1}',
        '{"seed": 1, "script": "l"}',
        '{"seed": 1, "script": 7}',
        "[1, 2]",
        '{"seed": 2, "script": ["1", "u", "s"]}',
    ]
    done = subprocess.run(
        [node(), str(PLAY), str(compiled["01-hello"].path), "--batch"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [("error" in a) for a in answers] == [False, True, True, True, True, True, False]
    assert answers[6] == python_transcript(compiled["01-hello"], 2, ["1", "u", "s"])
    assert done.returncode == 1


# -- the engine as a module ------------------------------------------------------------------


def run_js(body: str, data: Any) -> Any:
    """Run JavaScript with `engine` (player.js) and `input` (data), printing `out` as JSON."""
    script = f"""
        import {{ readFileSync }} from 'node:fs';
        const source = readFileSync({json.dumps(str(PLAYER))}, 'utf8');
        const engine = await import('data:text/javascript,' + encodeURIComponent(source));
        const input = JSON.parse(readFileSync(0, 'utf8'));
        {textwrap.dedent(body)}
        process.stdout.write(JSON.stringify(out));
    """
    done = subprocess.run(
        [node(), "--input-type=module", "-e", script],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_engine_imports_without_a_browser() -> None:
    """No DOM at import time, and the API the player's UI builds on."""
    exported = run_js("const out = Object.keys(engine).sort();", None)
    assert set(exported) >= {
        "AWAITING", "ENDED", "STUCK", "Session", "SaveError", "StoryLoopError", "draw",
        "evaluate", "load", "nextU32", "render", "restore", "save", "seedState",
    }  # fmt: skip


def test_player_size_budget() -> None:
    """The whole player, engine and UI, must stay within 8 KB gzipped."""
    assert len(gzip.compress(PLAYER.read_bytes(), 9)) <= 8 * 1024
