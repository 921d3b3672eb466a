"""The Twee 3 passage header: escaping, tags and metadata, by property and by example."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.interchange.twee_format import Passage, header, parse, parse_header, write

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("[]{}\\ "),
    min_size=1,
    max_size=30,
)
NAMES = _TEXT.map(str.strip).filter(lambda s: bool(s) and not s.startswith("::"))
TAGS = st.lists(_TEXT.map(lambda s: s.replace(" ", "")).filter(bool), max_size=4)
METADATA = st.dictionaries(
    st.sampled_from(["position", "size", "note"]),
    st.text(max_size=10) | st.integers(),
    max_size=3,
)


@given(NAMES, TAGS, METADATA)
def test_a_header_reads_back_as_written(name: str, tags: list[str], metadata: dict) -> None:
    line = header(Passage(name, tags, metadata))
    passage, problems = parse_header(line, 7)
    assert problems == []
    assert (passage.name, passage.tags, passage.metadata, passage.line) == (name, tags, metadata, 7)


@given(
    st.lists(
        st.tuples(NAMES, TAGS, st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)),
        max_size=5,
    )
)
def test_a_file_reads_back_as_written(items: list[tuple[str, list[str], str]]) -> None:
    passages = [
        Passage(
            name,
            tags,
            {},
            "\n".join(
                line for line in text.replace("\r", "").split("\n") if not line.startswith("::")
            ).rstrip("\n"),
        )
        for name, tags, text in items
    ]
    back, problems = parse(write(passages))
    assert problems == []
    assert [(p.name, p.tags, p.text) for p in back] == [(p.name, p.tags, p.text) for p in passages]


def test_escapes_follow_the_specification() -> None:
    assert header(Passage("a[b]{c}\\d", ["x]y"])) == ":: a\\[b\\]\\{c\\}\\\\d [x\\]y]"
    passage, _ = parse_header(':: \\q\\[x [t1  t2] {"position":"600,400"}', 1)
    assert (passage.name, passage.tags, passage.metadata) == (
        "q[x",
        ["t1", "t2"],
        {"position": "600,400"},
    )


def test_bad_headers_are_reported_where_they_are() -> None:
    _, problems = parse_header(":: A [t {", 3)
    assert [(p.line, p.col, p.message) for p in problems] == [
        (3, 6, "the tag block is not closed with ']'")
    ]
    _, problems = parse_header(':: A {"x": }', 4)
    assert [(p.line, p.col) for p in problems] == [(4, 12)]
    assert problems[0].message.startswith("the metadata block is not JSON")
    _, problems = parse("stray\n:: A\n")
    assert [(p.line, p.col) for p in problems] == [(1, 1)]
