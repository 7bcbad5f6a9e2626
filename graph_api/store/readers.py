"""Bounded queries answered in the HTTP worker itself, on a read-only view of the store.

The store owner (:mod:`graph_api.store.owner`) holds the store read-write in its own, killable process; a
hop there costs a socket round trip and two pickles per query. A query that :mod:`graph_api.store.bounded`
shows cannot run away, or that is one of the saved templates of :mod:`graph_api.store.templates` with its
parameter bound, is instead run here, on ``Store.read_only(path)`` — a consistent snapshot that RocksDB lets any
number of processes open while the owner writes. A template, whose cost is bounded by its (possibly large)
answer, runs on a thread of its own (:meth:`LocalReader.answer_async`): pyoxigraph lets go of the GIL while it
evaluates, so the worker goes on answering other requests meanwhile. So does a bounded query once it has taken
over :data:`INLINE_SECONDS` (a join of many rows); a point lookup stays on the event loop's thread, without a hop.
A star lookup (:mod:`graph_api.store.star`: the values of a few predicates of one IRI) asked for in JSON is
answered from the store's indexes without the SPARQL engine, whose parsing and planning cost more than the lookup.

Read-your-writes: the owner's side bumps a generation number (:class:`graph_api.store.shared_state.SharedState`)
when a write starts and when it ends; every request compares it (one memory read) and, when it changed,
reopens the snapshot (~20 ms on 2.8 M quads) and forgets its plans and cached answers before answering. A
write's response is sent after its end bump, so the next read sees it.

A bounded query that still runs past :data:`BUDGET` seconds while writing its answer is given up and handed to
the owner (which has the full time limit and can be killed), and is sent there directly from then on; a template
that took more than :data:`TEMPLATE_BUDGET` seconds is answered, then sent to the owner from then on.

A template with a plan text (:meth:`graph_api.store.templates.Templates.plan_text`: the same query that the engine
evaluates in a faster order and answers byte for byte alike) is run from it. The first such answer in a process is
also computed from the text as sent and compared: should they differ (an engine planning otherwise), plan texts
are not used again in that process.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple

from pyoxigraph import QueryBoolean, QuerySolutions, Store

from core.formats import RESULTS_FORMATS, serialise_results
from graph_api.store.bounded import plan, shape
from graph_api.store.cache import ResultCache
from graph_api.store.results import check_rows
from graph_api.store.shared_state import SharedState
from graph_api.store.star import answer_json, star
from graph_api.store.templates import Templates

__all__ = ["LocalReader", "BUDGET", "INLINE_SECONDS", "TEMPLATE_BUDGET", "TEMPLATE_THREADS", "TEMPLATE_SLOTS"]

log = logging.getLogger("vankien.serve")
BUDGET = 1.0
"""Seconds a bounded query may take in the HTTP worker before it is handed to the owner."""
TEMPLATE_BUDGET = 5.0
"""Seconds a saved template may take in the HTTP worker; one that took longer goes to the owner from then on."""
TEMPLATE_THREADS = 2
"""Threads per HTTP worker that run saved templates."""
INLINE_SECONDS = 0.002
"""A bounded query runs on the event loop's thread (no thread hop: a point lookup takes ~0.1 ms); one that took
more CPU time than this runs on one of :data:`TEMPLATE_THREADS` threads from then on, so that the worker answers
its other connections meanwhile (the GIL let go while pyoxigraph evaluates) instead of holding them up behind it."""
TEMPLATE_SLOTS = os.cpu_count() or 1
"""Saved templates that run at once in all the HTTP workers together."""
_NATIVE_BUDGET = 64 * 1024 * 1024
_MAX_REMEMBERED = 4096
_MAX_QUERY = 4096
"""Longer queries go to the owner: plans are remembered by query text, so only short texts are kept."""

Answer = tuple[str, bytes]
_Done = tuple[Answer | None, int, float, bool]  # answer, generation it ran at, seconds given up, slow


class _Job(NamedTuple):
    """A query to run here: on which view, by which route, at which generation."""

    store: Store
    route: str
    generation: int


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
    """Answers bounded SELECT/ASK queries and saved templates over the union default graph from a read-only
    store at ``path``, fresh at the generation of ``state``, with an answer cache of ``cache_bytes`` (0: none)."""

    def __init__(
        self,
        path: str,
        state: SharedState,
        *,
        cache_bytes: int = 0,
        budget: float = BUDGET,
        templates: Templates | None = None,
    ) -> None:
        self.path, self.state, self.budget = path, state, budget
        self.templates = templates if templates is not None else Templates()
        self.store: Store | None = None
        self.generation = -1
        self.plans: dict[str, str] = {}
        self.planned: dict[str, str] = {}  # query → its template's plan text
        self.plan_checked = self.plan_off = False
        self.slow: set[str] = set()
        self.heavy: set[str] = set()  # bounded queries that took over INLINE_SECONDS: run on the pool from then on
        self.cache = ResultCache(cache_bytes) if cache_bytes > 0 else None
        self.pool: ThreadPoolExecutor | None = None
        self.answered = self.handed_on = self.templated = self.from_plan = self.starred = 0
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
            self.planned.clear()
            if self.cache is not None:
                self.cache.clear()
        return self.store

    def _route(self, store: Store, query: str) -> str:
        """``"template"`` (:mod:`graph_api.store.templates`), ``"star"`` (:mod:`graph_api.store.star`),
        ``"bounded"`` (:mod:`graph_api.store.bounded`) or ``""`` (the owner), remembered by query text."""
        known = self.plans.get(query)
        if known is None:
            known = ""
            if query in self.slow:
                pass
            elif self.templates.match(store, query) is not None:
                known = "template"
                text = self.templates.plan_text(query)
                if text is not None:
                    self.planned[query] = text
            elif star(query) is not None:
                known = "star"
            else:
                parsed = shape(query)
                known = "bounded" if parsed is not None and plan(store, parsed[0]) else ""
            if len(self.plans) >= _MAX_REMEMBERED:
                self.plans.clear()
                self.planned.clear()
            self.plans[query] = known
        return known

    def answer(self, query: str, results_format: str, max_rows: int) -> Answer | None:
        """``(kind, body)`` as the owner would answer, or None when the owner must answer (``given_up``: the
        seconds this call ran the query before handing it on, to take from the owner's time limit)."""
        self.given_up = 0.0
        ready = self._ready(query, results_format, max_rows)
        if not isinstance(ready, _Job):
            return ready
        done = self._timed(*ready, query, results_format, max_rows)
        return self._finish(query, results_format, max_rows, done)

    async def answer_async(self, query: str, results_format: str, max_rows: int) -> tuple[Answer | None, float]:
        """:meth:`answer`, with a saved template run on one of :data:`TEMPLATE_THREADS` threads; also the
        seconds given up (0 when the query was not started here)."""
        ready = self._ready(query, results_format, max_rows)
        if not isinstance(ready, _Job):
            return ready, 0.0
        if ready.route == "template" or query in self.heavy:
            if self.pool is None:
                self.pool = ThreadPoolExecutor(TEMPLATE_THREADS, thread_name_prefix="vankien-template")
            run = functools.partial(self._timed, *ready, query, results_format, max_rows)
            done = await asyncio.get_running_loop().run_in_executor(self.pool, run)
        else:
            started = time.thread_time()  # CPU, not wall time: a lookup descheduled on a busy machine stays inline
            done = self._timed(*ready, query, results_format, max_rows)
            if time.thread_time() - started > INLINE_SECONDS:
                self._remember_heavy(query)
        return self._finish(query, results_format, max_rows, done), done[2]

    def _ready(self, query: str, results_format: str, max_rows: int) -> Answer | _Job | None:
        """A cached answer, the job to run the query with, or None: the owner answers."""
        if results_format == "csv" or len(query) > _MAX_QUERY:  # CSV: row by row in Python, by the owner
            return None
        store = self._fresh()
        if store is None:
            return None
        if self.cache is not None:
            hit = self.cache.get((query, results_format, max_rows))
            if hit is not None:
                return hit  # type: ignore[no-any-return]
        route = self._route(store, query)
        if not route:
            self.handed_on += 1
            return None
        return _Job(store, route, self.generation)

    def _timed(
        self, store: Store, route: str, generation: int, query: str, results_format: str, max_rows: int
    ) -> _Done:
        """Runs the query (on any thread): the answer, the generation it ran at, the seconds given up, slow.

        A bounded query is given up past its budget while writing its answer; a template is not (its answer is
        all but ready when writing starts), only remembered as slow. A template first takes one of
        :data:`TEMPLATE_SLOTS` run slots shared by every worker, so that no more of them run at once than there
        are cores: side by side on one core they only slow each other down."""
        template = route == "template"
        budget = TEMPLATE_BUDGET if template else self.budget
        with self.state.slot(TEMPLATE_SLOTS) if template else contextlib.nullcontext():
            started = time.monotonic()
            try:
                if template:
                    answer = self._run_template(store, query, results_format, max_rows)
                elif route == "star" and results_format == "json":
                    answer = self._run_star(store, query, max_rows)
                    if answer is None:
                        answer = self._run(store, query, results_format, max_rows, started + budget)
                else:
                    answer = self._run(store, query, results_format, max_rows, started + budget)
            except _Late:  # past the deadline or the size: the owner answers, with what is left of the time limit
                return None, generation, time.monotonic() - started, True
            return answer, generation, 0.0, time.monotonic() - started > budget

    def _finish(self, query: str, results_format: str, max_rows: int, done: _Done) -> Answer | None:
        """Back on the event loop's thread: the counts, the list of slow queries, the cache."""
        answer, generation, self.given_up, slow = done
        if slow:
            self._remember_slow(query)
        if answer is None:
            return None
        self.answered += 1
        self.templated += self.plans.get(query) == "template"
        cache = self.cache
        if cache is not None and self.state.generation == generation and not self.state.writing:
            cache.put((query, results_format, max_rows), answer, cache.generation)
        return answer

    def _run_template(self, store: Store, query: str, results_format: str, max_rows: int) -> Answer | None:
        """A template's answer, from its plan text if it has one (the first in this process checked against the
        text as sent: see the module)."""
        text = None if self.plan_off else self.planned.get(query)
        if text is None:
            return self._run(store, query, results_format, max_rows, None)
        answer = self._run(store, text, results_format, max_rows, None)
        self.from_plan += 1
        if not self.plan_checked:
            expected = self._run(store, query, results_format, max_rows, None)
            if answer != expected:
                self.plan_off = True
                log.warning("a template's plan text answered otherwise than the query as sent: not used from now on")
                return expected
            self.plan_checked = True
        return answer

    def _run_star(self, store: Store, query: str, max_rows: int) -> Answer | None:
        """A star lookup's JSON answer from the store's indexes, or None: the engine answers."""
        lookup = star(query)
        if lookup is None:
            return None
        try:
            body = answer_json(store, lookup, max_rows)
        except (OSError, RuntimeError) as e:  # a file the owner compacted away since the view opened
            log.info("read-only view of %s out of date (%s): reopened for the next query", self.path, e)
            self.store = None
            return None
        if body is None:
            return None
        self.starred += 1
        return "solutions", body

    def _run(
        self, store: Store, query: str, results_format: str, max_rows: int, deadline: float | None
    ) -> Answer | None:
        """The answer, or None when the owner must give it; :class:`_Late` past ``deadline`` (if any) while
        writing."""
        try:
            result = store.query(query, use_default_graph_as_union=True)
            if isinstance(result, QueryBoolean):
                return "boolean", serialise_results(result, results_format)
            if not isinstance(result, QuerySolutions):
                return None
            out = _Writer(deadline if deadline is not None else float("inf"))
            result.serialize(out, format=RESULTS_FORMATS[results_format])  # type: ignore[arg-type]
        except (SyntaxError, ValueError):  # the owner gives the canonical error
            return None
        except (OSError, RuntimeError) as e:  # a file the owner compacted away since the view opened: reopen
            log.info("read-only view of %s out of date (%s): reopened for the next query", self.path, e)
            self.store = None
            return None
        body = b"".join(out.parts)
        check_rows(body, results_format, max_rows)
        return "solutions", body

    def _remember_heavy(self, query: str) -> None:
        if len(self.heavy) >= _MAX_REMEMBERED:
            self.heavy.clear()
        self.heavy.add(query)

    def _remember_slow(self, query: str) -> None:
        if len(self.slow) >= _MAX_REMEMBERED:
            self.slow.clear()
        self.slow.add(query)
        self.plans[query] = ""
        log.warning("a query took over its budget in the HTTP worker: the store owner answers it from now on")

    def stats(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "templates": self.templated,
            "from_plan_texts": 0 if self.plan_off else self.from_plan,
            "star_lookups": self.starred,
            "handed_on": self.handed_on,
            "generation": self.generation,
        }
