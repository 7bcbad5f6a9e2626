"""The SPARQL 1.1 Protocol as a reusable router: query and update (the Graph Store Protocol and the Service
Description are in :mod:`graph_api.http.graph_store`, the hot path of ``/sparql`` in
:mod:`graph_api.http.fast_path`).

Mount with ``app.include_router(sparql_router())``; the router reads ``app.state.runner`` (a started
:class:`graph_api.store.runner.QueryRunner`) and ``app.state.settings`` (:class:`graph_api.http.settings.Settings`).

- ``GET /sparql?query=``, ``POST /sparql`` (form ``query=`` / ``update=``, or a body of type
  ``application/sparql-query`` / ``application/sparql-update``), ``POST /update``; a POSTed query or update is
  read from the body only (never from the URL), in UTF-8 (another ``charset``: 415); a GET with a body: 400;
- ``default-graph-uri`` / ``named-graph-uri`` set the dataset of a query (over its FROM);
  ``using-graph-uri`` / ``using-named-graph-uri`` that of an update (an update with its own USING or WITH as
  well: 400); otherwise the default graph of queries and updates alike is the union of the graphs
  (``sd:UnionDefaultGraph``; for updates see :mod:`graph_api.store.update_text`), unless the query has ``FROM``;
- relative IRIs resolve against the endpoint's own URL;
- results by ``Accept`` (q-values honoured) unless ``format=``/``output=`` names a supported format
  (JSON, XML, CSV, TSV results; Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD, N3 graphs);
  ``GET /sparql`` without a query answers the Service Description (browsers are sent to the query page);
- updates and Graph Store writes need ``Authorization: Bearer <token>``: 403 when the operator
  configured no token (read-only), 401 when it is missing or wrong;
- ``SERVICE`` is refused (400) before anything runs (:func:`graph_api.store.sparql_text.check_query`).
"""

from __future__ import annotations

import hmac
import json
import logging
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from core.errors import QueryError, Refused
from core.formats import MEDIA_TYPE_OF, RDF_FORMATS
from graph_api.http.negotiation import negotiate
from graph_api.http.sparql_formats import (
    GRAPH_CONTENT_TYPE,
    GRAPH_OFFER,
    GRAPH_TYPES,
    RESULT_OFFER,
    body_text,
    wanted_formats,
)
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
    "body_text",
    "endpoint_url",
    "RESULT_OFFER",
    "GRAPH_OFFER",
    "GRAPH_TYPES",
    "GRAPH_CONTENT_TYPE",
]

log = logging.getLogger("vankien.serve")


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


async def _params(request: Request) -> dict[str, list[str]]:
    """The protocol parameters of a request. ``query`` / ``update`` come from the body of a POST (a form field,
    or the body itself), never from its URL; the other parameters from the URL and the form."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method != "POST":
        if request.headers.get("transfer-encoding") or (request.headers.get("content-length") or "0") != "0":
            raise QueryError(f"a {request.method} request carries no body: POST a query or update instead")
        return params
    if "query" in params or "update" in params:
        raise QueryError(
            "a POSTed query or update goes in the request body, not in the URL "
            "(SPARQL 1.1 Protocol §2.1.2, §2.2.1): nothing was run"
        )
    content_type = request.headers.get("content-type", "")
    ctype = content_type.split(";")[0].strip().lower()
    if ctype not in ("application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"):
        raise Refused(
            415,
            "POST a form (application/x-www-form-urlencoded), application/sparql-query or application/sparql-update",
        )
    text = body_text(await request.body(), content_type)
    if ctype == "application/x-www-form-urlencoded":
        for key, value in parse_qsl(text, keep_blank_values=True):
            params.setdefault(key, []).append(value)
    elif ctype == "application/sparql-query":
        params["query"] = [text]
    else:
        params["update"] = [text]
    return params


def endpoint_url(request: Request) -> str:
    """The endpoint's own URL: the base IRI of relative IRIs in its queries and updates."""
    return str(request.url.replace(query="", fragment=""))


@lru_cache(maxsize=1024)
def _checked(query: str) -> None:
    """:func:`check_query`, remembered for short queries that passed (a refused one raises again)."""
    check_query(query)


