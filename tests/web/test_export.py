"""`crossing build`: the whole site as static files, every internal link resolving to a
file and an id, nothing referring to another host except citation links, no forms."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.web.content import site_content
from crossing.web.events.selectors import public_addresses as event_addresses
from crossing.web.export import (
    MARKER,
    ExportError,
    build_site,
    file_for,
    relative_link,
    relativise,
    replace_forms,
)
from crossing.web.journey.ending_pages import ending_addresses
from crossing.web.screenings.selectors import public_addresses

URL = re.compile(r"""https?://[^\s"'<>)\\]+""")
# Names, not addresses: the JSON-LD vocabulary, the sitemap and XML namespaces.
NAMESPACES = (
    "https://schema.org",
    "http://www.sitemaps.org/schemas/",
    "http://www.w3.org/",
    "http://purl.org/dc/elements/",  # the news's RSS feed names its authors in Dublin Core
)


class Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src", "action", "srcset", "poster", "data") and value:
                self.refs.append((tag, name, value))


@pytest.fixture(scope="module")
def export(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup: None, django_db_blocker: Any
) -> Path:
    out = tmp_path_factory.mktemp("export") / "site"
    with django_db_blocker.unblock():
        build_site(out)
    return out


def parsed(path: Path) -> Refs:
    refs = Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def test_every_page_and_figure_is_exported(export: Path) -> None:
    content = site_content()
    for address in content.addresses():
        assert (export / file_for(address)).is_file(), address
    for key in content.figures:
        assert (export / "figures" / f"{key}.svg").read_text().startswith("<svg")
    assert (export / "404.html").is_file() and (export / "static/crossing/site.css").is_file()
    assert (export / MARKER).is_file()


def test_no_internal_link_is_broken(export: Path) -> None:
    pages = {path: parsed(path) for path in export.rglob("*.html")}
    broken = []
    for page, refs in pages.items():
        for tag, attribute, value in refs.refs:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//"):
                continue  # another host: see the test below
            assert not value.startswith("/"), f"{page}: absolute link {value}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(export)}: {tag} {attribute}={value}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parsed(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(export)}: no #{parts.fragment} in {value}")
    assert broken == []


def test_no_file_refers_to_another_host_except_citation_links(export: Path) -> None:
    sources = site_content().sources.values()
    # A source's address, or one its note names (a second place the report appeared).
    citations = {s.url for s in sources if s.url} | {
        url.rstrip(".,;") for s in sources for url in URL.findall(s.note or "")
    }
    # The news's authors' own pages, which their archives link to.
    citations |= {a.link for a in site_content().news.authors.values() if a.link}
    for path in export.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".svg", ".css", ".js", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        for url in URL.findall(html.unescape(text)):
            if url.startswith(NAMESPACES):
                continue
            assert url.rstrip(".,;") in citations or any(
                c.startswith(url) or url.startswith(c) for c in citations
            ), f"{path.relative_to(export)} refers to {url}"
        if path.suffix == ".html":
            for tag, attribute, value in parsed(path).refs:
                if urlsplit(value).scheme in ("http", "https"):
                    assert (tag, attribute) == ("a", "href"), f"{path}: {tag} {attribute}={value}"


def test_the_journey_carries_its_story_and_player_inline(export: Path) -> None:
    html = (export / "journey" / "index.html").read_text(encoding="utf-8")
    assert '<script id="journey-story" type="application/json">' in html
    assert "export async function mount" in html
    assert "data-story=" not in html and "data-endings=" not in html
    assert "<svg" in html.split('class="map-frame"', 1)[1][:200]


def test_the_sitemap_lists_every_page(export: Path) -> None:
    xml = (export / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]*)</loc>", xml)
    expected = (
        site_content().addresses() + ending_addresses() + public_addresses() + event_addresses()
    )
    assert len(listed) == 2 * len(expected)  # each page in English and in Korean
    assert "ko/on-the-border/the-river/" in listed
    assert 'hreflang="ko" href="ko/on-the-border/the-river/"' in xml
    assert "testserver" not in xml


def test_a_base_url_makes_the_sitemap_and_canonical_links_absolute(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(out, base_url="https://crossing.example.org")
    xml = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://crossing.example.org/sources/</loc>" in xml
    film = (out / "films" / "the-defector" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://crossing.example.org/films/the-defector/">' in film


def test_with_a_base_url_the_404_page_holds_at_any_depth(tmp_path: Path) -> None:
    """A host serves 404.html for a missing address anywhere: its links start at the
    site's own path, and each names a file the export holds."""
    out = tmp_path / "site"
    build_site(out, base_url="https://example.org/crossing/")
    missing = (out / "404.html").read_text(encoding="utf-8")
    links = re.findall(r"""\b(?:href|src)=["'](/[^"']*)["']""", missing)
    assert any(link.endswith("/static/crossing/site.css") for link in links), links
    for link in links:
        assert link.startswith("/crossing/"), link
        path = link.removeprefix("/crossing/").split("#")[0]
        assert (out / file_for("/" + path)).is_file(), link


def test_links_become_relative_file_links() -> None:
    assert file_for("/") == "index.html"
    assert file_for("/a/b/") == "a/b/index.html"
    assert file_for("/figures/x.svg") == "figures/x.svg"
    assert relative_link("/on-the-border/the-river/", "/sources/#source-x") == (
        "../../sources/index.html#source-x"
    )
    assert relative_link("/", "/static/crossing/site.css") == "static/crossing/site.css"
    assert relative_link("/sources/", "/") == "../index.html"
    html = '<a href="/journey/">j</a> <a href="#x">x</a> <a href="https://a.org/">a</a>'
    assert relativise(html, "/films/") == (
        '<a href="../journey/index.html">j</a> <a href="#x">x</a> <a href="https://a.org/">a</a>'
    )


def test_forms_are_replaced_by_a_note() -> None:
    html = '<p>before</p><form method="post" action="/x/"><input name="a"></form><p>after</p>'
    out = replace_forms(html)
    assert "<form" not in out and "<input" not in out
    assert '<p class="export-note">' in out and "before" in out and "after" in out


def test_a_folder_that_is_not_an_export_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        build_site(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_an_earlier_export_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(out)
    (out / "stale.html").write_text("old")
    build_site(out)
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left


def test_the_build_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "pages" in result.output and "figures" in result.output
    refused = CliRunner().invoke(cli, ["build", "--out", str(Path(__file__).parent)])
    assert refused.exit_code == 1 and "error: " in refused.output
