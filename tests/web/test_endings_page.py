"""Each ending's own page, the ending screen's data, the notes they come from
(content/journey/endings.toml), the odds for each person and year, and the ending pages
in the sitemap and the static export."""

from __future__ import annotations

import functools
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.analysis.odds import analyse
from crossing.analysis.scenario import scenario
from crossing.cli import cli
from crossing.story import compiled as c
from crossing.story.runtime import Program
from crossing.web.content import site_content
from crossing.web.export import build_site
from crossing.web.journey import ending_screen
from crossing.web.journey.ending_pages import (
    afterword,
    chapter_link,
    ending_addresses,
    epilogue_inputs,
    renumbered,
)
from crossing.web.journey.ending_screen import (
    NotesError,
    Scenario,
    ScenarioOdds,
    honesty,
    likelihood,
    load_notes,
    scenario_odds,
)
from crossing.web.journey.publish import (
    ContentError,
    Published,
    compile_story,
    journey,
    publish,
    random_reader_odds,
)

from .conftest import save

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "market-day"
pytestmark = pytest.mark.django_db


def endings() -> list[str]:
    return [s.id for s in journey().story.scenes if s.ending is not None]


# -- the page of each ending --


def test_every_ending_has_a_page_with_its_odds_and_no_reader_in_it(client: Client) -> None:
    published = journey()
    for ending in endings():
        response = client.get(f"/journey/endings/{ending}/")
        assert response.status_code == 200, ending
        page = response.content.decode()
        scene = next(s for s in published.story.scenes if s.id == ending)
        assert f'<h1 id="ending-title">{scene.title}</h1>' in page
        assert f'<meta property="og:title" content="{scene.title}">' in page
        assert '<meta property="og:type" content="article">' in page
        preview = re.search(r'<meta property="og:description" content="([^"]*)">', page)
        assert preview and published.story.title in preview.group(1)
        assert "you" not in preview.group(1).lower().split()  # about the ending, not a reader
        assert f'<link rel="canonical" href="http://testserver/journey/endings/{ending}/">' in page
        rows = re.findall(r'<tr><th scope="row">([^<]*)</th>', page)
        assert rows == [o.scenario.label for o in published.scenarios if ending in o.odds]
        assert "journeys" in page and "estimate" in page
        assert not response.cookies
        # No third party: the only scripts are the site's own; this one only adds a copy
        # button (local-time.js, on every page, says dates in the reader's zone).
        scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", page)
        assert scripts == ["/static/crossing/ending.js", "/static/crossing/local-time.js"]


def test_the_gamebook_leads_from_each_ending_to_its_page(client: Client) -> None:
    """Without JavaScript, the gamebook is the journey: each ending section links to the
    ending's own page, with its odds for each person and year."""
    book = client.get("/journey/gamebook/").content.decode()
    for ending in endings():
        assert book.count(f'<a href="/journey/endings/{ending}/">') == 1, ending


def test_an_ending_page_names_its_chapter_and_the_sources_it_cites(client: Client) -> None:
    page = client.get("/journey/endings/end_gobi/").content.decode()
    assert 'href="/on-the-border/other-routes/#north-to-mongolia"' in page
    assert 'id="source-demick-2009"' in page and 'href="#source-demick-2009"' in page
    # The afterword, with its citations numbered from 1, and each composite's note once.
    assert re.search(r'data-source="demick-2009">1</a>', page)
    assert page.count("Mi-ok is a composite") == 1 and page.count("Chol is a composite") == 1
    assert "Myong-su is a composite" not in page  # he cannot end in the Gobi
    assert "gb-if" not in page


def test_a_story_without_notes_has_ending_pages_too(
    client: Client, tmp_path: Path, settings: Settings
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "content" / "journey")
    settings.CONTENT_DIR = tmp_path / "content"
    page = client.get("/journey/endings/hungry/").content.decode()
    assert '<p class="ending-kind"><strong>Stranded.</strong>' in page
    assert re.search(r"A reader choosing at random ends here in about \d+ in \d+ journeys", page)
    assert "ending-odds-table" not in page
    # No chapter named, and the ending cites nothing: no empty section about either.
    assert "The real story behind this ending" not in page
    data = client.get(data_address(client)).json()
    assert data["scenarios"] == [] and data["endings"]["hungry"]["chapter"] is None


@pytest.mark.parametrize("address", ["/journey/endings/opening/", "/journey/endings/nothing/"])
def test_a_scene_that_is_no_ending_has_no_page(client: Client, address: str) -> None:
    assert client.get(address).status_code == 404


