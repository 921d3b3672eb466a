"""The flagship journey (content/journey): clean, complete, sourced and calibrated.

These tests hold the content to the bar its issue sets: no diagnostics at all, the size
and shape it promises, every place on the map, attributed figures attributed, no game
language, fixed scripts that reach a safe arrival and a return, and odds that match the
calibration notes in content/journey/README.md.
"""

from __future__ import annotations

import functools
import html
import random
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from crossing.analysis.odds import OddsReport, analyse
from crossing.analysis.playtest import run_playtests
from crossing.analysis.scenario import scenario
from crossing.story import compiled as c
from crossing.story.api import load_source
from crossing.story.runtime import AWAITING, Program, Session
from crossing.story.transcript import run_script

CONTENT = Path(__file__).resolve().parents[1] / "content"
JOURNEY = CONTENT / "journey"


@functools.cache
def journey() -> c.CompiledStory:
    loaded = load_source(JOURNEY)
    assert loaded.story is not None, [str(d) for d in loaded.errors]
    return loaded.story


@functools.cache
def odds_for(start: str | None = None, settings: tuple[str, ...] = ()) -> OddsReport:
    return analyse(scenario(journey(), start, settings))


def texts(text: c.Text) -> list[str]:
    """Every literal piece of a compiled text, both branches of every condition."""
    if isinstance(text, str):
        return [text]
    pieces: list[str] = []
    for part in text:
        if isinstance(part, str):
            pieces.append(part)
        elif isinstance(part, c.Conditional):
            pieces += texts(part.then)
            if part.otherwise is not None:
                pieces += texts(part.otherwise)
        elif isinstance(part, c.Variation):
            for variant in part.parts:
                pieces += texts(variant)
    return pieces


def interpolations(text: c.Text | None) -> list[c.Interpolation]:
    """Every value shown in a compiled text, in every branch and every variation."""
    if text is None or isinstance(text, str):
        return []
    found: list[c.Interpolation] = []
    for part in text:
        if isinstance(part, c.Interpolation):
            found.append(part)
        elif isinstance(part, c.Conditional):
            found += interpolations(part.then) + interpolations(part.otherwise)
        elif isinstance(part, c.Variation):
            for variant in part.parts:
                found += interpolations(variant)
    return found


