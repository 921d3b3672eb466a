"""`crossing build` over an earlier export renders only the pages whose inputs changed
(crossing.web.export.inputs), and the result is byte for byte the export a full build
makes; pages render over several processes, and a failing page is named."""

from __future__ import annotations

import json
import re
import shutil
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st
from pytest_django import DjangoDbBlocker

from crossing.cli import cli
from crossing.web.comments.models import Comment, Status
from crossing.web.events.selectors import public_addresses as event_addresses
from crossing.web.export import (
    MANIFEST,
    Export,
    ExportError,
    build_site,
    file_for,
    inputs,
    parallel,
)
from crossing.web.policy_meta import inline_blocks
from crossing.web.screenings.selectors import public_addresses

from .conftest import ROOT, save

SAID = re.compile(r"(\d+) pages \((\d+) rendered, (\d+) unchanged\)")
RIVER = "/on-the-border/the-river/"
CHINA = "/on-the-border/hiding-in-china/"  # the river's next chapter
ARRIVAL = "/on-the-border/arrival/"  # far from the river


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# Each page is exported in English and in Korean (ko/…).
LANGUAGES = 2


def always() -> int:
    """Pages every build renders: screenings and events in each language, which say when
    the copy was made, and the 404 page."""
    return LANGUAGES * (len(public_addresses()) + len(event_addresses())) + 1


def same_as_full(out: Path, tmp_path: Path) -> None:
    """`out` holds the files a full build writes now, and each page the rebuild decided on
    (rendered or copied) is byte for byte the full build's. (The pages and calendars
    rendered at every build carry the moment of the build.)"""
    full = tmp_path / "full"
    build_site(full, full=True, jobs=1)
    mine, theirs = files(out), files(full)
    assert mine.keys() == theirs.keys()
    decided = json.loads((out / MANIFEST).read_text())["pages"]
    assert len(decided) > 50
    assert {name: mine[name] for name in decided} == {name: theirs[name] for name in decided}


def rebuilt(before: dict[str, bytes], out: Path) -> set[str]:
    after = files(out)
    return {name for name in after if before.get(name) != after[name]}


