"""Settings from the environment, `crossing serve` from a clean data folder, and the
production server (gunicorn) with its HTTPS-only headers. Each runs in a subprocess, since
Django reads its settings once per process."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from crossing.web.serve import control_socket_options

from .ports import free_port
from .scratch_database import scratch_postgresql

ROOT = Path(__file__).resolve().parents[2]
CROSSING = str(Path(sys.executable).parent / "crossing")
EXAMPLE = ROOT / "examples" / "market-day"


def environment(data: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # each test names its own database, in its data folder
    return {**env, "CROSSING_DATA_DIR": str(data), **more}


def read_settings(data: Path, *names: str, **env: str) -> dict[str, object]:
    code = (
        "import json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'crossing.web.settings'\n"
        "from django.conf import settings\n"
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, default=str))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=environment(data, **env),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout))


def test_safe_defaults_and_a_secret_key_kept_for_the_owner_only(tmp_path: Path) -> None:
    first = read_settings(tmp_path, "DEBUG", "SECRET_KEY", "DATABASES", "SECURE_HSTS_SECONDS")
    assert first["DEBUG"] is False
    assert first["SECURE_HSTS_SECONDS"] == 0
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert first["SECRET_KEY"] == key_file.read_text().strip()
    assert len(str(first["SECRET_KEY"])) >= 50
    again = read_settings(tmp_path, "SECRET_KEY")
    assert again["SECRET_KEY"] == first["SECRET_KEY"], "the key survives a restart"
    database = first["DATABASES"]["default"]  # type: ignore[index]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "db.sqlite3")


def test_the_environment_chooses_postgresql_redis_and_production(tmp_path: Path) -> None:
    found = read_settings(
        tmp_path,
        "DATABASES",
        "CACHES",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECRET_KEY",
        "DEBUG",
        DATABASE_URL="postgres://editor@db.internal:5433/crossing",
        REDIS_URL="redis://127.0.0.1:6379/3",
        CROSSING_PRODUCTION="1",
        CROSSING_SECRET_KEY="k" * 60,
        CROSSING_DEBUG="yes",
    )
    database = found["DATABASES"]["default"]  # type: ignore[index]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        5433,
        "crossing",
    )
    assert found["CACHES"]["default"]["BACKEND"].endswith("RedisCache")  # type: ignore[index]
    assert found["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert found["SESSION_COOKIE_SECURE"] is found["CSRF_COOKIE_SECURE"] is True
    assert found["SECURE_SSL_REDIRECT"] is True
    assert found["SECRET_KEY"] == "k" * 60 and not (tmp_path / "secret_key").exists()
    assert found["DEBUG"] is True


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@contextmanager
def serving(
    data: Path, *options: str, content: Path | None = None, **env: str
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    extra = {"CROSSING_CONTENT_DIR": str(content)} if content else {}
    process = subprocess.Popen(
        [CROSSING, "serve", "--port", str(port), *options],
        env=environment(data, **extra, **env),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                get(base + "/")
                break
            except OSError:
                time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def small_content(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder / "journey")
    return folder


def test_serve_sets_up_a_clean_data_folder_and_serves_the_journey(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    with serving(tmp_path / "data", content=content) as (base, _):
        status, headers, body = get(base + "/journey/")
        assert status == 200, body[:500]
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert b'id="s1"' in body
        status, headers, _ = get(base + "/static/crossing/player.js")
        assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert (tmp_path / "data" / "db.sqlite3").stat().st_size > 0
    assert list((tmp_path / "data" / "cache").glob("odds-*.json"))


def test_serve_reports_content_errors_as_the_checker_does_and_stops(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    story = content / "journey" / "main.story"
    story.write_text(story.read_text().replace("-> stairs", "-> stiars", 1))
    port = free_port()
    result = subprocess.run(
        [CROSSING, "serve", "--port", str(port)],
        env=environment(tmp_path / "data", CROSSING_CONTENT_DIR=str(content)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "main.story:" in result.stderr and "unknown scene 'stiars'" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_serves_with_gunicorn_hashed_static_files_and_hsts(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    # The test plays the proxy: only a trusted one may say the request came over HTTPS.
    with serving(
        tmp_path / "data",
        "--production",
        "--workers",
        "1",
        content=content,
        CROSSING_TRUSTED_PROXIES="127.0.0.1",
    ) as (base, process):
        status, headers, _ = get(base + "/journey/")
        assert status == 301 and headers["Location"].startswith("https://")
        behind_proxy = {"X-Forwarded-Proto": "https"}
        status, headers, body = get(base + "/journey/", behind_proxy)
        assert status == 200
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        # Static files carry a content hash in production, so a CDN may keep them forever.
        # (The player is inline in the journey page; the map it fetches is a static file.)
        found = re.search(r"/static/crossing/map\.[0-9a-f]{12}\.svg", body.decode())
        assert found, "the map's address should carry its content hash"
        hashed = found.group()
        # Precompressed in both codings (WhiteNoise writes .br beside .gz with brotli there).
        for coding in ("gzip", "br"):
            status, headers, _ = get(base + hashed, {**behind_proxy, "Accept-Encoding": coding})
            assert status == 200 and headers.get("Content-Encoding") == coding
            assert "immutable" in headers["Cache-Control"]
    output = process.stdout.read() if process.stdout else ""
    assert "gunicorn" in output.lower() or "Booting worker" in output


@pytest.mark.parametrize("command", [["bundle", str(EXAMPLE)]])
def test_bundle_writes_one_file_with_everything_inline(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "market-day.html"
    result = subprocess.run(
        [CROSSING, *command, "-o", str(out)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stderr
    html = out.read_text()
    for inline in ('<script id="journey-story" type="application/json">', "<style>", "<svg"):
        assert inline in html
    assert 'src="' not in html and '<link rel="stylesheet"' not in html
    assert "data-endings" not in html  # no server to count endings


def test_bundle_of_a_broken_story_reports_errors(tmp_path: Path) -> None:
    broken = shutil.copytree(EXAMPLE, tmp_path / "broken")
    main = broken / "main.story"
    main.write_text(main.read_text().replace("-> stairs", "-> stiars", 1))
    result = subprocess.run(
        [CROSSING, "bundle", str(broken), "-o", str(tmp_path / "x.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "main.story:" in result.stderr and "stiars" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_two_sites_have_their_own_control_sockets(tmp_path: Path) -> None:
    """gunicorn's control socket is each site's own, in its data folder (mode 0600), never
    the ~/.gunicorn/gunicorn.ctl that every gunicorn of a user would otherwise share."""
    content = small_content(tmp_path / "content")
    home = tmp_path / "home"
    home.mkdir()
    production = ("--production", "--workers", "1")
    first, second = tmp_path / "a", tmp_path / "b"
    with (
        serving(first, *production, content=content, HOME=str(home)),
        serving(second, *production, content=content, HOME=str(home)),
    ):
        for data in (first, second):
            socket_path = data / "gunicorn.ctl"
            deadline = time.monotonic() + 10
            while not socket_path.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            mode = socket_path.stat().st_mode
            assert stat.S_ISSOCK(mode), socket_path
            assert stat.S_IMODE(mode) == 0o600
        assert not (home / ".gunicorn").exists()


def test_a_control_socket_path_too_long_for_unix_turns_the_socket_off(tmp_path: Path) -> None:
    assert control_socket_options(tmp_path) == {
        "control_socket": str(tmp_path / "gunicorn.ctl"),
        "control_socket_mode": 0o600,
    }
    deep = tmp_path / ("d" * 120)
    assert control_socket_options(deep) == {"control_socket_disable": True}


def stored_reports(data: Path, database: str | None) -> int:
    query = "SELECT COALESCE(SUM(count), 0) FROM journey_endingcount"
    if database is None:
        import sqlite3

        with sqlite3.connect(data / "db.sqlite3") as db:
            return int(db.execute(query).fetchone()[0])
    import psycopg

    with psycopg.connect(database) as db:
        row = db.execute(query).fetchone()
        return int(row[0]) if row else 0


def test_workers_never_share_the_master_s_database_connection(tmp_path: Path) -> None:
    """Production with two workers, 200 concurrent ending reports: each answered 200, each
    stored once. With the master's connection inherited by the forks (migrations ran in the
    master), PostgreSQL answered 500 to about half and stored reports it never acknowledged."""
    content = small_content(tmp_path / "content")
    with scratch_postgresql(f"crossing_fork_{os.getpid()}") as database:
        reports_through_two_workers(tmp_path, content, database)


def reports_through_two_workers(tmp_path: Path, content: Path, database: str | None) -> None:
    env = {
        "CROSSING_ENDING_RATE": "100000",
        "CROSSING_TRUSTED_PROXIES": "127.0.0.1",  # the test is the proxy that says "https"
        **({"DATABASE_URL": database} if database else {}),
    }
    body = json.dumps({"story": "market-day", "version": "1", "ending": "supper"}).encode()
    headers = {"Content-Type": "application/json", "X-Forwarded-Proto": "https"}

    def report(base: str) -> int | str:
        request = urllib.request.Request(f"{base}/journey/endings/", body, headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as error:
            return error.code
        except OSError as error:
            return type(error).__name__

    production = ("--production", "--workers", "2")
    with (
        serving(tmp_path / "data", *production, content=content, **env) as (base, _),
        ThreadPoolExecutor(max_workers=50) as pool,
    ):
        statuses = list(pool.map(lambda _: report(base), range(200)))
    assert statuses == [200] * 200, Counter(statuses)
    assert stored_reports(tmp_path / "data", database) == 200


@pytest.mark.parametrize(
    ("name", "value", "what"),
    [
        ("CROSSING_ENDING_RATE", "six", "a number of reports a minute"),
        ("CROSSING_ENDING_MIN_READERS", "-5", "a number of readers"),
        ("CROSSING_DB_CONN_MAX_AGE", "1.5", "a number of seconds"),
    ],
)
def test_a_number_setting_that_is_no_number_stops_the_start_naming_it(
    tmp_path: Path, name: str, value: str, what: str
) -> None:
    result = subprocess.run(
        [CROSSING, "serve", "--port", str(free_port())],
        env=environment(tmp_path / "data", **{name: value}),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"crossing: error: {name}={value!r} is not {what}: ")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_the_access_log_says_what_was_asked_never_who_asked(tmp_path: Path) -> None:
    """The site promises readers it keeps no record of who reads it: gunicorn's default
    access line starts with the reader's address and ends with their browser's name."""
    content = small_content(tmp_path / "content")
    production = ("--production", "--workers", "1")
    with serving(tmp_path / "data", *production, content=content, CROSSING_NO_SSL_REDIRECT="1") as (
        base,
        process,
    ):
        port = int(base.rsplit(":", 1)[1])
        reader = http.client.HTTPConnection("127.0.0.1", port, source_address=("127.0.0.9", 0))
        reader.request("GET", "/journey/", headers={"User-Agent": "Distinctive-Browser/7.1"})
        assert reader.getresponse().status == 200
        reader.close()
    log = process.stdout.read() if process.stdout else ""
    assert re.search(r'\] "GET /journey/ HTTP/1\.1" 200 \d+ \d+ms$', log, flags=re.M), log
    assert "127.0.0.9" not in log and "Distinctive-Browser" not in log


def test_production_without_trusted_proxies_warns_of_the_redirect_loop(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    with serving(tmp_path / "data", "--production", "--workers", "1", content=content) as (
        base,
        process,
    ):
        status, _, _ = get(base + "/journey/", {"X-Forwarded-Proto": "https"})
        assert status == 301  # the header of a proxy nobody named is not believed
    log = process.stdout.read() if process.stdout else ""
    assert "warning: CROSSING_TRUSTED_PROXIES is empty" in log
