"""Saving and restoring a Session as JSON, across versions of a story.

A save names scenes, chapters and variables by id, never by index, so a save made with
an older version of the story still loads: a scene that is gone gives way to the start
of its chapter (or of the story), new variables take their initial values, removed
ones are dropped, and every such change is reported in a message.
"""

from __future__ import annotations

from typing import Any

from .evaluate import Value
from .expressions import INT_LIMIT
from .rng import RngState, seed_state, valid_state
from .runtime import Program, Session, State, Step

SAVE_FORMAT = "crossing-save"
SAVE_VERSION = 1


class SaveError(Exception):
    """A save that cannot be used with this story at all."""


def save(session: Session) -> dict[str, Any]:
    program = session.program
    return {
        "format": SAVE_FORMAT,
        "format_version": SAVE_VERSION,
        "story": program.story.id,
        "story_version": program.story.version,
        "position": _snapshot(program, session.state),
        "history": [_snapshot(program, state) for state in session.history],
    }


def _snapshot(program: Program, state: State) -> dict[str, Any]:
    scene = program.story.scenes[state.scene]
    chapter = None if scene.chapter is None else program.story.chapters[scene.chapter].id
    data: dict[str, Any] = {
        "scene": scene.id,
        "chapter": chapter,
        "vars": program.snapshot(state.values),
        "rng": list(state.rng),
    }
    # Variation counts by site key, only those shown: a save without them means none shown.
    seen = {key: n for key, n in zip(program.story.sites, state.seen, strict=False) if n}
    if seen:
        data["seen"] = seen
    return data


def restore(program: Program, data: Any) -> tuple[Session, list[Step], list[str]]:
    """A session from a save: the session, the steps to show, and messages about changes."""
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError("this is not a Crossing save")
    if data.get("format_version") != SAVE_VERSION:
        raise SaveError(f"save format version {data.get('format_version')!r} is not supported")
    if data.get("story") != program.story.id:
        raise SaveError(
            f"this save belongs to the story '{data.get('story')}', not '{program.story.id}'"
        )
    messages: list[str] = []
    position = data.get("position")
    history_data = data.get("history", [])
    if not isinstance(position, dict):
        raise SaveError("the save is damaged: it has no position")
    if not isinstance(history_data, list):
        raise SaveError("the save is damaged: its history is not a list")
    state, exact = _state(program, position, messages)
    history: list[State] = []
    for entry in history_data:
        if isinstance(entry, dict):
            earlier, earlier_exact = _state(program, entry, [])
            if earlier_exact:
                history.append(earlier)
    if len(history) < len(history_data):
        messages.append("some earlier steps could not be kept, so undo goes back less far")
    if not exact:  # a fallback scene is entered afresh: its effects run
        state = State(state.scene, program.enter(state.scene, state.values), state.rng)
    session = Session(program, state, history)
    steps = session.settle()
    return session, steps, _unique(messages)


def _state(program: Program, data: dict[str, Any], messages: list[str]) -> tuple[State, bool]:
    """The state a snapshot describes; `exact` is False if its scene had to be replaced."""
    story = program.story
    index = program.scene_index
    scene_id = data.get("scene")
    exact = isinstance(scene_id, str) and scene_id in index
    if exact:
        scene = index[str(scene_id)]
    else:
        chapter_id = data.get("chapter")
        chapters = {ch.id: ch for ch in story.chapters}
        if isinstance(chapter_id, str) and chapter_id in chapters:
            scene = chapters[chapter_id].start
            messages.append(
                f"the scene '{scene_id}' is no longer in the story; "
                f"continuing from the start of the chapter '{chapters[chapter_id].title}'"
            )
        else:
            scene = story.start
            messages.append(
                f"the scene '{scene_id}' is no longer in the story; starting again from the beginning"
            )
    values = _values(program, data.get("vars"), messages)
    rng: RngState
    raw_rng = data.get("rng")
    if valid_state(raw_rng):
        assert isinstance(raw_rng, list | tuple)
        rng = (raw_rng[0], raw_rng[1], raw_rng[2], raw_rng[3])
    else:
        rng = seed_state(0)
        messages.append("the save's random state was damaged; chance starts afresh")
    return State(scene, values, rng, _seen(program, data.get("seen"))), exact


def _seen(program: Program, saved: Any) -> tuple[int, ...]:
    """Variation counts by site key; a site the save does not name has not been shown."""
    saved = saved if isinstance(saved, dict) else {}
    counts = (saved.get(key) for key in program.story.sites)
    return tuple(n if type(n) is int and 0 <= n < 2**32 else 0 for n in counts)


def _values(program: Program, saved: Any, messages: list[str]) -> tuple[Value, ...]:
    saved = saved if isinstance(saved, dict) else {}
    values: list[Value] = []
    for variable in program.story.variables:
        raw = saved.get(variable.name)
        value: Value | None = None
        if variable.type == "bool" and isinstance(raw, bool):
            value = raw
        elif variable.type == "enum" and isinstance(raw, str) and raw in variable.values:
            value = variable.values.index(raw)
        elif variable.type == "int" and isinstance(raw, int) and not isinstance(raw, bool):
            low = variable.low if variable.low is not None else -INT_LIMIT
            high = variable.high if variable.high is not None else INT_LIMIT
            value = min(max(raw, low), high)
            if value != raw:
                messages.append(f"'{variable.name}' no longer fits its range; it is now {value}")
        if value is None:
            value = variable.initial
            if variable.name in saved:
                messages.append(
                    f"'{variable.name}' has changed; it starts again at its initial value"
                )
            else:
                messages.append(
                    f"'{variable.name}' is new in this version; it starts at its initial value"
                )
        values.append(value)
    known = {v.name for v in program.story.variables}
    for name in saved:
        if name not in known:
            messages.append(f"'{name}' is no longer in the story and was dropped")
    return tuple(values)


def _unique(messages: list[str]) -> list[str]:
    return list(dict.fromkeys(messages))
