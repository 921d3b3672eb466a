"""Front matter: read against a schema, every problem at its own line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.content.frontmatter import Schema, Spec, read
from crossing.story.source import SourceFile

SCHEMA = Schema(
    {"title": Spec(str, required=True), "year": Spec(int), "draft": Spec(bool)},
    {"press": {"outlet": Spec(str, required=True), "date": Spec(str)}},
)


def source(text: str) -> SourceFile:
    return SourceFile("page.md", text)


def test_fields_tables_and_the_body_with_its_first_line() -> None:
    text = '+++\ntitle = "The river"\nyear = 2009\n[[press]]\noutlet = "Herald"\n+++\n\nBody.\n'
    matter, problems = read(source(text), SCHEMA)
    assert problems == []
    assert matter is not None
    assert matter.values == {"title": "The river", "year": 2009}
    assert matter.tables["press"] == [{"outlet": "Herald"}]
    assert matter.table_positions["press"][0].line == 4
    assert matter.body.split("\n")[1] == "Body."
    assert matter.body_line == 7


def test_a_file_without_front_matter_says_how_to_start() -> None:
    matter, problems = read(source("# Title\n"), SCHEMA)
    assert matter is None
    [problem] = problems
    assert (problem.code, problem.position and problem.position.line) == ("E201", 1)
    assert "+++" in (problem.hint or "")


def test_unclosed_front_matter() -> None:
    matter, problems = read(source('+++\ntitle = "x"\n'), SCHEMA)
    assert matter is None and "never closed" in problems[0].message


def test_toml_errors_point_at_the_file_line() -> None:
    matter, problems = read(source('+++\ntitle = "x"\nyear = = 3\n+++\n'), SCHEMA)
    assert matter is None
    assert problems[0].position is not None and problems[0].position.line == 3
    assert "not valid TOML" in problems[0].message


def test_every_problem_at_once_each_at_its_line() -> None:
    text = '+++\nyear = "2009"\ntitel = "x"\n[[press]]\ndate = "2009"\n+++\n'
    _, problems = read(source(text), SCHEMA)
    found = {(p.message, p.position.line if p.position else 0) for p in problems}
    assert ("'year' must be a whole number", 2) in found
    assert ("unknown field 'titel' in the front matter", 3) in found
    assert ("missing field 'title' in the front matter", 1) in found
    assert ("missing field 'outlet' in [[press]] entry 1", 4) in found
    hints = [p.hint for p in problems if "titel" in p.message]
    assert hints == ["did you mean 'title'?"]


def test_toml_dates_are_read_as_iso_text() -> None:
    text = '+++\ntitle = "x"\n[[press]]\noutlet = "A"\ndate = 2013-06-17T21:00:00\n+++\n'
    matter, problems = read(source(text), SCHEMA)
    assert problems == [] and matter is not None
    assert matter.tables["press"][0]["date"] == "2013-06-17T21:00"


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_any_text_is_read_or_reported_never_raises(text: str) -> None:
    matter, problems = read(source(text), SCHEMA)
    assert matter is not None or problems
    for problem in problems:
        assert problem.position is not None
        assert 1 <= problem.position.line <= text.count("\n") + 1


@given(
    title=st.text(alphabet=st.characters(whitelist_categories=["L", "N", "Zs"]), min_size=1).filter(
        str.strip
    ),
    year=st.integers(min_value=-(10**6), max_value=10**6),
    body=st.text(max_size=100),
)
def test_written_fields_read_back(title: str, year: int, body: str) -> None:
    text = f'+++\ntitle = "{title}"\nyear = {year}\n+++\n{body}'
    matter, problems = read(source(text), SCHEMA)
    assert problems == [] and matter is not None
    assert matter.values == {"title": title.strip(), "year": year}
    assert matter.body == body.replace("\r\n", "\n") or matter.body == body
