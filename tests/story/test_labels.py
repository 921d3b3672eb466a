"""Display labels: `var year "Year": {y2009 "2009", y2019 "2019"} = y2009`."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story.compiled import from_json
from crossing.story.parser import parse_file
from crossing.story.runtime import Program, Session
from crossing.story.source import SourceFile

from .conftest import Compile, Load
from .helpers import at

STORY = """\
title: T
var year "Year": {y2009 "2009", y2019 "2019, <late>"} = y2019
var who: {mi_ok "Mi-ok", chol} = chol
var cash "Cash, in US dollars": 0..100 = 5
var ok "Papers in order" = true
## start
In {year}, {who} has {cash} and {ok}.
-> end if ok
## end
ending: safety
~ who = mi_ok
{who} again.
"""


def test_labels_compile_and_show_in_text(compile_story: Compile) -> None:
    story = compile_story(STORY)
    year, who, cash, ok = story.variables
    assert (year.label, year.labels) == ("Year", ("2009", "2019, <late>"))
    assert (who.label, who.labels) == (None, ("Mi-ok", "chol"))  # the name where none is given
    assert (cash.label, cash.labels, cash.low, cash.high) == ("Cash, in US dollars", (), 0, 100)
    assert (ok.label, ok.type, ok.initial) == ("Papers in order", "bool", True)
    _session, steps = Session.begin(Program(story), 1)
    assert steps[0].text == "<p>In 2019, &lt;late&gt;, chol has 5 and true.</p>"
    assert steps[1].text == "<p>Mi-ok again.</p>"
    # Values keep their names where the engine names them (saves, transcripts).
    assert steps[1].values == {"year": "y2019", "who": "mi_ok", "cash": 5, "ok": True}
    data = story.to_json()
    assert data["variables"][0] == {
        "name": "year",
        "type": "enum",
        "initial": 1,
        "values": ["y2009", "y2019"],
        "label": "Year",
        "labels": ["2009", "2019, <late>"],
    }
    assert "labels" not in data["variables"][2]
    assert from_json(json.loads(json.dumps(data))) == story


def test_unlabelled_stories_compile_as_before(compile_story: Compile) -> None:
    story = compile_story("title: T\nvar s: {a, b} = b\n## start\nending: safety\n{s}\n")
    assert story.variables[0].labels == () and story.variables[0].label is None
    assert "label" not in story.to_json()["variables"][0]


def test_bad_labels(load: Load) -> None:
    empty = load('title: T\nvar s "": {a, b}\n## start\nending: safety\n{s}\n')
    assert at(empty, "E001", "main.story:2:1").message == "a label in quotes cannot be empty"
    blank = load('title: T\nvar s: {a " ", b}\n## start\nending: safety\n{s}\n')
    assert at(blank, "E001", "main.story:2:1").message == "a label in quotes cannot be empty"
    unquoted = load("title: T\nvar s: {a 2009, b}\n## start\nending: safety\n{s}\n")
    d = at(unquoted, "E001", "main.story:2:8")
    assert d.hint is not None and '{y2009 "2009", y2019 "2019"}' in d.hint


LABEL = st.text(
    st.characters(blacklist_characters='"\n\r', blacklist_categories=("Cs", "Cc")), max_size=12
).filter(lambda s: s.strip())
NAME = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(
    lambda s: s not in ("and", "or", "not", "true", "false", "if", "as")  # E054
)


@settings(max_examples=200, deadline=None)
@given(
    label=st.none() | LABEL,
    values=st.lists(
        st.tuples(NAME, st.none() | LABEL), min_size=1, max_size=4, unique_by=lambda v: v[0]
    ),
)
def test_any_labels_parse_back(label: str | None, values: list[tuple[str, str | None]]) -> None:
    items = ", ".join(name if text is None else f'{name} "{text}"' for name, text in values)
    head = "var v" + ("" if label is None else f' "{label}"')
    line = f"{head}: {{{items}}} = {values[-1][0]}"
    story_file, problems = parse_file(SourceFile("main.story", line))
    assert problems == []
    (decl,) = story_file.variables
    assert decl.label == label
    assert decl.values == [name for name, _ in values]
    expected = [text for _, text in values]
    assert decl.labels == (expected if any(t is not None for t in expected) else [])
