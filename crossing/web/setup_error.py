"""The one kind of error an operator fixes, not a developer.

A data folder that cannot be written, a secret key that cannot be read, a setting that holds
no number, an unknown proxy, a database that refuses writes: each is a SetupError (or one of
its kinds) whose message names what is wrong and what to do. `crossing` prints the message
on one line and exits 1 (crossing/cli.py), never with a traceback."""

from __future__ import annotations


class SetupError(Exception):
    """The site cannot start as set up; the message names the thing and what to do."""