def test_the_sitemap_lists_every_ending_page(client: Client) -> None:
    xml = client.get("/sitemap.xml").content.decode()
    for ending in endings():
        assert f"<loc>http://testserver/journey/endings/{ending}/</loc>" in xml


# -- the ending screen's data --


def test_the_player_page_points_at_the_ending_screen_and_carries_none_of_it(
    client: Client,
) -> None:
    page = client.get("/journey/").content.decode()
    data = re.search(r'data-data="([^"]+)"', page)
    assert data and re.fullmatch(r"/journey/ending\.en\.[0-9a-f]{16}\.json", data.group(1))
    assert 'data-module="/static/crossing/ending.js"' in page
    assert 'id="journey-ending"' not in page
    assert 'data-style="/static/crossing/ending.css"' in page
    assert '<link rel="stylesheet" href="/static/crossing/ending.css">' not in page


def data_address(client: Client) -> str:
    found = re.search(r'data-data="([^"]+)"', client.get("/journey/").content.decode())
    assert found
    return found.group(1)


def test_the_ending_data_says_everything_the_screen_shows(client: Client) -> None:
    published = journey()
    response = client.get(data_address(client))
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    data: dict[str, Any] = response.json()
    assert set(data["kinds"]) == set(published.story.ending_kinds)
    assert set(data["endings"]) == set(endings())
    for ending, about in data["endings"].items():
        assert about["page"] == f"/journey/endings/{ending}/"
        assert about["chapter"]["url"].startswith("/on-the-border/")
        assert about["sources"], ending
    assert [s["label"] for s in data["scenarios"]] == [s.label for s in published.notes.scenarios]
    for found in data["scenarios"]:
        total = sum(random for random, _, _, _ in found["odds"].values())
        assert total == pytest.approx(1.0, abs=1e-9), found["label"]
        assert "estimate" in found["honesty"]
    assert all("{" not in v or "}" in v for v in data["text"].values())


def test_a_chapter_edit_gives_the_ending_data_a_new_address(client: Client, content: Path) -> None:
    before = data_address(client)
    chapter = content / "story" / "04-other-routes.md"
    save(chapter, chapter.read_text().replace('title = "The other routes"', 'title = "Other ways"'))
    after = data_address(client)
    assert after != before
    data = client.get(after).json()
    assert data["endings"]["end_gobi"]["chapter"]["title"] == "Other ways: North to Mongolia"
    assert client.get(before)["Cache-Control"] == "no-cache"


def test_old_and_unknown_addresses_of_the_ending_data(client: Client) -> None:
    assert client.get("/journey/ending.en.0000.json")["Cache-Control"] == "no-cache"
    assert client.get("/journey/ending.xx.0000.json").status_code == 404


def test_the_ending_data_speaks_the_language_in_its_address(client: Client) -> None:
    data = client.get("/journey/ending.ko.0000.json").json()
    assert data["scenarios"][0]["goal"].endswith("%)")


# -- the odds for each person and year --


def test_scenario_odds_are_what_crossing_odds_computes() -> None:
    published = journey()
    story = published.story
    for found in published.scenarios:
        report = analyse(scenario(story, found.scenario.start, found.scenario.settings()))
        for ending in report.endings:
            random, best = float(ending.odds["random"]), float(ending.odds["best"])
            assert found.odds.get(ending.scene, (0.0, 0.0)) == pytest.approx((random, best))


def test_the_readme_table_matches_the_published_odds() -> None:
    """The journey's notes give Mi-ok's 2009 arrivals as 33.9 %: the screen agrees."""
    mi_ok = next(
        o
        for o in journey().scenarios
        if o.scenario.label.startswith("Mi-ok") and "2009" in o.scenario.label
    )
    assert mi_ok.goal is not None
    assert mi_ok.goal[0] == pytest.approx(0.339, abs=0.06)


def test_scenario_odds_are_kept_by_story_and_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = compile_story(EXAMPLE)
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "endings.toml").write_text(
        '[[scenario]]\nlabel = "With twenty coins"\nfrom = "kitchen"\nset = { coins = "20" }\n'
    )
    notes = load_notes(folder, story)
    first = scenario_odds(story, notes, tmp_path / "cache")
    assert [o.scenario.label for o in first] == ["With twenty coins"]
    assert sum(r for r, _ in first[0].odds.values()) == pytest.approx(1.0)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr(ending_screen, "analyse", refuse)
    assert scenario_odds(story, notes, tmp_path / "cache") == first


