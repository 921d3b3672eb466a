"""Data files: the CSV reader, its positions, and what it reports."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.content import rows
from crossing.content.data import Cell, parse_data, parse_number, read_data, split_cells
from crossing.story.diagnostics import Position

GOOD = '''\
# source: mou-settlement, joongang-2026-arrivals
# note: "To 1998" is a total.
# a comment that is neither
label,value,remark
to 1998,947,"a total, of several years"
2009, 2914 ,
"say ""hi""",1,
'''


def test_reads_sources_notes_header_and_rows_with_positions() -> None:
    data, diagnostics = parse_data("d.csv", GOOD)
    assert diagnostics == []
    assert data is not None
    assert [c.text for c in data.sources] == ["mou-settlement", "joongang-2026-arrivals"]
    assert data.sources[0].position == Position("d.csv", 1, 11, 14)
    assert data.sources[1].position == Position("d.csv", 1, 27, 22)
    assert data.notes == ('"To 1998" is a total.',)
    assert data.columns == ("label", "value", "remark")
    assert data.header.line == 4
    assert [r.line for r in data.rows] == [5, 6, 7]
    assert data.rows[0].text("remark") == "a total, of several years"
    assert data.rows[0].cells["remark"].position == Position("d.csv", 5, 14, 25)
    assert data.rows[1].cells["value"].text == "2914"
    assert data.rows[1].cells["value"].position.col == 7  # after the space
    assert data.rows[2].text("label") == 'say "hi"'


def test_a_hash_line_is_a_comment_anywhere_and_a_quoted_hash_is_data() -> None:
    """As in most CSV readers with comments: a line whose first non-blank character is #
    is a comment, below the header too; a cell that must begin with # is quoted."""
    text = '# source: s\nlabel,value\n# left out for now: 2003,1\n"#1",5\n #2,6\n3,7\n'
    data, diagnostics = parse_data("d.csv", text)
    assert diagnostics == []
    assert data is not None
    assert [(r.line, r.text("label")) for r in data.rows] == [(4, "#1"), (6, "3")]


def test_split_cells_reports_an_open_quote() -> None:
    cells, error = split_cells('a,"b,c')
    assert error == "a quote opened at column 3 is never closed"
    assert [c[0] for c in cells] == ["a"]


def test_empty_last_cell_counts() -> None:
    cells, error = split_cells("a,")
    assert error is None
    assert [c[0] for c in cells] == ["a", ""]


def test_problems_are_reported_at_their_lines() -> None:
    text = '# source: a\nlabel,value\n1,2,3\n"open,4\n# note: late\n5,6\n'
    data, diagnostics = parse_data("d.csv", text)
    assert data is not None
    assert [(d.code, d.position.line if d.position else 0) for d in diagnostics] == [
        ("E239", 3),
        ("E239", 4),
        ("E239", 5),
    ]
    assert "3 cells; the header has 2" in diagnostics[0].message
    assert [r.line for r in data.rows] == [6]


def test_no_source_line_is_e234_at_the_top() -> None:
    data, diagnostics = parse_data("d.csv", "label,value\n1,2\n")
    assert data is not None
    assert [(d.code, d.position) for d in diagnostics] == [("E234", Position("d.csv", 1, 1))]


def test_no_header_is_e233() -> None:
    data, diagnostics = parse_data("d.csv", "# source: a\n\n")
    assert data is None
    assert [d.code for d in diagnostics] == ["E233"]


def test_duplicate_and_empty_column_names() -> None:
    _, diagnostics = parse_data("d.csv", "# source: a\nlabel,,Label\n")
    assert [(d.code, d.position.col if d.position else 0) for d in diagnostics] == [
        ("E239", 7),
        ("E239", 8),
    ]


def test_numbers() -> None:
    where = Position("d.csv", 3, 5, 4)
    for text, value in (("2914", 2914.0), ("2,914", 2914.0), ("12.5", 12.5), ("", None)):
        assert parse_number(Cell(text, where)) == (value, None)
    for text in ("12 %", "abc", "1.2.3", "$10", "1,23"):
        number, problem = parse_number(Cell(text, where))
        assert number is None
        assert problem is not None
        assert problem.code == "E235"
        assert problem.position == where


def test_read_data_missing_and_not_utf8(tmp_path: Path) -> None:
    named_at = Position("figures.toml", 4, 1, 4)
    data, diagnostics = read_data(tmp_path / "none.csv", "none.csv", named_at)
    assert data is None
    assert [(d.code, d.position) for d in diagnostics] == [("E233", named_at)]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"# source: a\nlabel\n\xff\n")
    data, diagnostics = read_data(bad, "bad.csv")
    assert data is None
    assert [(d.code, d.position) for d in diagnostics] == [("E233", Position("bad.csv", 3, 1))]


def test_read_data_strips_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("\ufeff# source: a\r\nlabel,value\r\n2009,2914\r\n".encode())
    data, diagnostics = read_data(path, "x.csv")
    assert diagnostics == []
    assert data is not None
    assert data.rows[0].text("value") == "2914"


# --- properties --------------------------------------------------------------------------

_names = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
    min_size=1,
    max_size=5,
    unique=True,
)
_cell = st.text(
    st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)), max_size=12
)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@settings(max_examples=150)
@given(names=_names, data=st.data())
def test_quoted_rows_round_trip(names: list[str], data: st.DataObject) -> None:
    table = data.draw(
        st.lists(st.lists(_cell, min_size=len(names), max_size=len(names)), max_size=6)
    )
    lines = ["# source: a", ",".join(names)] + [",".join(_quoted(c) for c in row) for row in table]
    parsed, diagnostics = parse_data("p.csv", "\n".join(lines) + "\n")
    assert diagnostics == []
    assert parsed is not None
    assert parsed.columns == tuple(names)
    assert [[r.text(n) for n in names] for r in parsed.rows] == table
    assert [r.line for r in parsed.rows] == list(range(3, 3 + len(table)))


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_never_raises_and_positions_are_in_the_file(text: str) -> None:
    parsed, diagnostics = parse_data("p.csv", text)
    lines = text.split("\n")
    for diagnostic in diagnostics:
        assert diagnostic.position is not None
        assert 1 <= diagnostic.position.line <= len(lines)
    if parsed is not None:
        for row in parsed.rows:
            for cell in row.cells.values():
                assert 1 <= cell.position.col <= len(lines[row.line - 1]) + 1


_good = st.integers(min_value=0, max_value=10**7).map(str)
_bad = st.sampled_from(["n/a", "12 %", "about 5", "1.2.3", "x", "--3", "1e5"])


@settings(max_examples=150)
@given(st.lists(st.one_of(_good, _bad), min_size=1, max_size=12))
def test_bad_numbers_are_reported_at_their_line_and_column(values: list[str]) -> None:
    lines = ["# source: a", "label,value"] + [f"row {i},{v}" for i, v in enumerate(values)]
    parsed, diagnostics = parse_data("p.csv", "\n".join(lines))
    assert diagnostics == []
    assert parsed is not None
    _, problems = rows.bars(parsed)
    expected = [
        Position("p.csv", 3 + i, len(f"row {i},") + 1, len(v))
        for i, v in enumerate(values)
        if not v.isdigit()
    ]
    assert [d.position for d in problems] == expected
    assert all(d.code == "E235" for d in problems)
