"""The flow index: an SQLite file beside the store holding, per named graph, the rows of
:mod:`graph_api.flow.extract` (documents' descriptions, implementation and citation links, tasks with their
bodies, deadlines and quotes), and the graph's content hash. A graph is replaced or forgotten on its own
(one transaction); :meth:`FlowIndex.sync` reconciles the index with any ``GraphStore`` by content hashes;
the read functions (:mod:`graph_api.flow.read`) join the rows at read time, and the aggregates
(:mod:`graph_api.flow.aggregate`) are kept in tables rebuilt on the first read after a change."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.errors import StoreError
from graph_api.flow.extract import SYNC_QUERY, Quad4, Rows, rows_from_triples
from graph_api.search.index import _select_all, _store_hashes

__all__ = ["FlowIndex", "flow_path", "flow_for", "SYNC_EVERY"]

SCHEMA_VERSION = 1
SYNC_EVERY = float(os.environ.get("VANKIEN_FLOW_SYNC_SECONDS", "5"))  # a disk or remote store: checked this often
_GRAPH_TABLES = ("types", "facts", "labels", "links", "tasks", "bodies", "quotes")
_TABLES = (*_GRAPH_TABLES, "graphs", "meta")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS types (graph TEXT, s TEXT, type TEXT);
CREATE TABLE IF NOT EXISTS facts (graph TEXT, s TEXT, field TEXT, value TEXT);
CREATE TABLE IF NOT EXISTS labels (graph TEXT, s TEXT, label TEXT, lang TEXT);
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
            self.db.execute("PRAGMA cache_size=-200000")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                # derived data: an index of another version is dropped and rebuilt by the next sync
                self.db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
                self.db.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
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

    def remove_graph(self, graph: str, *, commit: bool = True) -> None:
        """Forget every row read from ``graph``."""
        with self.lock:
            for t in _GRAPH_TABLES:
                self.db.execute(f"DELETE FROM {t} WHERE graph = ?", (graph,))
            self.db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))
            self._changed()
            if commit:
                self.db.commit()

    def index_rows(self, graph: str, rows: Rows, content_hash: str = "") -> None:
        """Replace the rows of ``graph`` (one transaction)."""
        with self.lock, self.db:
            self.remove_graph(graph, commit=False)
            g = (graph,)
            self.db.executemany("INSERT INTO types VALUES (?, ?, ?)", [g + r for r in rows.types])
            self.db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", [g + r for r in rows.facts])
            self.db.executemany("INSERT INTO labels VALUES (?, ?, ?, ?)", [g + r for r in rows.labels])
            self.db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", [g + r for r in rows.links])
            self.db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [g + r for r in rows.tasks])
            self.db.executemany("INSERT INTO bodies VALUES (?, ?, ?, ?, ?)", [g + r for r in rows.bodies])
            self.db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?)", [g + r for r in rows.quotes])
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
            wanted = _store_hashes(store)
            have = self.graphs()
            stale = sorted(g for g, h in wanted.items() if have.get(g) != h)
            gone = [g for g in have if g not in wanted]
            for g in gone:
                self.remove_graph(g)
            for i in range(0, len(stale), 200):
                chunk = stale[i : i + 200]
                by_graph: dict[str, list[Quad4]] = defaultdict(list)
                query = SYNC_QUERY.replace("%VALUES%", " ".join(f"<{g}>" for g in chunk))
                for r in _select_all(store, query, "?g ?s ?p ?o"):
                    o = r["o"]
                    by_graph[r["g"].value].append((r["s"].value, r["p"].value, o.value, getattr(o, "language", None)))
                for g in chunk:
                    self.index_triples(g, by_graph.get(g, []), content_hash=wanted[g])
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


def flow_path(store: Any) -> Path | None:
    """Where the flow index of a store lives: ``STORE.flow.sqlite`` beside an on-disk store, a per-user cache file
    for a remote one, None (in memory) for an in-memory store."""
    if os.environ.get("VANKIEN_FLOW_INDEX"):
        return Path(os.environ["VANKIEN_FLOW_INDEX"])
    path = getattr(store, "path", None)
    if path is not None:
        path = Path(path).expanduser()
        return path.parent / f"{path.name}.flow.sqlite"
    url = getattr(store, "query_url", None)
    if url:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return root / "vankien" / f"flow-{hashlib.sha256(url.encode()).hexdigest()[:16]}.sqlite"
    return None


_OPEN: dict[Any, tuple[Any, FlowIndex]] = {}
_OPEN_LOCK = threading.Lock()


def flow_for(store: Any, *, sync: bool = True) -> FlowIndex:
    """The flow index of ``store`` (one per store and process), brought in step with it: at every call for an
    in-memory store, at most every ``SYNC_EVERY`` seconds for an on-disk or remote one (loads through
    ``vankien`` keep it in step as they write)."""
    path = flow_path(store)
    key: Any = str(path) if path is not None else id(store)
    with _OPEN_LOCK:
        ref, index = _OPEN.get(key, (None, None))
        alive = ref() if ref is not None else None
        if index is None or (path is None and alive is not store):
            index = FlowIndex(path)
            _OPEN[key] = (_ref(store), index)
    if sync:
        index.sync(store, every=0.0 if path is None else SYNC_EVERY)
    return index


def _ref(store: Any) -> Any:
    try:
        return weakref.ref(store)
    except TypeError:
        return lambda: store
