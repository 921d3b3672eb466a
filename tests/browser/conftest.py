"""Browser fixtures and helpers: one Chromium per session, a fresh context per test, a watch
on every request and page error, the live site (flagship or example story), keyboard play
and axe-core.

Chromium is Debian's (/usr/bin/chromium; .ci/run installs it), never Playwright's download.
If it is missing the tests fail: a browser suite that skips itself proves nothing."""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    expect,
    sync_playwright,
)
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from crossing.web.bundle import write_bundle
from crossing.web.chromium import CHROMIUM, CHROMIUM_ARGS
from crossing.web.journey.publish import Published, compile_story, journey

# Playwright's sync API drives its own asyncio event loop from the main thread, so Django
# believes every test runs inside async code and refuses ORM calls there (and in fixtures
# like transactional_db) with SynchronousOnlyOperation. Nothing here is async: the test
# and the live server thread each use the database synchronously.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # `npm ci` installs it (package.json)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
EXAMPLE = ROOT / "examples" / "market-day"
FLAGSHIP_ID = "crossing-journey"
CHAPTER = "mi-ok"  # a gamebook chapter page of the flagship (not the one /journey/ shows)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
PERCENT = re.compile(r"\d[\d.,]*\s?%")
MAX_STEPS = 200  # choices before a play is declared stuck (the flagship needs about 35)
# The gamebook's links name their target section like this ("go to §12", "— go to §12").
GO_TO = re.compile(r"go to §(\d+)")


# -- what pages ask for, and what goes wrong in them --


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (inline data never leaves the page)."""
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in LOCAL_HOSTS


def is_file(url: str) -> bool:
    """Whether a request of the single-file edition stays in the file (or the page)."""
    return urlsplit(url).scheme in {"file", "data", "blob", "about"}


@dataclass
class Watch:
    """Every request, page error and console message of one test's pages."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    allow: Callable[[str], bool] = is_local
    reported: bool = False  # check() has failed once: say it once

    def outside(self) -> list[str]:
        return [url for url in self.requests if not self.allow(url)]

    def csp_violations(self) -> list[str]:
        return [text for text in self.console if "Content Security Policy" in text]

    def check(self) -> None:
        """Fail on any page error, and on any request that tried to leave."""
        if self.reported:
            return
        problems = [f"error in the page: {e}" for e in self.errors]
        problems += [f"request that tried to leave: {url}" for url in self.outside()]
        self.reported = bool(problems)
        assert not problems, "\n".join(problems)

    def attach(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: self.console.append(_console_line(message)))


def _console_line(message: ConsoleMessage) -> str:
    return f"{message.type}: {message.text}"


# Every request for another machine goes to this proxy, where nothing listens, so it fails
# without leaving (Chromium never sends the loopback addresses to a proxy); the watch still
# records it and fails the test. A route that aborted them would do the same, but any route
# turns off the browser's cache and sends every request through Python: about 60-130 ms
# more per page visited (measured in the XSS tests, which visit thousands).
NOWHERE = {"server": "http://127.0.0.1:2", "bypass": "localhost,127.0.0.1,[::1]"}

# The one Chromium of the session. Other folders' conftests (tests/security) import these
# fixtures, which makes a second session fixture of the same name: it shares this browser,
# as Playwright's sync API cannot run twice at once.
_started: list[Browser] = []


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if _started:
        yield _started[0]
        return
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, proxy=NOWHERE
        )
        _started.append(chromium)
        yield chromium
        _started.clear()
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def watch() -> Watch:
    return Watch()


ContextFactory = Callable[..., BrowserContext]


@pytest.fixture
def new_context(browser: Browser, watch: Watch) -> Iterator[ContextFactory]:
    """Fresh browser contexts whose requests are all recorded; a request for another machine
    fails at the browser's proxy (NOWHERE). The test fails on any page error and on any
    request that tried to leave the machine (or, with allow=is_file, the file)."""
    contexts: list[BrowserContext] = []

    def make(*, allow: Callable[[str], bool] = is_local, **options: Any) -> BrowserContext:
        watch.allow = allow
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.on("request", lambda request: watch.requests.append(request.url))
        context.on("page", watch.attach)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    watch.check()  # again, for events that arrived after the test's last browser call


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Make a page error or a request that left a failure of the test itself."""
    yield
    watch = getattr(item, "funcargs", {}).get("watch")
    if isinstance(watch, Watch):
        watch.check()


@pytest.fixture
def page(new_context: ContextFactory) -> Page:
    return new_context().new_page()


# -- the site --


@pytest.fixture(scope="session")
def flagship() -> Published:
    """The published journey (content/journey), compiled and its odds computed (or read
    from settings.DATA_DIR/cache) once, before the first page asks for it."""
    published = journey()
    assert published.story.id == FLAGSHIP_ID
    assert published.odds, "the flagship must publish its odds"
    return published


@pytest.fixture
def site(live_server: LiveServer, flagship: Published, settings: Settings) -> str:
    """The live site's address, serving the flagship journey."""
    # The rate limit of ending reports has its own test (tests/web/test_endings.py); the
    # cache may be a shared Redis, so it is lifted here rather than cleared.
    settings.CROSSING_ENDING_RATE = 10_000
    return str(live_server.url)


@pytest.fixture
def example_site(live_server: LiveServer, settings: Settings, tmp_path: Path) -> str:
    """The live site serving the small example story (examples/market-day) as its journey."""
    shutil.copytree(EXAMPLE, tmp_path / "content" / "journey")
    settings.CONTENT_DIR = tmp_path / "content"
    settings.CROSSING_ENDING_RATE = 10_000
    return str(live_server.url)


