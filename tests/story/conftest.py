"""Fixtures: stories written into a temporary folder that is also the working folder, so
diagnostics show short paths such as 'main.story'."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from crossing.story import CompiledStory, Loaded, load_source

from .helpers import dedent

Write = Callable[[str, "str | bytes"], Path]
Load = Callable[..., Loaded]
Compile = Callable[..., CompiledStory]


@pytest.fixture
def story_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(story_dir: Path) -> Write:
    """Write a file (text is dedented) below the story folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = story_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(dedent(content), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def load(write: Write) -> Load:
    """Write main.story (and any other files, given by name) and load it."""

    def _load(text: str, files: dict[str, str | bytes] | None = None) -> Loaded:
        for name, content in (files or {}).items():
            write(name, content)
        return load_source(write("main.story", text))

    return _load


@pytest.fixture
def compile_story(load: Load) -> Compile:
    """Like `load`, but the story must compile without errors."""

    def _compile(text: str, files: dict[str, str | bytes] | None = None) -> CompiledStory:
        loaded = load(text, files)
        assert loaded.story is not None, [
            (d.code, d.position, d.message) for d in loaded.diagnostics
        ]
        return loaded.story

    return _compile
