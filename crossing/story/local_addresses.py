"""The addresses of images (and other media) that editors write: files of the site itself,
never anything a browser would fetch from elsewhere or run. The site promises readers that
it loads nothing from another host, and so do its static export and single file.

An address is accepted when a browser resolving it against any page of the site stays on
that site: a path from the site's root (`/images/river.jpg`) or from the page
(`river.jpg`). Refused, each with what to write instead:

- any scheme: `https:`, `javascript:`, `data:` too (in any case: `JavaScript:`). A photo in
  the content is a file, reviewed and credited like the rest, never data inline; the
  policy's `img-src data:` is for the site's own code, not for content;
- `//host/…`, which names another host;
- a backslash: browsers read `\\` as `/`, so `/\\host` is `//host`;
- spaces and invisible characters: browsers drop tabs and line breaks inside an address
  (`java<tab>script:` is `javascript:`) and strip control characters at its ends.

This module is the one rule; the story checker and the site's content checker report its
refusals at the place each address is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A URL scheme as browsers read one (WHATWG URL: an ASCII letter, then letters, digits,
# "+", "-" or ".", then ":"). Anything else before a ":" makes a relative path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_PATH = "the path of the file on this site (no scheme, no host)"
_SHOWN = 80  # characters of an address quoted in a message
_NAMED = {" ": "a space", "\t": "a tab", "\n": "a line break", "\r": "a line break"}
_ELSEWHERE = ("http", "https")  # schemes that name another site; others are no image at all


@dataclass(frozen=True, slots=True)
class Refusal:
    message: str  # what is wrong, quoting the address
    hint: str  # what to write instead


def shown(address: str) -> str:
    """The address as a message quotes it: invisible characters as \\uXXXX, cut short."""
    text = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04X}" for ch in address)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _invisible(ch: str) -> str | None:
    """How to name a character that has no place in an address, or None if it may stay."""
    if ch in _NAMED:
        return _NAMED[ch]
    if ch.isprintable() and not ch.isspace():
        return None
    name = unicodedata.name(ch, "")
    return f"an invisible character (U+{ord(ch):04X}{f' {name}' if name else ''})"


def refusal(address: str, what: str = "image") -> Refusal | None:
    """Why `address` may not be the address of an `what` in the content, or None when a
    browser would load it from the site itself."""
    if not address:
        return Refusal(f"an {what} needs an address", f"write {_PATH}")
    quoted = shown(address)
    for ch in address:
        name = _invisible(ch)
        if name:
            return Refusal(
                f"the {what} address '{quoted}' holds {name}",
                "write it without spaces or invisible characters (browsers drop some, which "
                "can make it another address); a space in a file name is written %20",
            )
    if "\\" in address:
        return Refusal(
            f"the {what} address '{quoted}' holds a backslash",
            "browsers read '\\' as '/' (so '/\\host' is another site): separate folders with '/'",
        )
    scheme = _SCHEME.match(address)
    if address.startswith("//") or (scheme and scheme.group(1).lower() in _ELSEWHERE):
        return Refusal(
            f"an {what} from another site: '{quoted}'",
            f"the site loads nothing from elsewhere: copy the file here, write {_PATH}, "
            "and credit where it comes from",
        )
    if scheme and scheme.group(1).lower() == "data":
        return Refusal(
            f"an {what} written as data ('{quoted}'), not as a file",
            f"put it in a file and write {_PATH}",
        )
    if scheme:
        return Refusal(
            f"an {what} address must be a path on this site, not '{scheme.group(0)}…'",
            f"write {_PATH}",
        )
    return None
