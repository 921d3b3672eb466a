"""Computed odds, kept in the data folder's cache/ by the story's hash.

The analysis takes seconds, so each result is kept for the next start and the other
workers. It is only a cache: a folder that cannot be written (read-only, full) is logged
and the odds are computed again next time; a reader's page never fails for it. `crossing
serve` checks at start that the folder takes writes (crossing/web/serve.py)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def read(path: Path) -> Any | None:
    """What was kept at `path`, or None when nothing (readable) is there."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def keep(path: Path, data: object) -> None:
    """Write `data` as JSON, atomically: workers starting together never read half a file."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        log.warning("could not keep %s (%s); it will be computed again", path, error)
        with contextlib.suppress(OSError):  # there may be no folder to hold it at all
            temporary.unlink(missing_ok=True)
