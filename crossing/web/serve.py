"""`crossing serve`: migrate, publish the content, then serve the site.

Development (the default) uses Django's threaded server, with WhiteNoise serving static
files straight from the source folders; `--production` collects hashed, compressed static
files and runs gunicorn (docs/deployment.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import click


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossing.web.settings")
    import django

    django.setup()


def prepare(*, production: bool) -> None:
    """Create or update the database and publish the journey; exit 1 on a content error.

    A data folder or database that cannot be written stops the start with a SetupError
    naming it (crossing/web/data_folder.py, database.py), rather than the first reader's
    report finding out."""
    from django.conf import settings
    from django.core.management import call_command

    from crossing.web import data_folder, database
    from crossing.web.content import site_content
    from crossing.web.journey.publish import ContentError, journey

    click.echo(f"data folder: {settings.DATA_DIR}", err=True)
    data_folder.check_writable(settings.DATA_DIR)
    with database.setting_up():
        call_command("migrate", interactive=False, verbosity=0)
        database.check_writable()
    if production:
        with data_folder.writes_to(settings.STATIC_ROOT):
            call_command("collectstatic", interactive=False, verbosity=0)
    # The odds are kept there: only a cache, but without it every worker computes them again.
    cache = settings.DATA_DIR / "cache"
    with data_folder.writes_to(settings.DATA_DIR):
        cache.mkdir(exist_ok=True)
    data_folder.check_writable(cache)
    try:
        published = journey()
        content = site_content()
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    scenes = len(published.story.scenes)
    odds = "with exact odds" if published.odds is not None else "without odds (too large)"
    click.echo(f"published '{published.story.title}': {scenes} scenes, {odds}", err=True)
    click.echo(
        f"published {len(content.chapters)} chapters, {len(content.works)} works, "
        f"{len(content.figures)} figures, {len(content.sources)} sources",
        err=True,
    )


# A Unix socket's path must fit in sun_path (108 bytes on Linux, 104 on macOS).
SOCKET_PATH_MAX = 100


def control_socket_options(data: Path) -> dict[str, Any]:
    """gunicorn's control socket, one per site: by default every gunicorn a user runs shares
    ~/.gunicorn/gunicorn.ctl, and a second site would take over the first's. It lives in the
    site's data folder, readable by its owner only; off where that path is too long."""
    path = data / "gunicorn.ctl"
    if len(os.fsencode(path)) > SOCKET_PATH_MAX:
        return {"control_socket_disable": True}
    return {"control_socket": str(path), "control_socket_mode": 0o600}


def close_inherited_connections() -> None:
    """Close every database and cache connection this process holds. A forked worker must
    never use its parent's socket: on PostgreSQL, workers sharing the master's connection
    answered 500 ("can't change 'autocommit' now") and stored reports they never
    acknowledged. Each worker opens its own on first use."""
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()


def forwarded_allow_ips() -> str:
    """The proxies gunicorn believes about the scheme (X-Forwarded-Proto): the same as the
    site believes about the client's address, CROSSING_TRUSTED_PROXIES (by default nobody).
    gunicorn's own FORWARDED_ALLOW_IPS would let the two disagree, so it is not read."""
    from django.conf import settings

    if "FORWARDED_ALLOW_IPS" in os.environ:
        click.echo(
            "warning: FORWARDED_ALLOW_IPS is ignored: set CROSSING_TRUSTED_PROXIES to the "
            "proxies' addresses or networks instead (docs/deployment.md)",
            err=True,
        )
    if not settings.CROSSING_TRUSTED_PROXIES and settings.SECURE_SSL_REDIRECT:
        click.echo(
            "warning: CROSSING_TRUSTED_PROXIES is empty, so no proxy is believed that a "
            "request came over HTTPS: behind one, every request is redirected to HTTPS again "
            "and again. Name the proxy (e.g. CROSSING_TRUSTED_PROXIES=127.0.0.1), or set "
            "CROSSING_NO_SSL_REDIRECT=1 where no proxy terminates TLS (docs/deployment.md)",
            err=True,
        )
    return ",".join(str(network) for network in settings.CROSSING_TRUSTED_PROXIES)


