"""The aggregate tables of the flow index, built in full once and then kept per change.

Per subject (document or task): ``agg_impl`` (document → document it carries out), ``agg_roots`` (the central
documents), ``agg_prov`` (document → province), ``agg_links`` (links between documents, a task's lifted to its
document). Per central document (``root``): ``agg_reach`` (each document carrying it out, directly or through
others, with its depth and ``parent`` — the next document of its chain, as :func:`graph_api.flow.read.closure`
picks it — and the symbol, year, kind and province of its description), ``agg_tasks`` (each task carrying it out, with the document it goes through — ``via``, ``relation`` as
:func:`graph_api.flow.read.tasks_via` picks them — and ``key``, its place in the trace's order), ``agg_count``
(tasks and documents), and ``agg_page`` (:mod:`graph_api.flow.detail`: each task's row with every detail a trace
page shows, clustered in trace order), which makes a page of a trace one range scan.
After them, :mod:`graph_api.flow.totals` keeps each trace's totals and its documents without tasks.

The index notes what each graph written or forgotten touches (``agg_dirty``: its documents, tasks and the
documents they carry out). :func:`refresh` then rebuilds only the rows of the subjects noted and of the central
documents whose flow reaches them; a change touching more than ``MAX_DIRTY`` subjects, or aggregates of another
version, are rebuilt in full."""

from __future__ import annotations

import time

from graph_api.flow import detail, totals
from graph_api.flow.index import FlowIndex
from graph_api.flow.read import MAX_DEPTH

__all__ = ["refresh", "current", "VERSION", "MAX_DIRTY", "BUILD", "AGGREGATES"]

VERSION = 10  # of the aggregate tables: another version is rebuilt in full
MAX_DIRTY = 5000  # subjects touched since the last refresh above which the aggregates are rebuilt in full
BUILD: dict[str, float] = {}  # seconds of the last refresh ("seconds") and whether it was in full ("full")
AGGREGATES = ("agg_impl", "agg_roots", "agg_prov", "agg_links", "agg_reach", "agg_tasks", "agg_count", "agg_page")
_DIRTY = "(SELECT s FROM agg_dirty)"

_TABLES = (
    "".join(f"DROP TABLE IF EXISTS {t};" for t in AGGREGATES)
    + """
CREATE TABLE agg_impl (s TEXT, o TEXT);
CREATE TABLE agg_roots (root TEXT PRIMARY KEY);
CREATE TABLE agg_prov (doc TEXT PRIMARY KEY, province TEXT);
CREATE TABLE agg_links (s TEXT, rel TEXT, o TEXT);
CREATE TABLE agg_reach (root TEXT, doc TEXT, depth INTEGER, parent TEXT, symbol TEXT, year TEXT, kind TEXT,
  province TEXT);
CREATE TABLE agg_tasks (root TEXT, task TEXT, doc TEXT, province TEXT, deadline TEXT, ongoing INTEGER, via TEXT,
  relation TEXT, key TEXT);
CREATE TABLE agg_count (root TEXT PRIMARY KEY, tasks INTEGER, documents INTEGER);
"""
)
_SUBJECT_INDEXES = """
CREATE INDEX agg_impl_o ON agg_impl (o, s);
CREATE INDEX agg_impl_s ON agg_impl (s);
CREATE INDEX agg_links_s ON agg_links (s);
"""
_ROOT_INDEXES = """
CREATE INDEX agg_reach_r ON agg_reach (root, depth, doc, parent, symbol, year, kind, province);
CREATE INDEX agg_reach_d ON agg_reach (doc, root, depth, parent, symbol, year, kind, province);
CREATE INDEX agg_tasks_k ON agg_tasks (root, key, task, via, relation, doc);
CREATE INDEX agg_tasks_t ON agg_tasks (task);
CREATE INDEX agg_tasks_d ON agg_tasks (doc);
"""


