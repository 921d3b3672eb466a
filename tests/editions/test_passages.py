"""Conditional text in the gamebook: for every sheet, the lines whose conditions hold read
exactly as the runtime renders the text, and no line says "Otherwise" with nothing after
it or shows an expression in brackets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.editions import passages
from crossing.editions.gamebook import build_gamebook
from crossing.story import compiled as c
from crossing.story.api import load_source
from crossing.story.evaluate import Value, compile_expr, compile_text, show, variation_step

ROOT = Path(__file__).resolve().parents[2]
JOURNEY = ROOT / "content" / "journey"

VARIABLES = (
    c.Variable("child", "bool", False),
    c.Variable("years_hidden", "int", 0, (), 0, 4),
    c.Variable("year", "enum", 0, ("y2009", "y2019")),
    c.Variable("cash", "int", 0, (), 0, 100_000),
)
CHILD, YEARS, YEAR, CASH = (["var", i] for i in range(4))
SMALL_DOMAINS: tuple[Sequence[Value], ...] = ((False, True), range(5), range(2), (0, 1, 500))


# -- what a reader reads, given the sheet --------------------------------------------


def read(lines: Sequence[passages.Line], values: Sequence[Value], seen: Sequence[int]) -> str:
    """The gamebook's lines as a reader with this sheet reads them (having read each
    variation `seen[site]` times before): those whose conditions hold, values filled in."""
    return " ".join(_reading(line, values, seen) for line in lines)


def all_lines(text: c.Text) -> list[passages.Line]:
    rules = passages.SheetRules(VARIABLES)
    return [line for block in passages.blocks(text, rules) for line in block.lines]


def _holds(clause: passages.Clause, values: Sequence[Value], seen: Sequence[int]) -> bool:
    if isinstance(clause, passages.Visit):
        count = seen[clause.site] if clause.site < len(seen) else 0
        shown = variation_step(clause.kind, count, clause.size)[0]
        return shown == (clause.index if clause.index < clause.size else None)
    return bool(compile_expr(clause)(values))


def _reading(line: passages.Line, values: Sequence[Value], seen: Sequence[int]) -> str:
    if not all(_holds(clause, values, seen) for clause in line.path):
        return ""
    return "".join(
        part
        if isinstance(part, str)
        else show(compile_expr(part.expr)(values), part.type, part.values)
        for part in line.parts
    )


def plain(markup: str) -> str:
    """Text without tags or white space: what must match, whatever the layout."""
    return re.sub(r"\s+", "", re.sub(r"<[^>]*>", "", markup))


# -- random conditional text --------------------------------------------------------

WORDS = ("You wait", "He talks", "the river", "a year", "Song-ho is", "now", "at night")
ENDS = ("", ".", ". ", "! ", " ", ", ", '.<sup class="cite"><a href="#x">1</a></sup> ')

conditions = st.one_of(
    st.just(CHILD),
    st.just(["not", CHILD]),
    st.builds(lambda k: ["==", YEARS, k], st.integers(0, 4)),
    st.builds(lambda k: [">=", YEARS, k], st.integers(0, 4)),
    st.builds(lambda k: ["==", YEAR, k], st.integers(0, 1)),
    st.builds(lambda k: [">", CASH, k], st.sampled_from([0, 499])),
)
values = st.one_of(
    st.builds(
        lambda e: c.Interpolation(e, "int"), st.sampled_from([YEARS, ["+", 13, YEARS], CASH])
    ),
    st.just(c.Interpolation(YEAR, "enum", ("y2009", "y2019"))),
)
fragments = st.builds(lambda w, e: w + e, st.sampled_from(WORDS), st.sampled_from(ENDS))


KINDS = st.sampled_from(["once", "seq", "cycle"])


def texts(depth: int) -> st.SearchStrategy[tuple[passages.Item, ...]]:
    """Inline text: words, values, conditions and variations, nested `depth` deep."""
    leaf: st.SearchStrategy[passages.Item] = st.one_of(fragments, values)
    if depth == 0:
        return st.lists(leaf, max_size=3).map(tuple)
    inner = texts(depth - 1)
    node = st.builds(c.Conditional, conditions, inner, st.one_of(st.none(), st.just(""), inner))
    variation = st.builds(
        c.Variation, KINDS, st.lists(inner, min_size=1, max_size=3).map(tuple), st.just(0)
    )
    return st.lists(st.one_of(leaf, leaf, node, variation), max_size=5).map(tuple)


def paragraphs(
    body: st.SearchStrategy[tuple[passages.Item, ...]],
) -> st.SearchStrategy[tuple[passages.Item, ...]]:
    return body.map(lambda items: ("<p>", *items, "</p>"))


# A story's text: paragraphs, and conditions or variations that stand for whole paragraphs.
block_nodes = st.one_of(
    st.builds(
        c.Conditional, conditions, paragraphs(texts(1)), st.one_of(st.none(), paragraphs(texts(1)))
    ),
    st.builds(
        c.Variation,
        KINDS,
        st.lists(paragraphs(texts(1)), min_size=1, max_size=3).map(tuple),
        st.just(0),
    ),
)
# A paragraph of only {if …: {once: …}}: the branch is itself a node of paragraphs.
block_nodes = st.one_of(
    block_nodes,
    st.builds(c.Conditional, conditions, block_nodes.map(lambda node: (node,)), st.none()),
)
documents = st.lists(
    st.one_of(paragraphs(texts(2)), block_nodes.map(lambda node: (node,))), min_size=1, max_size=4
).map(lambda chunks: _numbered(tuple(item for chunk in chunks for item in (*chunk, "\n"))))


def _numbered(text: tuple[passages.Item, ...]) -> tuple[passages.Item, ...]:
    """Each variation its own site, numbered in reading order, as the compiler does."""
    count = itertools.count()

    def walk(items: c.Text | None) -> c.Text | None:
        if items is None or isinstance(items, str):
            return items
        out: list[passages.Item] = []
        for item in items:
            if isinstance(item, c.Conditional):
                then = walk(item.then)
                assert then is not None
                out.append(c.Conditional(item.condition, then, walk(item.otherwise)))
            elif isinstance(item, c.Variation):
                site = next(count)
                parts = tuple(walk(part) or "" for part in item.parts)
                out.append(c.Variation(item.kind, parts, site))
            else:
                out.append(item)
        return tuple(out)

    result = walk(text)
    assert isinstance(result, tuple)
    return result


def sites(text: c.Text) -> int:
    return len(re.findall(r"Variation\(", repr(text)))


@settings(max_examples=150, deadline=None)
@given(text=documents, data=st.data())
def test_for_every_sheet_the_lines_that_apply_read_as_the_runtime_renders(
    text: tuple[passages.Item, ...], data: st.DataObject
) -> None:
    render = compile_text(text)
    lines = all_lines(text)
    n = sites(text)
    counts = [[k] * n for k in range(4)]
    counts.append(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)))
    for seen in counts:
        for sheet in itertools.product(*SMALL_DOMAINS):
            expected = plain(render(sheet, list(seen)))
            assert plain(read(lines, sheet, seen)) == expected, (sheet, seen)


@settings(max_examples=100, deadline=None)
@given(text=documents)
def test_no_line_is_empty_bracketed_or_impossible(text: tuple[passages.Item, ...]) -> None:
    rules = passages.SheetRules(VARIABLES)
    markup = passages.text_html(text, VARIABLES, rules)
    assert "Otherwise" not in markup
    assert "[" not in markup
    for line in all_lines(text):
        # Conditions on the sheet can hold together; at most one reading per variation.
        assert any(
            all(_holds(c, sheet, ()) for c in line.path if not isinstance(c, passages.Visit))
            for sheet in itertools.product(*SMALL_DOMAINS)
        ), line.path
        visits = [c for c in line.path if isinstance(c, passages.Visit)]
        assert len({v.site for v in visits}) == len(visits), line.path


@settings(max_examples=100, deadline=None)
@given(body=texts(2).map(lambda items: _numbered(items)))
def test_choice_readings_cover_every_sheet_once(body: tuple[passages.Item, ...]) -> None:
    """A choice's text read one way per sheet and visit: exactly one reading applies."""
    rules = passages.SheetRules(VARIABLES)
    readings = passages.inline_variants(body, rules)
    render = compile_text(body)
    for k in range(4):
        seen = [k] * sites(body)
        for sheet in itertools.product(*SMALL_DOMAINS):
            applying = [
                markup
                for path, markup in readings
                if all(_holds(clause, sheet, seen) for clause in path)
            ]
            shown = plain(render(sheet, list(seen)))
            if shown:
                assert len(applying) == 1, (sheet, seen, applying)
                assert plain(_settle(applying[0], sheet)) == shown
            else:
                assert all(not plain(m) for m in applying)


