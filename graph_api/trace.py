"""The trace: which tasks carry out a document, directly or through provincial plans and
programmes that themselves carry it out; the reverse; and coverage by province.

Everything is answered by SPARQL over the store (any ``GraphStore``), using the same patterns
as the saved queries in ``queries/`` (``trace.rq``, ``serves.rq``, ``coverage.rq``).

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
>>> result = trace(store, "69-QĐ/TW")
>>> [(t["province"], t["document"]["symbol"] or t["document"]["kind"]) for t in result["tasks"]]
[('Tuyên Quang', 'conclusion')]
"""

from __future__ import annotations

import datetime as dt

from core.errors import NotFound
from graph_api.flow import read as R
from graph_api.flow import targets as F
from graph_api.flow.index import FlowIndex, flow_for
from graph_api.resolver import find_documents, resolve_targets
from graph_api.resolver import value_of as _v
from graph_api.resolver import values as _values
from graph_api.store import GraphStore
from ontology import ELI, VK
from ontology.iris import checked_iri

_MAX_DEPTH = 6


def implementing_documents(store: GraphStore, targets: list[str]) -> dict[str, list[str]]:
    """Documents that carry out the targets, directly or transitively: {document: chain of IRIs to a target}."""
    return R.closure(flow_for(store), targets)


def _deadline_status(deadline: str | None, ongoing: bool, as_of: dt.date) -> str:
    return R.status(deadline, ongoing, as_of)


def task_details(store: GraphStore, tasks: list[str]) -> dict[str, dict]:
    """Source document, province, section, text, bodies and deadline of each task (from the flow index)."""
    return R.task_rows(flow_for(store), tasks)


def _labels(ix: FlowIndex, iris: list[str]) -> dict[str, dict]:
    return F.document_labels(ix, iris)


def _natural(iri: str) -> list:
    """Sort key of an IRI with its numbers compared as numbers (…/task/2 before …/task/10)."""
    return R.natural(iri)


