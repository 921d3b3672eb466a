"""The Python runtime: plays a compiled story, deterministically.

A play state is (scene, variable values, generator state): a small hashable tuple. A
Session adds the history of earlier decision points (for undo) and turns play into
Steps, the records a player shows and a transcript prints.

What happens on entering a scene, in order (the browser runtime does the same):
1. the scene's `~` effects run, top to bottom;
2. its text is rendered with the values after them;
3. an ending stops here; else the first divert whose condition holds is followed;
   else a chance draws an outcome (its effects run, then its scene is entered);
   else the choices whose conditions hold are offered; if none holds, play is stuck.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from . import compiled as c
from .bulk import collector_paused
from .evaluate import Evaluator, Value, clamp, compile_expr, compile_text, show
from .rng import RngState, draw, seed_state

# Scenes entered one after another by diverts alone before play is stopped: a runaway loop.
# A decision or a chance draw starts the count again (a draw is the story's own randomness).
MAX_AUTOMATIC_STEPS = 10_000


class State(NamedTuple):
    scene: int
    values: tuple[Value, ...]
    rng: RngState
    # How many times each variation site had been shown when play arrived in `scene` (before
    # its text was rendered), so that undo and saves show the scene as it was shown.
    seen: tuple[int, ...] = ()


class StoryLoopError(Exception):
    """The story moved through too many scenes without asking the reader anything."""


class UndecidedLimitError(Exception):
    """A session's optional bound on scenes in a row without a decision, draws included,
    was passed (only a tool sets one: `crossing test`, so a loop of draws cannot hang it)."""

    def __init__(self, scenes: int, scene: str):
        super().__init__(
            f"play went on for {scenes} scenes without a decision (last draw in '{scene}'): "
            "a loop of draws that may never end"
        )
        self.scenes, self.scene = scenes, scene


@dataclass(frozen=True, slots=True)
class PreparedEffect:
    variable: c.Variable
    index: int
    evaluate: Evaluator


@dataclass(frozen=True, slots=True)
class PreparedScene:
    scene: c.Scene
    effects: tuple[PreparedEffect, ...]
    diverts: tuple[tuple[int, Evaluator | None], ...]
    choices: tuple[tuple[c.Choice, Evaluator | None, tuple[PreparedEffect, ...]], ...]
    outcomes: tuple[tuple[c.Outcome, tuple[PreparedEffect, ...]], ...]


class Program:
    """A compiled story made ready to play: every expression is a closure."""

    def __init__(self, story: c.CompiledStory):
        with collector_paused():
            self._build(story)

    def _build(self, story: c.CompiledStory) -> None:
        self.story = story
        self.scene_index = story.scene_index()  # scene id -> index, for saves and players
        self._compiled: dict[str, Evaluator] = {}
        self.scenes = tuple(self._prepare(scene) for scene in story.scenes)
        numbers = story.numbers
        self.texts = tuple(compile_text(scene.text, numbers) for scene in story.scenes)
        self.choice_texts = tuple(
            tuple(compile_text(ch.text, numbers) for ch in s.choices) for s in story.scenes
        )
        self.epilogues = tuple(
            compile_text(s.ending.epilogue, numbers)
            if s.ending and s.ending.epilogue is not None
            else None
            for s in story.scenes
        )

    def evaluator(self, expr: c.JsonExpr) -> Evaluator:
        """One closure per distinct expression: stories repeat their conditions a lot."""
        key = json.dumps(expr, separators=(",", ":"))
        if key not in self._compiled:
            self._compiled[key] = compile_expr(expr)
        return self._compiled[key]

    def _effects(self, effects: tuple[c.Effect, ...]) -> tuple[PreparedEffect, ...]:
        return tuple(
            PreparedEffect(self.story.variables[e.var], e.var, self.evaluator(e.expr))
            for e in effects
        )

    def _prepare(self, scene: c.Scene) -> PreparedScene:
        def condition(expr: c.JsonExpr | None) -> Evaluator | None:
            return None if expr is None else self.evaluator(expr)

        outcomes = scene.chance.outcomes if scene.chance else ()
        return PreparedScene(
            scene,
            self._effects(scene.effects),
            tuple((d.target, condition(d.condition)) for d in scene.diverts),
            tuple((ch, condition(ch.condition), self._effects(ch.effects)) for ch in scene.choices),
            tuple((o, self._effects(o.effects)) for o in outcomes),
        )

    # -- pure transitions (the odds analysis uses these too) ---------------------------

    def initial_values(self) -> tuple[Value, ...]:
        return tuple(v.initial for v in self.story.variables)

    @staticmethod
    def apply(effects: tuple[PreparedEffect, ...], values: tuple[Value, ...]) -> tuple[Value, ...]:
        if not effects:
            return values
        current = list(values)
        for effect in effects:
            # Each effect sees the values left by the ones before it.
            current[effect.index] = clamp(effect.variable, effect.evaluate(current))
        return tuple(current)

    def enter(self, scene: int, values: tuple[Value, ...]) -> tuple[Value, ...]:
        return self.apply(self.scenes[scene].effects, values)

    def divert(self, scene: int, values: tuple[Value, ...]) -> int | None:
        for target, condition in self.scenes[scene].diverts:
            if condition is None or condition(values):
                return target
        return None

    def offered(self, scene: int, values: tuple[Value, ...]) -> list[int]:
        """Indexes (within the scene) of the choices whose conditions hold."""
        return [
            i
            for i, (_, condition, _) in enumerate(self.scenes[scene].choices)
            if condition is None or condition(values)
        ]

    def outcome_for(self, scene: int, roll: int) -> int:
        """The outcome a roll picks: the first whose running sum of weights exceeds it."""
        below = 0
        outcomes = self.scenes[scene].outcomes
        for index, (outcome, _) in enumerate(outcomes):
            below += outcome.weight
            if roll < below:
                return index
        return len(outcomes) - 1  # unreachable: rolls are below the total

    def snapshot(self, values: tuple[Value, ...]) -> dict[str, Any]:
        return snapshot(self.story.variables, values)


def snapshot(variables: tuple[c.Variable, ...], values: tuple[Value, ...]) -> dict[str, Any]:
    """Values by variable name, as JSON shows them (enum values by name)."""
    result: dict[str, Any] = {}
    for variable, value in zip(variables, values, strict=True):
        if variable.type == "enum":
            result[variable.name] = show(value, "enum", variable.values)
        elif variable.type == "bool":
            result[variable.name] = bool(value)
        else:
            result[variable.name] = int(value)
    return result


@dataclass(slots=True)
class Step:
    """What the reader sees on arriving in a scene, and what happened next."""

    scene: str
    text: str
    values: dict[str, Any]
    choices: list[dict[str, str]] | None = None
    taken: str | None = None
    divert: str | None = None
    chance: dict[str, Any] | None = None
    ending: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"scene": self.scene, "text": self.text, "vars": self.values}
        for key in ("choices", "taken", "divert", "chance", "ending"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


AWAITING = "awaiting_choice"
ENDED = "ending"
STUCK = "dead_end"


@dataclass(slots=True)
class Session:
    """One reader's play: the state, the history for undo, the steps since the start."""

    program: Program
    state: State
    history: list[State] = field(default_factory=list)
    status: str = AWAITING
    offered: list[int] = field(default_factory=list)
    seen: tuple[int, ...] = ()  # variation counts after the current scene was shown
    # Scenes in a row without a decision, draws included, before UndecidedLimitError (None:
    # no bound, as in the players). Checked at each draw: diverts alone have their own limit.
    undecided_limit: int | None = None

    @classmethod
    def begin(
        cls, program: Program, seed: int, undecided_limit: int | None = None
    ) -> tuple[Session, list[Step]]:
        start = program.story.start
        values = program.enter(start, program.initial_values())
        session = cls(program, State(start, values, seed_state(seed)))
        session.undecided_limit = undecided_limit
        return session, session.settle()

    @property
    def story(self) -> c.CompiledStory:
        return self.program.story

    @property
    def scene(self) -> c.Scene:
        return self.story.scenes[self.state.scene]

    def present(self, scene: int, values: tuple[Value, ...], seen: list[int]) -> Step:
        return Step(
            self.story.scenes[scene].id,
            self.program.texts[scene](values, seen),
            self.program.snapshot(values),
        )

    def settle(self) -> list[Step]:
        """From a scene just entered, go on until the reader must choose or play ends."""
        program = self.program
        scene, values, rng, saved_seen = self.state
        seen = list(saved_seen) + [0] * (len(self.story.sites) - len(saved_seen))
        steps: list[Step] = []
        chained = 0  # scenes entered by diverts since the last draw (or the decision)
        drawn = 0  # scenes entered before the last draw, since the decision
        undecided_limit = self.undecided_limit
        while True:
            if chained == MAX_AUTOMATIC_STEPS:
                raise StoryLoopError(
                    f"more than {MAX_AUTOMATIC_STEPS} scenes in a row without a decision "
                    f"(last: '{self.story.scenes[scene].id}')"
                )
            chained += 1
            arrival = tuple(seen)
            step = self.present(scene, values, seen)
            steps.append(step)
            prepared = program.scenes[scene]
            ending = prepared.scene.ending
            if ending is not None:
                epilogue = program.epilogues[scene]
                step.ending = {"kind": ending.kind}
                if epilogue is not None:
                    step.ending["epilogue"] = epilogue(values, seen)
                self.state, self.status, self.offered = (
                    State(scene, values, rng, arrival),
                    ENDED,
                    [],
                )
                self.seen = tuple(seen)
                return steps
            target = program.divert(scene, values)
            if target is None and prepared.outcomes:
                chance = prepared.scene.chance
                assert chance is not None
                roll, rng = draw(rng, chance.total)
                index = program.outcome_for(scene, roll)
                outcome, effects = prepared.outcomes[index]
                values = program.apply(effects, values)
                target = outcome.target
                drawn += chained
                chained = 0
                if undecided_limit is not None and drawn > undecided_limit:
                    raise UndecidedLimitError(drawn, prepared.scene.id)
                step.chance = {
                    "roll": roll,
                    "total": chance.total,
                    "outcome": index,
                    "target": self.story.scenes[target].id,
                }
            elif target is not None:
                step.divert = self.story.scenes[target].id
            if target is None:
                offered = program.offered(scene, values)
                if offered:
                    step.choices = [
                        {
                            "id": prepared.choices[i][0].id,
                            "text": program.choice_texts[scene][i](values, seen),
                        }
                        for i in offered
                    ]
                self.state = State(scene, values, rng, arrival)
                self.seen = tuple(seen)
                self.status, self.offered = (AWAITING if offered else STUCK), offered
                return steps
            scene = target
            values = program.enter(scene, values)

    def choose(self, position: int) -> list[Step]:
        """Take the offered choice at `position` (0-based among the offered ones)."""
        if self.status != AWAITING or not 0 <= position < len(self.offered):
            raise IndexError(position)
        scene, values, rng, _ = self.state
        choice, _, effects = self.program.scenes[scene].choices[self.offered[position]]
        self.history.append(self.state)
        values = self.program.apply(effects, values)
        values = self.program.enter(choice.target, values)
        self.state = State(choice.target, values, rng, self.seen)
        return self.settle()

    def choice_id(self, position: int) -> str:
        return self.program.scenes[self.state.scene].choices[self.offered[position]][0].id

    def undo(self) -> list[Step] | None:
        """Step back to the previous decision; None if there is none."""
        if not self.history:
            return None
        self.state = self.history.pop()
        return self.settle()
