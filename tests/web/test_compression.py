"""Content negotiation (Accept-Encoding with weights) and the compression behind it."""

from __future__ import annotations

import gzip

import brotli
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossing.web.compression import compress, negotiate


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, "identity"),  # no header: the client may decode nothing
        ("", "identity"),
        ("gzip, deflate, br", "br"),  # a browser over HTTPS: br preferred on a tie
        ("gzip, deflate", "gzip"),  # a browser over plain HTTP
        ("GZIP", "gzip"),  # coding names are case-insensitive
        ("br;q=0.5, gzip", "gzip"),  # the weight decides
        ("br;q=1.0, gzip;q=0.9", "br"),
        ("br; q=0.9, gzip ; q=0.8", "br"),  # spaces around parameters
        ("gzip;q=0, br;q=0", "identity"),  # both refused
        ("br;q=0", "identity"),  # refused, and gzip not named
        ("identity", "identity"),
        ("*", "br"),  # anything
        ("*;q=0.5, br;q=0", "gzip"),  # anything but brotli
        ("gzip;q=abc, br;q=0.1", "br"),  # a malformed weight counts for nothing
        ("deflate, compress", "identity"),  # nothing we offer
        ("gzip;q=2", "identity"),  # not a weight (0 to 1): counts for nothing
        ("gzip;q=1.5, br;q=0.9", "gzip"),  # above 1: taken as 1
        (",, ;q=1, gzip", "gzip"),  # empty entries skipped
    ],
)
def test_negotiation(header: str | None, coding: str) -> None:
    assert negotiate(header) == coding


@given(st.text(max_size=80))
def test_any_header_gets_an_answer(header: str) -> None:
    assert negotiate(header) in {"br", "gzip", "identity"}


@given(st.binary(max_size=2000))
def test_compression_round_trips_and_is_deterministic(body: bytes) -> None:
    assert brotli.decompress(compress(body, "br")) == body
    assert gzip.decompress(compress(body, "gzip")) == body
    assert compress(body, "gzip") == compress(body, "gzip")
    assert compress(body, "identity") == body
