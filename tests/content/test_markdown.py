"""Markdown bodies: citations, figures and photos, links checked at their positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.content.markdown import Directive, Html, render, slugify
from crossing.story.diagnostics import Diagnostic

PAGES = {
    "/journey/": "/journey/",
    "/sources/": "/sources/",
    "journey:mo_river": "/journey/gamebook/mi-ok/#s3",
}


def resolve(href: str) -> str | None:
    path, _, fragment = href.partition("#")
    target = PAGES.get(path)
    return None if target is None else target + (f"#{fragment}" if fragment else "")


def run(body: str, first_line: int = 5) -> tuple[object, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    out = render(
        body,
        path="ch.md",
        first_line=first_line,
        sources={"pbs-2009", "flyer"},
        resolve=resolve,
        diagnostics=problems,
    )
    return out, problems


def test_citations_are_numbered_in_order_and_link_to_the_references() -> None:
    out, problems = run("A fact.[^flyer] Another.[^pbs-2009] Again.[^flyer]\n")
    assert problems == []
    assert out.citations == ["flyer", "pbs-2009"]  # type: ignore[attr-defined]
    assert out.cited_at == {"flyer": 2, "pbs-2009": 1}  # type: ignore[attr-defined]
    html = out.blocks[0].html  # type: ignore[attr-defined]
    assert (
        '<sup class="cite" id="cite-flyer-1"><a href="#ref-flyer" data-source="flyer">1</a></sup>'
        in html
    )
    assert 'id="cite-flyer-2"' in html and ">2</a>" in html


def test_unknown_sources_are_reported_where_written_with_a_hint() -> None:
    _, problems = run("Line one.\n\nThe river.[^pbs-2090]\n", first_line=10)
    [problem] = problems
    assert problem.code == "E202" and problem.message == "unknown source 'pbs-2090'"
    assert problem.position is not None
    assert (problem.position.line, problem.position.col) == (12, 11)
    assert problem.hint == "did you mean 'pbs-2009'?"


def test_figures_and_photos_split_the_text_into_blocks() -> None:
    out, problems = run("Before.\n\n{{ figure arrivals }}\n\nAfter.\n")
    assert problems == []
    kinds = [type(b) for b in out.blocks]  # type: ignore[attr-defined]
    assert kinds == [Html, Directive, Html]
    figure = out.blocks[1]  # type: ignore[attr-defined]
    assert (figure.kind, figure.name, figure.position.line) == ("figure", "arrivals", 7)


def test_a_misspelt_directive_is_reported() -> None:
    _, problems = run("{{ figur arrivals }}\n")
    assert problems[0].code == "E204" and problems[0].hint == "did you mean 'figure'?"


def test_internal_links_resolve_and_bad_ones_are_reported() -> None:
    body = "See [the journey](/journey/) and [a scene](journey:mo_river).\n\n[gone](/nowhere/)\n"
    out, problems = run(body, first_line=1)
    html = out.blocks[0].html  # type: ignore[attr-defined]
    assert 'href="/journey/gamebook/mi-ok/#s3"' in html
    [problem] = problems
    assert problem.message == "no page on this site at '/nowhere/'"
    assert problem.position is not None
    assert (problem.position.line, problem.position.col) == (3, 8)  # at the address


def test_external_links_must_be_citations() -> None:
    _, problems = run("[a site](https://example.org/)\n")
    assert problems[0].code == "E203" and "sources.toml" in (problems[0].hint or "")


def test_raw_html_is_shown_as_text() -> None:
    out, _ = run("<script>alert(1)</script>\n")
    assert "<script>" not in out.blocks[0].html  # type: ignore[attr-defined]


def test_headings_get_unique_anchors() -> None:
    out, _ = run("## The river\n\n## The river\n\n### Ice, in winter[^flyer]\n")
    assert [h.id for h in out.headings] == ["the-river", "the-river-2", "ice-in-winter"]  # type: ignore[attr-defined]
    assert out.headings[2].text == "Ice, in winter"  # type: ignore[attr-defined]


def test_slugify() -> None:
    assert slugify("Arrival & resettlement, 2024") == "arrival-resettlement-2024"
    assert slugify("!!!") == "section"


@given(st.text(max_size=300))
def test_any_body_renders_or_reports_never_raises(body: str) -> None:
    out, problems = run(body)
    for problem in problems:
        assert problem.position is not None and problem.position.line >= 5
    assert all(isinstance(b, Html | Directive) for b in out.blocks)  # type: ignore[attr-defined]
