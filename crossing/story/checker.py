"""The checker: resolves names, checks types and odds, and builds the compiled story.

It reports every problem it finds (errors E0xx, warnings W1xx, listed in
docs/story-language.md) and returns a CompiledStory only when there is no error.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import partial

from babel import Locale

from . import compiled as c
from .closed_loops import closed_loops
from .counters import Counters, once_only
from .diagnostics import Diagnostic, Position, did_you_mean
from .expressions import INT_LIMIT, BoolLit, IntLit, Name, Unary, Visit
from .loader import Project
from .local_addresses import refusal
from .markup import CitationNumbers, render_plain_inline, render_text
from .numbers import FORMATS, is_currency, known_formats, locale_for, numbers_for
from .parser import slugify
from .stable_ids import choice_ids
from .syntax import (
    Chance,
    Citation,
    Conditional,
    Effect,
    ExprSource,
    Located,
    Scene,
    TextBlock,
    VarDecl,
    Variation,
)
from .tables import PlaceEntry, SourceEntry
from .tunnels import rewrite as rewrite_tunnels
from .types import BOOL, INT, ExpressionChecker, Type, describe, type_of

DEFAULT_ENDING_KINDS = ("safety", "caught", "died", "stranded", "hiding", "returned")
MAX_TOTAL_WEIGHT = 1 << 31
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WEIGHT = re.compile(r"^(\d{1,10})(?:\.(\d{1,9}))?(%?)$")
SHOWN_LOOP_SCENES = 10  # scenes an E024 names; the rest are counted
MAIN_ONLY_KEYS = ("title", "id", "version", "language", "start", "endings")


def story_id_from_title(title: str) -> str:
    """The id of a story without `id:`: the slug of its title, and when the title is not all
    ASCII (a Korean title has no slug at all; a mixed one would share the slug of its ASCII
    part) a short hash of the whole title after it, so that every title gets its own id in
    the characters ids allow (saves, localStorage keys and file names use it)."""
    slug = slugify(title)
    if title.isascii():
        return slug or "story"
    digest = hashlib.sha256(unicodedata.normalize("NFC", title).encode("utf-8")).hexdigest()
    return f"{slug or 'story'}-{digest[:8]}"


@dataclass(slots=True)
class CheckResult:
    story: c.CompiledStory | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Checker:
    def __init__(self, project: Project):
        self.project = project
        self.diagnostics: list[Diagnostic] = list(project.diagnostics)
        self.variables: dict[str, tuple[int, c.Variable]] = {}
        self.var_positions: dict[str, Position] = {}
        self.written: set[str] = set()
        self.counters = Counters(self.variables)
        self.exprs = ExpressionChecker(self.variables, self.diagnostics.append, self.visit_counter)
        self.scene_index: dict[str, int] = {}
        self.scenes: list[Scene] = []
        self.used_sources: set[str] = set()
        self.ending_kinds: tuple[str, ...] = DEFAULT_ENDING_KINDS
        self.broken_links = False  # an unknown target: reachability would only add noise
        self.language = "en"
        self.locale: Locale | None = None  # the language's, once a number format needs it
        self.formats_used: set[str] = set()
        self.sites: list[str] = []  # variation sites, keyed "scene_id:ordinal"
        self.scene_id, self.scene_sites = "", 0

    def report(
        self, code: str, message: str, position: Position | None, hint: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, message, position, hint))

    # -- the whole story -----------------------------------------------------------

    def run(self) -> CheckResult:
        main = self.project.main
        if main is None:
            return CheckResult(None, self.diagnostics)
        header = self.header()
        self.declare_variables()
        rewrite_tunnels(self.project.files, self.variables, self.diagnostics.append)
        self.collect_scenes()
        chapters = self.chapters()
        if not self.scenes:
            self.report(
                "E019",
                "the story has no scenes",
                Position(main.path, 1, 1),
                "start one with '## start'",
            )
            return CheckResult(None, self.diagnostics)
        start = self.start_scene(header)
        # Chapters with no scene are left out, so a scene's chapter number counts live ones.
        live = [cid for cid, (_, first) in chapters.items() if first >= 0]
        chapter_numbers = {cid: number for number, cid in enumerate(live)}
        compiled_scenes = [self.scene(scene, chapter_numbers) for scene in self.scenes]
        compiled_scenes = self.counters.finish(compiled_scenes)
        self.warn_about_variables()
        self.warn_about_tables()
        self.warn_about_structure(start, compiled_scenes)
        self.report_closed_loops(compiled_scenes)
        if any(d.severity == "error" for d in self.diagnostics):
            return CheckResult(None, self.diagnostics)
        story = c.CompiledStory(
            id=header["id"],
            title=header["title"],
            version=header["version"],
            language=header["language"],
            start=start,
            ending_kinds=self.ending_kinds,
            variables=tuple(v for _, v in self.variables.values()),
            chapters=tuple(
                c.Chapter(cid, title, first)
                for cid, (title, first) in chapters.items()
                if first >= 0
            ),
            scenes=tuple(compiled_scenes),
            sources=tuple(entry.source for entry in self.project.sources.values()),
            places=tuple(entry.place for entry in self.project.places.values()),
            numbers=numbers_for(self.locale, self.formats_used) if self.locale else None,
            sites=tuple(self.sites),
        )
        return CheckResult(story, self.diagnostics)

    def header(self) -> dict[str, str]:
        main = self.project.files[0]
        for other in self.project.files[1:]:
            for key, located in other.header.items():
                if key in MAIN_ONLY_KEYS:
                    self.report(
                        "E013",
                        f"'{key}' belongs in the main file's header",
                        located.position,
                        f"the main file is {main.path}",
                    )
        values = {key: located.text for key, located in main.header.items()}
        if "title" not in values:
            self.report(
                "E013",
                "the story has no title",
                Position(main.path, 1, 1),
                "add 'title: …' to the header",
            )
            values["title"] = "Untitled"
        story_id = values.get("id") or story_id_from_title(values["title"])
        if "id" not in values and not values["title"].isascii():
            self.report(
                "W150",
                f"the story's id '{story_id}' is derived from a title that is not all ASCII",
                main.header["title"].position if "title" in main.header else None,
                "saves and the browser's saved progress are kept by id, and a title in another "
                "script gives no readable one: choose it with 'id:', e.g. 'id: my-story'",
            )
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", story_id):
            self.report(
                "E013",
                f"'{story_id}' is not a valid story id",
                main.header["id"].position if "id" in main.header else None,
                "use lower-case letters, digits and '-'",
            )
        if "endings" in main.header:
            self.ending_kinds = self.declared_kinds(main.header["endings"])
        self.language = values.get("language", "en")
        return {
            "title": values["title"],
            "id": story_id,
            "version": values.get("version", "1"),
            "language": values.get("language", "en"),
            "start": values.get("start", ""),
        }

    # -- variables -----------------------------------------------------------------

    def declare_variables(self) -> None:
        self.values_named_as_variables()
        for story_file in self.project.files:
            for decl in story_file.variables:
                if decl.name in self.variables:
                    first = self.var_positions[decl.name]
                    self.report(
                        "E011",
                        f"variable '{decl.name}' is declared twice",
                        decl.position,
                        f"first declared at {first.path}:{first.line}",
                    )
                    continue
                variable = self.variable(decl)
                if variable is not None:
                    variable = replace(
                        variable,
                        label=decl.label,
                        labels=tuple(
                            name if label is None else label
                            for name, label in zip(decl.values, decl.labels, strict=True)
                        )
                        if decl.labels
                        else (),
                    )
                    self.variables[decl.name] = (len(self.variables), variable)
                    self.var_positions[decl.name] = decl.position

    def values_named_as_variables(self) -> None:
        """A set value with a variable's name could never be written: a bare name is the
        variable (docs/story-language.md, Expressions)."""
        decls = [decl for story_file in self.project.files for decl in story_file.variables]
        names = {decl.name: decl.position for decl in decls}
        for decl in decls:
            for value, where in zip(decl.values, decl.value_positions, strict=False):
                if value in names:
                    other = names[value]
                    self.report(
                        "E055",
                        f"set value '{value}' is also the name of a variable",
                        where,
                        f"'{value}' in a condition or effect would mean the variable declared at "
                        f"{other.path}:{other.line}; rename one of them",
                    )

    def variable(self, decl: VarDecl) -> c.Variable | None:
        init = decl.initial
        node = init.expr if init else None
        type_name = decl.type_name
        if not type_name:  # inferred from the initial value
            if isinstance(node, BoolLit):
                type_name = "bool"
            elif isinstance(node, IntLit) or (
                isinstance(node, Unary) and isinstance(node.operand, IntLit)
            ):
                type_name = "int"
            else:
                self.report(
                    "E062",
                    f"cannot tell the type of '{decl.name}' from its initial value",
                    init.position if init else decl.position,
                    "for a set of values write 'var name: {a, b} = a'",
                )
                return None
        if type_name == "bool":
            if node is None:
                return c.Variable(decl.name, "bool", False)
            if isinstance(node, BoolLit):
                return c.Variable(decl.name, "bool", node.value)
            return self.bad_initial(decl, "true or false")
        if type_name == "enum":
            if node is None:
                return c.Variable(decl.name, "enum", 0, tuple(decl.values))
            if isinstance(node, Name) and node.name in decl.values:
                return c.Variable(
                    decl.name, "enum", decl.values.index(node.name), tuple(decl.values)
                )
            return self.bad_initial(
                decl,
                "one of " + ", ".join(decl.values),
                did_you_mean(node.name if isinstance(node, Name) else "", decl.values),
            )
        # int
        if node is None:
            value = (
                0
                if decl.low is None
                else min(max(0, decl.low), decl.high if decl.high is not None else 0)
            )
        elif isinstance(node, IntLit):
            value = node.value
        elif isinstance(node, Unary) and node.op == "-" and isinstance(node.operand, IntLit):
            value = -node.operand.value
        else:
            return self.bad_initial(decl, "a whole number")
        low = decl.low if decl.low is not None else None
        high = decl.high if decl.high is not None else None
        for bound in (low, high):
            if bound is not None and abs(bound) > INT_LIMIT:
                self.report("E021", f"range bound {bound} is beyond ±{INT_LIMIT}", decl.position)
                return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.report(
                "E021",
                f"initial value {value} is outside {low}..{high}",
                init.position if init else decl.position,
            )
            return None
        return c.Variable(decl.name, "int", value, (), low, high)

    def bad_initial(self, decl: VarDecl, wanted: str, hint: str | None = None) -> c.Variable | None:
        """Report an initial value of the wrong kind; there is then no variable."""
        where = decl.initial.position if decl.initial else decl.position
        self.report("E021", f"the initial value of '{decl.name}' must be {wanted}", where, hint)
        return None

    # -- scenes and chapters -------------------------------------------------------

    def collect_scenes(self) -> None:
        for story_file in self.project.files:
            for scene in story_file.scenes:
                if scene.id in self.scene_index:
                    first = self.scenes[self.scene_index[scene.id]].position
                    self.report(
                        "E003",
                        f"scene '{scene.id}' is defined twice",
                        scene.position,
                        f"first defined at {first.path}:{first.line}",
                    )
                    continue
                self.scene_index[scene.id] = len(self.scenes)
                self.scenes.append(scene)

    def chapters(self) -> dict[str, tuple[str, int]]:
        """Chapter id -> (title, index of its first scene, or -1 if it has none)."""
        first_scene: dict[str, int] = {}
        for index, scene in enumerate(self.scenes):
            if scene.chapter is not None:
                first_scene.setdefault(scene.chapter, index)
        chapters: dict[str, tuple[str, int]] = {}
        for story_file in self.project.files:
            for chapter in story_file.chapters:
                if chapter.id in chapters:
                    self.report(
                        "E003", f"chapter '{chapter.id}' is defined twice", chapter.position
                    )
                    continue
                first = first_scene.get(chapter.id, -1)
                chapters[chapter.id] = (chapter.title, first)
        return chapters

    def start_scene(self, header: dict[str, str]) -> int:
        name = header["start"]
        if not name:
            main_scenes = self.project.files[0].scenes
            return self.scene_index[main_scenes[0].id] if main_scenes else 0
        if name in self.scene_index:
            return self.scene_index[name]
        self.report(
            "E004",
            f"unknown start scene '{name}'",
            self.project.files[0].header["start"].position,
            did_you_mean(name, self.scene_index),
        )
        return 0

    def visit_counter(self, node: Visit, source: ExprSource, cap: int) -> int | None:
        """The internal variable counting entries into the scene `node` names."""
        where = source.at(node.offset, node.width)
        if node.scene not in self.scene_index:
            self.report(
                "E004",
                f"unknown scene '{node.scene}' in {node.kind}()",
                where,
                did_you_mean(node.scene, self.scene_index),
            )
            return None
        return self.counters.visits(self.scene_index[node.scene], node.scene, cap)

    def target(self, name: str, position: Position) -> int:
        if name in self.scene_index:
            return self.scene_index[name]
        self.report(
            "E004", f"unknown scene '{name}'", position, did_you_mean(name, self.scene_index)
        )
        self.broken_links = True
        return -1

    def scene(self, scene: Scene, chapter_numbers: dict[str, int]) -> c.Scene:
        numbers = CitationNumbers()
        self.scene_id, self.scene_sites = scene.id, 0
        meta = scene.meta
        place = self.place(meta.get("place"))
        date = meta.get("date")
        if date is not None and not _DATE.match(date.text):
            self.report(
                "E013",
                f"date '{date.text}' is not YYYY, YYYY-MM or YYYY-MM-DD",
                date.position,
                "use 'era:' for a period such as 'late 2000s'",
            )
        tags = tuple(t.strip() for t in meta["tags"].text.split(",")) if "tags" in meta else ()
        if any(not re.fullmatch(r"[\w-]+", tag) for tag in tags):
            self.report("E013", "tags are words separated by commas", meta["tags"].position)
        effects = tuple(self.effect(e) for e in scene.effects)
        text = self.text(scene.text, numbers)
        diverts = tuple(
            c.Divert(self.target(d.target, d.target_position), self.condition(d.condition))
            for d in scene.diverts
        )
        choices = self.choices(scene, numbers)
        diverts += self.fallback(scene, choices)
        chance = self.chance(scene.chance, numbers) if scene.chance else None
        ending = self.ending(scene, numbers)
        chapter_index = None if scene.chapter is None else chapter_numbers.get(scene.chapter)
        media = tuple(
            c.Media(
                m.kind,
                m.src,
                m.alt.text if m.alt else None,
                render_plain_inline(m.caption.text) if m.caption else None,
                render_plain_inline(m.credit.text) if m.credit else None,
            )
            for m in scene.media
        )
        for m in scene.media:
            refused = refusal(m.src, "image" if m.kind == "image" else "audio file")
            if refused is not None:
                self.report("E013", refused.message, m.position, refused.hint)
            if m.kind == "image" and m.alt is None:
                self.report(
                    "E013",
                    "an image needs alt text",
                    m.position,
                    "add an indented 'alt: …' line under it",
                )
        return c.Scene(
            id=scene.id,
            chapter=chapter_index,
            title=meta["title"].text if "title" in meta else None,
            place=place,
            date=date.text if date else None,
            era=meta["era"].text if "era" in meta else None,
            tags=tags,
            media=media,
            effects=effects,
            text=text,
            sources=tuple(numbers.keys),
            diverts=diverts,
            choices=choices,
            chance=chance,
            ending=ending,
        )

    def place(self, located: Located | None) -> str | None:
        if located is None:
            return None
        return self.lookup("place", located.text, located.position)

    def choices(self, scene: Scene, numbers: CitationNumbers) -> tuple[c.Choice, ...]:
        result: list[c.Choice] = []
        seen: dict[str, Position] = {}
        for choice, choice_id in choice_ids(scene):
            if choice_id in seen:
                self.report(
                    "E015",
                    f"two choices of this scene have the id '{choice_id}'",
                    choice.position,
                    "give one an explicit id: '* Text {#other_id} -> scene'",
                )
            seen[choice_id] = choice.position
            compiled = c.Choice(
                choice_id,
                self.text(choice.text, numbers, inline=True),
                self.target(choice.target, choice.target_position),
                self.condition(choice.condition),
                tuple(self.effect(e) for e in choice.effects),
            )
            if choice.once:
                compiled = once_only(compiled, self.counters.once(choice_id))
            result.append(compiled)
        if scene.choices and scene.chance:
            self.report(
                "E016",
                "a scene has choices or a chance, not both",
                scene.chance.position,
                "move the chance into a scene of its own",
            )
        return tuple(result)

    def fallback(self, scene: Scene, choices: tuple[c.Choice, ...]) -> tuple[c.Divert, ...]:
        """`* -> scene`: the last divert, followed when none of the other choices is offered
        (diverts are tried before choices, so it never hides one)."""
        fallbacks = [choice for choice in scene.choices if choice.fallback]
        for extra in fallbacks[1:]:
            self.report(
                "E072",
                "a scene has at most one fallback choice",
                extra.position,
                f"the first is on line {fallbacks[0].position.line}",
            )
        if not fallbacks:
            return ()
        fallback = fallbacks[0]
        for effect in fallback.effects:
            self.report(
                "E073",
                "a fallback choice has no effects",
                effect.position,
                "put them at the top of the scene it leads to, or give it text to make it a choice",
            )
        target = self.target(fallback.target, fallback.target_position)
        own = self.condition(fallback.condition)
        always = [choice for choice in choices if choice.condition is None]
        if always:
            self.report(
                "W171",
                "this fallback choice is never taken: "
                f"the choice '{always[0].id}' is always offered",
                fallback.position,
                "give that choice a condition (or {once}), or remove the fallback",
            )
            return ()
        if not choices:  # only a fallback: a plain divert
            return (c.Divert(target, own),)
        conditions: list[c.JsonExpr] = [choice.condition for choice in choices]
        if own is not None:
            conditions.insert(0, ["not", own])
        offered = conditions[0]
        for condition in conditions[1:]:
            offered = ["or", offered, condition]
        return (c.Divert(target, ["not", offered]),)

    def chance(self, chance: Chance, numbers: CitationNumbers) -> c.Chance:
        sources = [self.citation(cite) for cite in chance.citations]
        for cite in chance.citations:
            numbers.number(cite.key)
        estimate = chance.assumption is not None
        if not chance.citations and not estimate:
            self.report(
                "E010",
                "this chance cites no source and states no assumption",
                chance.position,
                "add a citation ('chance: [^source]') or an indented 'assumption: …' line",
            )
        self.provenance(chance)
        written = chance.assumption or chance.basis
        note: str | None = None
        if written is not None:
            keys = [cite.key for cite in written.block.citations]
            for cite in written.block.citations:
                self.citation(cite)
            rendered = render_text(written.block.template, [], keys, numbers, inline=True)
            assert isinstance(rendered, str)  # a note has citations only, no values
            note = rendered
        background = [self.citation(cite) for cite in chance.background]
        for cite in chance.background:
            numbers.number(cite.key)
        made = partial(
            c.Chance,
            sources=() if estimate else tuple(s for s in sources if s),
            note=note,
            basis="estimate" if estimate else "record",
            background=tuple(s for s in background if s) if estimate else (),
        )
        if not chance.outcomes:
            self.report(
                "E069",
                "this chance has no outcomes",
                chance.position,
                "add indented lines such as '  60% -> scene'",
            )
            return made((), 1)
        parsed = [_WEIGHT.match(o.weight_text) for o in chance.outcomes]
        kinds = {m.group(3) for m in parsed if m}
        for outcome, match in zip(chance.outcomes, parsed, strict=True):
            if match is None or (match.group(2) and not match.group(3)):
                self.report(
                    "E020",
                    f"'{outcome.weight_text}' is not a percentage or a whole-number weight",
                    outcome.position,
                    "write '60%', '12.5%' or a weight such as '3'",
                )
        if len(kinds) > 1:
            self.report("E066", "a chance uses percentages or weights, not both", chance.position)
        weights: list[Fraction] = [
            Fraction(f"{m.group(1)}.{m.group(2) or 0}") if m else Fraction(0) for m in parsed
        ]
        percent = kinds == {"%"}
        for outcome, weight, match in zip(chance.outcomes, weights, parsed, strict=True):
            if match and weight <= 0:
                self.report("E020", "a chance outcome needs a weight above zero", outcome.position)
        total = sum(weights, Fraction(0))
        if percent and total != 100:
            self.report(
                "E009",
                f"the percentages add up to {float(total):g}%, not 100%",
                chance.position,
                f"adjust them by {float(100 - total):+g}%",
            )
        # The smallest scale that makes every weight whole: 12.5% and 87.5% become 25 and 175.
        scale = math.lcm(*(weight.denominator for weight in weights))
        integer_weights = [int(weight * scale) for weight in weights]
        if sum(integer_weights) >= MAX_TOTAL_WEIGHT:
            self.too_large(chance, total, sum(integer_weights), percent)
        outcomes = tuple(
            c.Outcome(
                weight,
                self.target(o.target, o.target_position),
                tuple(self.effect(e) for e in o.effects),
            )
            for o, weight in zip(chance.outcomes, integer_weights, strict=True)
        )
        return made(outcomes, max(1, sum(integer_weights)))

    def too_large(self, chance: Chance, total: Fraction, scaled: int, percent: bool) -> None:
        """Weights whose whole-number form (scaled by their decimals) reaches 2**31: say how
        many decimals fit, since that is what authors can change."""
        fits = 0
        while total * 10 ** (fits + 1) < MAX_TOTAL_WEIGHT:
            fits += 1
        what = "percentages" if percent else "weights"
        hint = (
            f"round the {what} to at most {fits} decimal{'s' * (fits != 1)}"
            + (" (so that they still add up to 100%)" if percent else "")
            if total < MAX_TOTAL_WEIGHT
            else "divide the weights by a common factor, or round them"
        )
        self.report(
            "E056",
            f"the weights are too large: as whole numbers they add up to {scaled:,}, and a "
            f"chance allows at most {MAX_TOTAL_WEIGHT - 1:,}",
            chance.position,
            hint,
        )

    def provenance(self, chance: Chance) -> None:
        """A chance's numbers come from the record (cited on `chance:`, explained by an
        optional `basis:`) or are an estimate (`assumption:`, with `background:` sources
        that give context but not the numbers). Mixing the two is E022."""
        if chance.assumption is not None:
            for cite in chance.citations:
                self.report(
                    "E022",
                    "this chance is an estimate (it has an assumption), so it cannot cite "
                    f"'{cite.key}' as the source of its numbers",
                    cite.position,
                    f"move the citation to an indented 'background: [^{cite.key}]' line, or "
                    "drop the assumption and explain the numbers with 'basis: …'",
                )
            if chance.basis is not None:
                self.report(
                    "E022",
                    "a chance has a basis (its numbers come from the record) or an "
                    "assumption (an estimate), not both",
                    chance.basis.position,
                    "keep the assumption, and cite context sources on 'background:'",
                )
        elif chance.basis is not None and not chance.citations:
            self.report(
                "E022",
                "'basis:' explains how the cited sources give the numbers, "
                "but this chance cites none",
                chance.basis.position,
                "cite them after 'chance:', e.g. 'chance: [^source]', or write "
                "'assumption: …' if no source gives the numbers",
            )
        if chance.background and chance.assumption is None:
            assert chance.background_position is not None
            self.report(
                "E022",
                "'background:' gives context for an estimate, but this chance has no assumption",
                chance.background_position,
                "sources that give the numbers go after 'chance:'; "
                "an estimate needs an 'assumption: …' line",
            )

    def ending(self, scene: Scene, numbers: CitationNumbers) -> c.Ending | None:
        kind = scene.meta.get("ending")
        if kind is None:
            if scene.epilogue is not None:
                self.report(
                    "E059",
                    "only an ending has an epilogue",
                    scene.position,
                    "mark the scene as an ending with 'ending: kind'",
                )
            return None
        if kind.text not in self.ending_kinds:
            self.report(
                "E014",
                f"unknown ending kind '{kind.text}'",
                kind.position,
                did_you_mean(kind.text, self.ending_kinds)
                or f"the kinds are: {', '.join(self.ending_kinds)}",
            )
        if scene.choices or scene.chance or scene.diverts:
            self.report("E065", "an ending has no choices, chance or diverts", kind.position)
        epilogue = self.text(scene.epilogue, numbers) if scene.epilogue is not None else None
        return c.Ending(kind.text, epilogue)

    # -- expressions, effects, text --------------------------------------------------

    def condition(self, source: ExprSource | None) -> c.JsonExpr | None:
        if source is None:
            return None
        checked = self.exprs.check(source, BOOL)
        return checked[1] if checked else None

    def effect(self, effect: Effect) -> c.Effect:
        entry = self.variables.get(effect.name)
        if entry is None:
            self.report(
                "E005",
                f"unknown variable '{effect.name}'",
                effect.position,
                did_you_mean(effect.name, self.variables)
                or "declare it in the header: 'var name: int = 0'",
            )
            self.exprs.check(effect.value)
            return c.Effect(-1, 0)
        index, variable = entry
        self.written.add(effect.name)
        want: Type = type_of(variable)
        if effect.op != "=" and variable.type != "int":
            self.report(
                "E008",
                f"'{effect.op}' needs a number, and '{effect.name}' is {variable.type}",
                effect.position,
                f"write '~ {effect.name} = …'",
            )
            return c.Effect(index, 0)
        checked = self.exprs.check(effect.value, want if effect.op == "=" else INT)
        if checked is None:
            return c.Effect(index, 0)
        expr = checked[1]
        if effect.op != "=":
            expr = [effect.op[0], ["var", index], expr]
        return c.Effect(index, expr)

    def citation(self, cite: Citation) -> str | None:
        key = self.lookup("source", cite.key, cite.position)
        if key is not None:
            self.used_sources.add(key)
        return key

    def declared_kinds(self, located: Located) -> tuple[str, ...]:
        """The kinds `endings:` lists, each bad one reported where it is; all are kept, so
        that the endings of a bad kind are not reported again (E014) for the same typo."""
        kinds: list[str] = []
        offset = 0
        for part in located.text.split(","):
            kind = part.strip()
            col = located.position.col + offset + len(part) - len(part.lstrip())
            offset += len(part) + 1
            if not re.fullmatch(r"[a-z][a-z_]*", kind):
                self.report(
                    "E053",
                    f"'{kind}' is not a valid ending kind" if kind else "an empty ending kind",
                    Position(located.position.path, located.position.line, col, max(1, len(kind))),
                    "an ending kind is lower-case letters and '_', starting with a letter, "
                    "e.g. 'endings: win, fail_first'",
                )
            kinds.append(kind)
        return tuple(dict.fromkeys(kinds))

    def lookup(self, kind: str, key: str, position: Position) -> str | None:
        """`key` if the sources (or places) table has it; else report E007 (or E006)."""
        table: dict[str, SourceEntry] | dict[str, PlaceEntry]
        if kind == "source":
            code, table, has_table = "E007", self.project.sources, self.project.has_sources_table
        else:
            code, table, has_table = "E006", self.project.places, self.project.has_places_table
        if key in table:
            return key
        hint = did_you_mean(key, table)
        if not has_table:
            hint = f"the story has no {kind}s table: add '{kind}s: {kind}s.toml' to the header"
        self.report(code, f"unknown {kind} '{key}'", position, hint)
        return None

    def text(self, block: TextBlock, numbers: CitationNumbers, *, inline: bool = False) -> c.Text:
        slots: list[c.Interpolation] = []
        for interpolation in block.interpolations:
            checked = self.exprs.check(interpolation.expr)
            if checked is None:
                slots.append(c.Interpolation(0, "int"))
            else:
                found, expr = checked
                fmt = self.number_format(interpolation.format, found, interpolation.expr)
                slots.append(c.Interpolation(expr, found.name, self.shown_values(expr, found), fmt))
        keys = [cite.key for cite in block.citations]
        for cite in block.citations:
            self.citation(cite)
        positions = [i.expr.position for i in block.interpolations]
        positions += [cite.position for cite in block.citations]
        positions += [
            part.condition.position if isinstance(part, Conditional) else part.position
            for part in block.conditionals
        ]
        return render_text(
            block.template,
            slots,
            keys,
            numbers,
            # Rendered when met, so citations are numbered in reading order.
            [partial(self.conditional, cond, numbers) for cond in block.conditionals],
            inline=inline,
            on_lost_slot=lambda: self.report(
                "E061",
                "'{…}' and '[^…]' cannot stand inside a link address",
                min(positions, key=lambda p: (p.line, p.col)) if positions else None,
            ),
        )

    def number_format(self, fmt: Located | None, found: Type, expr: ExprSource) -> str | None:
        """A `{… as FORMAT}`'s format, checked; None if there is none (or it is wrong)."""
        if fmt is None:
            return None
        name = fmt.text
        if name not in FORMATS and not is_currency(name):
            hint = (
                f"did you mean '{name.upper()}'? currency codes are written in capitals"
                if is_currency(name.upper())
                else did_you_mean(name, known_formats())
                or "the formats are number, words and ISO 4217 currency codes such as USD"
            )
            self.report("E023", f"unknown number format '{name}'", fmt.position, hint)
            return None
        if found != INT:
            self.report(
                "E008",
                f"the format '{name}' needs a number, and this is {describe(found)}",
                expr.position,
                "formats apply to whole numbers: '{cash as USD}'",
            )
            return None
        if self.locale is None:
            self.locale = locale_for(self.language)
            if self.locale is None:
                self.report(
                    "E023",
                    f"no number formats are known for the language '{self.language}'",
                    fmt.position,
                    "give the story's language as a code such as 'en' or 'ko' in 'language:'",
                )
                return None
        self.formats_used.add(name)
        return name

    def shown_values(self, expr: c.JsonExpr, found: Type) -> tuple[str, ...]:
        """How text shows an enum's values: its labels (as HTML) where the variable has them.
        Only a variable has an enum type in an interpolation (a bare value has no context)."""
        if found.name == "enum" and isinstance(expr, list) and expr[0] == "var":
            variable = next(v for i, v in self.variables.values() if i == expr[1])
            if variable.labels:
                return tuple(html.escape(label, quote=False) for label in variable.labels)
        return found.values

    def conditional(
        self, conditional: Conditional | Variation, numbers: CitationNumbers
    ) -> c.Conditional | c.Variation:
        if isinstance(conditional, Variation):
            # Numbered in reading order within the scene: the save key survives edits elsewhere.
            self.scene_sites += 1
            site = len(self.sites)
            self.sites.append(f"{self.scene_id}:{self.scene_sites}")
            parts = tuple(self.text(part, numbers, inline=True) for part in conditional.parts)
            return c.Variation(conditional.kind, parts, site)
        then = self.text(conditional.then, numbers, inline=True)
        otherwise = None
        if conditional.otherwise is not None:
            otherwise = self.text(conditional.otherwise, numbers, inline=True)
        return c.Conditional(self.condition(conditional.condition), then, otherwise)

    # -- warnings ------------------------------------------------------------------

    def warn_about_variables(self) -> None:
        read = self.exprs.read
        for name, position in self.var_positions.items():
            if name in self.written and name not in read:
                self.report(
                    "W103",
                    f"variable '{name}' is set but never read",
                    position,
                    "use it in a condition or in text, or remove it",
                )
            elif name in read and name not in self.written:
                self.report(
                    "W104",
                    f"variable '{name}' is read but never set",
                    position,
                    "it always keeps its initial value",
                )
            elif name not in read and name not in self.written:
                self.report("W103", f"variable '{name}' is never used", position)

    def warn_about_tables(self) -> None:
        for key, entry in self.project.sources.items():
            if key not in self.used_sources:
                self.report("W105", f"source '{key}' is never cited", entry.position)
        for key, place_entry in self.project.places.items():
            if place_entry.place.lat is None or place_entry.place.lon is None:
                self.report(
                    "W106",
                    f"place '{key}' has no coordinates",
                    place_entry.position,
                    "add 'lat = …' and 'lon = …' so the map can show it",
                )

    def warn_about_structure(self, start: int, scenes: list[c.Scene]) -> None:
        reached = {start}
        frontier = [start]
        while frontier:
            scene = scenes[frontier.pop()]
            targets = [d.target for d in scene.diverts] + [ch.target for ch in scene.choices]
            if scene.chance:
                targets += [o.target for o in scene.chance.outcomes]
            for target in targets:
                if target >= 0 and target not in reached:
                    reached.add(target)
                    frontier.append(target)
        for index, (source_scene, scene) in enumerate(zip(self.scenes, scenes, strict=True)):
            if index not in reached and not self.broken_links:
                self.report(
                    "W101",
                    f"scene '{scene.id}' can never be reached",
                    source_scene.position,
                    "no choice, chance or divert leads here from the start",
                )
            # A weave branch (its id holds '/') with no way out has had its own E074.
            stranded = not (scene.diverts or scene.choices or scene.chance)
            if scene.ending is None and stranded and "/" not in scene.id:
                self.report(
                    "W102",
                    f"scene '{scene.id}' has no way out and is not an ending",
                    source_scene.position,
                    "add choices or a divert, or mark it 'ending: kind'",
                )

    def report_closed_loops(self, scenes: list[c.Scene]) -> None:
        """E024: scenes that play, once in, can never leave (closed_loops.py). Both players
        would draw for ever, or stop with the divert limit's error."""
        for loop in closed_loops(scenes):
            names = [f"'{scenes[member].id}'" for member in loop[:SHOWN_LOOP_SCENES]]
            if len(loop) > SHOWN_LOOP_SCENES:
                names.append(f"and {len(loop) - SHOWN_LOOP_SCENES} more")
            which, them = ("scene ", "it") if len(loop) == 1 else ("scenes ", "them")
            self.report(
                "E024",
                f"play can never leave the {which}{', '.join(names)} once it enters {them}: "
                "no choice, no ending, and every divert and chance outcome leads back in",
                self.scenes[loop[0]].position,
                "give one of them a choice, or a divert or chance outcome that leads out",
            )


def check_project(project: Project) -> CheckResult:
    """Check a loaded project; the result holds a compiled story only if there is no error."""
    return _Checker(project).run()
