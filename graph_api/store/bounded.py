"""Which queries may run in the HTTP worker itself: those whose cost is bounded by a few index lookups.

pyoxigraph cannot stop a running query, so a query answered outside the killable store-owner process must be
one that cannot run away. The rule is conservative — anything it does not recognise goes to the owner:

- the text is a ``SELECT`` (``DISTINCT``/``REDUCED``, variables or ``*``) or an ``ASK`` over one group of
  triple patterns, ``OPTIONAL`` groups and ``FILTER``s (no ``EXISTS``), with ``LIMIT``/``OFFSET`` at most —
  no property path, sub-query, ``UNION``, ``MINUS``, ``GRAPH``, ``VALUES``, ``BIND``, aggregate, ``GROUP BY``,
  ``ORDER BY``, blank node or ``FROM``;
- every predicate is an IRI (or ``a``), or a variable when the subject is an IRI;
- :func:`plan` then reads the data: at least one required pattern has an IRI subject or object that matches
  at most :data:`SEED_CAP` quads (the *seed*), and every other pattern is joined to the seeds through a
  variable: forward (its subject known) or, once in the whole query, backward (its object known; never through
  ``rdf:type`` or a variable predicate) — so the work is the seeds times their fan-out, never a scan or a
  cross product. What it cannot bound: a known value with a huge in-degree behind a FILTER that rejects every
  row (no row is written, so :mod:`graph_api.store.readers` cannot give up at its budget).

>>> shape("PREFIX ex: <http://ex.org/> SELECT ?t WHERE { ?d ex:implements <http://ex.org/c> . ?t ex:partOf ?d }")
((('?d', 'http://ex.org/implements', 'http://ex.org/c', False), ('?t', 'http://ex.org/partOf', '?d', False)), 'SELECT')
>>> shape("SELECT * { ?s ?p ?o }") is None, shape("SELECT ?s { ?s <http://p>+ ?o }") is None
(True, True)
>>> shape("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") is None
True
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from pyoxigraph import NamedNode, Store

__all__ = ["Query", "parse", "shape", "plan", "tokens", "SEED_CAP"]

SEED_CAP = 1000
"""Quads a seed pattern may match."""

_TOKEN = re.compile(
    r"\s+|#[^\n]*"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<str>\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')(?P<suffix>@[A-Za-z0-9-]+|\^\^\S+?(?=[\s.;,})]))?"
    r"|(?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)"
    r"|(?P<num>[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<pname>(?:[A-Za-z][\w.-]*)?:[\w.:%-]*[\w:%-]|(?:[A-Za-z][\w.-]*)?:)"
    r"|(?P<word>[A-Za-z_]+)"
    r"|(?P<punct>&&|\|\||!=|<=|>=|[{}().;,*=<>!+/^|?-])",
    re.S,
)
_STOP = frozenset(
    "UNION MINUS GRAPH VALUES BIND SERVICE EXISTS GROUP ORDER HAVING COUNT SUM MIN MAX AVG SAMPLE "
    "GROUP_CONCAT FROM NAMED SELECT CONSTRUCT DESCRIBE LOAD INSERT DELETE".split()
)
Pattern = tuple[
    str, str, str, bool
]  # subject, predicate, object (a variable "?x", an IRI or "" for a literal), optional
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def tokens(query: str) -> list[tuple[str, str]] | None:
    """The SPARQL tokens of ``query`` as (kind, text), without spacing and comments; None for text the rule
    cannot read."""
    out, pos = [], 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None:
            return None
        pos = m.end()
        kind = m.lastgroup
        if kind is None:
            continue
        if kind == "suffix":
            kind = "str"
        out.append((kind, m.group(kind if kind != "str" else 0)))
    return out


class _Reject(Exception):
    pass


class Query:
    """A query of the accepted kind, read: its patterns, projection, modifiers and groups."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.t, self.i, self.prefixes = tokens, 0, {}  # type: ignore[var-annotated]
        self.patterns: list[Pattern] = []
        self.projection: list[str] | None = None  # the variables selected; None for ``*``
        self.distinct = False
        self.slice: dict[str, int] = {}  # LIMIT and OFFSET
        self.filters = 0
        self.optionals: list[int] = []  # how many patterns each OPTIONAL group has
        self.nested = False  # an OPTIONAL inside an OPTIONAL

    def peek(self) -> tuple[str, str]:
        return self.t[self.i] if self.i < len(self.t) else ("end", "")

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok[0] == "end" or (value is not None and tok[1].upper() != value):
            raise _Reject
        self.i += 1
        return tok

    def word(self) -> str:
        kind, value = self.peek()
        return value.upper() if kind == "word" else ""

    def term(self) -> str:
        kind, value = self.take()
        if kind == "var":
            return "?" + value[1:]
        if kind == "iri":
            if ":" not in value:  # a relative IRI: resolved by the base, which only the owner knows
                raise _Reject
            return value[1:-1]
        if kind == "pname":
            prefix, _, local = value.partition(":")
            if prefix not in self.prefixes or "%" in local or "\\" in local:
                raise _Reject
            return self.prefixes[prefix] + local
        if kind in ("str", "num") or (kind == "word" and value in ("true", "false")):
            return ""
        raise _Reject

    def parse(self) -> str:
        while self.word() in ("PREFIX", "BASE"):
            if self.take()[1].upper() == "BASE":
                raise _Reject
            kind, name = self.take()
            _, iri = self.take()
            if kind != "pname" or not name.endswith(":") or not iri.startswith("<"):
                raise _Reject
            self.prefixes[name[:-1]] = iri[1:-1]
        form = self.take()[1].upper()
        if form == "SELECT":
            if self.word() in ("DISTINCT", "REDUCED"):
                self.distinct = self.take()[1].upper() == "DISTINCT"
            if self.peek()[1] == "*":
                self.take()
            else:
                self.projection = [self.take()[1][1:] if self.peek()[0] == "var" else self._reject()]
                while self.peek()[0] == "var":
                    self.projection.append(self.take()[1][1:])
        elif form != "ASK":
            raise _Reject
        if self.word() == "WHERE":
            self.take()
        self.group(optional=False)
        while self.word() in ("LIMIT", "OFFSET"):
            word = self.take()[1].upper()
            kind, value = self.take()
            if kind != "num" or not value.isdigit():
                raise _Reject
            self.slice[word] = int(value)
        if self.peek()[0] != "end":
            raise _Reject
        return form

    @staticmethod
    def _reject() -> str:
        raise _Reject

    def group(self, optional: bool) -> None:
        self.take("{")
        while self.peek()[1] != "}":
            word = self.word()
            if word == "OPTIONAL":
                self.take()
                self.nested |= optional
                before = len(self.patterns)
                self.group(optional=True)
                self.optionals.append(len(self.patterns) - before)
            elif word == "FILTER":
                self.take()
                self.filters += 1
                self.filter()
            elif self.peek()[1] == ".":
                self.take()
            else:
                self.triples(optional)
        self.take("}")

    def filter(self) -> None:
        depth = 0
        if self.peek()[1] != "(":
            raise _Reject  # FILTER regex(...) and the like: the owner
        while True:
            kind, value = self.take()
            if kind == "word" and value.upper() in _STOP or value in ("{", "}"):
                raise _Reject
            depth += value == "("
            depth -= value == ")"
            if depth == 0:
                return

    def triples(self, optional: bool) -> None:
        subject = self.term()
        while True:
            kind, value = self.peek()
            if kind == "word" and value == "a":
                self.take()
                predicate = _RDF_TYPE
            elif kind == "var" and not subject.startswith("?") and subject:
                predicate = self.term()
            elif kind in ("iri", "pname"):
                predicate = self.term()
            else:
                raise _Reject
            if self.peek()[1] in ("/", "|", "^", "*", "+", "?", "("):
                raise _Reject  # a property path
            while True:
                self.patterns.append((subject, predicate, self.term(), optional))
                if self.peek()[1] != ",":
                    break
                self.take()
            if self.peek()[1] != ";":
                break
            while self.peek()[1] == ";":
                self.take()
            if self.peek()[1] in (".", "}"):
                break


