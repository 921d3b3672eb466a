"""`crossing build --out DIR` is safe to point at a folder a web server serves: readable by
other users, swapped in atomically (even when the build is killed), stale staging folders
cleaned up, the root's dotfiles and CNAME kept, `--out .` and symlinks handled."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.web.export import MARKER, build_site

ROOT = Path(__file__).resolve().parents[2]
OLD = "old-site.txt"  # a file only the old site holds, to tell the two apart


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup: None, django_db_blocker: Any
) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    with django_db_blocker.unblock():
        build_site(out)
    return out


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def old_site(built: Path, out: Path) -> Path:
    """A copy of a whole export at `out`, marked as the old one."""
    shutil.copytree(built, out)
    (out / OLD).write_text("old")
    return out


def whole(out: Path, built: Path) -> str:
    """'old' or 'new' when `out` holds a whole site, else fails."""
    assert out.is_dir() and not out.is_symlink(), f"no site at {out}"
    files = listing(out) - {OLD}
    assert files == listing(built), "half a site"
    return "old" if (out / OLD).exists() else "new"


def test_the_export_is_readable_by_other_users(built: Path) -> None:
    """A web server running as another user must read it: folders 0755, files 0644."""
    assert stat.S_IMODE(built.stat().st_mode) == 0o755
    for path in built.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path


def test_the_export_is_readable_by_others_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0o077)
    try:
        build_site(tmp_path / "site")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "site" / "index.html").stat().st_mode) == 0o644


def test_cname_git_and_dotfiles_at_the_root_survive_a_rebuild(built: Path, tmp_path: Path) -> None:
    out = old_site(built, tmp_path / "site")
    (out / "CNAME").write_text("crossing.example.org\n")
    (out / ".nojekyll").write_text("")
    (out / ".git" / "refs").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    build_site(out)
    assert not (out / OLD).exists()  # rebuilt
    assert (out / "CNAME").read_text() == "crossing.example.org\n"
    assert (out / ".nojekyll").exists() and (out / ".git" / "refs").is_dir()
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"


def test_out_dot_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for out in (".", str(tmp_path), ".."):
        result = CliRunner().invoke(cli, ["build", "--out", out])
        assert result.exit_code == 1, result.output
        assert "error: " in result.output and "current folder" in result.output
        assert "internal error" not in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_file_as_out_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file")
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path / "site")])
    assert result.exit_code != 0 and "internal error" not in result.output


def test_a_symlinked_out_is_built_into_its_target(built: Path, tmp_path: Path) -> None:
    target = old_site(built, tmp_path / "releases" / "site")
    link = tmp_path / "site"
    link.symlink_to(target, target_is_directory=True)
    build_site(link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert whole(target, built) == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["releases", "site"]
    assert [p.name for p in target.parent.iterdir()] == ["site"]


# -- a build killed with SIGKILL at points of the swap (a real kill, in a subprocess) --

KILLED = """
import os, signal, sys
from pathlib import Path

from crossing.web.serve import setup_django

setup_django()
from crossing.web import export
from crossing.web.export import folder


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


point = sys.argv[2]
exchange, rename = folder._exchange, Path.rename
if point == "before-swap":  # the new site whole in its staging folder
    folder._swap = lambda staging, out: die()
elif point == "after-exchange":  # the two folders exchanged, the old one not yet removed
    folder._exchange = lambda a, b: exchange(a, b) and die()
elif point == "between-fallback-renames":  # no renameat2: old renamed away, new not in
    folder._exchange = lambda a, b: False
    Path.rename = lambda self, to: (rename(self, to), die())[0]
export.build_site(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("point", ["before-swap", "after-exchange", "between-fallback-renames"])
def test_a_build_killed_during_the_swap_leaves_a_whole_site(
    built: Path, tmp_path: Path, point: str
) -> None:
    out = old_site(built, tmp_path / "site")
    script = tmp_path / "killed.py"
    script.write_text(KILLED)
    # Its own data folder and SQLite database: a build migrates the database it is given
    # (comments are exported), and the suite's PostgreSQL database is the test runner's.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CROSSING_DATA_DIR"] = str(tmp_path / "var")
    run = subprocess.run(
        [sys.executable, str(script), str(out), point], cwd=ROOT, env=env, check=False
    )
    assert run.returncode == -9  # really killed, at that point
    shutil.rmtree(tmp_path / "var")
    script.unlink()
    if point == "between-fallback-renames":
        # The only swap that is not atomic (where renameat2 is missing): the old site is
        # whole beside DIR, and the next build puts it back first.
        from crossing.web.export import _recover

        assert not out.exists()
        _recover(out)
    assert whole(out, built) == ("new" if point == "after-exchange" else "old")
    build_site(out)  # the next build cleans up what the killed one left
    assert whole(out, built) == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert (out / MARKER).exists()
