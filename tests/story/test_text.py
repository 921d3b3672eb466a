"""Story text: the Markdown subset, values, citations and conditional text, compiled and shown."""

from __future__ import annotations

import pytest

from crossing.story import compiled as c
from crossing.story.evaluate import compile_text
from crossing.story.markup import CitationNumbers, citation_html, render_plain_inline, render_text
from crossing.story.parser import COND_CLOSE, COND_OPEN
from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at, located, one

HEAD = "title: T\nvar n: int = 0\nvar b: bool = false\n## s\n~ n = 2\n~ b = n > 1\n"
TAIL = "\n-> e\n## e\nending: safety\n"


def shown(compile_story: Compile, line: str) -> str:
    """The scene's text as the runtime renders it, with n = 2 and b = true."""
    story = compile_story(HEAD + line + TAIL)
    _, steps = Session.begin(Program(story), seed=1)
    return steps[0].text


@pytest.mark.parametrize(
    ("line", "html"),
    [
        ("Plain.", "<p>Plain.</p>"),
        ("*em* _em_ **strong**", "<p><em>em</em> <em>em</em> <strong>strong</strong></p>"),
        ("[a link](https://example.org)", '<p><a href="https://example.org">a link</a></p>'),
        ("<script>x</script> & more", "<p>&lt;script&gt;x&lt;/script&gt; &amp; more</p>"),
        ("\\{not a value\\} \\*not em\\*", "<p>{not a value} *not em*</p>"),
        ("n is {n}, b is {b}, sum {n + 40}", "<p>n is 2, b is true, sum 42</p>"),
        ("{if b: yes}{if not b: no}", "<p>yes</p>"),
        ("{if b: *yes* {n} | no}", "<p><em>yes</em> 2</p>"),
        ("{if n > 5: big | small}", "<p>small</p>"),
        ("{if b: {if n > 0: deep | shallow} | no}", "<p>deep</p>"),
        ("{if b: a \\| b}", "<p>a | b</p>"),
        ("{if(b): x}", "<p>x</p>"),
        ("{if b: | empty}", ""),  # a paragraph of only empty text is left out
        ("Line one\nline two", "<p>Line one\nline two</p>"),
        ("A [^ unclosed and [^also", "<p>A [^ unclosed and [^also</p>"),
        ("Line one\\\nline two", "<p>Line one<br>\nline two</p>"),
    ],
)
def test_text_renders_to_html(compile_story: Compile, line: str, html: str) -> None:
    assert shown(compile_story, line) == html


def test_paragraphs(compile_story: Compile) -> None:
    assert shown(compile_story, "One.\n\nTwo {n}.") == "<p>One.</p>\n<p>Two 2.</p>"


def test_set_values_show_by_name(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\nvar s: {summer, winter} = winter\n## s\n{s}\n~ s = summer\n-> e\n"
        "## e\nending: safety\n{s}\n"
    )
    _, steps = Session.begin(Program(story), seed=1)
    # Scene effects run on entering, before the text, wherever they are written.
    assert [step.text for step in steps] == ["<p>summer</p>", "<p>summer</p>"]
    assert steps[0].values == {"s": "summer"}


def test_conditional_text_compiles_to_condition_then_otherwise(compile_story: Compile) -> None:
    story = compile_story(HEAD + "Go {if b: *now* | later}." + TAIL)
    assert story.scenes[0].text == (
        "<p>Go ",
        c.Conditional(["var", 1], "<em>now</em>", "later"),
        ".</p>",
    )


def test_conditional_text_in_a_choice_and_an_epilogue(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\nvar b: bool = true\n## s\n~ b = true\n* Go {if b: now} -> e\n"
        "## e\nending: safety\nepilogue:\n{if b: Safe. | Lost.}\n"
    )
    session, steps = Session.begin(Program(story), seed=1)
    assert steps[0].choices == [{"id": "s/e", "text": "Go now"}]
    after = session.choose(0)
    assert after[0].ending == {"kind": "safety", "epilogue": "<p>Safe.</p>"}


