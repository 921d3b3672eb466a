"""Diagnostics: what the parser and checker say about a story, and how it is shown.

Every problem carries a code (E0xx errors, W1xx warnings), a position and, where we can
guess the fix, a hint. The text form follows modern compilers:

    path:line:col: error[E004]: unknown scene 'bus_stp'
       |
     12 | * Take the bus -> bus_stp
       |                   ^^^^^^^
       = hint: did you mean 'bus_stop'?
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a source file: 1-based line and column, and the width to underline."""

    path: str
    line: int
    col: int
    width: int = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    position: Position | None
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.code.startswith("W") else Severity.ERROR

    def to_json(self) -> dict[str, object]:
        pos = self.position
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "path": pos.path if pos else None,
            "line": pos.line if pos else None,
            "col": pos.col if pos else None,
            "width": pos.width if pos else None,
            "hint": self.hint,
        }


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, if one is close enough."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    pos = diagnostic.position
    if pos is None:
        return ("", 0, 0, diagnostic.code)
    return (pos.path, pos.line, pos.col, diagnostic.code)


def render(diagnostic: Diagnostic, lines_of: dict[str, list[str]]) -> str:
    """The diagnostic as text, with the source line and a caret under the problem."""
    pos = diagnostic.position
    head = f"{diagnostic.severity.value}[{diagnostic.code}]: {diagnostic.message}"
    if pos is None:
        out = [head]
    else:
        out = [f"{pos.path}:{pos.line}:{pos.col}: {head}"]
        lines = lines_of.get(pos.path, [])
        if 1 <= pos.line <= len(lines):
            source = lines[pos.line - 1].replace("\t", " ")
            gutter = " " * len(str(pos.line))
            width = max(1, min(pos.width, len(source) - pos.col + 1))
            out.append(f"{gutter} |")
            out.append(f"{pos.line} | {source}")
            out.append(f"{gutter} | {' ' * (pos.col - 1)}{'^' * width}")
    if diagnostic.hint:
        indent = " " * (len(str(pos.line)) + 1) if pos else ""
        out.append(f"{indent}= hint: {diagnostic.hint}")
    return "\n".join(out)


def summary(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
