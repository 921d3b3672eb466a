"""A data file in another language: `data/timeline.ko.csv` beside `data/timeline.csv`.

The translation is the source file with only its words changed: the same `# source:`
lines, as many `# note:` lines (translated), the same header, the same rows in the same
order, and in every column that is not words (numbers, qualifiers, confidence, source
keys) the same cell, so a chart in any language is drawn from the same figures. Anything
else is E242 at the translation's `file:line:col`, and the figure then keeps the source's
words (a reader never sees a chart whose numbers were changed in translation).
"""

from __future__ import annotations

from pathlib import Path

from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.loader import shown_path

from .data import DataFile, read_data

MISMATCH = "E242"
# The columns a translation rewrites (rows.COLUMNS): labels, dates written as words,
# descriptions, remarks and who gives a figure. Every other column is data.
WORD_COLUMNS = frozenset({"label", "span", "remark", "what", "by", "date", "event"})


def translation_path(path: Path, locale: str) -> Path:
    """data/timeline.csv -> data/timeline.ko.csv"""
    return path.with_name(f"{path.stem}.{locale}{path.suffix}")


def translated_data(
    source: DataFile, path: Path, locale: str
) -> tuple[DataFile | None, list[Diagnostic]]:
    """The translation of the data file `source` (read from `path`) in `locale`: None
    when there is none, or when it differs from the source in more than its words
    (each difference reported)."""
    other = translation_path(path, locale)
    if not other.exists():
        return None, []
    translated, problems = read_data(other, shown_path(other))
    if translated is None or problems:
        return None, problems
    problems = compare(source, translated)
    return (None if problems else translated), problems


def compare(source: DataFile, translated: DataFile) -> list[Diagnostic]:
    """Every way `translated` differs from `source` in more than its words."""
    problems: list[Diagnostic] = []
    name = Path(source.path).name  # the file beside the translation

    def report(where: Position, message: str, hint: str | None = None) -> None:
        problems.append(Diagnostic(MISMATCH, message, where, hint))

    start = Position(translated.path, 1, 1)
    wanted = [cell.text for cell in source.sources]
    if [cell.text for cell in translated.sources] != wanted:
        where = translated.sources[0].position if translated.sources else start
        report(
            where,
            f"the translation names other sources than {name}",
            f"copy its '# source:' lines unchanged: {', '.join(wanted)}",
        )
    if len(translated.notes) != len(source.notes):
        report(
            start,
            f"the translation has {len(translated.notes)} '# note:' lines; "
            f"{name} has {len(source.notes)}",
            "translate each note on its own line, in the same order",
        )
    if translated.columns != source.columns:
        report(
            translated.header,
            f"the header differs from {name}'s",
            f"copy it unchanged: {','.join(source.columns)}",
        )
        return problems
    if len(translated.rows) != len(source.rows):
        report(
            translated.header,
            f"the translation has {len(translated.rows)} rows; {name} has {len(source.rows)}",
            "translate every row, in the same order, and add none",
        )
        return problems
    for original, row in zip(source.rows, translated.rows, strict=True):
        for column in source.columns:
            was, now = original.text(column), row.text(column)
            if column in WORD_COLUMNS:
                if was and not now:
                    report(row.cells[column].position, f"the '{column}' cell is empty")
            elif now != was:
                report(
                    row.cells[column].position,
                    f"'{column}' is '{now}' here but '{was}' in {name}:{original.line}",
                    "only words are translated: numbers, qualifiers and sources stay as written",
                )
    return problems
