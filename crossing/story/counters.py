"""Compiler-made variables: visit counts (`seen(scene)`, `visits(scene)`) and once-only
choices (`{once}`). Each construct becomes an ordinary variable marked internal, set by
entry or choice effects, so both runtimes and the odds analysis play it with no rule of
its own. Their names hold a ':', which no author can write. Readers never see them, except
on the gamebook's sheet: a reader on paper keeps every value of play by hand, so there they
have a line of their own, headed by the label given here."""

from __future__ import annotations

from dataclasses import replace

from . import compiled as c


class Counters:
    """Makes the internal variables in `variables` (the checker's name -> (index, variable)
    table, in index order) and the effects that set them."""

    def __init__(self, variables: dict[str, tuple[int, c.Variable]]):
        self.variables = variables
        self.caps: dict[int, int] = {}  # scene index -> how far its visits are counted

    def _make(self, name: str, variable: c.Variable) -> int:
        if name not in self.variables:
            self.variables[name] = (len(self.variables), variable)
        return self.variables[name][0]

    def visits(self, scene: int, scene_id: str, cap: int) -> int:
        """The counter of entries into `scene`, counting at least up to `cap`."""
        self.caps[scene] = max(cap, self.caps.get(scene, 0))
        name = f"visits:{scene_id}"
        # The label heads the gamebook's sheet line, where a reader on paper keeps the count.
        label = f"Visits to “{scene_id}”"
        return self._make(name, c.Variable(name, "int", 0, (), 0, 1, label, internal=True))

    def once(self, choice_id: str) -> int:
        """The flag a once-only choice sets when taken."""
        name = f"once:{choice_id}"
        scene, _, local = choice_id.partition("/")
        label = f"Chose “{local}” in “{scene}”"
        return self._make(name, c.Variable(name, "bool", False, label=label, internal=True))

    def finish(self, scenes: list[c.Scene]) -> list[c.Scene]:
        """Give each counter its cap, and each counted scene the entry effect that counts:
        first, so the scene's own text and effects see the visit in progress."""
        scenes = list(scenes)
        for index, cap in self.caps.items():
            name = f"visits:{scenes[index].id}"
            var, variable = self.variables[name]
            self.variables[name] = (var, replace(variable, high=cap))
            count = c.Effect(var, ["+", ["var", var], 1])
            scenes[index] = replace(scenes[index], effects=(count, *scenes[index].effects))
        return scenes


def once_only(choice: c.Choice, flag: int) -> c.Choice:
    """`choice` offered only until it is taken."""
    unseen: c.JsonExpr = ["not", ["var", flag]]
    condition = unseen if choice.condition is None else ["and", unseen, choice.condition]
    return replace(choice, condition=condition, effects=(c.Effect(flag, True), *choice.effects))
