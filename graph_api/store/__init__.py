"""The store layer: one interface (:class:`GraphStore`) with an embedded and a remote implementation, the
one parser of store specs, the query runner that enforces the service's limits, and ingest (loaders → store).

>>> store = open_store("memory:")
>>> store.replace_graph("http://ex.org/g", [Triple(NamedNode("http://ex.org/s"), NamedNode("http://ex.org/p"), Literal("1"))])
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value
'1'
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from core.formats import RDF_FORMATS
from graph_api.store.base import GraphStore, nquads, triples_to_ntriples
from graph_api.store.embedded import OxigraphStore
from graph_api.store.remote import SparqlStore
from graph_api.store.spec import StoreSpec, default_store_spec, parse_spec

__all__ = [
    "GraphStore",
    "OxigraphStore",
    "SparqlStore",
    "StoreSpec",
    "open_store",
    "default_store_spec",
    "parse_spec",
    "Triple",
    "NamedNode",
    "Literal",
    "triples_to_ntriples",
    "nquads",
    "RDF_FORMATS",
]


def open_store(spec: str | None = None, *, read_only: bool = False, create: bool = True) -> OxigraphStore | SparqlStore:
    """Open a store from a spec (see :mod:`graph_api.store.spec`); it is a context manager that closes it.

    An on-disk store that does not exist is created only with ``create``; ``read_only`` opens a snapshot
    that can be read while another process (``vankien serve``) holds the store.
    """
    parsed = parse_spec(spec)
    if parsed.kind == "sparql":
        assert parsed.query_url is not None
        return SparqlStore(parsed.query_url, parsed.update_url)
    return OxigraphStore(
        None if parsed.in_memory else parsed.path, read_only=read_only and not parsed.in_memory, create=create
    )
