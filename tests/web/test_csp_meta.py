"""The static export and the single-file bundle carry the site's Content-Security-Policy in
a <meta>: the served header's directives, less frame-ancestors (which a meta cannot carry),
with script-src and style-src also naming the hash of each inline script and style of
that page, and nothing else. That the pages still work under it, with no violation, is
tested in Chromium (tests/browser/test_csp_meta.py)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from crossing.web.bundle import render_bundle
from crossing.web.content import site_content
from crossing.web.events.selectors import public_addresses as event_addresses
from crossing.web.export import build_site, file_for, in_every_language
from crossing.web.journey.ending_pages import ending_addresses
from crossing.web.journey.publish import compile_story
from crossing.web.policy_meta import with_policy_meta
from crossing.web.screenings.selectors import public_addresses
from crossing.web.security import HEADER_ONLY, POLICY

ROOT = Path(__file__).resolve().parents[2]
# Inline blocks, found here by a pattern rather than by the code's HTML parser.
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_FIRST_LOAD = re.compile(r"<(script|style|link)\b", re.IGNORECASE)
# The example of CSP Level 3 (§ "hash-source"): <script>alert('Hello, world.');</script>.
SPEC_EXAMPLE = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"

Directives = dict[str, list[str]]


def directives(policy: str) -> Directives:
    parsed: Directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"{name} given twice in {policy}"
        parsed[name] = values
    return parsed


class Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == (
            "content-security-policy"
        ):
            self.policies.append(values.get("content") or "")


def meta_policy_of(page: str) -> str:
    """The page's one CSP meta, which must come before anything it governs."""
    metas = Metas()
    metas.feed(page)
    assert len(metas.policies) == 1, f"{len(metas.policies)} CSP metas"
    meta = page.index('http-equiv="Content-Security-Policy"')
    first_load = _FIRST_LOAD.search(page)
    assert first_load is None or meta < first_load.start(), "the meta comes after a load"
    assert page.index("<meta charset") < meta  # the charset stays first
    return metas.policies[0]


def sha256(text: str) -> str:
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_hashes(page: str) -> tuple[list[str], list[str]]:
    """The hashes of the page's inline scripts a browser runs, and of its styles."""
    scripts, styles = [], []
    for tag, attributes, text in _INLINE.findall(page):
        if tag.lower() == "style":
            styles.append(sha256(text))
        elif "src=" not in attributes and "json" not in attributes:
            scripts.append(sha256(text))
    return list(dict.fromkeys(scripts)), list(dict.fromkeys(styles))


def assert_served_policy_with_hashes(page: str, served: str) -> tuple[list[str], list[str]]:
    meta = directives(meta_policy_of(page))
    expected = {k: v for k, v in directives(served).items() if k not in HEADER_ONLY}
    scripts, styles = inline_hashes(page)
    expected["script-src"] = expected["script-src"] + scripts
    expected["style-src"] = expected["style-src"] + styles
    assert meta == expected
    return scripts, styles


@pytest.fixture(scope="module")
def export(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup: None, django_db_blocker: Any
) -> Path:
    out = tmp_path_factory.mktemp("export") / "site"
    with django_db_blocker.unblock():
        build_site(out)
    return out


def test_the_header_is_the_one_policy(client: Client) -> None:
    assert client.get("/").headers["Content-Security-Policy"] == POLICY
    assert directives(POLICY)["frame-ancestors"] == ["'none'"]
    assert directives(POLICY)["script-src"] == ["'self'"]


def test_every_exported_page_carries_the_served_policy(export: Path, client: Client) -> None:
    addresses = in_every_language(
        site_content().addresses() + ending_addresses() + public_addresses() + event_addresses()
    )
    pages = {file_for(address): address for address in addresses}
    pages["404.html"] = "/this-page-does-not-exist/"
    assert sorted(pages) == sorted(str(p.relative_to(export)) for p in export.rglob("*.html"))
    hashed = {}
    for name, address in pages.items():
        # (The site's journey page adds its own inline code's hashes: test_journey_page.py.)
        served = (
            POLICY
            if address in ("/journey/", "/ko/journey/")
            else client.get(address)["Content-Security-Policy"]
        )
        page = (export / name).read_text(encoding="utf-8")
        hashed[name] = assert_served_policy_with_hashes(page, served)
    # The journey page runs its player inline (two modules); no page has inline styles.
    assert len(hashed["journey/index.html"][0]) == 2
    assert len(hashed["ko/journey/index.html"][0]) == 2
    assert all(styles == [] for _, styles in hashed.values())


def test_the_bundle_carries_the_served_policy_with_its_inline_code_hashed() -> None:
    page = render_bundle(compile_story(ROOT / "examples" / "market-day"))
    scripts, styles = assert_served_policy_with_hashes(page, POLICY)
    assert len(scripts) == 2 and len(styles) == 1  # the player, the ending screen; the styles
    assert "frame-ancestors" not in meta_policy_of(page)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_hashes_are_those_a_browser_computes(newline: str) -> None:
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>"
        f"<script>{SPEC_EXAMPLE}</script>"
        f"<script>{newline}const s = '강';{newline}</script>"
        '<script type="application/json">{"not": "run"}</script>'
        "<script src='x.js'></script></body></html>"
    )
    policy = directives(meta_policy_of(with_policy_meta(page)))
    # The parser reads CR LF and CR as LF before a browser hashes the text.
    assert policy["script-src"] == ["'self'", SPEC_HASH, sha256("\nconst s = '강';\n")]
    assert policy["style-src"] == ["'self'"]


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(ValueError, match="no <head>"):
        with_policy_meta("<p>no head</p>")
