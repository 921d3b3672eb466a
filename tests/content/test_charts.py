"""The SVG of every figure: standalone, accessible, self-contained, deterministic, and true to its data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crossing.content import charts, maps, svg
from crossing.content.figures import Figure, load_figures
from crossing.content.formats import Amount, money, number, percent
from crossing.content.rows import Bar, Event, Moment, Spread
from crossing.story.source import SourceFile
from crossing.story.tables import load_places, load_sources

CONTENT = Path(__file__).resolve().parents[2] / "content"
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def figures() -> dict[str, Figure]:
    read = lambda name: SourceFile(name, (CONTENT / name).read_text(encoding="utf-8"))  # noqa: E731
    sources, _ = load_sources(read("sources.toml"))
    places, _ = load_places(read("places.toml"))
    loaded, diagnostics = load_figures(
        CONTENT, sources, {key: entry.place for key, entry in places.items()}
    )
    assert diagnostics == []
    return loaded


def _root(text: str) -> ET.Element:
    assert not text.startswith("<?xml")
    return ET.fromstring(text)


def test_every_svg_is_a_standalone_accessible_image(figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        root = _root(figure.svg)
        assert root.tag == f"{NS}svg"
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"fig-{key}-title fig-{key}-desc"
        title = root.find(f"{NS}title")
        desc = root.find(f"{NS}desc")
        assert title is not None and title.get("id") == f"fig-{key}-title"
        assert title.text == figure.title
        assert desc is not None and desc.get("id") == f"fig-{key}-desc"
        assert desc.text and desc.text.endswith(".") and desc.text.count(". ") == 0
        assert list(root)[:2] == [title, desc]  # named and described before anything else
        width = float(root.get("viewBox", "").split()[2])
        assert 360 <= width <= 400


def test_no_external_references_and_no_scripts(figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        text = figure.svg
        assert "href" not in text, key
        assert re.findall(r"https?://[^\s\"']*", text) == ["http://www.w3.org/2000/svg"], key
        assert re.findall(r"url\((?!#fig-" + re.escape(key) + r"-)", text) == [], key
        assert "@import" not in text and "<style" not in text
        root = _root(text)
        for element in root.iter():
            assert element.tag.removeprefix(NS) not in {
                "script",
                "image",
                "foreignObject",
                "use",
                "a",
            }
            assert not any(name.startswith("on") for name in element.attrib), key
            if element.get("id"):
                assert element.get("id", "").startswith(f"fig-{key}-"), element.get("id")


def test_ids_are_unique_across_all_figures(figures: dict[str, Figure]) -> None:
    ids = [e.get("id") for f in figures.values() for e in _root(f.svg).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def _text_extent(element: ET.Element) -> tuple[float, float]:
    content = "".join(element.itertext())
    size = float(element.get("font-size", "12"))
    bold = element.get("font-weight") == "bold" or any(
        t.get("font-weight") == "bold" for t in element
    )
    width = svg.text_width(content, size, bold)
    x = float(element.get("x", "0"))
    anchor = element.get("text-anchor", "start")
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return left, left + width


def test_text_is_large_enough_and_inside_the_picture(figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        root = _root(figure.svg)
        width = float(root.get("viewBox", "").split()[2])
        height = float(root.get("viewBox", "").split()[3])
        for element in root.iter(f"{NS}text"):
            assert float(element.get("font-size", "12")) >= 11, key
            left, right = _text_extent(element)
            label = "".join(element.itertext())
            assert left >= 0 and right <= width + 0.5, (key, label, left, right)
            assert 0 < float(element.get("y", "0")) <= height, (key, label)


def figures_keys() -> list[str]:
    return [
        line.strip("[]\n") for line in (CONTENT / "figures.toml").open() if line.startswith("[")
    ]


@pytest.fixture(scope="module")
def korean_figures() -> dict[str, Figure]:
    """The figures in Korean: figures.ko.toml's titles, the data files' .ko.csv words, the
    catalogue's legends and scales, the Korean journey's place names."""
    from crossing.content.site import load_site
    from crossing.story import load_source

    story = load_source(CONTENT / "journey", locale="ko").story
    content, diagnostics = load_site(CONTENT, story, "ko")
    assert [d for d in diagnostics if d.severity == "error"] == []
    return content.figures


def test_korean_figures_are_accessible_and_their_words_fit(
    korean_figures: dict[str, Figure],
) -> None:
    """Hangul is about twice as wide as Latin letters: the Korean labels still fit."""
    assert korean_figures.keys() == korean_figures.keys() & set(figures_keys())
    assert len(korean_figures) == len(figures_keys())
    test_every_svg_is_a_standalone_accessible_image(korean_figures)
    test_text_is_large_enough_and_inside_the_picture(korean_figures)


def test_wide_characters_are_measured_wide() -> None:
    """A Hangul syllable fills its em square; a Latin letter is measured at 0.6 em."""
    assert svg.text_width("북한", 12) == pytest.approx(24)
    assert svg.text_width("ab", 12) == pytest.approx(14.4)
    text = "북한이탈주민 입국 인원은 2009년에 가장 많았고 2011년 이후 줄었습니다"
    lines = svg.wrap(text, 150, 12)
    assert " ".join(lines) == text and len(lines) > 1
    assert all(svg.text_width(line, 12) <= 150 for line in lines)


def test_same_input_same_bytes(figures: dict[str, Figure]) -> None:
    bars = [Bar("2009", 2914, None, 77, "", ""), Bar("2010", None, None, None, "", "")]
    first = charts.draw_bars("k", "T", "D.", bars, ("women", "men"))
    assert first == charts.draw_bars("k", "T", "D.", list(bars), ("women", "men"))
    assert figures["arrivals"].svg.endswith("</svg>\n")


def test_the_svgs_say_the_numbers_of_the_data(figures: dict[str, Figure]) -> None:
    arrivals = figures["arrivals"].svg
    for phrase in (
        "2,914 · 77 % women",
        "947 (total) · 12 % women",
        "236 · split not published",
        "224 · 198 women (88 %)",
    ):
        assert phrase in arrivals
    for row in figures["arrivals"].table.rows:
        assert f">{row[0]}<" in arrivals and row[1] in arrivals
    thai = figures["thai-arrests"].svg
    assert thai.count(">no figure<") == 3
    assert ">0<" in thai and ">0 ·" not in thai  # zero is an axis tick, never a bar
    fees = figures["broker-fees"].svg
    for row in figures["broker-fees"].table.rows:
        assert row[3] in fees
    assert "logarithmic" in fees and "activists" in fees
    assert ">500–600<" in figures["repatriations"].svg
    timeline = figures["timeline"].svg
    assert all(f">{row[0]}<" in timeline for row in figures["timeline"].table.rows)


def test_routes_name_their_places(figures: dict[str, Figure]) -> None:
    svg_text = figures["route-laos"].svg
    for name in ("Musan", "Beijing", "Kunming", "Houayxay", "Chiang Khong", "Bangkok"):
        assert f">{name}<" in svg_text
    assert "<polyline" in svg_text and "Detail of the dashed box" in svg_text
    sea = figures["route-sea"].svg
    assert ">the West Sea<" in sea and ">South Hwanghae coast<" in sea
    for figure in figures.values():
        if figure.kind == "route":
            assert len(figure.svg) < 60_000, figure.key


def test_text_is_escaped() -> None:
    bars = [Bar("<b>&", 3, None, None, "", 'say "x"')]
    text = charts.draw_bars("k", "A & B", "<desc>.", bars, None)
    root = _root(text)
    assert root.find(f"{NS}title").text == "A & B"  # type: ignore[union-attr]
    assert "<b>" not in text


def test_other_kinds_draw_on_small_data() -> None:
    spreads = [
        Spread("2007", "a route", Amount(2000, None, "under"), False, "WaPo"),
        Spread("2024", "now", Amount(85000, None, "up to"), True, ""),
        Spread("2011", "span", Amount(3000, 4000), False, ""),
    ]
    events = [Event("2023", "from China", Amount(500, 600), "two counts", "RFA")]
    moments = [Moment("1997", "An event with a long description " * 4)]
    for text in (
        charts.draw_ranges("r", "T", "D.", spreads, "$"),
        charts.draw_events("e", "T", "D.", events, ""),
        charts.draw_timeline("t", "T", "D.", moments),
    ):
        _root(text)


# --- the pieces ----------------------------------------------------------------------


def test_number_formats() -> None:
    assert number(2914) == "2,914"
    assert number(72.1) == "72.1"
    assert percent(76.6) == "77 %"
    assert money(10000, "$") == "$10,000"
    assert money(15, "m won") == "15 m won"
    assert Amount(500, 600).text() == "500–600"
    assert Amount(50, None, "about").text() == "about 50"
    assert Amount(2000, None, "under").text("$") == "under $2,000"
    assert Amount(3000, 4000).text("$") == "$3,000–4,000"


def test_wrap_fits_the_width() -> None:
    text = "China sends back more than 500 people in one night, about 600 by another count."
    lines = svg.wrap(text, 150, 12)
    assert " ".join(lines) == text
    assert all(svg.text_width(line, 12) <= 150 for line in lines)
    assert svg.wrap("", 100, 12) == [""]


def test_parse_path_and_clip() -> None:
    rings = maps.parse_path("M0 0l10 0 0 10-10 0zM20 20L30 20 30 30z")
    assert rings == [[(0, 0), (10, 0), (10, 10), (0, 10)], [(20, 20), (30, 20), (30, 30)]]
    clipped = maps.clip(rings[0], (5, -5, 20, 5))
    assert sorted(clipped) == sorted([(5, 0), (10, 0), (10, 5), (5, 5)])
    assert maps.clip(rings[1], (0, 0, 10, 10)) == []
    assert maps.ring_path([(0, 0), (10, 0), (10, 10)]) == "M0 0l10 0 0 10z"
    assert maps.ring_path([(0, 0), (0.01, 0), (0.02, 0)]) == ""  # too small to draw


def test_base_map_has_the_route_countries() -> None:
    base = maps.read_base_map()
    names = {country.iso: country.name for country in base.countries}
    assert {"KP", "CN", "LA", "TH", "MN", "RU", "VN", "KH", "KR"} <= set(names)
    assert base.country_name("LA") == "Laos"
    x, y = base.projection.project(42.226, 129.208)
    assert 0 < x < base.projection.width and 0 < y < base.projection.height


# --- never raises, whatever the numbers --------------------------------------------------

_KIND_CSV = {
    "bars": ("label,value,part,share,span,remark", "{t},{a},{b},{c},{t},{t}"),
    "ranges": ("label,what,amount,to,qualifier,confidence,by", "{t},{t},{a},{b},{q},{k},{t}"),
    "events": ("date,what,amount,to,qualifier,remark,by", "{t},{t},{a},{b},{q},{t},{t}"),
    "timeline": ("date,event", "{t},{t}"),
}
_numbers = st.one_of(
    st.just(""), st.integers(0, 10**12).map(str), st.floats(0, 1e9).map(lambda f: f"{f:.3f}")
)
_words = st.text(
    st.characters(blacklist_characters='\n\r",', blacklist_categories=("Cs", "Cc")), max_size=30
)


_BLANK_ROW = dict.fromkeys("tabcqk", "")


@settings(max_examples=120, deadline=None)
@example(kind="bars", cells=[{**_BLANK_ROW, "t": "0"}, {**_BLANK_ROW, "t": "#"}])  # a comment
@given(
    kind=st.sampled_from(sorted(_KIND_CSV)),
    cells=st.lists(
        st.fixed_dictionaries(
            {
                "t": _words,
                "a": _numbers,
                "b": _numbers,
                "c": st.one_of(st.just(""), st.integers(0, 120).map(str)),
                "q": st.sampled_from(["", "about", "under", "over", "up to", "more than", "x"]),
                "k": st.sampled_from(["", "confirmed", "attributed", "maybe"]),
            }
        ),
        min_size=0,
        max_size=6,
    ),
)
def test_any_data_gives_a_figure_or_diagnostics_never_an_exception(
    tmp_path_factory: pytest.TempPathFactory, kind: str, cells: list[dict[str, str]]
) -> None:
    content = tmp_path_factory.mktemp("content")
    (content / "data").mkdir()
    header, row = _KIND_CSV[kind]
    lines = ["# source: s", header] + [row.format(**c) for c in cells]
    (content / "data" / "x.csv").write_text("\n".join(lines), encoding="utf-8")
    extra = 'label_heading = "Year"\nvalue_heading = "Value"\nparts = ["a", "b"]\n'
    (content / "figures.toml").write_text(
        f'[x]\nkind = "{kind}"\ndata = "data/x.csv"\ntitle = "T"\ncaption = "C"\n'
        f'credit = "Chart: Crossing"\n{extra if kind == "bars" else ""}',
        encoding="utf-8",
    )
    figures, diagnostics = load_figures(content, {"s": object()}, {})
    assert bool(figures) != bool(diagnostics)
    for figure in figures.values():
        root = _root(figure.svg)
        assert root.get("role") == "img"
        # A line whose first non-blank character is # is a comment, not a row.
        rows = [c for c in cells if not row.format(**c).lstrip().startswith("#")]
        assert len(figure.table.rows) == len(rows)


def test_a_maps_short_names_follow_the_languages_order() -> None:
    """English writes the place first ("Musan, North Hamgyong"), Korean the region first
    ("함경북도 무산"): a map names the place alone, without its note in brackets."""
    from crossing.story.compiled import Place

    def short(name: str, locale: str) -> str:
        return maps.short_name(Place("k", name, None, None, None), locale)

    assert short("Nanping, Jilin (opposite Musan)", "en") == "Nanping"
    assert short("Muang Xay (Oudomxay)", "en") == "Muang Xay"
    assert short("지린성 난핑(무산 맞은편)", "ko") == "난핑"
    assert short("하바롭스크 지방 체그도민", "ko") == "체그도민"
    assert short("베이징", "ko") == "베이징"
