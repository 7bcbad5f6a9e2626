"""Aggregates over every central document, materialised in the flow index: ``agg_reach`` (central document →
document carrying it out, directly or through others, as the trace walks it), ``agg_tasks`` (central document →
task carrying it out, with the task's document, province, deadline) and ``agg_prov`` (document → province).
They are brought in step on the first read after the index changed (its ``generation``): per change, or in
full (:mod:`graph_api.flow.maintain`), so a request reads counts instead of walking the graph; a central
document's counts equal its trace's."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from graph_api.flow import read as R
from graph_api.flow.index import FlowIndex, locked
from graph_api.flow.maintain import BUILD, refresh

__all__ = ["refresh", "overview", "coverage_matrix", "bodies", "document_links", "BUILD"]


def _state_sql(as_of: str) -> str:
    """SQL CASE giving a task's state on ``as_of`` (as :func:`graph_api.flow.read.status`)."""
    return (
        "CASE WHEN ongoing THEN 'ongoing' WHEN deadline IS NULL OR deadline = '' THEN 'no deadline' "
        f"WHEN length(deadline) = 10 AND deadline < '{as_of}' THEN 'overdue' ELSE 'open' END"
    )


def _as_of(as_of: str | dt.date | None) -> str:
    day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    return day.isoformat()


@locked
def overview(ix: FlowIndex, *, as_of: str | dt.date | None = None, top: int | None = 20) -> list[dict]:
    """Central documents carried out, most first (documents + tasks, then provinces): each with ``iri``,
    ``symbol``, ``title``, ``year``, ``kind``, ``documents`` and ``tasks`` carrying it out (as its trace counts
    them), ``provinces`` they come from, and tasks ``open``, ``overdue``, ``ongoing``, ``no deadline``."""
    refresh(ix)
    day = _as_of(as_of)
    counts: dict[str, dict] = defaultdict(
        lambda: {"documents": 0, "tasks": 0, "provinces": 0, "open": 0, "overdue": 0, "ongoing": 0, "no deadline": 0}
    )
    for root, n in ix.db.execute("SELECT root, COUNT(*) FROM agg_reach GROUP BY root"):
        counts[root]["documents"] = n
    for root, state, n in ix.db.execute(
        f"SELECT root, {_state_sql(day)} AS st, COUNT(*) FROM agg_tasks GROUP BY root, st"
    ):
        counts[root]["tasks"] += n
        counts[root][state] += n
    for root, n in ix.db.execute(
        "SELECT root, COUNT(DISTINCT province) FROM (SELECT root, province FROM agg_tasks UNION "
        "SELECT r.root, p.province FROM agg_reach r JOIN agg_prov p ON p.doc = r.doc) GROUP BY root"
    ):
        counts[root]["provinces"] = n
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1]["documents"] + kv[1]["tasks"]), -kv[1]["provinces"], kv[0]))
    chosen = ranked[:top] if top is not None else ranked
    info = R.documents_info(ix, [r for r, _ in chosen])
    out = [{"iri": r, **_describe(info.get(r, {})), **c} for r, c in chosen]
    out.sort(key=lambda d: (-(d["documents"] + d["tasks"]), -d["provinces"], d["label"], d["iri"]))
    return out


def _describe(info: dict) -> dict:
    keys = ("symbol", "title", "year", "kind", "date")
    label = info.get("symbol") or info.get("title") or ""
    return {"label": label, **{k: info.get(k) for k in keys}}


@locked
def coverage_matrix(ix: FlowIndex, *, max_columns: int = 40) -> dict:
    """Provinces × the central documents with the most tasks carrying them out (``max_columns`` of them) →
    ``matrix`` of those tasks' counts, as each document's trace counts them in each province:
    ``{"provinces": [{iri, label}], "documents": [{iri, label, symbol, title}], "matrix": [[int]]}``."""
    refresh(ix)
    totals = ix.db.execute(
        "SELECT root, COUNT(*) AS n FROM agg_tasks GROUP BY root ORDER BY n DESC, root LIMIT ?", (max_columns,)
    ).fetchall()
    columns = [r for r, _ in totals]
    cells: dict[tuple[str, str], int] = {}
    for root, prov, n in R._rows(
        ix.db,
        "SELECT root, province, COUNT(*) FROM agg_tasks WHERE root IN ({in}) AND province IS NOT NULL "
        "GROUP BY root, province",
        columns,
    ):
        cells[(prov, root)] = n
    names = R.label_map(ix, {p for p, _ in cells})
    label = {p: (names.get(p) or [p.rstrip("/").rsplit("/", 1)[-1]])[0] for p, _ in cells}
    provinces = sorted(label, key=lambda p: (label[p], p))
    info = R.documents_info(ix, columns)
    docs = [
        {"iri": c, **{k: v for k, v in _describe(info.get(c, {})).items() if k in ("label", "symbol", "title")}}
        for c in columns
    ]
    for d in docs:
        d["label"] = d["label"] or d["iri"]
    return {
        "provinces": [{"iri": p, "label": label[p]} for p in provinces],
        "documents": docs,
        "matrix": [[cells.get((p, c), 0) for c in columns] for p in provinces],
    }


@locked
def bodies(ix: FlowIndex, *, as_of: str | dt.date | None = None, top: int | None = 20) -> list[dict]:
    """Bodies by tasks led or shared: ``iri``, ``label``, ``province``, ``tasks``, ``lead``, ``open`` (deadline not
    passed on ``as_of``, or ongoing), ``overdue`` (deadline passed); most tasks first."""
    day = _as_of(as_of)
    rows = ix.db.execute(
        "SELECT b.body, COUNT(DISTINCT b.task), COUNT(DISTINCT CASE WHEN b.role = 'lead' THEN b.task END), "
        "COUNT(DISTINCT CASE WHEN k.ongoing OR substr(k.deadline, 1, 10) >= ? THEN b.task END), "
        "COUNT(DISTINCT CASE WHEN NOT k.ongoing AND length(k.deadline) = 10 AND k.deadline < ? THEN b.task END) "
        "FROM bodies b JOIN tasks k ON k.iri = b.task GROUP BY b.body",
        (day, day),
    ).fetchall()
    rows.sort(key=lambda r: (-r[1], -r[3], r[0]))
    names = R.label_map(ix, [r[0] for r in rows], preferred=True)
    provs = {
        s: v
        for s, v in R._rows(
            ix.db,
            "SELECT s, MIN(value) FROM facts WHERE field = 'province' AND s IN ({in}) GROUP BY s",
            [r[0] for r in rows],
        )
    }
    plabels = R.label_map(ix, set(provs.values()))
    out = [
        {
            "iri": b,
            "label": (names.get(b) or [b.rstrip("/").rsplit("/", 1)[-1]])[0],
            "province": next(iter(plabels.get(provs.get(b, ""), [])), None),
            "tasks": n,
            "lead": lead,
            "open": open_,
            "overdue": overdue,
        }
        for b, n, lead, open_, overdue in rows
    ]
    out.sort(key=lambda d: (-d["tasks"], -d["open"], d["label"], d["iri"]))
    return out[:top] if top is not None else out


@locked
def document_links(ix: FlowIndex) -> list[tuple[str, str, str]]:
    """(document, implements|cites|based_on, document) between documents, a task's links lifted to its document."""
    refresh(ix)
    return ix.db.execute("SELECT s, rel, o FROM agg_links").fetchall()
