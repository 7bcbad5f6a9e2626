"""The trace template's plan text (graph_api.store.templates.Template.plan_text) answers byte for byte as the engine
answers ``queries/trace.rq`` as sent, for every document of the bundled corpus and of a synthetic corpus as the
target, in every results format, on an on-disk store read as the HTTP worker reads it; a plan text that orders
tied rows otherwise is caught (by these comparisons, and in the worker by its first-answer check)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, Store

from graph_api.store import open_store
from graph_api.store.ingest import ingest
from graph_api.store.readers import LocalReader
from graph_api.store.shared_state import SharedState
from graph_api.store.templates import SHIPPED, Templates
from tests.synth import generate

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
TRACE = (SHIPPED / "trace.rq").read_text(encoding="utf-8")
SLOT = re.compile(r"(VALUES \?target \{ )<[^>]*>( \})")
FORMATS = [QueryResultsFormat.JSON, QueryResultsFormat.XML, QueryResultsFormat.TSV, QueryResultsFormat.CSV]
ELI = "http://data.europa.eu/eli/ontology#"
TASK = "https://w3id.org/vankien/ontology#Task"


def traced(iri: str) -> str:
    """trace.rq with ``iri`` as its parameter."""
    return SLOT.sub(lambda m: f"{m[1]}<{iri}>{m[2]}", TRACE, count=1)


def on_disk(tmp: Path, sources: list[Path]) -> tuple[Store, str]:
    """``sources`` loaded into an on-disk store, opened read-only as the HTTP worker opens it; and its folder."""
    store = open_store(f"oxigraph:{tmp / 'store'}")
    assert not ingest(sources, store).rejected
    store.close()
    return Store.read_only(str(tmp / "store")), str(tmp / "store")


def targets(store: Store) -> list[str]:
    """Every document: whatever carries out or is carried out, or has a symbol, and is no task."""
    query = f"""SELECT DISTINCT ?d WHERE {{
      {{ ?d <{ELI}implements> ?x }} UNION {{ ?x <{ELI}implements> ?d }} UNION {{ ?d <{ELI}id_local> ?s }}
      FILTER(isIRI(?d)) FILTER NOT EXISTS {{ ?d a <{TASK}> }} }}"""
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    return sorted(row["d"].value for row in result if isinstance(row["d"], NamedNode))


def loop(plan: str) -> str:
    """A plan text with its OPTIONALs as for-loop joins: ``LATERAL { OPTIONAL { … } }``."""
    return re.sub(r"BIND\(0 AS \?_plan\d\) ", "", plan)


def answer(store: Store, query: str, fmt: QueryResultsFormat) -> bytes:
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    return result.serialize(format=fmt)  # type: ignore[no-any-return]


def ties(tsv: bytes) -> tuple[int, int]:
    """Rows of a trace's TSV answer that share ``ORDER BY ?province ?document ?task`` with an earlier one: all of
    them, and those among them with another lead or deadline (a task's matches the engine joins by hash)."""
    rows = [tuple(line.split(b"\t")) for line in tsv.splitlines()[1:]]
    keys = len({r[:3] for r in rows})
    return len(rows) - keys, len({r[:3] + r[4:6] for r in rows}) - keys


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    """The bundled corpus on disk (some of its tasks have two leads: rows tied on the trace's ORDER BY)."""
    return on_disk(tmp_path_factory.mktemp("bundled"), [CORPUS])


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def stored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    """The bundled corpus, or 80 synthetic documents (seed 5), on disk."""
    if request.param == "bundled":
        return request.getfixturevalue("bundled")  # type: ignore[no-any-return]
    tmp = tmp_path_factory.mktemp("synthetic")
    generate(tmp / "synth", n=80, seed=5, workers=1)
    return on_disk(tmp, [tmp / "synth" / "docs"])


def test_the_plan_text_answers_as_the_query_sent_for_every_document(stored: tuple[Store, str]) -> None:
    store = stored[0]
    plans = Templates()
    docs = targets(store)
    assert len(docs) > 20, docs
    rows, tied = 0, [0, 0]
    for doc in docs:
        query = traced(doc)
        plan = plans.plan_text(query)
        assert plan is not None and plan != query and f"<{doc}>" in plan
        for fmt in FORMATS:
            expected = answer(store, query, fmt)
            assert answer(store, plan, fmt) == expected, (doc, fmt)
        tsv = answer(store, plan, QueryResultsFormat.TSV)
        rows += tsv.count(b"\n") - 1
        tied = [a + b for a, b in zip(tied, ties(tsv), strict=True)]
    assert rows > 100 and tied[0] > 0  # long answers, with rows only the order of ties tells apart
    assert tied[1] > 0 or "synthetic" in str(stored[1])  # the synthetic tasks have one lead each


def test_a_plan_text_that_orders_ties_otherwise_is_caught(bundled: tuple[Store, str]) -> None:
    """The same OPTIONALs as a for-loop join (``LATERAL { OPTIONAL { … } }``, no ``BIND``): the same rows, but a
    task's leads come in index order where the engine's hash join gives them reversed — so tied rows swap."""
    store = bundled[0]
    plans = Templates()
    differ = same_rows = 0
    for doc in targets(store):
        query = traced(doc)
        plan = plans.plan_text(query)
        assert plan is not None
        a, b = answer(store, loop(plan), QueryResultsFormat.TSV), answer(store, query, QueryResultsFormat.TSV)
        differ += a != b
        same_rows += sorted(a.splitlines()) == sorted(b.splitlines())
    assert differ > 0 and same_rows == len(targets(store))


def test_the_worker_checks_its_first_plan_answer_and_drops_a_plan_that_differs(
    bundled: tuple[Store, str], tmp_path: Path
) -> None:
    store, path = bundled
    good, bad = Templates(), Templates()
    trace = bad.items[0]
    assert trace.name == "trace.rq" and trace.plan is not None
    bad.items[0] = replace(trace, plan=(trace.plan[0], loop(trace.plan[1])))
    fmt = QueryResultsFormat.JSON
    query = next(
        q
        for q in map(traced, targets(store))
        if answer(store, loop(good.plan_text(q) or ""), fmt) != answer(store, q, fmt)
    )
    expected = answer(store, query, QueryResultsFormat.JSON)
    for templates, used in ((good, 2), (bad, 0)):
        reader = LocalReader(path, SharedState.create(str(tmp_path / f"state{used}")), templates=templates)
        for _ in range(2):
            assert reader.answer(query, "json", 100_000) == ("solutions", expected)
        assert reader.stats()["templates"] == 2 and reader.stats()["from_plan_texts"] == used
        assert reader.plan_off == (used == 0)
