"""`crossing translate extract|update|check`: the story's catalogues by stable IDs
(docs/translating.md, "The journey"; the machinery is crossing/story/translation)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from crossing.story.loader import shown_path
from crossing.story.translation.extract import catalogue_folder, story_groups
from crossing.story.translation.pofiles import (
    CatalogueError,
    check_locale,
    new_catalogue,
    read,
    write,
)
from crossing.story.translation.review import review
from crossing.story.translation.units import Group

STORY_PATH = click.Path(exists=True, path_type=Path)


def _locale(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return check_locale(value)
    except CatalogueError as exc:
        raise click.BadParameter(str(exc)) from exc


locale_option = click.option(
    "--locale",
    required=True,
    callback=_locale,
    help="The language to translate into: ko, ja, zh-Hans…",
)


@click.group()
def translate() -> None:
    """Translate a story's words by stable IDs (gettext PO catalogues)."""


def _load_groups(path: Path, allow: tuple[Path, ...]) -> list[Group]:
    groups, project = story_groups(path, allow)
    errors = [d for d in project.diagnostics if d.severity == "error"]
    if errors or not groups:
        click.echo(f"error: the story has errors; run `crossing check {path}` first", err=True)
        sys.exit(1)
    return groups


@translate.command()
@click.argument("path", type=STORY_PATH)
@locale_option
@click.option(
    "--force", is_flag=True, help="Write over catalogues that exist (losing their translations)."
)
def extract(path: Path, locale: str, force: bool) -> None:
    """Write a new catalogue for each story file (and the places' names) to translate."""
    folder = catalogue_folder(path, locale)
    groups = _load_groups(path, ())
    existing = [g for g in groups if (folder / f"{g.name}.po").exists()]
    if existing and not force:
        names = ", ".join(shown_path(folder / f"{g.name}.po") for g in existing)
        click.echo(
            f"error: {names} exist(s): `crossing translate update` keeps their translations "
            "(or give --force to start again)",
            err=True,
        )
        sys.exit(1)
    units = 0
    for group in groups:
        write(folder / f"{group.name}.po", new_catalogue(locale, group))
        units += len(group.units)
    click.echo(f"wrote {len(groups)} catalogues in {shown_path(folder)} ({units} units)", err=True)


@translate.command()
@click.argument("path", type=STORY_PATH)
@locale_option
def update(path: Path, locale: str) -> None:
    """Bring the catalogues up to the story: new words added, changed ones marked fuzzy."""
    folder = catalogue_folder(path, locale)
    groups = _load_groups(path, ())
    added = changed = 0
    for group in groups:
        target = folder / f"{group.name}.po"
        try:
            old = read(target, locale) if target.exists() else None
        except CatalogueError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        before = {m.context: m for m in old if m.id} if old is not None else {}
        catalogue = new_catalogue(locale, group, old)
        for message in catalogue:
            if not message.id:
                continue
            previous = before.get(message.context)
            added += previous is None
            changed += previous is not None and previous.id != message.id
        write(target, catalogue)
    click.echo(
        f"updated {len(groups)} catalogues in {shown_path(folder)}: {added} new, "
        f"{changed} changed (marked fuzzy)",
        err=True,
    )


@translate.command()
@click.argument("path", type=STORY_PATH)
@locale_option
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def check(path: Path, locale: str, as_json: bool) -> None:
    """Report missing, outdated and mismatched translations at file:line (exit 1 if any)."""
    _load_groups(path, ())
    try:
        result = review(path, locale)
    except CatalogueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "locale": locale,
                    "ok": result.ok,
                    "units": result.units,
                    "current": result.current,
                    "counts": {
                        k: result.count(k) for k in ("missing", "outdated", "mismatched", "unused")
                    },
                    "findings": [f.to_json() for f in result.findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in result.findings:
            click.echo(finding.render(), err=True)
        click.echo(result.summary(), err=True)
    sys.exit(0 if result.ok else 1)
