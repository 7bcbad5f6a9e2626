"""Reads of the flow index shared by the trace, the views and the analytics: descriptions of documents, the
documents carrying targets out (transitively, as :func:`graph_api.trace.trace` defines it), the tasks that carry
them out and their details. Everything joins the per-graph rows at read time, so the copies of a document's
description in many graphs add up instead of multiplying (as in :func:`graph_api.resolver.document_info`)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator

from graph_api.flow.index import FlowIndex

__all__ = [
    "MAX_DEPTH",
    "documents_info",
    "documents_named",
    "closure",
    "tasks_via",
    "task_rows",
    "task_provinces",
    "quotes",
    "status",
    "natural",
    "label_map",
    "source_provinces",
]

MAX_DEPTH = 6
_CHUNK = 2000


_NUMBERS = re.compile(r"(\d+)")


def natural(iri: str) -> list:
    """Sort key of an IRI with its numbers compared as numbers (…/task/2 before …/task/10)."""
    parts: list = _NUMBERS.split(iri)  # text, number, text, …: the numbers at the odd places
    parts[1::2] = map(int, parts[1::2])
    return parts


def status(deadline: str | None, ongoing: bool, as_of: dt.date) -> str:
    """``ongoing``, ``no deadline``, ``overdue`` (deadline before ``as_of``) or ``open``."""
    if ongoing:
        return "ongoing"
    if not deadline:
        return "no deadline"
    try:
        return "overdue" if dt.date.fromisoformat(deadline) < as_of else "open"
    except ValueError:
        return "open"


def _chunks(items: list[str]) -> Iterator[tuple[list[str], str]]:
    for i in range(0, len(items), _CHUNK):
        chunk = items[i : i + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _rows(db: sqlite3.Connection, sql: str, items: Iterable[str], *extra: object) -> Iterator[tuple]:
    """Rows of ``sql`` (with an ``{in}`` slot) for the items, a chunk at a time."""
    for chunk, marks in _chunks(sorted(set(items))):
        yield from db.execute(sql.format(**{"in": marks}), (*chunk, *extra))


def label_map(
    ix: FlowIndex, iris: Iterable[str], lang: str | None = None, *, preferred: bool = False
) -> dict[str, list[str]]:
    """Distinct ``rdfs:label`` of each IRI (in any graph), in order; ``lang`` keeps that language only;
    ``preferred`` puts the ``skos:prefLabel`` first and takes the ``rdfs:label`` of IRIs without one."""
    key = ("labels", ix.generation, lang, preferred)
    if key not in ix.cache:  # labels of bodies, provinces, kinds: few, read again and again, kept per generation
        for old in [k for k in ix.cache if k[0] == "labels" and k[1] != key[1]]:
            del ix.cache[old]
    known: dict[str, list[str]] = ix.cache.setdefault(key, {})
    wanted = [i for i in dict.fromkeys(iris) if i not in known]
    found: dict[str, list[str]] = defaultdict(list)
    preds = "('pref', 'label')" if preferred else "('label')"
    sql = f"SELECT DISTINCT s, label, pred FROM labels WHERE s IN ({{in}}) AND pred IN {preds}"
    sql += (" AND lang = ?" if lang else "") + " ORDER BY s, pred = 'label', label"
    seen_pref: set[str] = set()
    for s, label, pred in _rows(ix.db, sql, wanted, *((lang,) if lang else ())):
        if pred == "pref":
            seen_pref.add(s)
        elif s in seen_pref:
            continue
        found[s].append(label)
    for i in wanted:
        known[i] = found.get(i, [])
    return {i: known[i] for i in iris if known.get(i)}


def documents_info(ix: FlowIndex, iris: Iterable[str]) -> dict[str, dict[str, str]]:
    """Symbol, title, date, year, file, kind and province (labels) of documents, and ``province_iri`` and
    ``level``, read from every graph that describes them: a field's value in the document's own graph first, else
    in the reference graph, else the smallest (kept per document, see ``graph_api.flow.index``). Documents nothing
    describes get ``{}``."""
    iris = list(dict.fromkeys(iris))
    ix.clean()
    out: dict[str, dict[str, str]] = {d: {} for d in iris}
    for s, field, value in _rows(ix.db, "SELECT s, field, value FROM docinfo WHERE s IN ({in})", iris):
        out[s][field] = value
    kinds = label_map(ix, {v["kind"] for v in out.values() if v.get("kind")}, "en")
    provinces = label_map(ix, {v["province"] for v in out.values() if v.get("province")})
    for v in out.values():
        if v.get("kind"):
            names = kinds.get(v.pop("kind"))
            if names:
                v["kind"] = names[0].lower()
        if v.get("province"):
            v["province_iri"] = v["province"]
            names = provinces.get(v["province"])
            if names:
                v["province"] = names[0]
            else:
                del v["province"]
    return out


def documents_named(ix: FlowIndex, symbol: str) -> list[str]:
    """The documents some graph gives the symbol ``symbol`` (``eli:id_local``, as written), by IRI (kept per
    document: a range scan as long as the documents carrying the symbol)."""
    ix.clean()
    return [r[0] for r in ix.db.execute("SELECT s FROM docnames WHERE symbol = ? ORDER BY s", (symbol,))]


def _tasks_among(ix: FlowIndex, iris: Iterable[str]) -> set[str]:
    return {r[0] for r in _rows(ix.db, "SELECT DISTINCT s FROM types WHERE type = 'task' AND s IN ({in})", iris)}


def closure(ix: FlowIndex, targets: list[str]) -> dict[str, list[str]]:
    """Documents that carry out the targets, directly or through documents that do (up to ``MAX_DEPTH``
    levels): {document: chain of IRIs up to a target}, nearest first; a document reached by two paths keeps the
    one through the smallest IRI."""
    chains: dict[str, list[str]] = {t: [] for t in targets}
    frontier = list(targets)
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        edges = sorted(
            set(_rows(ix.db, "SELECT DISTINCT s, o FROM links WHERE rel = 'implements' AND o IN ({in})", frontier))
        )
        tasks = _tasks_among(ix, {a for a, _ in edges})
        frontier = []
        for a, b in sorted(edges, key=lambda e: (e[0], e[1])):
            if a not in chains and a not in tasks:
                chains[a] = [b] + chains[b]
                frontier.append(a)
    return {d: chain for d, chain in chains.items() if d not in targets}


def tasks_via(ix: FlowIndex, targets: list[str], plans: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each task carrying out a target or a plan (``implements``) or part of one (``part of``): (the document it
    carries out or is part of, how) — a target rather than a plan when it does both."""
    wanted = set(targets)
    how: dict[str, tuple[str, str]] = {}
    via = [*targets, *plans]
    found = list(
        _rows(
            ix.db,
            "SELECT DISTINCT l.s, l.o, 'implements' FROM links l WHERE l.rel = 'implements' AND l.o IN ({in}) "
            "AND EXISTS (SELECT 1 FROM types t WHERE t.s = l.s AND t.type = 'task')",
            via,
        )
    )
    found += list(_rows(ix.db, "SELECT DISTINCT iri, doc, 'part of' FROM tasks WHERE doc IN ({in})", via))
    for t, v, relation in sorted(found):
        if t not in how or (v in wanted and how[t][0] not in wanted):
            how[t] = (v, relation)
    return how


