"""The backup file: gzip-compressed JSON Lines, one format for SQLite and PostgreSQL.

    {"format": "crossing-backup", "version": 1, "taken": ..., "migrations": [[app, name], ...], ...}
    {"table": "journey_endingcount", "columns": ["id", "story", ...], "rows": 2, "last_id": null}
    [1, "crossing-journey", "3", "home", 12]
    [2, "crossing-journey", "3", "caught", 5]
    {"table": ...}
    {"end": true, "tables": 5, "rows": 40}

The first line says what the file is and which migrations the database had; each table
follows with its rows in primary-key order, each row a JSON array in the order of
`columns`. Everything after the first line depends on the data only, so two backups of the
same data are identical after it. `last_id` is the highest automatic id the database had
handed out, where that is above every row's (rows were deleted), so a restored database
does not hand those ids out again. The last line says the file is complete: a file that
stops early, or whose gzip checksum fails, is refused before anything is restored."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import BackupError

FORMAT = "crossing-backup"
VERSION = 1
# The start of every backup file, once decompressed (see `is_backup`).
SIGNATURE = b'{"format":"crossing-backup"'

Migration = tuple[str, str]


@dataclass(frozen=True)
class Header:
    taken: str  # when the snapshot was taken, ISO 8601 in UTC
    database: str  # the vendor it was taken from: "sqlite" or "postgresql"
    crossing: str  # the version of Crossing that took it
    migrations: tuple[Migration, ...]  # the migrations applied to the database, sorted


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: int
    last_id: int | None = None


@dataclass
class Contents:
    """What a whole, readable backup file holds (the rows are read again to restore them)."""

    header: Header
    tables: list[Table] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


class BackupWriter:
    """Writes a backup file to `file`, compressed: the header, then each table and its rows,
    then `finish()`."""

    def __init__(self, file: BinaryIO, header: Header) -> None:
        # No name and no time in the gzip header: it would only leak the temporary name.
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=file, mtime=0)
        self._tables = 0
        self._rows = 0
        self._gzip.write(
            _line(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "taken": header.taken,
                    "database": header.database,
                    "crossing": header.crossing,
                    "migrations": [list(migration) for migration in header.migrations],
                }
            )
        )

    def table(self, table: Table) -> None:
        self._tables += 1
        self._gzip.write(
            _line(
                {
                    "table": table.name,
                    "columns": list(table.columns),
                    "rows": table.rows,
                    "last_id": table.last_id,
                }
            )
        )

    def row(self, values: list[Any]) -> None:
        self._rows += 1
        self._gzip.write(_line(values))

    def finish(self) -> None:
        self._gzip.write(_line({"end": True, "tables": self._tables, "rows": self._rows}))
        self._gzip.close()  # writes gzip's checksum and length; `file` stays open


def is_backup(head: bytes) -> bool:
    """Whether `head`, the first bytes of a file, starts a backup file."""
    try:
        text = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(SIGNATURE))
    except zlib.error:
        return False
    return text == SIGNATURE


def read_contents(path: Path) -> Contents:
    """Read the whole file, checking it: its header, and every table and row."""
    items = read_backup(path)
    header = next(items)
    assert isinstance(header, Header)
    contents = Contents(header)
    contents.tables.extend(item for item in items if isinstance(item, Table))
    return contents


def read_backup(path: Path) -> Iterator[Header | Table | list[Any]]:
    """The header, then each table followed by its rows (lists of column values, as written).

    Raises BackupError, naming the file and the line, for a file that is not a backup, is
    damaged or truncated, or is in a later format. A problem is found where it is, maybe
    after many rows: a consumer must be able to undo what it did with them (a transaction),
    or read the whole file first (`read_contents`)."""
    reader = _Reader(path)
    try:
        yield from reader.items()
    except BackupError as error:
        # Damaged compressed data can give garbled lines before gzip's checksum fails at the
        # end: then blame the damage, not the lines.
        if damage := reader.damage():
            raise BackupError(reader.damaged(damage)) from error
        raise
    except OSError as error:  # gzip's own errors are OSErrors, and a file that cannot be read
        raise BackupError(reader.unreadable(error)) from error
    except (EOFError, zlib.error) as error:
        raise BackupError(reader.damaged(error)) from error


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.line = 0
        self.table: Table | None = None

    def items(self) -> Iterator[Header | Table | list[Any]]:
        with gzip.open(self.path, "rb") as file:
            lines = iter(file)
            yield self._header(next(lines, b""))
            total_rows = tables = 0
            while True:
                item = self._next(lines, "the end line")
                if isinstance(item, dict) and item.get("end") is True:
                    if (item.get("tables"), item.get("rows")) != (tables, total_rows):
                        raise self._error("the end line does not match the tables and rows")
                    break
                table = self.table = self._table(item)
                tables += 1
                yield table
                for number in range(1, table.rows + 1):
                    row = self._next(lines, f"row {number} of {table.rows} of table {table.name}")
                    if not isinstance(row, list) or len(row) != len(table.columns):
                        raise self._error(f"expected a row of {len(table.columns)} values")
                    total_rows += 1
                    yield row
                self.table = None
            if next(lines, None) is not None:
                self.line += 1
                raise self._error("there is more after the end line")

    def _next(self, lines: Iterator[bytes], expected: str) -> Any:
        raw = next(lines, None)
        if raw is None or not raw.endswith(b"\n"):
            raise BackupError(
                f"'{self.path}' is truncated: it stops before {expected} (line {self.line + 1}); "
                "nothing was restored; use another copy of the backup"
            )
        self.line += 1
        try:
            return json.loads(raw)
        except ValueError as error:  # not JSON, or not UTF-8
            raise self._error(f"this line is not JSON ({error})") from error

    def _header(self, raw: bytes) -> Header:
        self.line = 1
        try:
            item = json.loads(raw)
        except ValueError:
            item = None
        if not isinstance(item, dict) or item.get("format") != FORMAT:
            raise BackupError(self._not_a_backup() + (" (it is empty)" if not raw else ""))
        version = item.get("version")
        if not isinstance(version, int):
            raise self._error("the header has no format version")
        if version > VERSION:
            raise BackupError(
                f"'{self.path}' is a backup in format {version}, which this version of Crossing "
                f"cannot read (it reads format {VERSION}): restore it with the version of "
                "Crossing that wrote it, or a newer one"
            )
        try:
            migrations = tuple(sorted((str(app), str(name)) for app, name in item["migrations"]))
            return Header(
                str(item["taken"]), str(item["database"]), str(item["crossing"]), migrations
            )
        except (KeyError, TypeError, ValueError) as error:
            raise self._error(f"the header is incomplete ({error!r})") from error

    def _table(self, item: Any) -> Table:
        try:
            name, columns, rows = item["table"], item["columns"], item["rows"]
            last_id = item.get("last_id")
        except (KeyError, TypeError) as error:
            raise self._error("expected a table, or the end line") from error
        valid = (
            isinstance(name, str)
            and isinstance(columns, list)
            and all(isinstance(column, str) for column in columns)
            and isinstance(rows, int)
            and rows >= 0
            and (last_id is None or isinstance(last_id, int))
        )
        if not valid:
            raise self._error("expected a table, or the end line")
        return Table(name, tuple(columns), rows, last_id)

    def _not_a_backup(self) -> str:
        return f"'{self.path}' is not a Crossing backup: give a file written by `crossing backup`"

    def _error(self, problem: str) -> BackupError:
        return BackupError(
            f"'{self.path}' is damaged: line {self.line}: {problem}; nothing was restored; "
            "use another copy of the backup"
        )

    def damage(self) -> Exception | None:
        """What is wrong with the compressed data as a whole, if anything."""
        try:
            with gzip.open(self.path, "rb") as file:
                while file.read(1 << 20):
                    pass
        except (OSError, EOFError, zlib.error) as error:
            return error
        return None

    def damaged(self, error: Exception) -> str:
        where = f", in table {self.table.name}" if self.table else ""
        return (
            f"'{self.path}' is damaged: its compressed data is corrupt or cut short after "
            f"line {self.line}{where} ({error}); nothing was restored; use another copy of "
            "the backup"
        )

    def unreadable(self, error: OSError) -> str:
        if isinstance(error, gzip.BadGzipFile) and self.line == 0:
            return self._not_a_backup() + " (it is not gzip-compressed)"
        if isinstance(error, gzip.BadGzipFile):
            return self.damaged(error)
        return f"cannot read '{self.path}': {error.strerror or error}"