@lru_cache(maxsize=2048)
def parse(query: str) -> tuple[Query, str] | None:
    """A query the rule accepts, read, and its form (``SELECT`` or ``ASK``); None for any other."""
    toks = tokens(query)
    if toks is None or any(kind == "word" and value.upper() in _STOP - {"SELECT"} for kind, value in toks):
        return None
    if sum(1 for kind, value in toks if kind == "word" and value.upper() == "SELECT") > 1:
        return None
    parsed = Query(toks)
    try:
        form = parsed.parse()
    except (_Reject, IndexError):
        return None
    if not parsed.patterns or any(p[1] == "" for p in parsed.patterns):
        return None
    return parsed, form


def shape(query: str) -> tuple[tuple[Pattern, ...], str] | None:
    """The triple patterns and the form of a query the rule accepts, or None."""
    read = parse(query)
    return None if read is None else (tuple(read[0].patterns), read[1])


def _small(store: Store, pattern: Pattern) -> bool:
    s, p, o, _ = pattern
    subject = NamedNode(s) if s and not s.startswith("?") else None
    obj = NamedNode(o) if o and not o.startswith("?") else None
    if subject is None and obj is None:
        return False
    predicate = NamedNode(p) if not p.startswith("?") else None
    matches = store.quads_for_pattern(subject, predicate, obj, None)
    return sum(1 for _ in itertools.islice(matches, SEED_CAP + 1)) <= SEED_CAP


def plan(store: Store, patterns: tuple[Pattern, ...]) -> bool:
    """True when the patterns have a small seed and every other pattern joins them (see the module)."""
    bound: set[str] = set()
    left = list(patterns)
    for pattern in patterns:
        if not pattern[3] and _small(store, pattern):
            bound.update(t for t in (pattern[0], pattern[2]) if t.startswith("?"))
            bound.update([pattern[1]] if pattern[1].startswith("?") else [])
            left.remove(pattern)
    if len(left) == len(patterns):
        return False
    progress, reverse = True, False
    while left and progress:
        progress = False
        for pattern in list(left):
            s, p, o, _ = pattern
            if s in bound or (not s.startswith("?") and s):
                pass  # a forward step: the values of one predicate of known subjects
            elif o in bound:  # a reverse step: every subject pointing at a known value — one, never into a class
                if reverse or p == _RDF_TYPE or p.startswith("?"):
                    return False
                reverse = True
            else:
                continue
            bound.update(t for t in (s, p, o) if t.startswith("?"))
            left.remove(pattern)
            progress = True
    return not left
