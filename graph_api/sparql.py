"""The SPARQL 1.1 Protocol as a reusable router: query, update, Graph Store Protocol, Service Description.

Mount with ``app.include_router(sparql_router())``; the router reads ``app.state.runner`` (a started
:class:`graph_api.worker.QueryRunner`) and ``app.state.settings`` (:class:`graph_api.settings.Settings`).

- ``GET /sparql?query=``, ``POST /sparql`` (form ``query=`` / ``update=``, or a body of type
  ``application/sparql-query`` / ``application/sparql-update``), ``POST /update``;
- ``default-graph-uri`` / ``named-graph-uri`` set the dataset; otherwise the default graph is the
  union of the named graphs (unless the query has ``FROM``);
- results by ``Accept`` (q-values honoured) or ``?format=``; ``GET /sparql`` without a query
  answers the Service Description (browsers are sent to the query page);
- updates and Graph Store writes need ``Authorization: Bearer <token>``: 403 when the operator
  configured no token (read-only), 401 when it is missing or wrong;
- ``SERVICE`` is refused (400) before anything runs.

>>> uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"), uses_service("SELECT * { ?s <http://x/SERVICE> 'SERVICE' }")
(True, False)
>>> has_dataset_clause("SELECT * FROM <http://g> { ?s ?p ?o }"), has_dataset_clause("SELECT ?from { ?from ?p ?o } # FROM")
(True, False)
"""
from __future__ import annotations

import hmac
import logging
import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from graph_api.negotiation import negotiate
from graph_api.remote import has_dataset_clause  # the one place that reads a query's dataset clause
from graph_api.worker import Refused
from vankien.errors import QueryError, VankienError

__all__ = ["sparql_router", "uses_service", "has_dataset_clause", "RESULT_MEDIA", "GRAPH_MEDIA",
           "MEDIA_TYPE_OF", "require_update_token", "graph_format_for", "execute_query", "QueryFastPath"]

RESULT_MEDIA: dict[str, str] = {  # in the server's order of preference, aliases last
    "application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
}
GRAPH_MEDIA: dict[str, str] = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
    "text/plain": "ntriples", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
}
MEDIA_TYPE_OF: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml",
    "nquads": "application/n-quads", "trig": "application/trig",
}
FORMAT_PARAM: dict[str, str] = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml",
}
log = logging.getLogger("vankien.serve")
_RESULT_OFFER = tuple(RESULT_MEDIA)
_GRAPH_OFFER = tuple(GRAPH_MEDIA)

_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*', re.S)
# ("?o.SERVICE <…>" and "1.SERVICE" are SERVICE clauses too: only names and variables may end in it)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
_CACHED_QUERY_LENGTH = 4096  # only short queries are remembered: a cache keyed by huge texts grows without bound
MAX_NESTING = 500


@lru_cache(maxsize=512)
def _keywords_cached(query: str) -> str:
    return _OPAQUE.sub(" ", query)


def _keywords(query: str) -> str:
    """The query without strings, IRIs and comments."""
    return _keywords_cached(query) if len(query) <= _CACHED_QUERY_LENGTH else _OPAQUE.sub(" ", query)


def uses_service(query: str) -> bool:
    """True when the query or update has a ``SERVICE`` clause (strings, IRIs and comments ignored)."""
    return bool(_SERVICE.search(_keywords(query)))


def nesting_depth(query: str) -> int:
    """How deeply groups and brackets nest (a parser recursing that deep would crash the store).

    >>> nesting_depth("SELECT * { { ?s ?p ?o } FILTER((1)) }")
    3
    """
    depth = deepest = 0
    for c in _keywords(query):
        if c in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})":
            depth -= 1
    return deepest


def check_query(query: str) -> None:
    """Refuse what must never reach the store: SERVICE (it would call outside), runaway nesting."""
    if uses_service(query):
        raise QueryError("SERVICE (federated query) is not allowed on this endpoint")
    if nesting_depth(query) > MAX_NESTING:
        raise QueryError(f"the query nests groups or brackets deeper than {MAX_NESTING} levels")


