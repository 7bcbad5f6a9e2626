"""The embedded store: pyoxigraph on disk, or in memory (``oxigraph:PATH``, ``memory:``).

>>> store = OxigraphStore()
>>> store.replace_graph("http://ex.org/g", [Triple(NamedNode("http://ex.org/s"), NamedNode("http://ex.org/p"), Literal("1"))])
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value
'1'
>>> store.named_graphs()
['http://ex.org/g']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from pyoxigraph import Literal, NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, Store, Triple, parse  # noqa: F401 (Literal: doctest)

from core.errors import QueryError, StoreError
from core.formats import RDF_FORMATS, serialise, serialise_results
from graph_api.store.base import ClosingStore, triples_to_ntriples
from graph_api.store.sparql_text import has_dataset_clause

__all__ = ["OxigraphStore", "open_disk_store"]


def open_disk_store(path: str | Path, *, read_only: bool = False, create: bool = True) -> Store:
    """The pyoxigraph store in the folder ``path``: created when missing only if ``create``; opened read-only
    (a snapshot, which works while another process, such as ``vankien serve``, holds the store) if
    ``read_only``. A missing or held store is a :class:`StoreError` that says so and what to do.
    """
    folder = Path(path).expanduser()
    if not create and not folder.exists():
        raise StoreError(f"no store at {folder}: 'vankien init' or 'vankien load FILES' creates one")
    try:
        if read_only:
            return Store.read_only(str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        return Store(str(folder))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"the store at {folder} is held by another process (a running 'vankien serve'?): "
                "stop it, or send the change through the service (POST /update, PUT /graph?graph=IRI)"
            ) from None
        raise StoreError(f"cannot open the store at {folder}: {e}") from e


class OxigraphStore(ClosingStore):
    """The embedded store: pyoxigraph on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, create: bool = True) -> None:
        self.path = Path(path).expanduser() if path else None
        self._store = Store() if self.path is None else open_disk_store(self.path, read_only=read_only, create=create)

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
        self._store.extend(
            Quad(t.subject, t.predicate, t.object, NamedNode(g)) for g, triples in graphs.items() for t in triples
        )

    def add_nquads(self, data: bytes, *, bulk: bool = False, trusted: bool = False) -> None:
        """Add N-Quads of new graphs, parsed by the store itself: in one transaction, or with ``bulk`` through
        pyoxigraph's bulk loader (writes files directly; not atomic); ``trusted`` parses leniently."""
        if bulk:
            self._store.bulk_load(data, format=RDF_FORMATS["nquads"], lenient=trusted)
        else:
            self._store.load(data, format=RDF_FORMATS["nquads"], lenient=trusted)

    def drop_graph(self, graph: str) -> None:
        self._store.update(f"DROP SILENT GRAPH <{graph}>")

    def load_graph(self, graph: str, data: bytes, *, format: str = "turtle") -> None:
        triples = [Triple(q.subject, q.predicate, q.object) for q in parse(data, format=RDF_FORMATS[format])]
        self.replace_graph(graph, triples)

    def _run(self, sparql: str, union_default_graph: bool):
        try:
            return self._store.query(
                sparql, use_default_graph_as_union=union_default_graph and not has_dataset_clause(sparql)
            )
        except SyntaxError as e:
            raise QueryError(f"malformed query: {e}") from e

    def query(self, sparql: str, *, results_format: str = "json", union_default_graph: bool = True) -> bytes:
        result = self._run(sparql, union_default_graph)
        if isinstance(result, (QuerySolutions, QueryBoolean)):
            return serialise_results(result, results_format)
        return serialise(result, results_format)

    def select(self, sparql: str) -> list[dict[str, Any]]:
        result = self._run(sparql, True)
        if not isinstance(result, QuerySolutions):
            raise QueryError("select() needs a SELECT query")
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
            assert isinstance(triples, QueryTriples)
            out.write(serialise(triples, format))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def triple_count(self, graph: str | None = None) -> int:
        """Number of quads, in one graph or in all."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        return int(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"].value)

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
