"""A SugarCube 2 passage body as tokens, then as a tree of blocks (`<<if>>`, `<<link>>`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_NAME = re.compile(r"<<(/?)([A-Za-z=\-][A-Za-z0-9_\-]*)")
_COMMENT = re.compile(r"/\*.*?\*/|/%.*?%/|<!--.*?-->", re.S)
_NAKED = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
CONTAINERS = frozenset(
    {"if", "link", "button", "nobr", "silently", "for", "switch", "widget", "script",
     "linkappend", "linkprepend", "linkreplace", "timed", "repeat", "append", "prepend",
     "replace", "createplaylist", "type", "done", "do", "capture", "cycle", "listbox"}
)  # fmt: skip
BRANCHES = {"elseif": "if", "else": "if", "case": "switch", "default": "switch"}


@dataclass(slots=True)
class Token:
    kind: str  # text, macro, close, link, var, em, strong, tag, comment
    text: str  # the source text
    offset: int
    name: str = ""  # a macro's name, a tag's name
    args: str = ""  # a macro's arguments
    args_offset: int = 0


@dataclass(slots=True)
class Block:
    """A container macro: `branches` holds (opening token, children) pairs."""

    name: str
    branches: list[tuple[Token, list[Node]]] = field(default_factory=list)
    closed: bool = False


Node = Token | Block


def unquoted(text: str, i: int = 0, quotes: str = "\"'`") -> Iterator[tuple[int, str]]:
    """The characters of `text` from `i` that stand outside quoted strings, with their index
    (the quotes themselves and a backslash's next character in a string are skipped)."""
    quote = ""
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in quotes:
            quote = char
        else:
            yield i, char
        i += 1


def _macro_end(text: str, i: int) -> int:
    """The index of the '>>' closing the macro opened before `i` (quotes respected)."""
    return next((j for j, _ in unquoted(text, i) if text.startswith(">>", j)), -1)


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    plain = 0

    def flush(end: int) -> None:
        if end > plain:
            out.append(Token("text", text[plain:end], plain))

    while i < len(text):
        if text.startswith("<<", i) and (name := _NAME.match(text, i)):
            end = _macro_end(text, name.end())
            if end >= 0:
                flush(i)
                kind = "close" if name.group(1) else "macro"
                args = text[name.end() : end]
                out.append(Token(kind, text[i : end + 2], i, name.group(2), args, name.end()))
                i = plain = end + 2
                continue
        if text.startswith("[[", i):
            end = text.find("]]", i + 2)
            if end >= 0:
                flush(i)
                stop = end + 2  # a setter is inside: [[text|target][$x to 1]]
                out.append(Token("link", text[i:stop], i))
                i = plain = stop
                continue
        if text[i] in "/<" and (comment := _COMMENT.match(text, i)):
            flush(i)
            out.append(Token("comment", comment.group(), i))
            i = plain = comment.end()
            continue
        if text[i] == "$" and (naked := _NAKED.match(text, i)):
            flush(i)
            out.append(Token("var", naked.group(), i))
            i = plain = naked.end()
            continue
        if text.startswith("//", i) or text.startswith("''", i):
            flush(i)
            out.append(Token("em" if text[i] == "/" else "strong", text[i : i + 2], i))
            i = plain = i + 2
            continue
        if text[i] == "<" and (tag := _TAG.match(text, i)):
            flush(i)
            out.append(Token("tag", tag.group(), i, tag.group(1).lower()))
            i = plain = tag.end()
            continue
        i += 1
    flush(len(text))
    return out


def tree(items: list[Token]) -> tuple[list[Node], list[Token]]:
    """Nest container macros; returns the nodes and the tokens that did not fit
    (a close with no opening, a branch outside its block, a block never closed)."""
    root: list[Node] = []
    stack: list[tuple[Block, list[Node]]] = []
    stray: list[Token] = []
    for token in items:
        current = stack[-1][1] if stack else root
        if token.kind == "macro" and stack and token.name == "end" + stack[-1][0].name:
            token.kind = "close"  # the old closing form, <<endif>>
        if token.kind == "macro" and token.name in CONTAINERS:
            block = Block(token.name)
            children: list[Node] = []
            block.branches.append((token, children))
            current.append(block)
            stack.append((block, children))
        elif token.kind == "macro" and token.name in BRANCHES:
            if stack and stack[-1][0].name == BRANCHES[token.name]:
                block = stack[-1][0]
                children = []
                block.branches.append((token, children))
                stack[-1] = (block, children)
            else:
                stray.append(token)
        elif token.kind == "close":
            if stack and token.name in (stack[-1][0].name, "end" + stack[-1][0].name):
                stack[-1][0].closed = True
                stack.pop()
            else:
                stray.append(token)
        else:
            current.append(token)
    for block, _ in stack:
        stray.append(block.branches[0][0])
    return root, stray
