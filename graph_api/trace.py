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
import re
from collections import defaultdict

from core.errors import NotFound
from graph_api.resolver import document_info, find_documents, resolve_targets
from graph_api.resolver import value_of as _v
from graph_api.resolver import values as _values
from graph_api.store import GraphStore
from ontology import ELI, RDF, RDFS, VK
from ontology.iris import checked_iri

_MAX_DEPTH = 6


def implementing_documents(store: GraphStore, targets: list[str]) -> dict[str, list[str]]:
    """Documents that carry out the targets, directly or transitively: {document: chain of IRIs to a target}."""
    chains: dict[str, list[str]] = {t: [] for t in targets}
    frontier = list(targets)
    for _ in range(_MAX_DEPTH):
        if not frontier:
            break
        rows = store.select(f"""SELECT DISTINCT ?a ?b WHERE {{ {_values("b", frontier)}
            ?a <{ELI.implements}> ?b . FILTER NOT EXISTS {{ ?a a <{VK.Task}> }} }}""")
        frontier = []
        for r in rows:
            a, b = _v(r, "a"), _v(r, "b")
            if a not in chains:
                chains[a] = [b] + chains[b]
                frontier.append(a)
    return {d: chain for d, chain in chains.items() if d not in targets}


def _deadline_status(deadline: str | None, ongoing: bool, as_of: dt.date) -> str:
    if ongoing:
        return "ongoing"
    if not deadline:
        return "no deadline"
    try:
        return "overdue" if dt.date.fromisoformat(deadline) < as_of else "open"
    except ValueError:
        return "open"


def task_details(store: GraphStore, tasks: list[str]) -> dict[str, dict]:
    """Source document, province, section, text, bodies and deadline of each task (a few small
    queries rather than one with many OPTIONALs: every SPARQL engine plans those well)."""
    out: dict[str, dict] = {}
    for i in range(0, len(tasks), 200):
        chunk = tasks[i : i + 200]
        for r in store.select(f"""SELECT DISTINCT ?t ?doc ?text ?position ?deadline ?ongoing ?start ?end WHERE {{
                {_values("t", chunk)} ?t <{ELI.is_part_of}> ?doc ; <{VK.text}> ?text .
                OPTIONAL {{ ?t <{VK.position}> ?position }} OPTIONAL {{ ?t <{VK.deadline}> ?deadline }}
                OPTIONAL {{ ?t <{VK.ongoing}> ?ongoing }} OPTIONAL {{ ?t <{VK.startOffset}> ?start }}
                OPTIONAL {{ ?t <{VK.endOffset}> ?end }} }}"""):
            out[_v(r, "t")] = {
                "task": _v(r, "t"),
                "province": None,
                "position": int(_v(r, "position") or 0),
                "section": None,
                "text": _v(r, "text"),
                "deadline": _v(r, "deadline"),
                "ongoing": _v(r, "ongoing") == "true",
                "lead": [],
                "partners": [],
                "span": [int(_v(r, "start")), int(_v(r, "end"))] if _v(r, "start") and _v(r, "end") else None,
                "document": {"iri": _v(r, "doc")},
            }
        for r in store.select(f"""SELECT DISTINCT ?t ?role ?label ?secnum WHERE {{ {_values("t", chunk)}
                {{ ?t <{VK.leadBody}> ?b . ?b <{RDFS.label}> ?label . BIND("lead" AS ?role) }}
                UNION {{ ?t <{VK.partnerBody}> ?b . ?b <{RDFS.label}> ?label . BIND("partners" AS ?role) }}
                UNION {{ ?t <{VK.section}> ?s . ?s <{VK.number}> ?secnum . BIND("section" AS ?role) }} }}"""):
            t = out.get(_v(r, "t"))
            if t is None:
                continue
            if _v(r, "role") == "section":
                t["section"] = _v(r, "secnum")
            elif _v(r, "label") not in t[_v(r, "role")]:
                t[_v(r, "role")].append(_v(r, "label"))
    docs = document_info(store, sorted({t["document"]["iri"] for t in out.values()}))
    for t in out.values():
        info = docs.get(t["document"]["iri"], {})
        t["document"].update({k: info.get(k) for k in ("symbol", "title", "date", "kind", "file")})
        t["province"] = info.get("province")
    return out


def _quotes(store: GraphStore, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The sentence each (task, document) implementation edge was read from; the pairs are bound together
    (binding tasks and documents as two lists would make a cross product of them)."""
    out: dict[tuple[str, str], str] = {}
    for i in range(0, len(pairs), 200):
        values = " ".join(f"(<{t}> <{o}>)" for t, o in pairs[i : i + 200])
        for r in store.select(f"""SELECT DISTINCT ?t ?o ?quote WHERE {{ VALUES (?t ?o) {{ {values} }}
                ?e <{RDF.subject}> ?t ; <{RDF.object}> ?o ; <{RDF.predicate}> <{ELI.implements}> ;
                   <{VK.quote}> ?quote }}"""):
            out[(_v(r, "t"), _v(r, "o"))] = _v(r, "quote")
    return out


def _labels(store: GraphStore, iris: list[str]) -> dict[str, dict]:
    info = document_info(store, iris)
    return {
        d: {
            "iri": d,
            "symbol": i.get("symbol"),
            "year": i.get("year"),
            "kind": i.get("kind"),
            "province": i.get("province"),
        }
        for d, i in info.items()
    }


def _natural(iri: str) -> list:
    """Sort key of an IRI with its numbers compared as numbers (…/task/2 before …/task/10)."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", iri)]


