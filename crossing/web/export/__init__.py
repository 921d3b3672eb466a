"""`crossing build --out DIR`: the whole site as static files that open from a folder.
Screenings and events as they are at the build, with their calendars (.ics); their pages
say when the copy was made.

Every page is rendered by the site itself (Django's test client, no server), then:
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
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import posixpath
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.core.files.storage import Storage
from django.test import Client, override_settings
from django.utils.translation import gettext as _

from .policy_meta import with_policy_meta

MARKER = ".crossing-export"  # marks a folder this command may replace
_LINK = re.compile(r"""(\b(?:href|src|action)=)(["'])(/[^"']*)\2""")
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)
_TESTSERVER = re.compile(r"https?://testserver(?=/)")


class ExportError(Exception):
    """A page could not be rendered, or the output folder is not ours to replace."""


@dataclass(frozen=True, slots=True)
class Export:
    pages: int  # HTML pages
    figures: int  # SVG figure files
    files: int  # every file written, static files included
    bytes: int
    seconds: float


def file_for(address: str) -> str:
    """Where an address lives in the export: '/a/b/' -> 'a/b/index.html'."""
    path = address.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if path == "" or path.endswith("/"):
        return path + "index.html"
    return path


def relative_link(from_address: str, to_address: str) -> str:
    """A link from one page to another address, relative, naming the file itself (a
    folder opened from file:// shows no index.html by itself)."""
    target, hash_mark, fragment = to_address.partition("#")
    here = posixpath.dirname("/" + file_for(from_address))
    link = posixpath.relpath("/" + file_for(target), here)
    return link + hash_mark + fragment


def _rewrite_links(html: str, change: Callable[[str], str]) -> str:
    """Every site-absolute href, src and action (`/a/b/`) passed through `change`."""

    def swap(match: re.Match[str]) -> str:
        attribute, quote, target = match.groups()
        if target.startswith("//"):
            return match.group(0)  # protocol-relative: another host, left alone
        return f"{attribute}{quote}{change(target)}{quote}"

    return _LINK.sub(swap, html)


def relativise(html: str, address: str) -> str:
    return _rewrite_links(html, lambda target: relative_link(address, target))


def rooted_under(html: str, base_url: str) -> str:
    """Links that hold at any depth, for 404.html: a host serves it for a missing address
    anywhere in the tree, where relative links would point nowhere. Only possible when the
    public address (and so the site's path on its host) is known."""
    root = urlsplit(base_url).path.rstrip("/")
    return _rewrite_links(html, lambda target: root + target)


def replace_forms(html: str) -> str:
    note = _("This form works on the live site; this copy of the site is for reading only.")
    return _FORM.sub(f'<p class="export-note">{note}</p>', html)


@contextmanager
def _export_settings(base_url: str | None) -> Iterator[None]:
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        # Plain names: the export's files are copied by name, not collected and hashed.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        CROSSING_STATIC_EXPORT=True,
        CROSSING_SITE_URL=base_url or "",
        CROSSING_WATCH=False,
        STORAGES=storages,
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
    ):
        yield


def _render(client: Client, address: str, expect: int = 200) -> bytes:
    # The deliberate 404 (for 404.html) is not worth a warning in the log.
    logging.getLogger("django.request").disabled = expect == 404
    try:
        response = client.get(address)
    finally:
        logging.getLogger("django.request").disabled = False
    if response.status_code != expect:
        raise ExportError(f"{address} answered {response.status_code}, not {expect}")
    return bytes(response.content)


def _sitemap(client: Client, base_url: str | None) -> bytes:
    xml = _render(client, "/sitemap.xml").decode()
    if base_url:
        return _TESTSERVER.sub(base_url.rstrip("/"), xml).encode()
    # Without a public address, locations relative to the folder: valid for people and
    # link checkers, not for search engines (the command says so).
    return re.sub(r"<loc>https?://testserver/", "<loc>", xml).encode()


_FEED_LINK = re.compile(r"https?://testserver(/[^\"'<>&\s]*)")


def _feed(client: Client, address: str, base_url: str | None) -> bytes:
    """A news feed as a file. Its links are absolute, as feeds' must be: under `--base-url`
    when given; else relative to the feed's file, like the sitemap's (for people and link
    checkers: a feed reader needs the public address)."""
    xml = _render(client, address).decode()
    if base_url:
        return _TESTSERVER.sub(base_url.rstrip("/"), xml).encode()
    return _FEED_LINK.sub(lambda m: relative_link(address, m.group(1)), xml).encode()