def task_provinces(ix: FlowIndex, tasks: Iterable[str]) -> dict[str, str | None]:
    """The province (label) of each task's document."""
    docs: dict[str, str] = {}
    for t, d in _rows(ix.db, "SELECT DISTINCT iri, doc FROM tasks WHERE iri IN ({in})", tasks):
        docs[t] = d
    info = documents_info(ix, set(docs.values()))
    return {t: info.get(docs.get(t, ""), {}).get("province") for t in tasks}


def task_entry(
    task: str,
    province: str | None,
    document: dict,
    text: str,
    position: int | None,
    deadline: str | None,
    ongoing: int | None,
    start: int | None,
    end: int | None,
    section: str | None,
) -> dict:
    """One task's details as trace pages give them, its bodies still to fill in ("lead", "partners")."""
    return {
        "task": task,
        "province": province,
        "position": position or 0,
        "section": section,
        "text": text,
        "deadline": deadline,
        "ongoing": bool(ongoing),
        "lead": [],
        "partners": [],
        "span": [start, end] if start is not None and end is not None else None,
        "document": document,
    }


def task_rows(ix: FlowIndex, tasks: list[str]) -> dict[str, dict]:
    """Source document, province, section, text, bodies and deadline of each task with a text."""
    out: dict[str, dict] = {}
    for r in _rows(
        ix.db,
        "SELECT iri, doc, text, position, deadline, ongoing, start, end, section FROM tasks "
        "WHERE iri IN ({in}) AND text IS NOT NULL",
        tasks,
    ):
        t, doc, *kept = r
        out[t] = task_entry(t, None, {"iri": doc}, *kept)
    bodies = list(_rows(ix.db, "SELECT task, role, body FROM bodies WHERE task IN ({in}) ORDER BY ord", out))
    labels = label_map(ix, {b for _, _, b in bodies})
    for t, role, b in bodies:
        for label in labels.get(b, []):
            if label not in out[t][role]:
                out[t][role].append(label)
    docs = documents_info(ix, {t["document"]["iri"] for t in out.values()})
    for t in out.values():
        info = docs.get(t["document"]["iri"], {})
        t["document"].update({k: info.get(k) for k in ("symbol", "title", "date", "kind", "file")})
        t["province"] = info.get("province")
    return out


def quotes(ix: FlowIndex, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The sentence each (task, document) implementation edge was read from."""
    wanted = set(pairs)
    out: dict[tuple[str, str], str] = {}
    for s, o, quote in _rows(ix.db, "SELECT s, o, quote FROM quotes WHERE s IN ({in})", {t for t, _ in pairs}):
        if (s, o) in wanted and (s, o) not in out:
            out[(s, o)] = quote
    return out


def source_provinces(ix: FlowIndex) -> dict[str, str]:
    """{province IRI: label} of the provinces of the documents read (not of the documents they cite)."""
    rows = ix.db.execute(
        "SELECT DISTINCT f.value FROM facts f JOIN types t ON t.graph = f.graph AND t.s = f.s AND t.type = 'source' "
        "WHERE f.field = 'province'"
    ).fetchall()
    labels = label_map(ix, [r[0] for r in rows])
    return {p: labels[p][0] for (p,) in rows if labels.get(p)}
