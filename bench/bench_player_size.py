"""The browser player's size, and what a reader downloads for the journey page.

Why: the player must stay small enough for a slow phone connection (the budget is 8 KB
gzipped for the whole player, engine and UI; tests/web checks it) — a fraction of the
runtimes it replaces. This prints three tables:

1. player.js raw, gzip -9 (and brotli, if the `brotli` module is installed), beside the
   budget and the anchors given in issue 5 (not measured here): inkjs's runtime 31,332 B
   gzipped, SugarCube 163,420 B gzipped;
2. the other static files (styles, the region map, the icon), raw and gzipped;
3. the journey page on a first visit: its HTML (rendered by Django's test client, with a
   throwaway data folder) and everything it loads — styles, script, map, compiled story,
   icon — raw, gzip -9, and as Django sends the HTML and the story (GZipMiddleware).

Run:  .venv/bin/python bench/bench_player_size.py [PLAYER_JS] [--json FILE]

Takes a few seconds: the journey page computes the story's odds on first request.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from _site import STATIC, gz, journey_assets, print_machine
from measure import markdown_table

PLAYER = STATIC / "player.js"
BUDGET = 8 * 1024
ANCHORS = {  # gzipped bytes, as given in issue 5
    "inkjs runtime (issue 5)": 31_332,
    "SugarCube (issue 5)": 163_420,
}
STATIC_FILES = ["player.css", "site.css", "gamebook.css", "map.svg", "favicon.svg"]

try:
    import brotli  # type: ignore[import-not-found]  # optional: not a dependency
except ImportError:
    brotli = None


def br(data: bytes) -> int | None:
    return None if brotli is None else len(brotli.compress(data, quality=11))


def sizes(data: bytes) -> dict[str, int | None]:
    return {"raw": len(data), "gzip9": gz(data), "brotli11": br(data)}


def journey_page() -> list[dict[str, Any]]:
    """The journey page and each file it loads: name, raw, gzip -9, as Django sends it."""
    with tempfile.TemporaryDirectory(prefix="crossing-bench-") as folder:
        os.environ.update(CROSSING_DATA_DIR=folder, DJANGO_SETTINGS_MODULE="crossing.web.settings")
        import django

        django.setup()
        return _journey_page()


def _journey_page() -> list[dict[str, Any]]:
    from django.test import Client

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip")
    plain = Client(HTTP_HOST="localhost")

    def fetch(url: str) -> tuple[bytes, int | None]:
        """The body, and its size as Django sends it compressed (None: not compressed)."""
        body = b"".join(plain.get(url))
        packed = client.get(url)
        sent = None
        if packed.get("Content-Encoding") == "gzip":
            sent = len(b"".join(packed))
        return body, sent

    html, html_sent = fetch("/journey/")
    assets = journey_assets(html.decode())
    rows = [("HTML of /journey/", html, html_sent)]
    for url in assets.styles:
        rows.append((Path(url).name, (STATIC / Path(url).name).read_bytes(), None))
    rows.append(("player.js", (STATIC / "player.js").read_bytes(), None))
    rows.append(("map.svg (fetched by the player)", (STATIC / "map.svg").read_bytes(), None))
    story, story_sent = fetch(assets.story)
    rows.append(("story JSON (fetched by the player)", story, story_sent))
    rows.append(("favicon.svg", (STATIC / "favicon.svg").read_bytes(), None))
    return [{"file": name, **sizes(data), "django_gzip": sent} for name, data, sent in rows]


def number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("player", nargs="?", type=Path, default=PLAYER, help="player.js")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    facts = print_machine()

    player = sizes(args.player.read_bytes())
    rows = [[args.player.name, number(player["raw"]), number(player["gzip9"])]]
    rows.append(["budget (tests/web)", "", f"{BUDGET:,}"])
    rows += [[name, "", f"{size:,}"] for name, size in ANCHORS.items()]
    header = ["player", "raw B", "gzip -9 B"]
    if brotli is not None:
        header.append("brotli 11 B")
        rows[0].append(number(player["brotli11"]))
        for row in rows[1:]:
            row.append("")
    print()
    print(markdown_table(header, rows))
    packed = player["gzip9"] or 0
    print(
        f"\nplayer.js gzipped: {packed / BUDGET:.0%} of the budget, "
        + ", ".join(f"1/{size / packed:.1f} of {name}" for name, size in ANCHORS.items())
        + ("" if brotli is not None else "; brotli: module not installed")
    )

    others = {name: sizes((STATIC / name).read_bytes()) for name in STATIC_FILES}
    print()
    print(
        markdown_table(
            ["static file", "raw B", "gzip -9 B"],
            [[name, number(s["raw"]), number(s["gzip9"])] for name, s in others.items()],
        )
    )

    page = journey_page()
    total_raw = sum(row["raw"] for row in page)
    total_gz = sum(row["gzip9"] for row in page)
    total_sent = sum(row["django_gzip"] or row["gzip9"] for row in page)
    table = [
        [row["file"], number(row["raw"]), number(row["gzip9"]), number(row["django_gzip"])]
        for row in page
    ]
    table.append(["**total**", f"{total_raw:,}", f"{total_gz:,}", f"{total_sent:,}"])
    print("\nThe journey page on a first visit (sent: Django's gzip where it compresses):\n")
    print(
        markdown_table(
            ["file", "raw B", "gzip -9 B", "Django GZipMiddleware B"],
            table,
        )
    )
    print(
        f"\n'sent' total: {total_sent:,} B, taking Django's size for the HTML and story and "
        "gzip -9 for the static files (WhiteNoise's precompressed .gz files)."
    )

    if args.json:
        report = {
            "machine": facts,
            "player": {"file": str(args.player), **player},
            "budget": BUDGET,
            "anchors": ANCHORS,
            "static": others,
            "journey_page": page,
            "journey_page_total": {"raw": total_raw, "gzip9": total_gz, "sent": total_sent},
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