@functools.cache
def plain(fragment: str) -> str:
    """The text a reader reads in an HTML fragment. Cached: 10,000 plays show the same
    paragraphs again and again (tests below check every paragraph of every play)."""
    without_citations = re.sub(r'<sup class="cite">.*?</sup>', "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_citations))


def all_prose(story: c.CompiledStory) -> list[str]:
    prose: list[str] = []
    for scene in story.scenes:
        prose += texts(scene.text)
        for choice in scene.choices:
            prose += texts(choice.text)
        if scene.ending and scene.ending.epilogue is not None:
            prose += texts(scene.ending.epilogue)
    return [plain(piece) for piece in prose]


def story_paragraphs() -> list[tuple[Path, int, str]]:
    """Each paragraph of prose in the story files (hard-wrapped lines joined), with the
    line it starts on. Metadata, effects, chance blocks and comments are left out."""
    paragraphs: list[tuple[Path, int, str]] = []
    for path in sorted(JOURNEY.glob("*.story")):
        current: list[str] = []
        start = 0
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate([*lines, ""], 1):
            stripped = line.strip()
            prose = stripped and not re.match(
                r"(//|~|->|chance:|assumption:|#|[\d.]+%? *->)", stripped
            )
            if prose and not re.match(r"^[a-z]+:", stripped):
                if not current:
                    start = number
                current.append(stripped)
            elif current:
                paragraphs.append((path, start, " ".join(current)))
                current = []
    return paragraphs


# --- Clean and complete -------------------------------------------------------------------


def test_the_journey_checks_with_no_errors_and_no_warnings() -> None:
    loaded = load_source(JOURNEY)
    assert [str(d) for d in loaded.diagnostics] == []


def test_the_journey_has_the_size_its_issue_asks_for() -> None:
    story = journey()
    words = sum(len(piece.split()) for piece in all_prose(story))
    endings = [scene for scene in story.scenes if scene.ending]
    assert len(story.scenes) >= 120
    assert words >= 30_000
    assert len(endings) >= 8
    assert len({scene.ending.kind for scene in endings if scene.ending}) >= 6


def test_three_protagonists_are_offered_at_the_start() -> None:
    transcript = run_script(journey(), 0, ["1"])
    offered = transcript["steps"][-1]["choices"]
    assert [choice["id"] for choice in offered] == [
        "choose_person/mi_ok_start",
        "choose_person/chol_start",
        "choose_person/myong_su_start",
    ]


def test_every_scene_has_a_place_on_the_map() -> None:
    """All but the opening, which is told from nowhere in particular: the route starts
    where the protagonist does."""
    story = journey()
    places = {place.key: place for place in story.places}
    opening = story.chapters[0].id
    for scene in story.scenes:
        if scene.chapter is not None and story.chapters[scene.chapter].id == opening:
            assert scene.place is None, scene.id
            continue
        assert scene.place is not None, scene.id
        place = places[scene.place]
        assert place.lat is not None and place.lon is not None, place.key


def test_every_source_names_its_outlet_and_confidence() -> None:
    for source in journey().sources:
        assert source.title and source.author, source.key
        assert source.confidence in ("confirmed", "attributed", "estimate"), source.key
        assert source.url is not None or source.note, f"{source.key}: no url and no note"


def chances() -> dict[str, c.Chance]:
    return {scene.id: scene.chance for scene in journey().scenes if scene.chance}


def test_every_chance_explains_its_numbers() -> None:
    assert len(chances()) >= 15
    for scene, chance in chances().items():
        assert chance.note and len(plain(chance.note)) >= 40, scene
        if chance.basis == "record":
            assert chance.sources and not chance.background, scene
        else:
            assert chance.basis == "estimate" and not chance.sources, scene


# The chances whose numbers a cited source gives (content/journey/README.md, "Calibration").
# Every other chance is the story's estimate, and says so. A chance moves to this list only
# when its source is found to give its numbers.
FROM_THE_RECORD = {"mo_nanping"}  # 70-80 % of refugee women trafficked: the middle, 75 %


def test_only_chances_whose_sources_give_the_numbers_are_from_the_record() -> None:
    record = {scene for scene, chance in chances().items() if chance.basis == "record"}
    assert record == FROM_THE_RECORD


def test_the_calibration_notes_count_the_sourced_and_the_estimated_chances() -> None:
    readme = (JOURNEY / "README.md").read_text(encoding="utf-8")
    estimated = len(chances()) - len(FROM_THE_RECORD)
    assert f"{len(chances())} chances" in readme
    assert f"{len(FROM_THE_RECORD)} from the record" in readme.replace("One", "1").replace(
        "one", "1"
    )
    assert f"{estimated} estimates" in readme


def test_estimates_name_no_story_internals() -> None:
    """A calibration note is for readers: no scene ids or variable names in it."""
    ids = {scene.id for scene in journey().scenes} | {v.name for v in journey().variables}
    found = [
        f"{scene}: {word}"
        for scene, chance in chances().items()
        for word in re.findall(r"[a-z]+(?:_[a-z0-9]+)+", plain(chance.note or ""))
        if word in ids
    ]
    assert found == []


def test_the_reader_sheet_uses_the_story_words() -> None:
    """Every variable has a label and every value a readable one: the gamebook's reader
    sheet shows "Year: 2009" and "Whose journey: Mi-ok", never "y2009" or "mi_ok"."""
    variables = {v.name: v for v in journey().variables}
    assert all(v.label for v in variables.values()), [
        n for n, v in variables.items() if not v.label
    ]
    for variable in variables.values():
        if variable.type == "enum":
            assert len(variable.labels) == len(variable.values), variable.name
            assert not any("_" in label for label in variable.labels), variable.labels
    assert variables["year"].labels == ("2009", "2019")
    assert variables["who"].labels == ("Mi-ok", "Chol", "Myong-su")
    assert variables["cash"].label == "Cash, in US dollars"


# --- Written as the subject demands -------------------------------------------------------

ATTRIBUTION = re.compile(
    r"\b(say|says|said|according|report|reports|reported|reporting|claim|claims|"
    r"estimate|estimates|estimated|count|counts|counted|put|puts|told|tell|tells|"
    r"describe|describes|described|recall|recalls|recalled|write|writes|wrote|account|"
    r"believe|believes|show|shows|showed|shown|film|films|filmed|by (?:their|his|her|its) (?:own )?(?:count|account|estimate))\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'*])")


def test_figures_from_attributed_sources_are_attributed_in_the_text() -> None:
    attributed = {s.key for s in journey().sources if s.confidence == "attributed"}
    unattributed: list[str] = []
    for path, number, paragraph in story_paragraphs():
        sentences = SENTENCE_END.split(paragraph)
        for index, sentence in enumerate(sentences):
            keys = set(re.findall(r"\[\^([^\]]+)\]", sentence))
            if not keys & attributed:
                continue
            context = " ".join(sentences[max(0, index - 1) : index + 1])
            if not ATTRIBUTION.search(context):
                unattributed.append(f"{path.name}:{number}: {sentence.strip()[:100]}")
    assert unattributed == []


GAME_WORDS = re.compile(
    r"\b(game over|you win|you have won|you have lost|your score|high score|"
    r"lives left|level up|try again\?)",
    re.IGNORECASE,
)


def test_no_game_language() -> None:
    found = [
        f"{path.name}:{number}: {match.group(0)}"
        for path, number, paragraph in story_paragraphs()
        for match in GAME_WORDS.finditer(paragraph)
    ]
    assert found == []


def test_every_ending_closes_with_an_afterword_and_the_composite_note() -> None:
    for scene in journey().scenes:
        if scene.ending is None:
            continue
        assert scene.ending.epilogue is not None, scene.id
        epilogue = " ".join(texts(scene.ending.epilogue))
        assert 'class="cite"' in epilogue, f"{scene.id}: the afterword cites no source"
        assert "is a composite" in epilogue, f"{scene.id}: no composite note"


# --- Plays end to end --------------------------------------------------------------------


def play(seed: int, script: str) -> dict[str, object]:
    transcript = run_script(journey(), seed, script.split(","))
    end = transcript["end"]
    assert end["status"] == "ending", end
    return transcript


def ending_kind(transcript: dict[str, object]) -> str:
    steps = transcript["steps"]
    assert isinstance(steps, list)
    kind = steps[-1]["ending"]["kind"]
    assert isinstance(kind, str)
    return kind


def test_a_fixed_script_reaches_the_south() -> None:
    # Mi-ok, 2009: across the Tumen, sold into marriage, a church, the train to Erenhot,
    # the Gobi, Ulaanbaatar, Hanawon, and a broker paid to bring her son out.
    transcript = play(0, "1,1,1,1,1,1,1,1,1,2,1,2,1,1,3,1,2,1,1,1,1,2,1,1")
    assert ending_kind(transcript) == "safety"
    scenes = [step["scene"] for step in transcript["steps"]]  # type: ignore[attr-defined]
    assert {"mo_sold", "mongolia_start", "mg_ulaanbaatar", "ar_hanawon"} <= set(scenes)
    assert scenes[-1] == "end_bringing_family"


def test_a_fixed_script_ends_in_a_return_to_the_north() -> None:
    transcript = play(9, "1,1,1,1,1,1,1,1,1")
    assert ending_kind(transcript) == "caught"
    scenes = [step["scene"] for step in transcript["steps"]]  # type: ignore[attr-defined]
    assert "caught_in_china" in scenes and scenes[-1] == "end_repatriated"


def test_random_playthroughs_never_fail() -> None:
    report = run_playtests(journey(), runs=2000, seed=0, avoid_used=False, max_decisions=200)
    assert report.ok, report.failures[:3]
    assert report.ending_kinds["safety"] > 0 and report.ending_kinds["caught"] > 0


# --- Calibration ------------------------------------------------------------------------


def random_share(report: OddsReport, kind: str) -> Fraction | float:
    return report.kinds[kind]["random"]


def test_every_ending_is_reachable_and_play_always_ends() -> None:
    report = odds_for()
    assert report.unreachable_scenes == []
    assert all(ending.odds["random"] > 0 for ending in report.endings)
    reader = report.readers["random"]
    assert reader.dead_end == 0 and reader.never_ends == 0


@pytest.mark.parametrize("year", ["y2009", "y2019"])
def test_a_random_reader_meets_15_to_30_decisions(year: str) -> None:
    after_the_year = odds_for("choose_person", (f"year={year}",)).readers["random"]
    assert after_the_year.expected_decisions is not None
    decisions = 1 + after_the_year.expected_decisions  # the opening's choice of year
    assert 15 <= decisions <= 30


def sent_back(report: OddsReport) -> float:
    return float(random_share(report, "caught") + random_share(report, "returned"))


def test_the_odds_match_the_calibration_notes() -> None:
    # content/journey/README.md: in 2009 a reader choosing at random reaches the South
    # 35-45 % of the time; in 2019 clearly less often, and is sent back more often.
    in_2009 = odds_for("choose_person", ("year=y2009",))
    in_2019 = odds_for("choose_person", ("year=y2019",))
    safety_2009 = float(random_share(in_2009, "safety"))
    safety_2019 = float(random_share(in_2019, "safety"))
    assert 0.35 <= safety_2009 <= 0.45
    assert safety_2019 <= safety_2009 - 0.05
    assert 0.25 <= sent_back(in_2009) <= 0.35
    assert sent_back(in_2019) > sent_back(in_2009)
    for report in (in_2009, in_2019):
        assert float(random_share(report, "died")) < 0.02  # rare, as in the record


# --- What one reader sees in one play -----------------------------------------------------

PLAYTHROUGHS = 10_000
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Play:
    """One seeded random playthrough: the paragraphs shown, in order, with their scenes."""

    seed: int
    script: tuple[int, ...]
    shown: tuple[tuple[str, str], ...]  # (scene id, paragraph as rendered)
    scenes: frozenset[str]  # every scene entered


@functools.cache
def random_plays() -> tuple[Play, ...]:
    """`PLAYTHROUGHS` random plays with the Python runtime: play `n` draws its chances from
    story seed `n` and picks its choices with `random.Random(n)`, so any play that fails a
    test below replays with `crossing play content/journey --seed n --script ...`."""
    program = Program(journey())
    paragraphs = functools.cache(PARAGRAPH.findall)  # the plays show the same texts again
    plays: list[Play] = []
    for seed in range(PLAYTHROUGHS):
        chooser = random.Random(seed)
        session, steps = Session.begin(program, seed)
        script: list[int] = []
        shown: list[tuple[str, str]] = []
        scenes: set[str] = set()
        while True:
            for step in steps:
                scenes.add(step.scene)
                texts_shown = [step.text]
                if step.ending and "epilogue" in step.ending:
                    texts_shown.append(step.ending["epilogue"])
                for text in texts_shown:
                    shown += [(step.scene, para) for para in paragraphs(text)]
            if session.status != AWAITING:
                break
            position = int(chooser.random() * len(session.offered))
            script.append(position + 1)
            steps = session.choose(position)
        plays.append(Play(seed, tuple(script), tuple(shown), frozenset(scenes)))
    return tuple(plays)


def replay(play: Play) -> str:
    return f"crossing play content/journey --seed {play.seed} --script {','.join(map(str, play.script))}"


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'$])")


@functools.cache
def paragraph_and_sentences(paragraph: str) -> tuple[str, ...]:
    """A shown paragraph's text (whitespace made single spaces) and each of its sentences of
    six words or more; nothing for a paragraph with no words. Cached per paragraph."""
    words = plain(paragraph).split()
    if not words:
        return ()
    text = " ".join(words)
    return (text, *(s for s in SENTENCE.split(text) if len(s.split()) >= 6))


def test_no_paragraph_or_sentence_is_shown_twice_in_one_play() -> None:
    """Scenes that a loop re-enters (another year in hiding, another try at the sea) say
    what changed, with year-by-year text, once-only text and variations: not the same
    paragraph again, nor the same sentence of six words or more."""
    repeated: dict[tuple[str, str], Play] = {}
    for play in random_plays():
        seen: set[str] = set()
        for scene, paragraph in play.shown:
            pieces = paragraph_and_sentences(paragraph)
            for piece in pieces:
                if piece in seen and (scene, piece) not in repeated:
                    repeated[scene, piece] = play
            seen.update(pieces)
    found = [
        f"{scene}: {text[:70]}... ({replay(play)})" for (scene, text), play in repeated.items()
    ]
    assert found == []


def test_no_empty_paragraph_is_shown() -> None:
    """A paragraph whose conditions all fail shows nothing at all, not an empty <p>: each
    such paragraph is a single {if} (docs/story-language.md, "Text")."""
    empty = {
        (scene, play.seed)
        for play in random_plays()
        for scene, paragraph in play.shown
        if not plain(paragraph).strip()
    }
    assert sorted(empty)[:5] == []


# An amount of money as a reader sees it: "$3,500", "2,000 to 6,000 baht", "8 million won".
BARE_AMOUNT = [
    re.compile(r"\$\s?\d{4,}"),  # "$3500": no thousands separator
    re.compile(r"\d[\d,.]*\s*(?:dollars?|USD)\b", re.IGNORECASE),  # "3,500 dollars"
]
# A number of four or more digits with no separator that is not a year of the story's era.
UNSEPARATED = re.compile(r"(?<![\d,.$])(\d{4,})(?![\d,])")
# An age or a small count in digits where the text spells numbers out.
AGE_IN_DIGITS = [
    re.compile(r"\b\d{1,2} (?:year|years) old\b"),
    re.compile(
        r"\b(?:[Yy]ou are|[Hh]e is|[Ss]he is|is|now) \d{1,2}(?!\d|[,.]\d)"
        r"(?! ?(?:%|per|km|kilo|days|weeks|months|years|hours|of|in|to|million|thousand)\b)"
    ),
]


def money_problems(paragraph: str) -> list[str]:
    text = plain(paragraph)
    problems = [m.group(0) for pattern in BARE_AMOUNT for m in pattern.finditer(text)]
    problems += [
        m.group(0) for m in UNSEPARATED.finditer(text) if not 1900 <= int(m.group(1)) <= 2099
    ]
    problems += [m.group(0) for pattern in AGE_IN_DIGITS for m in pattern.finditer(text)]
    return problems


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("You owe $3500.", ["$3500"]),
        ("You owe 3500 dollars.", ["3500 dollars", "3500"]),
        ("About 3,500 dollars.", ["3,500 dollars"]),
        ("You have 500 dollars saved.", ["500 dollars"]),
        ("Kwang-il is 12. He is 12 years old.", ["12 years old", "is 12"]),
        ("You owe $3,500; the fine is 2,000 to 6,000 baht; 8 million won.", []),
        ("In 2009, 2,914 arrived; 63.5 % of them; a camp 1,000 km away.", []),
        ("Your son is a year old. You are fifteen.", []),
    ],
)
def test_the_money_check_finds_what_it_should(text: str, problems: list[str]) -> None:
    assert money_problems(f"<p>{text}</p>") == problems


