"""Issue 16: a page of a central document's trace, and its whole trace, read each task's details from its kept
row (``agg_page``, in trace order) — no lookup per task in the tables of the graphs' rows (tasks, bodies, quotes,
descriptions) — and give what computing the trace gives; the kept rows follow a change to a task's text."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from test_trace import LAI_CHAU_CONCLUSION, LAI_CHAU_PLAN

from graph_api.flow import detail as D
from graph_api.flow import flow_for, overview
from graph_api.flow import maintain as M
from graph_api.flow import targets as F
from graph_api.flow.index import FlowIndex
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
AS_OF = "2024-01-01"
PER_TASK = {"tasks", "bodies", "quotes", "docinfo", "links", "types", "facts", "agg_tasks"}


def tables_read(ix: FlowIndex, run) -> tuple[object, set[str]]:
    """(what ``run()`` gives, the tables of the index it read)."""
    read: set[str] = set()

    def note(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    ix.db.set_authorizer(note)
    try:
        return run(), read
    finally:
        ix.db.set_authorizer(None)


def test_a_kept_page_reads_no_table_per_task(corpus_store) -> None:
    ix = flow_for(corpus_store)
    top = [r for r in overview(ix, as_of=AS_OF, top=None) if r["tasks"] > 5][:5]
    assert len(top) == 5
    ix.cache.clear()  # the labels of bodies, kinds, provinces read again: from ``labels`` only
    for row in top:
        for limit in (5, None):
            page, read = tables_read(ix, partial(F.target_tasks, ix, row["iri"], as_of=AS_OF, limit=limit))
            assert read & PER_TASK <= {"docinfo"}, read  # the descriptions of the page's documents and the target
            assert "agg_page" in read
            assert page == F.target_tasks(ix, row["iri"], as_of=AS_OF, limit=limit, kept=False)
            assert len(page["tasks"]) == min(row["tasks"], limit or row["tasks"])


def test_every_kept_task_has_its_row(corpus_store) -> None:
    ix = flow_for(corpus_store)
    M.refresh(ix)
    keys = "SELECT root, key, task, via, relation, doc FROM {} ORDER BY root, key, task"
    assert ix.db.execute(keys.format("agg_page")).fetchall() == ix.db.execute(keys.format("agg_tasks")).fetchall()
    texts = ix.db.execute("SELECT COUNT(*) FROM agg_page WHERE text IS NOT NULL").fetchone()[0]
    assert texts > 100


def test_a_task_changed_changes_its_kept_row(tmp_path: Path) -> None:
    extra = tmp_path / "laichau"
    extra.mkdir()
    plan = extra / "lai_chau_plan.txt"
    store = OxigraphStore(tmp_path / "store")
    try:
        plan.write_text(LAI_CHAU_PLAN, encoding="utf-8")
        (extra / "lai_chau_conclusion.txt").write_text(LAI_CHAU_CONCLUSION, encoding="utf-8")
        ingest([CORPUS, extra], store)
        ix = flow_for(store)
        assert M.refresh(ix, full=True)
        before = {r[0] for r in ix.db.execute("SELECT text FROM agg_page WHERE text LIKE '%kiểm tra việc chấp hành%'")}
        assert before
        plan.write_text(LAI_CHAU_PLAN.replace("kiểm tra việc", "kiểm tra, giám sát việc"), encoding="utf-8")
        assert ingest([extra], store).documents == 1
        M.refresh(ix)
        assert M.BUILD["full"] == 0.0
        after = {r[0] for r in ix.db.execute("SELECT text FROM agg_page WHERE text LIKE '%giám sát việc chấp hành%'")}
        assert {t.replace("kiểm tra việc", "kiểm tra, giám sát việc") for t in before} == after
        assert D.COLUMNS.startswith("key, task, via, relation, doc")
    finally:
        store.close()
