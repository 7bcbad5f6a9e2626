"""A trace page's rows kept whole, in trace order: ``agg_page`` holds, per central document (``root``) and task
carrying it out, what the trace shows of the task — its way (``via``, ``relation``), text, position, section,
deadline, span, bodies (role and IRI, a line each, in their order) and the sentence read for its way
(``quote``) — clustered by (``root``, ``key``: the task's place in the trace's order, ``task``) in a table without
row ids, so that a page, or the whole trace, is one range scan with no lookup per task. What is read apart is
per document or fewer: the descriptions of the page's documents (``docinfo``, one lookup a document) and the labels
of bodies, kinds and provinces (kept per generation: :func:`graph_api.flow.read.label_map`). A row stays under
SQLite's largest payload kept in a 4 KiB page (about 1,000 bytes: the description of the task's document, some 260
bytes, would push most rows into an overflow page of their own).

The rows are those :func:`graph_api.flow.read.task_rows` and :func:`graph_api.flow.read.quotes` give: a task's
details from its last row with a text, its bodies in their order, the first sentence read for its way.
:mod:`graph_api.flow.maintain` builds them from ``agg_tasks`` for the central documents it rebuilds (:func:`sql`),
so they are kept per document changed with the other aggregates."""

from __future__ import annotations

from collections.abc import Iterable

from graph_api.flow import read as R
from graph_api.flow.index import FlowIndex

__all__ = ["CREATE", "sql", "COLUMNS", "details"]

CREATE = """
DROP TABLE IF EXISTS agg_page;
CREATE TABLE agg_page (root TEXT, key TEXT, task TEXT, via TEXT, relation TEXT, doc TEXT, tdoc TEXT, text TEXT,
  position INTEGER, deadline TEXT, ongoing INTEGER, start INTEGER, end INTEGER, section TEXT, bodies TEXT,
  quote TEXT, PRIMARY KEY (root, key, task)) WITHOUT ROWID;
"""
# what a page reads of each row, in this order (``doc``: the task's document as agg_tasks keeps it, for the
# documents a page lists; ``tdoc``: the document its details come from, NULL when it is ``doc``, '' for none)
COLUMNS = "key, task, via, relation, doc, tdoc, text, position, deadline, ongoing, start, end, section, bodies, quote"
_DROP = "DROP TABLE IF EXISTS temp.page_task;"


def sql(scope: str | None) -> str:
    """The statements writing the rows of the central documents in the table ``scope`` (every one: None) from
    ``agg_tasks``, in full (None) or per change: then the rows whose task, its way or its document changed —
    a row ``agg_tasks`` no longer holds, or a task noted by the change (``agg_dirty``) — are
    forgotten and written again, the others kept (a change to one plan leaves the rows of the other tasks of
    the central documents it reaches as they were)."""
    if scope is None:
        return _write("")
    return f"""
DELETE FROM agg_page WHERE root IN (SELECT root FROM {scope}) AND (task IN (SELECT s FROM agg_dirty)
  OR NOT EXISTS (SELECT 1 FROM agg_tasks a WHERE a.root = agg_page.root
    AND a.key = agg_page.key AND a.task = agg_page.task AND a.via IS agg_page.via
    AND a.relation IS agg_page.relation AND a.doc IS agg_page.doc));
DROP TABLE IF EXISTS temp.page_new;
CREATE TEMP TABLE page_new AS SELECT a.rowid AS id FROM agg_tasks a WHERE a.root IN (SELECT root FROM {scope})
  AND NOT EXISTS (SELECT 1 FROM agg_page p WHERE p.root = a.root AND p.key = a.key AND p.task = a.task);
{_write(" WHERE a.rowid IN (SELECT id FROM temp.page_new)")}
DROP TABLE temp.page_new;
"""


def _write(where: str) -> str:
    """The statements writing a row for each row of ``agg_tasks a`` that ``where`` keeps: each task's details
    once (its last row with a text, its bodies), then the rows in the table's order."""
    return f"""{_DROP}
CREATE TEMP TABLE page_task AS SELECT t.task, k.doc AS tdoc, k.text, k.position, k.deadline, k.ongoing, k.start,
    k.end, k.section,
    (SELECT group_concat(role || ' ' || body, char(10)) FROM (SELECT role, body FROM bodies b WHERE b.task = t.task
      ORDER BY ord, rowid)) AS bodies
  FROM (SELECT DISTINCT a.task FROM agg_tasks a{where}) t
  LEFT JOIN tasks k ON k.rowid = (SELECT MAX(rowid) FROM tasks WHERE iri = t.task AND text IS NOT NULL);
CREATE UNIQUE INDEX temp.page_task_t ON page_task (task);
INSERT INTO agg_page SELECT a.root, a.key, a.task, a.via, a.relation, a.doc,
    CASE WHEN p.tdoc IS a.doc THEN NULL ELSE COALESCE(p.tdoc, '') END, p.text, p.position, p.deadline, p.ongoing,
    p.start, p.end, p.section, p.bodies,
    (SELECT quote FROM quotes q WHERE q.s = a.task AND q.o = a.via ORDER BY rowid LIMIT 1)
  FROM agg_tasks a LEFT JOIN page_task p ON p.task = a.task{where}
  ORDER BY a.root, a.key, a.task;
{_DROP}"""


def details(ix: FlowIndex, rows: Iterable[tuple]) -> dict[str, dict]:
    """{task: its details as :func:`graph_api.flow.read.task_rows` gives them} of page rows read in
    :data:`COLUMNS`' order (a task without a text left out): the descriptions of their documents read once a
    document, the labels of bodies once a generation."""
    rows = [r for r in rows if r[6] is not None]
    pairs = [(r[1], [b.split(" ", 1) for b in r[13].split("\n")] if r[13] else []) for r in rows]
    tdocs = [r[4] if r[5] is None else r[5] or None for r in rows]
    info = R.documents_info(ix, {d for d in tdocs if d is not None})
    bodies = R.label_map(ix, {b for _, bs in pairs for _, b in bs})
    out: dict[str, dict] = {}
    for r, (task, bs), tdoc in zip(rows, pairs, tdocs, strict=True):
        described = info.get(tdoc, {}) if tdoc is not None else {}
        document = {"iri": tdoc, **{k: described.get(k) for k in ("symbol", "title", "date", "kind", "file")}}
        d = out[task] = R.task_entry(task, described.get("province"), document, *r[6:13])
        for role, b in bs:
            for label in bodies.get(b, []):
                if label not in d[role]:
                    d[role].append(label)
    return out
