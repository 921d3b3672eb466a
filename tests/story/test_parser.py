"""The line parser: every kind of line, the syntax tree it builds, and every error it reports."""

from __future__ import annotations

import pytest

from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.expressions import Binary, IntLit, Name
from crossing.story.parser import (
    CITE_CLOSE,
    CITE_OPEN,
    INTERP_CLOSE,
    INTERP_OPEN,
    parse_file,
    slugify,
)
from crossing.story.source import SourceFile, decode
from crossing.story.syntax import StoryFile

from .conftest import Load
from .helpers import MARKET, at, dedent, located, one, where


def parse(text: str, path: str = "main.story") -> tuple[StoryFile, list[Diagnostic]]:
    return parse_file(SourceFile(path, dedent(text)))


def parse_ok(text: str) -> StoryFile:
    story_file, diagnostics = parse(text)
    assert diagnostics == []
    return story_file


# -- the header ------------------------------------------------------------------------


def test_header_keys_values_and_positions() -> None:
    story_file = parse_ok(
        """
        title:   Market Day
        id: market
        version: 3
        language: ko
        start: wake
        sources: data/sources.toml
        places: places.toml
        endings: safety, caught
        include: a.story
        include: b.story

        ## wake
        """
    )
    header = story_file.header
    assert {k: v.text for k, v in header.items()} == {
        "title": "Market Day",
        "id": "market",
        "version": "3",
        "language": "ko",
        "start": "wake",
        "sources": "data/sources.toml",
        "places": "places.toml",
        "endings": "safety, caught",
    }
    assert header["title"].position == Position("main.story", 1, 10, 10)
    assert [i.text for i in story_file.includes] == ["a.story", "b.story"]
    assert story_file.includes[1].position == Position("main.story", 10, 10, 7)


def test_variable_declarations_of_every_kind() -> None:
    story_file = parse_ok(
        """
        var money: int = 20
        var rested: bool = false
        var season: {summer, winter} = winter
        var health: 0..3 = 3
        var debt: -10..-2
        var coins = 5
        var flag: bool
        var count: int
        """
    )
    found = {
        v.name: (v.type_name, v.values, v.low, v.high, v.initial and v.initial.text)
        for v in story_file.variables
    }
    assert found == {
        "money": ("int", [], None, None, "20"),
        "rested": ("bool", [], None, None, "false"),
        "season": ("enum", ["summer", "winter"], None, None, "winter"),
        "health": ("int", [], 0, 3, "3"),
        "debt": ("int", [], -10, -2, None),
        "coins": ("", [], None, None, "5"),
        "flag": ("bool", [], None, None, None),
        "count": ("int", [], None, None, None),
    }
    money = story_file.variables[0]
    assert money.position == Position("main.story", 1, 5, 5)
    assert money.initial is not None
    assert money.initial.position == Position("main.story", 1, 18, 2)


def test_blank_lines_and_comments_are_skipped_everywhere() -> None:
    story_file = parse_ok(
        """
        // a comment in the header
        title: T

           // an indented comment
        ## start
        // a comment among the scene's lines
        Text.
        * Go -> start
          // a comment under a choice
          ~ n = 1
        """
    )
    scene = story_file.scenes[0]
    assert scene.text.template.strip() == "Text."
    assert len(scene.choices[0].effects) == 1


# -- headings --------------------------------------------------------------------------


def test_chapters_with_and_without_ids() -> None:
    story_file = parse_ok(
        """
        title: T
        ## prologue
        # Morning {#morning}
        ## wake
        # The Long Road, Part 2
        ## road
        ## road-2
        #   Über den Fluss
        ## river
        """
    )
    assert [(c.id, c.title) for c in story_file.chapters] == [
        ("morning", "Morning"),
        ("the-long-road-part-2", "The Long Road, Part 2"),
        ("ber-den-fluss", "Über den Fluss"),
    ]
    assert story_file.chapters[0].position == Position("main.story", 3, 3, 7)
    assert [(s.id, s.chapter) for s in story_file.scenes] == [
        ("prologue", None),
        ("wake", "morning"),
        ("road", "the-long-road-part-2"),
        ("road-2", "the-long-road-part-2"),
        ("river", "ber-den-fluss"),
    ]
    assert story_file.scenes[1].position == Position("main.story", 4, 4, 4)


def test_a_chapter_heading_with_only_an_id() -> None:
    story_file = parse_ok("# {#part-one}\n## a\n")
    assert [(c.id, c.title) for c in story_file.chapters] == [("part-one", "")]


