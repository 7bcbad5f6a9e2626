"""The hot path of ``/sparql``: a SPARQL query answered as plain ASGI in front of the whole app."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import Message, Receive, Scope, Send

from core.errors import VankienError
from graph_api.http.protocol import execute_query

__all__ = ["QueryFastPath"]

log = logging.getLogger("vankien.serve")
_CACHED_QUERY_LENGTH = 4096  # only short query strings are remembered


def _query_string(raw: bytes) -> dict[str, list[str]]:
    """The parameters of a URL's query string (short ones remembered)."""
    return _query_string_cached(raw) if len(raw) <= _CACHED_QUERY_LENGTH else _parse_query_string(raw)


@lru_cache(maxsize=1024)
def _query_string_cached(raw: bytes) -> dict[str, list[str]]:
    return _parse_query_string(raw)


def _parse_query_string(raw: bytes) -> dict[str, list[str]]:
    """The parameters of a URL's query string (shared between calls: do not change them).

    >>> _query_string(b"query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fg&x")
    {'query': ['ASK{}'], 'default-graph-uri': ['http://g'], 'x': ['']}
    """
    params: dict[str, list[str]] = {}
    for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        params.setdefault(key, []).append(value)
    return params


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body (None when the client went away)."""
    body = b""
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


def _scan(headers: list[tuple[bytes, bytes]]) -> tuple[str | None, str | None, str, bytes | None, str | None] | None:
    """(accept, media type, charset parameter, content-length, host) of a request's headers; None for a request the
    fast path hands on (CORS, a chunked body)."""
    accept = ctype = length = host = None
    charset = ""
    for name, value in headers:
        if name == b"accept":
            accept = value.decode("latin-1")
        elif name == b"origin" or name == b"transfer-encoding":
            return None
        elif name == b"content-type":
            ctype, _, charset = value.decode("latin-1").partition(";")
            ctype = ctype.strip().lower()
        elif name == b"content-length":
            length = value
        elif name == b"host":
            host = value.decode("latin-1")
    return accept, ctype, charset, length, host


class QueryFastPath:
    """The hot path — a SPARQL query by ``GET /sparql?query=``, or ``POST /sparql`` as a form or
    ``application/sparql-query`` — as plain ASGI in front of the whole app (no middleware, router or
    dependency machinery), running the same :func:`execute_query` as the routed endpoint.

    Called with each ``/sparql`` request, it answers it and returns None, or returns the ``receive`` to hand
    the request on with (the body replayed when it was read): requests with an ``Origin`` (CORS), updates,
    bodies without a length or over ``max_body_bytes`` (413), a GET with a body, a POST with ``query`` or
    ``update`` in its URL or a charset other than UTF-8, other methods and content types — the routed
    endpoint answers (or refuses) those.
    """

    def __init__(self, state: Any, render_error: Any, max_body_bytes: int) -> None:
        self.state = state
        self.render_error = render_error
        self.max_body_bytes = max_body_bytes

    async def _answer(
        self, method: str, query: str, params: dict[str, list[str]], accept: str | None, base_iri: str
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """(status, headers, body) of a query's answer, or of its error as the app's handlers render it."""
        try:
            body, media_type = await execute_query(self.state, query, params, accept, base_iri)
            return 200, [(b"content-type", media_type.encode()), (b"vary", b"Accept")], body
        except Exception as e:  # noqa: BLE001 - answered like the app's exception handlers do
            if isinstance(e, VankienError):
                status, kind, text, extra = e.http_status, type(e).__name__, str(e), getattr(e, "headers", None)
            else:
                log.exception("unexpected error on %s /sparql", method)
                status, kind, text, extra = 500, "InternalError", "unexpected server error (logged)", None
            status, media_type, body, extra = self.render_error("/sparql", accept or "", status, kind, text, extra)
            headers = [(b"content-type", media_type.encode())]
            return status, headers + [(k.lower().encode(), v.encode()) for k, v in (extra or {}).items()], body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        method = scope["method"]
        if method != "GET" and method != "POST":
            return receive
        scanned = _scan(scope["headers"])
        if scanned is None:
            return receive
        accept, ctype, charset, length, host = scanned
        params = _query_string(scope["query_string"])
        if method == "GET":
            if length not in (None, b"0"):
                return receive  # refused by the routed endpoint: a GET carries no body
        else:
            if (
                ctype not in ("application/x-www-form-urlencoded", "application/sparql-query")
                or (charset and charset.strip().lower().replace('"', "") not in ("charset=utf-8", "charset=utf8"))
                or "query" in params
                or "update" in params
                or length is None
                or not length.isdigit()
                or int(length) > self.max_body_bytes
            ):
                return receive
            body = await _read_body(receive)
            if body is None:
                return None  # the client went away
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}

            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return replay
            params = {key: list(values) for key, values in params.items()}
            if ctype == "application/sparql-query":
                params["query"] = [text]
            else:
                for key, value in parse_qsl(text, keep_blank_values=True):
                    params.setdefault(key, []).append(value)
            receive = replay
        queries = params.get("query", ())
        if len(queries) != 1 or "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
            return receive
        if host is None:
            server = scope.get("server") or ("127.0.0.1", 80)
            host = f"{server[0]}:{server[1]}"
        base_iri = f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"  # its own URL
        status, headers, body = await self._answer(method, queries[0], params, accept, base_iri)
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return None
