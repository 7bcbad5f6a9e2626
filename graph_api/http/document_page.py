"""The page people read for a document, ``/document/{id}``: its text as it was read, the extracted facts
highlighted in place (each task marked with its number, lead and deadline; each cited document's symbol linked),
and its tasks in document order with sentence, lead, partners, deadline and state as of a day.

The text comes from the search index (a load keeps each document's text there: the graph keeps only the
facts and their offsets into it); without it the page lists the facts alone.

>>> str(highlight("Giao Sở A làm theo 21-KL/TW.", [(0, 28, "task", {"n": 1, "title": "Sở A"}),
...                                                  (19, 27, "cite", {"href": "/document/x", "title": "21-KL/TW"})]))
'<mark class="task" title="Sở A"><sup class="tn">1</sup>Giao Sở A làm theo </mark><mark class="task" title="Sở A"><a class="cite" href="/document/x" title="21-KL/TW">21-KL/TW</a></mark><mark class="task" title="Sở A">.</mark>'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from core.errors import InputError, NotFound
from graph_api.deadlines import due_date, parse_day, task_details
from graph_api.http.search_routes import INDEX_LOCK, search_index
from graph_api.http.ui import base_of, local_link, render
from ontology import ELI, RDF, VK
from visualise.router import get_store

__all__ = ["document_router", "highlight", "document_facts"]

Span = tuple[int, int, str, dict[str, Any]]
CITING = (ELI.cites, ELI.implements, ELI.based_on, ELI.amends, ELI.repeals)


def _open(kind: str, attrs: dict[str, Any], first: bool) -> str:
    if kind == "cite":
        return f'<a class="cite" href="{escape(attrs["href"])}" title="{escape(attrs["title"])}">'
    number = f'<sup class="tn">{attrs["n"]}</sup>' if first else ""
    return f'<mark class="task" title="{escape(attrs["title"])}">{number}'


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with each span wrapped (tasks in ``<mark>``, citations as links); overlapping spans are
    nested segment by segment, so the markup stays well formed."""
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = sorted((s for s in spans if s[0] <= a and b <= s[1]), key=lambda s: (s[2] != "task", s[0]))
        opening = "".join(_open(kind, attrs, start == a) for start, _, kind, attrs in active)
        closing = "".join("</a>" if kind == "cite" else "</mark>" for _, _, kind, _ in reversed(active))
        out.append(f"{opening}{escape(text[a:b])}{closing}")
    return Markup("".join(out))


def _document_iri(store: Any, base: str, doc_id: str) -> str:
    iri = base + "id/doc/" + doc_id.strip("/")
    if not store.select(f"SELECT ?t WHERE {{ <{iri}> a ?t }} LIMIT 1"):
        raise NotFound(f"no document {doc_id!r} in the store")
    return iri