def _provinces_of_tasks(store: GraphStore, tasks: list[str]) -> dict[str, str | None]:
    """The province of each task's source document (a task's IRI is its document's IRI + ``/task/N``)."""
    docs = sorted({t.rsplit("/task/", 1)[0] for t in tasks})
    names: dict[str, str] = {}
    for i in range(0, len(docs), 500):
        for r in store.select(f"""SELECT DISTINCT ?d ?label WHERE {{ {_values("d", docs[i : i + 500])}
                ?d <{VK.province}> ?p . ?p <{RDFS.label}> ?label }}"""):
            names[_v(r, "d")] = _v(r, "label")
    return {t: names.get(t.rsplit("/task/", 1)[0]) for t in tasks}


def _tasks_via(store: GraphStore, target_iris: list[str], plans: list[str]) -> dict[str, tuple[str, str]]:
    """Each task carrying out a target or a plan: (the document it carries out or is part of, how) — a target
    rather than a plan when it does both."""
    via = target_iris + plans
    how: dict[str, tuple[str, str]] = {}
    for i in range(0, len(via), 500):
        for relation, predicate in (("implements", ELI.implements), ("part of", ELI.is_part_of)):
            # one query a relation: cheaper than a UNION of both
            for r in store.select(f"""SELECT DISTINCT ?t ?via WHERE {{ {_values("via", via[i : i + 500])}
                    ?t <{predicate}> ?via . ?t a <{VK.Task}> }}"""):
                t, v = _v(r, "t"), _v(r, "via")
                if t not in how or (v in target_iris and how[t][0] not in target_iris):
                    how[t] = (v, relation)
    return how


def trace(
    store: GraphStore,
    ref: str,
    *,
    year: int | None = None,
    province: str | None = None,
    as_of: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict:
    """Every task that carries out the document ``ref`` (a symbol or an IRI), with its chain.

    Tasks come in the order of their IRIs (province, issuer, kind, year, number of their document, then
    position). ``limit``/``offset`` return one page of them with all the details, ``total`` counting them
    all: on a national store a central document has thousands of tasks, and a page costs what its tasks
    cost. ``documents`` lists every document carrying ``ref`` out, whatever the page."""
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    targets = resolve_targets(store, ref, year=year)
    target_iris = [d["iri"] for d in targets]
    plans = implementing_documents(store, target_iris)
    how = _tasks_via(store, target_iris, list(plans))
    order = sorted(how, key=_natural)
    if province:
        where = _provinces_of_tasks(store, order)
        order = [t for t in order if (where[t] or "").lower() == province.lower()]
    page = order[offset : offset + limit] if limit is not None else order[offset:]
    details = task_details(store, page)
    quotes = _quotes(store, [(t, how[t][0]) for t in page])
    labels = _labels(store, list(plans) + target_iris)
    today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    tasks = []
    for t in page:
        v, relation = how[t]
        d = details.get(t)
        if d is None:
            continue
        chain = [] if v in target_iris else [v] + plans[v][:-1]
        d["chain"] = [labels.get(c, {"iri": c}) for c in chain]
        d["via"] = "direct" if not chain else relation
        d["quote"] = quotes.get((t, v))
        d["status"] = _deadline_status(d["deadline"], d["ongoing"], today)
        tasks.append(d)
    documents = [{**labels.get(p, {"iri": p}), "chain": [labels.get(c, {"iri": c}) for c in plans[p]]} for p in plans]
    return {
        "target": targets[0] if len(targets) == 1 else targets,
        "targets": targets,
        "as_of": today.isoformat(),
        "total": len(order),
        "offset": offset,
        "limit": limit,
        "documents": documents,
        "tasks": tasks,
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
        found = find_documents(store, ref, year=year, province=province)
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
    labels = _labels(store, list(reached))
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
    result = trace(store, ref, year=year, as_of=as_of)
    per: dict[str, dict[str, int]] = defaultdict(lambda: {"tasks": 0, "open": 0, "overdue": 0})
    for t in result["tasks"]:
        p = t["province"] or "(unknown)"
        per[p]["tasks"] += 1
        if t["status"] in ("open", "overdue"):
            per[p][t["status"]] += 1
    in_store = {
        _v(r, "label")
        for r in store.select(f"""SELECT DISTINCT ?label WHERE {{
        ?d a <{VK.SourceDocument}> ; <{VK.province}> ?p . ?p <{RDFS.label}> ?label }}""")
    }
    return {
        "target": result["target"],
        "as_of": result["as_of"],
        "with_tasks": [{"province": p, **c} for p, c in sorted(per.items())],
        "without_tasks": sorted(in_store - set(per)),
    }


def coverage_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    heads = ["province", "tasks", "open", "overdue"]
    rows = [[r["province"], str(r["tasks"]), str(r["open"]), str(r["overdue"])] for r in result["with_tasks"]]
    rows += [[p, "0", "0", "0"] for p in result["without_tasks"]]
    return heads, rows
