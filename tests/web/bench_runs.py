"""Running bench/'s load harnesses from tests, by their command line as a reader would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


def run_bench(script: str, *options: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """`python bench/SCRIPT OPTIONS`, its output captured; its exit status is the caller's
    to check (0: the verdict holds, 1: it does not, 2: it could not run)."""
    return subprocess.run(
        [sys.executable, str(BENCH / script), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )


def the_suite_s_database() -> list[str]:
    """PostgreSQL and Redis when the suite is given them (as CI is), else SQLite alone."""
    options = []
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        options += ["--database", "postgres"]
    if os.environ.get("REDIS_URL"):
        options += ["--redis", os.environ["REDIS_URL"]]
    return options
