"""The gamebook edition: numbering, links, odds on paper, conditions in words, and the
Django partials that render it (with Django's standalone template engine)."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from analysis.stories import compiled_stories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossing.editions.gamebook import (
    Gamebook,
    PageView,
    build_gamebook,
    odds_words,
    paged_links,
    text_html,
)
from crossing.editions.words import (
    condition_words,
    effect_words,
    effects_words,
    initial_words,
    range_words,
    sheet_label,
    short_label,
    value_words,
)
from crossing.story import compiled as c
from crossing.story.api import load_source

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "crossing" / "web" / "templates"
CORPUS = ROOT / "tests" / "conformance"
CORPUS_FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "main.story").is_file())
STORY_PATHS = [ROOT / "examples" / "market-day", ROOT / "content" / "journey", *CORPUS_FOLDERS]
BASE = "/journey/gamebook/"
# Game language the edition never uses (the story's own text may, to say it has none).
FORBIDDEN = re.compile(r"game over|\bscore|you win|you lose|you won|you lost", re.IGNORECASE)


@functools.cache
def compiled(path: Path) -> c.CompiledStory:
    loaded = load_source(path)
    assert loaded.story is not None, [str(d) for d in loaded.errors]
    return loaded.story


@functools.cache
def gamebook(path: Path) -> Gamebook:
    return build_gamebook(compiled(path))


STORIES = [pytest.param(path, id=path.name) for path in STORY_PATHS]


# -- the runtime's graph, for comparison -----------------------------------------------


def runtime_targets(scene: c.Scene) -> list[int]:
    """Where the runtime can go from a scene, ignoring conditions: an ending stops; the
    diverts up to the first unconditional one; then the chance, or else the choices."""
    if scene.ending is not None:
        return []
    targets: list[int] = []
    for divert in scene.diverts:
        targets.append(divert.target)
        if divert.condition is None:
            return targets
    if scene.chance is not None:
        return targets + [o.target for o in scene.chance.outcomes]
    return targets + [choice.target for choice in scene.choices]


def reachable(start: int, edges: dict[int, list[int]]) -> set[int]:
    seen, stack = {start}, [start]
    while stack:
        for target in edges[stack.pop()]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


# -- numbering and links ---------------------------------------------------------------


@pytest.mark.parametrize("path", STORIES)
def test_sections_are_numbered_densely_from_the_start(path: Path) -> None:
    story, book = compiled(path), gamebook(path)
    assert [s.number for s in book.sections] == list(range(1, len(story.scenes) + 1))
    assert [s.anchor for s in book.sections] == [f"s{s.number}" for s in book.sections]
    assert book.section(1).scene_id == story.scenes[story.start].id
    rest = [scene.id for i, scene in enumerate(story.scenes) if i != story.start]
    assert [s.scene_id for s in book.sections[1:]] == rest
    assert build_gamebook(story) == book  # stable


@pytest.mark.parametrize("path", STORIES)
def test_every_way_on_is_a_link_to_an_existing_section(path: Path) -> None:
    story, book = compiled(path), gamebook(path)
    number = {s.scene_id: s.number for s in book.sections}
    for section in book.sections:
        scene = story.scenes[story.scene_index()[section.scene_id]]
        expected = [number[story.scenes[t].id] for t in runtime_targets(scene)]
        assert list(section.targets) == expected, section.scene_id
        assert all(1 <= t <= len(book.sections) for t in section.targets)
        if section.ending is not None:
            assert not section.targets and not section.may_stop and not section.dead_end


@pytest.mark.parametrize("path", STORIES)
def test_sections_are_reachable_exactly_when_their_scenes_are(path: Path) -> None:
    story, book = compiled(path), gamebook(path)
    scenes = reachable(story.start, {i: runtime_targets(s) for i, s in enumerate(story.scenes)})
    sections = reachable(1, {s.number: list(s.targets) for s in book.sections})
    assert {book.section(n).scene_id for n in sections} == {story.scenes[i].id for i in scenes}


def test_the_journey_is_whole() -> None:
    book = gamebook(ROOT / "content" / "journey")
    assert len(book.sections) == 207
    assert reachable(1, {s.number: list(s.targets) for s in book.sections}) == set(range(1, 208))
    assert [p.id for p in book.pages][:2] == ["opening", "mi-ok"]
    assert sorted(n for p in book.pages for n in p.sections) == list(range(1, 208))


@pytest.mark.parametrize("path", STORIES)
def test_pages_follow_chapters_and_links_cross_them(path: Path) -> None:
    story, book = compiled(path), gamebook(path)
    chapter_ids = {ch.id for ch in story.chapters}
    for page in book.pages:
        assert page.chapter_id is None or page.id == page.chapter_id in chapter_ids
        for n in page.sections:
            assert book.section(n).page_id == page.id
            assert book.page_of(n) == page
    last = book.sections[-1]
    assert book.href(None, last.number, base=None) == f"#s{last.number}"
    assert book.href(last.page_id, last.number, base=BASE) == f"#s{last.number}"
    for page in book.pages:
        if page.id != last.page_id:
            assert book.href(page.id, last.number, base=BASE) == (
                f"{BASE}{last.page_id}/#s{last.number}"
            )


def test_a_story_with_scenes_outside_chapters_gets_a_page_for_them() -> None:
    book = gamebook(CORPUS / "01-hello")
    assert [p.id for p in book.pages] == ["sections"]
    assert book.pages[0].title == book.title


# -- chance ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", STORIES)
def test_odds_add_up_and_the_numbers_cover_the_draw_exactly(path: Path) -> None:
    story, book = compiled(path), gamebook(path)
    for section in book.sections:
        chance = section.chance
        if chance is None:
            continue
        scene = story.scenes[story.scene_index()[section.scene_id]]
        assert scene.chance is not None
        assert sum(o.probability for o in chance.outcomes) == 1
        covered = [n for o in chance.outcomes for n in range(o.low, o.high + 1)]
        assert covered == list(range(1, chance.die + 1))
        for outcome, source in zip(chance.outcomes, scene.chance.outcomes, strict=True):
            assert outcome.probability == Fraction(source.weight, scene.chance.total)
            assert Fraction(outcome.high - outcome.low + 1, chance.die) == outcome.probability
        whole_percents = all((o.probability * 100).denominator == 1 for o in chance.outcomes)
        assert (chance.die == 100) == whole_percents


def test_the_bridge_odds_use_a_d100() -> None:
    story = c.CompiledStory(
        "bridge",
        "The Bridge",
        "1",
        "en",
        0,
        ("safety", "stranded"),
        (),
        (),
        (
            scene("ferry", chance=((90, 1), (10, 2)), total=100),
            scene("across", ending="safety"),
            scene("stranded", ending="stranded"),
        ),
        (),
        (),
    )
    chance = build_gamebook(story).section(1).chance
    assert chance is not None
    assert chance.die == 100
    assert [(o.numbers, o.odds, o.target) for o in chance.outcomes] == [
        ("1–90", "90\u00a0%", 2),
        ("91–100", "10\u00a0%", 3),
    ]


@pytest.mark.parametrize(
    ("weights", "die", "ranges"),
    [
        ((1, 1), 100, ["1–50", "51–100"]),
        ((2, 1), 3, ["1–2", "3"]),
        ((1, 3), 100, ["1–25", "26–100"]),
        ((125, 875), 8, ["1", "2–8"]),
        ((3, 3, 3), 3, ["1", "2", "3"]),
        ((30, 45, 25), 100, ["1–30", "31–75", "76–100"]),
        ((7,), 100, ["1–100"]),
    ],
)
def test_the_draw_is_a_d100_whenever_the_odds_allow(
    weights: tuple[int, ...], die: int, ranges: list[str]
) -> None:
    outcomes = tuple((w, 1) for w in weights)
    story = c.CompiledStory(
        "s",
        "S",
        "1",
        "en",
        0,
        ("safety",),
        (),
        (),
        (scene("roll", chance=outcomes, total=sum(weights)), scene("end", ending="safety")),
        (),
        (),
    )
    chance = build_gamebook(story).section(1).chance
    assert chance is not None
    assert chance.die == die
    assert [o.numbers for o in chance.outcomes] == ranges


@pytest.mark.parametrize(
    ("probability", "words"),
    [
        (Fraction(7, 10), "70\u00a0%"),
        (Fraction(1, 3), "1 in 3 (about 33\u00a0%)"),
        (Fraction(2, 3), "2 in 3 (about 67\u00a0%)"),
        (Fraction(1, 8), "1 in 8 (about 13\u00a0%)"),
        (Fraction(1, 1000), "1 in 1000 (about less than 1\u00a0%)"),
        (Fraction(1), "100\u00a0%"),
    ],
)
def test_odds_in_words(probability: Fraction, words: str) -> None:
    assert odds_words(probability) == words


# -- words -----------------------------------------------------------------------------

VARIABLES = (
    c.Variable("cash", "int", 0, (), 0, 100),
    c.Variable("papers", "bool", False),
    c.Variable("who", "enum", 0, ("mi_ok", "chol")),
    c.Variable("years_hidden", "int", 0, (), 0, 6),
    c.Variable("debt", "int", 5),
    c.Variable("child", "bool", True),
)
CASH, PAPERS, WHO, YEARS, DEBT, CHILD = (["var", i] for i in range(6))


@pytest.mark.parametrize(
    ("expr", "words"),
    [
        ([">=", CASH, 2], "cash is 2 or more"),
        ([">", CASH, 2], "cash is more than 2"),
        (["<", CASH, 2], "cash is less than 2"),
        (["<=", CASH, 2], "cash is 2 or less"),
        (["==", CASH, 2], "cash is 2"),
        (["!=", CASH, 2], "cash is not 2"),
        (["!=", CASH, 0], "cash is more than 0"),  # it never goes below 0
        (["!=", YEARS, 6], "years hidden is less than 6"),  # nor above 6
        (["<=", CASH, 0], "cash is 0"),
        # Only the bound meets these, so they read as the bound itself, never the number written.
        (["<", CASH, 1], "cash is 0"),
        (["not", [">", CASH, 0]], "cash is 0"),
        ([">", YEARS, 5], "years hidden is 6"),
        (["not", ["<", YEARS, 6]], "years hidden is 6"),
        ([">=", YEARS, 6], "years hidden is 6"),
        (["<=", 2, CASH], "cash is 2 or more"),
        (PAPERS, "papers is ticked"),
        (["not", PAPERS], "papers is not ticked"),
        (["not", ["not", PAPERS]], "papers is ticked"),
        (["==", WHO, 0], "who is “mi ok”"),
        (["!=", WHO, 1], "who is “mi ok”"),  # of two values, the other
        (["==", 1, WHO], "who is “chol”"),
        ([">", YEARS, 3], "years hidden is more than 3"),
        (["not", [">=", CASH, 2]], "cash is less than 2"),
        (["and", PAPERS, [">=", CASH, 2]], "papers is ticked and cash is 2 or more"),
        (
            ["and", ["and", PAPERS, CHILD], [">", CASH, 0]],
            "papers is ticked and child is ticked and cash is more than 0",
        ),
        (
            ["or", PAPERS, ["and", CHILD, [">", CASH, 0]]],
            "papers is ticked or (child is ticked and cash is more than 0)",
        ),
        (
            ["and", ["or", PAPERS, CHILD], [">", CASH, 0]],
            "(papers is ticked or child is ticked) and cash is more than 0",
        ),
        (["not", ["and", PAPERS, CHILD]], "papers is not ticked or child is not ticked"),
        (["not", ["or", PAPERS, CHILD]], "papers is not ticked and child is not ticked"),
        (
            ["and", ["not", ["or", PAPERS, CHILD]], [">", CASH, 0]],
            "papers is not ticked and child is not ticked and cash is more than 0",
        ),
        (
            ["or", ["not", ["and", PAPERS, CHILD]], [">", CASH, 0]],
            "papers is not ticked or child is not ticked or cash is more than 0",
        ),
        (
            ["and", ["not", ["and", PAPERS, CHILD]], [">", CASH, 0]],
            "(papers is not ticked or child is not ticked) and cash is more than 0",
        ),
        ([">=", ["+", CASH, 1], DEBT], "cash + 1 is debt or more"),
        (["==", ["-", CASH, ["-", DEBT, 1]], 0], "cash - (debt - 1) is 0"),
        (["==", ["*", ["+", CASH, 1], 2], 4], "(cash + 1) × 2 is 4"),
        (["==", ["+", CASH, ["*", DEBT, 2]], 4], "cash + debt × 2 is 4"),
        (["<", ["neg", CASH], -3], "−cash is less than −3"),
        (["==", ["/", CASH, 2], 4], "cash ÷ 2 is 4"),
        (["==", ["/", CASH, ["/", DEBT, 2]], 4], "cash ÷ (debt ÷ 2) is 4"),
        (["==", ["%", CASH, 2], 0], "the remainder of cash ÷ 2 is 0"),
        ([">", ["min", CASH, DEBT], 1], "the smaller of cash and debt is more than 1"),
        (
            [">", ["*", ["max", CASH, ["+", DEBT, 1]], 2], 1],
            "(the larger of cash and (debt + 1)) × 2 is more than 1",
        ),
        (["==", PAPERS, True], "papers is ticked"),
        (["==", PAPERS, False], "papers is not ticked"),
        (["!=", False, PAPERS], "papers is ticked"),
        (
            ["==", PAPERS, CHILD],
            "“papers is ticked” and “child is ticked” are both true or both false",
        ),
        (["!=", PAPERS, CHILD], "exactly one of “papers is ticked” and “child is ticked” is true"),
        (True, "always"),
        (False, "never"),
    ],
)
def test_conditions_in_words(expr: c.JsonExpr, words: str) -> None:
    assert condition_words(expr, VARIABLES) == words


@pytest.mark.parametrize(
    ("effect", "words"),
    [
        (c.Effect(0, ["+", CASH, 1]), "add 1 to cash"),
        (c.Effect(0, ["+", 1, CASH]), "add 1 to cash"),
        (c.Effect(0, ["-", CASH, 2]), "take 2 from cash"),
        (c.Effect(0, ["+", CASH, -2]), "take 2 from cash"),
        (c.Effect(0, ["-", CASH, -2]), "add 2 to cash"),
        (c.Effect(0, ["+", CASH, DEBT]), "add debt to cash"),
        (c.Effect(0, ["-", CASH, ["*", DEBT, 2]]), "take debt × 2 from cash"),
        (c.Effect(0, ["+", DEBT, 2]), "set cash to debt + 2"),
        (c.Effect(0, 3), "write 3 for cash"),
        (c.Effect(0, ["/", CASH, 2]), "set cash to cash ÷ 2"),
        (c.Effect(0, ["min", DEBT, 2]), "set cash to the smaller of debt and 2"),
        (c.Effect(0, -3), "write −3 for cash"),
        (c.Effect(3, ["+", YEARS, 1]), "add 1 to years hidden"),
        (c.Effect(1, True), "tick papers"),
        (c.Effect(1, False), "clear the tick for papers"),
        (c.Effect(1, ["not", PAPERS]), "tick papers if papers is not ticked; otherwise clear it"),
        (c.Effect(2, 1), "write “chol” for who"),
    ],
)
def test_effects_in_words(effect: c.Effect, words: str) -> None:
    assert effect_words(effect, VARIABLES) == words


def test_effects_are_sentences_and_values_read_plainly() -> None:
    effects = (c.Effect(0, ["+", CASH, 1]), c.Effect(1, True))
    assert effects_words(effects, VARIABLES) == ("Add 1 to cash.", "Tick papers.")
    assert value_words(["+", CASH, 1], VARIABLES) == "cash + 1"
    assert [initial_words(v) for v in VARIABLES] == [
        "0",
        "not ticked",
        "“mi ok”",
        "0",
        "5",
        "ticked",
    ]
    assert [range_words(v) for v in VARIABLES] == [
        "0 to 100",
        "ticked or not ticked",
        "“mi ok” or “chol”",
        "0 to 6",
        "any whole number",
        "ticked or not ticked",
    ]


def test_text_without_conditions_keeps_its_paragraph_and_names_values_in_words() -> None:
    text = ("<p>You have ", c.Interpolation(["+", CASH, 1], "int"), " coins.</p>")
    assert text_html(text, VARIABLES) == (
        '<p>You have <span class="gb-var"><span class="gb-name">cash</span> plus 1</span>'
        " coins.</p>"
    )


def test_conditions_on_whole_sentences_become_lines_to_read_or_skip() -> None:
    text = (
        "<p>You wait. ",
        c.Conditional(["and", PAPERS, ["==", WHO, 1]], "Papers. Good.", ("No ", "papers.")),
        " Then you go.</p>",
    )
    assert text_html(text, VARIABLES) == (
        '<div class="gb-passage"><p>You wait.</p>'
        '<p class="gb-read"><span class="gb-cond">If papers is ticked and who is “chol”:</span>'
        " Papers. Good.</p>"
        '<p class="gb-read"><span class="gb-cond">If papers is not ticked or who is'
        " “mi ok”:</span> No papers.</p>"
        "<p>Then you go.</p></div>"
    )


def test_a_condition_inside_a_sentence_repeats_the_sentence_and_settles_values() -> None:
    text = (
        "<p>Song-ho is ",
        c.Conditional(
            CHILD,
            (c.Interpolation(["+", 13, YEARS], "int"),),
            (c.Interpolation(YEARS, "int"),),
        ),
        " now. ",
        c.Conditional(["==", YEARS, 1], "A year.", ""),
        c.Conditional(["==", YEARS, 2], "Two years.", ""),
        "</p>",
    )
    markup = text_html(text, VARIABLES)
    assert markup == (
        '<div class="gb-passage">'
        '<p class="gb-read"><span class="gb-cond">If child is ticked:</span> Song-ho is '
        '<span class="gb-var">13 plus <span class="gb-name">years hidden</span></span> now.</p>'
        '<p class="gb-read"><span class="gb-cond">If child is not ticked:</span> Song-ho is '
        '<span class="gb-var"><span class="gb-name">years hidden</span></span> now.</p>'
        '<p class="gb-read"><span class="gb-cond">If years hidden is 1:</span> A year.</p>'
        '<p class="gb-read"><span class="gb-cond">If years hidden is 2:</span> Two years.</p>'
        "</div>"
    )
    assert "Otherwise" not in markup and "[" not in markup


def test_lines_that_cannot_hold_are_left_out_and_settled_values_printed() -> None:
    inner = c.Conditional([">=", YEARS, 4], "Never.", ("Age ", c.Interpolation(YEARS, "int"), "."))
    text = ("<p>", c.Conditional(["==", YEARS, 1], (inner,), "Later."), "</p>")
    assert text_html(text, VARIABLES) == (
        '<div class="gb-passage">'
        '<p class="gb-read"><span class="gb-cond">If years hidden is 1:</span> Age 1.</p>'
        '<p class="gb-read"><span class="gb-cond">If years hidden is not 1:</span> Later.</p>'
        "</div>"
    )


def test_the_journeys_sheet_uses_its_own_words_for_every_value() -> None:
    """No value as the story's code spells it (y2009, mi ok, none yet), no bare 100000."""
    book = gamebook(ROOT / "content" / "journey")
    story = compiled(ROOT / "content" / "journey")
    text = " ".join(f"{row.name} {row.initial} {row.values}" for row in book.sheet)
    assert not re.search(r"\d{5,}", text)
    for variable in story.variables:
        assert variable.label, f"{variable.name} has no label for the sheet"
        for value in variable.values:
            assert len(variable.labels) == len(variable.values), variable.name
            if value not in variable.labels:  # written quoted on the sheet: “y2009”
                assert f"“{value}”" not in text and f"“{value.replace('_', ' ')}”" not in text


