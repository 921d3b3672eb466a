"""The gamebook edition: a compiled story as numbered sections a reader follows by hand.

`build_gamebook(story, locale="ko")` numbers every scene (§1 is the start, then story
order), states conditions and effects in words (crossing.editions.words), lays out text
that depends on the sheet as lines to read or skip (crossing.editions.passages), turns each
chance into a table of number ranges for a d100 (or a 1..N draw when the odds do not divide
a hundred), saying whether its numbers are from the record or an estimate, and groups the
sections into pages by chapter. The words it writes (conditions, notes, odds, the sheet's
rules) are in `locale`, from the engine's catalogue (crossing.locales); the story's own
text is as compiled. It follows the runtime's order exactly: an ending stops; otherwise the first divert whose condition holds is followed; otherwise a
chance is drawn; otherwise the choices whose conditions hold are open.

The model is independent of where it is shown. `Gamebook.view(page_id, base=...)` resolves
every link for one page: `#s37` when the section is on the same page (or when the whole
book is one page, `base=None`), `{base}{page_id}/#s37` otherwise. The Django partials
`journey/_gamebook.html` and `journey/_gamebook_front.html` render a view. Never imports
Django.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from crossing.locales import _, speaking
from crossing.story import compiled as c

from .passages import SheetRules, inline_variants, path_words, text_html
from .words import (
    CLAMP_RULE,
    DIVISION_RULE,
    condition_words,
    effects_words,
    ending_kind_words,
    initial_words,
    range_words,
    sheet_label,
)

__all__ = ["Gamebook", "build_gamebook", "odds_words", "paged_links", "text_html"]

# -- the model -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DivertItem:
    """ "If …, go to §n" (condition None: the last, unconditional one)."""

    condition: str | None
    target: int


@dataclass(frozen=True, slots=True)
class ChoiceLine:
    """One way a choice reads: its text depends on the sheet, so each reading is a line
    of its own, open under its conditions (the choice's, and its text's)."""

    html: str  # the choice's text, inline HTML without links (it goes inside one)
    condition: str | None  # in words, to follow "Only if"


@dataclass(frozen=True, slots=True)
class ChoiceItem:
    lines: tuple[ChoiceLine, ...]  # one, unless the choice's text depends on the sheet
    effects: tuple[str, ...]  # sentences for the adventure sheet
    target: int


@dataclass(frozen=True, slots=True)
class OutcomeItem:
    weight: int
    probability: Fraction
    odds: str  # "70 %" or "2 in 3 (about 67 %)"
    low: int  # the numbers that pick this outcome: low..high, within 1..ChanceItem.die
    high: int
    effects: tuple[str, ...]
    target: int

    @property
    def numbers(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True, slots=True)
class ChanceItem:
    die: int  # choose a number from 1 to `die` at random (100 whenever the odds allow)
    outcomes: tuple[OutcomeItem, ...]
    basis: str  # "record": sources give the numbers; "estimate": the story's assumption
    note: str | None  # how the numbers follow from the record, or how they were estimated
    sources: tuple[str, ...]  # a record's sources: they give the numbers
    background: tuple[str, ...]  # an estimate's context: they do not give the numbers

    @property
    def estimate(self) -> bool:
        return self.basis == "estimate"


@dataclass(frozen=True, slots=True)
class EndingItem:
    kind: str
    kind_words: str
    epilogue: str | None  # HTML


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    anchor: str  # "s37"
    scene_id: str
    title: str | None
    chapter_id: str | None
    chapter_title: str | None
    page_id: str
    place: str | None  # the place's name
    date: str | None
    html: str  # the text; interpolations as blanks, conditional text in words
    notes: tuple[str, ...]  # the scene's entry effects, as sentences for the sheet
    citations: tuple[str, ...]  # source keys, numbered in the text from 1
    diverts: tuple[DivertItem, ...]
    otherwise: bool  # conditional diverts come first, then the choices or chance below
    choices: tuple[ChoiceItem, ...]
    chance: ChanceItem | None
    ending: EndingItem | None
    dead_end: bool  # no way on at all (and no ending)
    may_stop: bool  # no way on if no divert or choice condition holds

    @property
    def targets(self) -> tuple[int, ...]:
        """Every section this one links to, in order."""
        found = [d.target for d in self.diverts] + [ch.target for ch in self.choices]
        if self.chance is not None:
            found += [o.target for o in self.chance.outcomes]
        return tuple(found)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One line of the adventure sheet."""

    name: str  # humanised
    variable: str  # as in the story
    type: str  # "int", "bool" or "enum"
    initial: str  # in words
    values: str  # the range or the values, in words
    clamped: bool  # a number with a lowest or highest value