def test_slugify() -> None:
    assert slugify("  Hello, World!  ") == "hello-world"
    assert slugify("Part 2: The River") == "part-2-the-river"
    assert slugify("!!!") == ""


# -- scene metadata --------------------------------------------------------------------


def test_scene_metadata_and_media() -> None:
    story_file = parse_ok(
        """
        ## wake
        place: flat
        date: 2013-06
        era: late 2000s
        title: Waking up
        tags: home, night
        image: img/kitchen.jpg
          alt: A kitchen table
          caption: The flat in *June*
          credit: Photo: someone
        audio: sound/rain.ogg
          caption: Rain

        Text that looks like meta: it is not.
        ending: safety
        """
    )
    scene = story_file.scenes[0]
    assert {k: v.text for k, v in scene.meta.items()} == {
        "place": "flat",
        "date": "2013-06",
        "era": "late 2000s",
        "title": "Waking up",
        "tags": "home, night",
    }
    assert scene.meta["place"].position == Position("main.story", 2, 8, 4)
    image, audio = scene.media
    assert (image.kind, image.src) == ("image", "img/kitchen.jpg")
    assert image.alt is not None and image.alt.text == "A kitchen table"
    assert image.alt.position == Position("main.story", 8, 8, 15)
    assert image.caption is not None and image.caption.text == "The flat in *June*"
    assert image.credit is not None and image.credit.text == "Photo: someone"
    assert image.position == Position("main.story", 7, 8, 15)
    assert (audio.kind, audio.src, audio.alt) == ("audio", "sound/rain.ogg", None)
    assert audio.caption is not None and audio.caption.text == "Rain"
    # After the blank line, 'key: value' lines are prose.
    assert "ending: safety" in scene.text.template
    assert "ending" not in scene.meta


def test_meta_keys_chance_and_epilogue_are_not_metadata() -> None:
    story_file = parse_ok(
        """
        ## a
        ending: safety
        epilogue:
        Later.

        ## b
        chance:
          assumption: a guess
          1 -> a
        """
    )
    a, b = story_file.scenes
    assert a.epilogue is not None and a.epilogue.template.strip() == "Later."
    assert b.chance is not None and len(b.chance.outcomes) == 1


# -- scene lines -----------------------------------------------------------------------


def test_effects_diverts_choices_and_chance() -> None:
    story_file = parse_ok(
        """
        ## wake
        ~ money -= 2
        ~ season = winter
        Text {money}.
        -> broke if money < 0
        -> walk
        * Take the bus {#bus} -> bus if money >= 2
          ~ money -= 2
        * Walk -> walk

        ## bus
        chance: [^bbc][^un-2014]
          assumption: one in three, from the sources
          70% -> walk
            ~ money += 1
          30% -> wake
        """
    )
    wake, bus = story_file.scenes
    assert [(e.name, e.op, e.value.text) for e in wake.effects] == [
        ("money", "-=", "2"),
        ("season", "=", "winter"),
    ]
    assert wake.effects[0].position == Position("main.story", 2, 3, 5)
    assert wake.effects[0].value.position == Position("main.story", 2, 12, 1)
    first, second = wake.diverts
    assert (first.target, second.target) == ("broke", "walk")
    assert first.target_position == Position("main.story", 5, 4, 5)
    assert first.condition is not None
    assert first.condition.text == "money < 0"
    assert first.condition.position == Position("main.story", 5, 13, 9)
    assert isinstance(first.condition.expr, Binary)
    assert second.condition is None
    bus_choice, walk_choice = wake.choices
    assert bus_choice.explicit_id == "bus"
    assert bus_choice.text.template == "Take the bus"
    assert bus_choice.target == "bus"
    assert bus_choice.target_position == Position("main.story", 7, 26, 3)
    assert bus_choice.condition is not None and bus_choice.condition.text == "money >= 2"
    assert [(e.name, e.op) for e in bus_choice.effects] == [("money", "-=")]
    assert bus_choice.position == Position("main.story", 7, 1, 42)
    assert (walk_choice.explicit_id, walk_choice.condition, walk_choice.effects) == (
        None,
        None,
        [],
    )
    chance = bus.chance
    assert chance is not None
    assert [c.key for c in chance.citations] == ["bbc", "un-2014"]
    assert chance.citations[0].position == Position("main.story", 12, 9, 6)
    assert chance.assumption is not None
    assert chance.assumption.text == "one in three, from the sources"
    assert chance.assumption.position == Position("main.story", 13, 15, 30)
    assert [(o.weight_text, o.target) for o in chance.outcomes] == [
        ("70%", "walk"),
        ("30%", "wake"),
    ]
    assert [e.name for e in chance.outcomes[0].effects] == ["money"]
    assert chance.outcomes[0].position == Position("main.story", 14, 3, 3)
    assert chance.outcomes[1].target_position == Position("main.story", 16, 10, 4)


