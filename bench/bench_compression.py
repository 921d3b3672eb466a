"""What brotli's quality costs on the pages the page cache compresses lazily (issue 18).

Why: the page cache (crossing/web/page_cache.py) compresses each kept page once per worker,
when a reader first asks for it in that coding; compression.PAGE_BROTLI_QUALITY says how
hard. This renders a few pages with Django's test client (a throwaway data folder) and
compresses each three times per setting: gzip -6 and -9, brotli 4, 5, 6, 9 and 11; it
prints the size and the median time of each.

Run:  .venv/bin/python bench/bench_compression.py
"""

from __future__ import annotations

import gzip
import os
import statistics
import tempfile
import time
from collections.abc import Callable

import brotli  # type: ignore[import-untyped]
from _site import print_machine
from measure import markdown_table

PAGES = ["/journey/", "/journey/gamebook/", "/sources/"]


def brotli_at(quality: int) -> Callable[[bytes], bytes]:
    return lambda body: bytes(brotli.compress(body, quality=quality))


def gzip_at(level: int) -> Callable[[bytes], bytes]:
    return lambda body: gzip.compress(body, level, mtime=0)


SETTINGS: dict[str, Callable[[bytes], bytes]] = {
    "gzip -6": gzip_at(6),
    "gzip -9": gzip_at(9),
    **{f"brotli {q}": brotli_at(q) for q in (4, 5, 6, 9, 11)},
}


def main() -> None:
    print_machine()
    with tempfile.TemporaryDirectory(prefix="crossing-bench-") as folder:
        os.environ.update(CROSSING_DATA_DIR=folder, DJANGO_SETTINGS_MODULE="crossing.web.settings")
        import django

        django.setup()
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        rows = []
        for path in PAGES:
            body = client.get(path).content
            row = [f"`{path}` ({len(body):,} B)"]
            for compress in SETTINGS.values():
                times = []
                for _ in range(3):
                    started = time.perf_counter()
                    packed = compress(body)
                    times.append((time.perf_counter() - started) * 1000)
                row.append(f"{len(packed):,} B, {statistics.median(times):,.0f} ms")
            rows.append(row)
    print()
    print(markdown_table(["page (raw)", *SETTINGS], rows))


if __name__ == "__main__":
    main()
