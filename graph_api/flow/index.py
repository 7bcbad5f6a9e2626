"""The flow index: an SQLite file beside the store holding, per named graph, the rows of
:mod:`graph_api.flow.extract` (documents' descriptions, implementation and citation links, tasks with their
bodies, deadlines and quotes), and the graph's content hash. A graph is replaced or forgotten on its own
(one transaction); :meth:`FlowIndex.sync` reconciles the index with any ``GraphStore`` by content hashes;
the read functions (:mod:`graph_api.flow.read`) join the rows at read time, and the aggregates
(:mod:`graph_api.flow.aggregate`) are kept in tables rebuilt on the first read after a change."""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from core.errors import QueryError, StoreError
from graph_api.flow.extract import PREDICATES, Quad4, Rows, natural_key, rows_from_triples, sync_query
from graph_api.store.spec import side_index_path
from ontology import VK

__all__ = ["FlowIndex", "flow_path", "flow_for", "SYNC_EVERY", "locked"]

T = TypeVar("T")
SCHEMA_VERSION = 2
SYNC_EVERY = float(os.environ.get("VANKIEN_FLOW_SYNC_SECONDS", "5"))  # a disk or remote store: checked this often
_GRAPH_TABLES = ("types", "facts", "labels", "links", "tasks", "bodies", "quotes")
_TABLES = (*_GRAPH_TABLES, "graphs", "meta", "docinfo", "docnames", "dirty")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS types (graph TEXT, s TEXT, type TEXT);
CREATE TABLE IF NOT EXISTS facts (graph TEXT, s TEXT, field TEXT, value TEXT);
CREATE TABLE IF NOT EXISTS labels (graph TEXT, s TEXT, label TEXT, lang TEXT, pred TEXT);
CREATE TABLE IF NOT EXISTS links (graph TEXT, s TEXT, rel TEXT, o TEXT);
CREATE TABLE IF NOT EXISTS tasks (graph TEXT, iri TEXT, doc TEXT, text TEXT, position INTEGER, deadline TEXT,
  ongoing INTEGER, start INTEGER, end INTEGER, section TEXT);
CREATE TABLE IF NOT EXISTS bodies (graph TEXT, task TEXT, role TEXT, body TEXT, ord INTEGER);
CREATE TABLE IF NOT EXISTS quotes (graph TEXT, s TEXT, o TEXT, quote TEXT);
CREATE INDEX IF NOT EXISTS types_s ON types (s, type);
CREATE INDEX IF NOT EXISTS types_g ON types (graph);
CREATE INDEX IF NOT EXISTS facts_s ON facts (s, field);
CREATE INDEX IF NOT EXISTS facts_v ON facts (field, value);
CREATE INDEX IF NOT EXISTS facts_g ON facts (graph);
CREATE INDEX IF NOT EXISTS labels_s ON labels (s);
CREATE INDEX IF NOT EXISTS labels_g ON labels (graph);
CREATE INDEX IF NOT EXISTS links_o ON links (rel, o);
CREATE INDEX IF NOT EXISTS links_s ON links (s, rel);
CREATE INDEX IF NOT EXISTS links_g ON links (graph);
CREATE INDEX IF NOT EXISTS tasks_iri ON tasks (iri);
CREATE INDEX IF NOT EXISTS tasks_doc ON tasks (doc);
CREATE INDEX IF NOT EXISTS tasks_g ON tasks (graph);
CREATE INDEX IF NOT EXISTS bodies_t ON bodies (task);
CREATE INDEX IF NOT EXISTS bodies_b ON bodies (body);
CREATE INDEX IF NOT EXISTS bodies_g ON bodies (graph);
CREATE INDEX IF NOT EXISTS quotes_s ON quotes (s, o);
CREATE INDEX IF NOT EXISTS quotes_g ON quotes (graph);
"""

# each document's description as read from every graph describing it: a field's value in the document's own graph
# (where it is a source document), else in the reference graph (``graph/reference`` of the document's base IRI),
# else the smallest (graph_api.resolver.describe reads the store alike): kept per subject, recomputed for the
# subjects a change touched (``dirty``), with every symbol any graph gives a document (``docnames``: a document
# looked up by symbol costs the documents carrying it, not the graphs repeating it)
DOCINFO_RULE = "4"  # of the kept descriptions: an index keeping them by another rule describes every document again
_DOCINFO = """
INSERT INTO docinfo (s, field, value)
SELECT s, field, value FROM (
  SELECT s, field, value, ROW_NUMBER() OVER (PARTITION BY s, field ORDER BY own DESC, ref DESC, value) AS rk FROM (
    SELECT f.s, f.field, f.value, MAX(f.graph = substr(f.s, 1, instr(f.s, 'id/') - 1) || 'graph/reference') AS ref,
      MAX(EXISTS (SELECT 1 FROM types t WHERE t.s = f.s AND t.type = 'source' AND +t.graph = f.graph)) AS own
    FROM facts f WHERE f.s IN (SELECT s FROM dirty) GROUP BY f.s, f.field, f.value))
