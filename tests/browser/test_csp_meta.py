"""The static export and the single-file bundle under their own Content-Security-Policy
(a <meta>, as no server of ours sends them): opened from file:// in Chromium with the
network off, they work with not one violation or CSP warning, and the policy is in force:
an image from another host and an inline script that is not the page's own are refused."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from crossing.web.export import build_site
from crossing.web.journey.ending_pages import ending_addresses
from crossing.web.journey.publish import Published
from crossing.web.policy_meta import with_policy_meta

from .conftest import (
    ContextFactory,
    Watch,
    assert_ending_odds,
    is_file,
    open_player,
    play_to_ending,
)

# The browser's own reports of violations, in case one is not logged to the console.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
"""
OUTSIDE_IMAGE = "https://example.org/outside.png"
INTRUDE = f"""() => {{
  const script = document.createElement('script');
  script.textContent = 'window.intruded = true';
  document.body.append(script);
  const image = new Image();
  image.src = '{OUTSIDE_IMAGE}';
  document.body.append(image);
}}"""
PAPER = "rgb(253, 252, 248)"  # site.css's page colour: its styles applied


@pytest.fixture
def offline(new_context: ContextFactory) -> Page:
    """A page that may read files and nothing else, reporting CSP violations."""
    page = new_context(allow=is_file, offline=True).new_page()
    page.add_init_script(CSP_LISTENER)
    return page


def violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__csp"))


def assert_no_violation(page: Page, watch: Watch) -> None:
    assert violations(page) == [], page.url
    # Also no warning, such as a directive a meta policy cannot carry (frame-ancestors).
    assert not watch.csp_violations(), watch.csp_violations()


def assert_policy_in_force(page: Page, watch: Watch) -> None:
    """An inline script and an image from another host, added to the page, are refused by
    its policy: the script does not run, and the image is stopped before the network."""
    failures: dict[str, str | None] = {}
    page.on("requestfailed", lambda request: failures.update({request.url: request.failure}))
    page.evaluate(INTRUDE)
    # Without the policy nothing is reported: the assertion below then shows what was.
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function("window.__csp.length >= 2", timeout=5_000)
    assert sorted(violations(page)) == [f"img-src {OUTSIDE_IMAGE}", "script-src-elem inline"]
    assert page.evaluate("window.intruded") is None
    page.wait_for_function("() => document.querySelector('img[src*=outside]').complete")
    assert failures.get(OUTSIDE_IMAGE) == "csp"  # (a route abort would say net::ERR_FAILED)
    # Playwright reports the attempt as a request; the policy kept it from leaving.
    watch.requests.remove(OUTSIDE_IMAGE)


def test_the_bundle_plays_under_its_policy(
    example_bundle: Path, offline: Page, watch: Watch
) -> None:
    open_player(offline, example_bundle.as_uri())
    assert play_to_ending(offline, keyboard=False) > 0
    assert_ending_odds(offline)  # the ending screen, an inline module of its own, ran
    assert_no_violation(offline, watch)
    assert_policy_in_force(offline, watch)


@pytest.fixture(scope="module")
def exported_site(
    flagship: Published,
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: Any,
) -> Path:
    out = tmp_path_factory.mktemp("export-csp") / "site"
    with django_db_blocker.unblock():
        build_site(out)
    return out


PAGES = [
    "index.html",
    "on-the-border/index.html",
    "on-the-border/the-river/index.html",  # figures drawn inline
    "films/the-defector/index.html",
    "sources/index.html",
    "journey/gamebook/index.html",
    "site-map/index.html",
    "404.html",
]


def test_exported_pages_work_under_their_policy(
    exported_site: Path, offline: Page, watch: Watch
) -> None:
    ending = ending_addresses()[0].strip("/") + "/index.html"
    for name in [*PAGES, ending]:
        offline.goto((exported_site / name).as_uri())
        offline.wait_for_load_state("load")
        # The site's styles, from their own file, under style-src 'self'.
        assert offline.evaluate("getComputedStyle(document.body).backgroundColor") == PAPER
        assert_no_violation(offline, watch)
    assert_policy_in_force(offline, watch)


def test_the_exported_journey_plays_under_its_policy(
    exported_site: Path, offline: Page, watch: Watch
) -> None:
    open_player(offline, (exported_site / "journey" / "index.html").as_uri())
    assert play_to_ending(offline, keyboard=False) > 0
    assert_ending_odds(offline)
    expect(offline.locator(".map-frame g.route circle").first).to_be_attached()
    assert_no_violation(offline, watch)
    assert_policy_in_force(offline, watch)


def test_chromium_computes_the_same_hashes(tmp_path: Path, offline: Page, watch: Watch) -> None:
    """Inline code whose hash is easy to get wrong: line endings the HTML parser rewrites,
    non-ASCII text, an entity that stays as written inside a script."""
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>t</title>"
        "<style>\r\nbody { background: rgb(1, 2, 3); } /* 강 */\r\n</style></head><body>"
        "<script>window.ran = ['crlf'];\r\n</script>"
        "<script>\rwindow.ran.push('cr');\r</script>"
        "<script type='module'>window.ran.push('강 &amp;');</script>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(with_policy_meta(page).encode("utf-8"))
    offline.goto(path.as_uri())
    offline.wait_for_function("window.ran && window.ran.length == 3")
    assert offline.evaluate("window.ran") == ["crlf", "cr", "강 &amp;"]
    assert offline.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(1, 2, 3)"
    assert_no_violation(offline, watch)
