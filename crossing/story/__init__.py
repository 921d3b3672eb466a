"""The Crossing story engine: language, checker, compiler and runtime. It knows nothing of
the web (it never imports Django) so the site, the CLI and the tests all use it alike.

    loaded = load_source(Path("examples/market-day"))    # parse and check
    if loaded.story:                                      # compiled only if no errors
        session, steps = Session.begin(Program(loaded.story), seed=7)
"""

from __future__ import annotations

from .api import Loaded, load_any, load_source
from .compiled import CompiledStory
from .runtime import Program, Session, Step

__all__ = ["CompiledStory", "Loaded", "Program", "Session", "Step", "load_any", "load_source"]
