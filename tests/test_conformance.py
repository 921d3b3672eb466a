"""The conformance corpus (tests/conformance/): the contract both runtimes are held to.

Every case is checked four ways: the fresh transcript equals the golden one; it meets the
hand-written expectations; it is well formed (and every chance draw picks the outcome its
roll falls in); and a story read back from its compiled JSON plays exactly the same.
"""

from __future__ import annotations

import functools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from crossing.story.api import load_source
from crossing.story.compiled import CompiledStory, from_json
from crossing.story.rng import draw, next_u32, seed_state
from crossing.story.transcript import run_script

CORPUS = Path(__file__).resolve().parent / "conformance"
FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir() and (p / "main.story").is_file())
CASE_KEYS = {"name", "seed", "script", "expect", "transcript"}
EXPECT_KEYS = {
    "path",
    "end",
    "vars",
    "taken",
    "undone",
    "diverts",
    "rolls",
    "outcomes",
    "texts",
    "offered",
    "choice_texts",
    "epilogue",
    "story",
    "saves",
    "restores",
    "odds",
    "compiled",
}
TRANSCRIPT_KEYS = {
    "format",
    "format_version",
    "story",
    "story_version",
    "seed",
    "script",
    "steps",
    "end",
}
STEP_KEYS = {"scene", "text", "vars", "choices", "taken", "divert", "chance", "ending"}
ACTION_KEYS = {
    "undo": {"action", "done"},
    "save": {"action", "save"},
    "restore": {"action", "messages"},
}
END_STATUSES = {"ending", "awaiting_choice", "dead_end", "error"}


def read_cases(folder: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    return cases


CASES = [
    pytest.param(folder, case, id=f"{folder.name}/{case['name']}")
    for folder in FOLDERS
    for case in read_cases(folder)
]
FOLDER_PARAMS = [pytest.param(folder, id=folder.name) for folder in FOLDERS]


def reading_locale(folder: Path) -> str | None:
    """A story with catalogues (`locale/LL/`) is compiled in that language: its story.json
    is the translated story, which both runtimes must play as they play any other."""
    locales = sorted(p.name for p in (folder / "locale").glob("*") if p.is_dir())
    return locales[0] if locales else None


@functools.cache
def compile_folder(folder: Path) -> CompiledStory:
    loaded = load_source(folder, locale=reading_locale(folder))
    assert loaded.story is not None, [str(d) for d in loaded.errors]
    return loaded.story


@functools.cache
def story_json(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(compile_folder(folder).to_json()))
    return data


def play(story: CompiledStory, case: dict[str, Any]) -> dict[str, Any]:
    transcript: dict[str, Any] = json.loads(
        json.dumps(run_script(story, case["seed"], list(case["script"])))
    )
    return transcript


# -- the corpus as a whole ----------------------------------------------------------------


def test_corpus_size() -> None:
    assert len(FOLDERS) >= 30
    assert len(CASES) >= 2 * len(FOLDERS)


@pytest.mark.parametrize("folder", FOLDER_PARAMS)
def test_story_checks_clean(folder: Path) -> None:
    loaded = load_source(folder, locale=reading_locale(folder))
    assert not loaded.errors, [f"{d.code} {d.message}" for d in loaded.errors]
    expected_file = folder / "warnings.json"
    expected = json.loads(expected_file.read_text()) if expected_file.exists() else []
    assert sorted(d.code for d in loaded.diagnostics) == sorted(expected)


@pytest.mark.parametrize("folder", FOLDER_PARAMS)
def test_story_json_is_current(folder: Path) -> None:
    fresh = json.dumps(compile_folder(folder).to_json(), ensure_ascii=False, indent=1) + "\n"
    stored = (folder / "story.json").read_text(encoding="utf-8")
    assert fresh == stored, "story.json is stale: run tests/conformance/regenerate.py"


@pytest.mark.parametrize("folder", FOLDER_PARAMS)
def test_cases_file(folder: Path) -> None:
    cases = read_cases(folder)
    assert cases, "a story folder needs cases"
    names = [case["name"] for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in cases:
        assert set(case) == CASE_KEYS, case["name"]
        assert {"path", "end"} <= set(case["expect"]), case["name"]
        assert set(case["expect"]) <= EXPECT_KEYS, set(case["expect"]) - EXPECT_KEYS


def test_rng_vectors() -> None:
    """rng.json against the engine's generator and against the published algorithm."""
    data = json.loads((CORPUS / "rng.json").read_text(encoding="utf-8"))
    assert len(data["vectors"]) >= 5
    for vector in data["vectors"]:
        state = seed_state(vector["seed"])
        assert list(state) == vector["state"], vector["seed"]
        current, reference = state, list(state)
        for expected in vector["outputs"]:
            value, current = next_u32(current)
            assert value == expected == reference_next(reference), vector["seed"]
        for entry in vector["draws"]:
            total, current = entry["total"], state
            reference = list(state)
            for expected in entry["rolls"]:
                roll, current = draw(current, total)
                assert roll == expected == reference_draw(reference, total), (vector, total)


def reference_next(s: list[int]) -> int:
    """xoshiro128** as published by Blackman and Vigna (2018), on 32-bit words."""

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (32 - k))) & 0xFFFFFFFF

    result = (rotl((s[1] * 5) & 0xFFFFFFFF, 7) * 9) & 0xFFFFFFFF
    t = (s[1] << 9) & 0xFFFFFFFF
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 11)
    return result


