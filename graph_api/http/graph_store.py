"""The SPARQL 1.1 Graph Store HTTP Protocol (``/graph``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from core.errors import QueryError, Refused
from core.formats import GRAPH_MEDIA, MEDIA_TYPE_OF
from graph_api.http.negotiation import negotiate
from graph_api.http.protocol import GRAPH_OFFER, check_iri, require_update_token

__all__ = ["graph_store_router", "graph_format_for"]


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
    return check_iri(graph, "graph")


def graph_store_router() -> APIRouter:
    """The Graph Store Protocol endpoints (``/graph``)."""
    router = APIRouter(tags=["sparql"])

    @router.api_route(
        "/graph",
        methods=["GET"],
        summary="Graph Store Protocol: read a graph",
        openapi_extra={
            "parameters": [
                {"name": "graph", "in": "query", "required": False, "schema": {"type": "string"}},
                {"name": "default", "in": "query", "required": False, "schema": {"type": "string"}},
            ]
        },
        responses={404: {"description": "no such graph"}},
    )
    async def graph_get(request: Request) -> Response:
        graph = _target_graph(request)
        media = negotiate(request.headers.get("accept"), GRAPH_OFFER)
        if media is None:
            raise Refused(406, "graphs are available as " + ", ".join(GRAPH_OFFER))
        fmt = GRAPH_MEDIA[media]
        body = await request.app.state.runner.call(
            "gsp_get", timeout=request.app.state.settings.query_timeout, graph=graph, format=fmt
        )
        return Response(
            body if request.method == "GET" else b"", media_type=MEDIA_TYPE_OF[fmt], headers={"Vary": "Accept"}
        )

    router.add_api_route("/graph", graph_get, methods=["HEAD"], include_in_schema=False)

    @router.api_route("/graph", methods=["PUT", "POST"], include_in_schema=False)
    async def graph_write(request: Request) -> Response:
        require_update_token(request)
        graph = _target_graph(request)
        fmt = graph_format_for(request.headers.get("content-type"))
        data = await request.body()
        created = await request.app.state.runner.call(
            "gsp_write",
            timeout=request.app.state.settings.update_timeout,
            retry=False,
            graph=graph,
            data=data,
            format=fmt,
            replace=request.method == "PUT",
        )
        return Response(status_code=201 if created else 204)

    @router.delete("/graph", include_in_schema=False)
    async def graph_delete(request: Request) -> Response:
        require_update_token(request)
        graph = _target_graph(request)
        await request.app.state.runner.call(
            "gsp_delete", timeout=request.app.state.settings.update_timeout, retry=False, graph=graph
        )
        return Response(status_code=204)

    return router
