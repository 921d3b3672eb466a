"""The Korean catalogues are complete and sound: every string the code marks today has a
translation, none empty or fuzzy, and each keeps its English's placeholders and markup.

The strings are extracted afresh from the code into a temporary folder (Django's
makemessages for the site, Babel for the engine: tools/messages.py), so a string added
without its translation fails here, named with its file and line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "crossing" / "locale"
DOMAINS = ("django", "crossing")
# Every language with catalogues; each must be complete.
LANGUAGES = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
CATALOGUES = [(language, domain) for language in LANGUAGES for domain in DOMAINS]

# %(name)s, %(n)d, %(ending)r; {name} (the player's and the ending screen's own fill-ins).
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdirf]|\{(\w+)\}")
TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9]*)")


def _catalogue(path: Path, language: str = "ko") -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Catalog]:
    if shutil.which("xgettext") is None:
        pytest.fail(
            "GNU gettext's xgettext is needed to extract the strings: apt-get install gettext"
        )
    out = tmp_path_factory.mktemp("extracted")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CROSSING_DATA_DIR": str(out / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "messages.py"), "extract", str(out)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    return {d: _catalogue(out / "ko" / "LC_MESSAGES" / f"{d}.po") for d in DOMAINS}


def _committed(language: str, domain: str) -> Catalog:
    return _catalogue(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po", language)


def _where(message: Message, domain: str) -> str:
    # makemessages names files from crossing/, Babel from the repository.
    prefix = "crossing/" if domain == "django" else ""
    return ", ".join(f"{prefix}{path}:{line}" for path, line in message.locations) or "?"


def _strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_every_string_in_the_code_has_a_translation(
    extracted: dict[str, Catalog], language: str, domain: str
) -> None:
    committed = _committed(language, domain)
    problems = []
    for message in extracted[domain]:
        if not message.id:
            continue
        mine = committed.get(message.id, message.context)
        if mine is None:
            problems.append(f"{_where(message, domain)}: not in the catalogue: {message.id!r}")
        elif mine.fuzzy:
            problems.append(f"{_where(message, domain)}: fuzzy: {message.id!r}")
        elif not all(_strings(mine)):
            problems.append(f"{_where(message, domain)}: not translated: {message.id!r}")
    assert not problems, (
        f"Run `make messages`, translate these in crossing/locale/{language}/LC_MESSAGES/"
        f"{domain}.po (docs/translating.md):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_the_catalogue_holds_nothing_fuzzy_and_its_plural_forms(language: str, domain: str) -> None:
    committed = _committed(language, domain)
    assert not committed.fuzzy
    assert not [m.id for m in committed if m.id and m.fuzzy]
    forms = committed.num_plurals  # from the header's Plural-Forms
    assert all(len(_strings(m)) == forms for m in committed if m.id and m.pluralizable)


def test_korean_has_one_plural_form() -> None:
    for domain in DOMAINS:
        assert _committed("ko", domain).num_plurals == 1


def _placeholders(text: str) -> Counter[str]:
    return Counter(a or b for a, b in PLACEHOLDER.findall(text))


def _tags(text: str) -> Counter[str]:
    return Counter(TAG.findall(text))


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_each_translation_keeps_its_placeholders_and_markup(language: str, domain: str) -> None:
    problems = []
    forms = _committed(language, domain).num_plurals
    for message in _committed(language, domain):
        if not message.id:
            continue
        for form, translated in enumerate(_strings(message)):
            # A language's forms after the first are plurals; a one-form language's only
            # form serves every number, so it follows the plural ("%(count)d replies"),
            # not the singular ("One reply").
            plural = form > 0 or forms == 1
            source = message.id[plural] if isinstance(message.id, tuple) else message.id
            if set(_placeholders(translated)) != set(_placeholders(source)):
                problems.append(f"placeholders differ: {source!r} → {translated!r}")
            if _tags(translated) != _tags(source):
                problems.append(f"markup differs: {source!r} → {translated!r}")
            if source.count("%%") != translated.count("%%"):
                problems.append(f"a literal % differs: {source!r} → {translated!r}")
    assert not problems, "\n".join(problems)


def test_the_checks_catch_a_changed_placeholder_and_tag() -> None:
    assert set(_placeholders("%(count)d of {n}")) == {"count", "n"}
    assert set(_placeholders("%(count)d")) != set(_placeholders("%(cuont)d"))
    assert _tags('<a href="%(url)s">x</a>') != _tags("<a>x")
