"""The SQLite FTS5 index: records of each named graph (see :mod:`graph_api.search.records`), folded text in the
``entries`` table, the original text beside it, ranked with bm25, snippets by FTS5's ``snippet()``."""

from __future__ import annotations

import hashlib
import html
import os
import sqlite3
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import InputError, StoreError
from graph_api.search.records import KINDS, SYNC_QUERY, Record, records_from_triples
from graph_api.search.text import CLOSE, CUT, OPEN, fold, match_expression, restore
from ontology import VK

__all__ = ["Hit", "SearchPage", "SearchIndex", "index_path", "index_for"]

WEIGHTS = (4.0, 1.0)  # bm25 weights of the title and the body columns
_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS entries USING fts5(
  title, body, kind UNINDEXED, iri UNINDEXED, graph UNINDEXED, document UNINDEXED,
  tokenize = "unicode61 remove_diacritics 0");
CREATE TABLE IF NOT EXISTS originals (id INTEGER PRIMARY KEY, title TEXT, body TEXT, extra TEXT);
CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS labels (iri TEXT PRIMARY KEY, label TEXT NOT NULL);
"""


@dataclass
class Hit:
    """One search result: the best-ranked record of an IRI."""

    kind: str
    iri: str
    title: str
    snippet: str
    highlights: list[tuple[int, int]]
    document: str | None
    extra: str
    score: float

    def snippet_html(self) -> str:
        """The snippet as HTML, the matched words in ``<mark>``."""
        out, last = [], 0
        for start, end in self.highlights:
            out += [html.escape(self.snippet[last:start]), "<mark>", html.escape(self.snippet[start:end]), "</mark>"]
            last = end
        out.append(html.escape(self.snippet[last:]))
        return "".join(out)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "iri": self.iri,
            "title": self.title,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "document": self.document,
            "extra": self.extra,
            "score": round(self.score, 4),
        }


@dataclass
class SearchPage:
    """A page of hits; ``total`` counts every matching IRI."""

    q: str
    total: int
    hits: list[Hit] = field(default_factory=list)


class SearchIndex:
    """The FTS5 index in ``path`` (in memory when None)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        try:
            if self.path:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path) if self.path else ":memory:", timeout=30, check_same_thread=False)
            if self.path:
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the search index at {self.path}: {e}") from e
        self._synced_at = 0.0

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def remove_document(self, graph: str, *, commit: bool = True) -> None:
        """Forget every record read from ``graph``."""
        ids = [r[0] for r in self.db.execute("SELECT rowid FROM entries WHERE graph = ?", (graph,))]
        self.db.executemany("DELETE FROM entries WHERE rowid = ?", [(i,) for i in ids])
        self.db.executemany("DELETE FROM originals WHERE id = ?", [(i,) for i in ids])
        self.db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))
        if commit:
            self.db.commit()

    def index_document(self, graph: str, records: Iterable[Record], content_hash: str = "") -> None:
        """Replace the records of ``graph`` (one transaction)."""
        with self.db:
            self.remove_document(graph, commit=False)
            for r in records:
                cur = self.db.execute(
                    "INSERT INTO entries (title, body, kind, iri, graph, document) VALUES (?, ?, ?, ?, ?, ?)",
                    (fold(r.title), fold(r.text), r.kind, r.iri, graph, r.document),
                )
                self.db.execute(
                    "INSERT INTO originals (id, title, body, extra) VALUES (?, ?, ?, ?)",
                    (
                        cur.lastrowid,
                        unicodedata.normalize("NFC", r.title),
                        unicodedata.normalize("NFC", r.text),
                        r.extra,
                    ),
                )
                if r.kind in ("body", "project") and r.title:
                    self.db.execute("INSERT OR REPLACE INTO labels (iri, label) VALUES (?, ?)", (r.iri, r.title))
            self.db.execute("INSERT OR REPLACE INTO graphs (graph, hash) VALUES (?, ?)", (graph, content_hash))

    def index_triples(self, graph: str, triples: Iterable[tuple[str, str, str]], text: str | None = None) -> int:
        """Index the records of a graph given as (subject, predicate, object value) triples; returns how many."""
        records, digest = records_from_triples(triples, text=text, label=self.label)
        self.index_document(graph, records, digest)
        return len(records)

    def label(self, iri: str) -> str:
        """The label of a body or project indexed from any graph ("" when unknown)."""
        row = self.db.execute("SELECT label FROM labels WHERE iri = ?", (iri,)).fetchone()
        return row[0] if row else ""

    def graphs(self) -> dict[str, str]:
        """Indexed graphs and their content hashes."""
        return dict(self.db.execute("SELECT graph, hash FROM graphs"))

    def search(self, q: str, *, kind: str | None = None, limit: int = 20, offset: int = 0) -> SearchPage:
        """Hits for the words of ``q``, best first, one per IRI."""
        if kind is not None and kind not in KINDS:
            raise InputError(f"kind {kind!r}", f"not one of {', '.join(KINDS)}")
        expr = match_expression(q)
        where = "entries MATCH ?" + (" AND kind = ?" if kind else "")
        args: tuple = (expr, kind) if kind else (expr,)
        best: dict[str, tuple[int, float]] = {}
        try:
            rows = self.db.execute(
                f"SELECT rowid, iri, bm25(entries, {WEIGHTS[0]}, {WEIGHTS[1]}) AS s "
                f"FROM entries WHERE {where} ORDER BY s",
                args,
            ).fetchall()
        except sqlite3.OperationalError as e:
            raise InputError(f"search query {q!r}", str(e)) from e
        for rowid, iri, score in rows:
            best.setdefault(iri, (rowid, score))
        page = list(best.items())[offset : offset + limit]
        return SearchPage(q, len(best), self._hits(expr, page))

    def _hits(self, expr: str, page: list[tuple[str, tuple[int, float]]]) -> list[Hit]:
        if not page:
            return []
        ids = [rowid for _, (rowid, _) in page]
        marks = ",".join("?" * len(ids))
        found = {}
        for row in self.db.execute(
            f"SELECT e.rowid, e.kind, e.iri, e.document, e.title, e.body, o.title, o.body, o.extra, "
            f"snippet(entries, 1, '{OPEN}', '{CLOSE}', '{CUT}', 24), "
            f"snippet(entries, 0, '{OPEN}', '{CLOSE}', '{CUT}', 24) "
            f"FROM entries e JOIN originals o ON o.id = e.rowid WHERE entries MATCH ? AND e.rowid IN ({marks})",
            (expr, *ids),
        ):
            rowid, kind, iri, doc, ftitle, fbody, title, body, extra, sbody, stitle = row
            if OPEN in sbody or not body:
                text, spans = restore(sbody if body else stitle, fbody if body else ftitle, body or title)
            else:
                text, spans = restore(stitle, ftitle, title)
            found[rowid] = (kind, iri, title, text, spans, doc, extra)
        hits = []
        for iri, (rowid, score) in page:
            kind, _, title, text, spans, doc, extra = found[rowid]
            hits.append(Hit(kind, iri, title, text, spans, doc, extra or "", -score))
        return hits

    def sync(self, store: Any, *, every: float = 0.0) -> tuple[int, int]:
        """Bring the index in step with ``store`` (a ``GraphStore``): graphs whose content hash changed are read
        again, graphs gone are forgotten. Returns (graphs indexed, graphs removed). With ``every`` > 0, does
        nothing when the last sync is more recent than that many seconds."""
        if every and time.monotonic() - self._synced_at < every:
            return 0, 0
        wanted = {
            r["g"].value: r["h"].value
            for r in store.select(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?x <{VK.contentHash}> ?h }} }}")
            if "g" in r and "h" in r
        }
        have = self.graphs()
        # the reference graph first: the labels of the bodies it holds name the leads of tasks
        stale = sorted(
            (g for g, h in wanted.items() if have.get(g) != h), key=lambda g: (not g.endswith("/reference"), g)
        )
        gone = [g for g in have if g not in wanted]
        for g in gone:
            self.remove_document(g)
        for i in range(0, len(stale), 200):
            chunk = stale[i : i + 200]
            by_graph: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
            for r in store.select(SYNC_QUERY.replace("%VALUES%", " ".join(f"<{g}>" for g in chunk))):
                by_graph[r["g"].value].append((r["s"].value, r["p"].value, r["o"].value))
            for g in chunk:
                self.index_triples(g, by_graph.get(g, []))
        self._synced_at = time.monotonic()
        return len(stale), len(gone)


def index_path(store: Any) -> Path | None:
    """Where the search index of a store lives: ``STORE.search.sqlite`` beside an on-disk store, a per-user
    cache file for a remote one, None (in memory) for an in-memory store."""
    if os.environ.get("VANKIEN_SEARCH_INDEX"):
        return Path(os.environ["VANKIEN_SEARCH_INDEX"])
    path = getattr(store, "path", None)
    if path is not None:
        path = Path(path)
        return path.parent / f"{path.name}.search.sqlite"
    url = getattr(store, "query_url", None)
    if url:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return root / "vankien" / f"search-{hashlib.sha256(url.encode()).hexdigest()[:16]}.sqlite"
    return None


_MEMORY: dict[int, SearchIndex] = {}


def index_for(store: Any) -> SearchIndex:
    """The search index of ``store`` (one shared in-memory index per in-memory store)."""
    path = index_path(store)
    if path is None:
        return _MEMORY.setdefault(id(store), SearchIndex())
    return SearchIndex(path)
