"""Tunnels: `-> shared -> next` enters the scene `shared` and, when it reaches `->->`,
goes on to `next`. Rewritten on the syntax tree before the checker resolves names, into
what the runtimes already play:

- one compiler-made set variable per tunnel, `return:shared`, whose values are "none" and
  one per place play can return to (`->next`): the return point;
- a choice that calls the tunnel sets it in its effects and goes to `shared`;
- a divert that calls it goes to a scene of its own, `scene/call-N`, whose entry effect
  sets it and which diverts to `shared` (a divert has no effects);
- `->->` becomes one divert per return point, each under `return:shared == ->next`.

`->->` returns from the tunnel whose body it is in: the tunnel's scene, or a scene only that
tunnel reaches before a return. A tunnel entered again before it has returned (reachable
from its own scene without passing a return) is an error: there is one return point per
tunnel, not a stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from . import compiled as c
from .diagnostics import Diagnostic, Position
from .expressions import Binary, Name
from .syntax import Choice, Divert, Effect, ExprSource, Scene, StoryFile
from .weave import new_scene

RETURN = "->->"
NONE = "none"

Variables = dict[str, tuple[int, c.Variable]]


def _name(text: str, position: Position) -> ExprSource:
    return ExprSource(Name(0, len(text), text), text, position)


def _returns_to(name: str, value: str, position: Position) -> ExprSource:
    eq = Binary(0, 1, "==", Name(0, len(name), name), Name(0, len(value), value))
    return ExprSource(eq, f"{name} == {value}", position)


def _ways(scene: Scene) -> list[Divert | Choice]:
    return [*scene.diverts, *scene.choices]


def _calls(scene: Scene) -> Iterator[Divert | Choice]:
    for item in _ways(scene):
        if item.tunnel is not None:
            yield item


def _targets(scene: Scene) -> Iterator[str]:
    """Where play can go from `scene` without returning from a tunnel: a call's tunnel and
    the scene after it (reached when the tunnel returns)."""
    for item in _ways(scene):
        if item.target != RETURN:
            yield item.target
        if item.tunnel is not None:
            yield item.tunnel.text
    if scene.chance is not None:
        yield from (outcome.target for outcome in scene.chance.outcomes)


def rewrite(
    files: list[StoryFile], variables: Variables, report: Callable[[Diagnostic], None]
) -> None:
    """Turn every tunnel call and return in `files` into diverts, choices and effects, and
    add each tunnel's return-point variable to `variables`."""
    scenes: dict[str, Scene] = {}
    for story_file in files:
        for scene in story_file.scenes:
            scenes.setdefault(scene.id, scene)
    # tunnel -> the scenes it returns to, in order, each where a call first names it
    points: dict[str, dict[str, Position]] = {}
    for scene in scenes.values():
        for item in _calls(scene):
            assert item.tunnel is not None
            points.setdefault(item.target, {}).setdefault(item.tunnel.text, item.tunnel.position)
    for shared, returns in points.items():
        name = f"return:{shared}"
        values = (NONE, *(f"->{point}" for point in returns))
        variable = c.Variable(
            name, "enum", 0, values, label=f"Return from “{shared}”", internal=True
        )
        variables.setdefault(name, (len(variables), variable))
    bodies = _bodies(scenes, points)
    _report_reentry(scenes, bodies, report)
    for story_file in files:
        for scene in list(story_file.scenes):
            _rewrite_calls(story_file, scene)
            _rewrite_returns(scene, points, bodies, report)


def _bodies(scenes: dict[str, Scene], tunnels: Iterable[str]) -> dict[str, set[str]]:
    """Each tunnel's body: the scenes play can reach from it before a return."""
    bodies: dict[str, set[str]] = {}
    for shared in tunnels:
        seen = {shared} if shared in scenes else set()
        frontier = list(seen)
        while frontier:
            for target in _targets(scenes[frontier.pop()]):
                if target in scenes and target not in seen:
                    seen.add(target)
                    frontier.append(target)
        bodies[shared] = seen
    return bodies


def _report_reentry(
    scenes: dict[str, Scene], bodies: dict[str, set[str]], report: Callable[[Diagnostic], None]
) -> None:
    for shared, body in bodies.items():
        for scene_id in sorted(body, key=list(scenes).index):
            for item in _calls(scenes[scene_id]):
                if item.target == shared:
                    report(
                        Diagnostic(
                            "E077",
                            f"the tunnel '{shared}' is entered again before it returns",
                            item.position,
                            "a tunnel cannot lead to itself, directly or through other scenes "
                            "or tunnels, before its '->->': each tunnel keeps one return point",
                        )
                    )


def _rewrite_calls(story_file: StoryFile, scene: Scene) -> None:
    made = 0
    for item in list(_calls(scene)):
        assert item.tunnel is not None
        name, value = f"return:{item.target}", f"->{item.tunnel.text}"
        setting = Effect(name, "=", _name(value, item.tunnel.position), item.position)
        if isinstance(item, Choice):
            item.effects.insert(0, setting)
        else:
            made += 1
            call = new_scene(scene, f"{scene.id}/call-{made}", item.position)
            call.effects.append(setting)
            call.diverts.append(Divert(item.target, item.target_position, None, item.position))
            story_file.scenes.insert(story_file.scenes.index(scene) + 1, call)
            item.target = call.id
        item.tunnel = None


def _rewrite_returns(
    scene: Scene,
    points: dict[str, dict[str, Position]],
    bodies: dict[str, set[str]],
    report: Callable[[Diagnostic], None],
) -> None:
    diverts: list[Divert] = []
    for divert in scene.diverts:
        if divert.target != RETURN:
            diverts.append(divert)
            continue
        # The tunnel whose body this is: its own scene first, else the only one reaching it.
        owners = (
            [scene.id] if scene.id in points else [t for t, b in bodies.items() if scene.id in b]
        )
        if len(owners) != 1:
            report(
                Diagnostic(
                    "E078",
                    "'->->' returns from a tunnel, and no tunnel leads here"
                    if not owners
                    else "'->->' could return from more than one tunnel here: "
                    + ", ".join(f"'{t}'" for t in owners),
                    divert.position,
                    f"enter it as a tunnel ('-> {scene.id} -> next'), or divert with '-> scene'"
                    if not owners
                    else "give each tunnel scenes of its own up to its '->->'",
                )
            )
            continue
        shared = owners[0]
        name = f"return:{shared}"
        for point, named in points[shared].items():
            condition = _returns_to(name, f"->{point}", divert.position)
            if divert.condition is not None:
                own = divert.condition
                both = Binary(0, 1, "and", own.expr, condition.expr)
                condition = ExprSource(both, own.text, own.position)
            diverts.append(Divert(point, named, condition, divert.position))
    scene.diverts = diverts