@pytest.fixture(scope="module")
def built_site(
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
) -> tuple[Path, Export]:
    """The first export of an unedited copy of content/, built once for the module (outside
    a transaction, the tables empty as every test finds them), in a working folder where
    that copy is `content`: a chapter's path, in its digest, is shown relative to the
    working folder (crossing.story.loader.shown_path), so it is the same in every test's
    own folder (`site`)."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "content", root / "content")
    with (
        pytest.MonkeyPatch.context() as patch,
        override_settings(CONTENT_DIR=root / "content"),
        django_db_blocker.unblock(),
    ):
        patch.chdir(root)
        return root / "site", build_site(root / "site", jobs=2)


@pytest.fixture
def site(
    built_site: tuple[Path, Export],
    content: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Export]:
    """A first export of this test's copy of content/ (`content`, unedited yet): the
    module's, copied, with what that build returned. Building it here gives the same files
    and manifest; the test works in `tmp_path`, where its copy is `content` as in that build."""
    assert content == tmp_path / "content"
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "site"
    shutil.copytree(built_site[0], out, symlinks=True)
    return out, built_site[1]


# Outside a transaction, so that the workers are forked (inside one, pages render in the
# test's process: crossing.web.export.parallel).
@pytest.mark.django_db(transaction=True)
def test_one_chapter_body_changed_renders_that_page_alone(
    site: tuple[Path, Export], content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, first = site
    pools: list[int] = []
    real = ProcessPoolExecutor

    def counted(**options: Any) -> Any:
        pools.append(options["max_workers"])
        return real(**options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counted)
    assert first.reused == 0 and first.rendered == first.pages
    assert (out / MANIFEST).is_file()
    chapter = content / "story" / "01-the-river.md"
    save(chapter, chapter.read_text().replace("Most", "Most of the", 1) + "\nOne more line.\n")
    before = files(out)
    again = build_site(out, jobs=2)
    # The chapter, and the same in Korean (shown in English there until translated).
    assert again.rendered == LANGUAGES + always()
    assert again.reused == first.pages - LANGUAGES - always()
    # Rendered by forked workers where this process has one thread (`make test
    # TEST_WORKERS=0`), here where it runs more (pytest-xdist's, a server's): the rule is
    # parallel._can_fork's, tested in test_export_parallel.py.
    assert pools == ([2] if threading.active_count() == 1 else [])
    assert file_for(RIVER) in rebuilt(before, out)
    assert "One more line." in (out / file_for(RIVER)).read_text()
    same_as_full(out, tmp_path)


def test_an_unchanged_site_renders_nothing_but_the_dated_pages(
    site: tuple[Path, Export],
) -> None:
    out, first = site
    again = build_site(out, jobs=1)
    assert again.rendered == always()
    assert again.pages == first.pages


def test_a_changed_title_renders_the_pages_that_show_it(
    site: tuple[Path, Export], content: Path, tmp_path: Path
) -> None:
    out, first = site
    chapter = content / "story" / "01-the-river.md"
    save(chapter, chapter.read_text().replace('title = "The river"', 'title = "The rivers"'))
    again = build_site(out, jobs=2)
    chapters = inputs.chapter_files(content)
    # Every page but the chapters that neither are it nor stand beside it (in each language).
    assert again.rendered == first.pages - LANGUAGES * (len(chapters) - 2)
    assert "The rivers" in (out / file_for(CHINA)).read_text()  # its pager
    assert "The rivers" in (out / "on-the-border/index.html").read_text()
    same_as_full(out, tmp_path)


def test_changed_code_or_full_renders_everything(
    site: tuple[Path, Export], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, first = site
    assert build_site(out, full=True, jobs=1).rendered == first.pages
    monkeypatch.setattr(inputs, "code_digest", lambda: "a template was edited")
    assert build_site(out, jobs=2).rendered == first.pages


def test_a_comment_renders_its_page_alone(site: tuple[Path, Export], tmp_path: Path) -> None:
    out, _ = site
    Comment.objects.create(
        page=ARRIVAL, name="Reader", text="Thank you.", status=Status.APPROVED, key="k-18"
    )
    again = build_site(out, jobs=2)
    assert again.rendered == LANGUAGES + always()  # its page in both languages
    same_as_full(out, tmp_path)


def test_a_deleted_chapter_is_removed(
    site: tuple[Path, Export], content: Path, tmp_path: Path
) -> None:
    out, first = site
    extra = content / "story" / "07-one-more.md"
    save(extra, '+++\ntitle = "One more"\nsummary = "A chapter soon deleted."\n+++\n\nText.\n')
    assert build_site(out, jobs=2).pages == first.pages + LANGUAGES
    assert (out / "on-the-border/one-more/index.html").is_file()
    extra.unlink()
    save(content / "story" / "index.md", (content / "story" / "index.md").read_text())
    assert build_site(out, jobs=2).pages == first.pages
    assert not (out / "on-the-border/one-more").exists()
    same_as_full(out, tmp_path)


@pytest.mark.django_db(transaction=True)
def test_a_failing_page_is_named_and_nothing_is_written(
    site: tuple[Path, Export], content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = site
    before = files(out)
    from crossing.content import schema_org

    real = schema_org.chapter

    def failing(site_content: object, found: object) -> object:
        if getattr(found, "slug", "") == "arrival":
            raise RuntimeError("the figure's data is unreadable")
        return real(site_content, found)  # type: ignore[arg-type]

    monkeypatch.setattr(schema_org, "chapter", failing)
    chapter = content / "story" / "05-arrival.md"
    save(chapter, chapter.read_text() + "\nChanged.\n")
    with pytest.raises(ExportError, match=f"{ARRIVAL} could not be rendered: RuntimeError"):
        build_site(out, jobs=2)
    assert files(out) == before
    assert [p.name for p in out.parent.iterdir() if "crossing-build" in p.name] == []


def test_every_page_s_inline_blocks_are_found_without_parsing_it_whole(
    site: tuple[Path, Export],
) -> None:
    out, _ = site
    for page in out.rglob("*.html"):
        text = page.read_text()
        fast, whole = inline_blocks(text), inline_blocks(text, whole=True)
        assert (fast.scripts, fast.styles) == (whole.scripts, whole.styles), page


# Pieces of HTML as templates write it (an attribute's '<' is always escaped, `&lt;`).
PIECES = [
    "<p>text &lt;script&gt;</p>",
    "<script>if (a < b) {}</script>",
    '<SCRIPT type=\'application/json\'>{"a": "</p>"}</SCRIPT >',
    '<script type="application/ld+json">{}</script>',
    "<style>p { color: red }</style>",
    '<script src="x.js" defer></script>',
    '<script data-pattern="a > b">run()</script>',
    "<scripts>not a script</scripts>",
    "<stylesheet>",
    "<script type=module>\nimport x;\r\n</script>",
    "<!-- <script>hidden()</script> -->",
    "<style media='print'>\n</ style>",
]


@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_inline_blocks_found_as_the_parser_finds_them(pieces: list[str]) -> None:
    page = "<!doctype html><html><head><meta charset=utf-8></head><body>" + "".join(pieces)
    fast, whole = inline_blocks(page), inline_blocks(page, whole=True)
    assert (fast.scripts, fast.styles) == (whole.scripts, whole.styles)


def test_the_build_command_says_what_it_rendered(tmp_path: Path) -> None:
    out = str(tmp_path / "site")
    first = CliRunner().invoke(cli, ["build", "--out", out, "--jobs", "2"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli, ["build", "--out", out, "--jobs", "1"])
    pages, rendered, unchanged = map(int, SAID.findall(again.output)[0])
    assert rendered == always() and unchanged == pages - always()
    full = CliRunner().invoke(cli, ["build", "--out", out, "--full"])
    assert SAID.findall(full.output) == [(str(pages), str(pages), "0")]
    refused = CliRunner().invoke(cli, ["build", "--out", out, "--jobs", "0"])
    assert refused.exit_code == 2 and "--jobs" in refused.output