def test_the_sheet_lists_every_variable() -> None:
    book = gamebook(ROOT / "content" / "journey")
    story = compiled(ROOT / "content" / "journey")
    assert [row.variable for row in book.sheet] == [v.name for v in story.variables]
    years = next(row for row in book.sheet if row.variable == "years_hidden")
    assert (years.name, years.initial, years.values) == ("Years in hiding", "0", "0 to 6")
    assert book.clamp_rule is not None


def test_the_sheet_conditions_and_notes_use_the_storys_labels() -> None:
    book = gamebook(CORPUS / "41-labels")
    rows = {row.variable: row for row in book.sheet}
    assert (rows["season"].name, rows["season"].initial) == ("Season", "“early spring”")
    assert rows["season"].values == "“early spring” or “late & dry summer”"
    assert (rows["tree"].name, rows["tree"].values) == ("tree", "“Apple” or “pear”")
    assert rows["baskets"].name == "Baskets filled"
    summer = next(s for s in book.sections if s.scene_id == "summer")
    assert summer.notes == ("Write “late & dry summer” for Season.", "Add 3 to Baskets filled.")
    # A value the line settles is printed as the story shows it.
    assert 'If tree is “Apple”:</span> In <span class="gb-var">' in summer.html
    assert "baskets of Apples.</p>" in summer.html
    assert "If tree is “pear”:</span>" in summer.html  # of two values, the other one
    assert "baskets of pears, not apples.</p>" in summer.html


