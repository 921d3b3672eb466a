"""What a translation must keep of its source: the conditions and their branches, the
values shown, the variations, the citations and the markup. Word order may change (Korean
puts a citation where its clause ends), so each level compares as a multiset."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

_CONDITION = re.compile(r"^\s*if(?:\s+|(?=\())(?P<condition>.*?):", re.S)
_VARIATION = re.compile(r"^\s*(?P<kind>once|seq|cycle):", re.S)
_CITATION = re.compile(r"\[\^([^\]\s]+)\]")
_LINK = re.compile(r"\]\(([^)\s]*)\)")
_EMPHASIS = re.compile(r"\*|__")  # each star: `**b**` is four, however they pair
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True, slots=True)
class Element:
    """One thing a text must keep, as shown to a translator (`{if who == chol: …}`)."""

    shown: str
    inner: tuple[Counter[Element], ...] = ()  # a condition's or variation's branches

    def __hash__(self) -> int:
        return hash((self.shown, tuple(frozenset(b.items()) for b in self.inner)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Element) and (self.shown, self.inner) == (
            other.shown,
            other.inner,
        )


_OPERATOR = re.compile(r"\s*(==|!=|>=|<=|[<>()+\-*/%,])\s*")


def _normal(text: str) -> str:
    """An expression spaced one way, so `who==chol` and `who == chol` compare equal."""
    return " ".join(_OPERATOR.sub(r" \1 ", text).split())


def _groups(text: str) -> Iterator[tuple[str, int, int]]:
    """Top-level `{…}` groups (body, start, end) and the plain text between them, which
    yields ("", start, end) spans; backslash escapes are plain text."""
    depth, start, plain = 0, 0, 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            if depth == 0:
                if plain < i:
                    yield "", plain, i
                start = i
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                yield text[start + 1 : i], start, i + 1
                plain = i + 1
        i += 1
    if depth:  # unclosed: keep it as plain text, and let the parser say so
        yield "", start, len(text)
    elif plain < len(text):
        yield "", plain, len(text)


def _branches(body: str) -> list[str]:
    """The `|`-separated branches of a condition's or variation's body, at its own level."""
    parts, depth, last, i = [], 0, 0, 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
        i += 1
    parts.append(body[last:])
    return parts


def _plain(text: str) -> Iterator[Element]:
    unescaped = re.sub(r"\\.", "", text)
    for key in _CITATION.findall(unescaped):
        yield Element(f"[^{key}]")
    without = _CITATION.sub("", unescaped)
    for url in _LINK.findall(without):
        yield Element(f"a link to ({url})")
    for mark in _EMPHASIS.findall(_LINK.sub("", without)):
        yield Element(f"'{mark}'")
    for tag in _TAG.findall(without):
        yield Element(tag)
    if "[" in without:  # a choice's Ink-style `[ ]`, or brackets in prose
        yield from (Element("'[ ]'") for _ in range(without.count("[")))


def elements(text: str) -> Counter[Element]:
    """The multiset of what `text` must keep."""
    found: Counter[Element] = Counter()
    for body, start, end in _groups(text):
        if not body and (end - start) and not text[start:end].startswith("{"):
            found.update(_plain(text[start:end]))
            continue
        condition = _CONDITION.match(body)
        variation = _VARIATION.match(body)
        if condition:
            rest = body[condition.end() :]
            shown = "{if " + _normal(condition.group("condition")) + ": …}"
            found[Element(shown, tuple(elements(b) for b in _branches(rest)))] += 1
        elif variation:
            rest = body[variation.end() :]
            shown = "{" + variation.group("kind") + ": …}"
            found[Element(shown, tuple(elements(b) for b in _branches(rest)))] += 1
        else:
            found[Element("{" + _normal(body) + "}")] += 1
    return found


# A space just inside a branch's closing brace, before a word: the runtime trims branches,
# so the space is lost and two words run together ("잡고 }강둑" shows "잡고강둑").
_LOST_SPACE = re.compile(r"[^\s{] \}(?=[^\s.,;:!?)\]}|])")


def differences(source: str, translation: str) -> list[str]:
    """What the translation lacks or adds, in words; empty when it keeps everything."""
    problems = _compare(elements(source), elements(translation), "")
    if _LOST_SPACE.search(translation) and not _LOST_SPACE.search(source):
        problems.append(
            "a space before '}' is dropped when the story is read (branches are trimmed), so "
            "two words run together: put the space after the '}'"
        )
    return problems


def _compare(source: Counter[Element], translation: Counter[Element], where: str) -> list[str]:
    problems: list[str] = []
    shown_source = {e.shown for e in source}
    for element in source.keys() | translation.keys():
        want, have = source[element], translation[element]
        if want == have:
            continue
        twins = [e for e in translation if e.shown == element.shown and e not in source]
        if want > have and twins and element.inner:
            twin = twins[0]
            if len(twin.inner) != len(element.inner):
                problems.append(
                    f"{where}{element.shown} has {len(element.inner)} branch(es) in the source, "
                    f"{len(twin.inner)} in the translation"
                )
            else:
                for n, (mine, theirs) in enumerate(zip(element.inner, twin.inner, strict=True), 1):
                    problems += _compare(mine, theirs, f"{where}{element.shown}, branch {n}: ")
            continue
        if want < have and element.shown in shown_source and element.inner:
            continue  # reported from the source's side, branch by branch
        if want > have:
            problems.append(
                f"{where}the translation lacks {element.shown}"
                + (f" ({want - have}×)" if want - have > 1 else "")
            )
        else:
            problems.append(
                f"{where}the translation adds {element.shown}"
                + (f" ({have - want}×)" if have - want > 1 else "")
            )
    return sorted(problems)
