"""The HTTP service: ``create_app(store_spec, settings=...)`` and ``serve(...)`` for ``vankien serve``.

The app owns one :class:`graph_api.store.runner.QueryRunner` (a store-owner process with a warm standby)
started in the lifespan, and mounts the routers of this layer — the SPARQL protocol
(:mod:`graph_api.http.protocol`), the Graph Store Protocol (:mod:`graph_api.http.graph_store`), linked data
(:mod:`graph_api.http.linked_data`), REST (:mod:`graph_api.http.rest`), the trace
(:mod:`graph_api.http.trace_routes`), the query page (:mod:`graph_api.http.query_page`) — the network views of
the layer below (:data:`visualise.router.router`), and the routers passed as ``extra_routers``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.errors import NotFound, Refused, VankienError
from graph_api.http.fast_path import QueryFastPath
from graph_api.http.features import mount_features
from graph_api.http.graph_store import graph_store_router
from graph_api.http.linked_data import linked_data_router
from graph_api.http.problems import domain_problem, install_problem_handlers
from graph_api.http.protocol import sparql_router
from graph_api.http.query_page import query_page_router
from graph_api.http.rest import rest_router
from graph_api.http.rsgi import RSGIService
from graph_api.http.settings import Settings
from graph_api.http.trace_routes import router as trace_router
from graph_api.http.workers import run_workers, store_host
from graph_api.store.host import HostClient
from graph_api.store.readers import LocalReader
from graph_api.store.runner import QueryRunner
from graph_api.store.spec import default_store_spec
from ontology import PREFIXES
from visualise.router import router as views_router

__all__ = ["create_app", "serve"]

log = logging.getLogger("vankien.serve")


DRAIN_BYTES = 64 * 1024 * 1024
"""How much of a refused body is still read (and dropped) before the 413 is sent."""
DRAIN_SECONDS = 10.0


async def drain(receive: Receive) -> None:
    """Read and drop the rest of a refused request body, at most ``DRAIN_BYTES`` for ``DRAIN_SECONDS``.

    A client still sending its body reads the 413 that follows; a server that answers and closes with the body
    unread resets the connection, and the client sees no answer at all."""

    async def read() -> None:
        left = DRAIN_BYTES
        while left > 0:
            message = await receive()
            if message["type"] != "http.request":
                return
            left -= len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    try:
        await asyncio.wait_for(read(), DRAIN_SECONDS)
    except TimeoutError:
        return


class BodyLimit:
    """Pure ASGI middleware: 413 for request bodies over ``max_bytes`` (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    too_large = int(value) > self.max_bytes
                except ValueError:
                    too_large = False
                if too_large:
                    await drain(receive)
                    response = PlainTextResponse(
                        f"the request body is larger than the limit of {self.max_bytes} bytes\n", status_code=413
                    )
                    await response(scope, receive, send)
                    return
        received = 0
        limit = self.max_bytes

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if message.get("more_body"):
                        await drain(receive)
                    raise Refused(413, f"the request body is larger than the limit of {limit} bytes")
            return message

        await self.app(scope, limited, send)


def render_error(
    path: str, accept: str, status: int, kind: str, message: str, headers: dict[str, str] | None = None
) -> tuple[int, str, bytes, dict[str, str] | None]:
    """A clear error as (status, media type, body, headers): JSON for /api and JSON-accepting clients,
    plain text otherwise.

    >>> render_error("/sparql", "text/csv", 503, "QueryTimeout", "stopped")[1:3]
    ('text/plain; charset=utf-8', b'503 QueryTimeout: stopped\\n')
    """
    if path.startswith("/api") or "json" in accept:
        body = json.dumps({"error": kind, "status": status, "message": message}, ensure_ascii=False).encode()
        return status, "application/json", body, headers
    return status, "text/plain; charset=utf-8", f"{status} {kind}: {message}\n".encode(), headers


def error_response(
    request: Request, status: int, kind: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The response of :func:`render_error` for a request."""
    status, media_type, body, headers = render_error(
        request.url.path, request.headers.get("accept", ""), status, kind, message, headers
    )
    return Response(body, status_code=status, media_type=media_type, headers=headers)


class ServiceApp(FastAPI):
    """FastAPI with the SPARQL query hot path (:class:`graph_api.http.fast_path.QueryFastPath`) in front of everything."""

    fast_path: QueryFastPath | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.fast_path is not None and scope["type"] == "http" and scope["path"] == "/sparql":
            handed_on = await self.fast_path(scope, receive, send)
            if handed_on is None:
                return
            receive = handed_on
        await super().__call__(scope, receive, send)


def api_docs_router() -> APIRouter:
    """``/docs``: Swagger UI from the files of the ``swagger-ui-bundle`` package, so that it works offline
    (FastAPI's own page loads them from a CDN)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import FileResponse
    from swagger_ui_bundle import swagger_ui_path

    router = APIRouter(include_in_schema=False)
    files = {
        p.name: p
        for p in Path(swagger_ui_path).iterdir()
        if p.name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")
    }

    @router.get("/docs")
    async def docs(request: Request) -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{request.app.title} — API",
            swagger_js_url="/docs/static/swagger-ui-bundle.js",
            swagger_css_url="/docs/static/swagger-ui.css",
            swagger_favicon_url="/docs/static/favicon-32x32.png",
        )

    @router.get("/docs/static/{name}")
    async def docs_static(name: str) -> Response:
        if name not in files:
            raise NotFound(f"no static file {name}")
        return FileResponse(files[name])

    return router


def _handle_errors(app: FastAPI) -> None:
    """Domain errors answer their own status; anything else a logged 500."""

    install_problem_handlers(app)

    @app.exception_handler(VankienError)
    async def _domain_error(request: Request, exc: VankienError) -> Response:
        if request.url.path.startswith("/api"):  # a problem document (RFC 9457)
            return domain_problem(request, exc)
        status = exc.http_status
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, status, type(exc).__name__, str(exc), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "InternalError", "unexpected server error (logged)")


def _health_router(settings: Settings) -> APIRouter:
    router = APIRouter()

    @router.get("/health", tags=["service"], summary="liveness and the store worker's state")
    async def health(request: Request) -> dict:
        runner: QueryRunner = request.app.state.runner
        return {
            "status": "ok",
            "worker_pid": runner.pid,
            "restarts": runner.restarts,
            "read_only": settings.read_only,
            "cache": runner.cache.stats() if runner.cache else None,
            "local_reads": request.app.state.reader.stats() if request.app.state.reader else None,
        }

    return router


def _reader(runner: QueryRunner | HostClient, settings: Settings) -> LocalReader | None:
    """The read-only view that answers bounded queries in this process (None: every query goes to the owner)."""
    path = runner.reader_path
    if path is None or not settings.union_default_graph or not settings.local_reads:
        return None
    return LocalReader(path, runner.state, cache_bytes=settings.cache_bytes)


def _lifespan(store_spec: str, settings: Settings, host: tuple[str, str, str | None] | None) -> Any:
    """The app's lifespan: the query runner (or, in one of several workers, the client of the store host) and the
    read-only view of bounded queries, started and stopped with the app."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner: QueryRunner | HostClient
        if host is not None:  # one of several workers: the store owner runs in the host process
            runner = HostClient(*host)
        else:
            runner = QueryRunner(
                store_spec,
                max_concurrent=settings.max_concurrent,
                queue_timeout=settings.queue_timeout,
                prefixes=dict(PREFIXES),
                cache_bytes=settings.cache_bytes,
            )
        await runner.start()
        app.state.runner = runner
        app.state.reader = _reader(runner, settings)
        log.info("serving %s (%s)", store_spec, "read-only" if settings.read_only else "updates need the token")
        try:
            yield
        finally:
            await runner.close()

    return lifespan


def create_app(
    store_spec: str,
    *,
    settings: Settings | None = None,
    extra_routers: Sequence[APIRouter] = (),
    include_optional: bool = True,
    host: tuple[str, str, str | None] | None = None,
) -> FastAPI:
    """The FastAPI app serving the store at ``store_spec`` (``oxigraph:PATH``, ``memory:``, ``sparql:…``); with
    ``host`` (socket, state file, store folder of a :mod:`graph_api.store.host` process), one of several workers."""
    settings = settings or Settings.from_env()
    lifespan = _lifespan(store_spec, settings, host)

    app = ServiceApp(
        title=f"{settings.title} — SPARQL and linked-data service",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="SPARQL 1.1 Protocol at /sparql, linked data under /id/, REST under /api, a query page at /query.",
    )
    app.state.settings = settings
    app.fast_path = QueryFastPath(app.state, render_error, settings.max_body_bytes)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["Content-Type", "Retry-After"],
        max_age=3600,
    )

    _handle_errors(app)
    app.include_router(_health_router(settings))
    app.include_router(api_docs_router())
    app.include_router(sparql_router())
    app.include_router(graph_store_router())
    app.include_router(linked_data_router())
    app.include_router(rest_router())
    mount_features(app, store_spec)  # search, deadlines, the document page, favicon, the language of pages
    app.include_router(query_page_router())
    for router in [*extra_routers, *((trace_router, views_router) if include_optional else ())]:
        app.include_router(router)
    return app


def serve(
    store_spec: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    update_token: str | None = None,
    query_timeout: float | None = None,
    max_rows: int | None = None,
    max_concurrent: int | None = None,
    max_body_bytes: int | None = None,
    cache_bytes: int | None = None,
    base: str | None = None,
    workers: int | None = None,
    log_level: str = "info",
    access_log: bool = False,
    extra_routers: Sequence[APIRouter] = (),
) -> None:
    """Run the service with Granian until interrupted (``vankien serve``): ``workers`` HTTP worker processes
    (each answering bounded queries on its own read-only view) and, with more than one, a store host process
    that runs the one store owner for all of them (:mod:`graph_api.store.host`).

    Arguments left as None come from the environment (``VANKIEN_STORE``, ``VANKIEN_UPDATE_TOKEN``,
    ``VANKIEN_QUERY_TIMEOUT``, ``VANKIEN_MAX_ROWS``, ``VANKIEN_MAX_CONCURRENT``, ``VANKIEN_MAX_BODY_BYTES``,
    ``VANKIEN_CACHE_BYTES``, ``VANKIEN_BASE``, ``VANKIEN_WORKERS``) or the defaults of :class:`Settings`.
    """
    settings = Settings.from_env(
        update_token=update_token,
        query_timeout=query_timeout,
        max_rows=max_rows,
        max_concurrent=max_concurrent,
        max_body_bytes=max_body_bytes,
        cache_bytes=cache_bytes,
        base=base,
        workers=workers,
    )
    spec = store_spec or default_store_spec()
    with store_host(spec, settings) as where:
        run_workers(
            lambda: RSGIService(
                create_app(spec, settings=settings, extra_routers=extra_routers, host=where),
                render_error,
                access_log=access_log,
            ),
            host,
            port,
            settings.workers,
            log_level=log_level,
            access_log=access_log,
        )