def test_a_label_is_shortened_at_its_comma_where_a_sentence_names_it() -> None:
    cash = c.Variable("cash", "int", 0, (), 0, 100_000, "Cash, in US dollars")
    assert short_label(cash) == "Cash" and sheet_label(cash) == "Cash, in US dollars"
    assert condition_words([">", ["var", 0], 0], (cash,)) == "Cash is more than 0"
    assert range_words(cash) == "0 to 100,000"
    health = c.Variable("health", "int", 3, (), 0, 3, "Health (3 well, 0 unable to go on)")
    assert short_label(health) == "Health"


def test_variations_read_as_what_to_read_the_first_time_and_after() -> None:
    book = gamebook(CORPUS / "43-variations")
    wait = book.section(1)
    assert "If you are reading this for the first time:</span> The clerk says" in wait.html
    assert "for the third time or later:</span> You know the chair by now." in wait.html
    assert "for the first, third, fifth… time:</span> It rains." in wait.html
    assert "If days is more than 2 and you are reading this for the first time:" in wait.html
    lines = [(line.condition, line.html) for ch in wait.choices for line in ch.lines]
    assert ("you are reading this for the first time", "Ask the clerk") in lines
    assert ("you are reading this for the second time or later", "Ask again") in lines


def test_number_formats_print_settled_values_and_name_the_currency_of_others() -> None:
    book = gamebook(CORPUS / "42-number-formats")
    counter = book.section(1)
    assert '<span class="gb-var">$<span class="gb-name">' in counter.html
    assert "1,234,567" in book.section(2).html  # a constant: printed as the player shows it
    assert re.search(r"THB \(<span class=\"gb-name\">[^<]+</span> times 2\)", counter.html)