def document_facts(store: Any, iri: str) -> dict[str, Any]:
    """The document's description, its tasks in document order and the spans of its citations."""
    info: dict[str, str] = {}
    for name, pattern in (
        ("symbol", f"<{ELI.id_local}>"),
        ("title", f"<{ELI['title']}>"),
        ("date", f"<{ELI.date_document}>"),
        ("file", f"<{VK.sourceFile}>"),
        ("province", f"<{VK.province}>/<http://www.w3.org/2000/01/rdf-schema#label>"),
        ("issuer", f"<{ELI.passed_by}>/<http://www.w3.org/2000/01/rdf-schema#label>"),
    ):
        rows = store.select(f"SELECT ?v WHERE {{ <{iri}> {pattern} ?v }} LIMIT 1")
        if rows:
            info[name] = rows[0]["v"].value
    tasks = [
        r["t"].value
        for r in store.select(f"SELECT DISTINCT ?t WHERE {{ ?t <{ELI.is_part_of}> <{iri}> ; a <{VK.Task}> }}")
    ]
    details = task_details(store, tasks)
    offsets = {
        r["t"].value: (int(r["a"].value), int(r["b"].value))
        for r in store.select(
            f"SELECT ?t ?a ?b WHERE {{ ?t <{ELI.is_part_of}> <{iri}> ; a <{VK.Task}> ; <{VK.startOffset}> ?a ; "
            f"<{VK.endOffset}> ?b }}"
        )
    }
    extra = {
        r["t"].value: r
        for r in store.select(
            f"SELECT ?t (SAMPLE(?d) AS ?deadline) (SAMPLE(?o) AS ?ongoing) WHERE {{ ?t <{ELI.is_part_of}> <{iri}> ; "
            f"a <{VK.Task}> . OPTIONAL {{ ?t <{VK.deadline}> ?d }} OPTIONAL {{ ?t <{VK.ongoing}> ?o }} }} GROUP BY ?t"
        )
    }
    for t, x in details.items():
        x["span"] = offsets.get(t)
        row = extra.get(t, {})
        x["deadline"] = row["deadline"].value if "deadline" in row else None
        x["ongoing"] = "ongoing" in row and row["ongoing"].value == "true"
    cites = [
        (int(r["a"].value), int(r["b"].value), r["o"].value, r["sym"].value)
        for r in store.select(
            f"SELECT DISTINCT ?o ?sym ?a ?b WHERE {{ GRAPH ?g {{ <{iri}> <{VK.contentHash}> ?h . ?e <{RDF.predicate}> ?p ; "
            f"<{RDF.object}> ?o ; <{VK.startOffset}> ?a ; <{VK.endOffset}> ?b }} ?o <{ELI.id_local}> ?sym . "
            f"VALUES ?p {{ {' '.join(f'<{p}>' for p in CITING)} }} }}"
        )
    ]
    ordered = sorted(details.values(), key=lambda x: x["position"])
    return {"iri": iri, "info": info, "tasks": ordered, "citations": cites}


def _state(x: dict[str, Any], as_of: dt.date) -> str:
    if x["ongoing"]:
        return "ongoing"
    due = due_date(x["deadline"]) if x["deadline"] else None
    if due is None:
        return "none"
    return "overdue" if due < as_of else "open"


def _spans(text: str, facts: dict[str, Any], base: str, t: Any) -> list[Span]:
    spans: list[Span] = []
    for x in facts["tasks"]:
        if x["span"]:
            title = " · ".join(v for v in ("; ".join(x["lead"]), x["deadline_text"] or x["deadline"] or "") if v)
            spans.append((*x["span"], "task", {"n": x["position"], "title": title or t("kind.task")}))
    for a, b, target, symbol in facts["citations"]:
        at = text.find(symbol, a, b)
        if at >= 0:
            link = local_link(target, base).replace("/id/doc/", "/document/", 1)
            spans.append((at, at + len(symbol), "cite", {"href": link, "title": symbol}))
    return spans


def document_router() -> APIRouter:
    """Route: ``/document/{id}`` (the id as in ``/id/doc/{id}``)."""
    router = APIRouter()

    @router.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(
        request: Request, doc_id: str, as_of: str | None = Query(None, max_length=10), store=Depends(get_store)
    ) -> HTMLResponse:
        from graph_api.http.ui import language
        from graph_api.i18n import translator

        base = base_of(request)
        try:
            day = parse_day(as_of, "as_of") or dt.date.today()
            facts = document_facts(store, _document_iri(store, base, doc_id))
        except (InputError, NotFound) as e:
            return render(request, "document.html", {"error": str(e), "facts": None}, status_code=e.http_status)
        t = translator(language(request))
        with INDEX_LOCK:
            text = search_index(request).document_text(facts["iri"])
        for x in facts["tasks"]:
            x["state"] = _state(x, day)
            x["link"] = local_link(x["task"], base)
        body = highlight(text, _spans(text, facts, base, t)) if text else None
        return render(
            request,
            "document.html",
            {
                "facts": facts,
                "text": body,
                "as_of": day.isoformat(),
                "id_link": local_link(facts["iri"], base),
                "error": None,
            },
        )

    return router