WHERE rk = 1
"""
_DERIVED = """
CREATE TABLE IF NOT EXISTS docinfo (s TEXT, field TEXT, value TEXT);
CREATE INDEX IF NOT EXISTS docinfo_s ON docinfo (s);
CREATE TABLE IF NOT EXISTS docnames (s TEXT, symbol TEXT);
CREATE INDEX IF NOT EXISTS docnames_symbol ON docnames (symbol, s);
CREATE INDEX IF NOT EXISTS docnames_s ON docnames (s);
CREATE TABLE IF NOT EXISTS dirty (s TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS agg_dirty (s TEXT PRIMARY KEY);
"""
# what a graph's rows touch, for the aggregates kept per change (graph_api.flow.maintain): its documents, tasks
# and the documents they carry out or are part of — noted before its rows go and after the new ones come
_MARK = """
INSERT OR IGNORE INTO agg_dirty (s)
SELECT s FROM types WHERE graph = :g UNION SELECT s FROM facts WHERE graph = :g
UNION SELECT s FROM links WHERE graph = :g UNION SELECT o FROM links WHERE graph = :g AND rel = 'implements'
UNION SELECT iri FROM tasks WHERE graph = :g UNION SELECT doc FROM tasks WHERE graph = :g AND doc IS NOT NULL
"""


class FlowIndex:
    """The flow index in ``path`` (in memory when None). ``generation`` counts the changes since it was opened
    (and is kept in the file), so that the aggregates know when to be rebuilt."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.lock = threading.RLock()
        try:
            if self.path:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path) if self.path else ":memory:", timeout=60, check_same_thread=False)
            if self.path:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")  # derived data: a crash loses at most a resync
            self.db.execute("PRAGMA temp_store=MEMORY")
            self.db.create_function("natural_key", 1, natural_key, deterministic=True)
            self.db.execute("PRAGMA cache_size=-200000")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                # derived data: an index of another version is dropped and rebuilt by the next sync
                self.db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
                self.db.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the flow index at {self.path}: {e}") from e
        try:
            self.db.executescript(_DERIVED)
            rule = self.db.execute("SELECT value FROM meta WHERE key = 'docinfo'").fetchone()
            if rule is None or rule[0] != DOCINFO_RULE:
                with self.db:  # descriptions not kept yet, or by another rule: every document to describe
                    self.db.execute("INSERT OR IGNORE INTO dirty SELECT DISTINCT s FROM facts")
                    self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('docinfo', ?)", (DOCINFO_RULE,))
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the flow index at {self.path}: {e}") from e
        self._synced_at = 0.0
        self.cache: dict[Any, Any] = {}  # aggregates of the current generation (graph_api.flow.aggregate)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> FlowIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def clean(self, *, commit: bool = True) -> int:
        """Recompute the descriptions of the documents changes touched; returns how many. ``commit=False``: within
        the caller's transaction."""
        with self.lock:
            if commit:
                with self.db:
                    return self.clean(commit=False)
            n = self.db.execute("SELECT COUNT(*) FROM dirty").fetchone()[0]
            if n:
                self.db.execute("DELETE FROM docinfo WHERE s IN (SELECT s FROM dirty)")
                self.db.execute(_DOCINFO)
                self.db.execute("DELETE FROM docnames WHERE s IN (SELECT s FROM dirty)")
                self.db.execute(
                    "INSERT INTO docnames SELECT DISTINCT s, value FROM facts "
                    "WHERE field = 'symbol' AND s IN (SELECT s FROM dirty)"
                )
                self.db.execute("DELETE FROM dirty")
            return int(n)

    @property
    def generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _changed(self) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def graphs(self) -> dict[str, str]:
        """Indexed graphs and their content hashes."""
        return dict(self.db.execute("SELECT graph, hash FROM graphs"))

    def _mark(self, graph: str) -> None:
        """Note what ``graph``'s rows touch, once aggregates are kept (graph_api.flow.maintain)."""
        if self.db.execute("SELECT 1 FROM meta WHERE key = 'agg_generation'").fetchone() is not None:
            self.db.execute(_MARK, {"g": graph})

    def remove_graph(self, graph: str, *, commit: bool = True) -> None:
        """Forget every row read from ``graph``."""
        with self.lock:
            self._mark(graph)
            self.db.execute("INSERT OR IGNORE INTO dirty SELECT DISTINCT s FROM facts WHERE graph = ?", (graph,))
            for t in _GRAPH_TABLES:
                self.db.execute(f"DELETE FROM {t} WHERE graph = ?", (graph,))
            self.db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))
            self._changed()
            if commit:
                self.db.commit()

    def index_rows(self, graph: str, rows: Rows, content_hash: str = "") -> None:
        """Replace the rows of ``graph`` (one transaction)."""
        self.index_many([(graph, rows, content_hash)])

    def index_many(self, graphs: Iterable[tuple[str, Rows, str]]) -> None:
        """Replace the rows of each (graph, rows, content hash), in order, in one transaction."""
        with self.lock, self.db:
            for graph, rows, content_hash in graphs:
                self._write_rows(graph, rows, content_hash)

    def _write_rows(self, graph: str, rows: Rows, content_hash: str) -> None:
        if self.db.execute("SELECT 1 FROM graphs WHERE graph = ?", (graph,)).fetchone() is None:
            self._changed()  # a graph never indexed: no rows to forget
        else:
            self.remove_graph(graph, commit=False)
        g = (graph,)
        self.db.executemany("INSERT INTO types VALUES (?, ?, ?)", [g + r for r in rows.types])
        self.db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", [g + r for r in rows.facts])
        self.db.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", [(r[0],) for r in rows.facts])
        self.db.executemany("INSERT INTO labels VALUES (?, ?, ?, ?, ?)", [g + r for r in rows.labels])
        self.db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", [g + r for r in rows.links])
        self.db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [g + r for r in rows.tasks])
        self.db.executemany("INSERT INTO bodies VALUES (?, ?, ?, ?, ?)", [g + r for r in rows.bodies])
        self.db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?)", [g + r for r in rows.quotes])
        self._mark(graph)
        self.db.execute(
            "INSERT OR REPLACE INTO graphs (graph, hash) VALUES (?, ?)", (graph, content_hash or rows.digest)
        )

    def index_triples(self, graph: str, quads: Iterable[Quad4], content_hash: str = "") -> None:
        """Index a graph given as (subject, predicate, object value, language) triples."""
        self.index_rows(graph, rows_from_triples(quads), content_hash)

    def sync(self, store: Any, *, every: float = 0.0) -> tuple[int, int]:
        """Bring the index in step with ``store``: graphs whose content hash changed are read again, graphs gone
        are forgotten. Returns (graphs indexed, graphs removed); with ``every`` > 0, does nothing when the last
        sync is more recent than that many seconds."""
        with self.lock:
            if every and time.monotonic() - self._synced_at < every:
                return 0, 0
            wanted = store_hashes(store)
            have = self.graphs()
            stale = sorted(g for g, h in wanted.items() if have.get(g) != h)
            gone = [g for g in have if g not in wanted]
            with self.db:  # one transaction (a store emptied or replaced leaves every graph gone)
                for g in gone:
                    self.remove_graph(g, commit=False)
            for i in range(0, len(stale), 200):
                chunk = stale[i : i + 200]
                by_graph: dict[str, list[Quad4]] = defaultdict(list)
                for r in fetch(store, chunk, list(PREDICATES)):
                    o = r["o"]
                    by_graph[r["g"].value].append((r["s"].value, r["p"].value, o.value, getattr(o, "language", None)))
                self.index_many((g, rows_from_triples(by_graph.get(g, [])), wanted[g]) for g in chunk)
            self._synced_at = time.monotonic()
            return len(stale), len(gone)

    def size(self) -> dict[str, int]:
        """Rows per table, and the file's bytes (0 in memory)."""
        out = {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (*_GRAPH_TABLES, "graphs")}
        out["bytes"] = sum(p.stat().st_size for p in self._files())
        return out

    def _files(self) -> list[Path]:
        if self.path is None:
            return []
        return [p for p in (self.path, Path(f"{self.path}-wal")) if p.exists()]


