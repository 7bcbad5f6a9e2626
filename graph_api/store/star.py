"""A star lookup — the values of a few predicates of one IRI — answered from the store's indexes.

The SPARQL engine spends ~65–80 µs parsing and planning even a point lookup, more than the lookup itself, and
pyoxigraph cannot keep a parsed query. A query of this one form is read once (by :mod:`graph_api.store.bounded`'s
reader, remembered by its text) and answered without the engine:

    SELECT [DISTINCT|REDUCED] ?a ?b … WHERE { <s> <p1> ?a . OPTIONAL { <s> <p2> ?b } … } [LIMIT n]

— one IRI subject, IRI predicates, a variable object in each pattern, each variable once, OPTIONAL groups of one
pattern, no FILTER, a LIMIT (if any) the solutions do not pass. Its solutions are the product of each pattern's values (an optional pattern's, or unbound)
over the union default graph, where the engine counts a value once per graph that states it; so are they here.
Only the JSON results format is written here; another format, or a pattern with more than :data:`VALUES_CAP`
values, is left to the engine (None).

>>> from pyoxigraph import Literal, NamedNode, Quad, Store
>>> store, ex = Store(), "http://ex.org/"
>>> store.add(Quad(NamedNode(ex + "d"), NamedNode(ex + "sym"), Literal("21-KL/TW"), NamedNode(ex + "g")))
>>> lookup = star("SELECT ?sym ?date { <http://ex.org/d> <http://ex.org/sym> ?sym "
...               "OPTIONAL { <http://ex.org/d> <http://ex.org/date> ?date } }")
>>> answer_json(store, lookup, 100)
b'{"head":{"vars":["sym","date"]},"results":{"bindings":[{"sym":{"type":"literal","value":"21-KL/TW"}}]}}'
>>> star("SELECT ?o { ?s <http://ex.org/p> ?o }") is None  # no IRI subject
True
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode, Store

from graph_api.store.bounded import parse
from graph_api.store.results import too_many

__all__ = ["Star", "star", "answer_json", "VALUES_CAP", "ROWS_CAP"]

VALUES_CAP = 1000
"""Values one pattern may have; with more, the engine answers."""
ROWS_CAP = 10000
"""Solutions the product may have before DISTINCT and LIMIT; with more, the engine answers."""
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class Star:
    """A star lookup, read: the subject, the (variable, predicate) of its required and optional patterns, the
    variables selected, DISTINCT, LIMIT and OFFSET."""

    subject: NamedNode
    required: tuple[tuple[str, NamedNode], ...]
    optional: tuple[tuple[str, NamedNode], ...]
    variables: tuple[str, ...]
    distinct: bool
    limit: int | None
    offset: int


@lru_cache(maxsize=2048)
def star(query: str) -> Star | None:
    """The star lookup ``query`` is, or None for any other query."""
    read = parse(query)
    if read is None or read[1] != "SELECT":
        return None
    q = read[0]
    if q.filters or q.nested or any(size != 1 for size in q.optionals):
        return None
    subjects = {s for s, _, _, _ in q.patterns}
    objects = [o for _, _, o, _ in q.patterns]
    if len(subjects) != 1 or next(iter(subjects)).startswith("?") or not next(iter(subjects)):
        return None
    if any(p.startswith("?") for _, p, _, _ in q.patterns):
        return None
    if any(not o.startswith("?") for o in objects) or len(set(objects)) != len(objects):
        return None
    if q.projection is None or len(set(q.projection)) != len(q.projection):
        return None  # ``*``: the engine orders its variables its own way
    variables = tuple(q.projection)
    return Star(
        subject=NamedNode(next(iter(subjects))),
        required=tuple((o[1:], NamedNode(p)) for _, p, o, optional in q.patterns if not optional),
        optional=tuple((o[1:], NamedNode(p)) for _, p, o, optional in q.patterns if optional),
        variables=variables,
        distinct=q.distinct,
        limit=q.slice.get("LIMIT"),
        offset=q.slice.get("OFFSET", 0),
    )


class _Unwritable(Exception):
    """A term this writer does not write (a triple term, a literal with a direction)."""


def _term(term: object) -> str:
    """A term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, NamedNode):
        return '{"type":"uri","value":' + _dumps(term.value) + "}"
    if isinstance(term, Literal):
        if term.direction is not None:
            raise _Unwritable
        text = '{"type":"literal","value":' + _dumps(term.value)
        if term.language is not None:
            return text + ',"xml:lang":' + _dumps(term.language) + "}"
        datatype = term.datatype.value
        return text + ("}" if datatype == _XSD_STRING else ',"datatype":' + _dumps(datatype) + "}")
    if isinstance(term, BlankNode):
        return '{"type":"bnode","value":' + _dumps(term.value) + "}"
    raise _Unwritable


def _values(store: Store, subject: NamedNode, predicate: NamedNode) -> list[object] | None:
    """The objects of ``subject predicate`` in every graph, one per quad; None past :data:`VALUES_CAP`."""
    quads = itertools.islice(store.quads_for_pattern(subject, predicate, None, None), VALUES_CAP + 1)
    values: list[object] = [quad.object for quad in quads]
    return None if len(values) > VALUES_CAP else values


def answer_json(store: Store, lookup: Star, max_rows: int) -> bytes | None:
    """The JSON results of ``lookup`` on ``store``'s union default graph, as the engine would give them (rows
    in another order); None when the engine must answer. :class:`core.errors.QueryError` past ``max_rows``."""
    columns: list[tuple[str, list[object]]] = []
    size = 1
    for patterns, optional in ((lookup.required, False), (lookup.optional, True)):
        for variable, predicate in patterns:
            values = _values(store, lookup.subject, predicate)
            if values is None:
                return None
            if optional and not values:
                values = [None]
            columns.append((variable, values))
            size *= len(values)
    if size > ROWS_CAP:
        return None
    position = {variable: i for i, (variable, _) in enumerate(columns)}
    picked = [position.get(variable) for variable in lookup.variables]
    rows: list[tuple[object, ...]] = [
        tuple(None if i is None else row[i] for i in picked)
        for row in itertools.product(*(values for _, values in columns))
    ]
    if lookup.distinct:
        rows = list(dict.fromkeys(rows))
    if lookup.offset or (lookup.limit is not None and len(rows) > lookup.limit):
        return None  # which rows a slice keeps depends on the engine's order
    if len(rows) > max_rows:
        raise too_many(max_rows, "rows")
    names = [_dumps(variable) for variable in lookup.variables]
    try:
        bindings = ",".join(
            "{" + ",".join(name + ":" + _term(term) for name, term in zip(names, row) if term is not None) + "}"
            for row in rows
        )
    except _Unwritable:
        return None
    head = '{"head":{"vars":[' + ",".join(names) + ']},"results":{"bindings":['
    return (head + bindings + "]}}").encode()