def reference_draw(s: list[int], total: int) -> int:
    """Rejection sampling: redraw any output at or above the largest multiple of total."""
    limit = 2**32 - 2**32 % total
    while (value := reference_next(s)) >= limit:
        pass
    return value % total


# -- every case ---------------------------------------------------------------------------


@pytest.mark.parametrize(("folder", "case"), CASES)
def test_transcript_matches_golden(folder: Path, case: dict[str, Any]) -> None:
    assert play(compile_folder(folder), case) == case["transcript"]


@pytest.mark.parametrize(("folder", "case"), CASES)
def test_hand_expectations(folder: Path, case: dict[str, Any]) -> None:
    transcript = play(compile_folder(folder), case)
    problems = compare_expectations(case["expect"], transcript, story_json(folder))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("folder", "case"), CASES)
def test_transcript_is_well_formed(folder: Path, case: dict[str, Any]) -> None:
    transcript = play(compile_folder(folder), case)
    problems = shape_problems(transcript, case, story_json(folder))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("folder", "case"), CASES)
def test_compiled_json_plays_the_same(folder: Path, case: dict[str, Any]) -> None:
    story = compile_folder(folder)
    reread = from_json(json.loads(json.dumps(story.to_json())))
    assert play(reread, case) == play(story, case)


# -- hand-written expectations ------------------------------------------------------------


def steps_of(transcript: dict[str, Any]) -> list[dict[str, Any]]:
    return [event for event in transcript["steps"] if "scene" in event]


def observe(key: str, value: Any, transcript: dict[str, Any], story: dict[str, Any]) -> Any:
    """What the transcript (or the compiled story) shows for an expectation `key`.

    Expectations keyed by step (texts, offered, choice_texts) and the partial ones
    (vars, saves, compiled) observe only what the expectation names.
    """
    events = transcript["steps"]
    steps = steps_of(transcript)
    chances = [step["chance"] for step in steps if "chance" in step]
    if key == "path":
        return [step["scene"] for step in steps]
    if key == "end":
        return transcript["end"]
    if key == "vars":
        last = steps[-1]["vars"] if steps else {}
        return {name: last.get(name, "<missing>") for name in value}
    if key == "taken":
        return [step["taken"] for step in steps if "taken" in step]
    if key == "undone":
        return [event["done"] for event in events if event.get("action") == "undo"]
    if key == "diverts":
        return [step["divert"] for step in steps if "divert" in step]
    if key == "rolls":
        return [chance["roll"] for chance in chances]
    if key == "outcomes":
        return [chance["outcome"] for chance in chances]
    if key in ("texts", "offered", "choice_texts"):
        result = {}
        for index in value:
            step = steps[int(index)] if int(index) < len(steps) else {}
            choices = step.get("choices", [])
            result[index] = (
                step.get("text", "<no step>")
                if key == "texts"
                else [c["id" if key == "offered" else "text"] for c in choices]
            )
        return result
    if key == "epilogue":
        return steps[-1].get("ending", {}).get("epilogue") if steps else None
    if key == "story":
        return {"id": transcript["story"], "version": transcript["story_version"]}
    if key == "saves":
        saves = [event["save"] for event in events if event.get("action") == "save"]
        observed = []
        for wanted, save in zip(value, saves, strict=False):
            full = {
                "scene": save["position"]["scene"],
                "chapter": save["position"]["chapter"],
                "history": len(save["history"]),
                "seen": save["position"].get("seen", {}),
                "vars": {
                    name: save["position"]["vars"].get(name) for name in wanted.get("vars", {})
                },
            }
            observed.append({k: full[k] for k in wanted})
        return observed + [{"unexpected save": True}] * (len(saves) - len(value))
    if key == "restores":
        return [event["messages"] for event in events if event.get("action") == "restore"]
    if key == "odds":
        return {scene_id: odds_of(story, scene_id) for scene_id in value}
    if key == "compiled":
        return compiled_view(story, value)
    raise AssertionError(f"unknown expectation '{key}'")


