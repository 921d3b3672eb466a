"""Regenerate the golden files of the conformance corpus.

For every story folder (one holding a main.story) this compiles the story, writes the
compiled JSON to story.json, plays every case in cases.json and stores the resulting
transcript as the case's "transcript". The hand-written parts of a case (name, seed,
script, expect) are kept as they are. It also writes rng.json, test vectors for the
shared random generator.

    .venv/bin/python tests/conformance/regenerate.py             # every folder
    .venv/bin/python tests/conformance/regenerate.py 07 30-undo  # folders starting so
    .venv/bin/python tests/conformance/regenerate.py --check     # report, write nothing

Goldens are only as good as their review: after regenerating, read the diff (git diff
tests/conformance) and check every change against the story and the language rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crossing.story.api import load_source
from crossing.story.compiled import CompiledStory
from crossing.story.diagnostics import render
from crossing.story.rng import draw, next_u32, seed_state
from crossing.story.transcript import run_script

HERE = Path(__file__).resolve().parent
CASE_KEYS = ("name", "seed", "script", "expect", "transcript")
WIDTH = 100
RNG_SEEDS = (0, 1, 7, 42, 2_147_483_648, 4_294_967_295)
# 1431655766 rejects about a third of all 32-bit outputs; 2147483647 is the largest total.
RNG_TOTALS = (1, 2, 3, 6, 100, 1000, 1_431_655_766, 2_147_483_647)
RNG_COUNT = 8


class CorpusError(Exception):
    """A story that does not compile, or a cases file that is malformed."""


def story_folders(root: Path = HERE) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "main.story").is_file())


def compile_story(folder: Path) -> CompiledStory:
    """Compiled as tests/test_conformance.py compiles it: in the language of its catalogues
    (`locale/LL/`), if it has any."""
    locales = sorted(p.name for p in (folder / "locale").glob("*") if p.is_dir())
    loaded = load_source(folder, locale=locales[0] if locales else None)
    if loaded.story is None:
        shown = "\n\n".join(render(d, loaded.texts) for d in loaded.errors)
        raise CorpusError(f"{folder.name} does not compile:\n{shown}")
    return loaded.story


def story_json_text(story: CompiledStory) -> str:
    """The exact text of story.json, as the JavaScript runtime will read it."""
    return json.dumps(story.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def read_cases(folder: Path) -> list[dict[str, Any]]:
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise CorpusError(f"{folder.name}/cases.json must hold a list of cases")
    for case in cases:
        missing = [k for k in ("name", "seed", "script", "expect") if k not in case]
        if missing:
            raise CorpusError(f"{folder.name}/cases.json: a case lacks {', '.join(missing)}")
    return cases


def format_json(value: Any, indent: int = 0, prefix: int = 0) -> str:
    """JSON that keeps short lists and objects on one line, for readable diffs.

    `indent` is the current indentation, `prefix` the width already taken on the line
    (a key), so that a value is inlined only when the whole line fits in WIDTH.
    """
    compact = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or not value:
        return compact
    if indent + prefix + len(compact) <= WIDTH:
        return compact
    pad = " " * (indent + 2)
    if isinstance(value, list):
        items = [pad + format_json(item, indent + 2) for item in value]
    else:
        items = []
        for key, item in value.items():
            label = json.dumps(key, ensure_ascii=False) + ": "
            items.append(pad + label + format_json(item, indent + 2, len(label)))
    opening, closing = ("[", "]") if isinstance(value, list) else ("{", "}")
    return opening + "\n" + ",\n".join(items) + "\n" + " " * indent + closing


def cases_text(cases: list[dict[str, Any]]) -> str:
    ordered = [{k: case[k] for k in CASE_KEYS if k in case} for case in cases]
    return format_json(ordered) + "\n"


def rng_vectors() -> dict[str, Any]:
    """For each seed: the state, the first 32-bit outputs, and draws for several totals."""
    vectors = []
    for seed in RNG_SEEDS:
        state = seed_state(seed)
        outputs = []
        current = state
        for _ in range(RNG_COUNT):
            value, current = next_u32(current)
            outputs.append(value)
        draws = []
        for total in RNG_TOTALS:
            current, rolls = state, []
            for _ in range(RNG_COUNT):
                roll, current = draw(current, total)
                rolls.append(roll)
            draws.append({"total": total, "rolls": rolls})
        vectors.append({"seed": seed, "state": list(state), "outputs": outputs, "draws": draws})
    return {
        "about": "xoshiro128** test vectors (crossing/story/rng.py): the state a seed gives, "
        "its first outputs, and draws from a fresh state for each total",
        "vectors": vectors,
    }


def write_if_changed(path: Path, text: str, write: bool) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old != text and write:
        path.write_text(text, encoding="utf-8")
    return old != text


def regenerate(folder: Path, write: bool = True) -> list[str]:
    """Bring one folder's goldens up to date; returns the names of the files that changed."""
    story = compile_story(folder)
    outputs = {"story.json": story_json_text(story)}
    cases = read_cases(folder)
    for case in cases:
        transcript = run_script(story, case["seed"], list(case["script"]))
        case["transcript"] = json.loads(json.dumps(transcript))
    outputs["cases.json"] = cases_text(cases)
    return [name for name, text in outputs.items() if write_if_changed(folder / name, text, write)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", help="only folders whose names start so")
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    args = parser.parse_args(argv)
    folders = [
        f
        for f in story_folders()
        if not args.folders or any(f.name.startswith(p) for p in args.folders)
    ]
    if not folders:
        print("no matching story folders", file=sys.stderr)
        return 2
    stale = 0
    if write_if_changed(HERE / "rng.json", format_json(rng_vectors()) + "\n", not args.check):
        stale += 1
        print(f"rng.json: {'would change' if args.check else 'updated'}")
    for folder in folders:
        try:
            changed = regenerate(folder, write=not args.check)
        except CorpusError as exc:
            print(exc, file=sys.stderr)
            return 1
        if changed:
            stale += 1
            verb = "would change" if args.check else "updated"
            print(f"{folder.name}: {verb} {', '.join(changed)}")
    print(f"{len(folders)} folders, {stale} {'stale' if args.check else 'changed'}")
    if stale and not args.check:
        print("now review the diff: git diff tests/conformance")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
