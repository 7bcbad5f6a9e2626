"""What ingest calls to keep the flow index in step with a load, beside the search index's hook: each document
written or replaced is indexed from the quads ingest writes (written ``BATCH`` documents a transaction, in the
order given), and the end of the load reconciles the index with the store (graphs not written, or gone) and brings
the aggregates in step. A load never fails because of the
index: when it cannot be written, or the store cannot answer what it asks, the load goes on with a warning and
the next read brings it in step."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from typing import Any

from core.errors import VankienError
from graph_api.flow.extract import Quad4, Rows, rows_from_triples
from graph_api.flow.index import FlowIndex, flow_for
from graph_api.flow.maintain import refresh

__all__ = ["IngestFlow", "BATCH"]

BATCH = 500  # documents whose rows are written in one transaction

log = logging.getLogger("vankien.flow")


class IngestFlow:
    """The flow-index side of a load into ``store``."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.index: FlowIndex | None = None
        self.pending: list[tuple[str, Rows, str]] = []  # rows not written yet, in the order given
        try:
            self.index = flow_for(store, sync=False)
            self.index.sync(store)
        except (VankienError, sqlite3.Error) as e:
            self._give_up(e)

    def _give_up(self, e: Exception) -> None:
        log.warning("the flow index does not follow this load (%s); the next trace brings it in step", e)
        self.index = None

    def add(self, graph: str, quads: Iterable[Quad4]) -> None:
        """Index one document's graph (its content-hash marker included) from its (subject, predicate, object
        value, language) quads."""
        if self.index is None:
            return
        self.pending.append((graph, rows_from_triples(quads), ""))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the rows given so far (one transaction)."""
        pending, self.pending = self.pending, []
        if self.index is None or not pending:
            return
        try:
            self.index.index_many(pending)
        except sqlite3.Error as e:
            self._give_up(e)

    def finish(self) -> None:
        """Reconcile with the store after the load, and bring the aggregates in step (per document changed, or in
        full after a large load), so that the first trace after a load reads kept rows."""
        self.flush()
        if self.index is None:
            return
        try:
            self.index.sync(self.store)
            refresh(self.index)
        except (VankienError, sqlite3.Error) as e:
            self._give_up(e)