def test_odds_that_cannot_be_kept_are_computed_and_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A cache folder that cannot be written (here a file stands where it should be) must not
    fail a reader's page after an edit: the odds are computed, and the fault is logged."""
    story = compile_story(EXAMPLE)
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "endings.toml").write_text(
        '[[scenario]]\nlabel = "With twenty coins"\nfrom = "kitchen"\nset = { coins = "20" }\n'
    )
    blocked = tmp_path / "cache"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        scenarios = scenario_odds(story, load_notes(folder, story), blocked)
        odds = random_reader_odds(story, blocked)
    assert [o.scenario.label for o in scenarios] == ["With twenty coins"]
    assert odds is not None and sum(odds.values()) == pytest.approx(1.0)
    assert caplog.text.count(f"could not keep {blocked}/") == 2


def example_with(tmp_path: Path, *, sourced: bool) -> Path:
    """The example story, its one chance either an estimate (as written) or from a source."""
    folder = tmp_path / "story"
    folder.mkdir()
    for path in EXAMPLE.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    if sourced:
        market = folder / "market.story"
        text = market.read_text(encoding="utf-8")
        estimate = "chance:\n  assumption: the last mackerel goes early one Saturday in four"
        assert estimate in text
        market.write_text(
            text.replace(
                estimate, "chance: [^timetable]\n  basis: the stall's own count, one in four"
            ),
            encoding="utf-8",
        )
    (folder / "endings.toml").write_text(
        '[[scenario]]\nlabel = "With twenty coins"\nfrom = "kitchen"\nset = { coins = "20" }\n'
    )
    return folder


@pytest.mark.parametrize("sourced", [False, True])
def test_the_odds_say_how_much_rests_on_estimates(tmp_path: Path, sourced: bool) -> None:
    folder = example_with(tmp_path, sourced=sourced)
    published = publish(folder, None)
    (found,) = published.scenarios
    # The example has two chances; the second is always an estimate.
    assert (found.chances, found.estimates) == (2, 1 if sourced else 2)
    sentence = honesty(found)
    if sourced:
        assert "at 1 of them the numbers are the story's own estimates" in sentence
        assert "the other 1 they come from a cited source" in sentence
    else:
        assert "each of the 2 points" in sentence and "uses the story's own estimate" in sentence


def test_a_road_with_estimates_and_the_record_says_how_many_of_each() -> None:
    found = ScenarioOdds(Scenario("x", "s", {}), {}, None, chances=12, estimates=8)
    sentence = honesty(found)
    assert "at 12 points" in sentence and "at 8 of them" in sentence and "other 4" in sentence
    one = ScenarioOdds(Scenario("x", "s", {}), {}, None, chances=1, estimates=0)
    assert honesty(one).startswith("The one point where chance decides")
    assert "only the choices" in honesty(ScenarioOdds(Scenario("x", "s", {}), {}, None, 0, 0))


# -- the notes, checked --


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[scenario]]\nlabel = "x"\nfrom = "nowhere"\n', "unknown scene 'nowhere'"),
        ('[[scenario]]\nlabel = "x"\nfrom = "kitchen"\nset = { coin = "3" }\n', "coins"),
        ('[[scenario]]\nlabel = "x"\nfrom = "kitchen"\nset = { coins = "99" }\n', "0..50"),
        ('[[scenario]]\nfrom = "kitchen"\n', "'label' should be a non-empty string"),
        ('[kinds.victory]\nname = "V"\nwords = "W"\n', "'victory' is not an ending kind"),
        ('[kinds.safety]\nname = "Safe"\n', "'words' should be a non-empty string"),
        ('[endings.kitchen]\nchapter = "x"\n', "'kitchen' is not an ending scene"),
        ("[endings\n", "endings.toml:1:"),
        ("scenarios = []\n", "unknown key(s) scenarios"),
    ],
)
def test_notes_that_do_not_fit_the_story_are_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "endings.toml").write_text(text)
    with pytest.raises(NotesError, match=re.escape(message)):
        load_notes(tmp_path, compile_story(EXAMPLE))


NOTE_PIECES = st.sampled_from(
    [
        "[[scenario]]\n",
        'label = "x"\n',
        "label = 3\n",
        'from = "kitchen"\n',
        'from = "stairs"\n',
        "from = []\n",
        'set = { coins = "20" }\n',
        "set = { coins = 20 }\n",
        "set = { umbrella = true }\n",
        'set = { dinner = "soup" }\n',
        'set = "coins=20"\n',
        "[kinds.safety]\n",
        "[kinds]\n",
        'name = "N"\n',
        'words = ""\n',
        "[endings.hungry]\n",
        'chapter = "c"\n',
        "section = 1\n",
        "scenario = 1\n",
        "[endings]\n",
        "hungry = 2\n",
    ]
)