def trace(
    store: GraphStore,
    ref: str,
    *,
    year: int | None = None,
    province: str | None = None,
    as_of: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> dict:
    """Every task that carries out the document ``ref`` (a symbol or an IRI), with its chain.

    Tasks come in the order of their IRIs (province, issuer, kind, year, number of their document, then
    position). ``limit``/``offset`` return one page of them with all the details: on a national store a central
    document has thousands of tasks, and a page costs what its tasks cost (for a central document, or a symbol
    naming one with its undated mentions, range scans of the flow index's kept rows), whatever the size of the
    corpus. ``after`` (a task IRI) starts the page after that task in this order: a keyset cursor; ``next`` is
    the one of the next page (None on the last). ``documents`` lists the documents carrying ``ref`` out that the
    page's tasks belong to or come through, with their chains, in the whole trace's order; the page that ends the
    trace adds those no task comes through, so the whole trace (no ``limit``) lists every one. ``total``,
    ``documents_total`` and ``provinces_total`` count the whole trace's tasks, documents, and provinces (of its
    tasks and documents), whatever the page."""
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    ix = flow_for(store)
    targets = resolve_targets(store, ref, year=year, index=ix)  # the target's description from the index
    target_iris = [d["iri"] for d in targets]
    with ix.lock:  # one SQLite connection, used by the service's worker threads in turn
        page = F.target_tasks(ix, target_iris, province=province, as_of=as_of, limit=limit, offset=offset, after=after)
    return {
        "target": targets[0] if len(targets) == 1 else targets,
        "targets": targets,
        "as_of": page["as_of"],
        "total": page["total"],
        "documents_total": page["documents_total"],
        "provinces_total": page["provinces_total"],
        "offset": offset,
        "limit": limit,
        **({"after": after} if after is not None else {}),
        "next": page["next"],
        "documents": page["documents"],
        "tasks": page["tasks"],
    }


def trace_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    """Flat rows of a trace for tables and CSV."""
    heads = ["province", "document", "section", "task", "lead", "partners", "deadline", "status", "chain"]
    rows = []
    for t in result["tasks"]:
        doc = t["document"]
        rows.append(
            [
                t["province"] or "",
                doc["symbol"] or f"{doc['kind'] or ''} {doc['date'] or ''}".strip(),
                t["section"] or "",
                " ".join(t["text"].split()),  # in full: tables wrap, CSV never cuts
                "; ".join(t["lead"]),
                "; ".join(t["partners"]),
                t["deadline"] or "",
                t["status"],
                " → ".join(c.get("symbol") or c["iri"] for c in t["chain"]) or "direct",
            ]
        )
    for d in result["documents"]:
        rows.append(
            [
                d.get("province") or "",
                d.get("symbol") or d["iri"],
                "",
                "(document carrying it out)",
                "",
                "",
                "",
                "",
                " → ".join(c.get("symbol") or c["iri"] for c in d["chain"]),
            ]
        )
    return heads, rows


def serves(store: GraphStore, ref: str, *, year: int | None = None, province: str | None = None) -> dict:
    """The reverse: the documents a task or a provincial document serves, up to the central ones."""
    if "/task/" in ref:
        try:
            starts = [checked_iri(ref)]
        except ValueError as e:
            raise NotFound(str(e)) from e
    else:
        found = find_documents(store, ref, year=year, province=province, index=flow_for(store))
        if not found:
            raise NotFound(f"no document {ref} in the store")
        starts = [d["iri"] for d in found]
    rows = store.select(f"""SELECT DISTINCT ?s ?o WHERE {{ {_values("start", starts)}
        {{ ?start <{ELI.implements}> ?o . BIND(?start AS ?s) }}
        UNION {{ ?t <{ELI.is_part_of}> ?start ; a <{VK.Task}> ; <{ELI.implements}> ?o . BIND(?t AS ?s) }} }}""")
    reached: dict[str, list[str]] = {}
    frontier = []
    for r in rows:
        o = _v(r, "o")
        if o not in reached:
            reached[o] = [_v(r, "s")]
            frontier.append(o)
    for _ in range(_MAX_DEPTH):
        if not frontier:
            break
        up = store.select(f"""SELECT DISTINCT ?a ?b WHERE {{ {_values("a", frontier)} ?a <{ELI.implements}> ?b }}""")
        frontier = []
        for r in up:
            a, b = _v(r, "a"), _v(r, "b")
            if b not in reached:
                reached[b] = reached[a] + [a]
                frontier.append(b)
    levels = {
        _v(r, "d"): _v(r, "level")
        for r in store.select(
            f"""SELECT DISTINCT ?d ?level WHERE {{ {_values("d", list(reached) or starts)}
            ?d <{VK.level}> ?l . BIND(STRAFTER(STR(?l), "/level/") AS ?level) }}"""
        )
    }
    ix = flow_for(store)
    with ix.lock:
        labels = _labels(ix, list(reached))
    served = [{**labels.get(d, {"iri": d}), "level": levels.get(d), "through": path} for d, path in reached.items()]
    return {"from": starts, "serves": served}


def serves_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    heads = ["document", "level", "year", "through"]
    return heads, [
        [s.get("symbol") or s["iri"], s.get("level") or "", str(s.get("year") or ""), " ← ".join(s["through"])]
        for s in result["serves"]
    ]


def coverage(store: GraphStore, ref: str, *, year: int | None = None, as_of: str | None = None) -> dict:
    """For a document: provinces in the store with tasks carrying it out (open and overdue counts),
    and provinces in the store with none."""
    ix = flow_for(store)
    targets = resolve_targets(store, ref, year=year, index=ix)
    with ix.lock:
        per = F.counts_by_province(ix, [d["iri"] for d in targets], as_of=as_of)
        in_store = set(R.source_provinces(ix).values())
    with_tasks = [{k: r[k] for k in ("province", "tasks", "open", "overdue")} for r in per if r["tasks"]]
    return {
        "target": targets[0] if len(targets) == 1 else targets,
        "as_of": (dt.date.fromisoformat(as_of) if as_of else dt.date.today()).isoformat(),
        "with_tasks": with_tasks,
        "without_tasks": sorted(in_store - {r["province"] for r in with_tasks}),
    }


def coverage_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    heads = ["province", "tasks", "open", "overdue"]
    rows = [[r["province"], str(r["tasks"]), str(r["open"]), str(r["overdue"])] for r in result["with_tasks"]]
    rows += [[p, "0", "0", "0"] for p in result["without_tasks"]]
    return heads, rows
