"""What the service's own pages share: the language of a request (Vietnamese by default, English on request, one
catalogue: :mod:`graph_api.i18n`), the templates, links from resource IRIs to the service, and the favicon.

>>> local_link("https://w3id.org/vankien/id/doc/tw/kl/2021/21", "https://w3id.org/vankien/")
'/id/doc/tw/kl/2021/21'
>>> local_link("http://example.org/x", "https://w3id.org/vankien/")
'http://example.org/x'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from graph_api.i18n import LANGUAGES, pick_language, translator

__all__ = [
    "templates",
    "language",
    "render",
    "local_link",
    "favicon_router",
    "STATIC_DIR",
    "base_of",
    "i18n_context",
    "reading_link",
]

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))


def language(request: Request) -> str:
    """``?lang=``, then the ``lang`` cookie, then ``Accept-Language``; Vietnamese by default."""
    return pick_language(
        request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language")
    )


def base_of(request: Request) -> str:
    """The IRI base of the service's resources."""
    settings = getattr(request.app.state, "settings", None)
    return getattr(settings, "base", None) or "https://w3id.org/vankien/"


def local_link(iri: str, base: str) -> str:
    """The path that dereferences ``iri`` on this service (``iri`` itself when it is not one of ours)."""
    return "/" + iri[len(base) :] if iri.startswith(base) else iri


def i18n_context(request: Request) -> dict[str, Any]:
    """Template context processor: ``lang`` and ``t`` (the catalogue in the request's language) for every page."""
    lang = language(request)
    return {"lang": lang, "t": translator(lang)}


def reading_link(iri: str, base: str) -> str:
    """Where a document is read on this service (``/document/…``); any other resource: :func:`local_link`.

    >>> reading_link("https://w3id.org/vankien/id/doc/tw/kl/2021/21", "https://w3id.org/vankien/")
    '/document/tw/kl/2021/21'
    """
    link = local_link(iri, base)
    return "/document/" + link[len("/id/doc/") :] if link.startswith("/id/doc/") and "/task/" not in link else link


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A page in the request's language; ``?lang=`` is remembered in a cookie."""
    lang = language(request)
    t = translator(lang)
    other = "en" if lang == "vi" else "vi"
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    switch = str(request.url.path) + "?" + "&".join(f"{k}={v}" for k, v in {**query, "lang": other}.items())
    page = templates.TemplateResponse(
        request,
        name,
        {**context, "lang": lang, "t": t, "switch_url": switch, "base": base_of(request)},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGUAGES:
        page.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return page


def favicon_router() -> APIRouter:
    """``/favicon.ico`` and ``/favicon.svg``."""
    router = APIRouter(include_in_schema=False)

    @router.get("/favicon.ico")
    async def favicon_ico() -> Response:
        return FileResponse(
            STATIC_DIR / "favicon.ico", media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"}
        )

    @router.get("/favicon.svg")
    async def favicon_svg() -> Response:
        return FileResponse(
            STATIC_DIR / "favicon.svg", media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
        )

    return router