@dataclass(frozen=True, slots=True)
class ChapterEntry:
    id: str
    title: str
    section: int  # the chapter's first section
    page_id: str  # the page that section is on


@dataclass(frozen=True, slots=True)
class Page:
    id: str  # the chapter's id (stable), for the URL
    title: str
    chapter_id: str | None
    sections: tuple[int, ...]  # section numbers, ascending
    sources: tuple[str, ...]  # keys cited on the page, in order of first citation


# Where a link from a page (None: the whole book on one page) to a section points.
LinkStrategy = Callable[[Page | None, Section], str]


def one_page_links(page: Page | None, section: Section) -> str:
    """Every section on the same page: `#s37`."""
    return f"#{section.anchor}"


def paged_links(base: str) -> LinkStrategy:
    """A page per chapter at `{base}{page_id}/`: `#s37` within a page, else the full path."""

    def href(page: Page | None, section: Section) -> str:
        if page is not None and page.id == section.page_id:
            return f"#{section.anchor}"
        return f"{base}{section.page_id}/#{section.anchor}"

    return href


@dataclass(frozen=True, slots=True)
class SectionView:
    """A section with its links resolved for one page."""

    section: Section
    chapter_change: bool  # the first section of a chapter in a one-page view
    diverts: tuple[tuple[DivertItem, str], ...]
    choices: tuple[tuple[ChoiceItem, str], ...]
    outcomes: tuple[tuple[OutcomeItem, str], ...]
    citations: tuple[c.Source, ...]
    chance_sources: tuple[c.Source, ...]  # a record chance's sources of the numbers
    chance_background: tuple[c.Source, ...]  # an estimate's sources of context
    start_href: str


@dataclass(frozen=True, slots=True)
class PageView:
    """What the partials render: one page (or the whole book) with every link resolved."""

    gamebook: Gamebook
    title: str
    page: Page | None
    sections: tuple[SectionView, ...]
    sources: tuple[
        c.Source, ...
    ]  # every source cited on the page; the template anchors each as `source-KEY`
    start_href: str
    chapters: tuple[tuple[ChapterEntry, str], ...]
    previous: tuple[Page, str] | None
    next: tuple[Page, str] | None