def _settle(markup: str, sheet: Sequence[Value]) -> str:
    """Fill the words of a value ("13 plus YEARS HIDDEN") from the sheet, for comparison."""
    names = {"child": 0, "years hidden": 1, "year": 2, "cash": 3}

    def value(match: re.Match[str]) -> str:
        words = re.sub(r"<[^>]*>", "", match.group(1))
        total = 0
        for term in words.split(" plus "):
            term = term.strip()
            index = names.get(term)
            if index is None:
                total += int(term)
            elif index == 2:
                return ("y2009", "y2019")[int(sheet[index])]
            else:
                total += int(sheet[index])
        return str(total)

    return re.sub(r'<span class="gb-var">(.*?</span>)</span>', value, markup)


# -- examples ------------------------------------------------------------------------


def test_a_value_inside_a_settled_line_is_printed_and_an_enum_value_in_words() -> None:
    rules = passages.SheetRules(VARIABLES)
    text = (
        c.Conditional(["==", YEARS, 1], ("Your son is ", c.Interpolation(YEARS, "int"), "."), None),
        c.Conditional(
            ["==", YEAR, 1],
            ("It is ", c.Interpolation(YEAR, "enum", ("y2009", "y2019")), "."),
            None,
        ),
    )
    lines = passages.text_lines(text, rules)
    assert [passages._if(line.path, rules) for line in lines] == [
        "If years hidden is 1:",
        "If year is “y2019”:",
    ]
    markup = passages.text_html(("<p>", *text, "</p>"), VARIABLES, rules)
    assert "Your son is 1." in markup and "It is y2019." in markup


