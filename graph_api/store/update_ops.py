"""The operations of a SPARQL Update request, read by a small lexer that keeps each token's position: what
:mod:`graph_api.store.update_text` rewrites and :mod:`graph_api.store.safe_load` reads (``LOAD`` sources).

>>> [op.kind for op in operations("PREFIX ex: <http://ex.org/> INSERT DATA { ex:a ex:b 1 } ; DELETE WHERE { ?s ex:b ?o }")]
['INSERT DATA', 'DELETE WHERE']
>>> has_load("INSERT DATA { <http://x/LOAD> <http://x/p> 'LOAD <http://y/>' }"), has_load("load <http://y/>")
(False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from core.errors import QueryError

__all__ = [
    "Token",
    "tokens",
    "Operation",
    "operations",
    "has_load",
    "graphs_named",
    "Prefixes",
    "depth_steps",
    "match",
    "top_level",
    "src_of",
    "text_of",
]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:(?:[\w:%\-\u00B7-\uFFFF]|\\.)(?:(?:[\w.:%\-\u00B7-\uFFFF]|\\.)*(?:[\w:%\-\u00B7-\uFFFF]|\\.))?)?)
  | (?P<bnode>_:[\w\-.\u00B7-\uFFFF]*[\w\-\u00B7-\uFFFF])
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<dtype>\^\^)
  | (?P<star><<|>>)
  | (?P<punct>.)
""",
    re.X | re.S,
)


@dataclass(frozen=True)
class Token:
    kind: str  # iri, string, var, lang, pname, bnode, number, name, dtype, star, punct
    text: str
    start: int
    end: int

    def is_(self, *words: str) -> bool:
        return self.kind == "name" and self.text.upper() in words


def tokens(text: str) -> list[Token]:
    """The tokens of a SPARQL text, comments and white space dropped, with their positions."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        out.append(Token(kind or "punct", m.group(), m.start(), m.end()))
    return out


@dataclass
class Operation:
    """One operation of an update request: its tokens (prologue declarations before it excluded)."""

    kind: str  # "INSERT DATA", "DELETE DATA", "DELETE WHERE", "MODIFY", "LOAD", "CLEAR", …
    toks: list[Token]
    prologue: list[Token] = field(default_factory=list)  # BASE / PREFIX declarations just before it


def depth_steps(tok: Token) -> int:
    if tok.kind == "punct":
        if tok.text in "{([":
            return 1
        if tok.text in "})]":
            return -1
    return 0


def _split(toks: list[Token]) -> list[list[Token]]:
    """Tokens split at the ``;`` that separate operations (those outside every bracket)."""
    parts: list[list[Token]] = []
    current: list[Token] = []
    depth = 0
    for t in toks:
        if t.kind == "punct" and t.text == ";" and depth == 0:
            parts.append(current)
            current = []
            continue
        depth += depth_steps(t)
        current.append(t)
    parts.append(current)
    return parts


def operations(text: str) -> list[Operation]:
    """The operations of an update request, in order (an empty request has none)."""
    ops = []
    for part in _split(tokens(text)):
        i, prologue = 0, []
        while i < len(part) and part[i].is_("PREFIX", "BASE"):
            n = 3 if part[i].is_("PREFIX") else 2
            prologue.extend(part[i : i + n])
            i += n
        body = part[i:]
        if not body:
            if prologue:
                ops.append(Operation("PROLOGUE", [], prologue))
            continue
        first = body[0].text.upper() if body[0].kind == "name" else ""
        second = body[1].text.upper() if len(body) > 1 and body[1].kind == "name" else ""
        if first in ("INSERT", "DELETE") and second in ("DATA", "WHERE"):
            kind = f"{first} {second}"
        elif first in ("INSERT", "DELETE", "WITH"):
            kind = "MODIFY"
        elif first:
            kind = first
        else:
            raise QueryError(f"malformed update: unexpected {body[0].text!r}")
        ops.append(Operation(kind, body, prologue))
    return ops


def has_load(text: str) -> bool:
    """Whether an update request has a LOAD operation."""
    return any(op.kind == "LOAD" for op in operations(text))


class Prefixes:
    """PREFIX declarations seen so far, to read prefixed names."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}
        self.base: str | None = None

    def declare(self, prologue: list[Token]) -> None:
        i = 0
        while i < len(prologue):
            if prologue[i].is_("PREFIX") and i + 2 < len(prologue):
                self.map[prologue[i + 1].text[:-1]] = prologue[i + 2].text[1:-1]
                i += 3
            elif prologue[i].is_("BASE") and i + 1 < len(prologue):
                self.base = prologue[i + 1].text[1:-1]
                i += 2
            else:
                i += 1

    def iri(self, tok: Token, base: str | None) -> str | None:
        if tok.kind == "iri":
            value = tok.text[1:-1]
            if ":" not in value.split("/")[0] and (self.base or base):  # relative
                return urljoin(self.base or base or "", value)
            return value
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            if prefix in self.map:
                return self.map[prefix] + re.sub(r"\\(.)", r"\1", local)
        return None


def graphs_named(text: str, base: str | None = None) -> set[str]:
    """IRIs of the graphs an update request names (after GRAPH, INTO, TO, WITH, USING, NAMED …)."""
    found: set[str] = set()
    prefixes = Prefixes()
    for op in operations(text):
        prefixes.declare(op.prologue)
        toks = op.toks
        for i, t in enumerate(toks[:-1]):
            if t.is_("GRAPH", "INTO", "TO", "WITH", "USING", "NAMED", "FROM") or (
                op.kind in ("ADD", "MOVE", "COPY") and i == 0
            ):
                iri = prefixes.iri(toks[i + 1], base)
                if iri:
                    found.add(iri)
        if op.kind in ("ADD", "MOVE", "COPY"):
            for t in toks:
                iri = prefixes.iri(t, base)
                if iri:
                    found.add(iri)
    return found


def text_of(toks: Iterable[Token]) -> str:
    return " ".join(t.text for t in toks)


def match(toks: list[Token], i: int) -> int:
    """Index of the bracket closing the one at ``i``."""
    depth = 0
    for j in range(i, len(toks)):
        depth += depth_steps(toks[j])
        if depth == 0:
            return j
    raise QueryError("malformed update: unbalanced brackets")


def top_level(toks: list[Token], *words: str) -> list[int]:
    """Indexes of the words outside every bracket."""
    out, depth = [], 0
    for i, t in enumerate(toks):
        if depth == 0 and t.is_(*words):
            out.append(i)
        depth += depth_steps(t)
    return out


def src_of(src: str, toks: list[Token]) -> str:
    """The original text of consecutive tokens."""
    return src[toks[0].start : toks[-1].end] if toks else ""
