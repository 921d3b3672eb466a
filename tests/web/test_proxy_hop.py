"""Behind the documented proxy, for real: nginx with deploy/nginx/crossing-proxy.conf in front
of `crossing serve --production --workers 2` (gunicorn), with CROSSING_TRUSTED_PROXIES naming
nginx. Readers are sockets bound to different loopback addresses (127.0.0.2, 127.0.0.3, ...;
all of 127/8 is the machine itself on Linux), so nginx sees each at its own address and
appends it to X-Forwarded-For. The rate limit is shared through Redis (REDIS_URL, or a
redis-server of the test's own), so the counts do not depend on which worker answers."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .ports import free_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
CROSSING = str(Path(sys.executable).parent / "crossing")
RATE = 3
REPORT = json.dumps({"story": "market-day", "version": "1", "ending": "supper"})


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx; .ci/run does)")
    return found


def wait_for_port(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{what} did not start listening on port {port}")


@contextmanager
def running(command: list[str], port: int, what: str, **popen: object) -> Iterator[None]:
    process = subprocess.Popen(command, **popen)  # type: ignore[call-overload]
    try:
        wait_for_port(port, process, what)
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def shared_cache(folder: Path) -> Iterator[str]:
    """REDIS_URL where the suite has one, else a Redis server of this test's own."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("needs Redis: set REDIS_URL or install redis-server")
    port = free_port()
    options = ["--bind", "127.0.0.1", "--save", "", "--dir", str(folder)]  # keeps nothing
    command = [binary, "--port", str(port), *options]
    with running(command, port, "redis-server", stdout=subprocess.DEVNULL):
        yield f"redis://127.0.0.1:{port}/0"


def nginx_config(prefix: Path, listen: int, upstream: int) -> Path:
    """A whole nginx configuration around the repository's proxy settings, included as they
    are; every path nginx writes is in the prefix (Debian's defaults are in /var)."""
    temporary = "\n".join(
        f"    {kind}_temp_path {prefix / kind};" for kind in ("proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = prefix / "nginx.conf"
    config.write_text(
        f"""
events {{}}
http {{
    access_log {prefix / "access.log"};
    client_body_temp_path {prefix / "client_body"};
{temporary}
    upstream crossing {{
        server 127.0.0.1:{upstream};
    }}
    server {{
        listen 127.0.0.1:{listen};
        location / {{
            include {DEPLOY / "crossing-proxy.conf"};
        }}
    }}
}}
""",
        encoding="utf-8",
    )
    return config


def nginx_command(prefix: Path, config: Path, *more: str) -> list[str]:
    # One process, in the foreground, as whoever runs the test (no worker switching to
    # "nobody"), with its pid and logs in the prefix.
    directives = (
        f"daemon off; master_process off; pid {prefix / 'nginx.pid'}; "
        f"error_log {prefix / 'error.log'};"
    )
    return [nginx_binary(), "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log"),
            "-g", directives, *more]  # fmt: skip


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int, Path]]:
    """(nginx's port, gunicorn's port, the data folder) of a site behind nginx."""
    nginx_binary()
    folder = tmp_path_factory.mktemp("proxy-hop")
    shutil.copytree(ROOT / "examples" / "market-day", folder / "content" / "journey")
    data, prefix = folder / "data", folder / "nginx"
    prefix.mkdir()
    site, front = free_port(), free_port()
    with shared_cache(folder) as redis_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
        env.pop("DATABASE_URL", None)  # SQLite in the data folder
        env.update(
            CROSSING_DATA_DIR=str(data),
            CROSSING_CONTENT_DIR=str(folder / "content"),
            CROSSING_TRUSTED_PROXIES="127.0.0.1",
            CROSSING_NO_SSL_REDIRECT="1",
            CROSSING_ENDING_RATE=str(RATE),
            REDIS_URL=redis_url,
        )
        serve = [CROSSING, "serve", "--production", "--workers", "2", "--port", str(site)]
        log = (folder / "serve.log").open("wb")
        config = nginx_config(prefix, front, site)
        with (
            running(serve, site, "crossing serve", env=env, stdout=log, stderr=log, cwd=ROOT),
            running(nginx_command(prefix, config), front, "nginx"),
        ):
            yield front, site, data
        log.close()


