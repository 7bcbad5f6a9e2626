"""The network views on the HTTP service: a FastAPI ``router`` to include in the app.

Routes: ``/view`` (overview), ``/view/flow/{document}`` (symbol, id path or IRI; ``?year=``,
``?province=``), ``/view/document/{id}``, ``/view/province/{name}``, ``/view/meeting/{id}``,
``/view/citations``, ``/view/analytics`` (``?format=json`` for the data), ``/view/static/…``.

The store comes from ``get_store(request)``: ``app.state.store`` (a ``GraphStore``) when the app
has one, else the app's query runner (``app.state.runner``, see ``graph_api.store.runner``) behind the
``GraphStore.select`` interface. The IRI base comes from ``app.state.settings.base`` when present.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from urllib.parse import quote

import anyio.from_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from markupsafe import escape
from pyoxigraph import BlankNode, Literal, NamedNode

from core.errors import NotFound, QueryError, VankienError
from ontology.iris import Iris
from visualise import analytics, projections, summary
from visualise.summary_views import document_view, payload, summary_page
from visualise.views import STATIC_DIR, VIS_JS, render_html

__all__ = ["router", "get_store", "get_base", "RunnerStore"]

router = APIRouter(prefix="/view", tags=["views"])
ASSETS_URL = "/view/static"
_STATIC_FILES = {
    VIS_JS: "text/javascript",
    "LICENSE-vis-network-MIT": "text/plain",
    "LICENSE-vis-network-APACHE-2.0": "text/plain",
}


class RunnerStore:
    """``select`` over the service's store-owner process (``app.state.runner``), for sync code that runs
    in FastAPI's thread pool."""

    def __init__(self, runner, timeout: float = 30.0, max_rows: int = 100_000) -> None:
        self.runner, self.timeout, self.max_rows = runner, timeout, max_rows
        self.path = getattr(runner, "reader_path", None)  # the on-disk store: its flow index lies beside it

    def select(self, sparql: str) -> list[dict]:
        kind, body = anyio.from_thread.run(
            functools.partial(
                self.runner.call,
                "query",
                timeout=self.timeout,
                query=sparql,
                results_format="json",
                graph_format=None,
                union=True,
                max_rows=self.max_rows,
            )
        )
        if kind != "solutions":
            raise QueryError("expected a SELECT result")
        return [{k: _term(v) for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


def _term(t: dict):
    if t["type"] == "uri":
        return NamedNode(t["value"])
    if t["type"] == "bnode":
        return BlankNode(t["value"])
    if "xml:lang" in t:
        return Literal(t["value"], language=t["xml:lang"])
    if "datatype" in t:
        return Literal(t["value"], datatype=NamedNode(t["datatype"]))
    return Literal(t["value"])


def get_store(request: Request):
    """The store of the running app (dependency)."""
    state = request.app.state
    if getattr(state, "store", None) is not None:
        return state.store
    settings = getattr(state, "settings", None)
    return RunnerStore(
        state.runner, timeout=getattr(settings, "query_timeout", 30.0), max_rows=getattr(settings, "max_rows", 100_000)
    )


def get_base(request: Request) -> str:
    """The IRI base of the resources (``app.state.settings.base``, else ``VANKIEN_BASE``)."""
    settings = getattr(request.app.state, "settings", None)
    return Iris(getattr(settings, "base", None)).base


def _page(g, base: str, scope: str | None = None) -> HTMLResponse:
    if g.graph.get("summary"):
        url = "/view/expand?" + (f"scope={quote(scope, safe='')}&" if scope else "") + "key="
        return HTMLResponse(summary_page(g, base=base, served=True, assets_url=ASSETS_URL, expand_url=url))
    return HTMLResponse(render_html(g, base=base, served=True, assets_url=ASSETS_URL))


def _error(e: VankienError) -> HTMLResponse:
    extra = ""
    for c in getattr(e, "candidates", []) or []:
        extra += f"<li>{c.get('symbol')} — {c.get('year')} — {c.get('province') or ''}: {c.get('iri')}</li>"
    for name in getattr(e, "suggestions", []) or []:
        extra += f"<li class='vk-suggestion'><a href='/view/province/{quote(name)}'>{escape(name)}</a></li>"

    return HTMLResponse(
        f"<!DOCTYPE html><meta charset='utf-8'><title>{e.http_status}</title>"
        f"<h1>{e.http_status}</h1><p>{escape(str(e))}</p>" + (f"<ul>{extra}</ul>" if extra else ""),
        status_code=e.http_status,
    )


def _guard(fn):
    """Domain errors become an HTML page with their HTTP status."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except VankienError as e:
            return _error(e)

    return wrapper


def _iri_from_id(id_path: str, base: str) -> str:
    if id_path.startswith(("http://", "https://")):
        return id_path
    return base + ("" if id_path.startswith("id/") else "id/") + id_path


@router.get("", response_class=HTMLResponse, summary="overview: the central documents carried out, aggregated")
@_guard
def overview(
    detail: bool = Query(False, description="every node instead of the aggregated view"),
    store=Depends(get_store),
    base: str = Depends(get_base),
) -> Response:
    return _page(projections.overview_graph(store) if detail else summary.overview_summary(store), base)


@router.get("/flow/{document:path}", response_class=HTMLResponse, summary="flow of one directive down to tasks")
@_guard
def flow(
    document: str,
    year: int | None = Query(None),
    province: str | None = Query(None, description="a province, before or after the 2025 merger"),
    detail: bool = Query(False, description="every node instead of the aggregated view"),
    store=Depends(get_store),
    base: str = Depends(get_base),
) -> Response:
    """``document``: a symbol (``21-KL/TW``, URL-encoded, or ``21-KL-TW``), an id path or an IRI."""
    ref = _iri_from_id(document, base) if document.startswith(("doc/", "id/doc/")) else document
    if detail:
        return _page(projections.flow_graph(store, ref, year=year, province=province), base)
    return _page(summary.flow_summary(store, ref, year=year, province=province), base, province)


@router.get("/document/{id:path}", response_class=HTMLResponse, summary="one document and its neighbourhood")
@_guard
def document(
    id: str,
    year: int | None = Query(None),
    detail: bool = Query(False, description="every node (tasks, bodies, the meeting) instead of the aggregated view"),
    store=Depends(get_store),
    base: str = Depends(get_base),
) -> Response:
    ref = _iri_from_id(id, base) if id.startswith(("doc/", "id/doc/", "http")) else id
    return _page(
        projections.document_graph(store, ref, year=year) if detail else document_view(store, ref, year=year), base
    )


@router.get("/province/{name:path}", response_class=HTMLResponse, summary="one province, through the 2025 merger")
@_guard
def province(name: str, store=Depends(get_store), base: str = Depends(get_base)) -> Response:
    """``name``: a province before or after the 2025 merger, by name (diacritics and case aside), slug,
    id path (``province/2025/thai-nguyen``) or IRI; an unknown name is a 404 naming the closest provinces."""
    ref = _iri_from_id(name, base) if name.startswith(("province/", "id/province/")) else name
    return _page(summary.province_summary(store, ref), base, ref)


@router.get("/expand", summary="the nodes a click on a group node of an aggregated view adds (JSON)")
def expand(
    key: str = Query(..., description="the node's expand key (root|…, prov|…, doc|…, lead|…)"),
    scope: str | None = Query(None, description="the province the view is narrowed to"),
    store=Depends(get_store),
    base: str = Depends(get_base),
) -> Response:
    try:
        provinces = summary.province_scope(store, scope).iris if scope else None
        g = summary.expand(store, key, provinces=provinces)
    except VankienError as e:
        return JSONResponse({"title": str(e), "status": e.http_status}, status_code=e.http_status)
    return JSONResponse(payload(g, summary.node_of(key), base=base, served=True))


@router.get("/meeting/{id:path}", response_class=HTMLResponse, summary="a meeting and what it produced")
@_guard
def meeting(id: str, store=Depends(get_store), base: str = Depends(get_base)) -> Response:
    iri = (
        id
        if id.startswith("http")
        else base
        + ("" if id.startswith("id/") else "id/")
        + (id if id.startswith(("meeting/", "id/")) else "meeting/" + id)
    )
    return _page(projections.meeting_graph(store, iri), base)


@router.get("/citations", response_class=HTMLResponse, summary="the citation network between documents")
@_guard
def citations(store=Depends(get_store), base: str = Depends(get_base)) -> Response:
    g = projections.citation_graph(store).reverse(copy=True)  # draw cited documents above citing ones
    g.graph.update(roots=[n for n in g if g.nodes[n]["kind"] == "central"])
    return _page(g, base)


@router.get("/analytics", summary="most-implemented documents, coverage heat map, bodies, citation centrality")
@_guard
def analytics_page(
    format: str = Query("html", pattern="^(html|json)$"),
    today: dt.date | None = Query(None),
    store=Depends(get_store),
    base: str = Depends(get_base),
) -> Response:
    report = analytics.analytics_report(store, today=today)
    if format == "json":
        return JSONResponse(report)
    return HTMLResponse(analytics.render_analytics(report, base=base, served=True))


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    if name not in _STATIC_FILES:
        return _error(NotFound(f"no static file {name}"))
    return FileResponse(
        STATIC_DIR / name, media_type=_STATIC_FILES[name], headers={"Cache-Control": "public, max-age=86400"}
    )
