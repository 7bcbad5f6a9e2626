"""The graph store behind a narrow interface: an on-disk pyoxigraph store, or a remote
SPARQL 1.1 server (see ``graph_api.remote``), chosen by a store spec:

- ``oxigraph:PATH`` — embedded pyoxigraph on disk (the default);
- ``memory:`` — embedded, in memory (tests, one-off extraction);
- ``sparql:QUERY_URL[,UPDATE_URL]`` — a remote SPARQL server.

>>> store = open_store("memory:")
>>> store.replace_graph("http://ex.org/g", [Triple(NamedNode("http://ex.org/s"), NamedNode("http://ex.org/p"), Literal("1"))])
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value
'1'
>>> store.named_graphs()
['http://ex.org/g']
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

from pyoxigraph import (
    Literal, NamedNode, Quad, QueryBoolean, QueryResultsFormat, QuerySolutions,
    RdfFormat, Store, Triple, serialize,
)

from vankien.errors import QueryError, StoreError

__all__ = ["GraphStore", "OxigraphStore", "open_store", "default_store_spec", "Triple", "NamedNode",
           "Literal", "triples_to_ntriples", "RDF_FORMATS"]

RDF_FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML, "jsonld": RdfFormat.JSON_LD,
}


def triples_to_ntriples(triples: Iterable[Triple]) -> str:
    """Serialise triples as N-Triples (also valid inside SPARQL ``INSERT DATA``)."""
    return serialize(list(triples), format=RdfFormat.N_TRIPLES).decode("utf-8")


class GraphStore(Protocol):
    """What the rest of vankien needs from a store."""

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Replace the content of one named graph in a single transaction."""

    def add_graphs(self, graphs: dict[str, list[Triple]]) -> None:
        """Add graphs not yet in the store, all in one transaction where the store allows."""

    def add_nquads(self, data: bytes, *, bulk: bool = False, trusted: bool = False) -> None:
        """Add N-Quads of graphs not yet in the store, in one transaction where the store allows
        (``bulk``: through the store's faster, non-atomic bulk loader where it has one; ``trusted``: the data
        come from vankien's own serialiser, which checked every IRI, so the store may skip its checks)."""

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph (no error when absent)."""

    def load_graph(self, graph: str, data: bytes, *, format: str = "turtle") -> None:
        """Replace one named graph with serialised RDF (``turtle``, ``ntriples``, …)."""

    def query(self, sparql: str, *, results_format: str = "json", union_default_graph: bool = True) -> bytes:
        """Run a SPARQL query and return the serialised results (``json``, ``xml``, ``csv``, ``tsv`` for
        SELECT/ASK; ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml`` for CONSTRUCT/DESCRIBE)."""

    def select(self, sparql: str) -> list[dict]:
        """Run a SELECT query over the union of the named graphs; rows map variable names to pyoxigraph terms."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    def export(self, out: BinaryIO, *, format: str = "nquads") -> None:
        """Write every quad (``nquads``, ``trig``) or the union graph (``turtle``, ``jsonld``…) to ``out``."""

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs."""

    def close(self) -> None:
        """Release the store."""


class OxigraphStore:
    """The embedded store: pyoxigraph on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path).expanduser() if path else None
        try:
            if self.path is None:
                self._store = Store()
            elif read_only:
                self._store = Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(self.path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {self.path}: {e}") from e

    @property
    def raw(self) -> Store:
        """The underlying ``pyoxigraph.Store``."""
        return self._store

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        body = triples_to_ntriples(triples)
        # One SPARQL update is one transaction: the graph is fully old or fully new.
        self._store.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def add_graphs(self, graphs: dict[str, list[Triple]]) -> None:
        """Add several graphs that are not in the store yet, in one transaction (bulk path of a load)."""
        self._store.extend(Quad(t.subject, t.predicate, t.object, NamedNode(g))
                           for g, triples in graphs.items() for t in triples)

    def add_nquads(self, data: bytes, *, bulk: bool = False, trusted: bool = False) -> None:
        """Add N-Quads of new graphs, parsed by the store itself: in one transaction, or with ``bulk`` through
        pyoxigraph's bulk loader (writes files directly; not atomic); ``trusted`` parses leniently."""
        if bulk:
            self._store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=trusted)
        else:
            self._store.load(data, format=RdfFormat.N_QUADS, lenient=trusted)

    def drop_graph(self, graph: str) -> None:
        self._store.update(f"DROP SILENT GRAPH <{graph}>")

    def load_graph(self, graph: str, data: bytes, *, format: str = "turtle") -> None:
        from pyoxigraph import parse
        triples = [Triple(q.subject, q.predicate, q.object)
                   for q in parse(data, format=RDF_FORMATS[format])]
        self.replace_graph(graph, triples)

    def _run(self, sparql: str, union_default_graph: bool):
        from graph_api.remote import has_dataset_clause  # the one SPARQL lexer of the project
        try:
            return self._store.query(sparql, use_default_graph_as_union=union_default_graph
                                     and not has_dataset_clause(sparql))
        except SyntaxError as e:
            raise QueryError(f"malformed query: {e}") from e

    def query(self, sparql: str, *, results_format: str = "json", union_default_graph: bool = True) -> bytes:
        result = self._run(sparql, union_default_graph)
        if isinstance(result, (QuerySolutions, QueryBoolean)):
            fmt = {"json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML,
                   "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}[results_format]
            return result.serialize(format=fmt)
        return result.serialize(format=RDF_FORMATS[results_format])

    def select(self, sparql: str) -> list[dict]:
        result = self._run(sparql, True)
        names = [v.value for v in result.variables]
        return [{n: t for n, t in zip(names, row) if t is not None} for row in result]  # by position: cheaper

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"malformed update: {e}") from e

    def export(self, out: BinaryIO, *, format: str = "nquads") -> None:
        fmt = RDF_FORMATS[format]
        if fmt.supports_datasets:
            self._store.dump(out, format=fmt)
        else:
            triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            out.write(triples.serialize(format=fmt))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def triple_count(self, graph: str | None = None) -> int:
        """Number of quads, in one graph or in all."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        return int(next(iter(self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))["n"].value)

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        """Compact the on-disk store (after a large load: less disk, faster reads)."""
        self._store.optimize()

    def close(self) -> None:
        if self.path is not None:
            try:
                self._store.flush()
            except (OSError, RuntimeError):  # a read-only store cannot flush
                pass
        del self._store


def default_store_spec() -> str:
    """``VANKIEN_STORE``, else ``oxigraph:`` + a per-user data folder."""
    if os.environ.get("VANKIEN_STORE"):
        return os.environ["VANKIEN_STORE"]
    root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"oxigraph:{root / 'vankien' / 'store'}"


def open_store(spec: str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open a store from a spec (see the module docstring)."""
    spec = spec or default_store_spec()
    kind, _, rest = spec.partition(":")
    if kind == "oxigraph":
        return OxigraphStore(rest or None, read_only=read_only)
    if kind == "memory":
        return OxigraphStore(None)
    if kind == "sparql":
        from graph_api.remote import SparqlStore
        query_url, _, update_url = rest.partition(",")
        return SparqlStore(query_url, update_url or None)
    raise StoreError(f"unknown store spec {spec!r}: use oxigraph:PATH, memory: or sparql:QUERY_URL[,UPDATE_URL]")