# -- rendering -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> Any:
    import django
    from django.conf import settings as django_settings
    from django.template import Engine

    if not django_settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        django_settings.configure(USE_I18N=False)
    django.setup()
    return Engine(dirs=[str(TEMPLATES)], libraries={"i18n": "django.templatetags.i18n"})


def render(engine: Any, view: PageView) -> str:
    from django.template import Context

    front = engine.get_template("journey/_gamebook_front.html")
    body = engine.get_template("journey/_gamebook.html")
    return str(front.render(Context({"view": view})) + body.render(Context({"view": view})))


class Page(HTMLParser):
    """Ids, fragment links and structure of rendered HTML."""

    VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr"})

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.labelledby: list[str] = []
        self.open: list[str] = []
        self.problems: list[str] = []
        self.feed(markup)
        self.close()
        if self.open:
            self.problems.append(f"unclosed: {self.open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "style" in values or tag == "script":
            self.problems.append(f"inline style or script in <{tag}>")
        if tag == "a" and "a" in self.open:
            self.problems.append("a link inside a link")
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"] or "")
        if values.get("aria-labelledby"):
            self.labelledby.append(values["aria-labelledby"] or "")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()


def check_page(book: Gamebook, view: PageView, markup: str) -> Page:
    page = Page(markup)
    assert not page.problems, page.problems[:5]
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    ids = set(page.ids)
    assert set(page.labelledby) <= ids
    on_page = {s.section.anchor for s in view.sections}
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif href.startswith(BASE):
            page_id, _, anchor = href[len(BASE) :].partition("/")
            target = book.page(page_id)
            assert anchor == "" or anchor[1:] in {f"s{n}" for n in target.sections}, href
            assert view.page is not None and page_id != view.page.id
    assert on_page <= ids
    return page


@pytest.mark.parametrize("path", STORIES)
def test_the_whole_book_renders_with_every_link_resolving(engine: Any, path: Path) -> None:
    book = gamebook(path)
    view = book.view()
    markup = render(engine, view)
    page = check_page(book, view, markup)
    for section in book.sections:
        assert f"s{section.number}" in page.ids
        for target in section.targets:
            assert f"#s{target}" in page.hrefs
    for number in {n for s in book.sections for n in s.targets}:
        assert f"go to §{number}" in markup
    assert ("drops any fraction" in markup) == (book.division_rule is not None)
    story_text = json.dumps(compiled(path).to_json(), ensure_ascii=False)
    # Only what the story itself says (a variable may be called "score"; we add none).
    said = {w.lower() for w in FORBIDDEN.findall(story_text)}
    assert {w.lower() for w in FORBIDDEN.findall(markup)} <= said


@pytest.mark.parametrize("path", STORIES)
def test_every_page_renders_with_every_link_resolving(engine: Any, path: Path) -> None:
    book = gamebook(path)
    for page in book.pages:
        view = book.view(page.id, base=BASE)
        check_page(book, view, render(engine, view))


def test_the_journey_renders_choices_as_descriptive_links(engine: Any) -> None:
    book = gamebook(ROOT / "content" / "journey")
    view = book.view("opening", base=BASE)
    markup = render(engine, view)
    assert '<section class="gb-section" id="s1" aria-labelledby="s1-title">' in markup
    assert re.search(
        r'<a href="#s2"><span class="gb-choice">Set out in 2009</span> '
        r'<span class="gb-go">— go to §2</span></a>',
        markup,
    )
    assert "Write “2009” for Year." in markup  # the story's labels, not y2009
    assert f'href="{BASE}mi-ok/#s3"' in markup
    assert 'id="source-pbs-2009"' in markup


def section_markup(markup: str, number: int) -> str:
    """One section's HTML out of a rendered page."""
    start = markup.index(f'<section class="gb-section" id="s{number}"')
    return markup[start : markup.index("</section>", start)]


@pytest.mark.parametrize("path", STORIES)
def test_every_chance_says_whether_its_numbers_are_from_the_record_or_an_estimate(
    engine: Any, path: Path
) -> None:
    book = gamebook(path)
    story = compiled(path)
    markup = render(engine, book.view())
    for section in book.sections:
        if section.chance is None:
            continue
        scene = story.scenes[story.scene_index()[section.scene_id]]
        assert scene.chance is not None
        html = section_markup(markup, section.number)
        record = "From the record:" in html
        estimate = "An estimate — no source counts this:" in html
        assert record != estimate, section.number
        assert estimate == (scene.chance.basis == "estimate"), section.number
        if estimate:
            assert scene.chance.note and scene.chance.note in html  # the calibration note
            assert "The odds: an estimate" in html and "The numbers come from" not in html
            for key in scene.chance.background:
                assert f'href="#source-{key}"' in html
        else:
            assert "The odds: from the record" in html and "For background" not in html
            for key in scene.chance.sources:
                assert f'href="#source-{key}"' in html


def test_a_sourced_and_an_estimated_chance_in_words(engine: Any) -> None:
    path = CORPUS / "40-chance-basis"
    book = gamebook(path)
    markup = render(engine, book.view())
    quay = section_markup(markup, 1)
    assert "From the record:</span> 292 of 365 crossings ran on time" in quay
    assert re.search(r"The numbers come from:</span> <a href=\"#source-timetable\">", quay)
    late = next(s for s in book.sections if s.scene_id == "late")
    assert late.chance is not None and late.chance.estimate
    html = section_markup(markup, late.number)
    assert "An estimate — no source counts this:</span> nobody counts missed buses" in html
    assert re.search(r"For background, not for the numbers:</span> <a href=\"#source-", html)
    # Sources the notes cite are listed on the page, so their marks lead somewhere.
    assert {"timetable", "harbour-log", "bus-company"} <= set(book.pages[0].sources)


def test_templates_and_words_use_no_game_language() -> None:
    files = [
        TEMPLATES / "journey" / "_gamebook.html",
        TEMPLATES / "journey" / "_gamebook_front.html",
        ROOT / "crossing" / "editions" / "gamebook.py",
        ROOT / "crossing" / "editions" / "words.py",
    ]
    for file in files:
        assert not FORBIDDEN.search(file.read_text(encoding="utf-8")), file


def test_template_strings_are_translatable() -> None:
    for name in ("_gamebook.html", "_gamebook_front.html"):
        source = (TEMPLATES / "journey" / name).read_text(encoding="utf-8")
        assert source.startswith("{% load i18n %}")
        assert "{% extends" not in source
        # Text between tags outside template tags and variables: none but punctuation.
        bare = re.sub(
            r"\{% (comment|blocktranslate)\b.*?\{% end\1 %\}", " ", source, flags=re.DOTALL
        )
        bare = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]*>", " ", bare, flags=re.DOTALL)
        words = re.findall(r"[A-Za-z]{2,}", bare)
        assert not words, words[:10]


