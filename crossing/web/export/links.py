"""Where each page lives in the export, and its links made relative to it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

_LINK = re.compile(r"""(\b(?:href|src|action)=)(["'])(/[^"']*)\2""")
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)


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
    return _link(posixpath.dirname("/" + file_for(from_address)), target) + hash_mark + fragment


@lru_cache(maxsize=1 << 16)
def _link(here: str, target: str) -> str:
    """Kept: every page links to the same few dozen addresses (navigation, static files)."""
    return posixpath.relpath("/" + file_for(target), here)


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
