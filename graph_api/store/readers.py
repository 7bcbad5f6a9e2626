"""Bounded queries answered in the HTTP worker itself, on a read-only view of the store.

The store owner (:mod:`graph_api.store.owner`) holds the store read-write in its own, killable process; a
hop there costs a socket round trip and two pickles per query. A query that :mod:`graph_api.store.bounded`
shows cannot run away is instead run here, on ``Store.read_only(path)`` — a consistent snapshot that RocksDB
lets any number of processes open while the owner writes.

Read-your-writes: the owner's side bumps a generation number (:class:`graph_api.store.shared_state.SharedState`)
when a write starts and when it ends; every request compares it (one memory read) and, when it changed,
reopens the snapshot (~20 ms on 2.8 M quads) and forgets its plans and cached answers before answering. A
write's response is sent after its end bump, so the next read sees it.

A query that still runs past :data:`BUDGET` seconds while writing its answer is given up and handed to the
owner (which has the full time limit and can be killed), and is sent there directly from then on.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from pyoxigraph import QueryBoolean, QuerySolutions, Store

from core.formats import RESULTS_FORMATS, serialise_results
from graph_api.store.bounded import plan, shape
from graph_api.store.cache import ResultCache
from graph_api.store.results import check_rows
from graph_api.store.shared_state import SharedState

__all__ = ["LocalReader", "BUDGET"]

log = logging.getLogger("vankien.serve")
BUDGET = 1.0
"""Seconds a query may take in the HTTP worker before it is handed to the owner."""
_NATIVE_BUDGET = 64 * 1024 * 1024
_MAX_REMEMBERED = 4096
_MAX_QUERY = 4096
"""Longer queries go to the owner: plans are remembered by query text, so only short texts are kept."""


class _Late(Exception):
    """The answer took too long or grew too large to write here."""


class _Writer:
    """Collects serialised bytes; gives up past a deadline or a size."""

    def __init__(self, deadline: float) -> None:
        self.parts: list[bytes] = []
        self.size, self.deadline = 0, deadline

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > _NATIVE_BUDGET or time.monotonic() > self.deadline:
            raise _Late
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


class LocalReader:
    """Answers bounded SELECT/ASK queries over the union default graph from a read-only store at ``path``,
    fresh at the generation of ``state``, with an answer cache of ``cache_bytes`` (0: none)."""

    def __init__(self, path: str, state: SharedState, *, cache_bytes: int = 0, budget: float = BUDGET) -> None:
        self.path, self.state, self.budget = path, state, budget
        self.store: Store | None = None
        self.generation = -1
        self.plans: dict[str, bool] = {}
        self.slow: set[str] = set()
        self.cache = ResultCache(cache_bytes) if cache_bytes > 0 else None
        self.answered = self.handed_on = 0
        self.given_up = 0.0

    def _fresh(self) -> Store | None:
        generation = self.state.generation
        if generation != self.generation or self.store is None:
            for attempt in range(3):
                try:
                    store = Store.read_only(self.path)
                    break
                except (OSError, RuntimeError) as e:  # a file compacted away while opening: again, then the owner
                    if attempt == 2:
                        log.warning("cannot open a read-only view of %s: %s", self.path, e)
                        self.store = None
                        return None
            self.store, self.generation = store, generation
            self.plans.clear()
            if self.cache is not None:
                self.cache.clear()
        return self.store

    def _bounded(self, store: Store, query: str) -> bool:
        known = self.plans.get(query)
        if known is None:
            parsed = shape(query)
            known = parsed is not None and query not in self.slow and plan(store, parsed[0])
            if len(self.plans) >= _MAX_REMEMBERED:
                self.plans.clear()
            self.plans[query] = known
        return known

    def answer(self, query: str, results_format: str, max_rows: int) -> tuple[str, bytes] | None:
        """``(kind, body)`` as the owner would answer, or None when the owner must answer (``given_up``: the
        seconds this call ran the query before handing it on, to take from the owner's time limit)."""
        self.given_up = 0.0
        if results_format == "csv" or len(query) > _MAX_QUERY:  # CSV: row by row in Python, by the owner
            return None
        store = self._fresh()
        if store is None:
            return None
        key = (query, results_format, max_rows)
        cache = self.cache
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                return hit
        if not self._bounded(store, query):
            self.handed_on += 1
            return None
        generation = self.generation
        answer = self._run(store, query, results_format, max_rows)
        if answer is None:
            return None
        self.answered += 1
        if cache is not None and self.state.generation == generation and not self.state.writing:
            cache.put(key, answer, cache.generation)
        return answer

    def _run(self, store: Store, query: str, results_format: str, max_rows: int) -> tuple[str, bytes] | None:
        deadline = time.monotonic() + self.budget
        try:
            result = store.query(query, use_default_graph_as_union=True)
            if isinstance(result, QueryBoolean):
                return "boolean", serialise_results(result, results_format)
            if not isinstance(result, QuerySolutions):
                return None
            out = _Writer(deadline)
            result.serialize(out, format=RESULTS_FORMATS[results_format])  # type: ignore[arg-type]
        except _Late:
            self._remember_slow(query)
            self.given_up = time.monotonic() - deadline + self.budget
            return None
        except (SyntaxError, ValueError):  # the owner gives the canonical error
            return None
        except (OSError, RuntimeError) as e:  # a file the owner compacted away since the view opened: reopen
            log.info("read-only view of %s out of date (%s): reopened for the next query", self.path, e)
            self.store = None
            return None
        if time.monotonic() > deadline:
            self._remember_slow(query)
        body = b"".join(out.parts)
        check_rows(body, results_format, max_rows)
        return "solutions", body

    def _remember_slow(self, query: str) -> None:
        if len(self.slow) >= _MAX_REMEMBERED:
            self.slow.clear()
        self.slow.add(query)
        self.plans[query] = False
        log.warning("a query took over %g s in the HTTP worker: the store owner answers it from now on", self.budget)

    def stats(self) -> dict[str, Any]:
        return {"answered": self.answered, "handed_on": self.handed_on, "generation": self.generation}
