"""Where the site keeps its data, and the settings it reads from the environment.

Everything an operator may change is an environment variable (docs/deployment.md);
the defaults are safe for one person running `crossing serve` on their own machine."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
import warnings
from pathlib import Path

from crossing.web.data_folder import make_folder, reason, remedy, user
from crossing.web.setup_error import SetupError

TRUE = {"1", "true", "yes", "on"}


def flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in TRUE


def data_path() -> Path:
    """The folder for the database, the secret key and caches (CROSSING_DATA_DIR, else ./var)."""
    return Path(os.environ.get("CROSSING_DATA_DIR") or "var").resolve()


def data_dir() -> Path:
    """The data folder, created if missing (a DataFolderError says why it cannot be)."""
    return make_folder(data_path())


def content_dir() -> Path:
    """The editors' content tree (CROSSING_CONTENT_DIR, else ./content)."""
    return Path(os.environ.get("CROSSING_CONTENT_DIR") or "content").resolve()


class SecretKeyError(SetupError):
    """The kept secret key cannot be used; the message names the file and what to do."""


def secret_key(folder: Path) -> str:
    """CROSSING_SECRET_KEY, or a key generated on first run and kept in the data folder.

    Kept so that sessions and signed values survive a restart; readable by the owner only.
    The file appears whole or not at all: the key is written to a temporary file, synced,
    then linked to its name, which fails if another process got there first; that process's
    key is then read, so processes starting at once all get the same key."""
    if key := os.environ.get("CROSSING_SECRET_KEY"):
        return key
    path = folder / "secret_key"
    try:
        missing = not path.exists()
    except OSError as error:  # the folder may not be looked into
        raise _cannot_create(path, error) from error
    if missing:
        _create_key(path)
    return _read_key(path)


def _cannot_create(path: Path, error: OSError) -> SecretKeyError:
    return SecretKeyError(
        f"cannot create the secret key file {path} ({reason(error)}): "
        f"{remedy(error.errno, path.parent)}"
    )


def _create_key(path: Path) -> None:
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.", suffix=".tmp")
    except OSError as error:
        raise _cannot_create(path, error) from error
    temporary = Path(name)  # mkstemp makes it readable by the owner only
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(50) + "\n")
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):  # another process's key won
            os.link(temporary, path)
    except OSError as error:
        raise _cannot_create(path, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _read_key(path: Path) -> str:
    fix = (
        f"delete {path} and start again to generate a new key (signed-in editors are "
        "signed out), or set CROSSING_SECRET_KEY"
    )
    try:
        key = path.read_text(encoding="utf-8").strip()
        mode = path.stat().st_mode
    except PermissionError as error:  # someone else's file: the key is good, let it be read
        raise SecretKeyError(
            f"cannot read the secret key file {path} ({reason(error)}): give the user "
            f"{user()} read access to it (it should own it), or set CROSSING_SECRET_KEY"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) else "it is not text"
        raise SecretKeyError(f"cannot read the secret key file {path}: {why}; {fix}") from error
    if not key:
        raise SecretKeyError(f"the secret key file {path} is empty; {fix}")
    if mode & 0o077:
        warnings.warn(
            f"the secret key file {path} can be read by other users (mode "
            f"{stat.S_IMODE(mode):o}): run `chmod 600 {path}`",
            stacklevel=2,
        )
    return key


def csv_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


class SettingError(SetupError):
    """An environment variable holds a value the site cannot use; the message names it."""


def whole_number(name: str, default: int, *, of: str = "") -> int:
    """A whole number, 0 or more, from the environment variable `name` (`of` says of what:
    "megabytes", "seconds"), or `default` when it is unset or empty."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not (text.isascii() and text.isdigit()):  # no sign, fraction or unit
        what = f"a number of {of}" if of else "a whole number"
        raise SettingError(
            f"{name}={text!r} is not {what}: give a whole number, "
            f"0 or more (for example {name}={default}), or unset it for {default}"
        )
    return int(text)


def megabytes(name: str, default: int) -> int:
    return whole_number(name, default, of="megabytes")
