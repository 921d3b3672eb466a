"""The `crossing` command: check, compile, play and analyse stories (docs/cli.md)."""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console

from crossing.analysis import odds, playtest
from crossing.analysis.explore import DEFAULT_MAX_STATES, TooManyStates
from crossing.analysis.graph import (
    GraphvizFailed,
    GraphvizMissing,
    render_svg,
    story_dot,
    story_edges,
)
from crossing.analysis.scenario import ScenarioError, scenario
from crossing.story import Loaded, load_any, load_source
from crossing.story.compiled import CompiledStory
from crossing.story.diagnostics import render, sort_key, summary
from crossing.story.rng import MASK
from crossing.story.transcript import ScriptError, parse_script, run_script

STORY_PATH = click.Path(exists=True, path_type=Path)


def output_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`-o/--output FILE`, required: the file a command writes."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crossing")
def cli() -> None:
    """Crossing: write, check and play documentary stories."""


def main() -> None:
    """The console script: no traceback reaches a user unless CROSSING_DEBUG is set."""
    try:
        cli(standalone_mode=True)
    except Exception as exc:
        if os.environ.get("CROSSING_DEBUG"):
            raise
        click.echo(
            f"crossing: internal error: {exc!r}\n"
            "This is a bug in Crossing; please report it with the command you ran "
            "(CROSSING_DEBUG=1 shows the details).",
            err=True,
        )
        sys.exit(70)


def _print_diagnostics(loaded: Loaded, as_json: bool) -> None:
    diagnostics = sorted(loaded.diagnostics, key=sort_key)
    if as_json:
        errors = sum(d.severity == "error" for d in diagnostics)
        click.echo(
            json.dumps(
                {
                    "ok": errors == 0,
                    "errors": errors,
                    "warnings": len(diagnostics) - errors,
                    "diagnostics": [d.to_json() for d in diagnostics],
                },
                indent=2,
            )
        )
        return
    for diagnostic in diagnostics:
        click.echo(render(diagnostic, loaded.texts), err=True)
        click.echo("", err=True)
    click.echo(summary(diagnostics), err=True)


def _load_or_exit(path: Path) -> Loaded:
    loaded = load_any(path)
    if loaded.problem:
        click.echo(f"error: {loaded.problem}", err=True)
        sys.exit(1)
    if loaded.story is None:
        _print_diagnostics(loaded, as_json=False)
        sys.exit(1)
    return loaded


