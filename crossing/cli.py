"""The `crossing` command: check, compile and play stories (docs/cli.md)."""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

import click
from rich.console import Console

from crossing.story import Loaded, load_any, load_source
from crossing.story.diagnostics import render, sort_key, summary
from crossing.story.rng import MASK
from crossing.story.transcript import ScriptError, parse_script, run_script

STORY_PATH = click.Path(exists=True, path_type=Path)


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
@click.argument("path", type=STORY_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the diagnostics as JSON.")
def check(path: Path, as_json: bool) -> None:
    """Check a story (a .story file, or a folder with main.story)."""
    loaded = load_source(path)
    _print_diagnostics(loaded, as_json)
    sys.exit(1 if loaded.errors else 0)


@cli.command(name="compile")
@click.argument("path", type=STORY_PATH)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the compiled JSON ('-' for standard output).",
)
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
    help="Where s and l save and load (default: <story id>.save.json).",
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
    from crossing.terminal.player import play_interactive

    play_interactive(
        story,
        secrets.randbelow(MASK + 1) if seed is None else seed,
        save_file or Path(f"{story.id}.save.json"),
        Console(highlight=False),
    )
