"""The ceiling of any Python front for ``/sparql`` on this machine: a bare ASGI app on uvicorn that runs each
query in process on a read-only pyoxigraph store and returns pyoxigraph's own JSON — no FastAPI, no time limit,
no row cap, no store-owner process, no cache. Not a product (a runaway query would hold it for ever); the
benchmark runs it beside ``vankien serve`` and ``oxigraph serve`` to show what Python itself costs a request.

    python -m bench.bare_endpoint STORE_DIR PORT
"""
from __future__ import annotations

import sys
from urllib.parse import parse_qs

import uvicorn
from pyoxigraph import QueryResultsFormat, Store


def app_for(store: Store):
    """An ASGI app answering ``GET ?query=`` with SPARQL JSON results."""
    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        query = parse_qs(scope["query_string"].decode()).get("query", ["ASK {}"])[0]
        body = store.query(query, use_default_graph_as_union=True).serialize(format=QueryResultsFormat.JSON)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/sparql-results+json")]})
        await send({"type": "http.response.body", "body": body})
    return app


if __name__ == "__main__":
    uvicorn.run(app_for(Store.read_only(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]),
                log_level="warning", access_log=False)