@dataclass(frozen=True, slots=True)
class Gamebook:
    story_id: str
    title: str
    version: str
    language: str
    sheet: tuple[SheetRow, ...]
    clamp_rule: str | None  # None when no number has a lowest or highest value
    has_chance: bool
    chapters: tuple[ChapterEntry, ...]
    sections: tuple[Section, ...]  # sections[n - 1] is §n
    pages: tuple[Page, ...]
    sources: tuple[c.Source, ...]  # every source the story lists
    division_rule: str | None = None  # None when no expression divides

    def section(self, number: int) -> Section:
        if not 1 <= number <= len(self.sections):
            raise KeyError(f"no section §{number}")
        return self.sections[number - 1]

    def page(self, page_id: str) -> Page:
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(f"no page {page_id!r}")

    def page_of(self, number: int) -> Page:
        return self.page(self.section(number).page_id)

    def source(self, key: str) -> c.Source:
        for entry in self.sources:
            if entry.key == key:
                return entry
        return c.Source(key, key, "", None, None, "", None)

    def href(self, from_page: str | None, to_section: int, *, base: str | None) -> str:
        """A link from a page (None: all on one page) to a section; `base` None: one page."""
        strategy = one_page_links if base is None else paged_links(base)
        page = None if from_page is None else self.page(from_page)
        return strategy(page, self.section(to_section))

    def page_href(self, page_id: str, *, base: str) -> str:
        self.page(page_id)
        return f"{base}{page_id}/"

    def view(
        self,
        page_id: str | None = None,
        *,
        base: str | None = None,
        links: LinkStrategy | None = None,
    ) -> PageView:
        """One page (`page_id`), or the whole book (None), with links resolved by `links`,
        or by default: all `#s37` when `base` is None, else a page per chapter under it."""
        if links is None:
            links = one_page_links if base is None else paged_links(base)
        page = None if page_id is None else self.page(page_id)
        numbers = page.sections if page is not None else range(1, len(self.sections) + 1)
        keys = page.sources if page is not None else _unique(p.sources for p in self.pages)

        def to(number: int) -> str:
            return links(page, self.section(number))

        start_href = to(1)
        views: list[SectionView] = []
        previous_chapter: str | None = None
        for number in numbers:
            section = self.section(number)
            chance = section.chance
            views.append(
                SectionView(
                    section=section,
                    chapter_change=page is None
                    and section.chapter_id is not None
                    and section.chapter_id != previous_chapter,
                    diverts=tuple((d, to(d.target)) for d in section.diverts),
                    choices=tuple((ch, to(ch.target)) for ch in section.choices),
                    outcomes=tuple((o, to(o.target)) for o in chance.outcomes)
                    if chance is not None
                    else (),
                    citations=tuple(self.source(key) for key in section.citations),
                    chance_sources=tuple(self.source(key) for key in chance.sources)
                    if chance is not None
                    else (),
                    chance_background=tuple(self.source(key) for key in chance.background)
                    if chance is not None
                    else (),
                    start_href=start_href,
                )
            )
            previous_chapter = section.chapter_id
        previous = following = None
        if page is not None and base is not None:
            at = self.pages.index(page)
            if at > 0:
                previous = (self.pages[at - 1], self.page_href(self.pages[at - 1].id, base=base))
            if at + 1 < len(self.pages):
                following = (self.pages[at + 1], self.page_href(self.pages[at + 1].id, base=base))
        return PageView(
            gamebook=self,
            title=page.title if page is not None else self.title,
            page=page,
            sections=tuple(views),
            sources=tuple(self.source(key) for key in keys),
            start_href=start_href,
            chapters=tuple((ch, to(ch.section)) for ch in self.chapters),
            previous=previous,
            next=following,
        )


# -- building --------------------------------------------------------------------------

UNCHAPTERED_PAGE = "sections"


def build_gamebook(story: c.CompiledStory, locale: str = "en") -> Gamebook:
    """The gamebook edition of a compiled story, its own words in `locale`."""
    with speaking(locale):
        return _build(story)


