"""The SQLite FTS5 index: records of each named graph (see :mod:`graph_api.search.records`), folded text in the
``entries`` table, the original text beside it, ranked with bm25, snippets by FTS5's ``snippet()``."""

from __future__ import annotations

import html
import sqlite3
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import InputError, StoreError
from graph_api.search.records import KINDS, SYNC_QUERY, Record, label_row, records_from_triples
from graph_api.search.text import CLOSE, CUT, OPEN, fold, match_expression, restore
from graph_api.store.spec import side_index_path
from ontology import VK

__all__ = ["Hit", "SearchPage", "SearchIndex", "index_path", "index_for"]

SCHEMA_VERSION = 3
_TABLES = ("entries", "originals", "graphs", "labels", "texts")
WEIGHTS = (10.0, 4.0, 1.0)  # bm25 weights of the symbol, title and body columns
_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS entries USING fts5(
  symbol, title, body, kind UNINDEXED, iri UNINDEXED, graph UNINDEXED, document UNINDEXED,
  tokenize = "unicode61 remove_diacritics 0");
CREATE TABLE IF NOT EXISTS originals (id INTEGER PRIMARY KEY, symbol TEXT, title TEXT, body TEXT, extra TEXT);
CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS labels (iri TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS texts (iri TEXT PRIMARY KEY, graph TEXT NOT NULL, text TEXT NOT NULL);
"""


@dataclass
class Hit:
    """One search result: the best-ranked record of an IRI."""

    kind: str
    iri: str
    symbol: str
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
            "symbol": self.symbol or None,
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
                self.db.execute("PRAGMA synchronous=NORMAL")  # derived data: a lost last commit is re-read by sync
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                # derived data: an index of another version is dropped and rebuilt by the next sync
                self.db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
                self.db.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
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
        if self.db.execute("SELECT 1 FROM graphs WHERE graph = ?", (graph,)).fetchone() is None:
            return  # never indexed (a new document): its records are written with its row, so there are none
        ids = [r[0] for r in self.db.execute("SELECT rowid FROM entries WHERE graph = ?", (graph,))]
        self.db.executemany("DELETE FROM entries WHERE rowid = ?", [(i,) for i in ids])
        self.db.executemany("DELETE FROM originals WHERE id = ?", [(i,) for i in ids])
        self.db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))
        self.db.execute("DELETE FROM texts WHERE graph = ?", (graph,))
        if commit:
            self.db.commit()

    def index_document(self, graph: str, records: Iterable[Record], content_hash: str = "") -> None:
        """Replace the records of ``graph`` (one transaction)."""
        self.index_documents([(graph, records, content_hash)])

    def index_documents(self, documents: Iterable[tuple[str, Iterable[Record], str]]) -> None:
        """Replace the records of each (graph, records, content hash), in order, in one transaction."""
        with self.db:
            for graph, records, content_hash in documents:
                self._write_document(graph, records, content_hash)

    def _write_document(self, graph: str, records: Iterable[Record], content_hash: str) -> None:
        self.remove_document(graph, commit=False)
        for r in records:
            cur = self.db.execute(
                "INSERT INTO entries (symbol, title, body, kind, iri, graph, document) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (fold(r.symbol), fold(r.title), fold(r.text), r.kind, r.iri, graph, r.document),
            )
            nfc = [unicodedata.normalize("NFC", x) for x in (r.symbol, r.title, r.text)]
            self.db.execute(
                "INSERT INTO originals (id, symbol, title, body, extra) VALUES (?, ?, ?, ?, ?)",
                (cur.lastrowid, *nfc, r.extra),
            )
            if r.kind == "document" and r.text:  # as read: the offsets of the facts point into it
                self.db.execute(
                    "INSERT OR REPLACE INTO texts (iri, graph, text) VALUES (?, ?, ?)", (r.iri, graph, r.text)
                )
            label = label_row(r)
            if label is not None:
                self.db.execute("INSERT OR REPLACE INTO labels (iri, label) VALUES (?, ?)", label)
        self.db.execute("INSERT OR REPLACE INTO graphs (graph, hash) VALUES (?, ?)", (graph, content_hash))

    def index_triples(
        self, graph: str, triples: Iterable[tuple[str, str, str]], text: str | None = None, content_hash: str = ""
    ) -> int:
        """Index the records of a graph given as (subject, predicate, object value) triples, with the graph's
        content hash (by default the one the triples hold); returns how many."""
        records, digest = records_from_triples(triples, text=text, label=self.label)
        self.index_document(graph, records, content_hash or digest)
        return len(records)

    def document_text(self, iri: str) -> str | None:
        """The full text of a source document as it was read (indexed by a load), or None."""
        row = self.db.execute("SELECT text FROM texts WHERE iri = ?", (iri,)).fetchone()
        return row[0] if row else None

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
                f"SELECT rowid, iri, bm25(entries, {', '.join(map(str, WEIGHTS))}) AS s "
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
        snippets = ", ".join(f"snippet(entries, {c}, '{OPEN}', '{CLOSE}', '{CUT}', 24)" for c in range(3))
        for row in self.db.execute(
            f"SELECT e.rowid, e.kind, e.iri, e.document, e.symbol, e.title, e.body, o.symbol, o.title, o.body, "
            f"o.extra, {snippets} "
            f"FROM entries e JOIN originals o ON o.id = e.rowid WHERE entries MATCH ? AND e.rowid IN ({marks})",
            (expr, *ids),
        ):
            rowid, kind, iri, doc = row[:4]
            folded, original, extra, snips = row[4:7], row[7:10], row[10], row[11:14]
            # the body where it matched, else the title, else the symbol; unmatched: the title or the body
            col = next((c for c in (2, 1, 0) if OPEN in snips[c]), 1 if original[1] else 2)
            text, spans = restore(snips[col], folded[col], original[col])
            found[rowid] = (kind, iri, original[0], original[1], text, spans, doc, extra)
        hits = []
        for iri, (rowid, score) in page:
            kind, _, symbol, title, text, spans, doc, extra = found[rowid]
            hits.append(Hit(kind, iri, symbol or "", title, text, spans, doc, extra or "", -score))
        return hits

    def sync(self, store: Any, *, every: float = 0.0) -> tuple[int, int]:
        """Bring the index in step with ``store`` (a ``GraphStore``): graphs whose content hash changed are read
        again, graphs gone are forgotten. Returns (graphs indexed, graphs removed). With ``every`` > 0, does
        nothing when the last sync is more recent than that many seconds."""
        if every and time.monotonic() - self._synced_at < every:
            return 0, 0
        wanted = _store_hashes(store)
        have = self.graphs()
        # the reference graph first: the labels of the bodies it holds name the leads of tasks
        stale = sorted(
            (g for g, h in wanted.items() if have.get(g) != h), key=lambda g: (not g.endswith("/reference"), g)
        )
        gone = [g for g in have if g not in wanted]
        with self.db:  # one transaction (a store emptied or replaced leaves every graph gone)
            for g in gone:
                self.remove_document(g, commit=False)
        for i in range(0, len(stale), 200):
            chunk = stale[i : i + 200]
            by_graph: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
            query = SYNC_QUERY.replace("%VALUES%", " ".join(f"<{g}>" for g in chunk))
            for r in _select_all(store, query, "?g ?s ?p ?o"):
                by_graph[r["g"].value].append((r["s"].value, r["p"].value, r["o"].value))
            for g in chunk:
                self.index_triples(g, by_graph.get(g, []), content_hash=wanted[g])
        self._synced_at = time.monotonic()
        return len(stale), len(gone)


def _select_all(store: Any, query: str, order: str) -> list[dict[str, Any]]:
    """Every row of a SELECT: at once from an embedded store, a page at a time (``ORDER BY … LIMIT/OFFSET``) from a
    store that caps its answers (a remote server's ``page_size``, the service's ``max_rows``)."""
    page = getattr(store, "page_size", None) or getattr(store, "max_rows", None)
    if not isinstance(page, int) or page <= 0:
        return store.select(query)
    rows: list[dict[str, Any]] = []
    while True:
        chunk = store.select(f"{query}\nORDER BY {order} LIMIT {page} OFFSET {len(rows)}")
        rows += chunk
        if len(chunk) < page:
            return rows


def _store_hashes(store: Any) -> dict[str, str]:
    """Every named graph of ``store`` and its content hash; a graph written without one (through SPARQL Update
    or the Graph Store Protocol) is known by its size instead."""
    hashes = {
        r["g"].value: r["h"].value
        for r in _select_all(store, f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?x <{VK.contentHash}> ?h }} }}", "?g ?h")
        if "g" in r and "h" in r
    }
    others = [r["g"].value for r in _select_all(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", "?g") if "g" in r]
    others = [g for g in others if g not in hashes]
    for i in range(0, len(others), 200):
        values = " ".join(f"<{g}>" for g in others[i : i + 200])
        for r in store.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        ):
            hashes[r["g"].value] = f"size:{r['n'].value}"
    return hashes


def index_path(store: Any) -> Path | None:
    """Where the search index of a store lives: ``STORE.search.sqlite`` beside an on-disk store, a per-user
    cache file for a remote one, None (in memory) for an in-memory store."""
    return side_index_path(store, "search")


_MEMORY: dict[int, SearchIndex] = {}


def index_for(store: Any) -> SearchIndex:
    """The search index of ``store`` (one shared in-memory index per in-memory store)."""
    path = index_path(store)
    if path is None:
        return _MEMORY.setdefault(id(store), SearchIndex())
    return SearchIndex(path)
