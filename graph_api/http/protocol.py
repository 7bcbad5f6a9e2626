"""The SPARQL 1.1 Protocol as a reusable router: query and update (the Graph Store Protocol and the Service
Description are in :mod:`graph_api.http.graph_store`, the hot path of ``/sparql`` in
:mod:`graph_api.http.fast_path`).

Mount with ``app.include_router(sparql_router())``; the router reads ``app.state.runner`` (a started
:class:`graph_api.store.runner.QueryRunner`) and ``app.state.settings`` (:class:`graph_api.http.settings.Settings`).

- ``GET /sparql?query=``, ``POST /sparql`` (form ``query=`` / ``update=``, or a body of type
  ``application/sparql-query`` / ``application/sparql-update``), ``POST /update``;
- ``default-graph-uri`` / ``named-graph-uri`` set the dataset; otherwise the default graph is the
  union of the named graphs (unless the query has ``FROM``);
- results by ``Accept`` (q-values honoured) or ``?format=``; ``GET /sparql`` without a query
  answers the Service Description (browsers are sent to the query page);
- updates and Graph Store writes need ``Authorization: Bearer <token>``: 403 when the operator
  configured no token (read-only), 401 when it is missing or wrong;
- ``SERVICE`` is refused (400) before anything runs (:func:`graph_api.store.sparql_text.check_query`).
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize

from core.errors import QueryError, Refused
from core.formats import FORMAT_PARAM, GRAPH_MEDIA, MEDIA_TYPE_OF, RDF_FORMATS, RESULT_FORMATS, RESULT_MEDIA
from graph_api.http.negotiation import negotiate
from graph_api.store.sparql_text import check_query, has_dataset_clause

__all__ = [
    "sparql_router",
    "require_update_token",
    "execute_query",
    "run_query",
    "run_update",
    "select",
    "check_iri",
    "service_description",
    "RESULT_OFFER",
    "GRAPH_OFFER",
]

log = logging.getLogger("vankien.serve")
RESULT_OFFER = tuple(RESULT_MEDIA)
GRAPH_OFFER = tuple(GRAPH_MEDIA)


def _bearer_ok(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def require_update_token(request: Request) -> None:
    """403 on a read-only service, 401 without the right bearer token."""
    token = request.app.state.settings.update_token
    if token is None:
        raise Refused(403, "this service is read-only: the operator configured no update token")
    if not _bearer_ok(request, token):
        raise Refused(
            401,
            "updates need the header 'Authorization: Bearer <token>'",
            {"WWW-Authenticate": 'Bearer realm="vankien"'},
        )


def check_iri(iri: str, what: str) -> str:
    try:
        return NamedNode(iri).value
    except ValueError as e:
        raise QueryError(f"{what} is not a valid absolute IRI: {iri!r} ({e})") from None


def _formats(accept: str | None, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(results format, graph format) wanted by the client; 406 when neither is acceptable."""
    forced = params["format"][0] if params.get("format") else None
    if forced:
        fmt = FORMAT_PARAM.get(forced.lower()) or RESULT_MEDIA.get(forced.lower()) or GRAPH_MEDIA.get(forced.lower())
        if fmt is None:
            raise Refused(406, f"unknown format {forced!r}: use one of {', '.join(sorted(FORMAT_PARAM))}")
        return (fmt if fmt in RESULT_FORMATS else "json", fmt if fmt in GRAPH_MEDIA.values() else "turtle")
    result = negotiate(accept, RESULT_OFFER)
    graph = negotiate(accept, GRAPH_OFFER)
    if result is None and graph is None:
        raise Refused(406, "not acceptable: results are available as " + ", ".join(RESULT_OFFER + GRAPH_OFFER))
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
            raise Refused(
                415,
                "POST a form (application/x-www-form-urlencoded), application/sparql-query "
                "or application/sparql-update",
            )
    return params


async def execute_query(state: Any, query: str, params: dict[str, list[str]], accept: str | None) -> tuple[bytes, str]:
    """Run one SPARQL query with the service's limits; returns the body and its media type."""
    settings = state.settings
    check_query(query)
    results_format, graph_format = _formats(accept, params)
    defaults = [check_iri(g, "default-graph-uri") for g in params.get("default-graph-uri", ())]
    named = [check_iri(g, "named-graph-uri") for g in params.get("named-graph-uri", ())]
    kind, body = await state.runner.call(
        "query",
        timeout=settings.query_timeout,
        query=query,
        results_format=results_format,
        graph_format=graph_format,
        default_graphs=defaults if (defaults or named) else None,
        named_graphs=named if (defaults or named) else None,
        union=settings.union_default_graph and not has_dataset_clause(query),
        max_rows=settings.max_rows,
    )
    fmt = graph_format if kind == "graph" else results_format
    assert fmt is not None  # the owner answers only in a format it was given
    return body, MEDIA_TYPE_OF[fmt]


