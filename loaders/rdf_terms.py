"""RDF terms as the loaders write them: literals collected as plain tuples, one graph's rows in the order added,
written as pyoxigraph triples or as N-Quads with every IRI checked."""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from pyoxigraph import Literal, NamedNode, Triple

from ontology import XSD
from ontology.iris import checked_iri


class Lit(NamedTuple):
    """A literal as collected: its lexical form and either a language tag or a datatype IRI."""

    value: str
    language: str | None = None
    datatype: str | None = None


Term = str | Lit  # an IRI (str) or a literal
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class Graph:
    """Collects the triples of one named graph as plain tuples; skips empty values and repeats."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, Term], None] = {}  # in the order added, each once

    def add(self, s: str, p: str, o: Term | None) -> None:
        if o is None or o == "":
            return
        self.rows[(s, p, o)] = None

    def triples(self) -> list[Triple]:
        """The rows as pyoxigraph triples (an invalid IRI raises ``ValueError``)."""
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

        return [Triple(node(s), node(p), term(o)) for s, p, o in self.rows]

    def nquads(self, graph: str, *, apart: str) -> tuple[bytes, bytes]:
        """N-Quads of the rows in ``graph``: (every row but those of predicate ``apart``, those). Every IRI is
        checked (``checked_iri``: an invalid one raises ``ValueError``), so that a batch never fails to parse."""
        written: dict[str, str] = {}

        def iri(value: str) -> str:
            out = written.get(value)
            if out is None:
                out = written[value] = f"<{checked_iri(value)}>"
            return out

        g = f" <{graph}> .\n"
        iri(graph)
        main: list[str] = []
        kept: list[str] = []
        for s, p, o in self.rows:
            if isinstance(o, str):
                obj = iri(o)
            else:
                obj = '"' + o.value.translate(_ESCAPES) + '"'
                if o.language:
                    obj += "@" + o.language
                elif o.datatype:
                    obj += "^^" + iri(o.datatype)
            (kept if p == apart else main).append(f"{iri(s)} {iri(p)} {obj}{g}")
        return "".join(main).encode(), "".join(kept).encode()


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
