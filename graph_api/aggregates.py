"""Counts over a store: triples per named graph, documents, tasks, implementation edges (``vankien stats``).

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> with open_store("memory:") as store:
...     _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
...     sizes = graph_sizes(store)
...     summary(store)["documents read"], total_triples(store) == sum(n for _, n in sizes)
(1, True)
"""

from __future__ import annotations

from graph_api.store import GraphStore
from ontology import ELI, VK

__all__ = ["graph_sizes", "total_triples", "summary"]

_SUMMARY = {
    "documents read": f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{VK.SourceDocument}> }}",
    "cited documents": f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?d <{ELI.cites}> ?c }}",
    "tasks": f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ ?t a <{VK.Task}> }}",
    "implementation edges": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?t <{ELI.implements}> ?c }}",
}


def graph_sizes(store: GraphStore) -> list[tuple[str, int]]:
    """(named graph, triples) of every named graph, in the order of their IRIs."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    return [(r["g"].value, int(r["n"].value)) for r in rows]


def total_triples(store: GraphStore) -> int:
    """Triples in all the named graphs (a triple in two graphs counts twice)."""
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(rows[0]["n"].value) if rows else 0


def summary(store: GraphStore) -> dict[str, int]:
    """Documents read, cited documents, tasks and implementation edges."""
    return {name: int(store.select(query)[0]["n"].value) for name, query in _SUMMARY.items()}
