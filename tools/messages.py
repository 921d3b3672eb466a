"""The interface's message catalogues: extract them from the code, or update the translations.

    python tools/messages.py update            # every locale's django.po and crossing.po
    python tools/messages.py extract OUTDIR    # fresh catalogues for `ko` under OUTDIR
    python tools/messages.py compile PO MO     # what `make` runs for each catalogue

Two domains, one folder (crossing/locale/<locale>/LC_MESSAGES/):
- django: the site (templates and Python under crossing/web), extracted by Django's
  makemessages (GNU gettext's xgettext underneath);
- crossing: the words of the code that never imports Django (crossing/content's charts and
  maps, crossing/editions, crossing/terminal), extracted by Babel; crossing/locales.py reads
  it with the standard library.

`update` keeps every translation whose English did not change; a changed or new string
arrives empty or fuzzy, and tests/test_catalogues.py fails until it is translated. Only
file names are kept as locations (no line numbers), so a moved line changes no catalogue;
`extract` writes them with line numbers, for the test to say where a string is."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "crossing"
LOCALE_DIR = PACKAGE / "locale"
# The engine's folders and module: domain crossing, never Django's.
ENGINE = ("content", "editions", "terminal", "locales.py")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ["Translators:"]


def locales() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())


def django_messages(locale_dir: Path, locale: list[str], *, lines: bool) -> None:
    """Django's makemessages over crossing/ into `locale_dir`, the engine left out.

    It runs over a copy of the package without its catalogues: makemessages writes each
    file's strings into the `locale` folder nearest to it, whatever LOCALE_PATHS says."""
    work = Path(tempfile.mkdtemp(prefix="crossing-messages-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossing.web.settings")
    os.environ.setdefault("CROSSING_DATA_DIR", str(work / "data"))  # not in the tree
    import django
    from django.core.management import call_command
    from django.test.utils import override_settings

    django.setup()
    source = work / "crossing"
    shutil.copytree(
        PACKAGE,
        source,
        ignore=shutil.ignore_patterns("locale", "static", "node", "__pycache__", *ENGINE),
    )
    here = Path.cwd()
    os.chdir(source)  # makemessages reads the current folder
    try:
        with override_settings(LOCALE_PATHS=[str(locale_dir)]):
            call_command(
                "makemessages",
                locale=locale,
                add_location="full" if lines else "file",
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(here)
        shutil.rmtree(work)


def engine_catalogue(*, lines: bool) -> Catalog:
    """The engine's words, extracted by Babel."""
    catalogue = Catalog(project="Crossing", domain="crossing")
    for name in ENGINE:
        path = PACKAGE / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            where = source.relative_to(ROOT).as_posix()
            found = extract_from_file(
                "python",
                str(source),
                keywords=KEYWORDS,
                comment_tags=COMMENT_TAGS,
                strip_comment_tags=True,
            )
            for lineno, message, comments, context in found:
                catalogue.add(
                    message,
                    locations=[(where, lineno if lines else None)],
                    auto_comments=comments,
                    context=context,
                    flags=("python-format",) if "%(" in str(message) else (),
                )
    return catalogue


def engine_messages(locale_dir: Path, locale: list[str], *, lines: bool) -> None:
    """Each locale's crossing.po, updated from the code (or created)."""
    template = engine_catalogue(lines=lines)
    for code in locale:
        po = locale_dir / code / "LC_MESSAGES" / "crossing.po"
        if po.exists():
            with po.open("rb") as f:
                catalogue = read_po(f, locale=code, domain="crossing")
        else:
            catalogue = Catalog(locale=code, domain="crossing", project="Crossing")
        template.creation_date = catalogue.creation_date  # a run that changes nothing: no diff
        catalogue.update(template, update_header_comment=False)
        catalogue.obsolete.clear()
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as f:
            write_po(f, catalogue, width=100, omit_header=False, include_lineno=lines)


def compile_catalogue(po: Path, mo: Path) -> None:
    """The .mo file gettext reads, fuzzy entries left out. Not `pybabel compile`: its check
    pairs a one-form language's only translation with the English singular ("One reply"),
    where it must follow the plural ("%(count)d replies"); tests/test_catalogues.py checks
    the placeholders instead."""
    with po.open("rb") as f:
        catalogue = read_po(f)
    with mo.open("wb") as f:
        write_mo(f, catalogue, use_fuzzy=False)


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"] and len(argv) == 1:
        django_messages(LOCALE_DIR, locales(), lines=False)
        engine_messages(LOCALE_DIR, locales(), lines=False)
        return 0
    if argv[:1] == ["extract"] and len(argv) == 2:
        out = Path(argv[1]).resolve()
        django_messages(out, ["ko"], lines=True)
        engine_messages(out, ["ko"], lines=True)
        return 0
    if argv[:1] == ["compile"] and len(argv) == 3:
        compile_catalogue(Path(argv[1]), Path(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