@cli.command()
@click.argument("path", type=STORY_PATH, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the diagnostics as JSON.")
def check(path: Path | None, as_json: bool) -> None:
    """Check the content tree (by default ./content: the journey, chapters, works, data
    and figures), or one story (a .story file, or a folder with main.story)."""
    from crossing.content.check import check_tree, is_content_tree

    path = path or content_folder()
    if is_content_tree(path):
        tree = check_tree(path)
        _print_diagnostics(Loaded(None, tree.diagnostics, tree.texts), as_json)
        sys.exit(1 if tree.errors else 0)
    loaded = load_source(path)
    _print_diagnostics(loaded, as_json)
    sys.exit(1 if loaded.errors else 0)


def content_folder() -> Path:
    """The site's content folder (CROSSING_CONTENT_DIR, else ./content), as `serve` reads it."""
    from crossing.web.environment import content_dir

    path = content_dir()
    if not path.is_dir():
        raise click.UsageError(f"no content folder at '{path}': give a path")
    return path


@cli.command(name="compile")
@click.argument("path", type=STORY_PATH)
@output_option("Where to write the compiled JSON ('-' for standard output).")
def compile_command(path: Path, output: Path) -> None:
    """Compile a story to the JSON the players read (docs/compiled-format.md)."""
    loaded = load_source(path)
    if loaded.story is None:
        _print_diagnostics(loaded, as_json=False)
        sys.exit(1)
    text = json.dumps(loaded.story.to_json(), ensure_ascii=False, separators=(",", ":"))
    if str(output) == "-":
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        warnings = len(loaded.diagnostics)
        click.echo(
            f"wrote {output} ({len(text.encode())} bytes; {warnings} warning{'s' * (warnings != 1)})",
            err=True,
        )


@cli.command()
@click.argument("path", type=STORY_PATH)
@click.option(
    "--seed",
    type=click.IntRange(0, MASK),
    help="Random seed (default: random; 0 with --script/--json).",
)
@click.option("--script", "script_text", help="Play without asking: choices such as 1,2,u,s,1.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON transcript instead of playing.")
@click.option(
    "--save-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where s and l save and load (default: <story id>.save.json in the user's data folder).",
)
def play(
    path: Path, seed: int | None, script_text: str | None, as_json: bool, save_file: Path | None
) -> None:
    """Play a story in the terminal, or by script with a JSON transcript."""
    loaded = _load_or_exit(path)
    story = loaded.story
    assert story is not None
    if script_text is not None or as_json:
        try:
            script = parse_script(script_text or "")
        except ScriptError as exc:
            raise click.BadParameter(str(exc), param_hint="--script") from exc
        transcript = run_script(story, 0 if seed is None else seed, script)
        click.echo(json.dumps(transcript, ensure_ascii=False, indent=1 if not as_json else None))
        sys.exit(1 if transcript["end"]["status"] == "error" else 0)
    from crossing.terminal.player import default_save_path, play_interactive

    play_interactive(
        story,
        secrets.randbelow(MASK + 1) if seed is None else seed,
        save_file or default_save_path(story.id),
        Console(highlight=False),
    )


def scenario_options(command: Callable[..., None]) -> Callable[..., None]:
    """--from and --set: analyse the story as if it began elsewhere, with values set."""
    command = click.option(
        "--set",
        "settings",
        multiple=True,
        metavar="NAME=VALUE",
        help="Start with this variable set (repeatable): --set year=y2019.",
    )(command)
    return click.option(
        "--from", "start", metavar="SCENE", help="Start at this scene instead of the story's."
    )(command)


def _scenario_or_exit(path: Path, start: str | None, settings: tuple[str, ...]) -> CompiledStory:
    story = _load_or_exit(path).story
    assert story is not None
    try:
        return scenario(story, start, settings)
    except ScenarioError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@cli.command(name="test")
@click.argument("path", type=STORY_PATH)
@click.option(
    "--runs",
    type=click.IntRange(1, 10_000_000),
    default=1000,
    show_default=True,
    help="How many random playthroughs.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, MASK),
    default=0,
    show_default=True,
    help="Run r plays with story seed SEED + r; its choices come from (SEED, r).",
)
@click.option("--avoid-used", is_flag=True, help="Prefer choices no earlier run has taken.")
@click.option(
    "--max-decisions",
    type=click.IntRange(1, None),
    default=1000,
    show_default=True,
    help="A run that has not ended after this many decisions fails.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--hits", is_flag=True, help="Also list how often each scene and choice was hit.")
@scenario_options
def test_command(
    path: Path,
    runs: int,
    seed: int,
    avoid_used: bool,
    max_decisions: int,
    as_json: bool,
    hits: bool,
    start: str | None,
    settings: tuple[str, ...],
) -> None:
    """Play a story many times at random; report failures and what was never reached."""
    story = _scenario_or_exit(path, start, settings)
    report = playtest.run_playtests(story, runs, seed, avoid_used, max_decisions)
    if as_json:
        click.echo(json.dumps(report.to_json(str(path)), ensure_ascii=False, indent=2))
    else:
        click.echo(playtest.render_text(report, str(path), hits))
    sys.exit(0 if report.ok else 1)


@cli.command(name="graph")
@click.argument("path", type=STORY_PATH)
@output_option("FILE.svg (drawn by Graphviz's dot), FILE.dot, or '-' for DOT on standard output.")
def graph_command(path: Path, output: Path) -> None:
    """Draw the story's map: scenes, choices, chances and endings, by chapter."""
    to_stdout = str(output) == "-"
    suffix = output.suffix.lower()
    if not to_stdout and suffix not in (".svg", ".dot"):
        raise click.BadParameter(
            f"'{output}' should end in .svg or .dot (the suffix chooses the format)",
            param_hint="'-o' / '--output'",
        )
    story = _load_or_exit(path).story
    assert story is not None
    text = story_dot(story)
    if to_stdout:
        click.echo(text, nl=False)
        return
    if suffix == ".svg":
        try:
            text = render_svg(text)
        except GraphvizMissing:
            click.echo(
                "error: writing SVG needs Graphviz's `dot` (Debian: apt-get install graphviz); "
                f"or write {output.with_suffix('.dot')}",
                err=True,
            )
            sys.exit(1)
        except GraphvizFailed as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    output.write_text(text, encoding="utf-8")
    edges = len(story_edges(story))
    click.echo(f"wrote {output} ({len(story.scenes)} scenes, {edges} edges)", err=True)


@cli.command(name="odds")
@click.argument("path", type=STORY_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--max-states",
    type=click.IntRange(1, None),
    default=DEFAULT_MAX_STATES,
    show_default=True,
    help="Stop, saying how far it got, when the story has more reachable states.",
)
@click.option(
    "--goal",
    default="safety",
    show_default=True,
    help="The ending kind that best and worst play maximise and minimise.",
)
@scenario_options
def odds_command(
    path: Path,
    as_json: bool,
    max_states: int,
    goal: str,
    start: str | None,
    settings: tuple[str, ...],
) -> None:
    """Exact odds of every ending, for a random, a best and a worst reader."""
    story = _scenario_or_exit(path, start, settings)
    if goal not in story.ending_kinds:
        raise click.BadParameter(
            f"'{goal}' is not an ending kind of this story ({', '.join(story.ending_kinds)})",
            param_hint="--goal",
        )
    started = time.perf_counter()
    try:
        report = odds.analyse(story, goal, max_states)
    except TooManyStates as exc:
        if as_json:
            click.echo(json.dumps(odds.limit_json(story, exc), indent=2))
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(odds.render_text(report, time.perf_counter() - started))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--production",
    is_flag=True,
    help="Serve with gunicorn, hashed static files, HSTS and secure cookies.",
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1), help="gunicorn workers."
)
@click.option("--watch", is_flag=True, help="Reload open pages when a file under content/ changes.")
def serve(host: str, port: int, production: bool, workers: int, watch: bool) -> None:
    """Set up the database, publish content/ and serve the site (docs/deployment.md)."""
    from crossing.web.serve import serve as run

    run(host=host, port=port, production=production, workers=workers, watch=watch)


