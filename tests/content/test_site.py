"""The whole content tree checked at once: every error at its `path:line`, like the story
checker; the citation index that the sources page draws."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.content.check import check_tree
from crossing.story.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real content, in a folder the test may break."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)  # diagnostics show paths relative to here
    return Path("content")


def where(diagnostic: Diagnostic) -> str:
    pos = diagnostic.position
    return f"{pos.path}:{pos.line}" if pos else "?"


def edit(path: Path, old: str, new: str) -> int:
    """Replace text once; return the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_real_content_has_no_problem() -> None:
    assert check_tree(ROOT / "content").diagnostics == []


def test_every_error_is_reported_at_once_at_its_line(tree: Path) -> None:
    river = tree / "story" / "01-the-river.md"
    film = tree / "works" / "film-the-defector.md"
    cite_line = edit(river, "[^pbs-2009]", "[^pbs-2090]")
    link_line = edit(river, "](/journey/)", "](/jorney/)")
    edit(film, 'title = "', 'titel = "')
    figure_line = edit(
        tree / "story" / "02-hiding-in-china.md",
        "{{ figure repatriations }}",
        "{{ figure repatriation }}",
    )
    data_line = edit(tree / "data" / "thai-arrests.csv", "2010,", "2010,many")
    problems = {(d.code, where(d)) for d in check_tree(tree).diagnostics}
    assert ("E202", f"content/story/01-the-river.md:{cite_line}") in problems
    assert ("E203", f"content/story/01-the-river.md:{link_line}") in problems
    assert ("E201", "content/works/film-the-defector.md:1") in problems  # missing title
    assert ("E204", f"content/story/02-hiding-in-china.md:{figure_line}") in problems
    assert ("E235", f"content/data/thai-arrests.csv:{data_line}") in problems


def test_a_broken_scene_link_and_a_missing_summary(tree: Path) -> None:
    arrival = tree / "story" / "05-arrival.md"
    line = edit(arrival, "](journey:", "](journey:no_such_scene_")
    text = arrival.read_text(encoding="utf-8")
    summary = next(n for n, row in enumerate(text.split("\n"), 1) if row.startswith("summary"))
    lines = text.split("\n")
    del lines[summary - 1]
    arrival.write_text("\n".join(lines), encoding="utf-8")
    found = {(d.message, where(d)) for d in check_tree(tree).diagnostics}
    messages = {m for m, _ in found}
    assert any(m.startswith("no journey scene at 'journey:no_such_scene_") for m in messages)
    assert ("missing field 'summary' in the front matter", "content/story/05-arrival.md:1") in found
    assert any(w == f"content/story/05-arrival.md:{line - 1}" for _, w in found)


def test_an_unused_source_is_a_warning_at_its_table(tree: Path) -> None:
    sources = tree / "sources.toml"
    sources.write_text(
        sources.read_text()
        + '\n[never-cited]\ntitle = "T"\nauthor = "A"\nconfidence = "confirmed"\n'
    )
    [warning] = check_tree(tree).diagnostics
    assert warning.code == "W201" and "never-cited" in warning.message
    assert where(warning).startswith("content/sources.toml:")


def test_a_chapter_file_name_must_carry_its_number(tree: Path) -> None:
    (tree / "story" / "01-the-river.md").rename(tree / "story" / "The River.md")
    codes = {(d.code, where(d)) for d in check_tree(tree).diagnostics}
    assert ("E205", "content/story/The River.md:1") in codes


def test_work_tables_are_checked(tree: Path) -> None:
    film = tree / "works" / "film-the-defector.md"
    line = edit(film, 'kind = "purchase"', 'kind = "purchse"')
    edit(film, 'territory = "AU"', 'territory = "Australia"')
    edit(film, 'result = "won"', 'result = "win"')
    found = {(d.message, d.hint) for d in check_tree(tree).diagnostics}
    assert ("kind 'purchse' is not known", "did you mean 'purchase'?") in found
    assert any(m == "territory 'Australia' is not a country code" for m, _ in found)
    assert any(m == "result 'win' is not known" for m, _ in found)
    assert line > 1


def test_crossing_check_reads_the_content_folder_by_default(tree: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["check"]).exit_code == 0
    edit(
        tree / "story" / "03-the-underground-railroad.md",
        "[^kirkpatrick-2012]",
        "[^kirkpatrik-2012]",
    )
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 1
    assert "content/story/03-the-underground-railroad.md:" in result.output
    assert "error[E202]: unknown source 'kirkpatrik-2012'" in result.output
    assert "= hint: did you mean 'kirkpatrick-2012'?" in result.output
    as_json = runner.invoke(cli, ["check", "--json", str(tree)])
    assert '"code": "E202"' in as_json.output


def test_the_citation_index_knows_scenes_chapters_works_and_figures() -> None:
    content = check_tree(ROOT / "content").content
    kinds = {c.kind for citers in content.citers.values() for c in citers}
    assert kinds == {"scene", "chapter", "work", "figure", "news"}
    mou = {c.kind for c in content.citers["mou-settlement"]}
    assert {"chapter", "figure"} <= mou