def test_text_template_replaces_interpolations_and_citations() -> None:
    story_file = parse_ok(
        """
        ## a
        You have {money} yuan.[^bbc] A \\{brace\\} and a \\[^not].
        Same paragraph.

        Next {a + 1} paragraph.
        """
    )
    block = story_file.scenes[0].text
    assert block.template.rstrip("\n") == (
        f"You have {INTERP_OPEN}0{INTERP_CLOSE} yuan.{CITE_OPEN}0{CITE_CLOSE}"
        " A \\{brace\\} and a \\[^not].\nSame paragraph.\n\n"
        f"Next {INTERP_OPEN}1{INTERP_CLOSE} paragraph."
    )
    assert [i.expr.text for i in block.interpolations] == ["money", "a + 1"]
    assert block.interpolations[0].expr.position == Position("main.story", 2, 11, 5)
    assert block.interpolations[1].placeholder == 1
    assert [(c.key, c.position) for c in block.citations] == [
        ("bbc", Position("main.story", 2, 23, 6))
    ]
    assert not block.is_empty


def test_private_use_characters_in_text_cannot_forge_slots() -> None:
    story_file = parse_ok(f"## a\nText {INTERP_OPEN}0{INTERP_CLOSE} here.")
    assert story_file.scenes[0].text.template == "Text \ufffd0\ufffd here.\n"
    assert story_file.scenes[0].text.interpolations == []


def test_epilogue_collects_the_paragraphs_after_it() -> None:
    story_file = parse_ok(
        """
        ## end
        ending: safety
        You arrive.

        epilogue:
        What happened after {n}.

        Years later.
        """
    )
    scene = story_file.scenes[0]
    assert scene.text.template.strip() == "You arrive."
    assert scene.epilogue is not None
    assert scene.epilogue.template.rstrip("\n") == (
        f"What happened after {INTERP_OPEN}0{INTERP_CLOSE}.\n\nYears later."
    )


def test_an_expression_in_an_interpolation_is_parsed() -> None:
    story_file = parse_ok("## a\n{ 40 + 2 }\n")
    expr = story_file.scenes[0].text.interpolations[0].expr.expr
    assert expr == Binary(1, 6, "+", IntLit(1, 2, 40), IntLit(6, 1, 2))


def test_effect_value_may_be_a_set_value() -> None:
    effect = parse_ok("## a\n~ season = winter\n").scenes[0].effects[0]
    assert effect.value.expr == Name(0, 6, "winter")


# -- CRLF, BOM and encodings -----------------------------------------------------------


def test_crlf_and_bom_files_compile_like_lf_files(load: Load) -> None:
    lf = load(MARKET)
    assert lf.story is not None
    crlf = load("\ufeff" + MARKET.replace("\n", "\r\n"))
    assert crlf.story == lf.story
    cr = load(MARKET.replace("\n", "\r"))
    assert cr.story == lf.story


def test_crlf_errors_have_the_same_positions(load: Load) -> None:
    text = "title: T\r\n\r\n## start\r\n* Go -> nowhere\r\n"
    loaded = load(text)
    d = one(loaded, "E004")
    assert where(d) == "main.story:4:9"
    bom = load("\ufefftitle: T\n## start\n* Go -> nowhere\n")
    assert where(one(bom, "E004")) == "main.story:3:9"


def test_decode_strips_bom_and_normalises_line_ends() -> None:
    source, diagnostics = decode("x.story", b"\xef\xbb\xbfa\r\nb\rc\n")
    assert diagnostics == []
    assert source is not None
    assert source.lines == ["a", "b", "c", ""]


# -- every parser error, with its position ---------------------------------------------

H = "title: T\nvar n: int = 0\n\n"  # lines 1-3; the snippet starts on line 4
END = "\n## end\nending: safety\n{n}\n"

