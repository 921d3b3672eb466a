"""Stories for the analysis tests: a few written out, and random compiled stories for
property tests (well-typed expressions, effects, diverts, chances and choices over small
and unbounded variables, with cycles and dead ends)."""

from __future__ import annotations

from hypothesis import strategies as st
from story.helpers import dedent

from crossing.story import compiled as c
from crossing.story.expressions import INT_LIMIT

ENDS = """
## home
ending: safety

Home.

## lost
ending: caught

Caught.
"""


def with_ends(*blocks: str) -> str:
    """Story text from indented blocks, with the two endings most tests share."""
    return "".join(dedent(block) for block in blocks) + ENDS


def gamblers_ruin(goal: int, start: int, up: int = 1, down: int = 1) -> str:
    """A walk from `start` that steps up with odds up:down, to `home` at `goal`, `lost` at 0."""
    return with_ends(f"""
        title: Ruin
        var n: 0..{goal} = {start}

        ## walk
        -> home if n == {goal}
        -> lost if n == 0
        chance:
          assumption: a coin, fair or not
          {up} -> walk
            ~ n += 1
          {down} -> walk
            ~ n -= 1
        """)


EDGE_NUMBERS = st.sampled_from([0, 1, 2, 3, -1, 7, 1000, INT_LIMIT, -INT_LIMIT, 65536])


def _variables() -> st.SearchStrategy[tuple[c.Variable, ...]]:
    small_int = st.builds(
        lambda low, size, start: c.Variable(
            "n", "int", low + start % (size + 1), (), low, low + size
        ),
        st.integers(-3, 3),
        st.integers(0, 4),
        st.integers(0, 10),
    )
    unbounded = st.builds(
        lambda start: c.Variable("u", "int", start), st.sampled_from([0, 5, INT_LIMIT - 1])
    )
    flag = st.builds(lambda v: c.Variable("f", "bool", v), st.booleans())
    enum = st.builds(
        lambda k, v: c.Variable("e", "enum", v % k, tuple(f"x{i}" for i in range(k))),
        st.integers(1, 3),
        st.integers(0, 2),
    )
    return st.lists(st.one_of(small_int, unbounded, flag, enum), max_size=4).map(
        lambda vs: tuple(
            c.Variable(f"{v.name}{i}", v.type, v.initial, v.values, v.low, v.high)
            for i, v in enumerate(vs)
        )
    )


def int_expr(variables: tuple[c.Variable, ...], depth: int = 2) -> st.SearchStrategy[c.JsonExpr]:
    leaves: list[st.SearchStrategy[c.JsonExpr]] = [EDGE_NUMBERS]
    ints = [i for i, v in enumerate(variables) if v.type == "int"]
    if ints:
        leaves.append(st.sampled_from(ints).map(lambda i: ["var", i]))
    leaf = st.one_of(*leaves)
    if depth == 0:
        return leaf
    inner = int_expr(variables, depth - 1)
    return st.one_of(
        leaf,
        st.tuples(st.sampled_from(["+", "-", "*", "/", "%", "min", "max"]), inner, inner).map(list),
        inner.map(lambda e: ["neg", e]),
    )


def bool_expr(variables: tuple[c.Variable, ...], depth: int = 2) -> st.SearchStrategy[c.JsonExpr]:
    leaves: list[st.SearchStrategy[c.JsonExpr]] = [st.booleans()]
    bools = [i for i, v in enumerate(variables) if v.type == "bool"]
    if bools:
        leaves.append(st.sampled_from(bools).map(lambda i: ["var", i]))
    enums = [(i, len(v.values)) for i, v in enumerate(variables) if v.type == "enum"]
    if enums:
        leaves.append(
            st.tuples(st.sampled_from(enums), st.integers(0, 2), st.sampled_from(["==", "!="])).map(
                lambda t: [t[2], ["var", t[0][0]], t[1] % t[0][1]]
            )
        )
    compare = st.tuples(
        st.sampled_from(["==", "!=", "<", "<=", ">", ">="]),
        int_expr(variables, 1),
        int_expr(variables, 1),
    ).map(list)
    leaf = st.one_of(*leaves, compare)
    if depth == 0:
        return leaf
    inner = bool_expr(variables, depth - 1)
    return st.one_of(
        leaf,
        st.tuples(st.sampled_from(["and", "or"]), inner, inner).map(list),
        inner.map(lambda e: ["not", e]),
        st.tuples(st.sampled_from(["==", "!="]), inner, inner).map(list),
    )


