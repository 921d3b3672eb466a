"""Story source written back from its compiled form compiles to the same story, whatever
the prose holds: Markdown marks, escapes, braces, entities, lines that look like syntax."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.interchange.decompile import decompile, differences
from crossing.story.api import load_source

HEAD = "title: Prose\nvar n: 0..9 = 2\nvar e: {a, b} = a\n\n## s\n"
TAIL = "\n* Go {#go} -> t\n\n## t\nending: safety\n\nDone.\n"
PIECES = [
    "word", " ", "\n", "\n\n", "*", "**", "_", "__", "\\", "\\*", "\\{", "\\|", "[", "]", "(",
    ")", "[a link](https://example.org/a_b)", "&amp;", "&", "&copy;", "\\&copy;", "<b>", "\"",
    "'", "~", "-", "->", "#", "//", "chance:", "epilogue:", "1.", "{n}", "{e}", "{n as number}",
    "{if n > 1: yes | no}", "{once: one | two}", "{if e == b: {seq: x | y}}", "|", "`", "!",
    "\t", "  ", "\\\n", "é", "—",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_prose_comes_back_the_same(pieces: list[str]) -> None:
    with TemporaryDirectory() as folder:
        main = Path(folder) / "main.story"
        main.write_text(HEAD + "".join(pieces) + "\n" + TAIL, encoding="utf-8")
        first = load_source(main)
        if first.story is None:
            return  # prose the language refuses (an unclosed brace): nothing to write back
        files = decompile(first.story)
        found = differences(first.story, files)
        again = Path(folder) / "again"
        again.mkdir()
        for name, text in files.all().items():
            (again / name).write_text(text, encoding="utf-8")
        second = load_source(again)
        same = second.story is not None and second.story.to_json() == first.story.to_json()
        # Either the source comes back exactly, or the difference is found (and the import
        # reports it): never a silent change.
        assert same == (found == []), (files.main, found)
        if not same:
            assert found == ["scene 's'"]
