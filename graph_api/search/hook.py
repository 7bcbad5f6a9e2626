"""What ingest calls to keep the search index in step with a load: :meth:`IngestIndexer.start` once the
reference graph is written (its bodies name the leads of tasks), :meth:`IngestIndexer.add` for each
document written or replaced (with the document's full text, which the store does not keep; written ``BATCH``
documents a transaction, in the order given), and
:meth:`IngestIndexer.finish` at the end (graphs that failed to be written, or went, are reconciled with the
store).

The index serves search; a load never fails because of it: when the index cannot be written or the store cannot
answer what the index asks (a remote store that refuses a query), the load goes on without it, with a warning,
and the next search brings the index in step."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from typing import Any

from core.errors import VankienError
from graph_api.search.index import SearchIndex, index_for
from graph_api.search.records import Record, label_row, records_from_triples

__all__ = ["IngestIndexer", "BATCH"]

BATCH = 500  # documents whose records are written in one transaction

log = logging.getLogger("vankien.search")


class IngestIndexer:
    """The search side of a load into ``store``."""

    def __init__(self, store: Any, index: SearchIndex | None = None) -> None:
        self.store = store
        self.index: SearchIndex | None = index
        self.pending: list[tuple[str, list[Record], str]] = []  # records not written yet, in the order given
        self.labels: dict[str, str] = {}  # labels given by this load's documents or read from the index
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

    def add(self, graph: str, triples: Iterable[tuple[str, str, str]], text: str | None = None) -> None:
        """Index one document's graph from its (subject, predicate, object value) triples (its content-hash marker
        included); a lead its graph does not name is named as by the documents given before it."""
        if self.index is None:
            return
        records, digest = records_from_triples(triples, text=text, label=self._label)
        self.pending.append((graph, records, digest))
        self.labels.update(filter(None, map(label_row, records)))
        if len(self.pending) >= BATCH:
            self.flush()

    def _label(self, iri: str) -> str:
        found = self.labels.get(iri)
        if found is None:  # the index's label, kept: only this load's documents change it, through ``labels``
            found = self.labels[iri] = self.index.label(iri) if self.index is not None else ""
        return found

    def flush(self) -> None:
        """Write the records given so far (one transaction)."""
        pending, self.pending = self.pending, []
        if self.index is None or not pending:
            return
        try:
            self.index.index_documents(pending)
        except sqlite3.Error as e:
            self._give_up(e)

    def finish(self) -> tuple[int, int]:
        """Reconcile with the store after the load; returns what :meth:`SearchIndex.sync` did."""
        self.flush()
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