def _build(story: c.CompiledStory) -> Gamebook:
    order = [story.start] + [i for i in range(len(story.scenes)) if i != story.start]
    number_of = {scene: n for n, scene in enumerate(order, start=1)}
    page_ids = _page_ids(story)
    places = {p.key: p.name for p in story.places}
    variables = story.variables
    rules = SheetRules(variables, story.numbers)  # shared: it caches what lines allow

    sections: list[Section] = []
    for number, index in enumerate(order, start=1):
        scene = story.scenes[index]
        chapter = story.chapters[scene.chapter] if scene.chapter is not None else None
        sections.append(
            _section(
                story, scene, number, number_of, chapter, page_ids[scene.chapter], places, rules
            )
        )

    pages: list[Page] = []
    for chapter_index, page_id in page_ids.items():
        members = tuple(s.number for s in sections if s.page_id == page_id)
        if not members:
            continue
        title = story.chapters[chapter_index].title if chapter_index is not None else story.title
        keys = _unique(_cited(sections[n - 1]) for n in members)
        chapter_id = story.chapters[chapter_index].id if chapter_index is not None else None
        pages.append(Page(page_id, title, chapter_id, members, keys))
    pages.sort(key=lambda page: page.sections[0])

    sheet = tuple(
        SheetRow(
            sheet_label(v),
            v.name,
            v.type,
            initial_words(v),
            range_words(v),
            v.type == "int" and (v.low is not None or v.high is not None),
        )
        for v in variables
    )
    return Gamebook(
        story_id=story.id,
        title=story.title,
        version=story.version,
        language=story.language,
        sheet=sheet,
        clamp_rule=_(CLAMP_RULE) if any(row.clamped for row in sheet) else None,
        has_chance=any(s.chance is not None for s in sections),
        chapters=tuple(
            ChapterEntry(
                ch.id, ch.title, number_of[ch.start], sections[number_of[ch.start] - 1].page_id
            )
            for ch in story.chapters
        ),
        sections=tuple(sections),
        pages=tuple(pages),
        sources=tuple(story.sources),
        division_rule=_(DIVISION_RULE) if c.uses_operators(story, frozenset({"/", "%"})) else None,
    )


def _page_ids(story: c.CompiledStory) -> dict[int | None, str]:
    """A page id per chapter (its id) and one for scenes in no chapter."""
    ids: dict[int | None, str] = {i: ch.id for i, ch in enumerate(story.chapters)}
    taken = set(ids.values())
    spare = UNCHAPTERED_PAGE
    while spare in taken:
        spare += "-"
    ids[None] = spare
    return ids


def _section(
    story: c.CompiledStory,
    scene: c.Scene,
    number: int,
    number_of: dict[int, int],
    chapter: c.Chapter | None,
    page_id: str,
    places: dict[str, str],
    rules: SheetRules,
) -> Section:
    variables = story.variables
    diverts: list[DivertItem] = []
    choices: tuple[ChoiceItem, ...] = ()
    chance: ChanceItem | None = None
    ending: EndingItem | None = None
    settled = False  # an unconditional divert: nothing after it can happen
    if scene.ending is not None:
        epilogue = scene.ending.epilogue
        ending = EndingItem(
            scene.ending.kind,
            ending_kind_words(scene.ending.kind),
            None if epilogue is None else text_html(epilogue, variables, rules),
        )
    else:
        for divert in scene.diverts:
            condition = _condition(divert.condition, variables)
            diverts.append(DivertItem(condition, number_of[divert.target]))
            if condition is None:
                settled = True
                break
        if not settled and scene.chance is not None:
            chance = _chance(scene.chance, number_of, variables)
        elif not settled:
            choices = tuple(
                ChoiceItem(
                    _choice_lines(choice, rules),
                    effects_words(choice.effects, variables),
                    number_of[choice.target],
                )
                for choice in scene.choices
            )
    open_always = (
        settled
        or chance is not None
        or (bool(choices) and any(ch.condition in (None, True) for ch in scene.choices))
    )
    return Section(
        number=number,
        anchor=f"s{number}",
        scene_id=scene.id,
        title=scene.title,
        chapter_id=chapter.id if chapter is not None else None,
        chapter_title=chapter.title if chapter is not None else None,
        page_id=page_id,
        place=places.get(scene.place) if scene.place is not None else None,
        date=scene.date,
        html=text_html(scene.text, variables, rules),
        notes=effects_words(scene.effects, variables),
        citations=scene.sources,
        diverts=tuple(diverts),
        otherwise=bool(diverts) and not settled and (bool(choices) or chance is not None),
        choices=choices,
        chance=chance,
        ending=ending,
        dead_end=ending is None and not diverts and not choices and chance is None,
        may_stop=ending is None and not open_always and bool(diverts or choices),
    )


