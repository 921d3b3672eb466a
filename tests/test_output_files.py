"""`-o FILE` (compile, graph, bundle): written whole or not at all, never over a story source
or a file the command did not write, and a clear message when the folder is missing."""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.files import OutputError, write_atomic

ROOT = Path(__file__).resolve().parents[1]
CROSSING = str(Path(sys.executable).parent / "crossing")
EXAMPLE = ROOT / "examples" / "market-day"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "market-day"))


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(
    ("command", "source"),
    [
        ("compile", "main.story"),
        ("compile", "market.story"),  # an include
        ("compile", "sources.toml"),
        ("graph", "places.toml"),
        ("bundle", "market.story"),
        ("bundle", "main.story"),
    ],
)
def test_a_story_source_is_never_overwritten(story: Path, command: str, source: str) -> None:
    target = story / source
    before = target.read_bytes()
    if command == "graph":  # graph chooses its format by suffix: name the table as a .dot
        target = story / "places.dot"
        target.write_bytes(before)
        before = target.read_bytes()
        code, err = invoke(command, str(story / "main.story"), "-o", str(target))
        assert code == 2 and "was not written by crossing graph" in err
    else:
        code, err = invoke(command, str(story), "-o", str(target))
        assert code == 2, err
        assert f"'{target}' is a file of the story" in err and "choose another" in err
    assert target.read_bytes() == before
    assert "Traceback" not in err and "internal error" not in err


def test_bundle_of_a_story_file_onto_itself_is_refused(story: Path) -> None:
    main = story / "main.story"
    before = main.read_bytes()
    code, err = invoke("bundle", str(main), "-o", str(main))
    assert code == 2 and "is a file of the story" in err
    assert main.read_bytes() == before


@pytest.mark.parametrize(
    ("command", "name"), [("compile", "notes.json"), ("bundle", "notes.html"), ("graph", "x.svg")]
)
def test_another_existing_file_is_not_overwritten(story: Path, command: str, name: str) -> None:
    other = story.parent / name
    other.write_text("someone's own file\n", encoding="utf-8")
    code, err = invoke(command, str(story), "-o", str(other))
    assert code == 2, err
    assert f"'{other}' exists and was not written by crossing {command}" in err
    assert other.read_text(encoding="utf-8") == "someone's own file\n"


@pytest.mark.parametrize(
    ("command", "name"),
    [("compile", "out.json"), ("bundle", "out.html"), ("graph", "out.dot"), ("graph", "o.svg")],
)
def test_a_previous_output_is_replaced(story: Path, command: str, name: str) -> None:
    out = story.parent / name
    assert invoke(command, str(story), "-o", str(out))[0] == 0
    first = out.read_bytes()
    out.write_bytes(first[: len(first) // 2 + 600])  # still recognisably ours
    code, err = invoke(command, str(story), "-o", str(out))
    assert code == 0, err
    assert out.read_bytes() == first
    assert leftovers(story.parent) == []


@pytest.mark.parametrize("command", ["compile", "bundle", "graph"])
def test_a_missing_folder_is_explained(story: Path, command: str) -> None:
    out = story.parent / "no-such-folder" / "out.dot"
    code, err = invoke(command, str(story), "-o", str(out))
    assert code == 2
    assert f"no folder '{out.parent}': create it first" in err
    assert "internal error" not in err


def limited_to(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_failed_write_leaves_the_previous_output_whole(story: Path) -> None:
    """As on a full disk: a file that cannot be written in full (here, past a file-size limit)."""
    out = story.parent / "out.json"
    old = '{"format":"crossing-story","format_version":2,"old":true}\n'
    out.write_text(old, encoding="utf-8")
    result = subprocess.run(
        [CROSSING, "compile", str(story), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: limited_to(200),
    )
    assert result.returncode == 1
    assert f"error: cannot write '{out}': File too large; nothing was changed" in result.stderr
    assert "internal error" not in result.stderr
    assert out.read_text(encoding="utf-8") == old
    assert leftovers(story.parent) == []


def test_write_atomic_replaces_whole_and_keeps_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    assert write_atomic(out, "é\n") == 3
    assert out.read_text(encoding="utf-8") == "é\n"
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    with pytest.raises(OutputError, match="create it first") as raised:
        write_atomic(tmp_path / "missing" / "a.txt", "x")
    assert raised.value.exit_code == 2
    assert leftovers(tmp_path) == []


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask
