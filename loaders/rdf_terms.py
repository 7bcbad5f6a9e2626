"""RDF terms as the loaders write them: literals collected as plain tuples, one document's rows in the order added,
placed in its own graph or in the shared graph, written as pyoxigraph quads or as N-Quads with every IRI checked."""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

from pyoxigraph import Literal, NamedNode, Quad

from ontology import XSD
from ontology.iris import checked_iri


class Lit(NamedTuple):
    """A literal as collected: its lexical form and either a language tag or a datatype IRI."""

    value: str
    language: str | None = None
    datatype: str | None = None


Term = str | Lit  # an IRI (str) or a literal
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_ESCAPED = re.compile(r'[\\"\n\r]')  # a literal without any of them is written as it is


Row = tuple[str, str, Term]


class Placement(NamedTuple):
    """Where a document's rows go: rows about the document itself or its parts (subject ``owner`` or under
    ``owner + "/"``) to its ``graph``; rows about anything else (cited documents, bodies, people, roles, projects,
    meetings), which other documents may state too, to the one ``shared`` graph — so that no quad is repeated
    in every graph that mentions the thing; rows in ``skip`` (already in the reference graph) are not written."""

    graph: str
    owner: str | None = None
    shared: str | None = None
    skip: Collection[Row] = ()

    def of(self, s: str) -> str:
        if self.shared is None or self.owner is None or s == self.owner or s.startswith(self.owner + "/"):
            return self.graph
        return self.shared


class Graph:
    """Collects the triples of one document as plain tuples; skips empty values and repeats."""

    def __init__(self) -> None:
        self.rows: dict[Row, None] = {}  # in the order added, each once

    def add(self, s: str, p: str, o: Term | None) -> None:
        if o is None or o == "":
            return
        self.rows[(s, p, o)] = None

    def placed(self, where: Placement) -> Iterator[tuple[str, str, str, Term]]:
        """(graph, subject, predicate, object) of every row to write."""
        for row in self.rows:
            if row not in where.skip:
                yield (where.of(row[0]), *row)

    def quads(self, where: Placement) -> list[Quad]:
        """The rows as pyoxigraph quads (an invalid IRI raises ``ValueError``)."""
        nodes: dict[str, NamedNode] = {}

        def node(iri: str) -> NamedNode:
            n = nodes.get(iri)
            if n is None:
                n = nodes[iri] = NamedNode(iri)
            return n

        def term(o: Term) -> NamedNode | Literal:
            if isinstance(o, str):
                return node(o)
            if o.language:
                return Literal(o.value, language=o.language)
            return Literal(o.value, datatype=node(o.datatype)) if o.datatype else Literal(o.value)

        return [Quad(node(s), node(p), term(o), node(g)) for g, s, p, o in self.placed(where)]

    def nquads(self, where: Placement | str, *, apart: str) -> tuple[bytes, bytes]:
        """N-Quads of the rows: (every row but those of predicate ``apart``, those). Every IRI is
        checked (``checked_iri``: an invalid one raises ``ValueError``), so that a batch never fails to parse."""
        where = Placement(where) if isinstance(where, str) else where
        iri = _written_iri
        tails = {g: f" {iri(g)} .\n" for g in (where.graph, where.shared) if g}
        main: list[str] = []
        kept: list[str] = []
        skip, of = where.skip, where.of
        for row in self.rows:
            if row in skip:
                continue
            s, p, o = row
            obj = iri(o) if isinstance(o, str) else _literal_text(o)
            (kept if p == apart else main).append(f"{iri(s)} {iri(p)} {obj}{tails[of(s)]}")
        return "".join(main).encode(), "".join(kept).encode()

    def parts(self, where: Placement, *, apart: str) -> Parts:
        """The rows as a load writes them (``Parts``); the same lines as ``nquads``, every IRI checked alike."""
        iri = _written_iri
        tails = {g: f" {iri(g)} .\n" for g in (where.graph, where.shared) if g}
        own: list[str] = []
        shared: list[bytes] = []
        kept: list[str] = []
        quads: list[Quad4] = []
        kept_quads: list[Quad4] = []
        skip, of, graph = where.skip, where.of, where.graph
        for row in self.rows:
            if row in skip:
                continue
            s, p, o = row
            quad: Quad4
            if isinstance(o, str):
                obj, quad = iri(o), (s, p, o, None)
            else:
                obj, quad = _literal_text(o), (s, p, o.value, o.language or None)
            line = f"{iri(s)} {iri(p)} {obj}"
            g = of(s)
            if p == apart:
                kept.append(line + tails[g])
                kept_quads.append(quad)
            elif g == graph:
                own.append(line + tails[g])
                quads.append(quad)
            else:
                shared.append((line + " .\n").encode())
                quads.append(quad)
        return Parts("".join(own).encode(), shared, "".join(kept).encode(), quads + kept_quads)


Quad4 = tuple[str, str, str, str | None]  # (subject, predicate, object value, language) as a parser gives them


class Parts(NamedTuple):
    """One document's rows as a load writes them: N-Quads of the rows in its own graph (in the order added), the
    rows of the shared graph as N-Triples lines (each ending " .\\n", in order), N-Quads of the rows kept apart
    (its content-hash marker), and every row written as (subject, predicate, object value, language) in the order
    of the N-Quads own and shared rows interleaved, then those kept apart — what parsing them would give."""

    own: bytes
    shared: list[bytes]
    marker: bytes
    quads: list[Quad4]


_WRITTEN: dict[str, str] = {}  # IRI → "<IRI>", checked: kept by the process (the same terms in every document)
_WRITTEN_MAX = 20_000  # a document's own IRIs come once: a small cache keeps the shared terms, not them


def _literal_text(o: Lit) -> str:
    """A literal as N-Quads write it: escaped only when it holds a character to escape, then its language or
    datatype."""
    v = o.value
    text = '"' + (v.translate(_ESCAPES) if _ESCAPED.search(v) else v) + '"'
    if o.language:
        return text + "@" + o.language
    return text + "^^" + _written_iri(o.datatype) if o.datatype else text


def _written_iri(value: str) -> str:
    out = _WRITTEN.get(value)
    if out is None:
        if len(_WRITTEN) >= _WRITTEN_MAX:
            _WRITTEN.clear()
        out = _WRITTEN[value] = f"<{checked_iri(value)}>"
    return out


def rows_of(triples: Collection) -> frozenset[Row]:
    """pyoxigraph triples as the rows ``Graph`` collects (to compare with them)."""
    out: set[Row] = set()
    for t in triples:
        o = t.object
        if isinstance(o, Literal):
            datatype = None if o.language or o.datatype.value == XSD.string else o.datatype.value
            out.add((t.subject.value, t.predicate.value, Lit(o.value, o.language, datatype)))
        else:
            out.add((t.subject.value, t.predicate.value, o.value))
    return frozenset(out)


_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?\Z")
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def vi(text: str | None) -> Lit | None:
    return Lit(text, "vi") if text else None


def date_literal(value: str | None) -> Lit | None:
    """``xsd:date`` for YYYY-MM-DD, ``xsd:gYearMonth`` for YYYY-MM, ``xsd:gYear`` for YYYY."""
    if not value or not _DATE.match(value):
        return None
    return Lit(value, None, _DATE_TYPES[len(value)])


def deadline_day(value: str | None) -> str | None:
    """The day a deadline falls on: a month ("2025-09", as read) is its last day; the printed phrase stays in
    ``vk:deadlineText``.

    >>> deadline_day("2025-09"), deadline_day("2024-02"), deadline_day("2025-06-30")
    ('2025-09-30', '2024-02-29', '2025-06-30')
    """
    if value and len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def integer(value: int | None) -> Lit | None:
    return None if value is None else Lit(str(value), None, XSD.integer)
