"""The interactive terminal player: numbered choices, u undo, s save, l load, w why, q quit."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from crossing.editions.words import N_, ending_kind_words
from crossing.locales import _, speaking
from crossing.story.compiled import Chance, CompiledStory
from crossing.story.runtime import AWAITING, ENDED, Program, Session, Step, StoryLoopError
from crossing.story.saves import SaveError, restore, save

from .html_text import to_rich

# The command letters stay the same in every language; the words around them are translated.
HELP = N_(
    "Type a number to choose · u undo · s save · l load · w why a chance · r restart · q quit"
)
END_HINT = N_("u steps back, r starts again, q quits.")


def default_save_path(story_id: str) -> Path:
    """Where s and l keep a story's save: the user's data folder, never the current one."""
    return platformdirs.user_data_path("crossing") / "saves" / f"{story_id}.save.json"


class TerminalPlayer:
    def __init__(self, story: CompiledStory, seed: int, save_path: Path, console: Console):
        self.story = story
        self.program = Program(story)
        self.places = {place.key: place for place in story.places}
        self.sources = {source.key: source for source in story.sources}
        self.seed = seed
        self.save_path = save_path
        self.console = console
        self.last_chance: Chance | None = None
        self.session, steps = Session.begin(self.program, seed)
        self.show(steps)

    def show(self, steps: list[Step]) -> None:
        for step in steps:
            scene = self.story.scenes[self.program.scene_index[step.scene]]
            place = self.places.get(scene.place or "")
            parts = (scene.title, place.name if place else None, scene.date or scene.era)
            heading = " · ".join(dict.fromkeys(part for part in parts if part))
            if heading and (step.text or step.ending):
                self.console.print(Rule(heading, style="dim"))
            if step.text:
                self.console.print(to_rich(step.text))
            self.show_sources(scene.sources)
            if step.chance is not None and scene.chance is not None:
                self.last_chance = scene.chance
                self.show_chance(scene.chance, scene.chance.outcomes[step.chance["outcome"]].weight)
            if step.ending is not None:
                self.console.print(
                    Panel(
                        to_rich(step.ending.get("epilogue", "")),
                        title=_("Ending: %(kind)s")
                        % {"kind": ending_kind_words(step.ending["kind"])},
                    )
                )
        self.console.print()
        if self.session.status == AWAITING:
            for number, choice in enumerate(steps[-1].choices or [], start=1):
                self.console.print(f"  [bold]{number}[/bold]. ", to_rich(choice["text"]), sep="")
        elif self.session.status == ENDED:
            self.console.print("[dim]" + _("The end.") + " " + _(END_HINT) + "[/dim]")
        else:
            self.console.print(
                "[yellow]"
                + _("The story has no way on from here.")
                + "[/yellow] "
                + _("(u to step back)")
            )

    def show_chance(self, chance: Chance, weight: int) -> None:
        """How often what chance decided happens, and whether a source or an estimate says so."""
        odds = _("it happens %(weight)s times in %(total)s") % {
            "weight": weight,
            "total": chance.total,
        }
        if chance.basis == "record":
            titles = "; ".join(self.sources[key].title for key in chance.sources)
            line = _("From the record: %(odds)s (%(sources)s).") % {"odds": odds, "sources": titles}
        else:
            line = _("An estimate — no source counts this: %(odds)s.") % {"odds": odds}
        self.console.print(Text(line, style="dim"))
        if chance.note or chance.background:
            self.console.print("[dim]" + _("Type w to read how this number was chosen.") + "[/dim]")

    def why(self) -> None:
        """The calibration note of the last chance drawn, and its background sources."""
        chance = self.last_chance
        if chance is None or not (chance.note or chance.background):
            self.console.print(
                "[dim]" + _("No chance has been drawn yet with a note to read.") + "[/dim]"
            )
            return
        title = (
            _("How this number was found") if chance.basis == "record" else _("Why this estimate")
        )
        body = to_rich(chance.note or "")
        if chance.background:
            body.append("\n" + _("Background, not the source of the number: "), style="dim")
            body.append(
                "; ".join(self.sources[key].title for key in chance.background), style="dim"
            )
        self.console.print(Panel(body, title=title))

    def show_sources(self, keys: tuple[str, ...]) -> None:
        """The scene's citations, numbered as in its text, so a reader can look them up."""
        for number, key in enumerate(keys, start=1):
            source = self.sources[key]
            details = ", ".join(part for part in (source.author, source.date, source.url) if part)
            self.console.print(Text(f"  [{number}] {source.title} — {details}", style="dim"))

    def handle(self, command: str) -> bool:
        """Act on one line the reader typed; False when the reader quits."""
        command = command.strip().lower()
        if command in ("q", "quit"):
            return False
        if command == "u":
            steps = self.session.undo()
            if steps is None:
                self.console.print("[dim]" + _("Nothing to undo.") + "[/dim]")
            else:
                self.show(steps)
        elif command == "s":
            self.save()
        elif command == "l":
            self.load()
        elif command == "w":
            self.why()
        elif command == "r":
            self.session, steps = Session.begin(self.program, self.seed)
            self.show(steps)
        elif command.isdigit():
            self.choose(int(command))
        else:
            self.console.print(f"[dim]{_(HELP)}[/dim]")
        return True

    def choose(self, number: int) -> None:
        """Take choice `number` (counted from 1), or say why there is none by that number."""
        if self.session.status != AWAITING:
            self.console.print(
                "[yellow]" + _("There is nothing to choose here.") + "[/yellow] " + _(END_HINT)
            )
            return
        count = len(self.session.offered)
        if not 1 <= number <= count:
            if count == 1:
                refusal = _("There is no choice %(number)s: type 1.") % {"number": number}
            else:
                refusal = _("There is no choice %(number)s: type a number from 1 to %(count)s.") % {
                    "number": number,
                    "count": count,
                }
            self.console.print(f"[yellow]{refusal}[/yellow]")
            return
        self.show(self.session.choose(number - 1))

    def save(self) -> None:
        try:
            self.save_path.parent.mkdir(parents=True, exist_ok=True)
            self.save_path.write_text(json.dumps(save(self.session), indent=1), encoding="utf-8")
        except OSError as exc:
            failed = _("Cannot save to %(path)s: %(error)s") % {
                "path": self.save_path,
                "error": exc.strerror,
            }
            self.console.print(f"[red]{failed}[/red]")
            return
        saved = _("Saved to %(path)s.") % {"path": self.save_path}
        self.console.print(f"[dim]{saved}[/dim]")

    def load(self) -> None:
        try:
            data = json.loads(self.save_path.read_text(encoding="utf-8"))
            self.session, steps, messages = restore(self.program, data)
        except FileNotFoundError:
            missing = _("There is no save at %(path)s yet (s saves).") % {"path": self.save_path}
            self.console.print(f"[yellow]{missing}[/yellow]")
            return
        except OSError as exc:
            failed = _("Cannot load %(path)s: %(error)s") % {
                "path": self.save_path,
                "error": exc.strerror,
            }
            self.console.print(f"[red]{failed}[/red]")
            return
        except (json.JSONDecodeError, SaveError) as exc:
            failed = _("Cannot load %(path)s: %(error)s") % {"path": self.save_path, "error": exc}
            self.console.print(f"[red]{failed}[/red]")
            return
        for message in messages:
            self.console.print(f"[yellow]{message}[/yellow]")
        self.show(steps)


def play_interactive(
    story: CompiledStory, seed: int, save_path: Path, console: Console, locale: str = "en"
) -> None:
    """Play until the reader quits, the player's own words in `locale`."""
    with speaking(locale):
        _play(story, seed, save_path, console)


def _play(story: CompiledStory, seed: int, save_path: Path, console: Console) -> None:
    console.print(Panel(f"[bold]{story.title}[/bold]\n[dim]{_(HELP)}[/dim]"))
    try:
        player = TerminalPlayer(story, seed, save_path, console)
        while True:
            try:
                line = console.input("> ")
            except EOFError:
                break
            if not player.handle(line):
                break
    except StoryLoopError as exc:
        stopped = _("The story stopped: %(error)s") % {"error": exc}
        console.print(f"[red]{stopped}[/red]")
