"""Which units go into which catalogue: one per story file (named by its path from the
main file's folder, without `.story`), and one for the places table's names."""

from __future__ import annotations

from pathlib import Path

from ..loader import Project, load_project, resolve_main
from .pofiles import PLACES, SOURCES
from .units import Group, file_units, place_units, source_units


def catalogue_folder(story: Path, locale: str) -> Path:
    """Where a story's catalogues for `locale` live: `locale/LL/` beside its main file."""
    return resolve_main(story).resolve().parent / "locale" / locale


def groups(project: Project) -> list[Group]:
    """The units of an (untranslated) story, one group per catalogue, in reading order."""
    main = project.main
    if main is None:
        return []
    folder = Path(project.paths[main.path]).parent
    result: list[Group] = []
    for story_file in project.files:
        real = Path(project.paths[story_file.path])
        try:
            relative = real.relative_to(folder)
        except ValueError:  # an include from an allowed folder elsewhere
            relative = Path(real.name)
        name = relative.with_suffix("").as_posix()
        units = file_units(story_file, project.texts[story_file.path])
        result.append(Group(name, relative.as_posix(), units))
    if project.sources:
        first = next(iter(project.sources.values())).position.path
        result.append(Group(SOURCES, Path(first).name, source_units(project.sources)))
    if project.places:
        first = next(iter(project.places.values())).position.path
        result.append(Group(PLACES, Path(first).name, place_units(project.places)))
    return result


def story_groups(story: Path, allow_include: tuple[Path, ...] = ()) -> tuple[list[Group], Project]:
    project = load_project(story, allow_include)
    return groups(project), project
