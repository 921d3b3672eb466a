"""Image addresses in the content are files of this site, checked like links: Markdown
images and [[photos]] of chapters and works, each refusal reported at `file:line:col`
with a hint by `crossing check` (E206). What a browser makes of the accepted ones is
tested in tests/web/test_image_addresses.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.content.check import check_tree
from crossing.content.markdown import Rendered, render
from crossing.story.diagnostics import Diagnostic
from crossing.story.local_addresses import refusal

ROOT = Path(__file__).resolve().parents[2]

REFUSED = {
    "https://example.org/river.jpg": "an image from another site",
    "http://example.org/river.jpg": "an image from another site",
    "HTTPS://EXAMPLE.ORG/river.jpg": "an image from another site",
    "//example.org/river.jpg": "an image from another site",
    "javascript:alert(1)": "not 'javascript:…'",
    "JaVaScRiPt:alert(1)": "not 'JaVaScRiPt:…'",
    "vbscript:msgbox(1)": "not 'vbscript:…'",
    "file:///etc/passwd": "not 'file:…'",
    "data:image/png;base64,iVBORw0KGgo=": "written as data",
    "DATA:image/svg+xml,<svg/>": "written as data",
    "/\\example.org/river.jpg": "a backslash",
    "\\\\example.org\\river.jpg": "a backslash",
    "java\tscript:alert(1)": "a tab",
    "java\nscript:alert(1)": "a line break",
    "\x01javascript:alert(1)": "an invisible character (U+0001)",
    "/river\u200b.jpg": "an invisible character (U+200B ZERO WIDTH SPACE)",
    "/river\ufeff.jpg": "an invisible character (U+FEFF",
    "/a river.jpg": "a space",
    "/river.jpg\u00a0": "an invisible character (U+00A0 NO-BREAK SPACE)",
    "": "needs an address",
}
ACCEPTED = [
    "/images/river.jpg",
    "river.jpg",
    "../images/river.jpg",
    "/images/river.jpg?v=2#top",
    "/images/%EA%B0%95.jpg",
    "/images/강.jpg",
    "1:2.jpg",  # no scheme starts with a digit: a file name
]


@pytest.mark.parametrize(("address", "because"), REFUSED.items())
def test_addresses_that_would_leave_the_site_are_refused(address: str, because: str) -> None:
    refused = refusal(address)
    assert refused is not None
    assert because in refused.message
    assert refused.hint
    # The message quotes the address with its invisible characters made visible.
    assert all(ch.isprintable() for ch in refused.message)


@pytest.mark.parametrize("address", ACCEPTED)
def test_paths_on_the_site_are_accepted(address: str) -> None:
    assert refusal(address) is None


def run(body: str) -> tuple[Rendered, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    out = render(
        body,
        path="ch.md",
        first_line=10,
        sources=set(),
        resolve=lambda href: "/journey/" if href == "/journey/" else None,
        diagnostics=problems,
    )
    return out, problems


def html_of(out: Rendered) -> str:
    return "".join(getattr(block, "html", "") for block in out.blocks)


def test_a_markdown_image_from_another_site_is_reported_at_its_address() -> None:
    out, problems = run("The river.\n\nIn winter: ![The ice](https://example.org/ice.jpg)\n")
    [problem] = problems
    assert problem.code == "E206"
    assert problem.message == "an image from another site: 'https://example.org/ice.jpg'"
    assert problem.hint and "copy the file here" in problem.hint
    assert problem.position is not None
    assert (problem.position.line, problem.position.col) == (12, 23)
    assert problem.position.width == len("https://example.org/ice.jpg")
    # Reported and never drawn: the image becomes its alt text.
    assert "<img" not in html_of(out) and "example.org" not in html_of(out)
    assert "The ice" in html_of(out)


def test_an_image_defined_by_reference_is_reported_at_its_definition() -> None:
    _, problems = run("![The ice][ice]\n\nText.\n\n[ice]: //example.org/ice.jpg\n")
    [problem] = problems
    assert problem.code == "E206" and problem.position is not None
    assert (problem.position.line, problem.position.col) == (14, 8)


@pytest.mark.parametrize(
    ("body", "because"),
    [
        ("![x](javascript:alert(1))", "not 'javascript:…'"),  # markdown-it kept it as text
        ("![x](data:image/png;base64,iVBORw0KGgo=)", "written as data"),
        ("![x](/\\example.org/x.png)", "a backslash"),
        ("![x](<java\tscript:alert(1)>)", "a tab"),
        ("![x](java&#9;script:alert(1))", "a tab"),  # an entity, decoded by CommonMark
        ("![x](/%5Cexample.org/x.png)", "a backslash"),  # as the editor meant it
    ],
)
def test_every_trick_in_markdown_is_reported(body: str, because: str) -> None:
    out, problems = run(body + "\n")
    assert [p.code for p in problems] == ["E206"]
    assert because in problems[0].message
    assert "<img" not in html_of(out)


def test_an_image_on_the_site_is_drawn() -> None:
    out, problems = run("![The ice](/images/ice.jpg)\n")
    assert problems == []
    assert '<img src="/images/ice.jpg" alt="The ice" />' in html_of(out)


def test_a_javascript_link_is_reported_and_never_rendered() -> None:
    # markdown-it used to leave it as text, unreported; now it is checked like any link.
    out, problems = run("[press here](javascript:alert(1))\n")
    assert [p.code for p in problems] == ["E203"]
    assert "javascript" not in html_of(out).replace("[press here]", "")
    assert "href" not in html_of(out)


# -- the whole tree: photos in front matter, and `crossing check` --


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real content, in a folder the test may break."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)  # diagnostics show paths relative to here
    return Path("content")


PHOTOS = """[[photos]]
src = "/images/ice.jpg"
alt = "The river frozen"
caption = "The Tumen in January."
credit = "Photo: someone"

