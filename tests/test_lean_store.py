"""Issue 16, item 5: a lean store — each quad once across graphs, one compact evidence node per fact (or per
subject and predicate read from one sentence) whose quote is the document's text between its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.store import open_store
from graph_api.store.ingest import ingest
from loaders import extract_file
from loaders.to_rdf import document_graph, document_iri
from ontology import ELI, RDF, VK
from ontology.iris import Iris

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in {".txt", ".md"})


@pytest.fixture(scope="module")
def store():
    with open_store("memory:") as s:
        assert not ingest([CORPUS], s).rejected
        yield s


def test_no_quad_is_in_two_graphs(store) -> None:
    rows = store.select(
        "SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o "
        "HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 5"
    )
    assert rows == []
    shared = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{Iris().shared_graph}> {{ ?s ?p ?o }} }}")
    assert int(shared[0]["n"].value) > 100  # the cited documents, bodies, people… are there, once


def test_a_document_graph_holds_only_the_document_and_its_parts(store) -> None:
    iris = Iris()
    docs = f'GRAPH ?g {{ ?d <{VK.contentHash}> ?h }} FILTER(STRSTARTS(STR(?g), "{iris.base}graph/doc/"))'
    assert len(store.select(f"SELECT ?d WHERE {{ {docs} }}")) > 20
    strays = store.select(
        f"SELECT ?g ?s WHERE {{ {docs} GRAPH ?g {{ ?s ?p ?o }} "
        'FILTER(?s != ?d && !STRSTARTS(STR(?s), CONCAT(STR(?d), "/"))) } LIMIT 5'
    )
    assert strays == []
    owned = store.select(
        f"SELECT ?s WHERE {{ GRAPH <{iris.shared_graph}> {{ ?s ?p ?o }} {docs} "
        "FILTER(STRSTARTS(STR(?s), CONCAT(STR(?d), '/'))) } LIMIT 5"
    )
    assert owned == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_quote_is_the_text_between_its_offsets_and_supports_a_stated_fact(path: Path) -> None:
    doc = extract_file(path)
    iris = Iris()
    _, quads = document_graph(doc, iris, folder=path.parent.name)
    facts = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    nodes: dict[str, dict[str, list[str]]] = {}
    for q in quads:
        if "/evidence/" in q.subject.value:
            nodes.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object.value)
    d = document_iri(iris, doc)
    for e, props in nodes.items():
        assert e.startswith(d + "/evidence/") and props[RDF.type] == [VK.Evidence]
        start, end = int(props[VK.startOffset][0]), int(props[VK.endOffset][0])
        quote = props[VK.quote][0]
        assert quote == doc.text[start:end].strip() and quote
        # the sentence: it starts after a sentence end (or the text's start), unless cut for being long
        assert start == 0 or doc.text[start - 1] in ".!?\n" or end - start >= 500
        (s,), (p,) = props[RDF.subject], props[RDF.predicate]
        for o in props[RDF.object]:
            assert (s, p, o) in facts  # the fact it supports is stated


def test_the_implementation_quotes_the_trace_reads_are_answerable(store) -> None:
    rows = store.select(
        f"SELECT ?t ?o ?q WHERE {{ ?e <{RDF.subject}> ?t ; <{RDF.predicate}> <{ELI.implements}> ; "
        f"<{RDF.object}> ?o ; <{VK.quote}> ?q . ?t <{ELI.implements}> ?o ; a <{VK.Task}> }}"
    )
    assert len(rows) > 20
    assert any("21-KL/TW" in r["q"].value for r in rows)


def test_dropping_a_document_keeps_what_another_needs() -> None:
    a, b = CORPUS / "dev" / "dev_06_binhduong.txt", CORPUS / "seeds" / "000_27a812bc416371fc.txt"
    with open_store("memory:") as s:
        ingest([a, b], s)
        iris = Iris()
        cited = f"SELECT DISTINCT ?c ?sym WHERE {{ GRAPH <{{g}}> {{ ?d <{ELI.cites}> ?c }} ?c <{ELI.id_local}> ?sym }}"
        before = {r["c"].value for r in s.select(cited.replace("{g}", iris.graph(b.name, b.parent.name)))}
        assert before
        s.drop_graph(iris.graph(a.name, a.parent.name))
        after = {r["c"].value for r in s.select(cited.replace("{g}", iris.graph(b.name, b.parent.name)))}
        assert after == before