# -- random stories ----------------------------------------------------------------------


@st.composite
def chaptered_stories(draw: st.DrawFn) -> c.CompiledStory:
    story = draw(compiled_stories(max_scenes=7))
    count = draw(st.integers(0, 3))
    chapters = tuple(
        c.Chapter(f"ch{i}", f"Chapter {i}", draw(st.integers(0, len(story.scenes) - 1)))
        for i in range(count)
    )
    scenes = tuple(
        dataclasses.replace(
            s, chapter=draw(st.one_of(st.none(), st.integers(0, count - 1))) if count else None
        )
        for s in story.scenes
    )
    start = draw(st.integers(0, len(scenes) - 1))
    return dataclasses.replace(story, chapters=chapters, scenes=scenes, start=start)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story=chaptered_stories())
def test_any_story_makes_a_gamebook_whose_links_resolve(
    engine: Any, story: c.CompiledStory
) -> None:
    book = build_gamebook(story)
    assert book.section(1).scene_id == story.scenes[story.start].id
    assert sorted(n for p in book.pages for n in p.sections) == list(
        range(1, len(story.scenes) + 1)
    )
    for section in book.sections:
        assert all(1 <= t <= len(book.sections) for t in section.targets)
        if section.chance is not None:
            assert sum(o.probability for o in section.chance.outcomes) == 1
            assert section.chance.outcomes[-1].high == section.chance.die
    view = book.view()
    check_page(book, view, render(engine, view))
    for page in book.pages:
        paged = book.view(page.id, links=paged_links(BASE))
        check_page(book, paged, render(engine, paged))