def _bearer_ok(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def require_update_token(request: Request) -> None:
    """403 on a read-only service, 401 without the right bearer token."""
    token = request.app.state.settings.update_token
    if token is None:
        raise Refused(403, "this service is read-only: the operator configured no update token")
    if not _bearer_ok(request, token):
        raise Refused(401, "updates need the header 'Authorization: Bearer <token>'",
                      {"WWW-Authenticate": 'Bearer realm="vankien"'})


def _check_iri(iri: str, what: str) -> str:
    try:
        return NamedNode(iri).value
    except ValueError as e:
        raise QueryError(f"{what} is not a valid absolute IRI: {iri!r} ({e})") from None


def _formats(accept: str | None, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(results format, graph format) wanted by the client; 406 when neither is acceptable."""
    forced = (params.get("format") or [None])[0]
    if forced:
        fmt = FORMAT_PARAM.get(forced.lower()) or RESULT_MEDIA.get(forced.lower()) or GRAPH_MEDIA.get(forced.lower())
        if fmt is None:
            raise Refused(406, f"unknown format {forced!r}: use one of {', '.join(sorted(FORMAT_PARAM))}")
        return (fmt if fmt in ("json", "xml", "csv", "tsv") else "json",
                fmt if fmt in ("turtle", "ntriples", "jsonld", "rdfxml") else "turtle")
    result = negotiate(accept, _RESULT_OFFER)
    graph = negotiate(accept, _GRAPH_OFFER)
    if result is None and graph is None:
        raise Refused(406, "not acceptable: results are available as " + ", ".join(_RESULT_OFFER + _GRAPH_OFFER))
    return (RESULT_MEDIA[result] if result else None, GRAPH_MEDIA[graph] if graph else None)


async def _params(request: Request) -> dict[str, list[str]]:
    """Query-string parameters merged with a form body, or the body as ``query`` / ``update``."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError("the request body is not UTF-8") from None
        if ctype == "application/x-www-form-urlencoded":
            for key, value in parse_qsl(text, keep_blank_values=True):
                params.setdefault(key, []).append(value)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        elif ctype == "application/sparql-update":
            params["update"] = [text]
        else:
            raise Refused(415, "POST a form (application/x-www-form-urlencoded), application/sparql-query "
                               "or application/sparql-update")
    return params


async def execute_query(state: Any, query: str, params: dict[str, list[str]],
                        accept: str | None) -> tuple[bytes, str]:
    """Run one SPARQL query with the service's limits; returns the body and its media type."""
    settings = state.settings
    check_query(query)
    results_format, graph_format = _formats(accept, params)
    defaults = [_check_iri(g, "default-graph-uri") for g in params.get("default-graph-uri", ())]
    named = [_check_iri(g, "named-graph-uri") for g in params.get("named-graph-uri", ())]
    kind, body = await state.runner.call(
        "query", timeout=settings.query_timeout, query=query,
        results_format=results_format, graph_format=graph_format,
        default_graphs=defaults if (defaults or named) else None,
        named_graphs=named if (defaults or named) else None,
        union=settings.union_default_graph and not has_dataset_clause(query),
        max_rows=settings.max_rows)
    return body, MEDIA_TYPE_OF[graph_format if kind == "graph" else results_format]


async def run_query(request: Request, query: str, params: dict[str, list[str]]) -> Response:
    """Run one SPARQL query for ``request`` and answer with the negotiated format."""
    body, media_type = await execute_query(request.app.state, query, params, request.headers.get("accept"))
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


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


class QueryFastPath:
    """The hot path — a SPARQL query by ``GET /sparql?query=``, or ``POST /sparql`` as a form or
    ``application/sparql-query`` — as plain ASGI in front of the whole app (no middleware, router or
    dependency machinery), running the same :func:`execute_query` as the routed endpoint.

    Called with each ``/sparql`` request, it answers it and returns None, or returns the ``receive`` to hand
    the request on with (the body replayed when it was read): requests with an ``Origin`` (CORS), updates,
    bodies without a length or over ``max_body_bytes`` (413), other methods and content types.
    """

    def __init__(self, state: Any, render_error: Any, max_body_bytes: int) -> None:
        self.state = state
        self.render_error = render_error
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> Any:
        method = scope["method"]
        if method != "GET" and method != "POST":
            return receive
        accept = ctype = length = None
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value.decode("latin-1")
            elif name == b"origin":
                return receive
            elif name == b"content-type":
                ctype = value.decode("latin-1").split(";")[0].strip().lower()
            elif name == b"content-length":
                length = value
        params = _query_string(scope["query_string"])
        if method == "POST":
            if ctype not in ("application/x-www-form-urlencoded", "application/sparql-query") \
                    or length is None or not length.isdigit() or int(length) > self.max_body_bytes:
                return receive
            body = b""
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return None  # the client went away
                body += message.get("body", b"")
                if not message.get("more_body"):
                    break
            replayed = False

            async def replay() -> dict:
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
        if len(queries) != 1 or "update" in params:
            return receive
        try:
            body, media_type = await execute_query(self.state, queries[0], params, accept)
            status, headers = 200, [(b"content-type", media_type.encode()), (b"vary", b"Accept")]
        except Exception as e:  # noqa: BLE001 - answered like the app's exception handlers do
            if isinstance(e, VankienError):
                status, kind, message, extra = e.http_status, type(e).__name__, str(e), getattr(e, "headers", None)
            else:
                log.exception("unexpected error on %s /sparql", method)
                status, kind, message, extra = 500, "InternalError", "unexpected server error (logged)", None
            status, media_type, body, extra = self.render_error("/sparql", accept or "", status, kind, message, extra)
            headers = [(b"content-type", media_type.encode())] + [(k.lower().encode(), v.encode())
                                                                  for k, v in (extra or {}).items()]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return None


async def run_update(request: Request, update: str) -> Response:
    """Run a SPARQL update (the token was checked by the caller)."""
    check_query(update)
    await request.app.state.runner.call("update", timeout=request.app.state.settings.update_timeout,
                                        retry=False, update=update)
    return Response(status_code=204)


# -- Service Description ------------------------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def service_description(endpoint: str, *, updates: bool, title: str) -> list[Triple]:
    """The SPARQL Service Description of the endpoint, as triples."""
    s, ds, dg = NamedNode(endpoint), BlankNode(), BlankNode()
    sd = lambda term: NamedNode(SD + term)  # noqa: E731
    triples = [Triple(s, RDF_TYPE, sd("Service")), Triple(s, sd("endpoint"), s),
               Triple(s, sd("supportedLanguage"), sd("SPARQL11Query")),
               Triple(s, sd("feature"), sd("UnionDefaultGraph")),
               Triple(s, NamedNode("http://purl.org/dc/terms/title"), Literal(title)),
               Triple(s, sd("defaultDataset"), ds), Triple(ds, RDF_TYPE, sd("Dataset")),
               Triple(ds, sd("defaultGraph"), dg), Triple(dg, RDF_TYPE, sd("Graph"))]
    if updates:
        triples.append(Triple(s, sd("supportedLanguage"), sd("SPARQL11Update")))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(Triple(s, sd("resultFormat"), NamedNode(FORMATS + fmt)))
    return triples


def _describe_service(request: Request) -> Response:
    accept = request.headers.get("accept")
    media = negotiate(accept, _GRAPH_OFFER + ("text/html",))
    if media == "text/html":
        return RedirectResponse(str(request.url_for("query_page")), status_code=303)
    if media is None:
        raise Refused(406, "the service description is available as " + ", ".join(_GRAPH_OFFER))
    settings = request.app.state.settings
    endpoint = str(request.url.replace(query=""))
    fmt = GRAPH_MEDIA[media]
    body = serialize(service_description(endpoint, updates=not settings.read_only, title=settings.title),
                     format={"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES,
                             "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML}[fmt],
                     prefixes={"sd": SD} if fmt == "turtle" else None)
    return Response(body, media_type=MEDIA_TYPE_OF[fmt], headers={"Vary": "Accept"})


# -- Graph Store Protocol ---------------------------------------------------------------------------------

def graph_format_for(content_type: str | None) -> str:
    """The RDF format of a request body from its Content-Type (415 when not RDF)."""
    media = (content_type or "").split(";")[0].strip().lower()
    fmt = GRAPH_MEDIA.get(media)
    if fmt is None:
        raise Refused(415, "send Turtle, N-Triples, RDF/XML or JSON-LD (by Content-Type)")
    return fmt


def _target_graph(request: Request) -> str | None:
    params = request.query_params
    graph = params.get("graph")
    if graph is None:
        if "default" in params:
            return None
        raise QueryError("give ?graph=IRI or ?default")
    return _check_iri(graph, "graph")


_SPARQL_DOC = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "a SPARQL 1.1 query; without it, the Service Description"},
        {"name": "default-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
    ],
    "responses": {
        "200": {"description": "results (SPARQL JSON/XML/CSV/TSV; Turtle/N-Triples/JSON-LD/RDF-XML)",
                "content": {m: {} for m in (*_RESULT_OFFER, *_GRAPH_OFFER)}},
        "400": {"description": "malformed or refused query"},
        "406": {"description": "no acceptable format"},
        "429": {"description": "too many concurrent queries"},
        "503": {"description": "the query ran past the time limit and was stopped"},
    },
}


def sparql_router() -> APIRouter:
    """The SPARQL Protocol and Graph Store Protocol endpoints."""
    router = APIRouter(tags=["sparql"])

    async def sparql(request: Request) -> Response:
        params = await _params(request)
        queries, updates = params.get("query", []), params.get("update", [])
        if len(queries) + len(updates) > 1:
            raise QueryError("give exactly one query or update")
        if updates:
            if request.method != "POST":
                raise QueryError("updates must be POSTed")
            require_update_token(request)
            return await run_update(request, updates[0])
        if queries:
            return await run_query(request, queries[0], params)
        if request.method == "POST":
            raise QueryError("the request has no query or update")
        return _describe_service(request)

    router.add_api_route("/sparql", sparql, methods=["GET"], openapi_extra=_SPARQL_DOC, operation_id="sparql_get",
                         summary="SPARQL 1.1 query by GET; without a query, the Service Description")
    router.add_api_route("/sparql", sparql, methods=["POST"], operation_id="sparql_post", openapi_extra={
        "requestBody": {"content": {
            "application/sparql-query": {"schema": {"type": "string"}},
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                "query": {"type": "string"}, "update": {"type": "string"}}}}}},
        "responses": _SPARQL_DOC["responses"]},
        summary="SPARQL 1.1 query (form or application/sparql-query) or update (with the token)")

    @router.post("/update", summary="SPARQL 1.1 update (needs the bearer token)",
                 responses={204: {"description": "applied"}, 401: {"description": "no or wrong token"},
                            403: {"description": "read-only service"}})
    async def update(request: Request) -> Response:
        require_update_token(request)
        params = await _params(request)
        updates = params.get("update", [])
        if len(updates) != 1:
            raise QueryError("give exactly one update")
        return await run_update(request, updates[0])

    @router.api_route("/graph", methods=["GET"], summary="Graph Store Protocol: read a graph",
                      openapi_extra={"parameters": [
                          {"name": "graph", "in": "query", "required": False, "schema": {"type": "string"}},
                          {"name": "default", "in": "query", "required": False, "schema": {"type": "string"}}]},
                      responses={404: {"description": "no such graph"}})
    async def graph_get(request: Request) -> Response:
        graph = _target_graph(request)
        media = negotiate(request.headers.get("accept"), _GRAPH_OFFER)
        if media is None:
            raise Refused(406, "graphs are available as " + ", ".join(_GRAPH_OFFER))
        fmt = GRAPH_MEDIA[media]
        body = await request.app.state.runner.call("gsp_get", timeout=request.app.state.settings.query_timeout,
                                                   graph=graph, format=fmt)
        return Response(body if request.method == "GET" else b"", media_type=MEDIA_TYPE_OF[fmt],
                        headers={"Vary": "Accept"})

    router.add_api_route("/graph", graph_get, methods=["HEAD"], include_in_schema=False)

    @router.api_route("/graph", methods=["PUT", "POST"], include_in_schema=False)
    async def graph_write(request: Request) -> Response:
        require_update_token(request)
        graph = _target_graph(request)
        fmt = graph_format_for(request.headers.get("content-type"))
        data = await request.body()
        created = await request.app.state.runner.call(
            "gsp_write", timeout=request.app.state.settings.update_timeout, retry=False,
            graph=graph, data=data, format=fmt, replace=request.method == "PUT")
        return Response(status_code=201 if created else 204)

    @router.delete("/graph", include_in_schema=False)
    async def graph_delete(request: Request) -> Response:
        require_update_token(request)
        graph = _target_graph(request)
        await request.app.state.runner.call("gsp_delete", timeout=request.app.state.settings.update_timeout,
                                            retry=False, graph=graph)
        return Response(status_code=204)

    return router


async def select(request: Request, query: str, *, timeout: float | None = None) -> list[dict[str, dict]]:
    """Run a SELECT over the union graph for the service's own pages; rows map variables to SPARQL-JSON terms
    (``{"type": "uri"|"literal"|"bnode", "value": …, "xml:lang"?, "datatype"?}``)."""
    import json

    settings = request.app.state.settings
    _, body = await request.app.state.runner.call(
        "query", timeout=timeout or settings.query_timeout, query=query, results_format="json",
        graph_format=None, union=True, max_rows=settings.max_rows)
    return json.loads(body)["results"]["bindings"]


def sparql_iri(iri: str) -> str:
    """``<iri>`` safe to splice into a query (ValueError when not an IRI).

    >>> sparql_iri("http://ex.org/a")
    '<http://ex.org/a>'
    """
    return str(NamedNode(iri))


def sparql_string(text: str) -> str:
    """A string literal safe to splice into a query.

    >>> sparql_string('a "b"')
    '"a \\\\"b\\\\""'
    """
    return str(Literal(text))