def odds_of(story: dict[str, Any], scene_id: str) -> list[str]:
    """A chance's outcomes as exact percentages ('12.5'), from the compiled weights."""
    scene = next(s for s in story["scenes"] if s["id"] == scene_id)
    total = scene["chance"]["total"]
    return [percent(Fraction(o["weight"] * 100, total)) for o in scene["chance"]["outcomes"]]


def percent(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.10f}".rstrip("0")
    return text if Fraction(text) == value else str(value)


def compiled_view(story: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    view: dict[str, Any] = {}
    by_id = {scene["id"]: scene for scene in story["scenes"]}
    for key, value in wanted.items():
        if key == "scene_ids":
            view[key] = list(by_id)
        elif key == "scenes":
            view[key] = {
                scene_id: {field: by_id.get(scene_id, {}).get(field) for field in fields}
                for scene_id, fields in value.items()
            }
        else:
            view[key] = story.get(key)
    return view


def compare_expectations(
    expect: dict[str, Any], transcript: dict[str, Any], story: dict[str, Any]
) -> list[str]:
    problems = []
    for key, wanted in expect.items():
        found = observe(key, wanted, transcript, story)
        if found != wanted:
            problems.append(f"{key}: expected {wanted!r}\n{' ' * len(key)}  found    {found!r}")
    return problems


# -- the shape of a transcript ------------------------------------------------------------


def shape_problems(
    transcript: dict[str, Any], case: dict[str, Any], story: dict[str, Any]
) -> list[str]:
    problems: list[str] = []
    if set(transcript) != TRANSCRIPT_KEYS:
        problems.append(f"transcript keys: {sorted(transcript)}")
    if (transcript["format"], transcript["format_version"]) != ("crossing-transcript", 1):
        problems.append("not a crossing-transcript, version 1")
    if transcript["seed"] != case["seed"] or transcript["script"] != case["script"]:
        problems.append("the transcript does not repeat the seed and script")
    scenes = story["scenes"]
    by_id = {scene["id"]: scene for scene in scenes}
    events = transcript["steps"]
    for number, event in enumerate(events):
        where = f"event {number}"
        if "action" in event:
            keys = ACTION_KEYS.get(event["action"])
            if keys is None or set(event) != keys:
                problems.append(f"{where}: an action has exactly {keys}, found {sorted(event)}")
            continue
        if not {"scene", "text", "vars"} <= set(event) <= STEP_KEYS:
            problems.append(f"{where}: step keys {sorted(event)}")
            continue
        scene = by_id[event["scene"]]
        exits = [k for k in ("choices", "divert", "chance", "ending") if k in event]
        if len(exits) > 1:
            problems.append(f"{where}: a step has at most one of {exits}")
        if "taken" in event and event["taken"] not in [c["id"] for c in event.get("choices", [])]:
            problems.append(f"{where}: taken {event['taken']!r} was not offered")
        known = [c["id"] for c in scene.get("choices", [])]
        for choice in event.get("choices", []):
            if choice["id"] not in known:
                problems.append(f"{where}: choice {choice['id']!r} is not in the scene")
        if "ending" in event and event["ending"]["kind"] != scene.get("ending", {}).get("kind"):
            problems.append(f"{where}: ending kind differs from the compiled scene")
        following = next((e for e in events[number + 1 :] if "scene" in e), None)
        if "chance" in event:
            problems += chance_problems(where, event["chance"], scene, scenes, following)
        if "divert" in event and (following is None or following["scene"] != event["divert"]):
            problems.append(f"{where}: the divert to {event['divert']!r} is not the next step")
    end = transcript["end"]
    if end.get("status") not in END_STATUSES:
        problems.append(f"end status {end.get('status')!r}")
    steps = steps_of(transcript)
    if end.get("status") == "ending" and (not steps or "ending" not in steps[-1]):
        problems.append("play ended, but the last step is not an ending")
    return problems


def chance_problems(
    where: str,
    chance: dict[str, Any],
    scene: dict[str, Any],
    scenes: list[dict[str, Any]],
    following: dict[str, Any] | None,
) -> list[str]:
    """A draw must pick the first outcome whose cumulative weight exceeds the roll."""
    compiled = scene.get("chance")
    if compiled is None:
        return [f"{where}: a chance step in a scene without a chance"]
    problems = []
    if chance["total"] != compiled["total"] or not 0 <= chance["roll"] < chance["total"]:
        problems.append(f"{where}: roll {chance['roll']} of {chance['total']} is out of range")
    below = 0
    for index, outcome in enumerate(compiled["outcomes"]):
        below += outcome["weight"]
        if chance["roll"] < below:
            target = scenes[outcome["target"]]["id"]
            if (chance["outcome"], chance["target"]) != (index, target):
                problems.append(f"{where}: roll {chance['roll']} picks outcome {index} ({target})")
            break
    if following is None or following["scene"] != chance["target"]:
        problems.append(f"{where}: the chance target {chance['target']!r} is not the next step")
    return problems