# -- helpers ---------------------------------------------------------------------------


def scene(
    scene_id: str,
    *,
    chance: tuple[tuple[int, int], ...] = (),
    total: int = 0,
    ending: str | None = None,
) -> c.Scene:
    return c.Scene(
        id=scene_id,
        chapter=None,
        title=None,
        place=None,
        date=None,
        era=None,
        tags=(),
        media=(),
        effects=(),
        text=f"<p>{scene_id}</p>",
        sources=(),
        diverts=(),
        choices=(),
        chance=c.Chance(tuple(c.Outcome(w, t, ()) for w, t in chance), total, (), None)
        if chance
        else None,
        ending=c.Ending(ending, None) if ending else None,
    )


def test_visit_counts_and_once_only_choices_are_kept_on_the_sheet() -> None:
    """On paper the reader keeps every value of play, the compiler's too: each has a line
    headed in words, and the notes say when to count or tick it."""
    book = gamebook(CORPUS / "48-visits-and-once")
    rows = {row.variable: row for row in book.sheet}
    assert (rows["visits:office"].name, rows["visits:office"].values) == (
        "Visits to “office”",
        "0 to 9",
    )
    assert rows["once:office/ask"].name == "Chose “ask” in “office”"
    office = book.sections[0]
    assert office.notes == ("Add 1 to Visits to “office”.",)
    ask = office.choices[0]
    assert ask.lines[0].condition == "Chose “ask” in “office” is not ticked"
    assert ask.effects == ("Tick Chose “ask” in “office”.",)
    assert "If Visits to “pier” is more than 0:" in office.html


