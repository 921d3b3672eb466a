"""Something built from the content folder and rebuilt when a file in it changes, looked
for at most once a second: so that editors see an edit on their next reload."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
RECHECK_SECONDS = 1.0


def newest_change(folder: Path) -> float:
    """The latest modification time of any file under `folder` (0 if there is none)."""
    return max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)


class Reloading(Generic[T]):
    def __init__(self, folder: Path, build: Callable[[], T]) -> None:
        self.folder, self.build = folder, build
        self._lock = threading.Lock()
        self._current: T | None = None
        self._stamp = 0.0
        self._checked = 0.0

    @property
    def stamp(self) -> float:
        """The modification time the current value was built from."""
        return self._stamp

    def get(self) -> T:
        now = time.monotonic()
        if self._current is not None and now - self._checked < RECHECK_SECONDS:
            return self._current
        with self._lock:
            self._checked = now
            stamp = newest_change(self.folder)
            if self._current is None or stamp != self._stamp:
                self._current = self.build()  # on failure, the next request tries again
                self._stamp = stamp
            return self._current
