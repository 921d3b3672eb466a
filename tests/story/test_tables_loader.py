"""Sources and places tables, and loading a project: files, includes, encodings, sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossing.story import load_source, loader, source
from crossing.story.diagnostics import Position
from crossing.story.loader import load_project, shown_path
from crossing.story.source import SourceFile, decode, read
from crossing.story.tables import PlaceEntry, SourceEntry, load_places, load_sources

from .conftest import Load, Write
from .helpers import at, codes, dedent, located, one, where

SCENES = "## s\n-> e\n## e\nending: safety\n"


def sources_of(text: str) -> tuple[dict[str, SourceEntry], list[tuple[str, str | None, str]]]:
    entries, diagnostics = load_sources(SourceFile("s.toml", dedent(text)))
    return dict(entries), [(d.code, where(d), d.message) for d in diagnostics]


def places_of(text: str) -> tuple[dict[str, PlaceEntry], list[tuple[str, str | None, str]]]:
    entries, diagnostics = load_places(SourceFile("p.toml", dedent(text)))
    return dict(entries), [(d.code, where(d), d.message) for d in diagnostics]


# -- sources -----------------------------------------------------------------------------


def test_a_full_source_entry() -> None:
    entries, problems = sources_of(
        """
        [bbc-2014]
        title = "  Defectors  "
        author = "BBC"
        date = 2014-06-20
        url = "https://bbc.co.uk/x"
        confidence = "attributed"
        note = "A note"

        ["un.report"]
        title = "Report"
        author = "UN"
        confidence = "estimate"
        date = "2014"
        """
    )
    assert problems == []
    bbc = entries["bbc-2014"].source
    assert bbc.key == "bbc-2014"
    assert (bbc.title, bbc.author, bbc.date, bbc.url, bbc.confidence, bbc.note) == (
        "Defectors",
        "BBC",
        "2014-06-20",
        "https://bbc.co.uk/x",
        "attributed",
        "A note",
    )
    assert entries["bbc-2014"].position == Position("s.toml", 1, 1, 10)
    un = entries["un.report"].source
    assert entries["un.report"].position == Position("s.toml", 9, 1, 13)
    assert (un.date, un.url, un.note) == ("2014", None, None)


def test_source_problems_are_each_reported() -> None:
    entries, problems = sources_of(
        """
        scalar = 3

        [un]
        title = "UN"
        author = "UN"
        confidence = "sure"
        url = "ftp://x"
        extra = 1

        [nt]
        titel = "x"
        author = ""
        confidence = "estimate"
        note = 5

        [ok]
        title = "OK"
        author = "Me"
        confidence = "confirmed"
        """
    )
    assert list(entries) == ["ok"]
    assert problems == [
        ("E017", "s.toml:1:1", "'scalar' must be a table: [scalar]"),
        ("E017", "s.toml:3:1", "unknown field 'extra'"),
        ("E017", "s.toml:3:1", "unknown confidence 'sure'"),
        ("E017", "s.toml:3:1", "'url' must start with http:// or https://"),
        ("E017", "s.toml:10:1", "unknown field 'titel'"),
        ("E017", "s.toml:10:1", "missing field 'title'"),
        ("E017", "s.toml:10:1", "'author' must be non-empty text"),
        ("E017", "s.toml:10:1", "'note' must be non-empty text"),
    ]


def test_source_hints() -> None:
    _, diagnostics = load_sources(
        SourceFile("s.toml", '[a]\ntitel = "x"\nauthor = "y"\nconfidence = "sure"\n')
    )
    hints = {d.message: d.hint for d in diagnostics}
    assert hints["unknown field 'titel'"] == "did you mean 'title'?"
    assert hints["unknown confidence 'sure'"] == "use one of: confirmed, attributed, estimate"


@pytest.mark.parametrize(
    ("text", "place", "fragment"),
    [
        ('[bbc]\ntitle = "BBC\n', "s.toml:2:13", "Illegal character"),
        ("[a]\n[a]\n", "s.toml:2:", "TOML syntax"),
        ("[a\n", "s.toml:1:", "TOML syntax"),
        ("title = \n", "s.toml:1:", "TOML syntax"),
    ],
)
def test_toml_syntax_errors_have_a_line_and_column(text: str, place: str, fragment: str) -> None:
    entries, diagnostics = load_sources(SourceFile("s.toml", text))
    assert entries == {}
    (d,) = diagnostics
    assert d.code == "E017"
    assert d.message.startswith("TOML syntax: ")
    assert fragment in d.message
    assert "(at line" not in d.message  # the position is in the diagnostic, not the text
    assert str(where(d)).startswith(place)


# -- places ------------------------------------------------------------------------------


def test_places_and_their_problems() -> None:
    entries, problems = places_of(
        """
        [hyesan]
        name = "Hyesan"
        lat = 41.4
        lon = 128
        country = "KP"
        note = "border city"

        [far]
        name = "Far"
        lat = 91
        lon = -180.5

        [odd]
        name = "Odd"
        lat = true
        lon = "east"

        [edge]
        name = "Edge"
        lat = -90
        lon = 180

        [bare]
        name = "Bare"
        elevation = 3

        [nameless]
        lat = 1
        """
    )
    assert set(entries) == {"hyesan", "far", "odd", "edge", "bare"}
    hyesan = entries["hyesan"].place
    assert (hyesan.name, hyesan.lat, hyesan.lon, hyesan.country) == (
        "Hyesan",
        41.4,
        128.0,
        "KP",
    )
    assert isinstance(hyesan.lon, float)
    far, edge = entries["far"].place, entries["edge"].place
    assert (far.lat, far.lon) == (None, None)
    assert (edge.lat, edge.lon) == (-90.0, 180.0)
    assert problems == [
        ("E017", "p.toml:8:1", "'lat' must be a number from -90 to 90"),
        ("E017", "p.toml:8:1", "'lon' must be a number from -180 to 180"),
        ("E017", "p.toml:13:1", "'lat' must be a number from -90 to 90"),
        ("E017", "p.toml:13:1", "'lon' must be a number from -180 to 180"),
        ("E017", "p.toml:23:1", "unknown field 'elevation'"),
        ("E017", "p.toml:27:1", "missing field 'name'"),
    ]


def test_a_place_that_is_not_a_table() -> None:
    _, problems = places_of('where = "here"\n')
    assert problems == [("E017", "p.toml:1:1", "'where' must be a table: [where]")]


def test_a_dotted_key_needs_quotes() -> None:
    # [a.b] is table b inside table a: almost always a key that needed quotes.
    entries, diagnostics = load_places(SourceFile("p.toml", '# places\n[a.b]\nname = "x"\n'))
    assert entries == {}
    (d,) = diagnostics
    assert (d.code, where(d)) == ("E017", "p.toml:2:1")
    assert d.message == "'a.b' is read as a table inside a table"
    assert d.hint == 'quote a key that has a dot: ["a.b"]'
    _, problems = sources_of('[who.2020]\ntitle = "x"\n')
    assert problems == [("E017", "s.toml:1:1", "'who.2020' is read as a table inside a table")]


def test_a_key_not_found_in_the_text_points_at_the_top() -> None:
    # An inline table defines the key without a '[key]' line of its own.
    entries, problems = places_of('x = { name = "X", lat = 1, lon = 2 }\n')
    assert problems == []
    assert entries["x"].position == Position("p.toml", 1, 1)


# -- tables in a project -------------------------------------------------------------------


def test_tables_are_found_relative_to_the_file_that_names_them(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: part/more.story\n## s\n-> m\n",
        {
            "part/more.story": "sources: data/s.toml\n## m\nText[^k]\n-> e\n## e\nending: safety\n",
            "part/data/s.toml": '[k]\ntitle = "K"\nauthor = "A"\nconfidence = "estimate"\n',
        },
    )
    assert loaded.story is not None, loaded.diagnostics
    assert [s.key for s in loaded.story.sources] == ["k"]
    assert loaded.diagnostics == []


def test_duplicate_sources_across_tables(load: Load) -> None:
    entry = '[bbc]\ntitle = "B"\nauthor = "B"\nconfidence = "confirmed"\n'
    loaded = load(
        "title: T\nsources: a.toml\ninclude: other.story\n## s\nText[^bbc]\n-> o\n",
        {
            "other.story": "sources: b.toml\n## o\nending: safety\n",
            "a.toml": entry,
            "b.toml": "# the same key again\n" + entry,
        },
    )
    d = one(loaded, "E003")
    assert where(d) == "b.toml:2:1"
    assert d.message == "source 'bbc' is defined twice"
    assert d.hint == "first defined at a.toml:1"


def test_duplicate_places_across_tables(load: Load) -> None:
    entry = '[x]\nname = "X"\nlat = 1\nlon = 2\n'
    loaded = load(
        "title: T\nplaces: a.toml\ninclude: o.story\n## s\nplace: x\n-> o\n",
        {"o.story": "places: b.toml\n## o\nending: safety\n", "a.toml": entry, "b.toml": entry},
    )
    assert one(loaded, "E003").message == "place 'x' is defined twice"


def test_missing_table_files(load: Load) -> None:
    loaded = load("title: T\nsources: nope.toml\nplaces: nope2.toml\n" + SCENES)
    assert at(loaded, "E012", "main.story:2:10").message == "sources file 'nope.toml' not found"
    assert at(loaded, "E012", "main.story:3:9").message == "places file 'nope2.toml' not found"


def test_a_binary_table_file(load: Load) -> None:
    loaded = load("title: T\nsources: s.toml\n" + SCENES, {"s.toml": b"[a]\x00"})
    assert ("E018", "s.toml:1:1") in located(loaded)


# -- includes -----------------------------------------------------------------------------------


def test_include_not_found(load: Load) -> None:
    loaded = load("title: T\ninclude: missing.story\n" + SCENES)
    d = one(loaded, "E012")
    assert where(d) == "main.story:2:10"
    assert d.message == "included file 'missing.story' not found"


def test_include_cycle(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: a.story\n" + SCENES,
        {"a.story": "include: b.story\n", "b.story": "// back to a\ninclude: a.story\n"},
    )
    d = one(loaded, "E063")
    assert where(d) == "b.story:2:10"
    assert d.message == "include cycle: main.story -> a.story -> b.story -> a.story"


def test_a_file_including_itself(load: Load) -> None:
    loaded = load("title: T\ninclude: main.story\n" + SCENES)
    assert one(loaded, "E063").message == "include cycle: main.story -> main.story"


def test_a_file_included_twice_is_read_once(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: a.story\ninclude: b.story\n## s\n-> c\n",
        {
            "a.story": "include: c.story\n",
            "b.story": "include: c.story\n",
            "c.story": "## c\nending: safety\n",
        },
    )
    assert loaded.diagnostics == []
    assert loaded.story is not None
    assert [s.id for s in loaded.story.scenes] == ["s", "c"]
    assert set(loaded.texts) == {"main.story", "a.story", "b.story", "c.story"}


def test_too_many_files(load: Load, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILES", 2)
    loaded = load(
        "title: T\ninclude: a.story\ninclude: b.story\n" + SCENES,
        {"a.story": "\n", "b.story": "\n"},
    )
    d = one(loaded, "E064")
    assert d.message == "more than 2 story files"
    assert where(d) == "main.story:3:10"


# -- the main file -----------------------------------------------------------------------------


def test_a_folder_with_main_story(write: Write, story_dir: Path) -> None:
    write("book/main.story", "title: Book\n" + SCENES)
    loaded = load_source(story_dir / "book")
    assert loaded.story is not None
    assert loaded.story.title == "Book"
    assert list(loaded.texts) == [str(Path("book") / "main.story")]


def test_a_folder_without_main_story(story_dir: Path) -> None:
    (story_dir / "empty").mkdir()
    loaded = load_source(story_dir / "empty")
    assert loaded.story is None
    (d,) = loaded.diagnostics
    assert (d.code, d.position) == ("E012", None)
    assert d.message == f"no story file at '{Path('empty') / 'main.story'}'"
    assert d.hint == "a story folder needs a 'main.story'"


def test_a_missing_main_file(story_dir: Path) -> None:
    loaded = load_source(story_dir / "nope.story")
    (d,) = loaded.diagnostics
    assert (d.code, d.position, d.hint) == ("E012", None, None)
    assert d.message == "no story file at 'nope.story'"
    assert loaded.errors == [d]


def test_paths_outside_the_working_folder_are_shown_whole(tmp_path: Path) -> None:
    path = tmp_path / "x.story"
    assert shown_path(path) == str(path)  # the tests run in /work/main, tmp_path is elsewhere


def test_paths_inside_the_working_folder_are_relative(story_dir: Path) -> None:
    assert shown_path(story_dir / "a" / "b.story") == str(Path("a") / "b.story")


def test_load_project_keeps_the_main_file_first(write: Write, story_dir: Path) -> None:
    write("a.story", "## a\nending: safety\n")
    project = load_project(write("main.story", "title: T\ninclude: a.story\n## m\n-> a\n"))
    assert [f.path for f in project.files] == ["main.story", "a.story"]
    assert project.main is project.files[0]
    assert loader.Project().main is None


# -- encodings and sizes --------------------------------------------------------------------


def test_a_binary_story_file(load: Load) -> None:
    loaded = load(b"title: T\n## s\nab\x00cd\n")
    d = one(loaded, "E018")
    assert where(d) == "main.story:3:1"
    assert "NUL byte" in d.message
    assert d.hint == "story files are plain UTF-8 text"
    assert loaded.story is None


def test_invalid_utf8_is_located(load: Load) -> None:
    loaded = load(b"title: T\n## s\n" + "été ".encode() + b"\xff rest\n")
    d = one(loaded, "E018")
    assert where(d) == "main.story:3:5"
    assert d.message == "the file is not valid UTF-8 (byte 0xff)"
    assert d.hint == "save the file as UTF-8"


def test_latin1_text_is_refused(load: Load) -> None:
    loaded = load("title: Café\n## s\n".encode("latin-1"))
    assert where(one(loaded, "E018")) == "main.story:1:11"


def test_an_oversized_file(load: Load, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 10)
    loaded = load("title: A story longer than ten bytes\n" + SCENES)
    d = one(loaded, "E018")
    assert where(d) == "main.story:1:1"
    assert d.message.startswith("the file is too large (")
    assert "the limit is 10)" in d.message
    assert codes(loaded) == ["E018"]


def test_an_oversized_include(load: Load, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 60)
    loaded = load("title: T\ninclude: big.story\n" + SCENES, {"big.story": "x" * 100 + "\n"})
    assert where(one(loaded, "E018")) == "big.story:1:1"
    assert loaded.story is None


def test_read_reports_unreadable_files(tmp_path: Path) -> None:
    found, diagnostics = read(tmp_path / "missing.story", "missing.story")
    assert found is None
    (d,) = diagnostics
    assert (d.code, d.position) == ("E012", None)
    assert d.message.startswith("cannot read 'missing.story': ")
    assert "No such file" in d.message


def test_decode_accepts_utf8_and_reports_the_first_bad_byte() -> None:
    good, problems = decode("x", "한국어\n".encode())
    assert problems == [] and good is not None and good.text == "한국어\n"
    bad, problems = decode("x", b"ok\nab\xc3(")
    assert bad is None
    assert problems[0].position == Position("x", 2, 3)
    assert problems[0].message == "the file is not valid UTF-8 (byte 0xc3)"
    nul, problems = decode("x", b"\n\n\x00")
    assert nul is None and problems[0].position == Position("x", 3, 1)


def test_a_dotted_source_key_gets_a_hint_to_quote_it(load: Load) -> None:
    loaded = load(
        "title: T\nsources: sources.toml\n\n## a\nending: safety\nText.[^met.2020]\n",
        {
            "sources.toml": '["met.2020"]\ntitle = "A"\nauthor = "B"\nconfidence = "confirmed"\n'
            '\n[who.2021]\ntitle = "C"\nauthor = "D"\nconfidence = "confirmed"\n'
        },
    )
    problem = at(loaded, "E017", "sources.toml:6:1")
    assert problem.message == "'who.2021' is read as a table inside a table"
    assert problem.hint == 'quote a key that has a dot: ["who.2021"]'
    assert codes(loaded) == ["E017"]  # no cascade of "missing field" errors
