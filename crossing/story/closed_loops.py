"""Sets of scenes that play can never leave once it enters them (the checker's E024).

A scene is automatic when it always moves on by itself: not an ending, no choices, and an
unconditional divert or a chance. Its possible next scenes are every divert target
(conditional or not) and every chance outcome's target: a superset of where play can go,
so a set found closed here is closed in every play, whatever the variables hold.

A scene is trapped when every scene reachable from it (itself included) is automatic and
known: from there play never reaches a decision, an ending or a dead end. The trapped
scenes form the largest closed set; its bottom strongly connected components (those no
edge leaves) are the smallest ones, and each of them is reported once. Linear time: one
reverse search, then Tarjan's algorithm over the trapped scenes, without recursion.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import compiled as c
from .bulk import collector_paused


def is_automatic(scene: c.Scene) -> bool:
    """Does play always move on from `scene` without the reader?"""
    if scene.ending is not None or scene.choices:
        return False
    unconditional = any(divert.condition is None for divert in scene.diverts)
    return unconditional or bool(scene.chance and scene.chance.outcomes)


def next_scenes(scene: c.Scene) -> list[int]:
    """Every scene play could move to from `scene` by itself (-1: an unknown target)."""
    targets = [divert.target for divert in scene.diverts]
    if scene.chance is not None:
        targets += [outcome.target for outcome in scene.chance.outcomes]
    return targets


def trapped_scenes(scenes: Sequence[c.Scene]) -> list[bool]:
    """For each scene, whether every scene reachable from it is automatic (and known)."""
    successors = [next_scenes(scene) for scene in scenes]
    predecessors: list[list[int]] = [[] for _ in scenes]
    free = [not is_automatic(scene) for scene in scenes]
    for source, targets in enumerate(successors):
        for target in targets:
            if target < 0:
                free[source] = True  # an unknown scene: E004 already; never flag on a guess
            else:
                predecessors[target].append(source)
    # Free scenes, and every scene that can reach one, have a way out.
    frontier = [index for index, is_free in enumerate(free) if is_free]
    while frontier:
        for source in predecessors[frontier.pop()]:
            if not free[source]:
                free[source] = True
                frontier.append(source)
    return [not is_free for is_free in free]


def closed_loops(scenes: Sequence[c.Scene]) -> list[list[int]]:
    """The smallest closed sets of automatic scenes, each in story order, in the order of
    their first scene."""
    with collector_paused():  # a list or two per scene, no cycles (bulk.py)
        return _closed_loops(scenes)


def _closed_loops(scenes: Sequence[c.Scene]) -> list[list[int]]:
    trapped = trapped_scenes(scenes)
    successors = [next_scenes(scene) if trapped[i] else [] for i, scene in enumerate(scenes)]
    components = _strong_components(successors, [i for i, t in enumerate(trapped) if t])
    component_of = {member: number for number, comp in enumerate(components) for member in comp}
    bottoms = [
        sorted(component)
        for number, component in enumerate(components)
        if all(component_of[t] == number for member in component for t in successors[member])
    ]
    return sorted(bottoms)


def _strong_components(successors: list[list[int]], nodes: list[int]) -> list[list[int]]:
    """Tarjan's strongly connected components of the graph restricted to `nodes` (every
    successor of a node in `nodes` is in `nodes`: the trapped set is closed)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, position = work[-1]
            targets = successors[node]
            if position < len(targets):
                work[-1] = (node, position + 1)
                target = targets[position]
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
