"""Scripted play: a seed and a script in, a JSON transcript out.

The transcript is the contract both runtimes are held to (docs/cli.md, "crossing play").
A script is a list of tokens: a number picks that choice (1-based among those offered),
`u` steps back, `s` saves to JSON and restores from it at once.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .compiled import CompiledStory
from .runtime import AWAITING, ENDED, Program, Session, Step, StoryLoopError
from .saves import restore, save

TRANSCRIPT_FORMAT = "crossing-transcript"
TRANSCRIPT_VERSION = 1


class ScriptError(ValueError):
    """A script token that is not a number, 'u' or 's'."""


# ASCII only, as play.mjs reads it: str.isdigit() would take '²' (which int() refuses) and
# '٢' (which int() reads as 2), and Unicode case and space rules differ between the runtimes.
_TOKEN = re.compile(r"[uUsS]|[0-9]*[1-9][0-9]*")
_SPACE = " \t\n\r\f\v"


def parse_script(text: str) -> list[str]:
    """Script text ("1,2,u,s") as tokens; the same rules and message as play.mjs."""
    tokens = [t.strip(_SPACE) for t in text.split(",") if t.strip(_SPACE)]
    for token in tokens:
        if not _TOKEN.fullmatch(token):
            raise ScriptError(
                f"'{token}' is not a choice number (from 1, in ASCII digits), "
                "'u' (undo) or 's' (save)"
            )
    return [token.lower() for token in tokens]


def run_script(
    story: CompiledStory, seed: int, script: list[str], program: Program | None = None
) -> dict[str, Any]:
    program = program or Program(story)
    events: list[dict[str, Any]] = []
    end: dict[str, Any]

    last_step: dict[str, Any] = {}  # the last scene shown: a choice taken is recorded on it

    def add(steps: list[Step]) -> None:
        nonlocal last_step
        events.extend(step.to_json() for step in steps)
        last_step = events[-1]

    try:
        session, steps = Session.begin(program, seed)
        add(steps)
        end = {}
        for number, token in enumerate(script, start=1):
            if token == "u":
                undone = session.undo()
                events.append({"action": "undo", "done": undone is not None})
                if undone is not None:
                    add(undone)
            elif token == "s":
                data = save(session)
                events.append({"action": "save", "save": data})
                session, steps, messages = restore(program, json.loads(json.dumps(data)))
                events.append({"action": "restore", "messages": messages})
                add(steps)
            else:
                position = int(token) - 1
                if session.status != AWAITING or position >= len(session.offered):
                    offered = len(session.offered) if session.status == AWAITING else 0
                    end = {
                        "status": "error",
                        "message": f"script step {number}: choice {token} is not offered "
                        f"({offered} choice{'s' * (offered != 1)} offered)",
                    }
                    break
                last_step["taken"] = session.choice_id(position)
                add(session.choose(position))
        if not end:
            end = {"status": session.status, "scene": session.scene.id}
            if session.status == ENDED and session.scene.ending is not None:
                end["ending"] = session.scene.id
                end["kind"] = session.scene.ending.kind
    except StoryLoopError as exc:
        end = {"status": "error", "message": str(exc)}
    return {
        "format": TRANSCRIPT_FORMAT,
        "format_version": TRANSCRIPT_VERSION,
        "story": story.id,
        "story_version": story.version,
        "seed": seed,
        "script": script,
        "steps": events,
        "end": end,
    }
