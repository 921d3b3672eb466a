"""How the browser tests and benchmarks start Debian's Chromium (never a downloaded one).

Without the background-networking flags Chromium keeps trying to reach Google's hosts,
which the closed test machines refuse."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