def report(port: int, source: str, forged: str | None = None) -> int:
    """POST one ending report from the loopback address `source`."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    headers = {"Content-Type": "application/json"}
    if forged is not None:
        headers["X-Forwarded-For"] = forged
    try:
        connection.request("POST", "/journey/endings/", REPORT, headers)
        return connection.getresponse().status
    finally:
        connection.close()


def stored(data: Path) -> int:
    query = "SELECT COALESCE(SUM(count), 0) FROM journey_endingcount"
    with sqlite3.connect(data / "db.sqlite3") as db:
        return int(db.execute(query).fetchone()[0])


LIMITED = [200] * RATE + [429]


def test_two_readers_behind_the_proxy_are_limited_separately(
    proxy: tuple[int, int, Path],
) -> None:
    """Before, every reader had nginx's address: the second reader was refused at once."""
    front, _, data = proxy
    before = stored(data)
    assert [report(front, "127.0.0.2") for _ in LIMITED] == LIMITED
    assert [report(front, "127.0.0.3") for _ in LIMITED] == LIMITED
    assert stored(data) == before + 2 * RATE


def test_a_forged_x_forwarded_for_gains_a_reader_nothing(proxy: tuple[int, int, Path]) -> None:
    front, site, data = proxy
    before = stored(data)
    # A new made-up address at each report: still limited as the reader's own address.
    forged = [f"198.51.100.{n}" for n in range(len(LIMITED))]
    assert [report(front, "127.0.0.4", forged=f) for f in forged] == LIMITED
    # Posing as another reader, and as the proxy itself, spends only the forger's own reports.
    assert [report(front, "127.0.0.5", forged="127.0.0.6") for _ in LIMITED] == LIMITED
    assert report(front, "127.0.0.5", forged="127.0.0.1") == 429
    assert [report(front, "127.0.0.6") for _ in LIMITED] == LIMITED
    # Straight to gunicorn, around the proxy: the header is not read at all.
    assert [report(site, "127.0.0.7", forged=f) for f in forged] == LIMITED
    assert stored(data) == before + 4 * RATE


def test_the_documented_site_configuration_is_valid_and_uses_the_tested_settings(
    tmp_path: Path,
) -> None:
    """deploy/nginx/crossing.conf, checked by `nginx -t` as an operator installs it: the
    proxy settings in snippets/, a certificate where the file says."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    site = (DEPLOY / "crossing.conf").read_text(encoding="utf-8")
    assert re.search(r"location / \{\s*include snippets/crossing-proxy\.conf;\s*\}", site)
    certificates = "/etc/letsencrypt/live/crossing.example.org/"
    assert site.count(certificates) == 2
    (tmp_path / "snippets").mkdir()
    shutil.copy(DEPLOY / "crossing-proxy.conf", tmp_path / "snippets")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=crossing.example.org", "-keyout", tmp_path / "privkey.pem",
         "-out", tmp_path / "fullchain.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert "crossing_private;" in site  # its log says what was asked, never who asked
    installed = site.replace(certificates, f"{tmp_path}/")
    (tmp_path / "crossing.conf").write_text(installed.replace("/var/log/nginx/", f"{tmp_path}/"))
    config = tmp_path / "nginx.conf"
    config.write_text(f"events {{}}\nhttp {{\n    include {tmp_path / 'crossing.conf'};\n}}\n")
    checked = subprocess.run(
        nginx_command(tmp_path, config, "-t"), capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_the_deployment_guide_shows_the_tested_files_as_they_are() -> None:
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```nginx\n(.*?)^```$", guide, flags=re.S | re.M)
    files = [DEPLOY / "crossing-proxy.conf", DEPLOY / "crossing.conf"]
    assert blocks == [path.read_text(encoding="utf-8") for path in files]
