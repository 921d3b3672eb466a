"""Where the site keeps its data, and the settings it reads from the environment.

Everything an operator may change is an environment variable (docs/deployment.md);
the defaults are safe for one person running `crossing serve` on their own machine."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}


def flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in TRUE


def data_dir() -> Path:
    """The folder for the database, the secret key and caches (CROSSING_DATA_DIR, else ./var)."""
    path = Path(os.environ.get("CROSSING_DATA_DIR") or "var").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_dir() -> Path:
    """The editors' content tree (CROSSING_CONTENT_DIR, else ./content)."""
    return Path(os.environ.get("CROSSING_CONTENT_DIR") or "content").resolve()


def secret_key(folder: Path) -> str:
    """CROSSING_SECRET_KEY, or a key generated on first run and kept in the data folder.

    Kept so that sessions and signed values survive a restart; readable by the owner only."""
    if key := os.environ.get("CROSSING_SECRET_KEY"):
        return key
    path = folder / "secret_key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    # O_EXCL: if two processes start at once, one writes and both read the same key.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key


def csv_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
