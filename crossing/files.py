"""Writing the files the commands make (`-o FILE`): whole or not at all, never over a source.

A file is written to a temporary file in the same folder, flushed, synced to disk and then
renamed over the target (`os.replace`), so a full disk or a crash leaves the old file whole;
the temporary file is removed on any failure."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

# How much of an existing file is read to recognise a previous output.
SIGNATURE_BYTES = 4096


class OutputError(Exception):
    """The output cannot or must not be written; the message says why and what to do.

    `exit_code` is 2 when the command was used wrongly (a story source, another file, a
    missing folder) and 1 when writing failed (a full disk, no permission)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_output(
    output: Path,
    sources: Iterable[Path],
    is_previous: Callable[[bytes], bool],
    command: str,
) -> None:
    """Refuse an output that is one of the story's `sources`, or an existing file that
    `is_previous` (given its first bytes) does not recognise as an earlier output of `command`."""
    target = output.resolve()
    if target in {Path(source).resolve() for source in sources}:
        raise OutputError(
            f"'{output}' is a file of the story: {command} would overwrite it; "
            "choose another output file",
            exit_code=2,
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"no folder '{output.parent}': create it first", exit_code=2)
    if not output.exists():
        return
    if not output.is_file():
        raise OutputError(f"'{output}' is not a file: choose another output file", exit_code=2)
    try:
        with output.open("rb") as file:
            head = file.read(SIGNATURE_BYTES)
    except OSError as error:
        raise OutputError(f"cannot read '{output}' to check it: {error.strerror}", 2) from error
    if not is_previous(head):
        raise OutputError(
            f"'{output}' exists and was not written by {command}: not overwriting it; "
            "remove it first or choose another output file",
            exit_code=2,
        )


def write_atomic(output: Path, text: str) -> int:
    """Write `text` (UTF-8) to `output` whole or not at all; return the size in bytes."""
    data = text.encode("utf-8")
    with atomic_writer(output) as file:
        file.write(data)
    return len(data)


@contextlib.contextmanager
def atomic_writer(output: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary file that becomes `output` when the block ends without an error, whole or
    not at all (for outputs too large to hold in memory). `mode` is the file's permissions;
    by default those of an ordinary new file (the umask's), not mkstemp's 0600."""
    folder = output.parent
    if not folder.is_dir():
        raise OutputError(f"no folder '{folder}': create it first", exit_code=2)
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as error:  # a folder one cannot write to
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write '{output}': {reason}; nothing was changed") from error
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
            temporary.chmod(0o666 & ~_umask() if mode is None else mode)
        temporary.replace(output)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise OutputError(f"cannot write '{output}': {reason}; nothing was changed") from error
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
