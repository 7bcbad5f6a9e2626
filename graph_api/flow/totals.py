"""What a trace page reads besides its own rows, kept in the flow index beside the aggregates
(:mod:`graph_api.flow.maintain` runs :func:`sql` after rebuilding the rows of the central documents it touched).

A *trace key* is what a trace without a province asks the kept rows for: a central document carried out (its
IRI), or the central documents that one symbol names — one dated document and the undated mentions joining it
(:func:`graph_api.resolver.resolve_targets`) — when more than one of them is carried out (their IRIs, sorted,
joined by a space). Per key:

- ``agg_total``: the trace's tasks, documents and provinces (of its tasks and documents), as its whole trace
  counts them — for a union, each task and document once, the targets not counted as documents;
- ``agg_bare``: the documents carrying the targets out that no task of the trace belongs to or comes through
  (a plan without tasks), with their depth: the page that ends the trace lists them, so that the pages together
  list every document of the whole trace.

A union's rows follow the trace's rules over its targets together: a document's depth is the least over the
targets, its parent the smallest of those one step nearer, a task goes through a target before any document, else
through the smallest document."""

from __future__ import annotations

__all__ = ["sql", "TABLES", "union_key"]

TABLES = ("agg_total", "agg_bare")

_CREATE = """
DROP TABLE IF EXISTS agg_total; DROP TABLE IF EXISTS agg_bare;
CREATE TABLE agg_total (key TEXT PRIMARY KEY, tasks INTEGER, documents INTEGER, provinces INTEGER);
CREATE TABLE agg_bare (key TEXT, doc TEXT, depth INTEGER);
CREATE INDEX agg_bare_k ON agg_bare (key, depth, doc);
"""

# every trace key and its central documents: each one carried out alone, and the groups of those one symbol names
# (at most one of them dated: a symbol naming several dated documents is traced with its year, alone)
_MEMBERS = """
CREATE TEMP TABLE tot_named AS SELECT DISTINCT n.symbol, n.s,
    EXISTS (SELECT 1 FROM docinfo i WHERE i.s = n.s AND i.field = 'year') AS dated
  FROM agg_count c CROSS JOIN docnames n ON n.s = c.root;
CREATE TEMP TABLE tot_member AS SELECT root AS key, root FROM agg_count
  UNION SELECT g.key, t.s FROM (
    SELECT symbol, group_concat(s, ' ') AS key FROM (SELECT symbol, s, dated FROM tot_named ORDER BY symbol, s)
    GROUP BY symbol HAVING COUNT(*) > 1 AND SUM(dated) <= 1) g
  JOIN tot_named t ON t.symbol = g.symbol;
"""

_ROWS = """
CREATE TEMP TABLE tot_m AS SELECT key, root FROM tot_member WHERE key IN (SELECT key FROM tot_keys);
CREATE INDEX temp.tot_m_k ON tot_m (key, root);
CREATE TEMP TABLE tot_depth AS SELECT m.key, r.doc, MIN(r.depth) AS depth FROM tot_m m CROSS JOIN agg_reach r ON r.root = m.root
  WHERE m.key != m.root AND NOT EXISTS (SELECT 1 FROM tot_m x WHERE x.key = m.key AND x.root = r.doc)
  GROUP BY m.key, r.doc;
CREATE TEMP TABLE tot_parent AS SELECT m.key, r.doc, r.depth, r.parent FROM tot_m m CROSS JOIN agg_reach r ON r.root = m.root
    WHERE m.key = m.root
  UNION ALL SELECT d.key, d.doc, d.depth, MIN(r.parent) FROM tot_depth d
    JOIN tot_m m ON m.key = d.key JOIN agg_reach r ON r.root = m.root AND r.depth = d.depth AND r.doc = d.doc
    GROUP BY d.key, d.doc;
CREATE INDEX temp.tot_parent_k ON tot_parent (key, doc);
CREATE TEMP TABLE tot_task AS SELECT m.key, t.task, t.doc, t.province, t.via FROM tot_m m
    CROSS JOIN agg_tasks t ON t.root = m.root WHERE m.key = m.root
  UNION ALL SELECT m.key, t.task, MIN(t.doc), MIN(t.province),
    COALESCE(MIN(CASE WHEN EXISTS (SELECT 1 FROM tot_m x WHERE x.key = m.key AND x.root = t.via) THEN t.via END),
      MIN(t.via))
  FROM tot_m m CROSS JOIN agg_tasks t ON t.root = m.root WHERE m.key != m.root GROUP BY m.key, t.task;
CREATE INDEX temp.tot_task_k ON tot_task (key);
CREATE TEMP TABLE tot_up AS WITH RECURSIVE up(key, doc) AS (
    SELECT key, via FROM tot_task UNION SELECT key, doc FROM tot_task WHERE doc IS NOT NULL
    UNION SELECT p.key, p.parent FROM up u JOIN tot_parent p ON p.key = u.key AND p.doc = u.doc)
  SELECT key, doc FROM up;
CREATE INDEX temp.tot_up_k ON tot_up (key, doc);
INSERT INTO agg_bare SELECT p.key, p.doc, p.depth FROM tot_parent p
  WHERE NOT EXISTS (SELECT 1 FROM tot_up u WHERE u.key = p.key AND u.doc = p.doc);
INSERT INTO agg_total SELECT k.key, (SELECT COUNT(*) FROM tot_task t WHERE t.key = k.key),
    (SELECT COUNT(*) FROM tot_parent d WHERE d.key = k.key),
    (SELECT COUNT(DISTINCT p) FROM (SELECT t.province AS p FROM tot_task t WHERE t.key = k.key
      UNION ALL SELECT pr.province FROM tot_parent d JOIN agg_prov pr ON pr.doc = d.doc WHERE d.key = k.key))
  FROM tot_keys k;
"""

_DROP = (
    "".join(
        f"DROP TABLE IF EXISTS temp.{t};"
        for t in ("tot_named", "tot_member", "tot_keys", "tot_m", "tot_depth", "tot_parent", "tot_task")
    )
    + "DROP TABLE IF EXISTS temp.tot_up;"
)


def sql(*, full: bool) -> str:
    """The statements bringing the kept totals in step: of every key (``full``), else of the keys whose central
    documents were rebuilt (``temp.agg_scope``) or that are new, the keys gone forgotten."""
    if full:
        keys = "CREATE TEMP TABLE tot_keys AS SELECT DISTINCT key FROM tot_member;"
        return _DROP + _CREATE + _MEMBERS + keys + _ROWS + _DROP
    keys = """
CREATE TEMP TABLE tot_keys AS SELECT DISTINCT key FROM tot_member
  WHERE root IN (SELECT root FROM agg_scope) OR key NOT IN (SELECT key FROM agg_total);
DELETE FROM agg_total WHERE key IN (SELECT key FROM tot_keys) OR key NOT IN (SELECT key FROM tot_member);
DELETE FROM agg_bare WHERE key IN (SELECT key FROM tot_keys) OR key NOT IN (SELECT key FROM tot_member);
"""
    return _DROP + _MEMBERS + keys + _ROWS + _DROP


def union_key(roots: list[str]) -> str:
    """The trace key of central documents carried out (one: its IRI)."""
    return " ".join(sorted(set(roots)))
