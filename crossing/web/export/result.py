"""What a build reports, and its one kind of error."""

from __future__ import annotations

from dataclasses import dataclass


class ExportError(Exception):
    """A page could not be rendered, or the output folder is not ours to replace."""


@dataclass(frozen=True, slots=True)
class Export:
    pages: int  # HTML pages
    figures: int  # SVG figure files
    files: int  # every file written, static files included
    bytes: int
    seconds: float
    rendered: int = 0  # pages rendered by this build
    reused: int = 0  # pages copied from the previous export, their inputs unchanged
