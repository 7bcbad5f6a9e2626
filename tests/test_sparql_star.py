"""Star lookups (graph_api.store.star) answered from the store's indexes: which queries are read as one, and
the same solutions as the SPARQL engine's over the union default graph, for every kind of term."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from api_fixtures import fixture_dataset
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, QueryResultsFormat, Store

from core.errors import QueryError
from graph_api.store import star as star_module
from graph_api.store.star import answer_json, star

EX = "http://ex.org/"
P = f"PREFIX ex: <{EX}> "
XSD = "http://www.w3.org/2001/XMLSchema#"


def _store() -> Store:
    """One subject stated in several graphs (and the default graph) with every kind of object."""
    store, d = Store(), NamedNode(EX + "d")

    def add(predicate: str, obj: object, graph: object) -> None:
        store.add(Quad(d, NamedNode(EX + predicate), obj, graph))  # type: ignore[arg-type]

    g1, g2 = NamedNode(EX + "g1"), NamedNode(EX + "g2")
    add("sym", Literal("21-KL/TW"), g1)
    add("sym", Literal("21-KL/TW"), g2)  # the same triple in two graphs: two solutions
    add("sym", Literal('dòng "một"\nhai\t\\ ba'), DefaultGraph())
    add("date", Literal("2021-10-25", datatype=NamedNode(XSD + "date")), g1)
    add("title", Literal("Kết luận", language="vi"), g1)
    add("title", Literal("Conclusion", language="en"), g2)
    add("issuer", NamedNode(EX + "bo-chinh-tri"), g1)
    add("node", BlankNode("b1"), g1)
    add("count", Literal(3), g2)
    return store


STAR = [  # (query, what it is read as: required variables, optional variables, variables selected, distinct)
    (P + "SELECT ?s WHERE { ex:d ex:sym ?s }", (["s"], [], ["s"], False)),
    (P + "SELECT DISTINCT ?s ?t { ex:d ex:sym ?s . OPTIONAL { ex:d ex:title ?t } }", (["s"], ["t"], ["s", "t"], True)),
    (
        P + "SELECT ?n ?s { ex:d ex:sym ?s ; ex:date ?dt . OPTIONAL { ex:d ex:node ?n } }",
        (["s", "dt"], ["n"], ["n", "s"], False),
    ),
    (P + "SELECT ?t ?none { ex:d ex:title ?t } LIMIT 1 OFFSET 1", (["t"], [], ["t", "none"], False)),
    (P + "SELECT REDUCED ?s { ex:d ex:sym ?s }", (["s"], [], ["s"], False)),
]
NOT_STAR = [
    P + "SELECT ?o { ?x ex:sym ?o }",  # no IRI subject
    P + "SELECT ?o { ex:d ?p ?o }",  # a variable predicate
    P + "SELECT ?o { ex:d ex:sym ?o . ex:e ex:sym ?o }",  # two subjects
    P + "SELECT ?o { ex:d ex:sym ?o . ex:d ex:title ?o }",  # a variable twice: a join
    P + "SELECT ?o { ex:d ex:sym ?o FILTER(?o != 1) }",
    P + "SELECT ?o ?t { ex:d ex:sym ?o OPTIONAL { ex:d ex:title ?t . ex:d ex:date ?x } }",
    P + "SELECT ?o ?t { ex:d ex:sym ?o OPTIONAL { ex:d ex:title ?t OPTIONAL { ex:d ex:date ?x } } }",
    P + 'SELECT ?o { ex:d ex:sym "21-KL/TW" . ex:d ex:title ?o }',  # a constant object
    P + "ASK { ex:d ex:sym ?o }",
    P + "SELECT ?o { ex:d ex:sym ?o } ORDER BY ?o",
    P + "SELECT (COUNT(*) AS ?n) { ex:d ex:sym ?o }",
    "SELECT ?o { <d> <sym> ?o }",  # relative IRIs: the base is the endpoint's
    P + "SELECT * { ex:d ex:sym ?o }",  # the engine orders the variables of * its own way
]


@pytest.mark.parametrize(("query", "expected"), STAR)
def test_a_star_lookup_is_read_as_one(query: str, expected: tuple) -> None:
    lookup = star(query)
    assert lookup is not None
    required, optional, variables, distinct = expected
    assert [v for v, _ in lookup.required] == required and [v for v, _ in lookup.optional] == optional
    assert list(lookup.variables) == variables and lookup.distinct is distinct
    assert lookup.subject == NamedNode(EX + "d")


@pytest.mark.parametrize("query", NOT_STAR)
def test_any_other_query_is_left_to_the_engine(query: str) -> None:
    assert star(query) is None


def _solutions(body: bytes) -> tuple[list[str], Counter]:
    parsed = json.loads(body)
    rows = Counter(json.dumps(row, sort_keys=True) for row in parsed["results"]["bindings"])
    return parsed["head"]["vars"], rows


def _engine(store: Store, query: str) -> bytes:
    out = io.BytesIO()
    store.query(query, use_default_graph_as_union=True).serialize(out, format=QueryResultsFormat.JSON)  # type: ignore[union-attr]
    return out.getvalue()


SAME = [
    P + "SELECT ?s WHERE { ex:d ex:sym ?s }",
    P + "SELECT DISTINCT ?s WHERE { ex:d ex:sym ?s }",
    P
    + "SELECT ?t ?dt ?s ?m { ex:d ex:sym ?s ; ex:title ?t . OPTIONAL { ex:d ex:date ?dt } OPTIONAL { ex:d ex:missing ?m } }",
    P + "SELECT ?i ?n ?c ?x { ex:d ex:issuer ?i ; ex:node ?n . OPTIONAL { ex:d ex:count ?c } }",
    P + "SELECT ?s { ex:d ex:missing ?s }",  # nothing: no rows
    P + "SELECT ?m { ex:nobody ex:sym ?s OPTIONAL { ex:nobody ex:title ?m } }",
    P + "SELECT DISTINCT ?s ?t { ex:d ex:sym ?s . OPTIONAL { ex:d ex:title ?t } } LIMIT 4",  # 4 rows: all of them
    P + "SELECT ?t { OPTIONAL { ex:d ex:title ?t } }",  # optional only: one row per value
]


@pytest.mark.parametrize("query", SAME)
def test_the_answer_is_the_engines(query: str) -> None:
    store = _store()
    lookup = star(query)
    assert lookup is not None
    ours = answer_json(store, lookup, 100)
    assert ours is not None
    assert _solutions(ours) == _solutions(_engine(store, query))


def test_the_answer_is_the_engines_on_the_api_fixture() -> None:
    store = fixture_dataset(big=False)
    docs = [
        q[0]
        for q in store.query(
            "SELECT DISTINCT ?d { ?d <http://data.europa.eu/eli/ontology#id_local> ?s }",
            use_default_graph_as_union=True,
        )
    ]  # type: ignore[union-attr]
    assert len(docs) >= 3
    for doc in docs:
        query = (
            "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT DISTINCT ?sym ?date ?title WHERE { "
            f"<{doc.value}> eli:id_local ?sym . OPTIONAL {{ <{doc.value}> eli:date_document ?date }} "
            f"OPTIONAL {{ <{doc.value}> eli:title ?title }} }}"
        )
        lookup = star(query)
        assert lookup is not None
        ours = answer_json(store, lookup, 100)
        assert ours is not None and _solutions(ours) == _solutions(_engine(store, query))
        assert _solutions(ours)[1], doc


def test_too_many_values_or_rows_are_left_to_the_engine_and_the_row_cap_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store()
    lookup = star(P + "SELECT ?s ?t { ex:d ex:sym ?s ; ex:title ?t }")
    assert lookup is not None
    body = answer_json(store, lookup, 100)
    assert body is not None and sum(_solutions(body)[1].values()) == 6  # 3 symbols × 2 titles
    with pytest.raises(QueryError, match="more than 5 rows"):
        answer_json(store, lookup, 5)
    for sliced in ("LIMIT 5", "OFFSET 1", "LIMIT 6 OFFSET 1"):  # which rows a slice keeps: the engine's order
        cut = star(P + "SELECT ?s ?t { ex:d ex:sym ?s ; ex:title ?t } " + sliced)
        assert cut is not None and answer_json(store, cut, 100) is None
    monkeypatch.setattr(star_module, "ROWS_CAP", 5)
    assert answer_json(store, lookup, 100) is None
    monkeypatch.setattr(star_module, "VALUES_CAP", 2)
    assert answer_json(store, lookup, 100) is None
