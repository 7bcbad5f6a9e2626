"""What ingest calls to keep the search index in step with a load: :meth:`IngestIndexer.start` once the
reference graph is written (its bodies name the leads of tasks), :meth:`IngestIndexer.document` for each
document written or replaced (with the document's full text, which the store does not keep), and
:meth:`IngestIndexer.finish` at the end (graphs that failed to be written, or went, are reconciled with the
store).

The index serves search; a load never fails because of it: when the index cannot be written or the store cannot
answer what the index asks (a remote store that refuses a query), the load goes on without it, with a warning,
and the next search brings the index in step."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from core.errors import VankienError
from graph_api.search.index import SearchIndex, index_for
from graph_api.search.records import iter_nquads_triples

__all__ = ["IngestIndexer"]

log = logging.getLogger("vankien.search")


class IngestIndexer:
    """The search side of a load into ``store``."""

    def __init__(self, store: Any, index: SearchIndex | None = None) -> None:
        self.store = store
        self.index: SearchIndex | None = index
        self.documents = 0
        if index is None:
            try:
                self.index = index_for(store)
            except VankienError as e:
                self._give_up(e)

    def _give_up(self, e: Exception) -> None:
        log.warning("the search index does not follow this load (%s); the next search brings it in step", e)
        if self.index is not None and self.index.path is not None:
            self.index.close()
        self.index = None

    def start(self) -> None:
        """Bring the index in step before the documents come (the reference graph first)."""
        if self.index is None:
            return
        try:
            self.index.sync(self.store)
        except (VankienError, sqlite3.Error) as e:
            self._give_up(e)

    def document(self, graph: str, nquads: bytes, text: str | None = None) -> None:
        """Index one document's graph from the N-Quads ingest writes (its content-hash marker included)."""
        if self.index is None:
            return
        try:
            self.index.index_triples(graph, iter_nquads_triples(nquads), text=text)
        except sqlite3.Error as e:
            self._give_up(e)
            return
        self.documents += 1

    def finish(self) -> tuple[int, int]:
        """Reconcile with the store after the load; returns what :meth:`SearchIndex.sync` did."""
        if self.index is None:
            return 0, 0
        try:
            return self.index.sync(self.store)
        except (VankienError, sqlite3.Error) as e:
            self._give_up(e)
            return 0, 0

    def close(self) -> None:
        if self.index is not None and self.index.path is not None:
            self.index.close()
