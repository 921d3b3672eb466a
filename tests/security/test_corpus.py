"""The XSS corpus itself: at least 100 distinct payloads, each able to fire. Injected raw
into an empty page (no escaping, no policy), the trap must catch at least 100 of them:
otherwise a test that finds none firing on the site would prove little."""

from __future__ import annotations

import html

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from .payloads import PAYLOADS, Trap


def test_the_corpus_has_at_least_100_distinct_payloads() -> None:
    texts = [p.text for p in PAYLOADS]
    assert len(set(texts)) == len(texts) >= 100
    assert [p.number for p in PAYLOADS] == list(range(1, len(PAYLOADS) + 1))


def test_each_payload_carries_its_own_marker() -> None:
    for payload in PAYLOADS:
        n = payload.number
        assert any(
            mark in html.unescape(payload.text)
            for mark in (f"xss({n})", f"alert({n})", f"/xss-marker/{n}", f"({n})", "vbscript")
        ), str(payload)


def test_payloads_fire_when_nothing_escapes_them(browser: Browser) -> None:
    context = browser.new_context(bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    silent = []
    try:
        for payload in PAYLOADS:
            before = len(trap.fired)
            errors: list[str] = []
            page = context.new_page()
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            try:
                page.set_content(f"<!doctype html><title>t</title><body>{payload.text}</body>")
                page.wait_for_timeout(50)
                trap.inspect(page)
            except PlaywrightError as error:  # a payload that navigated the page away
                errors.append(str(error))
            # Not waiting for the close: in one full run (2026-12-06), a page a payload had sent
            # to about:blank#blocked never reported closing, and the wait hung the suite. No
            # payload has an unload handler, so nothing runs; the context closes them all.
            page.close(run_before_unload=True)
            if len(trap.fired) == before and not errors:
                silent.append(str(payload))
    finally:
        context.close()
    fired = len(PAYLOADS) - len(silent)
    # The silent ones aim at another context than raw HTML (text that a careless decoder,
    # Markdown renderer, linkifier or template would turn into markup), or at old browsers.
    assert fired >= 100, f"{fired} fired; silent:\n" + "\n".join(silent)
