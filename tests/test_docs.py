"""The documentation's examples stay true: the stories it shows check as it says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import pytest
from doc_examples import (
    Block,
    blocks,
    json_matches,
    parse_shown_json,
    stub,
    text_matches,
    wrap_fragment,
)

from crossing.story import load_source

ROOT = Path(__file__).resolve().parent.parent


def story_blocks(markdown: Path) -> list[str]:
    """Fenced blocks that are whole stories: a title line and at least one scene."""
    text = markdown.read_text(encoding="utf-8")
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```$", text, flags=re.S | re.M)
    return [block for block in blocks if block.startswith("title:") and "\n## " in block]


def test_example_story_has_no_errors_and_no_warnings() -> None:
    loaded = load_source(ROOT / "examples" / "market-day")
    assert loaded.story is not None
    assert loaded.diagnostics == []
    assert len(loaded.story.scenes) >= 10


@pytest.mark.parametrize("document", ["README.md"])  # the docs': every example, below
def test_whole_stories_in_the_docs_compile(document: str, tmp_path: Path) -> None:
    blocks = story_blocks(ROOT / document)
    assert blocks, f"{document} should show at least one whole story"
    (tmp_path / "places.toml").write_text(
        '[town]\nname = "The old town"\nlat = 48.2\nlon = 16.37\n'
    )
    for number, block in enumerate(blocks):
        path = tmp_path / f"story{number}.story"
        path.write_text(block, encoding="utf-8")
        loaded = load_source(path)
        assert loaded.errors == [], (document, number, loaded.errors)


def test_readme_typo_example_reports_what_the_readme_shows(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    story = story_blocks(ROOT / "README.md")[0].replace("-> ferry\n", "-> fery\n", 1)
    path = tmp_path / "bridge.story"
    path.write_text(story, encoding="utf-8")
    loaded = load_source(path)
    assert [d.code for d in loaded.diagnostics] == ["E004"]
    diagnostic = loaded.diagnostics[0]
    assert diagnostic.hint == "did you mean 'ferry'?"
    assert diagnostic.position is not None
    shown = (
        f":{diagnostic.position.line}:{diagnostic.position.col}: error[E004]: unknown scene 'fery'"
    )
    assert shown in readme


def test_rng_test_vector_in_the_docs_matches() -> None:
    from crossing.story.rng import seed_state

    text = (ROOT / "docs" / "story-language.md").read_text(encoding="utf-8")
    vector = re.search(r"seed 0 gives the state `\[([\d, ]+)\]`", text)
    assert vector is not None
    assert list(seed_state(0)) == [int(n) for n in vector.group(1).split(",")]


def test_odds_of_the_example_match_the_hand_computation_in_the_docs() -> None:
    from fractions import Fraction

    from crossing.analysis.odds import analyse, render_text

    story = load_source(ROOT / "examples" / "market-day").story
    assert story is not None
    report = analyse(story)
    supper, hungry = report.endings
    assert supper.odds == {"random": Fraction(5, 8), "best": 1, "worst": 0}
    assert hungry.odds == {"random": Fraction(3, 8), "best": 0, "worst": 1}
    decisions = {r: s.expected_decisions for r, s in report.readers.items()}
    assert decisions == {"random": Fraction(37, 12), "best": Fraction(13, 4), "worst": 3}
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = docs.split("$ crossing odds examples/market-day\n", 1)[1].split("\n```", 1)[0]
    timing = re.compile(r"solved in [0-9.]+ s")
    assert timing.sub("solved in T s", render_text(report, 0.0)) == timing.sub(
        "solved in T s", shown
    )


# -- every example of docs/story-language.md and docs/cli.md (tests/doc_examples.py) ---------

STORY_LANGUAGE = blocks(ROOT, "docs/story-language.md")
CLI = blocks(ROOT, "docs/cli.md")
_RENDERED = re.compile(r"^\S+:\d+:\d+: (?:error|warning)\[")

# Examples that show what a typo gives: (document, the example's first line) -> the file of
# the example story or site to change, the text there, the typo, and the command shown.
TYPOS = {
    (
        "docs/story-language.md",
        "examples/market-day/market.story:12:28: error[E004]: unknown scene 'fish_stal'",
    ): (
        "examples/market-day/market.story",
        "-> fish_stall if coins >= 15 and",
        "-> fish_stal if coins >= 15 and",
        "crossing check examples/market-day",
    ),
    ("docs/cli.md", "$ crossing check"): (
        "content/journey/railroad.story",
        "South-East Asia.[^kirkpatrick-2012] Every hand",
        "South-East Asia.[^kirkpatrik-2012] Every hand",
        "crossing check",
    ),
}


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a copy of examples/ and content/, every file the docs
    show with `$ cat FILE`, and the files cli.md's examples read: a refused compiled file
    (broken.json) and a Twine story (market.twee)."""
    import shutil

    for folder in ("examples", "content"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "tests" / "refusal" / "73-weights-long.json", tmp_path / "broken.json")
    shutil.copy(ROOT / "tests" / "twee" / "market.twee", tmp_path / "market.twee")
    for block in CLI:
        for command, shown in shell_commands(block.body):
            if command.startswith("cat "):
                (tmp_path / command.split()[1]).write_text(shown, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CROSSING_CONTENT_DIR", str(tmp_path / "content"))
    return tmp_path


def shell_commands(body: str) -> list[tuple[str, str]]:
    """(`$ command`, what it prints) pairs of a shell example."""
    pairs = []
    for part in re.split(r"^\$ ", body, flags=re.M)[1:]:
        command, _, shown = part.partition("\n")
        pairs.append((command.strip(), shown.rstrip("\n") + "\n" if shown.strip() else ""))
    return pairs


def crossing(command: str, stdin: str | None = None) -> Any:
    import shlex

    from click.testing import CliRunner

    from crossing.cli import cli

    args = shlex.split(command)
    assert args[0] == "crossing", command
    result = CliRunner().invoke(cli, args[1:], input=stdin, env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        command,
        result.exception,
    )
    return result


def options(block: Block) -> dict[str, str]:
    """`error=E004 whole with=places.toml` as {"error": "E004", "whole": "", "with": …}."""
    return {word.partition("=")[0]: word.partition("=")[2] for word in block.argument.split()}


def check_fragment(block: Block, folder: Path) -> Any:
    """The block as a story (wrapped, unless `whole`), after stubbing what it does not
    define (but never what the example is meant to show missing)."""
    said = options(block)
    expected = said.get("error")
    main = folder / "main.story"
    main.write_text(block.body if "whole" in said else wrap_fragment(block.body), "utf-8")
    if "with" in said:  # the table shown next
        later = STORY_LANGUAGE[STORY_LANGUAGE.index(block) + 1 :]
        table = next(other for other in later if other.language == "toml")
        (folder / said["with"]).write_text(table.body, encoding="utf-8")
    for _ in range(5):
        loaded = load_source(main)
        missing = [d.message for d in loaded.errors if d.code != expected]
        if "whole" in said or not stub(folder, main, missing):
            break
    return loaded


def check_typo(block: Block, folder: Path) -> None:
    path, right, wrong, command = TYPOS[(block.document, block.body.splitlines()[0])]
    text = (folder / path).read_text(encoding="utf-8")
    assert text.count(right) == 1, (path, right)
    (folder / path).write_text(text.replace(right, wrong), encoding="utf-8")
    found = crossing(command).output
    shown = block.body.split("\n", 1)[1] if block.body.startswith("$") else block.body
    assert shown.strip() in found.replace(f"{folder}/", ""), found


@pytest.mark.parametrize("block", STORY_LANGUAGE, ids=str)
def test_every_example_of_the_story_language(block: Block, sandbox: Path) -> None:
    said = options(block)
    if block.language == "toml":
        from crossing.story.source import SourceFile
        from crossing.story.tables import load_places, load_sources

        kind = load_sources if "sources" in block.body.splitlines()[0] else load_places
        _, problems = kind(SourceFile("example.toml", block.body))
        assert [d.code for d in problems] == ([said["error"]] if "error" in said else [])
    elif _RENDERED.match(block.body):
        check_typo(block, sandbox)
    elif block.language in ("", "story"):
        folder = sandbox / "fragment"
        folder.mkdir()
        loaded = check_fragment(block, folder)
        errors = [d.code for d in loaded.errors]
        assert errors == ([said["error"]] if "error" in said else []), (str(block), errors)
        if "warning" in said:
            assert [d.code for d in loaded.diagnostics] == [said["warning"]], str(block)
    else:
        pytest.fail(f"{block}: an example of an unknown kind ('{block.info}')")


def table_codes() -> list[str]:
    section = (ROOT / "docs" / "story-language.md").read_text(encoding="utf-8")
    section = section.split("\n## Diagnostics\n", 1)[1]
    return re.findall(r"^\| ([EW]\d{3}) \|", section, flags=re.M)


# Codes no example on a page can show, and why.
NO_EXAMPLE = {
    "E018": "a binary file, text that is not UTF-8, or more than 32 MiB",
    "E050": "65 levels of nested {if …}",
    "E064": "1,001 story files",
    "E079": "a broken catalogue file (tests/translation/test_catalogues.py)",
}


def test_every_diagnostic_code_is_documented_with_an_example() -> None:
    import itertools

    documented = table_codes()
    assert documented == sorted(documented), "the table is in the order of the codes"
    emitted = set()
    for path in itertools.chain((ROOT / "crossing" / "story").rglob("*.py")):
        emitted |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    assert emitted == set(documented), emitted ^ set(documented)
    shown = {options(b).get("error") or options(b).get("warning") for b in STORY_LANGUAGE}
    assert set(documented) - shown == set(NO_EXAMPLE), set(documented) - shown - set(NO_EXAMPLE)


def command_of(line: str) -> tuple[click.Command, list[str]]:
    """The (sub)command a command line names, and the arguments left for it."""
    import shlex

    from crossing.cli import cli

    args = shlex.split(line)[1:]
    command: click.Command = cli
    while isinstance(command, click.Group) and args and not args[0].startswith("-"):
        found = command.get_command(click.Context(command), args[0])
        assert found is not None, f"no command '{args[0]}' in '{line}'"
        command, args = found, args[1:]
    return command, args


def check_usage(line: str) -> None:
    """A usage line names a command and options it has."""
    command, args = command_of(line)
    options = {name for param in command.params for name in param.opts}
    for option in re.findall(r"--[a-z][a-z-]*", " ".join(args)):
        assert option in options, f"'{line}': the command has no option {option}"


def check_command_line(line: str, folder: Path) -> None:
    """A command shown without its output (it needs a site or a database): its words parse."""
    from click.testing import CliRunner

    command, args = command_of(line)
    for arg in args:  # a file it reads exists in the sandbox
        if not arg.startswith("-") and "/" in arg and not (folder / arg).exists():
            (folder / arg).parent.mkdir(parents=True, exist_ok=True)
            (folder / arg).touch()
    with CliRunner().isolation(input="password\npassword\n"):  # what a command asks
        command.make_context(command.name or "", args)


# Examples of what a command says on a machine without Graphviz.
WITHOUT_GRAPHVIZ = {"$ crossing graph examples/market-day -o market-day.svg\nerror: writing SVG"}


@pytest.mark.parametrize("block", CLI, ids=str)
def test_every_example_of_the_command(
    block: Block, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = block.body.splitlines()[0]
    if any(block.body.startswith(start) for start in WITHOUT_GRAPHVIZ):
        monkeypatch.setenv("PATH", str(sandbox / "no-programs"))
    if (block.document, first) in TYPOS:
        check_typo(block, sandbox)
    elif block.language == "json":
        command, _, path = block.argument.partition(" => ")
        assert command.startswith("crossing "), f"{block}: say which command prints this"
        found = json.loads(crossing(command).stdout)
        for key in filter(None, path.split(".")):
            found = found[int(key) if key.isdigit() else key]
        problem = json_matches(parse_shown_json(block.body), found)
        assert problem is None, f"{block}: {problem}"
    elif block.language == "sh":
        for line in block.body.splitlines():
            if line.startswith("crossing "):
                check_command_line(line.split("  #")[0].strip(), sandbox)
    elif block.language == "" and first.startswith("$ "):
        for command, shown in shell_commands(block.body):
            if command.startswith("cat "):
                continue
            result = crossing(command, stdin="q\n" if not shown else None)
            if not shown:
                assert result.exit_code == 0, (command, result.output)
                continue
            timing = re.compile(r"solved in [0-9.]+ s")
            found = timing.sub("solved in … s", result.output.replace(f"{sandbox}/", ""))
            assert text_matches(timing.sub("solved in … s", shown), found), (command, found)
    elif block.language == "":
        lines = re.sub(r"\n\s+", " ", block.body).splitlines()
        for line in lines:
            if re.search(r"\b[A-Z]{2,}\b", line):
                check_usage(line)
            else:
                assert crossing(line).exit_code == 0, line
    else:
        pytest.fail(f"{block}: an example of an unknown kind ('{block.info}')")
