"""The checker: names, types, odds and structure, each problem at its exact position."""

from __future__ import annotations

from fractions import Fraction

import pytest

from crossing.story import compiled as c
from crossing.story.checker import check_project
from crossing.story.loader import Project
from crossing.story.types import BOOL, INT, Type

from .conftest import Compile, Load
from .helpers import MARKET, at, codes, located, one, where

ENDINGS = "\n## a\nending: safety\n## b\nending: caught\n## c\nending: died\n"


# -- a valid story, compiled -------------------------------------------------------------


def test_the_market_story_compiles_to_what_it_says(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    assert (story.id, story.title, story.version, story.language) == (
        "market-day",
        "Market Day",
        "2",
        "en",
    )
    assert story.start == 0
    assert story.ending_kinds == ("safety", "caught", "died", "stranded", "hiding", "returned")
    assert story.variables == (
        c.Variable("money", "int", 3),
        c.Variable("tired", "bool", False),
        c.Variable("season", "enum", 0, ("summer", "winter")),
        c.Variable("health", "int", 2, (), 0, 3),
    )
    assert story.chapters == (
        c.Chapter("morning", "Morning", 0),
        c.Chapter("afternoon", "Afternoon", 2),
    )
    assert [s.id for s in story.scenes] == ["wake", "rest", "street", "caught", "home"]
    assert [s.chapter for s in story.scenes] == [0, 0, 1, 1, 1]
    wake = story.scenes[0]
    assert wake.title == "Waking up"
    assert [ch.id for ch in wake.choices] == ["wake/wake", "wake/rest", "wake/street"]
    assert wake.choices[0].condition == [">", ["var", 0], 0]
    assert wake.choices[0].effects == (
        c.Effect(0, ["-", ["var", 0], 1]),
        c.Effect(3, ["+", ["var", 3], 1]),
    )
    assert wake.choices[1].condition == ["not", ["var", 1]]
    rest = story.scenes[1]
    assert rest.effects == (c.Effect(1, True), c.Effect(2, 1))
    assert rest.diverts == (c.Divert(0, None),)
    street = story.scenes[2]
    assert street.chance == c.Chance(
        (c.Outcome(1, 3, (c.Effect(3, ["-", ["var", 3], 1]),)), c.Outcome(3, 4, ())),
        4,
        (),
        "a guess",
        "estimate",
    )
    assert street.diverts == (c.Divert(3, ["<", ["var", 3], 0]),)
    home = story.scenes[4]
    assert home.ending is not None and home.ending.kind == "safety"
    assert home.ending.epilogue == (
        "<p>Later, ",
        c.Interpolation(["var", 2], "enum", ("summer", "winter")),
        ".</p>",
    )


def test_header_defaults_and_explicit_values(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: A Story
        id: my-story
        version: 1.2
        language: ko
        start: second
        endings: home, away

        ## first
        -> second
        ## second
        -> first if false
        -> done
        ## done
        ending: home
        """
    )
    assert (story.id, story.version, story.language) == ("my-story", "1.2", "ko")
    assert story.start == 1
    assert story.ending_kinds == ("home", "away")
    assert story.scenes[1].diverts == (c.Divert(0, False), c.Divert(2, None))


def test_story_id_falls_back_to_story_when_the_title_has_no_letters(
    compile_story: Compile,
) -> None:
    story = compile_story("title: ???\n## a\nending: safety\n")
    assert story.id == "story"


def test_start_defaults_to_the_first_scene_of_the_main_file(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\ninclude: other.story\n## main_start\n-> o\n",
        {"other.story": "## o\nending: safety\n"},
    )
    assert [s.id for s in story.scenes] == ["main_start", "o"]
    assert story.start == 0


def test_start_when_only_an_included_file_has_scenes(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\ninclude: other.story\n",
        {"other.story": "## o\n-> p\n## p\nending: safety\n"},
    )
    assert story.scenes[story.start].id == "o"


def test_chapters_without_scenes_are_left_out(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        # Empty {#empty}
        # Full {#full}
        ## a
        ending: safety
        """
    )
    assert story.chapters == (c.Chapter("full", "Full", 0),)
    assert story.scenes[0].chapter == 0


def test_variable_types_are_inferred_and_defaulted(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var a = 5
        var b = -7
        var d = true
        var e: int
        var f: bool
        var g: {x, y}
        var h: 5..10
        var i: -10..-5
        var j: -3..3 = -3

        ## s
        {a}{b}{d}{e}{f}{g}{h}{i}{j}
        ~ a = 1
        ~ b = 1
        ~ d = false
        ~ e = 1
        ~ f = true
        ~ g = y
        ~ h = 6
        ~ i = -6
        ~ j = 0
        -> s if d
        """
    )
    assert [(v.name, v.type, v.initial, v.low, v.high) for v in story.variables] == [
        ("a", "int", 5, None, None),
        ("b", "int", -7, None, None),
        ("d", "bool", True, None, None),
        ("e", "int", 0, None, None),
        ("f", "bool", False, None, None),
        ("g", "enum", 0, None, None),
        ("h", "int", 5, 5, 10),
        ("i", "int", -5, -10, -5),
        ("j", "int", -3, -3, 3),
    ]


def test_text_is_html_with_slots_and_numbered_citations(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        sources: sources.toml
        var n: int = 1

        ## s
        ~ n = 2
        *Now* **{n}** <b>raw</b> [site](https://example.org)[^b][^a][^b]
        * Go *fast* [^a] -> e

        ## e
        ending: safety
        """,
        {
            "sources.toml": """
            [a]
            title = "A"
            author = "Ann"
            confidence = "confirmed"
            [b]
            title = "B"
            author = "Bob"
            confidence = "estimate"
            """
        },
    )
    scene = story.scenes[0]
    cite_b = '<sup class="cite"><a href="#source-b" data-source="b">1</a></sup>'
    cite_a = '<sup class="cite"><a href="#source-a" data-source="a">2</a></sup>'
    assert scene.text == (
        "<p><em>Now</em> <strong>",
        c.Interpolation(["var", 0], "int"),
        "</strong> &lt;b&gt;raw&lt;/b&gt; "
        f'<a href="https://example.org">site</a>{cite_b}{cite_a}{cite_b}</p>',
    )
    assert scene.choices[0].text == f"Go <em>fast</em> {cite_a}"
    assert scene.sources == ("b", "a")
    assert [s.key for s in story.sources] == ["a", "b"]


# -- chances ----------------------------------------------------------------------------


def chance_story(*outcomes: str, cite: str = "  assumption: a guess\n") -> str:
    lines = "".join(f"  {o}\n" for o in outcomes)
    return "title: T\n## start\nchance:\n" + cite + lines + ENDINGS


@pytest.mark.parametrize(
    "outcomes",
    [
        ("33.3% -> a", "33.3% -> b", "33.4% -> c"),
        ("12.5% -> a", "80% -> b", "7.50% -> c"),
        ("12.5% -> a", "87.5% -> b"),
        ("50% -> a", "25% -> b", "25% -> c"),
        ("3 -> a", "1 -> b", "1 -> c"),
        ("1 -> a", "1 -> b", "1 -> c"),
        ("0.25% -> a", "0.2% -> b", "0.75% -> c", "98.8% -> a"),
        ("0.125% -> a", "0.2% -> b", "99.675% -> c"),
    ],
)
def test_chance_weights_keep_the_written_odds_exactly(
    load: Load, outcomes: tuple[str, ...]
) -> None:
    loaded = load(chance_story(*outcomes))
    assert loaded.story is not None, loaded.diagnostics
    chance = loaded.story.scenes[0].chance
    assert chance is not None
    written = [Fraction(o.split()[0].rstrip("%")) for o in outcomes]
    assert all(isinstance(o.weight, int) and o.weight > 0 for o in chance.outcomes)
    assert chance.total == sum(o.weight for o in chance.outcomes)
    assert [Fraction(o.weight, chance.total) for o in chance.outcomes] == [
        w / sum(written) for w in written
    ]
    assert (chance.basis, chance.note) == ("estimate", "a guess")


def test_chance_weights_are_scaled_to_whole_numbers(compile_story: Compile) -> None:
    story = compile_story(chance_story("33.3% -> a", "33.3% -> b", "33.4% -> c"))
    chance = story.scenes[0].chance
    assert chance is not None
    assert [o.weight for o in chance.outcomes] == [333, 333, 334]
    assert chance.total == 1000
    # The smallest whole numbers (as the conformance corpus has it): 25 and 175 of 200.
    story = compile_story(chance_story("12.5% -> a", "87.5% -> b"))
    chance = story.scenes[0].chance
    assert chance is not None
    assert ([o.weight for o in chance.outcomes], chance.total) == ([25, 175], 200)
    story = compile_story(chance_story("0.25% -> a", "0.75% -> b", "0.2% -> c", "98.8% -> a"))
    chance = story.scenes[0].chance
    assert chance is not None
    assert ([o.weight for o in chance.outcomes], chance.total) == ([5, 15, 4, 1976], 2000)
    story = compile_story(chance_story("3 -> a", "1 -> b", "1 -> c"))
    chance = story.scenes[0].chance
    assert chance is not None
    assert ([o.weight for o in chance.outcomes], chance.total) == ([3, 1, 1], 5)


@pytest.mark.parametrize(
    "outcomes", [("12.5% -> a", "87.5% -> b", "0.0% -> c"), ("100% -> a", "0% -> b")]
)
def test_a_zero_weight_is_an_error(load: Load, outcomes: tuple[str, ...]) -> None:
    loaded = load(chance_story(*outcomes))
    zero = next(i for i, o in enumerate(outcomes) if o.startswith("0"))
    d = at(loaded, "E020", f"main.story:{5 + zero}:3")
    assert d.message == "a chance outcome needs a weight above zero"


def test_percentages_must_add_up_to_100(load: Load) -> None:
    loaded = load(chance_story("60% -> a", "30% -> b", "0.5% -> c"))
    d = at(loaded, "E009", "main.story:3:1")
    assert d.message == "the percentages add up to 90.5%, not 100%"
    assert d.hint == "adjust them by +9.5%"
    over = load(chance_story("60% -> a", "50% -> b", "1% -> c"))
    d = at(over, "E009", "main.story:3:1")
    assert "111%" in d.message and d.hint == "adjust them by -11%"


def test_chance_problems(load: Load) -> None:
    mixed = load(chance_story("60% -> a", "30 -> b", "10% -> c"))
    assert "not both" in at(mixed, "E066", "main.story:3:1").message
    decimal = load(chance_story("1.5 -> a", "1 -> b", "1 -> c"))
    d = at(decimal, "E020", "main.story:5:3")
    assert "'1.5' is not a percentage or a whole-number weight" in d.message
    assert d.hint is not None and "12.5%" in d.hint
    junk = load(chance_story("x% -> a", "1 -> b", "1 -> c"))
    assert at(junk, "E020", "main.story:5:3").message.startswith("'x%'")
    zero = load(chance_story("0 -> a", "1 -> b", "1 -> c"))
    assert (
        at(zero, "E020", "main.story:5:3").message == "a chance outcome needs a weight above zero"
    )
    huge = load(chance_story("2000000000 -> a", "2000000000 -> b", "1 -> c"))
    assert at(huge, "E056", "main.story:3:1").message.startswith("the weights are too large")
    empty = load("title: T\n## start\nchance:\n  assumption: a\n" + ENDINGS)
    d = at(empty, "E069", "main.story:3:1")
    assert d.message == "this chance has no outcomes"
    uncited = load(chance_story("1 -> a", "1 -> b", "1 -> c", cite=""))
    d = at(uncited, "E010", "main.story:3:1")
    assert d.hint is not None and "assumption" in d.hint
    unknown_target = load(chance_story("1 -> a", "1 -> bb", "1 -> c"))
    d = at(unknown_target, "E004", "main.story:6:8")
    assert d.hint == "did you mean 'b'?"


def test_a_cited_chance_needs_no_assumption(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\nsources: sources.toml\n## start\nchance: [^s]\n  1 -> a\n  1 -> b\n  1 -> c\n"
        + ENDINGS,
        {"sources.toml": '[s]\ntitle = "S"\nauthor = "A"\nconfidence = "attributed"\n'},
    )
    chance = story.scenes[0].chance
    assert chance is not None
    assert (chance.basis, chance.sources, chance.note, chance.total) == ("record", ("s",), None, 3)
    assert story.scenes[0].sources == ("s",)


# -- derived choice ids ------------------------------------------------------------------


def test_choice_ids_derive_from_targets(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        ## s
        * One -> e
        * Two -> e
        * Three {#three} -> e
        * Four -> e
        * Five -> f

        ## e
        ending: safety
        ## f
        ending: caught
        """
    )
    assert [ch.id for ch in story.scenes[0].choices] == [
        "s/e",
        "s/e-2",
        "s/three",
        "s/e-3",
        "s/f",
    ]


def test_duplicate_choice_ids(load: Load) -> None:
    explicit = load("title: T\n## s\n* A {#x} -> a\n* B {#x} -> a\n" + ENDINGS)
    d = one(explicit, "E015")
    assert where(d) == "main.story:4:1"
    assert "'s/x'" in d.message and d.hint is not None and "{#other_id}" in d.hint
    derived = load("title: T\n## s\n* A -> a\n* B {#a} -> a\n" + ENDINGS)
    assert "'s/a'" in at(derived, "E015", "main.story:4:1").message


# -- every checker problem, with its position and hint -------------------------------------

CHECKER_PROBLEMS = [
    # (story, code, place, message fragment, hint fragment or None for "no hint")
    (
        "title: T\n## s\n-> e\n## s\n-> e\n## e\nending: safety\n",
        "E003",
        "4:4",
        "scene 's' is defined twice",
        "first defined at main.story:2",
    ),
    (
        "title: T\n# A {#a}\n## s\n-> e\n# B {#a}\n## e\nending: safety\n",
        "E003",
        "5:3",
        "chapter 'a' is defined twice",
        None,
    ),
    ("title: T\n## s\n* Go -> edn\n## end\nending: safety\n", "E004", "3:9", "'edn'", "'end'"),
    ("title: T\n## s\n-> zzz\n## end\nending: safety\n", "E004", "3:4", "'zzz'", None),
    (
        "title: T\nstart: strat\n## start\n-> e\n## e\nending: safety\n",
        "E004",
        "2:8",
        "unknown start scene 'strat'",
        "'start'",
    ),
    (
        "title: T\nvar money: int = 0\n## s\n~ mony = 1\n{money}\n-> e\n## e\nending: safety\n",
        "E005",
        "4:3",
        "unknown variable 'mony'",
        "did you mean 'money'?",
    ),
    (
        "title: T\nvar money: int = 0\n## s\n~ money = 1\n-> e if mony > 1\n## e\nending: safety\n",
        "E005",
        "5:9",
        "unknown variable 'mony'",
        "did you mean 'money'?",
    ),
    (
        "title: T\n## s\n{xyz}\n-> e\n## e\nending: safety\n",
        "E005",
        "3:2",
        "unknown variable 'xyz'",
        "declare it in the header",
    ),
    (
        "title: T\n## s\nplace: hyesan\n-> e\n## e\nending: safety\n",
        "E006",
        "3:8",
        "unknown place 'hyesan'",
        "no places table",
    ),
    (
        "title: T\n## s\nText[^bbc]\n-> e\n## e\nending: safety\n",
        "E007",
        "3:5",
        "unknown source 'bbc'",
        "no sources table",
    ),
    (
        "title: T\nvar n: int = 0\nvar n: int = 1\n## s\n{n}\n-> e\n## e\nending: safety\n",
        "E011",
        "3:5",
        "variable 'n' is declared twice",
        "first declared at main.story:2",
    ),
    ("## s\n-> e\n## e\nending: safety\n", "E013", "1:1", "the story has no title", "title:"),
    (
        "title: T\nid: Bad_Id\n## s\n-> e\n## e\nending: safety\n",
        "E013",
        "2:5",
        "'Bad_Id' is not a valid story id",
        "lower-case",
    ),
    (
        "title: T\nendings: Home, away\n## s\n-> e\n## e\nending: away\n",
        "E053",
        "2:10",
        "'Home' is not a valid ending kind",
        "lower-case letters and '_'",
    ),
    (
        "title: T\n## s\ndate: 2013-1\n-> e\n## e\nending: safety\n",
        "E013",
        "3:7",
        "date '2013-1' is not YYYY",
        "era:",
    ),
    (
        "title: T\n## s\ntags: a b, c\n-> e\n## e\nending: safety\n",
        "E013",
        "3:7",
        "tags are words separated by commas",
        None,
    ),
    (
        "title: T\n## s\nimage: a.jpg\n-> e\n## e\nending: safety\n",
        "E013",
        "3:8",
        "an image needs alt text",
        "alt:",
    ),
    (
        "title: T\n## s\n-> e\n## e\nending: safety\n## x\nepilogue:\nAfter.\n-> e\n",
        "E059",
        "6:4",
        "only an ending has an epilogue",
        "ending: kind",
    ),
    (
        "title: T\n## s\n-> e\n## e\nending: safty\n",
        "E014",
        "5:9",
        "unknown ending kind 'safty'",
        "did you mean 'safety'?",
    ),
    (
        "title: T\nendings: home, away\n## s\n-> e\n## e\nending: xyz\n",
        "E014",
        "6:9",
        "unknown ending kind 'xyz'",
        "the kinds are: home, away",
    ),
    (
        "title: T\n## s\n* Go -> a\nchance:\n  assumption: x\n  1 -> a\n" + ENDINGS,
        "E016",
        "4:1",
        "choices or a chance, not both",
        "scene of its own",
    ),
    (
        "title: T\n## s\n-> e\n## e\nending: safety\n-> s\n",
        "E065",
        "5:9",
        "an ending has no choices, chance or diverts",
        None,
    ),
    ("title: T\nvar n: int = 1\n", "E019", "1:1", "the story has no scenes", "## start"),
    ("", "E019", "1:1", "the story has no scenes", "## start"),
    (
        "title: T\nvar h: 0..3 = 5\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E021",
        "2:15",
        "initial value 5 is outside 0..3",
        None,
    ),
    (
        "title: T\nvar h: bool = 1\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E021",
        "2:15",
        "must be true or false",
        None,
    ),
    (
        "title: T\nvar h: {summer, winter} = sumer\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E021",
        "2:27",
        "must be one of summer, winter",
        "did you mean 'summer'?",
    ),
    (
        "title: T\nvar h: int = 1 + 2\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E021",
        "2:14",
        "must be a whole number",
        None,
    ),
    (
        "title: T\nvar h: 0..99999999999\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E021",
        "2:8",
        "range bound 99999999999 is beyond",
        None,
    ),
    (
        "title: T\nvar h = winter\n## s\n{h}\n-> e\n## e\nending: safety\n",
        "E062",
        "2:9",
        "cannot tell the type of 'h'",
        "{a, b}",
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "place", "message", "hint"),
    CHECKER_PROBLEMS,
    ids=[f"{p[1]}-{p[3][:30]}" for p in CHECKER_PROBLEMS],
)
def test_checker_problems_are_reported_at_the_right_place(
    load: Load, text: str, code: str, place: str, message: str, hint: str | None
) -> None:
    loaded = load(text)
    assert loaded.story is None
    diagnostic = at(loaded, code, f"main.story:{place}")
    assert message in diagnostic.message
    if hint is None:
        assert diagnostic.hint is None
    else:
        assert diagnostic.hint is not None and hint in diagnostic.hint, diagnostic.hint


def test_unknown_place_and_source_with_tables_suggest_the_closest_key(load: Load) -> None:
    loaded = load(
        "title: T\nsources: s.toml\nplaces: p.toml\n## s\nplace: hyesn\nText[^bbc2]\n-> e\n"
        "## e\nplace: hyesan\nending: safety\nText[^bbc]\n",
        {
            "s.toml": '[bbc]\ntitle = "B"\nauthor = "B"\nconfidence = "confirmed"\n',
            "p.toml": '[hyesan]\nname = "Hyesan"\nlat = 41.4\nlon = 128.2\n',
        },
    )
    assert at(loaded, "E006", "main.story:5:8").hint == "did you mean 'hyesan'?"
    assert at(loaded, "E007", "main.story:6:5").hint == "did you mean 'bbc'?"
    assert sorted(codes(loaded)) == ["E006", "E007"]


def test_main_only_header_keys_in_an_included_file(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: other.story\n## s\n-> o\n",
        {"other.story": "title: X\nstart: o\n## o\nending: safety\n"},
    )
    d = at(loaded, "E013", "other.story:1:8")
    assert d.message == "'title' belongs in the main file's header"
    assert d.hint == "the main file is main.story"
    assert ("E013", "other.story:2:8") in located(loaded)


def test_a_slot_inside_a_link_address_is_an_error(load: Load) -> None:
    loaded = load("title: T\nvar n: int = 0\n## s\nSee [x]({n}).\n-> e\n## e\nending: safety\n")
    d = at(loaded, "E061", "main.story:4:10")
    assert "cannot stand inside a link address" in d.message


# -- types ----------------------------------------------------------------------------------

TYPED = "title: T\nvar n: int = 0\nvar s: {summer, winter} = summer\nvar b: bool = false\n## x\n"
TYPED_END = "\n## e\nending: safety\n{n}{s}{b}\n"

TYPE_ERRORS = [
    ("~ n = b + 1\n-> e", "E008", "6:7", "'+' needs a number, found true or false"),
    ("~ n = 1 * b\n-> e", "E008", "6:11", "'*' needs a number, found true or false"),
    ("-> e if n", "E008", "6:9", "expected true or false, found a number"),
    ("* Go -> e if n + 1", "E008", "6:14", "expected true or false, found a number"),
    ("-> e if s == 3", "E008", "6:9", "cannot compare a value of {summer, winter} with a number"),
    ("-> e if n == b", "E008", "6:9", "cannot compare a number with true or false"),
    ("-> e if s == autumn", "E008", "6:14", "'autumn' is not one of {summer, winter}"),
    ("-> e if autumn == s", "E008", "6:9", "'autumn' is not one of {summer, winter}"),
    ("~ s = autumn\n-> e", "E008", "6:7", "'autumn' is not one of {summer, winter}"),
    ("~ s = n\n-> e", "E008", "6:7", "expected a value of {summer, winter}, found a number"),
    ("~ b += 1\n-> e", "E008", "6:3", "'+=' needs a number, and 'b' is bool"),
    ("~ s -= 1\n-> e", "E008", "6:3", "'-=' needs a number, and 's' is enum"),
    ("~ n += b\n-> e", "E008", "6:8", "expected a number, found true or false"),
    ("-> e if not n", "E008", "6:13", "'not' needs true or false, found a number"),
    ("~ n = -b\n-> e", "E008", "6:8", "'-' needs a number, found true or false"),
    ("-> e if n and b", "E008", "6:9", "'and' needs true or false, found a number"),
    ("-> e if b or n", "E008", "6:14", "'or' needs true or false, found a number"),
    ("-> e if b < true", "E008", "6:9", "'<' needs a number, found true or false"),
    ("-> e if (n + 1) * 2", "E008", "6:9", "expected true or false, found a number"),
    ("-> e if winter", "E005", "6:9", "unknown variable 'winter'"),
    ("-> e if winter == summer", "E005", "6:19", "unknown variable 'summer'"),
    ("{b + 1}\n-> e", "E008", "6:2", "'+' needs a number"),
]


@pytest.mark.parametrize(("line", "code", "place", "message"), TYPE_ERRORS)
def test_type_errors(load: Load, line: str, code: str, place: str, message: str) -> None:
    loaded = load(TYPED + line + TYPED_END)
    assert loaded.story is None
    assert message in at(loaded, code, f"main.story:{place}").message


def test_enum_comparisons_compile_to_value_indexes(compile_story: Compile) -> None:
    story = compile_story(
        TYPED
        + "~ s = winter\n~ b = s != summer\n~ n += 2\n-> e if winter == s and b == true\n-> e"
        + TYPED_END
    )
    scene = story.scenes[0]
    assert scene.effects == (
        c.Effect(1, 1),
        c.Effect(2, ["!=", ["var", 1], 0]),
        c.Effect(0, ["+", ["var", 0], 2]),
    )
    assert scene.diverts[0].condition == [
        "and",
        ["==", 1, ["var", 1]],
        ["==", ["var", 2], True],
    ]


# -- many problems in one run ----------------------------------------------------------------


def test_every_problem_is_reported_in_one_run(load: Load) -> None:
    loaded = load(
        """
        title: T
        var n: int = 0
        var n: bool = true
        var s: {a, b} = c

        ## start
        ~ m = 1
        {n}
        * Go -> nowhere
        * Stay -> start if n
        * Left -> ending_one

        ## start
        -> start

        ## ending_one
        ending: victory
        """
    )
    assert loaded.story is None
    assert {
        ("E011", "main.story:3:5"),
        ("E021", "main.story:4:17"),
        ("E005", "main.story:7:3"),
        ("E004", "main.story:9:9"),
        ("E008", "main.story:10:20"),
        ("E003", "main.story:13:4"),
        ("E014", "main.story:17:9"),
    } <= located(loaded)


# -- warnings --------------------------------------------------------------------------------


def test_warnings_do_not_stop_compilation(load: Load) -> None:
    loaded = load(
        """
        title: T
        sources: sources.toml
        places: places.toml
        var unused: int = 0
        var setonly: int = 0
        var readonly: int = 0

        ## start
        place: nowhere
        ~ setonly = 1
        {readonly}
        -> a

        ## a
        ending: safety

        ## orphan
        Text
        """,
        {
            "sources.toml": '[old]\ntitle = "O"\nauthor = "A"\nconfidence = "estimate"\n',
            "places.toml": '[nowhere]\nname = "Nowhere"\nlat = 1.5\n',
        },
    )
    assert loaded.story is not None
    assert loaded.errors == []
    found = {(d.code, where(d)): d for d in loaded.diagnostics}
    assert set(found) == {
        ("W103", "main.story:4:5"),
        ("W103", "main.story:5:5"),
        ("W104", "main.story:6:5"),
        ("W101", "main.story:17:4"),
        ("W102", "main.story:17:4"),
        ("W105", "sources.toml:1:1"),
        ("W106", "places.toml:1:1"),
    }
    assert found["W103", "main.story:4:5"].message == "variable 'unused' is never used"
    assert found["W103", "main.story:5:5"].message == "variable 'setonly' is set but never read"
    assert found["W104", "main.story:6:5"].hint == "it always keeps its initial value"
    assert found["W101", "main.story:17:4"].message == "scene 'orphan' can never be reached"
    assert "no way out" in found["W102", "main.story:17:4"].message
    assert found["W105", "sources.toml:1:1"].message == "source 'old' is never cited"
    w106 = found["W106", "places.toml:1:1"]
    assert w106.message == "place 'nowhere' has no coordinates"
    assert w106.hint is not None and "lat" in w106.hint


def test_reachability_follows_choices_chances_and_diverts(load: Load) -> None:
    loaded = load(
        """
        title: T
        ## s
        -> t
        ## t
        * Go -> u
        ## u
        chance:
          assumption: x
          1 -> v
        ## v
        ending: safety
        ## lost
        -> v
        """
    )
    assert [(d.code, where(d)) for d in loaded.diagnostics] == [("W101", "main.story:12:4")]


def test_check_project_without_files_reports_only_the_loader_problems() -> None:
    result = check_project(Project())
    assert result.story is None
    assert result.diagnostics == []


def test_types_show_as_written() -> None:
    assert (str(INT), str(BOOL)) == ("int", "bool")
    assert str(Type("enum", ("summer", "winter"))) == "{summer, winter}"


def test_an_unknown_target_silences_reachability_warnings(load: Load) -> None:
    """With a broken link, 'never reached' would mostly be noise: only the E004 is shown."""
    loaded = load("title: T\n## s\n* Go -> mising\n## missing\nending: safety\n")
    assert [(d.code, where(d)) for d in loaded.diagnostics] == [("E004", "main.story:3:9")]
    assert loaded.diagnostics[0].hint == "did you mean 'missing'?"