@pytest.fixture(scope="session")
def flagship_bundle(flagship: Published, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship as one HTML file (`crossing bundle`), its odds from the site's cache."""
    from django.conf import settings

    output = tmp_path_factory.mktemp("bundle") / "journey.html"
    write_bundle(flagship.story, output, settings.DATA_DIR / "cache")
    return output


@pytest.fixture(scope="session")
def example_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example-bundle")
    output = folder / "market-day.html"
    write_bundle(compile_story(EXAMPLE), output, folder / "cache")
    return output


def arrive(page: Page, url: str | re.Pattern[str]) -> None:
    """After a click on a link: wait for the address it leads to, then for that page to
    load (its stylesheet applied), however slow the machine."""
    expect(page).to_have_url(url)
    page.wait_for_load_state()


def open_player(page: Page, url: str) -> None:
    """Open the journey page and wait until the player has taken over from the gamebook."""
    page.goto(url)
    page.locator(".choices button").first.wait_for(state="visible")
    expect(page.locator("#journey")).to_have_class(re.compile(r"\bplaying\b"))
    expect(page.locator(".gamebook-edition")).to_be_hidden()  # (the bundle has none)


# -- keyboard play --


def focus_matches(page: Page, selector: str) -> bool:
    return bool(page.evaluate("(s) => !!document.activeElement?.matches(s)", selector))


def tab_to(page: Page, selector: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if focus_matches(page, selector):
            return
    focused = page.evaluate("() => document.activeElement?.outerHTML.slice(0, 200)")
    raise AssertionError(f"{limit} × {key} never reached {selector}; focus is on {focused}")


FIRST_CHOICE = ".choices li:first-child button"


def choose_first_by_keyboard(page: Page, key: str = "Enter") -> None:
    """Tab to the first choice and take it; the new scene's title then has the focus."""
    tab_to(page, FIRST_CHOICE)
    page.keyboard.press(key)
    assert focus_matches(page, ".scene-title"), "focus should move to the new scene's title"


def at_ending(page: Page) -> bool:
    return page.locator(".ending-facts").is_visible()


def play_to_ending(page: Page, *, keyboard: bool) -> int:
    """Take the first choice until an ending; return how many choices it took."""
    for taken in range(MAX_STEPS):
        if at_ending(page):
            return taken
        if keyboard:
            choose_first_by_keyboard(page)
        else:
            page.locator(FIRST_CHOICE).click()
    raise AssertionError(f"no ending after {MAX_STEPS} choices")


def assert_ending_odds(page: Page) -> str:
    odds = page.locator(".ending-odds").inner_text()
    assert PERCENT.search(odds), f"the ending shows no odds: {odds!r}"
    return odds


# -- axe-core --


@functools.cache
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (package.json lists axe-core)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.x A/AA and best-practice violations on the page as it is now.

    axe is evaluated through Playwright (the DevTools protocol), not added as a <script>:
    the site's CSP forbids inline scripts, which add_script_tag(path=...) inserts, so this
    keeps the page's policy in force without bypass_csp in any context. (With JavaScript
    off nothing works: axe.run() waits on timers that such a page never fires.)"""
    if not page.evaluate("typeof axe == 'object'"):
        page.evaluate(axe_source())
    # Only the violations cross to Python: the rest of axe's result (every rule's passes,
    # incomplete and inapplicable entries) cost the browser tests seconds a file to decode.
    violations = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']}).then((result) => result.violations)",
        AXE_TAGS,
    )
    return list(violations)


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        nodes = v["nodes"]
        targets = ", ".join(" ".join(map(str, n["target"])) for n in nodes[:3])
        summary = " ".join(nodes[0]["failureSummary"].split())[:300]
        lines.append(
            f"- {v['id']} ({v['impact']}, {len(nodes)} elements): {v['help']}\n"
            f"    first: {targets}\n    {summary}"
        )
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n{describe_violations(violations)}"


# -- the campaign site: the story's chapters, details opened, overflow, targets --

# The chapters of "On the border", in reading order (test_campaign_pages checks the index).
STORY_CHAPTERS = [
    "the-river",
    "hiding-in-china",
    "the-underground-railroad",
    "other-routes",
    "arrival",
    "after-2020",
]


def open_all_details(page: Page) -> None:
    """Open every <details> (figures' data tables, sources' scene lists), as a reader would
    one by one; done through the DOM, so it works with JavaScript off too."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true })")


def assert_fits(page: Page, width: int) -> None:
    """Nothing makes the page scroll sideways at this width."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"


def targeted_id(page: Page) -> str | None:
    """The id of the element the address's #fragment targets (CSS :target), if any."""
    found = page.evaluate("() => document.querySelector(':target')?.id ?? null")
    return None if found is None else str(found)


def by_id(element_id: str) -> str:
    """A selector for the element with this id (which, unlike #id, may begin with a digit)."""
    return f"[id='{element_id}']"


def assert_figures_drawn(page: Page) -> list[Locator]:
    """Every figure of the page is an SVG of a real size, with its data table hidden
    behind its summary until clicked, then shown (and holding rows). Returns the figures."""
    figures = page.locator("figure.figure").all()
    assert figures, "the page has figures"
    for figure in figures:
        svg = figure.locator(".figure-graphic > svg")
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, box
        table = figure.locator("details.figure-data table")
        expect(table).to_be_hidden()
        figure.locator("details.figure-data > summary").click()
        expect(table).to_be_visible()
        assert table.locator("tbody tr").count() > 0
    return figures
