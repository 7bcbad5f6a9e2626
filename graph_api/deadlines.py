"""Deadlines: the tasks due in a period, overdue or open as of a date, grouped by lead body and by province,
optionally only those carrying out one directive (directly or through provincial plans, as the trace finds
them). Everything comes from SPARQL over the store (any ``GraphStore``).

A deadline is a day, a month (``2025-10``) or a year (``2025``); a task is due at the end of it. A task is
*overdue* when it is due before the reference date, *open* otherwise; tasks without a deadline (ongoing,
``thường xuyên``) are not listed.

>>> due_date("2025-10"), due_date("2024"), due_date("2024-02-29")
(datetime.date(2025, 10, 31), datetime.date(2024, 12, 31), datetime.date(2024, 2, 29))
>>> parse_day("2024-13-01", "--as-of")
Traceback (most recent call last):
core.errors.InputError: --as-of 2024-13-01: not a date (YYYY-MM-DD): month must be in 1..12
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
from collections import defaultdict
from typing import Any

from core.errors import InputError, NotFound
from graph_api.search import fold
from ontology import ELI, RDFS, VK

__all__ = ["deadlines", "due_date", "parse_day", "STATES", "province_names", "task_details", "match_province"]

STATES = ("overdue", "open")
_CHUNK = 200


def parse_day(text: str | None, name: str) -> dt.date | None:
    """A day given as ``YYYY-MM-DD`` (None stays None); anything else is an :class:`InputError` naming ``name``."""
    if text is None or text == "":
        return None
    try:
        if len(text) != 10:
            raise ValueError("expected 10 characters")
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise InputError(f"{name} {text}", f"not a date (YYYY-MM-DD): {e}") from None


def due_date(deadline: str) -> dt.date | None:
    """The last day of a deadline given as a day, a month or a year (None when unreadable)."""
    try:
        if len(deadline) == 4:
            return dt.date(int(deadline), 12, 31)
        if len(deadline) == 7:
            year, month = int(deadline[:4]), int(deadline[5:7])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date.fromisoformat(deadline[:10])
    except ValueError:
        return None


def province_names(store: Any) -> list[str]:
    """The labels of the provinces in the store."""
    rows = store.select(f"SELECT DISTINCT ?l WHERE {{ ?p a <{VK.Province}> ; <{RDFS.label}> ?l }}")
    return sorted({r["l"].value for r in rows if "l" in r})


def match_province(store: Any, name: str) -> str:
    """The label of the province ``name`` names (diacritics, case and ``đ`` aside); else NotFound with the
    closest names."""
    names = province_names(store)
    by_fold = {fold(n): n for n in names}
    wanted = fold(name).replace("-", " ").strip()
    if wanted in by_fold:
        return by_fold[wanted]
    close = difflib.get_close_matches(wanted, list(by_fold), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(by_fold[c]) for c in close)}?" if close else ""
    raise NotFound(f"province {name!r} is not in the store{hint}")


def _candidates(store: Any, start: dt.date | None, end: dt.date | None) -> dict[str, str]:
    """Tasks with a deadline that may fall in the period (years compared in SPARQL, days in Python)."""
    cond = []
    if start:
        cond.append(f'SUBSTR(STR(?d), 1, 4) >= "{start.year:04d}"')
    if end:
        cond.append(f'SUBSTR(STR(?d), 1, 4) <= "{end.year:04d}"')
    flt = f"FILTER({' && '.join(cond)})" if cond else ""
    rows = store.select(f"SELECT DISTINCT ?t ?d WHERE {{ ?t a <{VK.Task}> ; <{VK.deadline}> ?d . {flt} }}")
    return {r["t"].value: r["d"].value for r in rows}


def _directive_tasks(store: Any, directive: str, year: int | None) -> tuple[set[str], Any]:
    """The tasks carrying out ``directive`` (as the trace finds them) and the document(s) it names."""
    from graph_api import trace as T

    result = T.trace(store, directive, year=year)
    return {t["task"] for t in result["tasks"]}, result["target"]


def deadlines(
    store: Any,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    as_of: dt.date | None = None,
    directive: str | None = None,
    year: int | None = None,
    province: str | None = None,
    state: str | None = None,
) -> dict[str, Any]:
    """Tasks due between ``start`` and ``end`` (inclusive, either open-ended), with their state as of
    ``as_of`` (today by default), sorted by due date; counts by state, by lead body and by province."""
    as_of = as_of or dt.date.today()
    if start and end and start > end:
        raise InputError(f"period {start} … {end}", "the start is after the end")
    if state is not None and state not in STATES:
        raise InputError(f"state {state!r}", f"not one of {', '.join(STATES)}")
    wanted_province = match_province(store, province) if province else None
    found = _candidates(store, start, end)
    target = None
    if directive:
        only, target = _directive_tasks(store, directive, year)
        found = {t: d for t, d in found.items() if t in only}
    due = {t: d for t, d in ((t, due_date(v)) for t, v in found.items()) if d is not None}
    keep = [t for t, d in due.items() if (not start or d >= start) and (not end or d <= end)]
    details = task_details(store, keep)
    tasks = []
    for t in keep:
        info = details.get(t)
        if info is None or (wanted_province and info["province"] != wanted_province):
            continue
        info["deadline"], info["due"] = found[t], due[t].isoformat()
        info["state"] = "overdue" if due[t] < as_of else "open"
        if state is None or info["state"] == state:
            tasks.append(info)
    tasks.sort(key=lambda x: (x["due"], x["province"] or "", x["document"]["symbol"] or "", x["position"]))
    return {
        "as_of": as_of.isoformat(),
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "directive": target,
        "province": wanted_province,
        "state": state,
        "total": len(tasks),
        "counts": _counts(tasks),
        "by_lead": _groups(tasks, lambda x: x["lead"] or [None]),
        "by_province": _groups(tasks, lambda x: [x["province"]]),
        "tasks": tasks,
    }


def _counts(tasks: list[dict]) -> dict[str, int]:
    out = {s: 0 for s in STATES}
    for x in tasks:
        out[x["state"]] += 1
    return out


def _groups(tasks: list[dict], keys) -> list[dict[str, Any]]:
    """Counts per group (a task with two leads counts in both), largest first."""
    acc: dict[str | None, dict[str, Any]] = defaultdict(lambda: {"total": 0, "overdue": 0, "open": 0, "tasks": []})
    for x in tasks:
        for k in keys(x):
            g = acc[k]
            g["total"] += 1
            g[x["state"]] += 1
            g["tasks"].append(x["task"])
    return [{"name": k, **v} for k, v in sorted(acc.items(), key=lambda kv: (-kv[1]["total"], kv[0] or "~"))]


def task_details(store: Any, tasks: list[str]) -> dict[str, dict]:
    """Sentence, position, deadline text, lead and partner bodies, source document and province of tasks."""
    out: dict[str, dict] = {}
    for i in range(0, len(tasks), _CHUNK):
        chunk = " ".join(f"<{t}>" for t in tasks[i : i + _CHUNK])
        for r in store.select(f"""SELECT ?t ?doc (SAMPLE(?x) AS ?text) (SAMPLE(?p) AS ?pos) (SAMPLE(?dt) AS ?dtext)
                WHERE {{ VALUES ?t {{ {chunk} }} ?t <{ELI.is_part_of}> ?doc .
                OPTIONAL {{ ?t <{VK.text}> ?x }} OPTIONAL {{ ?t <{VK.position}> ?p }}
                OPTIONAL {{ ?t <{VK.deadlineText}> ?dt }} }} GROUP BY ?t ?doc"""):
            out[r["t"].value] = {
                "task": r["t"].value,
                "text": _val(r, "text"),
                "position": int(_val(r, "pos") or 0),
                "deadline_text": _val(r, "dtext"),
                "lead": [],
                "partners": [],
                "province": None,
                "document": {"iri": r["doc"].value},
            }
        for r in store.select(f"""SELECT DISTINCT ?t ?role ?label WHERE {{ VALUES ?t {{ {chunk} }}
                {{ ?t <{VK.leadBody}> ?b . BIND("lead" AS ?role) }} UNION
                {{ ?t <{VK.partnerBody}> ?b . BIND("partners" AS ?role) }} ?b <{RDFS.label}> ?label }}"""):
            x = out.get(r["t"].value)
            if x is not None and r["label"].value not in x[r["role"].value]:
                x[r["role"].value].append(r["label"].value)
    _documents(store, out)
    return out


def _documents(store: Any, out: dict[str, dict]) -> None:
    docs = sorted({x["document"]["iri"] for x in out.values()})
    info: dict[str, dict[str, str]] = defaultdict(dict)
    for i in range(0, len(docs), _CHUNK):
        chunk = " ".join(f"<{d}>" for d in docs[i : i + _CHUNK])
        for field, pattern in (
            ("symbol", f"?d <{ELI.id_local}> ?v"),
            ("title", f"?d <{ELI['title']}> ?v"),
            ("date", f"?d <{ELI.date_document}> ?v"),
            ("province", f"?d <{VK.province}>/<{RDFS.label}> ?v"),
        ):
            for r in store.select(
                f"SELECT ?d (SAMPLE(?v) AS ?s) WHERE {{ VALUES ?d {{ {chunk} }} {pattern} }} GROUP BY ?d"
            ):
                if "s" in r:
                    info[r["d"].value][field] = r["s"].value
    for x in out.values():
        d = info.get(x["document"]["iri"], {})
        x["document"].update({k: d.get(k) for k in ("symbol", "title", "date")})
        x["province"] = d.get("province")


def _val(row: dict, name: str) -> str | None:
    term = row.get(name)
    return term.value if term is not None else None
