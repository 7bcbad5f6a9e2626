"""The offline query page (``/query``): a textarea editor with a small highlighter, the saved
queries of ``queries/*.rq`` one click away, the project's prefixes preset, results as a table with
links, download as CSV or JSON. Nothing is fetched from outside the service.

A saved query's first ``#`` comment line is its title.

>>> saved_title("# Tasks by deadline\\nSELECT * {}", "tasks")
'Tasks by deadline'
>>> saved_title("SELECT * {}", "tasks-by-deadline")
'tasks-by-deadline'
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import BaseModel

from core.errors import NotFound
from graph_api.http.linked_data import templates
from graph_api.http.ui import language
from graph_api.i18n import translator
from ontology import sparql_prefixes

__all__ = ["query_page_router", "saved_queries", "saved_title"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_QUERY = """# one row per document: its symbol and (of the titles the documents give it) the first
SELECT ?doc ?symbol (MIN(?t) AS ?title) WHERE {
  ?doc eli:id_local ?symbol .
  OPTIONAL { ?doc eli:title ?t }
}
GROUP BY ?doc ?symbol
ORDER BY ?symbol
LIMIT 50
"""


class SavedQuery(BaseModel):
    name: str
    title: str
    query: str


def saved_title(text: str, name: str) -> str:
    """The title of a saved query: its first comment line, else its file name."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#") and line.lstrip("# ").strip():
            return line.lstrip("# ").strip()
        if line:
            break
    return name


def saved_queries(folder: Path) -> list[SavedQuery]:
    """Every ``*.rq`` in ``folder`` (sorted by name); unreadable files are skipped."""
    out = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        out.append(SavedQuery(name=path.stem, title=saved_title(text, path.stem), query=text))
    return out


def query_page_router() -> APIRouter:
    """Routes: ``/query``, ``/api/queries``, ``/static/{name}``, and ``/`` (redirects to the page)."""
    router = APIRouter()

    @router.get(
        "/query", response_class=HTMLResponse, name="query_page", tags=["query page"], summary="The SPARQL query page"
    )
    async def query_page(request: Request) -> Response:
        settings = request.app.state.settings
        saved = saved_queries(settings.queries_dir)
        initial = request.query_params.get("query") or (sparql_prefixes() + "\n" + DEFAULT_QUERY)
        t = translator(language(request))
        messages = {key: t(f"query.{key}") for key in ("running", "rows", "error", "failed")}
        data = json.dumps(
            {
                "saved": [s.model_dump() for s in saved],
                "base": settings.base,
                "prefixes": sparql_prefixes(),
                "messages": messages,  # the script's own texts, in the page's language
            },
            ensure_ascii=False,
        ).replace("</", "<\\/")
        return templates.TemplateResponse(
            request,
            "query.html",
            {
                "title": t("query.title"),
                "saved": saved,
                "initial": initial,
                "data": data,
                "read_only": settings.read_only,
            },
        )

    @router.get(
        "/api/queries", response_model=list[SavedQuery], tags=["query page"], summary="The saved queries (queries/*.rq)"
    )
    async def list_queries(request: Request) -> list[SavedQuery]:
        return saved_queries(request.app.state.settings.queries_dir)

    @router.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        files = {p.name: p for p in STATIC_DIR.iterdir() if p.is_file()}
        if name not in files:
            raise NotFound(f"no static file {name}")
        return FileResponse(files[name])

    @router.get("/", include_in_schema=False)
    async def root(request: Request) -> Response:
        from fastapi.responses import RedirectResponse

        return RedirectResponse("/query", status_code=303)

    return router
