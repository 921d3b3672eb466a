"""requirements.lock pins what `make` installs: every dependency, one exact version, hashes.

A fresh machine then gets exactly what CI tested. These tests catch a pyproject.toml edited
without `make lock`, and a virtual environment that drifted from the lock."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ \\]+)")


def locked() -> dict[str, tuple[Version, int]]:
    """name -> (version, number of hashes), from requirements.lock."""
    pins: dict[str, tuple[Version, int]] = {}
    name = ""
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if match := PIN.match(line):
            name = canonicalize_name(match[1])
            pins[name] = (Version(match[2]), 0)
        elif line.strip().startswith("--hash=sha256:") and name:
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    texts = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["dev"],
        *project["build-system"]["requires"],
    ]
    return [Requirement(text) for text in texts]


def test_every_declared_dependency_is_pinned_within_its_range_with_hashes() -> None:
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock"
        version, hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name} {version}, outside {requirement.specifier}: "
            "run `make lock`"
        )
        assert hashes > 0, f"{name} has no hash in requirements.lock"


def test_every_pin_carries_a_hash() -> None:
    pins = locked()
    assert len(pins) > 20  # the whole tree, not only what pyproject names
    assert [name for name, (_, hashes) in pins.items() if hashes == 0] == []


def _installed(name: str) -> Version | None:
    try:
        return Version(metadata.version(name))
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.parametrize("name", sorted(locked()))
def test_the_environment_running_the_tests_is_the_locked_one(name: str) -> None:
    version, _ = locked()[name]
    assert _installed(name) == version, f"run `make` again: {name} differs from the lock"