PARSER_ERRORS = [
    # header
    ("this is junk\n## start\n-> end\n", "E001", "4:1", "expected a header line", "'## start'"),
    ("titel: x\n## start\n-> end\n", "E013", "4:1", "unknown header key 'titel'", "'title'"),
    ("version:\n## start\n-> end\n", "E013", "4:1", "'version:' needs a value", None),
    ("title: U\n## start\n-> end\n", "E060", "4:1", "'title' is given twice", None),
    # variables
    ("var\n## start\n-> end\n", "E001", "4:1", "malformed variable declaration", "var name"),
    ("var 9x: int = 1\n## start\n-> end\n", "E058", "4:5", "'9x' is not a valid", "letters"),
    ("var not: int = 1\n## start\n-> end\n", "E058", "4:5", "'not' is not a valid", None),
    ("var h: 5..1 = 3\n## start\n-> end\n", "E021", "4:8", "empty range 5..1", None),
    ("var s: {a, 1b} = a\n## start\n-> end\n", "E001", "4:8", "a set of values", None),
    ("var s: {} = a\n## start\n-> end\n", "E001", "4:8", "a set of values", None),
    ("var s: {a, a} = a\n## start\n-> end\n", "E067", "4:8", "lists a value twice", None),
    ("var s: string = a\n## start\n-> end\n", "E062", "4:8", "unknown type 'string'", "int"),
    ("var s: int =\n## start\n-> end\n", "E002", "4:13", "expected an initial value", None),
    ("var s: int = 1 +\n## start\n-> end\n", "E002", "4:17", "ends too early", None),
    ("var s: int = a = 1\n## start\n-> end\n", "E002", "4:16", "'='", "'=='"),
    ("var s\n## start\n-> end\n", "E001", "4:1", "needs a type or an initial", "var s: int"),
    # headings
    ("# Part {#9 bad}\n## start\n-> end\n", "E013", "4:10", "'9 bad' is not a valid chapter", None),
    ("# !!!\n## start\n-> end\n", "E013", "4:3", "this chapter needs an id", "{#river}"),
    ("## bad scene\n-> end\n", "E058", "4:4", "'bad scene' is not a valid scene id", "title:"),
    ("## start\n### deeper\n-> end\n", "E001", "5:1", "headings go two levels deep", None),
    # metadata
    ("## start\n  alt: x\n-> end\n", "E013", "5:3", "unexpected indented 'alt:'", "image:"),
    ("## start\nimage: a.jpg\n  alt:\n-> end\n", "E013", "6:3", "'alt:' needs a value", None),
    ("## start\nplcae: x\n-> end\n", "E013", "5:1", "unknown scene metadata", "'place'"),
    ("## start\nzzzz: x\n-> end\n", "E013", "5:1", "unknown scene metadata", "blank line"),
    ("## start\nplace:\n-> end\n", "E013", "5:1", "'place:' needs a value", None),
    ("## start\ntitle: a\ntitle: b\n-> end\n", "E060", "6:1", "'title' is given twice", None),
    # effects, text, diverts, choices
    ("## start\n-> end\n~ n = 1\n", "E059", "6:1", "effects come before", "indent"),
    ("## start\n-> end\nMore text\n", "E059", "6:1", "text after the scene's choices", None),
    ("## start\n  ~ n = 1\n-> end\n", "E059", "5:3", "indented effect belongs to nothing", None),
    ("## start\n~ n\n-> end\n", "E001", "5:1", "malformed effect", "~ name += value"),
    ("## start\n~ 9n = 1\n-> end\n", "E058", "5:3", "'9n' is not a variable name", None),
    ("## start\n~ n = 1 = 2\n-> end\n", "E002", "5:9", "unexpected character '='", "'=='"),
    ("## start\n* Go -> end\n   ~ n += \n", "E002", "6:10", "expected an expression", None),
    ("## start\n-> $$\n", "E058", "5:4", "'$$' is not a valid scene id", None),
    ("## start\n->\n", "E001", "5:3", "expected a scene after '->'", None),
    ("## start\n-> if\n", "E001", "5:4", "expected a scene after '->'", "-> scene if condition"),
    ("## start\n-> end iffy\n", "E001", "5:8", "unexpected 'iffy' after the scene", "if condition"),
    ("## start\n-> end if n &&\n", "E002", "5:13", "unexpected character '&'", "'and'"),
    ("## start\n* Go there\n", "E074", "5:1", "branch 'start/choice-1' goes nowhere", "-> scene"),
    ("## start\n* Go {#b c} -> end\n", "E058", "5:8", "'b c' is not a valid choice id", None),
    ("## start\n* {#x} -> end\n", "E001", "5:1", "the choice has no text", None),
    ("## start\n* Go -> end!\n", "E058", "5:9", "'end!' is not a valid scene id", None),
    ("## start\n* Go -> end if n = 1\n", "E002", "5:18", "unexpected character '='", "'=='"),
    ("## start\nText {n and more\n-> end\n", "E002", "5:6", "'{' is not closed", "'\\{'"),
    ("## start\nText [^ bad key]\n-> end\n", "E058", "5:8", "not a valid source key", None),
    ("## start\nText {n +} x\n-> end\n", "E002", "5:10", "ends too early", None),
    ("## start\n* Go {n *} -> end\n", "E002", "5:10", "ends too early", None),
    # chance blocks
    ("## start\nchance:\n  assumption:\n  1 -> end\n", "E068", "6:3", "assumption is empty", None),
    (
        "## start\nchance:\n  assumption: a\n  assumption: b\n  1 -> end\n",
        "E060",
        "7:3",
        "one assumption note",
        None,
    ),
    (
        "## start\nchance:\n  assumption: a\n  ~ n = 1\n  1 -> end\n",
        "E059",
        "7:3",
        "goes under an outcome",
        None,
    ),
    (
        "## start\nchance:\n  assumption: a\n  blah\n",
        "E001",
        "7:3",
        "expected a chance outcome",
        None,
    ),
    (
        "## start\nchance:\n  assumption: a\n  1 -> end\n    ~ 9n = 1\n",
        "E058",
        "8:7",
        "'9n' is not a variable name",
        None,
    ),
    (
        "## start\nchance: junk\n  assumption: a\n  1 -> end\n",
        "E001",
        "5:8",
        "only citations",
        None,
    ),
    ("## start\nchance: {n}\n  assumption: a\n  1 -> end\n", "E001", "5:8", "only citations", None),
    (
        "## start\nchance:\n  assumption: a\n  1 -> end\nchance:\n",
        "E060",
        "8:1",
        "at most one chance block",
        None,
    ),
    ("## end2\nending: safety\nepilogue:\nA\nepilogue:\nB\n", "E060", "8:1", "one epilogue", None),
]