def effect(draw: st.DrawFn, variables: tuple[c.Variable, ...]) -> c.Effect:
    index = draw(st.integers(0, len(variables) - 1))
    variable = variables[index]
    if variable.type == "int":
        expr = draw(int_expr(variables))
    elif variable.type == "bool":
        expr = draw(bool_expr(variables))
    else:
        expr = draw(st.integers(0, len(variable.values) - 1))
    return c.Effect(index, expr)


def effects(draw: st.DrawFn, variables: tuple[c.Variable, ...]) -> tuple[c.Effect, ...]:
    if not variables:
        return ()
    return tuple(effect(draw, variables) for _ in range(draw(st.integers(0, 2))))


def condition(draw: st.DrawFn, variables: tuple[c.Variable, ...]) -> c.JsonExpr | None:
    return draw(st.one_of(st.none(), bool_expr(variables)))


@st.composite
def compiled_stories(
    draw: st.DrawFn, max_scenes: int = 6, forward: bool = False
) -> c.CompiledStory:
    """Any shape of story; with `forward`, scenes lead mostly to later ones and the last
    two are endings, so that most plays end (with the odd loop back)."""
    variables = draw(_variables())
    count = draw(st.integers(3 if forward else 1, max_scenes))
    scenes: list[c.Scene] = []
    for index in range(count):
        target = st.integers(0, count - 1)
        kinds = ["ending", "choices", "chance", "diverts", "mixed"]
        if forward:
            kinds = ["ending"] if index >= count - 2 else kinds[1:]
            later = st.integers(index + 1, count - 1)
            target = st.one_of(later, later, later, st.integers(0, count - 1))
        kind = draw(st.sampled_from(kinds))
        ending = c.Ending("safety" if index % 2 else "caught", None)
        diverts: tuple[c.Divert, ...] = ()
        chance = None
        choices: tuple[c.Choice, ...] = ()
        if kind in ("diverts", "mixed"):
            diverts = tuple(
                c.Divert(draw(target), condition(draw, variables))
                for _ in range(draw(st.integers(1, 2)))
            )
        if kind == "chance" or (kind == "mixed" and draw(st.booleans())):
            weights = draw(st.lists(st.integers(1, 5), min_size=1, max_size=3))
            chance = c.Chance(
                tuple(c.Outcome(w, draw(target), effects(draw, variables)) for w in weights),
                sum(weights),
                (),
                "random",
            )
        elif kind in ("choices", "mixed"):
            choices = tuple(
                c.Choice(
                    f"s{index}/{n}",
                    "go",
                    draw(target),
                    condition(draw, variables),
                    effects(draw, variables),
                )
                for n in range(draw(st.integers(0, 3)))
            )
        scenes.append(
            c.Scene(
                id=f"s{index}",
                chapter=None,
                title=None,
                place=None,
                date=None,
                era=None,
                tags=(),
                media=(),
                effects=effects(draw, variables),
                text="",
                sources=(),
                diverts=diverts,
                choices=choices,
                chance=chance,
                ending=ending if kind == "ending" else None,
            )
        )
    return c.CompiledStory(
        id="random",
        title="Random",
        version="1",
        language="en",
        start=0,
        ending_kinds=("safety", "caught"),
        variables=variables,
        chapters=(),
        scenes=tuple(scenes),
        sources=(),
        places=(),
    )