@cli.command()
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write (empty, new, or an earlier export).",
)
@click.option("--base-url", help="The site's public address, for the sitemap and links.")
def build(out: Path, base_url: str | None) -> None:
    """Export the whole site as static files that open from a folder (docs/cli.md)."""
    from crossing.web.journey.publish import ContentError
    from crossing.web.serve import setup_django

    setup_django()
    from crossing.web.export import ExportError, build_site

    try:
        result = build_site(out, base_url=base_url)
    except (ContentError, ExportError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(
        f"wrote {out}: {result.pages} pages, {result.figures} figures, {result.files} files, "
        f"{result.bytes:,} bytes in {result.seconds:.1f} s",
        err=True,
    )
    if not base_url:
        click.echo(
            "note: without --base-url the sitemap's addresses are relative to the folder",
            err=True,
        )


@cli.command()
@click.argument("path", type=STORY_PATH)
@output_option("The HTML file to write.")
def bundle(path: Path, output: Path) -> None:
    """Write the story as one HTML file that plays offline, from file:// (docs/cli.md)."""
    from crossing.web.bundle import write_bundle
    from crossing.web.journey.ending_screen import NotesError

    loaded = _load_or_exit(path)
    assert loaded.story is not None  # _load_or_exit exits otherwise
    folder = path if path.is_dir() else path.parent  # its endings.toml, if it has one
    try:
        size = write_bundle(loaded.story, output, folder=folder)
    except NotesError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(f"wrote {output} ({size:,} bytes)", err=True)
