"""The output folder: written beside the old one and swapped in whole (the package's notes
say how), readable by a web server, and what killed builds left behind cleaned up."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .result import ExportError

MARKER = ".crossing-export"  # marks a folder this command may replace
STAGING = "crossing-build"  # .NAME.crossing-build-PID-XXXX: a build being written
OLD = "crossing-old"  # .NAME.crossing-old-PID: the old site, during the fallback swap
KEEP = ("CNAME",)  # besides dotfiles: kept at the export's root across rebuilds
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _target(out: Path) -> Path:
    """The real folder to write: symlinks followed (the link itself is never replaced);
    never the current folder or one holding it, which the swap would pull from under the
    shell."""
    target = out.resolve()
    here = Path.cwd().resolve()
    if not target.name or target == here or target in here.parents:
        raise ExportError(
            f"{out} is the current folder or holds it, which the build would replace: "
            "run it from the parent folder, e.g. `crossing build --out site`"
        )
    if target.exists() and not target.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    return target


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _leftovers(out: Path, kind: str) -> Iterator[tuple[Path, int]]:
    """Folders beside `out` that a build named `.NAME.KIND-PID...`, with their PID."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.{kind}-(\d+)(?:-.*)?")
    for path in out.parent.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_dir() and not path.is_symlink():
            yield path, int(match.group(1))


def _recover(out: Path) -> None:
    """Undo what killed builds left: the old site back if a fallback swap was cut between
    its two renames, then their staging and old folders removed."""
    for kind in (OLD, STAGING):
        for path, pid in _leftovers(out, kind):
            if pid == os.getpid() or _running(pid):
                continue  # a build still running beside us
            if kind == OLD and not out.exists() and (path / MARKER).exists():
                path.rename(out)
            else:
                shutil.rmtree(path, ignore_errors=True)


def _prepare(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ExportError(
            f"{out} is not empty and holds no earlier export: choose an empty or new folder"
        )
    prefix = f".{out.name}.{STAGING}-{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))


def _readable(folder: Path) -> None:
    """Folders 0755 and files 0644: a web server running as another user reads them."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):  # the build writes no symlinks
        path.chmod(0o755 if path.is_dir() else 0o644)


def _keep(out: Path, staging: Path) -> None:
    """CNAME and the dotfiles at the old export's root (`.git`, `.nojekyll`, ...), copied
    into the new one so that the swap keeps them."""
    if not out.is_dir():
        return
    for path in out.iterdir():
        if path.name == MARKER or not (path.name.startswith(".") or path.name in KEEP):
            continue
        copy = staging / path.name
        if copy.exists() or copy.is_symlink():
            continue  # written by this build
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, copy, symlinks=True)
        else:
            shutil.copy2(path, copy, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    text = ctypes.c_char_p
    renameat2.argtypes = [ctypes.c_int, text, ctypes.c_int, text, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`, so that `out` is the old or the new site at every
    instant (see the module's notes); the old site is then deleted."""
    if not out.exists():
        staging.rename(out)  # atomic; fails rather than replace a folder made meanwhile
    elif _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
    else:
        old = out.with_name(f".{out.name}.{OLD}-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        try:
            staging.rename(out)
        except BaseException:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)
