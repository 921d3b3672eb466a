"""A deterministic generator of large, valid Crossing stories, for the engine benchmark.

Run:  .venv/bin/python bench/generate.py N OUTDIR [--seed S]

It writes OUTDIR/main.story (header, variables, includes), OUTDIR/parts/part-NNN.story
(about 100 scenes each, four chapters per file), OUTDIR/sources.toml and
OUTDIR/places.toml. The same N and seed always give the same bytes.

The story is shaped like real content rather than like a stress test:
- each scene has two paragraphs of about 60 words, each with an interpolation and a
  citation, and most scenes have a place, a title, and sometimes a date, tags or image;
- about 10% of scenes are endings (some with an epilogue), never two in a row, none in the
  first ten scenes;
- the other scenes have 2-3 choices with conditions and effects on int, ranged int, bool
  and enum variables, or a cited chance block (percentages or weights) with outcome
  effects; some have scene effects or a conditional divert before their choices;
- every non-ending scene has an unconditional choice (or chance outcome) to the next
  non-ending scene, and every ending is a target of the scene before it (and of no other),
  so every scene is reachable, play never gets stuck, and a random playthrough lasts a few
  dozen scenes; diverts and chances only go forward, so automatic
  moves never loop; a few choices go back a few scenes, as "go back" choices do;
- sources (one per 20 scenes) and places (one per 25 scenes) grow with the story, and
  every source is cited.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

SCENES_PER_FILE = 100
SCENES_PER_CHAPTER = 25
ENDING_SHARE = 0.10
ENDING_KINDS = ("safety", "caught", "died", "stranded", "hiding", "returned")

# name -> (declaration, conditions that read it, effects that set it)
VARIABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "money": (
        "int = 40",
        ("money >= 10", "money < 25", "money >= 5 and health > 1"),
        ("money -= 5", "money += 3", "money -= 12", "money = money * 2 - 30"),
    ),
    "days": ("int = 0", ("days > 6", "days <= 3"), ("days += 1", "days += 2")),
    "health": (
        "0..5 = 4",
        ("health >= 2", "health > 3 or rested"),
        ("health -= 1", "health += 1", "health -= 2"),
    ),
    "trust": (
        "-3..3 = 0",
        ("trust > 0", "trust >= -1 and not phone"),
        ("trust += 1", "trust -= 1"),
    ),
    "risk": ("0..10 = 2", ("risk < 6", "risk >= 4 or days > 10"), ("risk += 2", "risk -= 1")),
    "has_papers": (
        "bool = false",
        ("has_papers", "not has_papers and money >= 8"),
        ("has_papers = true", "has_papers = false"),
    ),
    "met_broker": (
        "bool = false",
        ("met_broker", "not met_broker"),
        ("met_broker = true",),
    ),
    "rested": ("bool = true", ("rested and health >= 1",), ("rested = false", "rested = true")),
    "phone": ("bool = false", ("phone or trust >= 2",), ("phone = true", "phone = false")),
    "season": (
        "{spring, summer, autumn, winter} = spring",
        ("season == winter", "season != summer", "season == autumn or risk > 5"),
        ("season = summer", "season = autumn", "season = winter", "season = spring"),
    ),
    "route": (
        "{river, mountain, city, sea} = river",
        ("route == river", "route != sea and health >= 2"),
        ("route = mountain", "route = city", "route = sea", "route = river"),
    ),
    "mood": (
        "{calm, afraid, hopeful} = calm",
        ("mood == hopeful", "mood != afraid"),
        ("mood = afraid", "mood = hopeful", "mood = calm"),
    ),
}
VAR_NAMES = tuple(VARIABLES)

# Sentences that read a variable: one of them opens each paragraph's second half.
INTERPOLATED = (
    "By now she has {money} yuan sewn into the lining of her coat",
    "It is {season}, and the ground by the water is hard and grey",
    "They have been walking for {days} days, sleeping in turns",
    "Her strength, if she is honest, is {health} out of five",
    "The broker says the route is the {route}, and that it is safe",
    "She counts the days again: {days + 1}, if today is counted",
    "Her mood, she would say later, was {mood} that morning",
    "On the guard's scale of danger this would be a {risk}",
)
SENTENCES = (
    "The road out of town follows the river for a long while before it turns north",
    "Nobody speaks on the bus, and the driver keeps the radio low",
    "A woman selling rice cakes at the corner watches everyone who passes",
    "Across the water the lights of the other country come on one by one",
    "The broker's cousin is late, and every minute feels like an hour",
    "There are soldiers at the bridge, though fewer than last winter",
    "She remembers her mother's advice to trust no one who smiles too quickly",
    "The phone has one bar of signal and almost no battery left",
    "Rain has turned the path into mud that pulls at their shoes",
    "An old man offers them tea and asks no questions at all",
    "The market is crowded, which makes it easier to disappear",
    "At the checkpoint the queue barely moves in the afternoon heat",
    "Her brother would have known what to do, she thinks, and then stops thinking it",
    "Most people who tried this crossing in those years were sent back",
    "The safe house is a flat above a shop that sells plastic buckets",
    "They wait until the patrol has passed and the dogs have gone quiet",
)
CHOICE_TEXTS = (
    "Wait for nightfall",
    "Pay the broker",
    "Follow the river",
    "Ask the old man for help",
    "Hide in the market",
    "Take the early bus",
    "Call the number on the card",
    "Go on alone",
    "Rest for a day",
    "Cross at the shallow bend",
    "Bribe the guard",
    "Turn back",
)
PLACE_NAMES = (
    "Hyesan",
    "Musan",
    "Yanji",
    "Tumen",
    "Shenyang",
    "Kunming",
    "Vientiane",
    "Bangkok",
    "Dandong",
    "Onsong",
)
CHAPTER_TITLES = ("The river", "Waiting", "The city", "On the road", "The border", "Winter")
STEMS = ("river", "market", "border", "bus", "flat", "road", "camp", "station", "field", "bridge")


@dataclass(slots=True)
class Generated:
    scenes: int
    endings: int
    files: int
    chapters: int
    sources: int
    places: int
    bytes: int


def _words(text: str) -> int:
    return len(text.split())


class _Writer:
    def __init__(self, n: int, seed: int):
        if n < 30:
            raise ValueError("a generated story needs at least 30 scenes")
        self.n = n
        self.seed = seed
        self.rng = random.Random(seed)
        self.ids = [f"{STEMS[(i * 7) % len(STEMS)]}_{i:05d}" for i in range(n)]
        self.sources = [f"src-{i:04d}" for i in range(max(10, n // 20))]
        self.places = [f"place-{i:04d}" for i in range(max(8, n // 25))]
        ending = [False] * n
        for i in range(10, n - 2):  # no ending in the first ten scenes
            draw = random.Random(f"{seed}:ending:{i}").random()
            ending[i] = not ending[i - 1] and draw < ENDING_SHARE
        ending[n - 1] = True
        ending[n - 2] = False
        self.ending = ending
        # The next scene that is not an ending (or the last scene, which is one).
        self.next = [n - 1] * n
        following = n - 1
        for i in range(n - 1, -1, -1):
            self.next[i] = following
            if not ending[i]:
                following = i

    # -- pieces ----------------------------------------------------------------------

    def cite(self, i: int, k: int) -> str:
        # Scene i cites sources i and i + 1 (mod the count), so every source is cited.
        return f"[^{self.sources[(i + k) % len(self.sources)]}]"

    def paragraph(self, i: int, k: int) -> str:
        rng = self.rng
        sentences: list[str] = []
        cited = rng.randrange(2)
        while sum(_words(s) for s in sentences) < 48:
            sentences.append(rng.choice(SENTENCES))
        sentences.insert(rng.randrange(1, len(sentences)), INTERPOLATED[(i + 3 * k) % 8])
        if rng.random() < 0.3:
            words = sentences[0].split(" ")
            j = rng.randrange(1, len(words))
            words[j] = rng.choice(("*{}*", "**{}**")).format(words[j])
            sentences[0] = " ".join(words)
        text = ". ".join(sentences[: cited + 2]) + "." + self.cite(i, k) + " "
        text += ". ".join(sentences[cited + 2 :]) + "."
        if rng.random() < 0.05:
            text += f" [More on this](https://example.org/notes/{i}-{k})."
        return text

    def forward(self, i: int, low: int, high: int) -> str:
        """A scene a little ahead that is not an ending (endings are reached from just before)."""
        target = min(self.n - 1, i + self.rng.randint(low, high))
        return self.ids[self.next[target] if self.ending[target] else target]

    def condition(self, i: int, salt: int) -> str:
        name = VAR_NAMES[(i * 5 + salt) % len(VAR_NAMES)]
        return self.rng.choice(VARIABLES[name][1])

    def effect(self, i: int, salt: int) -> str:
        name = VAR_NAMES[(i * 7 + salt) % len(VAR_NAMES)]
        return "~ " + self.rng.choice(VARIABLES[name][2])

    # -- scenes ----------------------------------------------------------------------

    def meta(self, i: int) -> list[str]:
        rng = self.rng
        lines = [f"## {self.ids[i]}"]
        if rng.random() < 0.8:
            lines.append(f"place: {self.places[(i // 3) % len(self.places)]}")
        if rng.random() < 0.6:
            lines.append(f"title: {rng.choice(CHOICE_TEXTS)} ({i})")
        if rng.random() < 0.3:
            lines.append(f"date: {2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}")
        if rng.random() < 0.2:
            lines.append(f"tags: {STEMS[i % len(STEMS)]}, {STEMS[(i + 3) % len(STEMS)]}")
        if rng.random() < 0.05:
            lines += [
                f"image: img/{self.ids[i]}.jpg",
                f"  alt: A photograph of the {STEMS[i % len(STEMS)]}",
                "  caption: Taken *years* later",
                "  credit: Photo: a reader",
            ]
        if self.ending[i]:
            lines.append(f"ending: {ENDING_KINDS[i % len(ENDING_KINDS)]}")
        return lines

    def scene(self, i: int) -> list[str]:
        # Each scene draws from its own generator, so a smaller story is (nearly) the start of
        # a larger one with the same seed, and plays the same way.
        self.rng = rng = random.Random(f"{self.seed}:scene:{i}")
        lines = self.meta(i)
        lines.append("")
        if not self.ending[i] and rng.random() < 0.3:
            lines += [self.effect(i, 1), ""]
        lines += [self.paragraph(i, 0), "", self.paragraph(i, 1), ""]
        if self.ending[i]:
            if rng.random() < 0.5:
                lines += [
                    "epilogue:",
                    f"Years later, she still had {{money}} yuan.{self.cite(i, 2)}",
                ]
            return [*lines, ""]
        nxt = self.ids[self.next[i]]
        extra = self.ids[i + 1] if self.ending[i + 1] else self.forward(i, 2, 12)
        if rng.random() < 0.15:
            weights = rng.choice((("65%", "35%"), ("12.5%", "87.5%"), ("3", "1"), ("1", "1")))
            lines.append(f"chance: {self.cite(i, 0)}")
            if rng.random() < 0.5:
                lines.append("  basis: roughly what the sources report for those years")
            lines += [f"  {weights[0]} -> {nxt}", f"    {self.effect(i, 2)}"]
            lines += [f"  {weights[1]} -> {extra}", ""]
            return lines
        if rng.random() < 0.15:
            lines.append(f"-> {self.forward(i, 1, 8)} if {self.condition(i, 3)}")
        lines += [f"* {rng.choice(CHOICE_TEXTS)} -> {nxt}", f"  {self.effect(i, 4)}"]
        lines.append(
            f"* {rng.choice(CHOICE_TEXTS)} {{#other}} -> {extra} if {self.condition(i, 5)}"
        )
        lines.append(f"  {self.effect(i, 6)}")
        if rng.random() < 0.4:
            back = rng.random() < 0.3 and i > 5
            target = self.ids[i - rng.randint(1, 5)] if back else self.forward(i, 1, 20)
            text = "Go back" if back else f"Spend {{money}} yuan on {rng.choice(STEMS)}s"
            lines.append(f"* {text} {{#third}} -> {target} if {self.condition(i, 7)}")
        return [*lines, ""]

    # -- files -----------------------------------------------------------------------

    def part(self, number: int, first: int, last: int) -> str:
        lines = [f"// Part {number}: scenes {first} to {last - 1}.", ""]
        for i in range(first, last):
            if (i - first) % SCENES_PER_CHAPTER == 0:
                chapter = i // SCENES_PER_CHAPTER + 1
                title = f"{CHAPTER_TITLES[chapter % len(CHAPTER_TITLES)]}, part {chapter}"
                lines += [f"# {title} {{#ch-{chapter:04d}}}" if chapter % 2 else f"# {title}", ""]
            lines += self.scene(i)
        return "\n".join(lines)

    def main(self, parts: list[str]) -> str:
        lines = [
            f"title: Benchmark crossing, {self.n} scenes",
            f"id: bench-{self.n}",
            "version: 1",
            "sources: sources.toml",
            "places: places.toml",
            f"start: {self.ids[0]}",
            *(f"include: {part}" for part in parts),
            "",
            *(f"var {name}: {decl}" for name, (decl, _, _) in VARIABLES.items()),
            "",
        ]
        return "\n".join(lines)

    def sources_toml(self) -> str:
        confidences = ("confirmed", "attributed", "estimate")
        blocks = [
            f'[{key}]\ntitle = "Report number {i} on border crossings"\n'
            f'author = "Researcher {i % 37}"\ndate = "{2005 + i % 15}-06-{1 + i % 28:02d}"\n'
            f'url = "https://example.org/reports/{i}"\n'
            f'confidence = "{confidences[i % 3]}"\n'
            + (f'note = "Interview {i}, translated."\n' if i % 4 == 0 else "")
            for i, key in enumerate(self.sources)
        ]
        return "\n".join(blocks)

    def places_toml(self) -> str:
        blocks = [
            f'[{key}]\nname = "{PLACE_NAMES[i % len(PLACE_NAMES)]} {i}"\n'
            f"lat = {20 + (i * 0.37) % 25:.4f}\nlon = {100 + (i * 0.53) % 30:.4f}\n"
            f'country = "{("KP", "CN", "LA", "TH")[i % 4]}"\n'
            for i, key in enumerate(self.places)
        ]
        return "\n".join(blocks)


def generate(n: int, outdir: Path, seed: int = 1) -> Generated:
    """Write a story of `n` scenes into `outdir` (created if needed)."""
    writer = _Writer(n, seed)
    (outdir / "parts").mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    parts: list[str] = []
    for number, first in enumerate(range(0, n, SCENES_PER_FILE), start=1):
        name = f"parts/part-{number:03d}.story"
        parts.append(name)
        files[name] = writer.part(number, first, min(n, first + SCENES_PER_FILE))
    files["main.story"] = writer.main(parts)
    files["sources.toml"] = writer.sources_toml()
    files["places.toml"] = writer.places_toml()
    size = 0
    for name, text in files.items():
        data = text.encode("utf-8")
        (outdir / name).write_bytes(data)
        size += len(data)
    return Generated(
        scenes=n,
        endings=sum(writer.ending),
        files=len(parts) + 1,
        chapters=-(-n // SCENES_PER_CHAPTER),
        sources=len(writer.sources),
        places=len(writer.places),
        bytes=size,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenes", type=int, help="number of scenes (at least 30)")
    parser.add_argument("outdir", type=Path, help="folder to write the story into")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    args = parser.parse_args()
    info = generate(args.scenes, args.outdir, args.seed)
    print(
        f"{info.scenes} scenes ({info.endings} endings), {info.files} files, "
        f"{info.chapters} chapters, {info.sources} sources, {info.places} places, "
        f"{info.bytes:,} bytes -> {args.outdir / 'main.story'}"
    )


if __name__ == "__main__":
    main()
