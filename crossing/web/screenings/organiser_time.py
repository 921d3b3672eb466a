"""Local times as organisers type them ("2027-03-14T02:30" in "America/Toronto") made into
moments, with a precise answer when the clocks change that night: a time that does not
exist there (the clocks go forward) or happens twice (they go back)."""

from __future__ import annotations

import datetime
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What <input type="datetime-local"> sends, and what people type where it is a text box.
FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")

# Offered first: where most requests are likely to come from.
COMMON_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Vancouver",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Africa/Johannesburg",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Bangkok",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Pacific/Auckland",
    "UTC",
)


@cache
def all_zones() -> frozenset[str]:
    # Only "Region/City" names and UTC: not the old aliases ("US/Eastern", "EST5EDT").
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name == "UTC"
        or (
            "/" in name
            and name.split("/")[0]
            in {
                "Africa",
                "America",
                "Antarctica",
                "Arctic",
                "Asia",
                "Atlantic",
                "Australia",
                "Europe",
                "Indian",
                "Pacific",
            }
        )
    )


def zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The zones for a <select>: the common ones, then all of them by region."""
    common = [(z, z.replace("_", " ")) for z in COMMON_ZONES if z in all_zones()]
    regions: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(all_zones()):
        region = name.split("/")[0] if "/" in name else _("Other")
        regions.setdefault(region, []).append((name, name.replace("_", " ")))
    return [(_("Common time zones"), common), *list(regions.items())]


def parse_local(text: str) -> datetime.datetime:
    """A naive local date and time, or ValidationError."""
    text = text.strip()
    for pattern in FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise ValidationError(
        _("Give a date and time such as 2027-05-14 19:30 (year-month-day hours:minutes)."),
        code="invalid",
    )


def _offset(moment: datetime.datetime) -> str:
    delta = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02}:{rest:02}"


def _span(first: datetime.datetime, second: datetime.datetime) -> str:
    gap = abs(
        (second.utcoffset() or datetime.timedelta(0)) - (first.utcoffset() or datetime.timedelta(0))
    )
    minutes = int(gap.total_seconds()) // 60
    if minutes % 60 == 0:
        hours = minutes // 60
        return _("one hour") if hours == 1 else _("%(n)d hours") % {"n": hours}
    return _("%(n)d minutes") % {"n": minutes}


def aware(local: datetime.datetime, zone_name: str) -> datetime.datetime:
    """The moment `local` names in the zone; ValidationError if the clocks skip it or
    show it twice that day."""
    zone = zoneinfo.ZoneInfo(zone_name)
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    day = local.strftime("%Y-%m-%d")
    shown = local.strftime("%H:%M")
    place = zone_name.replace("_", " ")
    back = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    if back == local:
        raise ValidationError(
            _(
                "On %(day)s the clocks in %(place)s go back %(span)s, so %(time)s happens "
                "twice there (first at %(first)s, then at %(second)s). Choose a time outside "
                "that hour, so that nobody comes at the wrong one."
            )
            % {
                "day": day,
                "place": place,
                "span": _span(first, second),
                "time": shown,
                "first": _offset(first),
                "second": _offset(second),
            },
            code="ambiguous",
        )
    later = first.astimezone(datetime.UTC).astimezone(zone)
    raise ValidationError(
        _(
            "On %(day)s the clocks in %(place)s go forward %(span)s, so %(time)s does not "
            "exist there. Choose another time, for example %(later)s."
        )
        % {
            "day": day,
            "place": place,
            "span": _span(first, second),
            "time": shown,
            "later": later.strftime("%H:%M"),
        },
        code="nonexistent",
    )


def local_input(moment: datetime.datetime, zone_name: str) -> str:
    """A moment as <input type="datetime-local"> shows it, in the zone."""
    return moment.astimezone(zoneinfo.ZoneInfo(zone_name)).strftime("%Y-%m-%dT%H:%M")
