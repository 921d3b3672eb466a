"""`crossing build --out DIR`: the whole site as static files that open from a folder.
Screenings and events as they are at the build, with their calendars (.ics); their pages
say when the copy was made.

Every page is rendered by the site itself (Django's test client, no server), over all the
cores (`jobs`: forked workers, crossing.web.export.parallel), then:
links become relative (`../sources/index.html#source-x`) so the folder works from
`file://`, from a USB stick or under any path on any static host; forms, which need the
live site, become a short note (the comments' form says comments are closed in this copy; the
approved comments and references are in the pages); the journey carries its story and
player inline. The
sitemap uses `--base-url` when given. Last of all, each page gets the site's
Content-Security-Policy as a <meta> (crossing.web.policy_meta), its inline code hashed.

The folder is written beside the old one (in `.NAME.crossing-build-PID-XXXX`) and swapped
in at the end, so a failed or killed build never leaves half a site. On Linux the swap is
one `renameat2(RENAME_EXCHANGE)` call, which exchanges the two folders atomically: at every
instant DIR is the whole old site or the whole new one, and DIR stays a real folder (no
symlink for a web server to be told to follow). Where that call is missing (other systems,
some file systems) the fallback renames the old folder to `.NAME.crossing-old-PID` and the
new one into place; a kill between those two renames leaves no DIR for that moment, and the
next build puts the old site back before anything else. Staging and old folders of killed
builds (their PID no longer running) are removed at the next build. Files are written 0644
and folders 0755, whatever the umask, so a web server running as another user can read
them. Dotfiles at the top of the old export (`.git`, `.nojekyll`, ...) and `CNAME` are
copied into the new one before the swap. A symlinked DIR is followed: the site is built
into its target and the link is left alone.

A rebuild renders only the pages whose inputs changed: a manifest in the export
(`.crossing-export-manifest.json`) keeps each page's digest of its inputs
(crossing.web.export.inputs says what they are), and a page whose digest is unchanged is
copied from the previous export, as are figures, the site map and feeds. `full=True`
renders everything. The pages of screenings and events and the calendars, which say when
the copy was made, the 404 page and static files are written anew at every build (they
are few and cheap).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.storage import Storage
from django.test import Client
from django.utils import translation

from ..languages import codes, default, localized, split
from ..policy_meta import with_policy_meta
from . import folder
from .folder import MARKER, _keep, _prepare, _readable, _recover, _target
from .inputs import MANIFEST, Inputs, read_manifest, write_manifest
from .links import file_for, relative_link, relativise, replace_forms, rooted_under
from .parallel import default_jobs, render_all
from .render import export_settings, feed, render, sitemap
from .result import Export, ExportError

__all__ = [
    "MANIFEST",
    "MARKER",
    "Export",
    "ExportError",
    "_recover",
    "build_site",
    "file_for",
    "in_every_language",
    "relative_link",
    "relativise",
    "replace_forms",
    "rooted_under",
]


def finished(html: str, address: str) -> bytes:
    """A rendered page as the export writes it: links relative, forms replaced by a note,
    the policy as a meta (last: it hashes the final inline code)."""
    return with_policy_meta(replace_forms(relativise(html, address))).encode()


def build_site(
    out: Path, *, base_url: str | None = None, jobs: int | None = None, full: bool = False
) -> Export:
    """Write the whole site to `out` over `jobs` processes (default: every core), rendering
    only the pages whose inputs changed since the export there (all with `full`); return
    what was written."""
    from ..content import site_content
    from ..events.selectors import calendar_addresses
    from ..events.selectors import public_addresses as event_addresses
    from ..journey.ending_pages import ending_addresses
    from ..screenings.selectors import public_addresses

    started = time.perf_counter()
    out = _target(out)
    try:
        staging = _prepare(out)
    except OSError as error:
        raise ExportError(f"cannot write beside {out}: {error}") from error
    try:
        # Each page rendered activates its language in this thread: put back at the end.
        with export_settings(base_url), translation.override(default()):
            _database_ready()
            client = Client()
            content = site_content()
            for language in codes():  # read once here, not again in each forked worker
                site_content(language)
            written: dict[str, int] = {}  # file -> bytes

            def write(name: str, data: bytes) -> None:
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                written[name] = len(data)

            def page(address: str) -> tuple[str, int]:
                name = file_for(address)
                data = finished(render(client, address).decode(), address)
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                return name, len(data)

            # Pages made from the content (and comments, readers' counts), figures, the site
            # map and feeds: copied from the previous export when their inputs are the same.
            inputs = Inputs(content, base_url)
            previous = {} if full else read_manifest(out)
            digests: dict[str, str] = {}
            copied: list[str] = []

            def unchanged(address: str) -> bool:
                name = file_for(address)
                digests[name] = inputs.of(address)
                if previous.get(name) != digests[name] or not (out / name).is_file():
                    return False
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out / name, staging / name)
                written[name] = (staging / name).stat().st_size
                copied.append(name)
                return True

            # Every page in every language: English at the top, the others in their folder
            # (ko/…), as the site serves them (crossing.web.languages).
            made = content.addresses() + ending_addresses()
            todo = [a for a in in_every_language(made) if not unchanged(a)]
            # Screenings and events as they are now (their pages say so, and where to reserve).
            todo += in_every_language(public_addresses() + event_addresses())
            for name, size in render_all(todo, page, jobs or default_jobs()):
                written[name] = size
            missing = render(client, "/this-page-does-not-exist/", expect=404).decode()
            # Relative to the root without a public address: right at the top of the
            # folder (and on hosts that redirect to /404.html), unstyled deeper down.
            missing = rooted_under(missing, base_url) if base_url else relativise(missing, "/")
            write("404.html", with_policy_meta(missing).encode())
            for address in in_every_language([f"/figures/{key}.svg" for key in content.figures]):
                if not unchanged(address):
                    write(file_for(address), render(client, address))
            if not unchanged("/sitemap.xml"):
                write("sitemap.xml", sitemap(client, base_url))
            for address in in_every_language(content.news.feed_addresses()):
                if not unchanged(address):
                    write(file_for(address), feed(client, address, base_url))
            # Calendars as they are now (the events page says when the copy was made).
            for address in in_every_language(calendar_addresses()):
                write(file_for(address), render(client, address))
            for path, storage in _static_files():
                with storage.open(path) as source:
                    write(f"static/{path}", source.read())
        write_manifest(staging, digests)
        (staging / MARKER).write_text("Written by `crossing build`; it may replace this folder.\n")
        _readable(staging)
        _keep(out, staging)
        folder._swap(staging, out)  # looked up here: tests kill a build inside it
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):  # a full disk, a mount point as DIR, ...
            raise ExportError(f"cannot write {out}: {error}") from error
        raise
    html_files = sum(name.endswith(".html") for name in written)
    reused = sum(name.endswith(".html") for name in copied)
    return Export(
        html_files,
        len(content.figures),
        len(written),
        sum(written.values()),
        time.perf_counter() - started,
        rendered=html_files - reused,
        reused=reused,
    )


def in_every_language(addresses: list[str]) -> list[str]:
    """Each address, then the same pages in each other language. (Addresses reversed
    after a page in another language was rendered name that language: each is taken back
    to its English address first.)"""
    english = [split(address)[1] for address in addresses]
    found = list(english)
    for language in codes():
        if language != default():
            found += [localized(address, language) for address in english]
    return found


def _database_ready() -> None:
    """Posts and chapters show their approved comments: a data folder no server has started
    yet (a fresh checkout's first `crossing build`) gets its tables first."""
    from django.core.management import call_command

    from .. import database

    with database.setting_up():
        call_command("migrate", interactive=False, verbosity=0)


def _static_files() -> Iterator[tuple[str, Storage]]:
    seen: set[str] = set()
    for finder in finders.get_finders():
        # The admin's files are for staff on the running site, not for the export.
        for path, storage in finder.list(["admin/*"]):
            if path not in seen:
                seen.add(path)
                yield path, storage