def test_every_amount_shown_has_its_currency_and_separators() -> None:
    """Over every paragraph of 10,000 plays (which reach every scene, both years and all
    three people): no bare "3500", no "dollars" after digits, no age in digits."""
    found: dict[tuple[str, str], Play] = {}
    problems_in = functools.cache(money_problems)  # the plays repeat the same paragraphs
    for play in random_plays():
        for scene, paragraph in play.shown:
            for problem in problems_in(paragraph):
                found.setdefault((scene, problem), play)
    assert [
        f"{scene}: {problem!r} ({replay(play)})" for (scene, problem), play in found.items()
    ] == []


def reads(expr: object) -> set[str]:
    """The variables an expression reads, by name."""
    names = [v.name for v in journey().variables]
    if isinstance(expr, list):
        if expr and expr[0] == "var":
            return {names[expr[1]]}
        return set().union(*(reads(e) for e in expr)) if expr else set()
    return set()


def test_every_sum_and_age_in_the_text_is_formatted_for_the_reader() -> None:
    """Every scene, reached in the plays above or not: a sum of money is shown as "$3,500"
    (`{cash as USD}`) and a count of years or an age in words (`{years_hidden as words}`)."""
    story = journey()
    wrong: list[str] = []
    for scene in story.scenes:
        shown = interpolations(scene.text)
        shown += [i for choice in scene.choices for i in interpolations(choice.text)]
        shown += interpolations(scene.ending.epilogue if scene.ending else None)
        for interpolation in shown:
            names = reads(interpolation.expr)
            if names & {"cash", "debt"} and interpolation.format != "USD":
                wrong.append(f"{scene.id}: {interpolation.expr} as {interpolation.format}")
            if "years_hidden" in names and interpolation.format != "words":
                wrong.append(f"{scene.id}: {interpolation.expr} as {interpolation.format}")
    assert wrong == []
    for piece in all_prose(story):
        assert not re.search(r"\d\s*dollars", piece), piece


