"""The browser player's size, and what a reader downloads for the journey page.

Why: the player must stay small enough for a slow phone connection (the budget is 8 KB
gzipped for the whole player, engine and UI; tests/web checks it) — a fraction of the
runtimes it replaces. This prints three tables:

1. player.js raw, gzip -9 (and brotli, if the `brotli` module is installed), beside the
   budget and the anchors given in issue 5 (not measured here): inkjs's runtime 31,332 B
   gzipped, SugarCube 163,420 B gzipped;
2. the other static files (styles, the region map, the icon), raw and gzipped;
3. the journey page on a first visit: its HTML (rendered by Django's test client, with a
   throwaway data folder; since issue 18 it carries the styles, the player and the story's
   opening inline) and everything it loads — the rest of the story, the map, the deferred
   local-time.js, the icon — raw, gzip -9, brotli 11, and as the site sends the HTML and
   the rest to a reader asking for gzip and for brotli.

Run:  .venv/bin/python bench/bench_player_size.py [PLAYER_JS] [--json FILE]

Takes a few seconds: the journey page computes the story's odds on first request.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from _site import STATIC, gz, print_machine
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

    plain = Client(HTTP_HOST="localhost")
    sent: dict[str, Client] = {
        coding: Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING=coding)
        for coding in ("br", "gzip")
    }

    def fetch(url: str) -> tuple[bytes, dict[str, int | None]]:
        """The body, and its size as Django sends it in brotli and in gzip (None: plain)."""
        body = b"".join(plain.get(url))
        sizes: dict[str, int | None] = {}
        for coding, client in sent.items():
            packed = client.get(url)
            compressed = packed.get("Content-Encoding") == coding
            sizes[coding] = len(b"".join(packed)) if compressed else None
        return body, sizes

    def named(html: str, attribute: str) -> str:
        found = re.search(rf'{attribute}="([^"]+)"', html)
        if found is None:
            raise ValueError(f"the journey page has no {attribute}")
        return found.group(1)

    html, html_sent = fetch("/journey/")
    text = html.decode()
    none: dict[str, int | None] = {"br": None, "gzip": None}
    rows = [("HTML of /journey/ (styles, player, opening inline)", html, html_sent)]
    rest, rest_sent = fetch(named(text, "data-rest"))
    rows.append(("the story's rest (fetched at once)", rest, rest_sent))
    rows.append(("map.svg (fetched by the player)", (STATIC / "map.svg").read_bytes(), none))
    rows.append(("local-time.js (deferred)", (STATIC / "local-time.js").read_bytes(), none))
    rows.append(("favicon.svg", (STATIC / "favicon.svg").read_bytes(), none))
    return [
        {"file": name, **sizes(data), "django_br": by["br"], "django_gzip": by["gzip"]}
        for name, data, by in rows
    ]


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
    total_br = sum(row["django_br"] or row["brotli11"] or row["gzip9"] for row in page)
    table = [
        [
            row["file"],
            number(row["raw"]),
            number(row["gzip9"]),
            number(row["brotli11"]),
            number(row["django_gzip"]),
            number(row["django_br"]),
        ]
        for row in page
    ]
    table.append(
        ["**total**", f"{total_raw:,}", f"{total_gz:,}", "", f"{total_sent:,}", f"{total_br:,}"]
    )
    print("\nThe journey page on a first visit (sent: as the site sends it, per coding):\n")
    print(
        markdown_table(
            ["file", "raw B", "gzip -9 B", "brotli 11 B", "sent, gzip B", "sent, br B"],
            table,
        )
    )
    print(
        f"\n'sent' totals: gzip {total_sent:,} B, brotli {total_br:,} B, taking the site's "
        "size for the HTML and the rest, and gzip -9 / brotli 11 for the static files "
        "(WhiteNoise's precompressed .gz and .br files)."
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
