"""The flagship journey (content/journey): clean, complete, sourced and calibrated.

These tests hold the content to the bar its issue sets: no diagnostics at all, the size
and shape it promises, every place on the map, attributed figures attributed, no game
language, fixed scripts that reach a safe arrival and a return, and odds that match the
calibration notes in content/journey/README.md.
"""

from __future__ import annotations

import functools
import html
import re
from fractions import Fraction
from pathlib import Path

import pytest

from crossing.analysis.odds import OddsReport, analyse
from crossing.analysis.playtest import run_playtests
from crossing.analysis.scenario import scenario
from crossing.story import compiled as c
from crossing.story.api import load_source
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
    return pieces


def plain(fragment: str) -> str:
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


def test_every_chance_explains_its_numbers() -> None:
    chances = [scene.chance for scene in journey().scenes if scene.chance]
    assert len(chances) >= 15
    for chance in chances:
        assert chance.sources or (chance.basis == "estimate" and len(chance.note or "") >= 40)


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