# --- One name, one person -----------------------------------------------------------------

# Everyone the journey names, with the files that may name them. A name used for a second
# person (Myong-su's wife and a woman on the Mongolia route were both Sun-hee) shows up in
# a file outside its person's own, or as a name missing from this list.
ANYWHERE = ("*",)
CAST: dict[str, tuple[str, tuple[str, ...]]] = {
    "Mi-ok": ("a market trader from Musan, a protagonist", ANYWHERE),
    "Chol": ("a street child from Hyesan, a protagonist", ANYWHERE),
    "Myong-su": ("a logger in Russia, a protagonist", ANYWHERE),
    "Song-ho": ("Mi-ok's son in Musan", ("mi-ok",)),
    "Mi-hyang": ("Mi-ok's sister", ("mi-ok",)),
    "Ok-sun": ("the trader beside Mi-ok at the market", ("mi-ok",)),
    "Kyong-hui": (
        "Mi-ok's friend and companion",
        ("mi-ok", "railroad", "mongolia-embassy", "arrival-and-return"),
    ),
    "Kwang-il": (
        "Chol's younger friend and companion",
        ("chol", "railroad", "mongolia-embassy", "arrival-and-return"),
    ),
    "Yong-ho": ("the oldest of the boys who talk of Mongolia", ("chol",)),
    "Geum-ja": ("a woman from Hoeryong on the Mongolia route", ("mongolia-embassy",)),
    "Eun-ju": ("a woman in the consulate group in Shenyang", ("mongolia-embassy",)),
    "Sun-hee": ("Myong-su's wife", ("myong-su",)),
    "Hyang-mi": ("Myong-su's daughter", ("myong-su",)),
    "Chang-ho": ("Myong-su's bunkmate in the camp", ("myong-su",)),
    "Yong-nam": ("Myong-su's neighbour with the boat", ("myong-su",)),
    "Sergei": ("a Russian driver at Tynda", ("myong-su",)),
    "Tamara": ("a Korean trader in Khabarovsk", ("myong-su",)),
    "Joseph": ("a South Korean activist in Khabarovsk", ("myong-su",)),
}
# Hyphenated words in the text that are not the story's people: real people, and words.
NOT_CAST = {"Jong-un", "Hark-joon", "China-born"}
KOREAN_NAME = re.compile(r"\b[A-Z][a-z]+-[a-z]+\b")


def test_one_name_per_person() -> None:
    misplaced: list[str] = []
    for path in sorted(JOURNEY.glob("*.story")):
        prose = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
        names = set(KOREAN_NAME.findall(prose)) | {n for n in CAST if re.search(rf"\b{n}\b", prose)}
        for name in sorted(names - NOT_CAST):
            if name not in CAST:
                misplaced.append(f"{path.name}: {name} is not in the cast list")
                continue
            files = CAST[name][1]
            if files != ANYWHERE and path.stem not in files:
                misplaced.append(f"{path.name}: {name} ({CAST[name][0]}) does not belong here")
    assert misplaced == []


def test_a_companion_is_called_by_name() -> None:
    """ "Your friend… the back of that head": a companion keeps the name the story gave."""
    found = [
        f"{path.name}:{number}"
        for path, number, paragraph in story_paragraphs()
        if re.search(r"\byour friend\b", paragraph, re.IGNORECASE)
    ]
    assert found == []