def _subject_sql(only: str) -> str:
    """The per-subject tables' rows, of every subject (``only`` empty) or of the subjects noted."""
    and_s = f" AND l.s IN {_DIRTY}" if only else ""
    and_f = f" AND f.s IN {_DIRTY}" if only else ""
    links = (
        "SELECT DISTINCT s, rel, o FROM (SELECT COALESCE((SELECT MIN(doc) FROM tasks k WHERE k.iri = l.s), l.s) AS s, "
        f"l.rel, l.o FROM links l WHERE l.s IN {_DIRTY} OR l.s IN (SELECT iri FROM tasks WHERE doc IN {_DIRTY})) "
        f"WHERE s IN {_DIRTY} AND s != o"
        if only
        else "SELECT DISTINCT COALESCE(k.doc, l.s), l.rel, l.o FROM links l LEFT JOIN (SELECT iri, MIN(doc) AS doc "
        "FROM tasks GROUP BY iri) k ON k.iri = l.s WHERE COALESCE(k.doc, l.s) != l.o"
    )
    return f"""
INSERT INTO agg_impl SELECT DISTINCT l.s, l.o FROM links l WHERE l.rel = 'implements'{and_s}
  AND NOT EXISTS (SELECT 1 FROM types t WHERE t.s = l.s AND t.type = 'task');
INSERT OR IGNORE INTO agg_roots SELECT DISTINCT f.s FROM facts f WHERE f.field = 'level'
  AND f.value LIKE '%/level/central'{and_f};
INSERT INTO agg_prov SELECT f.s, COALESCE(MAX(CASE WHEN t.s IS NOT NULL THEN f.value END), MIN(f.value))
  FROM facts f LEFT JOIN types t ON t.graph = f.graph AND t.s = f.s AND t.type = 'source'
  WHERE f.field = 'province'{and_f} GROUP BY f.s;
INSERT INTO agg_links {links};
"""


def _roots_sql(scope: str) -> str:
    """The per-root tables' rows of the central documents in the table ``scope``: the documents reached (least
    depth; the parent of a document is the smallest document one step nearer carrying it out), then each task's
    way (through the target itself before any document, else the smallest document, ``implements`` before
    ``part of``) and its sort key."""
    _fields = ", ".join(
        f"(SELECT value FROM docinfo WHERE s = d.doc AND field = '{f}')" for f in ("symbol", "year", "kind", "province")
    )
    return f"""
DROP TABLE IF EXISTS temp.agg_depth; DROP TABLE IF EXISTS temp.agg_via; DROP TABLE IF EXISTS temp.agg_pick;
DROP TABLE IF EXISTS temp.agg_tinfo;
CREATE TEMP TABLE agg_depth AS WITH RECURSIVE reach(root, doc, depth) AS (
    SELECT r.root, i.s, 1 FROM {scope} r JOIN agg_impl i ON i.o = r.root
    UNION SELECT reach.root, i.s, reach.depth + 1 FROM reach JOIN agg_impl i ON i.o = reach.doc
      WHERE reach.depth < {MAX_DEPTH})
  SELECT root, doc, MIN(depth) AS depth FROM reach WHERE doc != root GROUP BY root, doc;
CREATE INDEX temp.agg_depth_rd ON agg_depth (root, doc, depth);
INSERT INTO agg_reach SELECT d.root, d.doc, d.depth, (SELECT MIN(i.o) FROM agg_impl i WHERE i.s = d.doc AND
    CASE WHEN d.depth = 1 THEN i.o = d.root ELSE EXISTS (SELECT 1 FROM agg_depth p WHERE p.root = d.root
      AND p.doc = i.o AND p.depth = d.depth - 1) END), {_fields} FROM agg_depth d;
CREATE TEMP TABLE agg_via AS SELECT root, doc FROM agg_depth UNION ALL SELECT root, root FROM {scope};
CREATE TEMP TABLE agg_pick AS SELECT root, task, via, relation FROM (
  SELECT root, task, via, relation,
    ROW_NUMBER() OVER (PARTITION BY root, task ORDER BY via = root DESC, via, relation) AS rk FROM (
      SELECT v.root, l.s AS task, v.doc AS via, 'implements' AS relation FROM agg_via v
        CROSS JOIN links l ON l.rel = 'implements' AND l.o = v.doc CROSS JOIN types t ON t.s = l.s AND t.type = 'task'
      UNION SELECT v.root, k.iri, v.doc, 'part of' FROM agg_via v CROSS JOIN tasks k ON k.doc = v.doc))
  WHERE rk = 1;
CREATE TEMP TABLE agg_tinfo AS SELECT iri, MIN(doc) AS doc, MIN(deadline) AS deadline, MAX(ongoing) AS ongoing,
  natural_key(iri) AS key FROM tasks WHERE iri IN (SELECT task FROM agg_pick) GROUP BY iri;
CREATE UNIQUE INDEX temp.agg_tinfo_i ON agg_tinfo (iri);
INSERT INTO agg_tasks SELECT p.root, p.task, k.doc, pr.province, k.deadline, k.ongoing, p.via, p.relation,
    COALESCE(k.key, natural_key(p.task))
  FROM agg_pick p LEFT JOIN agg_tinfo k ON k.iri = p.task LEFT JOIN agg_prov pr ON pr.doc = k.doc;
INSERT INTO agg_count SELECT root, SUM(tasks), SUM(documents) FROM (
  SELECT root, COUNT(*) AS tasks, 0 AS documents FROM agg_pick GROUP BY root
  UNION ALL SELECT root, 0, COUNT(*) FROM agg_depth GROUP BY root) GROUP BY root;
DROP TABLE temp.agg_depth; DROP TABLE temp.agg_via; DROP TABLE temp.agg_pick; DROP TABLE temp.agg_tinfo;
"""


