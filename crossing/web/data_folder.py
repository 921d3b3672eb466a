"""When the data folder (CROSSING_DATA_DIR) cannot be written: read-only, full, someone
else's, or a file where a folder should be. Each message names the path and says what to do;
`crossing` prints it and exits 1 (crossing/cli.py), never a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import pwd
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from crossing.web.setup_error import SetupError

NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
NO_PERMISSION = {errno.EACCES, errno.EPERM}
NOT_A_FOLDER = {errno.ENOTDIR, errno.EEXIST}
# The errors that say "this place cannot be written", which the operator can fix; any other
# OSError is a bug and keeps its traceback for the report.
WRITE_ERRORS = NO_SPACE | NO_PERMISSION | NOT_A_FOLDER | {errno.EROFS, errno.EIO}


class DataFolderError(SetupError):
    """The data folder, or a file in it, cannot be written."""


def user() -> str:
    """The user crossing runs as, for "give the user … write access"."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:  # a uid with no name, as in some containers
        return f"with uid {os.geteuid()}"


def _status(path: Path) -> os.stat_result | None:
    """The file's status; None where it is missing or may not be looked at."""
    try:
        return path.stat()
    except OSError:
        return None


def nearest_existing(path: Path) -> Path:
    """`path`, or the folder above it that exists: where write access must be given."""
    while _status(path) is None and path != path.parent:
        path = path.parent
    return path


def reason(error: OSError) -> str:
    """The system's words for the error, as in "(read-only file system)"."""
    return (error.strerror or str(error)).lower()


def remedy(code: int | None, path: Path, *, within: Path | None = None) -> str:
    """What the operator can do about error number `code` when writing `path`; `within`,
    the folder whose whole tree the user must be able to write (the data folder, say)."""
    elsewhere = "or set CROSSING_DATA_DIR to a folder"
    if code in NOT_A_FOLDER and (blocker := file_in_the_way(path)):
        return f"{blocker} is a file, not a folder; move it away, {elsewhere} elsewhere"
    if code == errno.ENOSPC:
        return f"free some space on its disk, {elsewhere} on another disk"
    if code == errno.EDQUOT:
        return f"raise the disk quota of the user {user()}, {elsewhere} on another disk"
    if code == errno.EFBIG:
        return f"raise the file size limit (ulimit -f) of the user {user()}, {elsewhere} elsewhere"
    if code == errno.EROFS:
        return f"mount its file system read-write, {elsewhere} on a writable one"
    if code == errno.EIO:
        return f"check the disk (it may be full or failing), {elsewhere} on another disk"
    if within is not None:
        return (
            f"give the user {user()} write access to {within} and everything in it "
            f"(chown -R {user()} {within}), {elsewhere} it can write to"
        )
    where = nearest_existing(path)
    return f"give the user {user()} write access to {where}, {elsewhere} it can write to"


def file_in_the_way(path: Path) -> Path | None:
    """The file that stands where `path`, or a folder above it, should be a folder."""
    for candidate in (path, *path.parents):
        if status := _status(candidate):
            return None if stat.S_ISDIR(status.st_mode) else candidate
    return None


def cannot_write(path: Path, error: OSError, *, within: Path | None = None) -> DataFolderError:
    what_to_do = remedy(error.errno, path, within=within)
    return DataFolderError(f"cannot write to {path} ({reason(error)}): {what_to_do}")


def make_folder(path: Path) -> Path:
    """Create `path` and the folders above it, if they are missing; explain a failure."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(
            f"cannot create the folder {path} ({reason(error)}): {remedy(error.errno, path)}"
        ) from error
    return path


def check_writable(folder: Path) -> None:
    """Write, sync and remove a small file in `folder`. A site that cannot keep what readers
    send should say so when it starts, not at the first reader's report."""
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=".write-check.", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(b"Crossing checks that it can write here.\n")
                file.flush()
                os.fsync(file.fileno())
        finally:
            with contextlib.suppress(OSError):
                Path(name).unlink()
    except OSError as error:
        raise DataFolderError(
            f"cannot write to the data folder {folder} ({reason(error)}): "
            f"{remedy(error.errno, folder)}"
        ) from error


def explain(error: OSError, folder: Path) -> DataFolderError | None:
    """The message for `error` if it is a failure to write in `folder` (a file it names, or
    no file named at all: the write was somewhere in `folder`); None for anything else."""
    if error.errno not in WRITE_ERRORS:
        return None
    path = Path(os.fsdecode(error.filename)) if error.filename else folder
    if not path.absolute().is_relative_to(folder):
        return None
    return cannot_write(path, error, within=folder)


@contextlib.contextmanager
def writes_to(folder: Path) -> Iterator[None]:
    """Turn a failure to write in `folder` (the data folder, or one in it) into a
    DataFolderError that names the file; other errors pass through."""
    try:
        yield
    except OSError as error:
        if explained := explain(error, folder):
            raise explained from error
        raise
