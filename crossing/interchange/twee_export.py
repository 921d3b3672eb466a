"""A compiled story as a Twee 3 file for Twine 2 with SugarCube 2 (docs/twee.md).

One passage per scene, named by the scene's id; choices as `[[text|target]]` or
`<<link>>`, conditions as `<<if>>`, effects as `<<set>>`, chance as `random()` with a
`<<goto>>` chain. What SugarCube has no place for (sources, places, chance notes, media,
labels, ranges, choice ids) travels in the `CrossingData` passage, with a fingerprint of
each scene passage so the import can tell which passages were edited in Twine.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from crossing.story import compiled as c

from .decompile import DecompileError, check_story
from .names import sugarcube_name
from .sugarcube import Script, js_string
from .twee_format import Passage, write

DATA_PASSAGE = "CrossingData"
DATA_TAG = "crossing-data"
DATA_FORMAT = "crossing-twee"
DATA_VERSION = 1
SUGARCUBE_VERSION = "2.37.3"
ENDING_TAG = "ending"
GRID = 8  # passages per row in Twine's story map


def ifid(story: c.CompiledStory) -> str:
    """A stable IFID: a version-4-shaped UUID from the story's id, upper case (Twee 3)."""
    digest = bytearray(hashlib.sha256(f"crossing:{story.id}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x40  # version 4
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    return str(uuid.UUID(bytes=bytes(digest))).upper()


def fingerprint(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:16]


def _guard_lines(body: str) -> str:
    """A content line starting with '::' would start a passage: write its colon as an entity."""
    return "\n".join(
        "&#58;" + line[1:] if line.startswith("::") else line for line in body.split("\n")
    )


class Exporter:
    def __init__(self, story: c.CompiledStory):
        self.story = story
        self.script = Script(story.variables)
        self.names = [scene.id for scene in story.scenes]

    def goto(self, target: int) -> str:
        return f"<<goto {js_string(self.names[target])}>>"

    def tags(self, scene: c.Scene) -> list[str]:
        tags = [*scene.tags, "nobr"]  # SugarCube: line breaks in the HTML are not <br>
        if scene.chapter is not None:
            tags.append("chapter-" + self.story.chapters[scene.chapter].id)
        if scene.ending is not None:
            tags += [ENDING_TAG, f"{ENDING_TAG}-{scene.ending.kind}"]
        return tags

    def body(self, scene: c.Scene) -> str:
        script = self.script
        lines = [script.assignment(effect) for effect in scene.effects]
        text = script.text(scene.text)
        if text:
            lines.append(text)
        if scene.ending is not None and scene.ending.epilogue is not None:
            lines.append(script.text(scene.ending.epilogue))
        if scene.diverts:
            chain = []
            for n, divert in enumerate(scene.diverts):
                if divert.condition is None:
                    chain.append(("<<else>>" if n else "") + self.goto(divert.target))
                    break
                keyword = "if" if n == 0 else "elseif"
                chain.append(
                    f"<<{keyword} {script.expr(divert.condition)}>>{self.goto(divert.target)}"
                )
            opened = scene.diverts[0].condition is not None
            lines.append("".join(chain) + ("<</if>>" if opened else ""))
        for choice in scene.choices:
            lines.append(self.choice(choice))
        if scene.chance is not None:
            lines.append(self.chance(scene.chance))
        return _guard_lines("\n".join(lines))

    def choice(self, choice: c.Choice) -> str:
        target = self.names[choice.target]
        plain = isinstance(choice.text, str) and not any(
            mark in choice.text for mark in ("|", "[", "]", "->", "<-", "<<")
        )
        if plain and not choice.effects:
            link = f"[[{choice.text}|{target}]]"
        else:
            sets = "".join(self.script.assignment(e) for e in choice.effects)
            link = f"<<link {self.script.label(choice.text)} {js_string(target)}>>{sets}<</link>>"
        if choice.condition is None:
            return link
        return f"<<if {self.script.expr(choice.condition)}>>{link}<</if>>"

    def chance(self, chance: c.Chance) -> str:
        parts = [f"<<set _roll to random(1, {chance.total})>>"]
        running = 0
        last = len(chance.outcomes) - 1
        for n, outcome in enumerate(chance.outcomes):
            running += outcome.weight
            sets = "".join(self.script.assignment(e) for e in outcome.effects)
            step = sets + self.goto(outcome.target)
            if last == 0:
                parts.append(f"<<if _roll lte {running}>>{step}<</if>>")
            elif n == 0:
                parts.append(f"<<if _roll lte {running}>>{step}")
            elif n < last:
                parts.append(f"<<elseif _roll lte {running}>>{step}")
            else:
                parts.append(f"<<else>>{step}<</if>>")
        return "".join(parts)

    def init(self) -> str:
        lines = []
        for variable in self.story.variables:
            value = variable.initial
            if variable.type == "enum":
                shown = js_string(variable.values[int(value)])
                # SugarCube has no sets: a comment keeps every value, in order, for the import.
                values = ", ".join(js_string(v) for v in variable.values)
                lines.append(f"/* ${sugarcube_name(variable.name)}: {values} */")
            elif variable.type == "bool":
                shown = "true" if value else "false"
            else:
                shown = str(value)
            lines.append(f"<<set ${sugarcube_name(variable.name)} to {shown}>>")
        return "\n".join(lines)

    def passages(self) -> list[Passage]:
        story = self.story
        data = {
            "ifid": ifid(story),
            "format": "SugarCube",
            "format-version": SUGARCUBE_VERSION,
            "start": story.scenes[story.start].id,
        }
        scenes: list[Passage] = []
        prints: dict[str, str] = {}
        for n, scene in enumerate(story.scenes):
            try:
                body = self.body(scene)
            except DecompileError as error:
                raise DecompileError(f"scene '{scene.id}': {error}") from error
            prints[scene.id] = fingerprint(body)
            position = f"{100 + (n % GRID) * 150},{100 + (n // GRID) * 150}"
            scenes.append(Passage(scene.id, self.tags(scene), {"position": position}, body))
        crossing: dict[str, Any] = {
            "format": DATA_FORMAT,
            "version": DATA_VERSION,
            "passages": prints,
            "story": story.to_json(),
        }
        return [
            Passage("StoryTitle", text=story.title),
            Passage("StoryData", text=json.dumps(data, indent=2, ensure_ascii=False)),
            Passage("StoryInit", text=self.init()),
            *scenes,
            Passage(
                DATA_PASSAGE,
                [DATA_TAG],
                text=json.dumps(crossing, ensure_ascii=False, separators=(",", ":")),
            ),
        ]


def export_twee(story: c.CompiledStory) -> str:
    """The Twee 3 text of a compiled story (DecompileError for a construct not mapped yet)."""
    check_story(story)
    return write(Exporter(story).passages())