[[photos]]
alt = "A broker's boat"
src = "https://example.org/boat.jpg"
caption = "A boat."
credit = "Photo: someone"
"""


def add_photos(path: Path, photos: str = PHOTOS) -> int:
    """Put photos at the end of a file's front matter; return the line they start on."""
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = lines.index("+++", 1)
    lines[closing:closing] = photos.rstrip("\n").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return closing + 1


@pytest.mark.parametrize("document", ["story/01-the-river.md", "works/film-the-defector.md"])
def test_a_photo_from_another_site_is_reported_at_its_src(tree: Path, document: str) -> None:
    # Without its translation, which would (rightly) lack the new photos: E211.
    (tree / document).with_suffix(".ko.md").unlink()
    first = add_photos(tree / document)
    problems = [d for d in check_tree(tree).diagnostics if d.severity == "error"]
    [problem] = problems
    assert problem.code == "E206"
    assert problem.message == "an image from another site: 'https://example.org/boat.jpg'"
    assert problem.position is not None
    assert problem.position.path == f"content/{document}"
    assert (problem.position.line, problem.position.col) == (first + 8, 8)


def test_crossing_check_lists_every_image_problem_with_its_place_and_hint(tree: Path) -> None:
    river = tree / "story" / "01-the-river.md"
    first = add_photos(river)
    text = river.read_text(encoding="utf-8")
    river.write_text(text + "\n![Ice](//example.org/ice.jpg)\n", encoding="utf-8")
    body_line = text.count("\n") + 2
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert (
        f"content/story/01-the-river.md:{first + 8}:8: error[E206]: "
        "an image from another site: 'https://example.org/boat.jpg'"
    ) in result.output
    assert (
        f"content/story/01-the-river.md:{body_line}:8: error[E206]: "
        "an image from another site: '//example.org/ice.jpg'"
    ) in result.output
    assert "= hint: the site loads nothing from elsewhere" in result.output
    assert "Traceback" not in result.output
