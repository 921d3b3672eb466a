"""The site's kept secret key (var/secret_key): created whole by the first of many processes
starting at once, refused when empty, and a warning when others can read it."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from crossing.web.environment import SecretKeyError, secret_key

PROCESSES = 32
ROUNDS = 40


def _start(folder: str, barrier: Barrier, results: multiprocessing.Queue[str]) -> None:
    os.environ.pop("CROSSING_SECRET_KEY", None)
    barrier.wait()
    try:
        results.put(secret_key(Path(folder)))
    except Exception as error:  # reported, so the test shows what went wrong
        results.put(f"failed: {error!r}")


def test_processes_starting_at_once_all_get_the_same_key(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_ in range(ROUNDS):
        folder = tmp_path / str(round_)
        folder.mkdir()
        barrier = context.Barrier(PROCESSES)
        results: multiprocessing.Queue[str] = context.Queue()
        processes = [
            context.Process(target=_start, args=(str(folder), barrier, results))
            for _ in range(PROCESSES)
        ]
        for process in processes:
            process.start()
        keys = [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert len(set(keys)) == 1, f"round {round_}: {sorted(set(keys))}"
        assert len(keys[0]) >= 50, f"round {round_}: {keys[0]!r}"
        assert (folder / "secret_key").read_text().strip() == keys[0]
        assert (folder / "secret_key").stat().st_mode & 0o777 == 0o600
        assert sorted(p.name for p in folder.iterdir()) == ["secret_key"], "no temporary left"


def test_an_empty_key_is_refused_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CROSSING_SECRET_KEY", raising=False)
    path = tmp_path / "secret_key"
    path.write_text("\n")
    path.chmod(0o600)
    with pytest.raises(SecretKeyError) as raised:
        secret_key(tmp_path)
    message = str(raised.value)
    assert f"the secret key file {path} is empty" in message
    assert f"delete {path}" in message and "CROSSING_SECRET_KEY" in message


def test_an_unreadable_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSING_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").mkdir()  # unreadable as a file, even for root
    with pytest.raises(SecretKeyError, match="cannot read the secret key file"):
        secret_key(tmp_path)


def test_a_key_readable_by_others_is_used_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CROSSING_SECRET_KEY", raising=False)
    path = tmp_path / "secret_key"
    path.write_text("k" * 60 + "\n")
    path.chmod(0o644)
    with pytest.warns(UserWarning, match=r"can be read by other users \(mode 644\)"):
        assert secret_key(tmp_path) == "k" * 60
    path.chmod(0o600)
    assert secret_key(tmp_path) == "k" * 60