def _condition(expr: c.JsonExpr | None, variables: Sequence[c.Variable]) -> str | None:
    """A condition in words; None when there is none (or it is the literal `true`)."""
    if expr is None or expr is True:
        return None
    return condition_words(expr, variables)


def _choice_lines(choice: c.Choice, sheet: SheetRules) -> tuple[ChoiceLine, ...]:
    """The choice as each way its text reads, with the conditions for each. A choice whose
    text no sheet could produce still gets one line, its condition alone."""
    own = () if choice.condition is None or choice.condition is True else (choice.condition,)
    readings = inline_variants(choice.text, sheet, own)
    if not readings:
        readings = [(own, text_html(choice.text, sheet.variables, sheet))]
    return tuple(
        ChoiceLine(
            _link_html(markup),
            path_words(sheet.simplified(path), sheet.variables) if path else None,
        )
        for path, markup in readings
    )


def _chance(
    chance: c.Chance, number_of: dict[int, int], variables: Sequence[c.Variable]
) -> ChanceItem:
    weights = [o.weight for o in chance.outcomes]
    common = math.gcd(chance.total, *weights)
    size = chance.total // common
    die, scale = (100, 100 // size) if 100 % size == 0 else (size, 1)
    outcomes: list[OutcomeItem] = []
    low = 1
    for outcome in chance.outcomes:
        width = outcome.weight // common * scale
        probability = Fraction(outcome.weight, chance.total)
        outcomes.append(
            OutcomeItem(
                weight=outcome.weight,
                probability=probability,
                odds=odds_words(probability),
                low=low,
                high=low + width - 1,
                effects=effects_words(outcome.effects, variables),
                target=number_of[outcome.target],
            )
        )
        low += width
    return ChanceItem(
        die, tuple(outcomes), chance.basis, chance.note, chance.sources, chance.background
    )


def odds_words(probability: Fraction, locale: str | None = None) -> str:
    """ "70 %" when exact as a whole percent, else "2 in 3 (about 67 %)". `locale` None:
    the language being spoken (English outside `speaking`)."""
    if locale is not None:
        with speaking(locale):
            return odds_words(probability)
    percent = probability * 100
    if percent.denominator == 1:
        return _("%(percent)s\u00a0%%") % {"percent": percent.numerator}
    about = math.floor(percent + Fraction(1, 2))  # half up: 12.5 → 13
    if about == 0:
        approx = _("less than 1")
    elif about == 100:
        approx = _("more than 99")
    else:
        approx = str(about)
    # Translators: chance as odds, "2 in 3 (about 67 %)"; \u00a0 is a no-break space.
    return _("%(hits)s in %(draws)s (about %(approx)s\u00a0%%)") % {
        "hits": probability.numerator,
        "draws": probability.denominator,
        "approx": approx,
    }


# -- text ------------------------------------------------------------------------------

_CITATION = re.compile(r'<sup class="cite">.*?</sup>', re.DOTALL)
_ANCHOR_TAG = re.compile(r"</?a\b[^>]*>")
_DATA_SOURCE = re.compile(r'data-source="([^"]*)"')


def _link_html(markup: str) -> str:
    """Inline HTML fit to go inside a link: no citations, no links of its own."""
    return _ANCHOR_TAG.sub("", _CITATION.sub("", markup)).strip()


def _cited(section: Section) -> list[str]:
    """The source keys a section cites anywhere (text, epilogue, odds), in order."""
    keys = list(section.citations)
    markup = [section.html] + ([section.ending.epilogue or ""] if section.ending else [])
    if section.chance is not None:
        markup.append(section.chance.note or "")
    for chunk in markup:
        keys += [html.unescape(key) for key in _DATA_SOURCE.findall(chunk)]
    if section.chance is not None:
        keys += section.chance.sources + section.chance.background
    return keys


def _unique(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for key in group:
            seen.setdefault(key, None)
    return tuple(seen)
