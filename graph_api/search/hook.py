"""What ingest calls to keep the search index in step with a load: :meth:`IngestIndexer.start` once the
reference graph is written (its bodies name the leads of tasks), :meth:`IngestIndexer.document` for each
document written or replaced (with the document's full text, which the store does not keep), and
:meth:`IngestIndexer.finish` at the end (graphs that failed to be written, or went, are reconciled with the
store)."""

from __future__ import annotations

from typing import Any

from graph_api.search.index import SearchIndex, index_for
from graph_api.search.records import iter_nquads_triples

__all__ = ["IngestIndexer"]


class IngestIndexer:
    """The search side of a load into ``store``."""

    def __init__(self, store: Any, index: SearchIndex | None = None) -> None:
        self.store = store
        self.index = index or index_for(store)
        self.documents = 0

    def start(self) -> None:
        """Bring the index in step before the documents come (the reference graph first)."""
        self.index.sync(self.store)

    def document(self, graph: str, nquads: bytes, text: str | None = None) -> None:
        """Index one document's graph from the N-Quads ingest writes (its content-hash marker included)."""
        self.index.index_triples(graph, iter_nquads_triples(nquads), text=text)
        self.documents += 1

    def finish(self) -> tuple[int, int]:
        """Reconcile with the store after the load; returns what :meth:`SearchIndex.sync` did."""
        return self.index.sync(self.store)

    def close(self) -> None:
        if self.index.path is not None:
            self.index.close()
