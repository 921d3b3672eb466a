"""The gamebook in a real browser, without JavaScript (as /journey/ shows it then): the
sheet fits a 360 px phone and an A4 page and names values in the story's words; text that
depends on the sheet reads as lines; a chance from the record and an estimate each say
so, and their sources open on the page. The screenshots are taken from the same pages the
assertions check, into the test's temporary folder; to refresh docs/screenshots/ with them:

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_gamebook_browser.py
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from crossing.editions.gamebook import Gamebook, Section, build_gamebook
from crossing.web.journey.publish import Published

from .conftest import ROOT, ContextFactory, arrive, assert_accessible, assert_fits, by_id

PNG = b"\x89PNG"


def screenshots(tmp_path: Path) -> Path:
    """Where screenshots go: CROSSING_SCREENSHOTS (relative to the repository), else the
    test's own temporary folder, so that running the tests changes no file in the tree."""
    folder = os.environ.get("CROSSING_SCREENSHOTS")
    target = ROOT / folder if folder else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    return target


# Enum values and ranges as the story's code spells them: the sheet never shows these.
RAW = re.compile(r"\by20\d\d\b|\bmi[ _]ok\b|\bmyong[ _]su\b|\bnone[ _]yet\b|\d{5,}")


@pytest.fixture(scope="module")
def book(flagship: Published) -> Gamebook:
    return build_gamebook(flagship.story)


def offline_page(
    new_context: ContextFactory, width: int, height: int = 900, *, javascript: bool = False
) -> Page:
    """A page as a reader without JavaScript sees it; with `javascript`, the same
    server-rendered gamebook (it runs no script) for axe, which needs timers to run."""
    return new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": height}
    ).new_page()


def section_with(book: Gamebook, found: str) -> Section:
    """The first section whose text, chance or choices hold `found` (a class name)."""
    for section in book.sections:
        if found == "gb-read" and 'class="gb-read"' in section.html:
            return section
        chance = section.chance
        if chance is not None and found == chance.basis:
            return section
    raise AssertionError(f"the journey has no section with {found}")


def section_url(site: str, book: Gamebook, section: Section) -> str:
    return f"{site}/journey/gamebook/{section.page_id}/#{section.anchor}"


# -- the sheet -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_the_sheet_fits_and_uses_the_storys_words(
    site: str, new_context: ContextFactory, width: int, tmp_path: Path
) -> None:
    page = offline_page(new_context, width)
    page.goto(f"{site}/journey/gamebook/")
    sheet = page.locator("#gb-sheet")
    expect(sheet).to_be_visible()
    assert_fits(page, width)
    overflow = sheet.evaluate("(s) => s.scrollWidth - s.clientWidth")
    assert overflow <= 0, f"the sheet overflows by {overflow} px at {width} px"
    box = sheet.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    text = sheet.inner_text()
    assert not RAW.search(text), RAW.findall(text)
    rows = sheet.locator("tbody tr")
    assert rows.count() >= 5
    # Every line has room to write beside it: at least a fifth of the sheet's width.
    for cell in sheet.locator("td.gb-write").all():
        cell_box = cell.bounding_box()
        assert cell_box is not None and cell_box["width"] >= box["width"] / 5
    if width == 360:
        checked = offline_page(new_context, width, javascript=True)
        checked.goto(f"{site}/journey/gamebook/")
        assert_accessible(checked)
    if width in (390, 1280):
        shot = screenshots(tmp_path) / f"gamebook-sheet-{width}.png"
        assert sheet.screenshot(path=str(shot)).startswith(PNG)


def test_the_journey_without_javascript_shows_the_sheet_on_a_phone(
    site: str, new_context: ContextFactory
) -> None:
    """/journey/ without JavaScript is the gamebook: its sheet fits 360 px there too."""
    page = offline_page(new_context, 360)
    page.goto(f"{site}/journey/")
    sheet = page.locator("#gb-sheet")
    expect(sheet).to_be_visible()
    assert_fits(page, 360)
    assert sheet.evaluate("(s) => s.scrollWidth - s.clientWidth") <= 0
    assert not RAW.search(sheet.inner_text())