def _page_size(store: Any) -> int | None:
    """Rows a page of answers from ``store``: None (all at once) for an embedded store; a remote server's or the
    service's own cap, else 10,000 (Virtuoso's default ``ResultSetMaxRows``)."""
    page = getattr(store, "page_size", None) or getattr(store, "max_rows", None)
    if isinstance(page, int) and page > 0:
        return page
    return None if hasattr(store, "raw") else 10_000


def select_all(store: Any, query: str, order: str) -> list[dict[str, Any]]:
    """Every row of a SELECT: at once from an embedded store, a page at a time (``ORDER BY … LIMIT/OFFSET``) from
    a store that caps its answers."""
    page = _page_size(store)
    if page is None:
        return store.select(query)
    rows: list[dict[str, Any]] = []
    while True:
        chunk = store.select(f"{query}\nORDER BY {order} LIMIT {page} OFFSET {len(rows)}")
        rows += chunk
        if len(chunk) < page:
            return rows


def fetch(store: Any, graphs: list[str], predicates: list[str]) -> list[dict[str, Any]]:
    """The rows (?g ?s ?p ?o) of the graphs the index keeps. A store that caps its answers without paging them
    past its cap (Virtuoso: ``ResultSetMaxRows``, ``MaxSortedTopRows``) is asked again for half the graphs, or
    half the predicates, whenever an answer reaches the cap."""
    query = sync_query(graphs, predicates)
    if hasattr(store, "raw") or getattr(store, "max_rows", None):
        return select_all(store, query, "?g ?s ?p ?o")
    cap = getattr(store, "page_size", None) or 10_000
    try:
        rows = store.select(query)
        if len(rows) < cap:
            return rows
    except QueryError as e:
        if "cut the result" not in str(e):
            raise
    if len(graphs) > 1:
        half = len(graphs) // 2
        return fetch(store, graphs[:half], predicates) + fetch(store, graphs[half:], predicates)
    if len(predicates) > 1:
        half = len(predicates) // 2
        return fetch(store, graphs, predicates[:half]) + fetch(store, graphs, predicates[half:])
    return select_all(store, query, "?s ?o")


