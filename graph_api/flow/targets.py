"""Reads about the flow of given targets (a document and the undated mentions that join it): the documents
carrying them out, one page of their tasks, counts by province. The trace (:func:`graph_api.trace.trace`) is
built on :func:`target_tasks`, so every view of a target counts what the trace counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph_api.flow import detail as D
from graph_api.flow import pages as P
from graph_api.flow import read as R
from graph_api.flow.extract import natural_key
from graph_api.flow.index import FlowIndex, locked

__all__ = ["flow", "implementing_documents", "target_tasks", "documents_of", "counts_by_province", "task_states"]

Flow = tuple[dict[str, list[str]], dict[str, tuple[str, str]]]
_KEEP = 64  # flows kept per index (of its current generation)


def _targets(targets: str | Iterable[str]) -> list[str]:
    return [targets] if isinstance(targets, str) else list(dict.fromkeys(targets))


def _day(as_of: str | dt.date | None) -> dt.date:
    if isinstance(as_of, dt.date):
        return as_of
    return dt.date.fromisoformat(as_of) if as_of else dt.date.today()


def flow(ix: FlowIndex, targets: str | Iterable[str]) -> Flow:
    """(documents carrying the targets out → chain, task → (document it carries out or is part of, how)),
    kept until the index changes."""
    ts = _targets(targets)
    key = ("flow", ix.generation, tuple(ts))
    with ix.lock:
        if key in ix.cache:
            return ix.cache[key]
        plans = R.closure(ix, ts)
        how = R.tasks_via(ix, ts, list(plans))
        stale = [k for k in ix.cache if k[0] == "flow" and k[1] != key[1]]
        for k in stale[: len(stale)] + list(ix.cache)[: max(0, len(ix.cache) - _KEEP)]:
            ix.cache.pop(k, None)
        ix.cache[key] = (plans, how)
        return plans, how


def task_states(ix: FlowIndex, tasks: Iterable[str], as_of: str | dt.date | None = None) -> dict[str, dict]:
    """{task: {document, status}} of tasks (status as the trace gives it on ``as_of``)."""
    today = _day(as_of)
    out = {}
    for t, doc, deadline, ongoing in R._rows(
        ix.db, "SELECT iri, doc, deadline, ongoing FROM tasks WHERE iri IN ({in})", tasks
    ):
        out[t] = {"document": doc, "status": R.status(deadline, bool(ongoing), today)}
    return out


@dataclass
class _Slice:
    """A page of a trace before its details: its tasks (with or without a text) and how each goes, the chains
    of the documents they belong to or come through, whether tasks follow, the whole trace's counts, and the
    documents no task of the trace comes through (for the page that ends it)."""

    total: int
    tasks: list[str]
    how: dict[str, tuple[str, str]]
    chains: dict[str, list[str]]
    more: bool
    documents_total: int
    provinces_total: int
    bare: list[str]
    docs: dict[str, str]  # the document each task of the page belongs to
    details: dict[str, dict] | None = None  # the tasks' details and quotes, when kept rows gave them
    quotes: dict[tuple[str, str], str] | None = None
    labels: dict[str, dict] | None = None  # the documents of the chains as the trace shows them, when kept


def _task_docs(ix: FlowIndex, tasks: Iterable[str]) -> dict[str, str]:
    """The document each task belongs to (the smallest, as the kept rows give it)."""
    return dict(R._rows(ix.db, "SELECT iri, MIN(doc) FROM tasks WHERE iri IN ({in}) GROUP BY iri", tasks))


def _touched(tasks: Iterable[str], how: dict[str, tuple[str, str]], docs: dict[str, str], chains: dict) -> set[str]:
    """The documents carrying the targets out that ``tasks`` belong to or come through, with their chains."""
    out: set[str] = set()
    for t in tasks:
        for d in (how[t][0], docs.get(t, "")):
            if d in chains:
                out.add(d)
                out.update(chains[d][:-1])  # the last of a chain is a target
    return out


def _kept_slice(ix: FlowIndex, kept: P.Kept, limit: int | None, offset: int, after: str | None) -> _Slice:
    rows, more = P.page(ix, kept, limit=limit, offset=offset, after=after)
    how = {r[1]: (r[2], r[3]) for r in rows}
    docs = {r[1]: r[4] for r in rows if r[4] is not None}
    quotes = {(r[1], r[2]): r[14] for r in rows if r[14] is not None}
    chains, labels = P.chains(ix, kept.roots, {v for v, _ in how.values()} | set(docs.values()))
    for chain in list(chains.values()):  # a chain's documents have the rest of it as theirs
        chains.update({c: chain[i + 1 :] for i, c in enumerate(chain[:-1]) if c not in chains})
    bare = [] if more else P.bare(ix, kept)
    more_chains, more_labels = P.chains(ix, kept.roots, set(bare))
    chains.update(more_chains)
    labels.update(more_labels)
    total, documents_total, provinces_total = P.totals(ix, kept)
    part = _Slice(total, list(how), how, chains, more, documents_total, provinces_total, bare, docs)
    part.details, part.quotes, part.labels = D.details(ix, rows), quotes, labels
    return part


def _computed_slice(
    ix: FlowIndex, ts: list[str], province: str | None, limit: int | None, offset: int, after: str | None
) -> _Slice:
    plans, how = flow(ix, ts)
    every = sorted(how, key=R.natural)
    where = R.task_provinces(ix, every)
    if province:
        every = [t for t in every if (where[t] or "").lower() == province.lower()]
    order = every
    if after is not None:
        mark = natural_key(after)
        order = [t for t in order if natural_key(t) > mark]
    end = None if limit is None else offset + limit
    more = end is not None and len(order) > end
    docs = _task_docs(ix, every)
    touched = _touched(every, how, docs, plans)
    info = R.documents_info(ix, plans)
    provinces = {where[t] for t in every} | {info[d].get("province") for d in plans}
    bare = [] if more else [d for d in plans if d not in touched]
    page = order[offset:end]
    docs = {t: docs[t] for t in page if t in docs}
    return _Slice(len(every), page, how, plans, more, len(plans), len(provinces - {None}), bare, docs)


def _shown(ix: FlowIndex, ts: list[str], part: _Slice, today: dt.date) -> tuple[list[dict], list[dict]]:
    """(the page's tasks with their details, chains, ways, quotes and status on ``today``; the documents they belong
    to or come through, and on the last page those without tasks, with their chains, in the whole trace's order)."""
    how, chains = part.how, part.chains
    details = R.task_rows(ix, part.tasks) if part.details is None else part.details
    quotes = R.quotes(ix, [(t, how[t][0]) for t in part.tasks]) if part.quotes is None else part.quotes
    shown = _touched(part.tasks, how, part.docs, chains) | set(part.bare)
    docs = sorted(shown, key=lambda d: (len(chains[d]), d))
    ways = {v: ([] if v in ts else [v] + chains[v][:-1]) for v, _ in (how[t] for t in part.tasks)}
    chained = {*(c for d in docs for c in chains[d]), *(c for w in ways.values() for c in w)}
    kept = part.labels or {}
    labels = {**kept, **document_labels(ix, {*docs, *ts, *chained} - set(kept))}
    tasks = []
    for t in part.tasks:
        v, relation = how[t]
        d = details.get(t)
        if d is None:
            continue
        d["chain"] = [labels.get(c, {"iri": c}) for c in ways[v]]
        d["via"] = "direct" if not ways[v] else relation
        d["quote"] = quotes.get((t, v))
        d["status"] = R.status(d["deadline"], d["ongoing"], today)
        tasks.append(d)
    documents = [{**labels.get(d, {"iri": d}), "chain": [labels.get(c, {"iri": c}) for c in chains[d]]} for d in docs]
    return tasks, documents


@locked
def target_tasks(
    ix: FlowIndex,
    targets: str | Iterable[str],
    *,
    province: str | None = None,
    as_of: str | dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
    kept: bool = True,
) -> dict:
    """One page of the trace of the targets: its tasks in the order of their IRIs (numbers as numbers), with their
    details, status on ``as_of``, chain of documents up to a target, how (``direct``, ``implements``, ``part of``)
    and the sentence read; the documents carrying the targets out that these tasks belong to or come through (each
    with its chain; the page that ends the trace adds those no task of it comes through, so the pages together
    list every document), in the whole trace's order (nearest first, then by IRI); ``total`` (tasks),
    ``documents_total``, ``provinces_total`` (of the tasks and documents) counting the whole trace; ``next``, the
    cursor of the next page (None on the last). ``province`` (a label, any case) keeps that province's tasks,
    before the page is cut; ``after`` (a task IRI: a keyset cursor) starts the page after that task in this order
    (``offset`` then counts from there). ``kept=False`` computes the targets' flow even when kept rows would answer
    (the reference they are checked against)."""
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    ts = _targets(targets)
    found = P.kept_of(ix, ts) if kept and not province else None
    part = (
        _kept_slice(ix, found, limit, offset, after)
        if found
        else _computed_slice(ix, ts, province, limit, offset, after)
    )
    tasks, documents = _shown(ix, ts, part, _day(as_of))
    return {
        "total": part.total,
        "documents_total": part.documents_total,
        "provinces_total": part.provinces_total,
        "offset": offset,
        "limit": limit,
        "as_of": _day(as_of).isoformat(),
        "next": part.tasks[-1] if part.more else None,
        "documents": documents,
        "tasks": tasks,
    }


@locked
def documents_of(
    ix: FlowIndex, targets: str | Iterable[str], *, kept: bool = True
) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(every document carrying the targets out, each with its chain of IRIs up to a target, nearest first; those
    documents and the targets as the trace shows them, :func:`document_labels`): read from the kept rows for a
    central document (unless ``kept=False``), else computed."""
    ts = _targets(targets)
    root = P.root_of(ix, ts) if kept else None
    if root is None:
        plans = flow(ix, ts)[0]
        return plans, document_labels(ix, [*plans, *ts])
    plans, labels = P.documents(ix, root)
    return plans, {**labels, **document_labels(ix, ts)}


def document_labels(ix: FlowIndex, iris: Iterable[str]) -> dict[str, dict]:
    """{iri: {iri, symbol, year, kind, province}} as the trace shows documents."""
    info = R.documents_info(ix, iris)
    keys = ("symbol", "year", "kind", "province")
    return {d: {"iri": d, **{k: i.get(k) for k in keys}} for d, i in info.items()}


@locked
def implementing_documents(ix: FlowIndex, targets: str | Iterable[str]) -> list[dict]:
    """Documents carrying the targets out (directly or through one another), as the trace lists them, each with
    ``province_iri``, ``title``, ``chain`` (labels up to a target), ``tasks`` (its own tasks that carry the targets
    out) and ``leads`` ({lead body label: tasks}); by province, symbol, IRI."""
    ts = _targets(targets)
    plans, how = flow(ix, ts)
    info = R.documents_info(ix, list(plans) + ts)
    labels = {d: {"iri": d, **{k: i.get(k) for k in ("symbol", "year", "kind", "province")}} for d, i in info.items()}
    doc_of = {t: s["document"] for t, s in task_states(ix, how).items()}
    own: dict[str, list[str]] = defaultdict(list)
    for t, d in doc_of.items():
        if d in plans:
            own[d].append(t)
    leads: dict[str, Counter] = defaultdict(Counter)
    owner = {t: d for d, tasks in own.items() for t in tasks}
    rows = list(R._rows(ix.db, "SELECT DISTINCT task, body FROM bodies WHERE role = 'lead' AND task IN ({in})", owner))
    names = R.label_map(ix, {b for _, b in rows}, preferred=True)
    for t, b in rows:
        leads[owner[t]][(names.get(b) or [b.rsplit("/", 1)[-1]])[0]] += 1
    out = [
        {
            **labels.get(p, {"iri": p}),
            "province_iri": info.get(p, {}).get("province_iri"),
            "title": info.get(p, {}).get("title"),
            "chain": [labels.get(c, {"iri": c}) for c in chain],
            "tasks": len(own.get(p, ())),
            "leads": dict(sorted(leads[p].items(), key=lambda kv: (-kv[1], kv[0]))),
        }
        for p, chain in plans.items()
    ]
    out.sort(key=lambda d: (d.get("province") or "", d.get("symbol") or "", d["iri"]))
    return out


@locked
def counts_by_province(
    ix: FlowIndex, targets: str | Iterable[str], *, as_of: str | dt.date | None = None
) -> list[dict]:
    """Per province (label; ``(unknown)`` for documents without one): ``tasks`` carrying the targets out, of which
    ``open``, ``overdue``, ``ongoing``, ``no deadline``, and ``documents`` carrying them out; by province."""
    ts = _targets(targets)
    plans, how = flow(ix, ts)
    states = task_states(ix, how, as_of)
    info = R.documents_info(ix, set(plans) | {s["document"] for s in states.values()})
    per: dict[str, dict] = {}

    def row(doc: str) -> dict:
        i = info.get(doc, {})
        p = i.get("province") or "(unknown)"
        zero = {"tasks": 0, "open": 0, "overdue": 0, "ongoing": 0, "no deadline": 0, "documents": 0}
        return per.setdefault(p, {"province": p, "province_iri": i.get("province_iri"), **zero})

    for t in how:
        s = states.get(t)
        if s is None:
            continue
        r = row(s["document"])
        r["tasks"] += 1
        r[s["status"]] += 1
    for p in plans:
        row(p)["documents"] += 1
    return [per[p] for p in sorted(per)]
