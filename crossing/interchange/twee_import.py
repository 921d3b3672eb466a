"""A Twee 3 file to Crossing story source (docs/twee.md).

Two ways in. A file `crossing export-twee` wrote carries a `CrossingData` passage: the
story comes back from it exactly, and a scene passage edited in Twine since is reported
(not imported). Any other file is read as SugarCube 2: the basic macros become scenes,
choices, conditions, effects and chances; everything else is reported with its
file:line:col and left out. The import writes what it could either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from crossing.story import compiled as c

from .decompile import DecompileError, SourceFiles, decompile, differences
from .sugarcube_story import SugarCubeImport
from .twee_export import DATA_FORMAT, DATA_PASSAGE, DATA_TAG, fingerprint
from .twee_format import Passage, Problem, parse


@dataclass(slots=True)
class Imported:
    files: SourceFiles | None
    problems: list[Problem] = field(default_factory=list)
    story: c.CompiledStory | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def import_twee(text: str) -> Imported:
    passages, problems = parse(text)
    data = next((p for p in passages if p.name == DATA_PASSAGE or DATA_TAG in p.tags), None)
    if data is not None:
        result = _from_crossing_data(data, passages)
    else:
        story, found = SugarCubeImport(passages).run()
        result = Imported(None, found, story)
    result.problems = problems + result.problems
    if result.story is not None:
        try:
            result.files = decompile(result.story)
        except DecompileError as error:
            result.problems.append(Problem(1, 1, f"the story cannot be written as source: {error}"))
    if data is not None and result.story is not None and result.files is not None:
        for where in differences(result.story, result.files):
            result.problems.append(
                Problem(
                    data.line,
                    1,
                    f"{where}: the source written does not compile to exactly the exported story",
                    "compare the scene with the original source (a Markdown corner such as "
                    "'*a**b*' can read differently)",
                )
            )
    result.problems.sort(key=lambda p: (p.line, p.col))
    return result


# -- files this exporter wrote -----------------------------------------------------------


def _from_crossing_data(data: Passage, passages: list[Passage]) -> Imported:
    where = data.body_line
    try:
        payload = json.loads(data.text)
        if not isinstance(payload, dict) or payload.get("format") != DATA_FORMAT:
            raise ValueError(f"its 'format' is not {DATA_FORMAT!r}")
        story = c.from_json(payload["story"])
        prints = dict(payload.get("passages", {}))
    except (ValueError, KeyError, TypeError, RecursionError, c.CompiledFormatError) as error:
        return Imported(
            None,
            [
                Problem(
                    where,
                    1,
                    f"the {DATA_PASSAGE} passage cannot be read: {error}",
                    f"delete the {DATA_PASSAGE} passage to import the passages as SugarCube",
                )
            ],
        )
    problems: list[Problem] = []
    by_name = {p.name: p for p in passages}
    scene_ids = {scene.id for scene in story.scenes}
    for scene in story.scenes:
        passage = by_name.get(scene.id)
        if passage is None:
            problems.append(
                Problem(
                    where,
                    1,
                    f"scene '{scene.id}' has no passage any more: it is imported as exported",
                    "remove the scene from the story source instead",
                )
            )
        elif fingerprint(passage.text) != prints.get(scene.id):
            problems.append(
                Problem(
                    passage.line,
                    1,
                    f"passage '{scene.id}' was edited after the export: the edit is not "
                    "imported (the scene is imported as exported)",
                    f"make the change in the story source, or delete the {DATA_PASSAGE} "
                    "passage to import every passage as SugarCube",
                )
            )
    known = scene_ids | {"StoryTitle", "StoryData", "StoryInit", data.name}
    for passage in passages:
        if passage.name not in known:
            problems.append(
                Problem(
                    passage.line,
                    1,
                    f"passage '{passage.name}' was added after the export: it is not imported",
                    "write the scene in the story source",
                )
            )
    return Imported(None, problems, story)