async def run_query(request: Request, query: str, params: dict[str, list[str]]) -> Response:
    """Run one SPARQL query for ``request`` and answer with the negotiated format."""
    body, media_type = await execute_query(request.app.state, query, params, request.headers.get("accept"))
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def run_update(request: Request, update: str) -> Response:
    """Run a SPARQL update (the token was checked by the caller)."""
    check_query(update)
    await request.app.state.runner.call(
        "update", timeout=request.app.state.settings.update_timeout, retry=False, update=update
    )
    return Response(status_code=204)


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def service_description(endpoint: str, *, updates: bool, title: str) -> list[Triple]:
    """The SPARQL Service Description of the endpoint, as triples."""
    s, ds, dg = NamedNode(endpoint), BlankNode(), BlankNode()
    sd = lambda term: NamedNode(SD + term)  # noqa: E731
    triples = [
        Triple(s, RDF_TYPE, sd("Service")),
        Triple(s, sd("endpoint"), s),
        Triple(s, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(s, sd("feature"), sd("UnionDefaultGraph")),
        Triple(s, NamedNode("http://purl.org/dc/terms/title"), Literal(title)),
        Triple(s, sd("defaultDataset"), ds),
        Triple(ds, RDF_TYPE, sd("Dataset")),
        Triple(ds, sd("defaultGraph"), dg),
        Triple(dg, RDF_TYPE, sd("Graph")),
    ]
    if updates:
        triples.append(Triple(s, sd("supportedLanguage"), sd("SPARQL11Update")))
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        triples.append(Triple(s, sd("resultFormat"), NamedNode(FORMATS + fmt)))
    return triples


def describe_service(request: Request) -> Response:
    accept = request.headers.get("accept")
    media = negotiate(accept, GRAPH_OFFER + ("text/html",))
    if media == "text/html":
        return RedirectResponse(str(request.url_for("query_page")), status_code=303)
    if media is None:
        raise Refused(406, "the service description is available as " + ", ".join(GRAPH_OFFER))
    settings = request.app.state.settings
    endpoint = str(request.url.replace(query=""))
    fmt = GRAPH_MEDIA[media]
    body = serialize(
        service_description(endpoint, updates=not settings.read_only, title=settings.title),
        format=RDF_FORMATS[fmt],
        prefixes={"sd": SD} if fmt == "turtle" else None,
    )
    return Response(body, media_type=MEDIA_TYPE_OF[fmt], headers={"Vary": "Accept"})


_SPARQL_DOC = {
    "parameters": [
        {
            "name": "query",
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": "a SPARQL 1.1 query; without it, the Service Description",
        },
        {
            "name": "default-graph-uri",
            "in": "query",
            "required": False,
            "schema": {"type": "array", "items": {"type": "string"}},
        },
        {
            "name": "named-graph-uri",
            "in": "query",
            "required": False,
            "schema": {"type": "array", "items": {"type": "string"}},
        },
    ],
    "responses": {
        "200": {
            "description": "results (SPARQL JSON/XML/CSV/TSV; Turtle/N-Triples/JSON-LD/RDF-XML)",
            "content": {m: {} for m in (*RESULT_OFFER, *GRAPH_OFFER)},
        },
        "400": {"description": "malformed or refused query"},
        "406": {"description": "no acceptable format"},
        "429": {"description": "too many concurrent queries"},
        "503": {"description": "the query ran past the time limit and was stopped"},
    },
}


async def sparql(request: Request) -> Response:
    """``/sparql``: one query or update, or (GET without either) the Service Description."""
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
    return describe_service(request)


async def update(request: Request) -> Response:
    """``/update``: one SPARQL update, with the token."""
    require_update_token(request)
    params = await _params(request)
    updates = params.get("update", [])
    if len(updates) != 1:
        raise QueryError("give exactly one update")
    return await run_update(request, updates[0])


def sparql_router() -> APIRouter:
    """The SPARQL Protocol endpoints: ``/sparql`` (GET and POST) and ``/update``."""
    router = APIRouter(tags=["sparql"])
    router.add_api_route(
        "/sparql",
        sparql,
        methods=["GET"],
        openapi_extra=_SPARQL_DOC,
        operation_id="sparql_get",
        summary="SPARQL 1.1 query by GET; without a query, the Service Description",
    )
    router.add_api_route(
        "/sparql",
        sparql,
        methods=["POST"],
        operation_id="sparql_post",
        openapi_extra={
            "requestBody": {
                "content": {
                    "application/sparql-query": {"schema": {"type": "string"}},
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "properties": {"query": {"type": "string"}, "update": {"type": "string"}},
                        }
                    },
                }
            },
            "responses": _SPARQL_DOC["responses"],
        },
        summary="SPARQL 1.1 query (form or application/sparql-query) or update (with the token)",
    )

    router.add_api_route(
        "/update",
        update,
        methods=["POST"],
        summary="SPARQL 1.1 update (needs the bearer token)",
        responses={
            204: {"description": "applied"},
            401: {"description": "no or wrong token"},
            403: {"description": "read-only service"},
        },
    )
    return router


async def select(request: Request, query: str, *, timeout: float | None = None) -> list[dict[str, dict]]:
    """Run a SELECT over the union graph for the service's own pages; rows map variables to SPARQL-JSON terms
    (``{"type": "uri"|"literal"|"bnode", "value": …, "xml:lang"?, "datatype"?}``)."""

    settings = request.app.state.settings
    _, body = await request.app.state.runner.call(
        "query",
        timeout=timeout or settings.query_timeout,
        query=query,
        results_format="json",
        graph_format=None,
        union=True,
        max_rows=settings.max_rows,
    )
    return json.loads(body)["results"]["bindings"]
