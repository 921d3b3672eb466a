"""The compiler's internal variables (`visits:market`, `once:office/ask`, `return:rules`)
under names SugarCube accepts. A JavaScript name may hold `$`, which no Crossing name can, so
the mapping is collision-free and reversible: `:` is `$`, and after it `/` is `$$` and `-` is
`$_` (`once:office/ask-2` is `once$office$$ask$_2`). Authors' names are left as they are."""

from __future__ import annotations

import re

# The kinds counters.py and tunnels.py make; another `$` in a Twine name is not ours.
_INTERNAL = re.compile(r"(?P<kind>visits|once|return):(?P<rest>[A-Za-z0-9_/-]+)")
_ENCODED = re.compile(r"(?P<kind>visits|once|return)\$(?P<rest>(?:[A-Za-z0-9_]|\$\$|\$_)+)")


def sugarcube_name(name: str) -> str:
    """A variable's name in SugarCube (without the leading `$` of markup)."""
    match = _INTERNAL.fullmatch(name)
    if match is None:
        return name
    rest = match.group("rest").replace("/", "$$").replace("-", "$_")
    return f"{match.group('kind')}${rest}"


def crossing_name(name: str) -> str:
    """The Crossing name of a SugarCube variable: `sugarcube_name` undone."""
    match = _ENCODED.fullmatch(name)
    if match is None:
        return name
    rest = re.sub(r"\$(\$|_)", lambda m: "/" if m.group(1) == "$" else "-", match.group("rest"))
    return f"{match.group('kind')}:{rest}"


def is_internal(name: str) -> bool:
    """A name only the compiler makes (it holds a ':')."""
    return ":" in name