def test_division_is_written_out_on_paper() -> None:
    book = gamebook(CORPUS / "47-integer-division")
    assert book.division_rule is not None and "drops any fraction" in book.division_rule
    assert gamebook(ROOT / "content" / "journey").division_rule is None
    share = book.sections[0]
    words = re.sub(r"<[^>]+>", "", share.html)
    assert "Each of people pays fare divided by people" in words
    assert "the remainder of fare divided by people is left over" in words
    assert "at least the larger of (fare divided by 3) and 2" in words
    assert share.choices[2].effects == (
        "Set paid to (the larger of (fare ÷ people) and 0) × people "
        "+ (the remainder of fare ÷ people).",
    )


def test_a_fallback_choice_reads_as_where_to_go_when_no_choice_is_open() -> None:
    book = gamebook(CORPUS / "49-fallback")
    stall = book.sections[0]
    assert [choice.target for choice in stall.choices] == [1, 1]  # the fallback is no choice
    (fallback,) = stall.diverts
    assert fallback.target == 2
    assert fallback.condition == (
        "(Chose “stall” in “stall” is ticked or coins is 0) and coins is 1 or less"
    )


def test_a_weave_s_branches_and_gathers_are_sections_of_their_own() -> None:
    book = gamebook(CORPUS / "50-weave")
    ids = [section.scene_id for section in book.sections]
    assert ids[:2] == ["office", "office/ask"]
    assert set(ids) >= {"office/ask/price", "office/gather-1"}
    number = {section.scene_id: section.number for section in book.sections}
    price = book.sections[number["office/ask/price"] - 1]
    # A branch flows on to the gather as a "go to" line.
    assert [divert.target for divert in price.diverts] == [number["office/gather-1"]]


def test_a_tunnel_reads_as_a_note_to_keep_and_lines_to_follow_back() -> None:
    book = gamebook(CORPUS / "51-tunnels")
    rows = {row.variable: row for row in book.sheet}
    assert rows["return:rules"].name == "Return from “rules”"
    number = {section.scene_id: section.number for section in book.sections}
    gate = book.sections[number["gate"] - 1]
    assert gate.choices[0].effects == ("Write “back to yard” for Return from “rules”.",)
    nod = book.sections[number["rules/nod"] - 1]
    assert [(d.condition, d.target) for d in nod.diverts] == [
        ("Return from “rules” is “back to yard”", number["yard"]),
        ("Return from “rules” is “back to gate”", number["gate"]),
    ]
