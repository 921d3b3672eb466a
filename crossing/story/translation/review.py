"""`crossing translate check`: every unit of a story against its catalogue entry, reported
at the line a translator must look at — missing (no entry, or an empty one), outdated (the
source words changed since, or the entry is marked fuzzy) and mismatched (the translation
does not keep the source's conditions, values, citations or markup)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Message

from ..loader import shown_path
from .extract import catalogue_folder, story_groups
from .markup import differences
from .pofiles import entries, read
from .units import Unit

KINDS = ("missing", "outdated", "mismatched")


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # one of KINDS, or "unused" (an entry for words the story no longer has)
    path: str
    line: int
    unit: str
    message: str

    def render(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.unit}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "path": self.path,
            "line": self.line,
            "unit": self.unit,
            "message": self.message,
        }


@dataclass(slots=True)
class Review:
    locale: str
    units: int = 0
    words: int = 0  # of the source, counted as a translator is paid: by spaces
    current: int = 0  # translated, up to date and matching
    findings: list[Finding] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(finding.kind == kind for finding in self.findings)

    @property
    def ok(self) -> bool:
        return not any(self.count(kind) for kind in KINDS)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(kind)} {kind}" for kind in KINDS)
        unused = self.count("unused")
        return (
            f"{self.locale}: {self.current} of {self.units} units translated and current; "
            f"{counts}" + (f"; {unused} unused" if unused else "")
        )


def _line(message: Message) -> int:
    return message.lineno or 1


def _finding(unit: Unit, message: Message | None, shown: str) -> Finding | None:
    """What is wrong with the entry `message` for `unit` in the catalogue `shown`, if
    anything."""
    if message is None:
        where = unit.spans[0]
        hint = f"no entry in {shown}; run `crossing translate update`"
        return Finding("missing", where.path, where.line, unit.id, hint)
    if message.id != unit.source:
        kind, why = (
            "outdated",
            (
                f"the source words changed at {unit.spans[0].path}:{unit.spans[0].line}; "
                "run `crossing translate update`, then review the translation"
            ),
        )
    elif not message.string:
        kind, why = "missing", "not translated yet"
    elif message.fuzzy:
        kind, why = (
            "outdated",
            (
                "the source changed (see #| msgid): review the translation, then remove the "
                "'fuzzy' flag"
            ),
        )
    elif problems := differences(unit.source, str(message.string)):
        kind, why = "mismatched", "; ".join(problems)
    else:
        return None
    return Finding(kind, shown, _line(message), unit.id, why)


def review(story: Path, locale: str, allow_include: Sequence[Path] = ()) -> Review:
    groups, _project = story_groups(story, tuple(allow_include))
    folder = catalogue_folder(story, locale)
    result = Review(locale)
    for group in groups:
        path = folder / f"{group.name}.po"
        shown = shown_path(path)
        by_unit = {m.context: m for m in entries(read(path, locale))} if path.is_file() else {}
        for unit in group.units:
            result.units += 1
            result.words += len(unit.source.split())
            message = by_unit.pop(unit.id, None)
            found = _finding(unit, message, shown)
            if found is None:
                result.current += 1
            else:
                result.findings.append(found)
        for unit_id, message in by_unit.items():
            result.findings.append(
                Finding(
                    "unused",
                    shown,
                    _line(message),
                    str(unit_id),
                    "the story no longer has these words; `crossing translate update` keeps "
                    "the entry as obsolete (#~)",
                )
            )
    return result