# What was asked and how it went, never who asked: the site promises to keep no record of
# who reads it, and gunicorn's default line starts with the address and ends with the
# browser's name.
ACCESS_LOG_FORMAT = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'


def run_gunicorn(host: str, port: int, workers: int, *, outbox_worker: bool = True) -> None:
    from gunicorn.app.base import BaseApplication

    from crossing.web.environment import data_dir
    from crossing.web.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "accesslog": "-",
                "access_log_format": ACCESS_LOG_FORMAT,
                "forwarded_allow_ips": forwarded_allow_ips(),
                **control_socket_options(data_dir()),
                # And in each worker, should anything have opened one before the fork.
                "post_fork": lambda server, worker: close_inherited_connections(),
            }
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self) -> Any:
            return application

    close_inherited_connections()  # opened by migrate and publish, in the process that forks
    outbox = WorkerProcess() if outbox_worker else None
    try:
        Server().run()
    finally:
        if outbox is not None:
            outbox.stop()


# --- The outbox's worker: one, beside the site (docs/deployment.md, "Email and the worker") ---

WORKER_STOP_SECONDS = 30  # enough to finish the message in hand (EMAIL_TIMEOUT is 20)
WORKER_RESTART_SECONDS = 1.0


class WorkerProcess:
    """ONE worker beside gunicorn's workers (not one in each), started again if it dies
    (kill -9, out of memory) while the server runs. It stops with the server, and by itself
    if the server is killed (it watches that its parent is still there)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.process = self.start()
        threading.Thread(target=self.watch, name="outbox-watch", daemon=True).start()

    def start(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "crossing.web.outbox", "--parent", str(os.getpid())]
        return subprocess.Popen(command)

    def watch(self) -> None:
        # Polled, not waited for: with a thread blocked in Popen.wait(), gunicorn did not
        # stop on SIGTERM (it waited for its workers until its timeout).
        while not self.stopping.wait(WORKER_RESTART_SECONDS):
            code = self.process.poll()
            if code is None:
                continue
            with self.lock:
                if self.stopping.is_set():
                    return
                click.echo(f"the outbox's worker stopped ({code}); starting it again", err=True)
                self.process = self.start()

    def stop(self) -> None:
        with self.lock:
            self.stopping.set()
            process = self.process
        process.terminate()  # it finishes the message in hand, then exits
        try:
            process.wait(WORKER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def warn_if_emails_are_not_sent() -> None:
    from django.conf import settings

    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        click.echo(
            f"warning: CROSSING_EMAIL_URL is not set, so emails are saved in "
            f"{settings.EMAIL_FILE_PATH}, not sent: set it to your mail server, e.g. "
            "smtp://USER:PASSWORD@HOST:587?tls=1 (docs/deployment.md)",
            err=True,
        )


def serve(
    *,
    host: str,
    port: int,
    production: bool,
    workers: int,
    watch: bool = False,
    outbox_worker: bool = True,
) -> None:
    if production:
        os.environ["CROSSING_PRODUCTION"] = "1"
    if watch:
        os.environ["CROSSING_WATCH"] = "1"
    setup_django()
    prepare(production=production)
    click.echo(f"Crossing is running: http://{host}:{port}/  (Ctrl+C stops it)", err=True)
    if watch:
        click.echo("watching content/: open pages reload when a file changes", err=True)
    if production:
        warn_if_emails_are_not_sent()
        run_gunicorn(host, port, workers, outbox_worker=outbox_worker)
    else:
        from django.core.management import call_command

        from crossing.web.outbox.worker import start_thread

        if outbox_worker:
            start_thread()  # the outbox's worker, a thread of the development server
        call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
