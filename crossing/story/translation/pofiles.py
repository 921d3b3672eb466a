"""The catalogues: one gettext PO file per story file and locale, `locale/LL/NAME.po`
beside the story's main file (`railroad.story` → `locale/ko/railroad.po`; the places table's
names → `locale/ko/places.po`). Each entry's context (msgctxt) is the unit's stable ID, its
msgid the source words, its msgstr the translation; an extracted comment says where the
words are and carries the source's hash. Babel reads and writes the files."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from .units import Group, Unit

PLACES = "places"  # the catalogue of the places table's names
SOURCES = "sources"  # the catalogue of the sources table's glosses and notes
# Babel guesses Python formats from `{…}` and `%`; story text is neither.
_GUESSED_FLAGS = {"python-format", "python-brace-format"}
_HASH = re.compile(r"^source-hash: ([0-9a-f]+)$")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class CatalogueError(Exception):
    """A catalogue that cannot be read, or a locale that cannot be used; said in words."""


def check_locale(locale: str) -> str:
    """`ko`, `zh-Hans`, `pt_BR`…: a locale Babel knows, or a CatalogueError saying why not."""
    if not _LOCALE.match(locale):
        raise CatalogueError(f"'{locale}' is not a locale code (for example ko, ja, zh-Hans)")
    try:
        Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise CatalogueError(f"unknown locale '{locale}'") from exc
    return locale


def _message(unit: Unit, group: Group, string: str = "", **extra: object) -> Message:
    message = Message(
        unit.source,
        string,
        locations=[(group.source, unit.spans[0].line)],
        auto_comments=[unit.comment, f"source-hash: {unit.hash}"],
        context=unit.id,
        **extra,  # type: ignore[arg-type]
    )
    message.flags -= _GUESSED_FLAGS
    return message


def new_catalogue(locale: str, group: Group, old: Catalog | None = None) -> Catalog:
    """The catalogue of `group` for `locale`. With `old`, translations carry over: kept as
    they are when their source words did not change, marked fuzzy (needing review, with the
    words they translated as `#| msgid`) when they did; entries for units that are gone
    become obsolete (`#~`)."""
    catalogue = Catalog(
        locale=locale.replace("-", "_"),
        domain=group.name,
        project="Crossing",
        version=group.source,
        msgid_bugs_address="docs/translating.md",
        last_translator="Crossing team",
        language_team=f"{Locale.parse(locale.replace('-', '_')).english_name}, Crossing team",
        header_comment=(
            f"# {Locale.parse(locale.replace('-', '_')).english_name} translation of "
            f"{group.source}, by stable IDs (msgctxt).\n"
            "# Made by `crossing translate extract`; refresh with `crossing translate update`,\n"
            "# review with `crossing translate check` (docs/translating.md)."
        ),
        creation_date=old.creation_date if old is not None else datetime.now(UTC),
        revision_date=old.revision_date if old is not None else datetime.now(UTC),
        fuzzy=False,
    )
    kept = {m.context: m for m in old if m.id} if old is not None else {}
    for unit in group.units:
        previous = kept.pop(unit.id, None)
        if previous is None or not previous.string:
            catalogue[unit.source] = _message(unit, group)
        elif previous.id == unit.source:
            flags = ["fuzzy"] if previous.fuzzy else []
            catalogue[unit.source] = _message(
                unit, group, str(previous.string), flags=flags, previous_id=previous.previous_id
            )
        else:
            catalogue[unit.source] = _message(
                unit, group, str(previous.string), flags=["fuzzy"], previous_id=previous.id
            )
    if old is not None:
        for gone in (*kept.values(), *old.obsolete.values()):
            if gone.string:
                catalogue.obsolete[(gone.id, gone.context)] = gone  # type: ignore[index]
    return catalogue


def entries(catalogue: Catalog) -> Iterator[Message]:
    """The catalogue's messages, header and obsolete ones left out."""
    return (message for message in catalogue if message.id)


def read(path: Path, locale: str) -> Catalog:
    try:
        with path.open("rb") as file:
            return read_po(file, locale=locale.replace("-", "_"), abort_invalid=True)
    except (OSError, PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue: {exc}") from exc


def write(path: Path, catalogue: Catalog) -> None:
    for message in catalogue:  # Babel guesses these again whenever it reads a file
        message.flags -= _GUESSED_FLAGS
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, include_previous=True, sort_output=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def source_hash(message: Message) -> str | None:
    for comment in message.auto_comments:
        if match := _HASH.match(comment):
            return match.group(1)
    return None
