"""Pausing Python's cycle collector while the engine builds large acyclic structures.

Loading a story or preparing it for play allocates hundreds of thousands of small objects
(syntax nodes, records, closures) and no reference cycles, so the collector's full passes
find nothing to free yet cost a third of the time at 5,000 scenes (docs/performance.md).
Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