def test_citations_are_numbered_in_reading_order_through_conditionals(
    compile_story: Compile,
) -> None:
    story = compile_story(
        "title: T\nsources: s.toml\nvar b: bool = false\n## s\n~ b = true\n"
        "A[^x] {if b: B[^y] | C[^z]} D[^y]\n-> e\n## e\nending: safety\n",
        {
            "s.toml": "".join(
                f'[{k}]\ntitle = "{k}"\nauthor = "a"\nconfidence = "estimate"\n' for k in "xyz"
            )
        },
    )
    scene = story.scenes[0]
    assert scene.sources == ("x", "y", "z")
    text = compile_text(scene.text)
    assert text([True], []).count(">2</a>") == 2  # y is number 2 both times
    assert ">3</a>" in text([False], [])


CONDITIONAL_ERRORS = [
    ("{if b yes}", "E002", "7:2", "needs ':' after its condition"),
    ("{if b: a | b | c}", "E002", "7:14", "at most two branches"),
    ("{if b = 1: x}", "E002", "7:7", "unexpected character '='"),
    ("{if n: x}", "E008", "7:5", "expected true or false, found a number"),
    ("{if b: {n | no}", "E002", "7:1", "'{' is not closed"),
    ("{if b: {n +} | no}", "E002", "7:12", "ends too early"),
    ("{if b: [link]({n})}", "E061", "7:16", "cannot stand inside a link address"),
    ("{if b: x[^src]}", "E007", "7:9", "unknown source 'src'"),
    ("{iffy}", "E005", "7:2", "unknown variable 'iffy'"),
    ("{if b: {if n: x}}", "E008", "7:12", "expected true or false"),
]


@pytest.mark.parametrize(("line", "code", "place", "message"), CONDITIONAL_ERRORS)
def test_conditional_text_errors(
    load: Load, line: str, code: str, place: str, message: str
) -> None:
    loaded = load(HEAD + line + TAIL)
    assert loaded.story is None
    d = at(loaded, code, f"main.story:{place}")
    assert message in d.message


def test_the_conditional_hints(load: Load) -> None:
    colon = one(load(HEAD + "{if b yes}" + TAIL), "E002")
    assert colon.hint is not None and "{if condition: text | other text}" in colon.hint
    bar = one(load(HEAD + "{if b: a | b | c}" + TAIL), "E002")
    assert bar.hint == "write '\\|' for a literal '|'"


def test_a_lost_slot_in_a_link_points_at_the_first_slot(load: Load) -> None:
    loaded = load(HEAD + "[x]({n}) and {b}" + TAIL)
    assert ("E061", "main.story:7:6") in located(loaded)
    cite = load(
        "title: T\nsources: s.toml\n## s\n[x](http://a/[^k])\n-> e\n## e\nending: safety\n",
        {"s.toml": '[k]\ntitle = "K"\nauthor = "A"\nconfidence = "estimate"\n'},
    )
    assert "cannot stand inside a link address" in at(cite, "E061", "main.story:4:14").message


def test_the_conditional_placeholder_characters_cannot_be_forged(compile_story: Compile) -> None:
    text = shown(compile_story, f"a{COND_OPEN}0{COND_CLOSE}b")
    assert text == "<p>a\ufffd0\ufffdb</p>"


# -- markup helpers --------------------------------------------------------------------------


def test_citation_numbers_count_first_appearances() -> None:
    numbers = CitationNumbers()
    assert [numbers.number(k) for k in ("b", "a", "b", "c", "a")] == [1, 2, 1, 3, 2]
    assert numbers.keys == ["b", "a", "c"]


def test_citation_html_escapes_the_key() -> None:
    assert citation_html('a"<', 3) == (
        '<sup class="cite"><a href="#source-a&quot;&lt;" data-source="a&quot;&lt;">3</a></sup>'
    )


def test_render_plain_inline() -> None:
    assert render_plain_inline("  Photo: *me* <b>  ") == "Photo: <em>me</em> &lt;b&gt;"


def test_render_text_reports_lost_slots_only_when_asked() -> None:
    lost: list[bool] = []
    template = "[x](\ue0000\ue001)"
    slot = c.Interpolation(1, "int")
    rendered = render_text(
        template, [slot], [], CitationNumbers(), on_lost_slot=lambda: lost.append(True)
    )
    assert lost == [True]
    assert isinstance(rendered, str)
    assert render_text(template, [slot], [], CitationNumbers()) == rendered


def test_render_text_of_nothing() -> None:
    assert render_text("", [], [], CitationNumbers()) == ""
    assert render_text("  ", [], [], CitationNumbers(), inline=True) == ""