def test_the_sheet_prints_on_one_a4_page(
    site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    """Printed, the sheet is a page of its own (A4), whole: no line of it cut off."""
    page = offline_page(new_context, 1280)
    page.goto(f"{site}/journey/gamebook/")
    page.emulate_media(media="print")
    # Print only the front matter, so the PDF stays small: the sheet starts a page.
    page.evaluate(
        "() => document.querySelectorAll('.gamebook, .gb-chapter-list').forEach((e) => e.remove())"
    )
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    sheet_height = page.locator("#gb-sheet").evaluate("(s) => s.getBoundingClientRect().height")
    # A4 is 297 mm; less Chromium's default margins (about 10 mm each) it is ~1047 CSS px.
    assert sheet_height < 1040, f"the printed sheet is {sheet_height} px tall: more than a page"
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed to look at the printed pages"
    subprocess.run([pdftoppm, "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 2 <= len(pages) <= 4, len(pages)  # the front matter, then the sheet on its own
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    printed = text.split("\f")
    sheet_pages = [n for n, p in enumerate(printed, start=1) if "Your sheet" in p]
    assert len(sheet_pages) == 1, "the sheet is split over pages"
    on_sheet = printed[sheet_pages[0] - 1]
    assert "Now" in on_sheet and "Years in hiding" in on_sheet and not RAW.search(on_sheet)
    assert "The way to safety" in on_sheet  # the last line: the whole sheet is on the page
    # The printed page, for docs/screenshots/ (and for a person to look at).
    n = str(sheet_pages[0])
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "60",
            "-f",
            n,
            "-l",
            n,
            "-singlefile",
            str(pdf),
            str(screenshots(tmp_path) / "gamebook-sheet-a4"),
        ],
        check=True,
    )


# -- text that depends on the sheet ----------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
def test_conditional_text_reads_as_lines(
    site: str, new_context: ContextFactory, book: Gamebook, width: int, tmp_path: Path
) -> None:
    # Mi-ok's yearly checks: lines by year in hiding and by her son, then an estimate.
    section = next(s for s in book.sections if s.scene_id == "mo_check_high")
    page = offline_page(new_context, width)
    page.goto(section_url(site, book, section))
    where = page.locator(by_id(section.anchor))
    expect(where).to_be_visible()
    text = where.locator(".gb-text").inner_text()
    assert "Otherwise" not in text and not re.search(r"\[[^\]]*\]", text)
    lines = where.locator(".gb-read")
    assert lines.count() >= 4
    for line in lines.all()[:4]:
        expect(line.locator(".gb-cond")).to_have_text(re.compile(r"^If .+:$"))
    assert_fits(page, width)
    shot = screenshots(tmp_path) / f"gamebook-{width}.png"
    assert where.screenshot(path=str(shot)).startswith(PNG)


# -- chances ---------------------------------------------------------------------------


def test_a_sourced_and_an_estimated_chance_say_which_they_are(
    site: str, new_context: ContextFactory, book: Gamebook, tmp_path: Path
) -> None:
    page = offline_page(new_context, 390)
    record = section_with(book, "record")
    page.goto(section_url(site, book, record))
    chance = page.locator(f"{by_id(record.anchor)} .gb-chance")
    expect(chance.locator(".gb-basis")).to_contain_text("From the record:")
    expect(chance.locator("caption")).to_have_text("The odds: from the record")
    expect(chance).not_to_contain_text("estimate")
    shot = screenshots(tmp_path) / "gamebook-chance-record-390.png"
    assert chance.screenshot(path=str(shot)).startswith(PNG)
    source = chance.locator(".gb-basis a[href^='#source-']").last
    key = (source.get_attribute("href") or "")[1:]
    source.click()
    arrive(page, re.compile(rf"#{re.escape(key)}$"))
    expect(page.locator(by_id(key))).to_be_visible()

    estimate = section_with(book, "estimate")
    assert estimate.chance is not None and estimate.chance.note
    page.goto(section_url(site, book, estimate))
    chance = page.locator(f"{by_id(estimate.anchor)} .gb-chance")
    basis = chance.locator(".gb-basis")
    expect(basis).to_contain_text("An estimate — no source counts this:")
    expect(chance.locator("caption")).to_have_text("The odds: an estimate")
    expect(chance).not_to_contain_text("From the record")
    note = re.sub(r"<[^>]+>", "", estimate.chance.note)
    assert " ".join(note.split())[:60] in " ".join(basis.inner_text().split())
    checked = offline_page(new_context, 390, javascript=True)
    checked.goto(section_url(site, book, estimate))
    assert_accessible(checked)