@given(st.lists(NOTE_PIECES, max_size=12), st.text(max_size=20))
def test_any_notes_file_is_read_or_refused_with_a_message(pieces: list[str], noise: str) -> None:
    """Whatever an editor writes, publishing either reads the notes or says what is wrong
    (NotesError), never fails some other way."""
    import tempfile

    story = example_story()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "endings.toml").write_text("".join(pieces) + noise, encoding="utf-8")
        try:
            notes = load_notes(Path(folder), story)
        except NotesError as error:
            assert str(error).startswith(folder)
        else:
            assert all(s.start in story.scene_index() for s in notes.scenarios)


@functools.cache
def example_story() -> c.CompiledStory:
    return compile_story(EXAMPLE)


def test_a_story_with_bad_notes_is_not_published(tmp_path: Path) -> None:
    folder = tmp_path / "journey"
    folder.mkdir()
    for path in EXAMPLE.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "endings.toml").write_text('[endings.kitchen]\nchapter = "x"\n')
    with pytest.raises(ContentError, match="is not an ending scene"):
        publish(folder, None)


def test_every_chapter_and_heading_the_notes_name_exists() -> None:
    published = journey()
    chapters = site_content().chapters
    for ending, reading in published.notes.readings.items():
        found = chapter_link(published, ending, chapters, lambda address: address)
        assert found is not None, ending
        assert reading.section and found.url and found.url.endswith(f"#{reading.section}")
    assert set(published.notes.readings) == set(endings())
    assert set(published.notes.kinds) == set(published.story.ending_kinds)


def test_an_afterword_alone_is_numbered_from_one() -> None:
    text, keys = renumbered(afterword(journey(), "end_sent_to_camp"))
    numbers = [int(n) for n in re.findall(r'data-source="[^"]*">(\d+)</a>', text)]
    assert numbers and numbers[0] == 1 and max(numbers) == len(keys)


def _afterword_built_per_scenario(published: Published, ending: str) -> str:
    """The afterword as first written: a Program built for each person and year."""
    story = published.story
    render = Program(story).epilogues[story.scene_index()[ending]]
    if render is None:
        return ""
    starts = [
        Program(scenario(story, o.scenario.start, o.scenario.settings())).initial_values()
        for o in published.scenarios
        if ending in o.odds
    ] or [Program(story).initial_values()]
    paragraphs: dict[str, None] = {}
    for values in starts:
        for paragraph in re.split(r"(?<=</p>)\s*", render(values, [0] * len(story.sites))):
            if paragraph.strip():
                paragraphs.setdefault(paragraph.strip(), None)
    return "\n".join(paragraphs)


def test_every_afterword_is_what_a_program_per_scenario_gives() -> None:
    # The ending pages share one Program and the scenarios' starting values per version of
    # the story (they cost 0.3 s a page when built for each); the words must not change.
    published = journey()
    endings = [s.id for s in published.story.scenes if s.ending is not None]
    assert endings and any(afterword(published, e) for e in endings)
    for ending in endings:
        assert afterword(published, ending) == _afterword_built_per_scenario(published, ending)
    assert epilogue_inputs(published) is epilogue_inputs(published)


# -- odds in words --


@given(st.floats(min_value=1e-6, max_value=1.0))
def test_a_chance_in_words_is_plain_and_near_the_number(p: float) -> None:
    words = likelihood(p)
    assert words is not None and words.endswith("%)")
    one_in = re.match(r"about 1 in (\d+) journeys", words)
    tenths = re.match(r"about (\d+) in 10 journeys", words)
    if one_in:
        assert 0.6 < p * int(one_in.group(1)) < 1.5
    elif tenths:
        assert abs(int(tenths.group(1)) / 10 - p) <= 0.05 + 1e-9
    else:
        assert words.startswith(("fewer than 1 in 100", "almost every")), words
        assert p < 0.01 or p >= 0.995


def test_never_is_no_likelihood() -> None:
    assert likelihood(0.0) is None


# -- the recap, found again from the undo history (ending.js, run in Node) --