STAGING = "crossing-build"  # .NAME.crossing-build-PID-XXXX: a build being written
OLD = "crossing-old"  # .NAME.crossing-old-PID: the old site, during the fallback swap
KEEP = ("CNAME",)  # besides dotfiles: kept at the export's root across rebuilds
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _target(out: Path) -> Path:
    """The real folder to write: symlinks followed (the link itself is never replaced);
    never the current folder or one holding it, which the swap would pull from under the
    shell."""
    target = out.resolve()
    here = Path.cwd().resolve()
    if not target.name or target == here or target in here.parents:
        raise ExportError(
            f"{out} is the current folder or holds it, which the build would replace: "
            "run it from the parent folder, e.g. `crossing build --out site`"
        )
    if target.exists() and not target.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    return target


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _leftovers(out: Path, kind: str) -> Iterator[tuple[Path, int]]:
    """Folders beside `out` that a build named `.NAME.KIND-PID...`, with their PID."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.{kind}-(\d+)(?:-.*)?")
    for path in out.parent.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_dir() and not path.is_symlink():
            yield path, int(match.group(1))


def _recover(out: Path) -> None:
    """Undo what killed builds left: the old site back if a fallback swap was cut between
    its two renames, then their staging and old folders removed."""
    for kind in (OLD, STAGING):
        for path, pid in _leftovers(out, kind):
            if pid == os.getpid() or _running(pid):
                continue  # a build still running beside us
            if kind == OLD and not out.exists() and (path / MARKER).exists():
                path.rename(out)
            else:
                shutil.rmtree(path, ignore_errors=True)


def _prepare(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ExportError(
            f"{out} is not empty and holds no earlier export: choose an empty or new folder"
        )
    prefix = f".{out.name}.{STAGING}-{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))


def _readable(folder: Path) -> None:
    """Folders 0755 and files 0644: a web server running as another user reads them."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):  # the build writes no symlinks
        path.chmod(0o755 if path.is_dir() else 0o644)


def _keep(out: Path, staging: Path) -> None:
    """CNAME and the dotfiles at the old export's root (`.git`, `.nojekyll`, ...), copied
    into the new one so that the swap keeps them."""
    if not out.is_dir():
        return
    for path in out.iterdir():
        if path.name == MARKER or not (path.name.startswith(".") or path.name in KEEP):
            continue
        copy = staging / path.name
        if copy.exists() or copy.is_symlink():
            continue  # written by this build
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, copy, symlinks=True)
        else:
            shutil.copy2(path, copy, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    text = ctypes.c_char_p
    renameat2.argtypes = [ctypes.c_int, text, ctypes.c_int, text, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`, so that `out` is the old or the new site at every
    instant (see the module's notes); the old site is then deleted."""
    if not out.exists():
        staging.rename(out)  # atomic; fails rather than replace a folder made meanwhile
    elif _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
    else:
        old = out.with_name(f".{out.name}.{OLD}-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        try:
            staging.rename(out)
        except BaseException:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)


def build_site(out: Path, *, base_url: str | None = None) -> Export:
    """Write the whole site to `out`; return what was written."""
    from .content import site_content
    from .events.selectors import calendar_addresses
    from .events.selectors import public_addresses as event_addresses
    from .journey.ending_pages import ending_addresses
    from .screenings.selectors import public_addresses

    started = time.perf_counter()
    out = _target(out)
    try:
        staging = _prepare(out)
    except OSError as error:
        raise ExportError(f"cannot write beside {out}: {error}") from error
    try:
        with _export_settings(base_url):
            _database_ready()
            client = Client()
            content = site_content()
            written: dict[str, int] = {}  # file -> bytes

            def write(name: str, data: bytes) -> None:
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                written[name] = len(data)

            # Screenings as they are now (their pages say so, and where to reserve).
            pages = (
                content.addresses() + ending_addresses() + public_addresses() + event_addresses()
            )
            for address in pages:
                html = _render(client, address).decode()
                page = replace_forms(relativise(html, address))
                write(file_for(address), with_policy_meta(page).encode())
            missing = _render(client, "/this-page-does-not-exist/", expect=404).decode()
            # Relative to the root without a public address: right at the top of the
            # folder (and on hosts that redirect to /404.html), unstyled deeper down.
            missing = rooted_under(missing, base_url) if base_url else relativise(missing, "/")
            write("404.html", with_policy_meta(missing).encode())
            for key in content.figures:
                write(f"figures/{key}.svg", _render(client, f"/figures/{key}.svg"))
            write("sitemap.xml", _sitemap(client, base_url))
            for address in content.news.feed_addresses():
                write(file_for(address), _feed(client, address, base_url))
            # Calendars as they are now (the events page says when the copy was made).
            for address in calendar_addresses():
                write(file_for(address), _render(client, address))
            for path, storage in _static_files():
                with storage.open(path) as source:
                    write(f"static/{path}", source.read())
        (staging / MARKER).write_text("Written by `crossing build`; it may replace this folder.\n")
        _readable(staging)
        _keep(out, staging)
        _swap(staging, out)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):  # a full disk, a mount point as DIR, ...
            raise ExportError(f"cannot write {out}: {error}") from error
        raise
    html_files = sum(name.endswith(".html") for name in written)
    return Export(
        html_files,
        len(content.figures),
        len(written),
        sum(written.values()),
        time.perf_counter() - started,
    )


def _database_ready() -> None:
    """Posts and chapters show their approved comments: a data folder no server has started
    yet (a fresh checkout's first `crossing build`) gets its tables first."""
    from django.core.management import call_command

    from . import database

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
