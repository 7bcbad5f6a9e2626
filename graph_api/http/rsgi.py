"""The service on Granian's RSGI interface: ``GET /sparql?query=`` answered without any ASGI layer, every other
request handed to the ASGI app (FastAPI with its own ``/sparql`` fast path for POSTs, see
:mod:`graph_api.http.fast_path`) through a small adapter.

RSGI calls the app with a scope object and a protocol whose ``response_bytes`` writes the whole answer at once;
skipping the ASGI dictionaries, the ``send`` coroutines and the app's ``__call__`` saves tens of microseconds
on a request that otherwise costs ~100 µs of query (bench/RESULTS.md, 2026-12-03).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

from core.errors import VankienError
from graph_api.http.fast_path import _query_string
from graph_api.http.protocol import execute_query

__all__ = ["RSGIService"]

log = logging.getLogger("vankien.serve")


def _raw(text: str) -> bytes:
    """A URL's query string as the bytes the client sent (Granian gives it as text)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def _address(text: str) -> tuple[str, int] | None:
    host, _, port = text.rpartition(":")
    return (host.strip("[]"), int(port)) if port.isdigit() else None


def _asgi_scope(scope: Any) -> dict:
    """The ASGI scope of an RSGI HTTP request."""
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": scope.http_version,
        "method": scope.method,
        "scheme": scope.scheme,
        "path": scope.path,
        "raw_path": scope.path.encode("utf-8"),
        "query_string": _raw(scope.query_string),
        "root_path": "",
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in scope.headers.items()],
        "client": _address(scope.client),
        "server": _address(scope.server),
        "state": {},
    }


ONE_READ_BYTES = 1024 * 1024
"""Bodies declared at most this long are read at once; longer or chunked ones a chunk at a time."""


class _Logged:
    """An RSGI protocol that remembers the status it answered (for the access log)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.status = inner, 500

    def __call__(self) -> Any:
        return self.inner()

    def __aiter__(self) -> Any:
        return self.inner.__aiter__()

    def client_disconnect(self) -> Any:
        return self.inner.client_disconnect()

    def response_bytes(self, status: int, headers: list, body: bytes) -> None:
        self.status = status
        self.inner.response_bytes(status, headers, body)

    def response_stream(self, status: int, headers: list) -> Any:
        self.status = status
        return self.inner.response_stream(status, headers)


def _access_logger() -> logging.Logger:
    logger = logging.getLogger("vankien.access")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


class RSGIService:
    """An RSGI app around the ASGI ``app`` (its lifespan runs at worker start and stop); ``render_error`` as in
    :func:`graph_api.http.app.render_error`."""

    def __init__(self, app: Any, render_error: Any, *, access_log: bool = False) -> None:
        self.app, self.render_error = app, render_error
        self._lifespan: Any = None
        self.access = _access_logger() if access_log else None

    # -- worker start and stop -------------------------------------------------------------
    def __rsgi_init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._lifespan = self.app.router.lifespan_context(self.app)
        loop.run_until_complete(self._lifespan.__aenter__())

    def __rsgi_del__(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._lifespan is not None:
            loop.run_until_complete(self._lifespan.__aexit__(None, None, None))

    # -- requests --------------------------------------------------------------------------
    async def __rsgi__(self, scope: Any, proto: Any) -> None:
        if self.access is None:
            return await self._handle(scope, proto)
        logged = _Logged(proto)  # the access log in uvicorn's form: client - "METHOD path?query HTTP/1.1" status
        try:
            await self._handle(scope, logged)
        finally:
            target = scope.path + ("?" + scope.query_string if scope.query_string else "")
            self.access.info(
                '%s - "%s %s HTTP/%s" %d', scope.client, scope.method, target, scope.http_version, logged.status
            )

    async def _handle(self, scope: Any, proto: Any) -> None:
        if scope.proto == "http" and scope.path == "/sparql" and scope.method == "GET":
            headers = scope.headers
            if "origin" not in headers and "transfer-encoding" not in headers and not headers.get("content-length"):
                params = _query_string(_raw(scope.query_string))
                queries = params.get("query", ())
                if len(queries) == 1 and not params.keys() & {"update", "using-graph-uri", "using-named-graph-uri"}:
                    await self._query(scope, proto, queries[0], params, headers.get("accept"))
                    return
        await self._asgi(scope, proto)

    async def _query(self, scope: Any, proto: Any, query: str, params: dict, accept: str | None) -> None:
        host = scope.headers.get("host") or scope.server
        base_iri = f"{scope.scheme}://{host}{scope.path}"
        try:
            body, media_type = await execute_query(self.app.state, query, params, accept, base_iri)
            proto.response_bytes(200, [("content-type", media_type), ("vary", "Accept")], body)
            return
        except Exception as e:  # noqa: BLE001 - answered like the app's exception handlers do
            if isinstance(e, VankienError):
                status, kind, text, extra = e.http_status, type(e).__name__, str(e), getattr(e, "headers", None)
            else:
                log.exception("unexpected error on GET /sparql")
                status, kind, text, extra = 500, "InternalError", "unexpected server error (logged)", None
        status, media_type, body, extra = self.render_error("/sparql", accept or "", status, kind, text, extra)
        proto.response_bytes(
            status, [("content-type", media_type), *((k.lower(), v) for k, v in (extra or {}).items())], body
        )

    async def _asgi(self, scope: Any, proto: Any) -> None:
        if scope.proto != "http":
            return
        length = scope.headers.get("content-length") or ""
        whole = "transfer-encoding" not in scope.headers and length.isdigit() and int(length) <= ONE_READ_BYTES
        chunks: Any = None  # a large or chunked body is read a chunk at a time: the body limit stops it early
        done = False

        async def receive() -> dict:
            nonlocal chunks, done
            if done:
                await proto.client_disconnect()
                return {"type": "http.disconnect"}
            if whole:
                done = True
                return {"type": "http.request", "body": await proto(), "more_body": False}
            if chunks is None:
                chunks = proto.__aiter__()
            try:
                return {"type": "http.request", "body": bytes(await chunks.__anext__()), "more_body": True}
            except StopAsyncIteration:
                done = True
                return {"type": "http.request", "body": b"", "more_body": False}

        start: dict = {}
        stream: Any = None

        async def send(message: dict) -> None:
            nonlocal stream
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                return
            body, more = message.get("body", b""), message.get("more_body", False)
            if stream is None:
                status = start.get("status", 200)
                headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start.get("headers", [])]
                if not more:
                    proto.response_bytes(status, headers, body)
                    return
                stream = proto.response_stream(status, headers)
            if body:
                await stream.send_bytes(body)

        await self.app(_asgi_scope(scope), receive, send)
