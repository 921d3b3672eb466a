"""The fake Stripe itself: it reads the requests as the stripe library encodes them, and it
runs as a script for the load harness."""

from __future__ import annotations

import socket
import subprocess
import sys
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
from hypothesis import given
from hypothesis import strategies as st
from stripe._encode import _api_encode

from .conftest import ROOT, fake_stripe

keys = st.from_regex(r"[a-z_]{1,8}", fullmatch=True)
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
values: st.SearchStrategy[Any] = st.recursive(
    texts,
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3)
        | st.dictionaries(keys, inner, min_size=1, max_size=3)
    ),
    max_leaves=12,
)


@given(st.dictionaries(keys, values, min_size=1, max_size=4))
def test_the_fake_reads_back_what_the_library_encodes(params: dict[str, Any]) -> None:
    body = urlencode(list(_api_encode(params)))
    assert fake_stripe.decode_form(parse_qsl(body, keep_blank_values=True)) == params


def test_the_fake_runs_as_a_script_and_counts() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(ROOT / "bench/_fake_stripe.py"), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert f"127.0.0.1:{port}" in server.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        headers = {"Authorization": "Bearer sk_test_x"}
        refused = httpx.post(f"{base}/v1/customers", data={"email": "a@example.org"})
        assert refused.status_code == 401 and refused.json()["error"]["type"]
        made = httpx.post(f"{base}/v1/customers", data={"email": "a@example.org"}, headers=headers)
        assert made.json()["object"] == "customer"
        assert httpx.get(f"{base}/_fake/counters").json()["customers"] == 1
    finally:
        server.terminate()
        server.wait(timeout=10)