@pytest.mark.parametrize(
    ("snippet", "code", "place", "message", "hint"),
    PARSER_ERRORS,
    ids=[f"{e[1]}-{e[3][:30]}" for e in PARSER_ERRORS],
)
def test_parser_errors_are_reported_at_the_right_place(
    load: Load, snippet: str, code: str, place: str, message: str, hint: str | None
) -> None:
    loaded = load(H + snippet + END)
    assert loaded.story is None
    diagnostic = at(loaded, code, f"main.story:{place}")
    assert message in diagnostic.message
    if hint is not None:
        assert diagnostic.hint is not None and hint in diagnostic.hint


def test_if_without_a_condition_is_reported_as_such(load: Load) -> None:
    """`-> end if` lacks its condition; the message must say so (not 'expected a scene')."""
    loaded = load(H + "## start\n-> end if\n* Go -> end if\n" + END)
    assert ("E002", "main.story:5:10") in located(loaded)
    assert ("E002", "main.story:6:15") in located(loaded)
    for diagnostic in loaded.diagnostics:
        if diagnostic.code == "E002":
            assert diagnostic.message == "expected a condition after 'if'"


def test_the_parser_reports_every_bad_line_not_just_the_first(load: Load) -> None:
    loaded = load(
        """
        title: T
        junk here
        var 1x: int = 0

        ## start
        ~ n = = 1
        * Go
        -> $bad
        """
    )
    assert {(d.code, where(d)) for d in loaded.diagnostics if d.code.startswith("E0")} >= {
        ("E001", "main.story:2:1"),
        ("E058", "main.story:3:5"),
        ("E002", "main.story:6:7"),
        ("E058", "main.story:8:4"),
    }
    assert ("E074", "main.story:7:1") in {(d.code, where(d)) for d in loaded.diagnostics}


def test_parse_file_never_raises_on_odd_lines() -> None:
    story_file, diagnostics = parse(
        "##\n#\n## a\n*\n* \n~\n->\nchance:\n  \n  ->\n  %\nepilogue:\nepilogue:\n"
    )
    assert story_file.scenes[0].id == "a"
    assert diagnostics
    assert all(d.position is not None and d.position.path == "main.story" for d in diagnostics)


def test_a_media_field_given_twice_is_an_error(load: Load) -> None:
    loaded = load("title: T\n\n## a\nimage: a.jpg\n  alt: one\n  alt: two\nending: safety\nText.\n")
    assert at(loaded, "E060", "main.story:6:3").message == "'alt' is given twice for this media"
