"""The one ``Store`` interface of vankien (:class:`GraphStore`), and the N-Triples/N-Quads writers its
implementations share: :class:`graph_api.store.embedded.OxigraphStore` (pyoxigraph, on disk or in memory) and
:class:`graph_api.store.remote.SparqlStore` (a SPARQL 1.1 server)."""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import Any, BinaryIO, Protocol, Self

from pyoxigraph import Triple

from core.formats import serialise

__all__ = ["GraphStore", "ClosingStore", "triples_to_ntriples", "nquads"]


def triples_to_ntriples(triples: Iterable[Triple]) -> str:
    """Serialise triples as N-Triples (also valid inside SPARQL ``INSERT DATA``)."""
    return serialise(list(triples), "ntriples").decode("utf-8")


def nquads(triples: list[Triple], graph: str) -> bytes:
    """N-Quads of ``triples`` in ``graph``, serialised by pyoxigraph as N-Triples: every line of those ends with
    " ." (a literal's line breaks are escaped), so the graph goes in front of it."""
    return serialise(triples, "ntriples").replace(b" .\n", f" <{graph}> .\n".encode())


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

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Run a SELECT query over the union of the named graphs; rows map variable names to pyoxigraph terms."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    def export(self, out: BinaryIO, *, format: str = "nquads") -> None:
        """Write every quad (``nquads``, ``trig``) or the union graph (``turtle``, ``jsonld``…) to ``out``."""

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs."""

    def close(self) -> None:
        """Release the store."""


class ClosingStore:
    """A store is a context manager: ``with open_store(spec) as store: …`` closes it on the way out."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
