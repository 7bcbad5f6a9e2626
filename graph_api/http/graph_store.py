"""The SPARQL 1.1 Graph Store HTTP Protocol (``/graph``).

- indirect identification ``/graph?graph=IRI`` and ``/graph?default``; direct identification ``/graph/…`` (the
  graph's IRI is the request's URL without its query string);
- ``GET``/``HEAD`` (406 when no graph format is acceptable; ``ETag``, and 304 to a matching ``If-None-Match``),
  ``PUT`` (replace; 201 when the graph is new, else 204), ``POST`` (merge; a ``multipart/form-data`` body merges
  each part), ``DELETE`` (404 when absent); a graph written empty exists from then on (the store keeps empty
  named graphs);
- ``POST /graph`` without ``graph``/``default`` creates a new graph under the endpoint's URL and answers
  ``201 Created`` with its IRI in ``Location``;
- writes need the update token (as SPARQL Update).
"""

from __future__ import annotations

import hashlib
import uuid
from email.parser import BytesParser
from email.policy import HTTP

from fastapi import APIRouter, Request
from fastapi.responses import Response

from core.errors import QueryError, Refused
from graph_api.http.negotiation import negotiate
from graph_api.http.protocol import check_iri, require_update_token
from graph_api.http.sparql_formats import GRAPH_CONTENT_TYPE, GRAPH_OFFER, GRAPH_TYPES

__all__ = ["graph_store_router", "graph_format_for"]

#: Content-Types of request bodies read as RDF graphs (N-Quads and TriG are datasets: not a graph's body)
BODY_TYPES = {m: f for m, f in GRAPH_TYPES.items() if f not in ("nquads", "trig")}


def graph_format_for(content_type: str | None) -> str:
    """The RDF format of a request body from its Content-Type (415 when not RDF, or not UTF-8)."""
    media, *params = (content_type or "").split(";")
    fmt = BODY_TYPES.get(media.strip().lower())
    if fmt is None:
        raise Refused(
            415, "send Turtle, N-Triples, RDF/XML, JSON-LD or N3 (by Content-Type), or multipart/form-data of them"
        )
    for param in params:
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
            "us-ascii",
            "ascii",
        ):
            raise Refused(415, f"RDF bodies are read as UTF-8; charset={value.strip()} is not accepted")
    return fmt


def _indirect(request: Request) -> tuple[bool, str | None]:
    """(whether a graph is named, its IRI — None for the default graph) from ``?graph=`` / ``?default``."""
    params = request.query_params
    graphs = params.getlist("graph")
    if "default" in params:
        if graphs:
            raise QueryError("give ?graph=IRI or ?default, not both")
        return True, None
    if len(graphs) > 1:
        raise QueryError("give one ?graph=IRI")
    if graphs:
        return True, check_iri(graphs[0], "graph")
    return False, None


def _target(request: Request, rest: str | None) -> str | None:
    if rest is not None:
        if request.query_params.get("graph") is not None or "default" in request.query_params:
            raise QueryError("a graph named by its URL takes no ?graph= or ?default")
        return check_iri(str(request.url.replace(query="", fragment="")), "graph")
    named, graph = _indirect(request)
    if not named:
        raise QueryError("give ?graph=IRI or ?default")
    return graph


