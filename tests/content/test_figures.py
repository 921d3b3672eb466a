"""figures.toml: the real figures load cleanly, and every kind of mistake is reported where it is."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crossing.content.figures import Figure, load_figures
from crossing.story.compiled import Place
from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.source import SourceFile
from crossing.story.tables import load_places, load_sources

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
EXPECTED = {
    "arrivals",
    "broker-fees",
    "settlement-grant",
    "thai-arrests",
    "repatriations",
    "timeline",
    "route-laos",
    "route-mongolia",
    "route-embassies",
    "route-sea",
    "route-russia",
}


def _table(name: str) -> SourceFile:
    return SourceFile(name, (CONTENT / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_sources() -> dict[str, object]:
    entries, diagnostics = load_sources(_table("sources.toml"))
    assert diagnostics == []
    return dict(entries)


@pytest.fixture(scope="module")
def real_places() -> dict[str, Place]:
    entries, diagnostics = load_places(_table("places.toml"))
    assert diagnostics == []
    return {key: entry.place for key, entry in entries.items()}


@pytest.fixture(scope="module")
def figures(real_sources: dict[str, object], real_places: dict[str, Place]) -> dict[str, Figure]:
    loaded, diagnostics = load_figures(CONTENT, real_sources, real_places)
    assert diagnostics == []
    return loaded


# --- the real content ------------------------------------------------------------------


def test_all_figures_load(figures: dict[str, Figure]) -> None:
    assert set(figures) == EXPECTED
    kinds = {key: f.kind for key, f in figures.items()}
    assert kinds["arrivals"] == "bars"
    assert kinds["broker-fees"] == "ranges"
    assert kinds["repatriations"] == "events"
    assert kinds["timeline"] == "timeline"
    assert all(kinds[k] == "route" for k in EXPECTED if k.startswith("route-"))


def test_every_figure_cites_known_sources(
    figures: dict[str, Figure], real_sources: dict[str, object]
) -> None:
    for figure in figures.values():
        assert figure.sources, figure.key
        assert len(set(figure.sources)) == len(figure.sources)
        assert set(figure.sources) <= set(real_sources), figure.key
        assert figure.title and figure.caption and figure.credit
        assert "<" not in figure.caption


def test_sources_in_first_seen_order(figures: dict[str, Figure]) -> None:
    assert figures["arrivals"].sources == ("mou-settlement", "joongang-2026-arrivals")
    timeline = figures["timeline"].sources
    assert timeline[:3] == ("pbs-2009", "mou-settlement", "latimes-1997-sea")
    # A row may cite several sources, separated by semicolons.
    assert {"rfa-2020-shoot", "kbs-2020-abrams"} <= set(timeline)


def test_positions_point_at_the_tables(figures: dict[str, Figure]) -> None:
    lines = (CONTENT / "figures.toml").read_text(encoding="utf-8").split("\n")
    for figure in figures.values():
        assert lines[figure.position.line - 1].strip() == f"[{figure.key}]"


def _csv_rows(name: str) -> list[dict[str, str]]:
    text = (CONTENT / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _grouped(value: str) -> str:
    return f"{int(value):,}"


def test_arrivals_table_matches_the_csv(figures: dict[str, Figure]) -> None:
    table = figures["arrivals"].table
    assert table.headers == ("Year", "Arrivals", "Women", "Note")
    source_rows = _csv_rows("arrivals.csv")
    assert len(table.rows) == len(source_rows) == 26
    for row, raw in zip(table.rows, source_rows, strict=True):
        assert row[0] == raw["label"]
        assert row[1] == _grouped(raw["value"])
        if raw["share"]:
            assert row[2] == f"{raw['share']} %"
    by_year = {row[0]: row for row in table.rows}
    assert by_year["2009"] == ("2009", "2,914", "77 %", "—")
    assert by_year["to 1998"] == ("to 1998", "947", "12 %", "total")
    assert by_year["2024"] == ("2024", "236", "—", "split not published")
    assert by_year["2025"] == ("2025", "224", "198 (88 %)", "—")
    assert any("split" in note for note in table.notes)


def test_thai_arrests_show_missing_years_as_no_figure(figures: dict[str, Figure]) -> None:
    rows = {row[0]: row for row in figures["thai-arrests"].table.rows}
    assert rows["2010"][1] == "2,482"
    for year in ("2006", "2008", "2009"):
        assert rows[year][1] == "—"
        assert rows[year][-1] == "no figure"
    assert "chiangrai-times-arrests" in figures["thai-arrests"].sources
    assert any("5,000" in note for note in figures["thai-arrests"].table.notes)


def test_broker_fees_keep_bounds_and_attribution(figures: dict[str, Figure]) -> None:
    table = figures["broker-fees"].table
    amounts = [row[table.headers.index("Amount")] for row in table.rows]
    assert amounts[:2] == ["under $2,000", "over $10,000"]
    assert amounts[-1] == "up to $85,000"
    confidence = [row[-1] for row in table.rows]
    assert confidence.count("activists' figure, as reported") == 3
    for row, raw in zip(table.rows, _csv_rows("broker-fees.csv"), strict=True):
        assert f"${_grouped(raw['amount'])}" in row[table.headers.index("Amount")]


def test_repatriations_give_both_counts(figures: dict[str, Figure]) -> None:
    rows = {row[0]: row for row in figures["repatriations"].table.rows}
    assert rows["9 Oct 2023"][2] == "500–600"
    assert rows["Jul 2021"][2] == "about 50"
    assert rows["27 May 2013"][2] == "9"


def test_route_tables_list_the_places_in_order(
    figures: dict[str, Figure], real_places: dict[str, Place]
) -> None:
    table = figures["route-laos"].table
    assert table.headers == ("Stop", "Place", "Country")
    assert table.rows[0] == ("1", real_places["musan"].name, "North Korea")
    assert table.rows[-1] == (str(len(table.rows)), "Bangkok", "Thailand")
    assert ("Laos" in [row[2] for row in table.rows]) and (
        "China" in [row[2] for row in table.rows]
    )
    sea = figures["route-sea"].table.rows
    assert sea[1][2] == "—"  # the open sea belongs to no country


def test_loading_twice_gives_the_same_figures(
    figures: dict[str, Figure], real_sources: dict[str, object], real_places: dict[str, Place]
) -> None:
    again, _ = load_figures(CONTENT, real_sources, real_places)
    assert again == figures


# --- mistakes, each at its place -----------------------------------------------------

SOURCES: dict[str, object] = {"mou-settlement": object(), "pbs-2009": object()}
PLACES = {
    "musan": Place("musan", "Musan, North Hamgyong", 42.226, 129.208, "KP"),
    "yanji": Place("yanji", "Yanji, Jilin", 42.888, 129.502, "CN"),
    "nowhere": Place("nowhere", "Nowhere", None, None, None),
}
GOOD_FIGURE = """\
[good]
kind = "bars"
data = "data/good.csv"
title = "Good"
caption = "A figure with nothing wrong."
credit = "Chart: Crossing"
label_heading = "Year"
value_heading = "Arrivals"
"""
GOOD_CSV = "# source: mou-settlement\nlabel,value\n2009,2914\n2010,2402\n"


def _load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, files: dict[str, str] | None = None
) -> tuple[dict[str, Figure], list[Diagnostic]]:
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "figures.toml").write_text(GOOD_FIGURE + "\n" + toml, encoding="utf-8")
    (content / "data" / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    for name, text in (files or {}).items():
        (content / "data" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # positions are shown relative to the working folder
    return load_figures(content, SOURCES, PLACES)


def _where(diagnostic: Diagnostic) -> tuple[str, str, int, int]:
    pos = diagnostic.position
    assert pos is not None
    return diagnostic.code, pos.path, pos.line, pos.col


BARS = """\
[broken]
kind = "bars"
data = "data/broken.csv"
title = "Broken"
caption = "Something is wrong with it."
credit = "Chart: Crossing"
label_heading = "Year"
value_heading = "Arrivals"
"""


def test_good_figure_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures, diagnostics = _load(tmp_path, monkeypatch, "")
    assert diagnostics == []
    assert list(figures) == ["good"]
    assert figures["good"].position == Position("content/figures.toml", 1, 1, 6)
    assert figures["good"].table.rows == (("2009", "2,914", "—"), ("2010", "2,402", "—"))


def test_csv_without_source_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures, diagnostics = _load(
        tmp_path, monkeypatch, BARS, {"broken.csv": "label,value\n2009,1\n"}
    )
    assert [_where(d) for d in diagnostics] == [("E234", "content/data/broken.csv", 1, 1)]
    assert list(figures) == ["good"]  # the broken figure is left out, the good one stays


def test_bad_number_at_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# source: mou-settlement\nlabel,value\n2009,2914\n2010,about 2400\n2011,2706\n"
    figures, diagnostics = _load(tmp_path, monkeypatch, BARS, {"broken.csv": text})
    assert [_where(d) for d in diagnostics] == [("E235", "content/data/broken.csv", 4, 6)]
    assert diagnostics[0].message == "'about 2400' is not a number"
    assert "broken" not in figures


def test_unknown_source_in_the_source_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# source: pbs-2009, mou-setlement\nlabel,value\n2009,1\n"
    figures, diagnostics = _load(tmp_path, monkeypatch, BARS, {"broken.csv": text})
    assert [_where(d) for d in diagnostics] == [("E236", "content/data/broken.csv", 1, 21)]
    assert diagnostics[0].hint == "did you mean 'mou-settlement'?"
    assert "broken" not in figures


def test_unknown_source_in_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# source: pbs-2009\nlabel,value,source\n2009,1,\n2010,2,pbs-2090\n"
    _, diagnostics = _load(tmp_path, monkeypatch, BARS, {"broken.csv": text})
    assert [_where(d) for d in diagnostics] == [("E236", "content/data/broken.csv", 4, 8)]
    assert diagnostics[0].hint == "did you mean 'pbs-2009'?"


def test_unknown_source_in_figures_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = BARS + 'sources = ["pbs-2009",\n  "mou-setlement"]\n'
    _, diagnostics = _load(tmp_path, monkeypatch, toml, {"broken.csv": GOOD_CSV})
    # The key on the array's second line is the one reported.
    assert [_where(d) for d in diagnostics] == [("E236", "content/figures.toml", 19, 3)]


ROUTE = """\
[route-x]
kind = "route"
title = "A route"
caption = "From Musan to Yanji."
credit = "Map: Crossing; country shapes from Natural Earth"
sources = ["pbs-2009"]
"""


def test_unknown_place_in_a_route(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = ROUTE + 'route = ["musan", "yanjj", "nowhere"]\n'
    figures, diagnostics = _load(tmp_path, monkeypatch, toml)
    assert [_where(d) for d in diagnostics] == [
        ("E237", "content/figures.toml", 16, 19),
        ("E237", "content/figures.toml", 16, 28),
    ]
    assert diagnostics[0].hint == "did you mean 'yanji'?"
    assert "no coordinates" in diagnostics[1].message
    assert "route-x" not in figures


def test_good_route(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures, diagnostics = _load(tmp_path, monkeypatch, ROUTE + 'route = ["musan", "yanji"]\n')
    assert diagnostics == []
    figure = figures["route-x"]
    assert figure.sources == ("pbs-2009",)
    assert figure.table.rows == (
        ("1", "Musan, North Hamgyong", "North Korea"),
        ("2", "Yanji, Jilin", "China"),
    )


def test_route_needs_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = ROUTE.replace('sources = ["pbs-2009"]\n', "") + 'route = ["musan", "yanji"]\n'
    _, diagnostics = _load(tmp_path, monkeypatch, toml)
    assert [_where(d) for d in diagnostics] == [("E231", "content/figures.toml", 10, 1)]


def test_unknown_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures, diagnostics = _load(tmp_path, monkeypatch, BARS.replace('"bars"', '"bar"'))
    assert [_where(d) for d in diagnostics] == [("E232", "content/figures.toml", 11, 1)]
    assert diagnostics[0].hint == "did you mean 'bars'?"
    assert "broken" not in figures


def test_missing_and_unknown_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = BARS.replace('caption = "Something is wrong with it."\n', "") + 'captoin = "x"\n'
    _, diagnostics = _load(tmp_path, monkeypatch, toml, {"broken.csv": GOOD_CSV})
    assert sorted(_where(d) for d in diagnostics) == [
        ("E231", "content/figures.toml", 10, 1),
        ("E231", "content/figures.toml", 17, 1),
    ]
    unknown = next(d for d in diagnostics if "unknown" in d.message)
    assert unknown.hint == "did you mean 'caption'?"


def test_markup_in_a_caption(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = BARS.replace("Something is wrong with it.", "Some <b>bold</b> text.")
    _, diagnostics = _load(tmp_path, monkeypatch, toml, {"broken.csv": GOOD_CSV})
    assert [_where(d) for d in diagnostics] == [("E231", "content/figures.toml", 14, 1)]


def test_toml_syntax_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures, diagnostics = _load(tmp_path, monkeypatch, '[broken]\nkind = "bars\n')
    assert figures == {}
    assert [_where(d) for d in diagnostics] == [("E230", "content/figures.toml", 11, 13)]
    assert diagnostics[0].message.startswith("TOML syntax:")


def test_missing_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, diagnostics = _load(tmp_path, monkeypatch, BARS)
    assert [_where(d) for d in diagnostics] == [("E233", "content/figures.toml", 12, 1)]


def test_data_file_outside_the_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, diagnostics = _load(tmp_path, monkeypatch, BARS.replace("data/broken", "../broken"))
    assert [_where(d) for d in diagnostics] == [("E233", "content/figures.toml", 12, 1)]


def test_missing_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# source: pbs-2009\n# note: x\nlabel,valeu\n2009,1\n"
    _, diagnostics = _load(tmp_path, monkeypatch, BARS, {"broken.csv": text})
    assert [_where(d) for d in diagnostics] == [
        ("E238", "content/data/broken.csv", 3, 1),
        ("E238", "content/data/broken.csv", 3, 1),
    ]
    assert diagnostics[1].hint == "did you mean 'value'?"


def test_bad_values_for_the_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = """\
[returns]
kind = "events"
data = "data/returns.csv"
title = "Returns"
caption = "Returns."
credit = "Chart: Crossing"
"""
    text = (
        "# source: pbs-2009\n"
        "date,what,amount,to,qualifier\n"
        "2021,from China,50,,roughly\n"
        "2022,from China,60,40,\n"
        "2023,,70,,\n"
        "2024,from China,500,600,\n"
    )
    figures, diagnostics = _load(tmp_path, monkeypatch, events, {"returns.csv": text})
    assert [_where(d) for d in diagnostics] == [
        ("E240", "content/data/returns.csv", 3, 21),
        ("E240", "content/data/returns.csv", 4, 20),
        ("E240", "content/data/returns.csv", 5, 6),
    ]
    assert "returns" not in figures


def test_every_problem_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# source: pbs-2009, nope\nlabel,value,share\n2009,x,10\n2010,5,200\n"
    toml = BARS + ROUTE + 'route = ["musan", "moon"]\n'
    figures, diagnostics = _load(tmp_path, monkeypatch, toml, {"broken.csv": text})
    assert sorted(_where(d)[0] for d in diagnostics) == ["E235", "E236", "E237", "E240"]
    assert list(figures) == ["good"]


def test_a_shared_data_file_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twice = BARS + BARS.replace("[broken]", "[broken-too]")
    text = "# source: nope\nlabel,value\n2009,x\n"
    figures, diagnostics = _load(tmp_path, monkeypatch, twice, {"broken.csv": text})
    assert sorted(d.code for d in diagnostics) == ["E235", "E236"]
    assert list(figures) == ["good"]


def test_no_figures_file_is_no_figures(tmp_path: Path) -> None:
    assert load_figures(tmp_path, SOURCES, PLACES) == ({}, [])