async def execute_query(
    state: Any, query: str, params: dict[str, list[str]], accept: str | None, base_iri: str | None = None
) -> tuple[bytes, str]:
    """Run one SPARQL query with the service's limits; returns the body and its media type.

    The dataset: ``default-graph-uri`` / ``named-graph-uri`` when given (they override the query's FROM, SPARQL
    1.1 Protocol §2.1.4), else the query's FROM, else the union default graph."""
    settings = state.settings
    _checked(query) if len(query) <= 4096 else check_query(query)
    if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
        raise QueryError(
            "using-graph-uri / using-named-graph-uri are update parameters; a query takes "
            "default-graph-uri / named-graph-uri"
        )
    results_format, graph_format = wanted_formats(accept, params)
    defaults = [check_iri(g, "default-graph-uri") for g in params.get("default-graph-uri", ())]
    named = [check_iri(g, "named-graph-uri") for g in params.get("named-graph-uri", ())]
    timeout = settings.query_timeout
    reader = getattr(state, "reader", None)  # bounded queries in this process (graph_api.store.readers)
    if reader is not None and results_format is not None and not defaults and not named:
        answer, given_up = await reader.answer_async(query, results_format, settings.max_rows)
        if answer is not None:
            return answer[1], MEDIA_TYPE_OF[results_format]
        timeout = max(timeout - given_up, 0.001)  # ran here past its budget: the owner has the rest of the limit
    kind, body = await state.runner.call(
        "query",
        timeout=timeout,
        query=query,
        results_format=results_format,
        graph_format=graph_format,
        default_graphs=defaults if (defaults or named) else None,
        named_graphs=named if (defaults or named) else None,
        union=settings.union_default_graph and not has_dataset_clause(query),
        max_rows=settings.max_rows,
        base_iri=base_iri,
    )
    if kind == "graph":
        assert graph_format is not None
        return body, GRAPH_CONTENT_TYPE[graph_format]
    assert results_format is not None
    return body, MEDIA_TYPE_OF[results_format]


async def run_query(request: Request, query: str, params: dict[str, list[str]]) -> Response:
    """Run one SPARQL query for ``request`` and answer with the negotiated format."""
    body, media_type = await execute_query(
        request.app.state, query, params, request.headers.get("accept"), endpoint_url(request)
    )
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def run_update(request: Request, update: str, params: dict[str, list[str]] | None = None) -> Response:
    """Run a SPARQL update (the token was checked by the caller) with its protocol dataset, the endpoint's
    URL as base IRI and the service's dataset rule."""
    params = params or {}
    check_query(update)
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise QueryError(
            "default-graph-uri / named-graph-uri are query parameters; an update takes "
            "using-graph-uri / using-named-graph-uri"
        )
    using = [check_iri(g, "using-graph-uri") for g in params.get("using-graph-uri", ())]
    using_named = [check_iri(g, "using-named-graph-uri") for g in params.get("using-named-graph-uri", ())]
    settings = request.app.state.settings
    await request.app.state.runner.call(
        "update",
        timeout=settings.update_timeout,
        retry=False,
        update=update,
        using=using,
        using_named=using_named,
        base_iri=endpoint_url(request),
        union=settings.union_default_graph,
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
        "N-Quads",
        "TriG",
        "N3",
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
    endpoint = endpoint_url(request)
    fmt = GRAPH_TYPES[media]
    body = serialize(
        service_description(endpoint, updates=not settings.read_only, title=settings.title),
        format=RdfFormat.N3 if fmt == "n3" else RDF_FORMATS[fmt],
        prefixes={"sd": SD} if fmt in ("turtle", "n3", "trig") else None,
    )
    return Response(body, media_type=GRAPH_CONTENT_TYPE[fmt], headers={"Vary": "Accept"})


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
            raise QueryError("updates must be POSTed (SPARQL 1.1 Protocol §2.2): nothing was run")
        require_update_token(request)
        return await run_update(request, updates[0], params)
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
    if len(updates) != 1 or params.get("query"):
        raise QueryError("give exactly one update")
    return await run_update(request, updates[0], params)


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
