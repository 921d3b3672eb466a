"""Reading story files: bytes in, text and lines out, or a diagnostic saying why not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Position

# A story file larger than this is refused rather than parsed (it is surely a mistake).
MAX_FILE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # as shown in diagnostics
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def decode(path: str, data: bytes) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Decode UTF-8 story text; binary or mis-encoded input becomes a diagnostic."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            Diagnostic(
                "E018",
                "this looks like a binary file, not story text (it contains a NUL byte)",
                Position(path, line, 1),
                "story files are plain UTF-8 text",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(
                "E018",
                f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                Position(path, line, col),
                "save the file as UTF-8",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path, text), []


def read(path: Path, shown_as: str) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Read a file from disk; missing, unreadable or oversized files become diagnostics."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Diagnostic(
                    "E018",
                    f"the file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})",
                    Position(shown_as, 1, 1),
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic("E012", f"cannot read '{shown_as}': {exc.strerror}", None)]
    return decode(shown_as, data)