def _multipart(body: bytes, content_type: str) -> list[tuple[bytes, str]]:
    """The parts of a ``multipart/form-data`` body, each with its RDF format."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    if not message.is_multipart():
        raise QueryError("the multipart/form-data body has no parts")
    parts = []
    for part in message.iter_parts():
        fmt = graph_format_for(part.get("content-type"))
        data = part.get_payload(decode=True)
        parts.append((data if isinstance(data, bytes) else b"", fmt))
    return parts


async def _read(request: Request, rest: str | None) -> Response:
    """GET/HEAD of a graph (``rest``: the path of a directly identified graph)."""
    if request.headers.get("transfer-encoding") or (request.headers.get("content-length") or "0") != "0":
        raise QueryError(f"a {request.method} request carries no body")
    graph = _target(request, rest)
    media = negotiate(request.headers.get("accept"), GRAPH_OFFER)
    if media is None:
        raise Refused(406, "graphs are available as " + ", ".join(GRAPH_OFFER))
    fmt = GRAPH_TYPES[media]
    body = await request.app.state.runner.call(
        "gsp_get", timeout=request.app.state.settings.query_timeout, graph=graph, format=fmt
    )
    etag = '"' + hashlib.sha256(fmt.encode() + b"\0" + body).hexdigest()[:32] + '"'
    headers = {"Vary": "Accept", "ETag": etag}
    wanted = request.headers.get("if-none-match")
    if wanted and (wanted.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in wanted.split(",")]):
        return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(b"", media_type=GRAPH_CONTENT_TYPE[fmt], headers=headers)
    return Response(body, media_type=GRAPH_CONTENT_TYPE[fmt], headers=headers)


async def _write(request: Request, rest: str | None) -> Response:
    """PUT/POST of a graph; POST to the store itself creates a graph (201 + Location)."""
    require_update_token(request)
    must_be_new = False
    location = None
    graph: str | None
    if rest is None and request.method == "POST" and not _indirect(request)[0]:
        graph = str(request.url.replace(query="", fragment="")).rstrip("/") + "/" + uuid.uuid4().hex
        must_be_new, location = True, graph
    else:
        graph = _target(request, rest)
    content_type = request.headers.get("content-type", "")
    data = await request.body()
    parts = None
    if content_type.split(";")[0].strip().lower() == "multipart/form-data":
        if request.method != "POST":
            raise Refused(415, "multipart/form-data is for POST (SPARQL 1.1 Graph Store Protocol §5.5)")
        parts, fmt = _multipart(data, content_type), "turtle"
    else:
        fmt = graph_format_for(content_type)
    created = await request.app.state.runner.call(
        "gsp_write",
        timeout=request.app.state.settings.update_timeout,
        retry=False,
        graph=graph,
        data=data,
        format=fmt,
        replace=request.method == "PUT",
        parts=parts,
        must_be_new=must_be_new,
    )
    if location:
        return Response(status_code=201, headers={"Location": location})
    return Response(status_code=201 if created else 204)


async def _delete(request: Request, rest: str | None) -> Response:
    require_update_token(request)
    graph = _target(request, rest)
    await request.app.state.runner.call(
        "gsp_delete", timeout=request.app.state.settings.update_timeout, retry=False, graph=graph
    )
    return Response(status_code=204)


async def read(request: Request) -> Response:
    return await _read(request, None)


async def write(request: Request) -> Response:
    return await _write(request, None)


async def delete(request: Request) -> Response:
    return await _delete(request, None)


async def read_direct(request: Request, rest: str) -> Response:
    return await _read(request, rest)


async def write_direct(request: Request, rest: str) -> Response:
    return await _write(request, rest)


async def delete_direct(request: Request, rest: str) -> Response:
    return await _delete(request, rest)


def graph_store_router() -> APIRouter:
    """The Graph Store Protocol endpoints (``/graph``)."""
    router = APIRouter(tags=["sparql"])
    params = {
        "parameters": [
            {"name": "graph", "in": "query", "required": False, "schema": {"type": "string"}},
            {"name": "default", "in": "query", "required": False, "schema": {"type": "string"}},
        ]
    }
    router.add_api_route(
        "/graph",
        read,
        methods=["GET"],
        summary="Graph Store Protocol: read a graph",
        openapi_extra=params,
        responses={404: {"description": "no such graph"}, 304: {"description": "not modified (If-None-Match)"}},
    )
    router.add_api_route("/graph", read, methods=["HEAD"], include_in_schema=False)
    router.add_api_route("/graph", write, methods=["PUT", "POST"], include_in_schema=False)
    router.add_api_route("/graph", delete, methods=["DELETE"], include_in_schema=False)

    router.add_api_route("/graph/{rest:path}", read_direct, methods=["GET", "HEAD"], include_in_schema=False)
    router.add_api_route("/graph/{rest:path}", write_direct, methods=["PUT", "POST"], include_in_schema=False)
    router.add_api_route("/graph/{rest:path}", delete_direct, methods=["DELETE"], include_in_schema=False)
    return router