def _full() -> str:
    return (
        _TABLES
        + detail.CREATE
        + _subject_sql("")
        + _SUBJECT_INDEXES
        + _roots_sql("agg_roots")
        + detail.sql(None)
        + _ROOT_INDEXES
        + totals.sql(full=True)
    )


def _update() -> str:
    """Rows of the subjects noted, and of the central documents whose flow reached them or reaches them now."""
    per_subject = "".join(
        f"DELETE FROM {table} WHERE {column} IN {_DIRTY};"
        for table, column in (("agg_impl", "s"), ("agg_roots", "root"), ("agg_prov", "doc"), ("agg_links", "s"))
    )
    per_root = "".join(f"DELETE FROM {t} WHERE root IN (SELECT root FROM agg_scope);" for t in AGGREGATES[4:-1])
    per_root += "DELETE FROM agg_page WHERE root IN (SELECT root FROM agg_scope EXCEPT SELECT root FROM agg_roots);"
    return f"""
DROP TABLE IF EXISTS temp.agg_scope;
CREATE TEMP TABLE agg_scope (root TEXT PRIMARY KEY);
INSERT OR IGNORE INTO agg_scope SELECT root FROM agg_reach WHERE doc IN {_DIRTY};
INSERT OR IGNORE INTO agg_scope SELECT root FROM agg_tasks WHERE task IN {_DIRTY};
INSERT OR IGNORE INTO agg_scope SELECT root FROM agg_tasks WHERE doc IN {_DIRTY};
INSERT OR IGNORE INTO agg_scope SELECT root FROM agg_roots WHERE root IN {_DIRTY};
{per_subject}{_subject_sql("noted")}
INSERT OR IGNORE INTO agg_scope SELECT root FROM agg_roots WHERE root IN {_DIRTY};
{per_root}
DELETE FROM agg_scope WHERE root NOT IN (SELECT root FROM agg_roots);
{_roots_sql("agg_scope")}
{detail.sql("agg_scope")}
{totals.sql(full=False)}
DROP TABLE temp.agg_scope;
"""


def _stamp(ix: FlowIndex) -> str | None:
    row = ix.db.execute("SELECT value FROM meta WHERE key = 'agg_generation'").fetchone()
    return str(row[0]) if row else None


def _kept(ix: FlowIndex) -> bool:
    """Whether the aggregates can be brought in step per change (same version, few subjects noted)."""
    stamp = _stamp(ix)
    if stamp is None or not stamp.startswith(f"{VERSION}:"):
        return False
    return bool(ix.db.execute("SELECT COUNT(*) <= ? FROM agg_dirty", (MAX_DIRTY,)).fetchone()[0])


def refresh(ix: FlowIndex, *, full: bool = False) -> bool:
    """Bring the aggregates in step with the index (per change when they can be, else in full, or in full when
    asked); True when anything was rebuilt. One write transaction taken at once (``BEGIN IMMEDIATE``), so that
    another process writing the index, or bringing it in step, waits instead of slipping changes in between."""
    with ix.lock:
        if not full and _stamp(ix) == f"{VERSION}:{ix.generation}":
            return False
        t0 = time.perf_counter()
        ix.db.commit()
        ix.db.execute("BEGIN IMMEDIATE")
        try:
            generation = ix.generation
            if not full and _stamp(ix) == f"{VERSION}:{generation}":  # brought in step by another process
                ix.db.rollback()
                return False
            ix.clean(commit=False)
            in_full = full or not _kept(ix)
            script = (_full() if in_full else _update()) + "DELETE FROM agg_dirty;"
            for statement in filter(None, (s.strip() for s in script.split(";"))):
                ix.db.execute(statement)
            ix.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('agg_generation', ?)", (f"{VERSION}:{generation}",)
            )
            ix.db.commit()
        except BaseException:
            ix.db.rollback()
            raise
        BUILD.update(seconds=time.perf_counter() - t0, full=float(in_full))
        return True


def current(ix: FlowIndex) -> bool:
    """Whether the aggregates are in step with the index, after bringing them in step per change when they can
    be (a rebuild in full is left to :func:`refresh`: a request does not wait for it)."""
    with ix.lock:
        stamp = _stamp(ix)
        if stamp == f"{VERSION}:{ix.generation}":
            return True
        if not _kept(ix):
            return False
        refresh(ix)
        return True