RECAP = """
import { readFileSync } from 'node:fs';
import { load, Session } from './crossing/web/static/crossing/player.js';
import { recap } from './crossing/web/static/crossing/ending.js';
const story = load(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const plays = [];
for (let seed = 0; seed < 60; seed++) {
  let [session, steps] = Session.begin(story, seed);
  const taken = [], chances = [], chosen = [];
  let pick = seed;
  while (session.status == 'awaiting_choice') {
    const offered = steps.at(-1).choices;
    pick = (pick * 1103515245 + 12345) % 2147483648;
    const p = pick % offered.length;
    taken.push([steps.at(-1).scene, offered[p].text]);
    chosen.push(offered[p].text);
    steps = session.choose(p);
    for (const s of steps) if (s.chance) chances.push([s.scene, s.chance.outcome]);
  }
  const got = recap(story, session, chosen), unpicked = recap(story, session);
  plays.push({
    taken, chances,
    unpicked: unpicked.filter((s) => s.choice != null).length,
    recapTaken: got.filter((s) => s.choice != null).map((s) => [s.scene, s.choice]),
    recapChances: got.filter((s) => s.chance).map((s) => [s.scene, s.chance.outcome]),
  });
}
console.log(JSON.stringify(plays));
"""


def test_the_recap_names_every_decision_and_chance_of_a_play(tmp_path: Path) -> None:
    story = tmp_path / "story.json"
    story.write_text(journey().text, encoding="utf-8")
    script = tmp_path / "recap.mjs"
    script.write_text(RECAP.replace("./crossing/", (ROOT / "crossing").as_uri() + "/"))
    result = subprocess.run(
        ["node", str(script), str(story)], capture_output=True, text=True, check=True
    )
    plays = json.loads(result.stdout)
    assert len(plays) == 60
    for play in plays:
        assert play["recapTaken"] == play["taken"]
        assert play["recapChances"] == play["chances"]
        # Without the words (an older save) every decision is still found, if not its words.
        assert play["unpicked"] == len(play["taken"])
    assert sum(len(p["chances"]) for p in plays) > 60  # chance did decide along the way


# -- the static export --


def test_the_export_holds_every_ending_page_and_the_screen_inline(
    tmp_path: Path, django_db_blocker: object
) -> None:
    out = tmp_path / "site"
    build_site(out)
    for address in ending_addresses():
        page = (out / address.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert '<h1 id="ending-title">' in page
        assert 'href="../../index.html"' in page  # back to the journey, relative
        # No script that needs a site; only the one that says times in the reader's zone.
        tail = page.split("</footer>")[1]
        assert re.findall(r"<script[^>]*src=\"([^\"]+)\"", tail) == [
            "../../../static/crossing/local-time.js"
        ]
        assert tail.count("<script") == 1
    journey_page = (out / "journey" / "index.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(
            r'<script id="journey-ending" type="application/json">(.*?)</script>',
            journey_page,
            re.DOTALL,
        ).group(1)  # type: ignore[union-attr]
    )
    assert data["endings"]["end_gobi"]["page"] == "endings/end_gobi/index.html"
    assert data["endings"]["end_gobi"]["chapter"]["url"] == (
        "../on-the-border/other-routes/index.html#north-to-mongolia"
    )
    assert "globalThis.crossingEnding" in journey_page
    assert 'href="../static/crossing/ending.css"' in journey_page


def test_the_bundle_command_refuses_notes_that_do_not_fit(tmp_path: Path) -> None:
    folder = tmp_path / "journey"
    shutil.copytree(EXAMPLE, folder)
    (folder / "endings.toml").write_text('[endings.kitchen]\nchapter = "x"\n')
    output = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["bundle", str(folder), "-o", str(output)])
    assert result.exit_code == 1
    assert "endings.toml: 'kitchen' is not an ending scene" in result.output
    assert not output.exists()


def test_the_bundle_command_carries_the_ending_screen(tmp_path: Path) -> None:
    output = tmp_path / "journey.html"
    result = CliRunner().invoke(
        cli, ["bundle", str(ROOT / "content" / "journey"), "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    found = re.search(
        r'<script id="journey-ending" type="application/json">(.*?)</script>', page, re.DOTALL
    )
    assert found
    data = json.loads(found.group(1))
    assert len(data["scenarios"]) == len(journey().notes.scenarios)
    gobi = data["endings"]["end_gobi"]
    assert gobi["page"] is None and gobi["chapter"] == {
        "title": "The other routes: North to Mongolia",
        "url": None,
    }
    assert "globalThis.crossingEnding" in page and ".ending-steps" in page  # script and style
    assert "/static/" not in page  # nothing to fetch