def store_hashes(store: Any) -> dict[str, str]:
    """Every named graph of ``store`` and its content hash; a graph written without one (through SPARQL Update
    or the Graph Store Protocol) is known by its size instead."""
    query = f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?x <{VK.contentHash}> ?h }} }}"
    hashes = {r["g"].value: r["h"].value for r in select_all(store, query, "?g ?h") if "g" in r and "h" in r}
    if callable(getattr(store, "named_graphs", None)):  # a GraphStore lists its graphs its own way (Virtuoso)
        graphs = list(store.named_graphs())
    else:
        graphs = [
            r["g"].value for r in select_all(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", "?g") if "g" in r
        ]
    others = [g for g in graphs if g not in hashes]
    for i in range(0, len(others), 200):
        values = " ".join(f"<{g}>" for g in others[i : i + 200])
        for r in store.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        ):
            hashes[r["g"].value] = f"size:{r['n'].value}"
    return hashes


def locked(fn: Callable[..., T]) -> Callable[..., T]:
    """A read of the index (its first argument) holding the index's lock: one SQLite connection, used by the
    service's worker threads in turn."""

    @functools.wraps(fn)
    def run(ix: FlowIndex, *args: Any, **kwargs: Any) -> T:
        with ix.lock:
            return fn(ix, *args, **kwargs)

    return run


def flow_path(store: Any) -> Path | None:
    """Where the flow index of a store lives: ``STORE.flow.sqlite`` beside an on-disk store, a per-user cache file
    for a remote one, None (in memory) for an in-memory store."""
    return side_index_path(store, "flow")


_OPEN: dict[Any, tuple[Any, FlowIndex]] = {}
_OPEN_LOCK = threading.Lock()


def flow_for(store: Any, *, sync: bool = True) -> FlowIndex:
    """The flow index of ``store`` (one per store and process), brought in step with it: at every call for an
    in-memory store, at most every ``SYNC_EVERY`` seconds for an on-disk or remote one (loads through
    ``vankien`` keep it in step as they write)."""
    path = flow_path(store)
    # a store without a path: one index per store, or per store-owner process of the service (whose
    # request-scoped stores share its ``runner``)
    owner = getattr(store, "runner", None) or store
    key: Any = str(path) if path is not None else id(owner)
    with _OPEN_LOCK:
        ref, index = _OPEN.get(key, (None, None))
        alive = ref() if ref is not None else None
        if index is None or (path is None and alive is not owner):
            index = FlowIndex(path)
            _OPEN[key] = (_ref(owner), index)
    if sync:
        every = 0.0 if path is None else SYNC_EVERY
        if every and time.monotonic() - index._synced_at >= every:
            mark = _store_mark(store)  # an on-disk store whose files did not change: nothing to read again
            if mark is not None and mark == index.cache.get("store mark"):
                index._synced_at = time.monotonic()
                return index
            index.sync(store)
            index.cache["store mark"] = mark
        elif not every:
            index.sync(store)
    return index


def _store_mark(store: Any) -> tuple | None:
    """Names, sizes and modification times of an on-disk store's files (any write changes them), or None."""
    folder = getattr(store, "path", None)
    if folder is None:
        return None
    try:
        with os.scandir(Path(folder).expanduser()) as entries:
            return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries))
    except OSError:
        return None


def _ref(store: Any) -> Any:
    try:
        return weakref.ref(store)
    except TypeError:
        return lambda: store