def test_several_conditions_on_one_number_read_as_one() -> None:
    rules = passages.SheetRules(VARIABLES)
    path = (CHILD, *(["!=", YEARS, k] for k in range(3)))
    assert passages._if(path, rules) == "If child is ticked and years hidden is 3 or more:"
    assert passages._if((["!=", YEARS, 0], ["<", YEARS, 4]), rules) == (
        "If years hidden is from 1 to 3:"
    )
    assert passages._if((["!=", YEARS, 1], ["!=", YEARS, 3]), rules) == (
        "If years hidden is not 1 and years hidden is not 3:"  # not one stretch: as written
    )


@settings(max_examples=300, deadline=None)
@given(path=st.lists(conditions, min_size=1, max_size=5).map(tuple))
def test_simplified_conditions_hold_exactly_when_the_originals_do(
    path: tuple[c.JsonExpr, ...],
) -> None:
    rules = passages.SheetRules(VARIABLES)
    shorter = rules.simplified(path)
    assert len(shorter) <= len(path)
    for sheet in itertools.product(*SMALL_DOMAINS):
        assert all(_holds(x, sheet, ()) for x in shorter) == all(
            _holds(x, sheet, ()) for x in path
        ), (sheet, shorter)


def test_a_bound_reads_as_the_value_it_allows() -> None:
    rules = passages.SheetRules(VARIABLES)
    text = ("<p>", c.Conditional([">", CASH, 0], "Savings.", "Nothing saved."), "</p>")
    markup = passages.text_html(text, VARIABLES, rules)
    assert "If cash is more than 0:" in markup
    assert "If cash is 0:" in markup


# -- the journey ---------------------------------------------------------------------


class Text(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.feed(markup)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


@pytest.fixture(scope="module")
def journey_sections() -> list[tuple[int, str]]:
    loaded = load_source(JOURNEY)
    assert loaded.story is not None
    book = build_gamebook(loaded.story)
    found = []
    for section in book.sections:
        markup = section.html + (section.ending.epilogue or "" if section.ending else "")
        markup += "".join(line.html for choice in section.choices for line in choice.lines)
        found.append((section.number, " ".join(Text(markup).chunks)))
    return found


def test_no_section_of_the_journey_has_an_empty_otherwise(
    journey_sections: list[tuple[int, str]],
) -> None:
    for number, text in journey_sections:
        assert not re.search(r"Otherwise:\s*(\)|$)", text), number
        assert "Otherwise:" not in text, number  # lines say their own conditions


def test_no_section_of_the_journey_shows_a_bracketed_expression(
    journey_sections: list[tuple[int, str]],
) -> None:
    for number, text in journey_sections:
        assert not re.search(r"\[[^\]]*\]", text), (number, re.findall(r"\[[^\]]*\]", text))
