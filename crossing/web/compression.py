"""Which encoding a reader gets, and the compression behind it.

A reader's Accept-Encoding lists codings with optional weights (RFC 9110 §12.5.3):
`br;q=1.0, gzip;q=0.8, *;q=0.1`. We offer brotli and gzip, and identity always. The highest
weight wins; on a tie brotli does (it is smaller: the story is 76 KB in brotli at quality
11, 96 KB in gzip -9). `q=0` refuses a coding; `*` stands for any coding not named.

Qualities: what is compressed once per version of the content (the compiled story, its
parts) gets brotli's best, 11; pages compressed lazily in each worker, the first time a
reader asks, get PAGE_BROTLI_QUALITY, cheaper (docs/performance.md, issue 18, measures
both on the journey page).
"""

from __future__ import annotations

import gzip
import re
from typing import Literal

import brotli  # type: ignore[import-untyped]  # (no stubs)

Coding = Literal["br", "gzip", "identity"]
OFFERED: tuple[Coding, ...] = ("br", "gzip")  # in order of preference on equal weight

ONCE_BROTLI_QUALITY = 11  # compressed once per story version: the smallest there is
PAGE_BROTLI_QUALITY = 5  # compressed per page and worker: fast (see the module's note)
GZIP_LEVEL = 9

_WEIGHT = re.compile(r"^q=([01](?:\.\d{0,3})?)$", re.IGNORECASE)


def _weights(header: str) -> dict[str, float]:
    """Each named coding's weight; a malformed weight makes that entry count for nothing,
    not the whole header (a proxy's typo must not cost readers their compression)."""
    weights: dict[str, float] = {}
    for item in header.split(","):
        name, *params = (part.strip() for part in item.split(";"))
        if not name:
            continue
        weight = 1.0
        for param in params:
            found = _WEIGHT.match(param.replace(" ", ""))
            if param.lower().startswith("q"):
                weight = float(found.group(1)) if found else 0.0
        weights[name.lower()] = min(weight, 1.0)
    return weights


def negotiate(header: str | None, offered: tuple[Coding, ...] = OFFERED) -> Coding:
    """The coding to answer with, given a request's Accept-Encoding (None: absent)."""
    if not header:
        return "identity"  # no header: a client that may decode nothing
    weights = _weights(header)
    anything = weights.get("*")
    best: Coding = "identity"
    best_weight = 0.0
    for coding in offered:
        weight = weights.get(coding, anything if anything is not None else 0.0)
        if weight > best_weight:
            best, best_weight = coding, weight
    # Nothing compressed welcome: identity, even if refused too (a 406 would leave the
    # reader with nothing to read).
    return best


def compress(body: bytes, coding: Coding, *, brotli_quality: int = ONCE_BROTLI_QUALITY) -> bytes:
    """`body` in `coding`; deterministic (no timestamp in gzip's header)."""
    if coding == "br":
        return bytes(brotli.compress(body, quality=brotli_quality))
    if coding == "gzip":
        return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    return body
