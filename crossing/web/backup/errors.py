"""The one error of backups and restores: a message for the operator, and an exit status."""

from __future__ import annotations


class BackupError(Exception):
    """A backup or restore that cannot go on. The message names the file or the database and
    says what to do; nothing was changed (a backup file is written whole or not at all, a
    restore loads every row in one transaction).

    `exit_code` is 2 when the command was used wrongly (a file that is not a backup as
    `--out`, a database that is not empty) and 1 when it failed (a damaged file, a database
    that cannot be reached)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def one_line(error: Exception) -> str:
    """A database's error message on one line (psycopg's run over several)."""
    return " ".join(str(error).split())
