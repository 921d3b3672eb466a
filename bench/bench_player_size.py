"""The browser player's size: raw and gzipped (level 9) bytes of player.js.

Run:  .venv/bin/python bench/bench_player_size.py [PATH]

The budget is 8 KB gzipped for the whole player (engine and UI; tests/web checks it).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

PLAYER = (
    Path(__file__).resolve().parent.parent
    / "crossing"
    / "web"
    / "static"
    / "crossing"
    / "player.js"
)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else PLAYER
    data = path.read_bytes()
    packed = len(gzip.compress(data, compresslevel=9))
    print(f"{path.name}: {len(data)} bytes raw, {packed} bytes gzipped ({packed / 1024:.2f} KiB)")


if __name__ == "__main__":
    main()
