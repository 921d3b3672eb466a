"""Numbers as readers read them: "2,914", "77 %", "$10,000", "about 50", "under $2,000".

The same strings go into the chart labels and the data table, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from crossing.locales import _

NO_FIGURE = "—"
# Words an amount may carry, and which end of it stays open.
QUALIFIERS = ("", "about", "under", "up to", "over", "more than")
OPEN_BELOW = ("under", "up to")  # the true figure is at most the amount
OPEN_ABOVE = ("over", "more than")  # the true figure is at least the amount


def number(value: float) -> str:
    """2914 -> "2,914"; 72.1 -> "72.1" (whole numbers lose their ".0")."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def percent(value: float) -> str:
    # Translators: a share, as in "77 %" (Korean writes no space: "77%").
    return _("%(value)s %%") % {"value": number(round(value))}


def money(value: float, unit: str) -> str:
    """$10,000 for a unit written before the number ("$"), 12 m won after it ("m won")."""
    if not unit:
        return number(value)
    if unit in ("$", "€", "£", "¥", "₩"):
        return f"{unit}{number(value)}"
    return f"{number(value)} {unit}"


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure as a source gives it: one number, or a span, with its qualifying word."""

    value: float
    to: float | None = None  # the upper end, when sources give a span ("500–600")
    qualifier: str = ""

    @property
    def high(self) -> float:
        return self.to if self.to is not None else self.value

    def text(self, unit: str = "") -> str:
        shown = money(self.value, unit)
        if self.to is not None:
            shown = (
                f"{shown}–{number(self.to)}" if unit == "$" else f"{shown}–{money(self.to, unit)}"
            )
        return qualified(self.qualifier, shown)


def qualified(qualifier: str, amount: str) -> str:
    """An amount with its qualifying word, in the language being spoken: "under $2,000"."""
    words = {
        "": "%(amount)s",
        "about": _("about %(amount)s"),
        "under": _("under %(amount)s"),
        "up to": _("up to %(amount)s"),
        "over": _("over %(amount)s"),
        "more than": _("more than %(amount)s"),
    }
    return words[qualifier] % {"amount": amount}
