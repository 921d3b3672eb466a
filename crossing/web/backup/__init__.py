"""Backups of the site's database, and restoring them (`crossing backup`, `crossing restore`).

A backup is every table of every installed app, read as one instant left it while the site
keeps writing (snapshot.py), into one portable file (fileformat.py, values.py) that restores
losslessly into an empty SQLite or PostgreSQL database (restore.py): the same rows, the same
ids, the same values, and ids never handed out twice (sequences.py). docs/deployment.md says
what else to keep."""

from .errors import BackupError
from .fileformat import is_backup, read_contents
from .restore import RestoreSummary, restore_backup
from .take import BackupSummary, take_backup

__all__ = [
    "BackupError",
    "BackupSummary",
    "RestoreSummary",
    "is_backup",
    "read_contents",
    "restore_backup",
    "take_backup",
]
