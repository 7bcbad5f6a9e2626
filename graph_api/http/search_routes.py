"""Full-text search in the service: ``/api/search`` (JSON) and the page ``/search``, over the FTS5 index beside the
store (:mod:`graph_api.search`), brought in step with the store before a search at most every few seconds."""

from __future__ import annotations

import os
import threading
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from core.errors import InputError
from graph_api.http.ui import base_of, local_link, reading_link, render
from graph_api.search import KINDS, SearchIndex, index_path
from graph_api.store.spec import default_store_spec, parse_spec
from visualise.router import get_store

__all__ = ["search_router", "SearchHit", "SearchAnswer", "search_index", "INDEX_LOCK"]

SYNC_EVERY = float(os.environ.get("VANKIEN_SEARCH_SYNC_SECONDS", "5"))  # at most one check of the store this often
INDEX_LOCK = threading.Lock()  # one SQLite connection, used from FastAPI's worker threads in turn
Kind = Literal["document", "task", "body", "project"]


class SearchHit(BaseModel):
    kind: str
    iri: str
    link: str
    """Where the resource opens on this service."""
    symbol: str | None = None
    title: str
    snippet: str
    """Text around the match, in the original spelling; ``highlights`` are [start, end) offsets into it."""
    highlights: list[list[int]]
    document: str | None = None
    extra: str = ""
    score: float


class SearchAnswer(BaseModel):
    q: str
    kind: str | None = None
    total: int
    limit: int
    offset: int
    items: list[SearchHit]


def search_index(request: Request) -> SearchIndex:
    """The service's search index (opened once): beside its on-disk store, in memory for an in-memory one."""
    state = request.app.state
    index = getattr(state, "search_index", None)
    if index is None:
        spec = getattr(state, "store_spec", None) or default_store_spec()
        index = SearchIndex(index_path(parse_spec(spec)))
        state.search_index = index
    return index


def run_search(request: Request, store: Any, q: str, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Search the index after bringing it in step with the store."""
    index = search_index(request)
    base = base_of(request)
    with INDEX_LOCK:
        index.sync(store, every=SYNC_EVERY)
        page = index.search(q, kind=kind, limit=limit, offset=offset)
    items = [
        {**h.as_dict(), "link": reading_link(h.iri, base) if h.kind == "document" else local_link(h.iri, base)}
        for h in page.hits
    ]
    return {
        "q": q,
        "kind": kind,
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "items": items,
        "hits": page.hits,
    }


def search_router() -> APIRouter:
    """Routes: ``/api/search`` and ``/search``."""
    router = APIRouter()

    @router.get(
        "/api/search",
        response_model=SearchAnswer,
        tags=["search"],
        summary="Full-text search of documents, task sentences, bodies and projects",
        description="Diacritics, case and đ/d do not matter (`ban can su dang` finds `Ban cán sự đảng`); "
        "words in double quotes are a phrase. Best first (bm25), one hit per resource.",
    )
    def api_search(
        request: Request,
        q: str = Query(..., min_length=1, max_length=500),
        kind: Kind | None = Query(None, description="only this kind of resource"),
        limit: int = Query(20, ge=1, le=200),
        offset: int = Query(0, ge=0, le=100_000),
        store=Depends(get_store),
    ) -> dict[str, Any]:
        answer = run_search(request, store, q, kind, limit, offset)
        answer.pop("hits")
        return answer

    @router.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = Query("", max_length=500),
        kind: str = Query("", max_length=20),
        offset: int = Query(0, ge=0, le=100_000),
        store=Depends(get_store),
    ) -> HTMLResponse:
        context: dict[str, Any] = {
            "q": q,
            "kind": kind,
            "kinds": KINDS,
            "answer": None,
            "error": None,
            "offset": offset,
            "limit": 20,
        }
        status = 200
        if q.strip():
            try:
                context["answer"] = run_search(request, store, q, kind or None, 20, offset)
            except InputError as e:
                context["error"], status = str(e), 400
        return render(request, "search.html", {**context, "title_key": "search.title"}, status_code=status)

    return router
