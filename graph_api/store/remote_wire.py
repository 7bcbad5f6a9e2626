"""What travels between vankien and a remote SPARQL server: results with Virtuoso's deviations undone,
the authentication handshake, error messages, and updates cut into requests the server accepts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator

import httpx
from pyoxigraph import BlankNode, NamedNode, Triple  # noqa: F401 (NamedNode: doctest)

from core.errors import QueryError, QueryTimeout, StoreError
from graph_api.store.base import triples_to_ntriples
from graph_api.store.sparql_text import has_dataset_clause

__all__ = [
    "CANCELLED_STATES",
    "GSP_CHUNK",
    "AutoAuth",
    "chunks",
    "insert_operation",
    "normalise_results",
    "server_message",
    "checked",
    "dataset_params",
]

# SQL states a server answers with when it stopped a query at its time limit instead of returning the partial
# "anytime" answer: Virtuoso's HY008 (statement cancelled, "SR203: Async statement killed by SQLCancel") and
# S1T00 (timeout expired).
CANCELLED_STATES = ("HY008", "S1T00")
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
#: a graph that never exists: keeps a protocol dataset list non-empty (Virtuoso reads an empty
#: ``named-graph-uri`` list as "all graphs").
EMPTY_GRAPH = "urn:x-vankien:empty-graph"


def _bnode_id(value: str) -> str:
    """A blank node label pyoxigraph accepts (Virtuoso says ``nodeID://b10003``)."""
    value = value.removeprefix("nodeID://")
    return re.sub(r"[^A-Za-z0-9_]", "_", value) or "b"


def normalise_results(data: dict) -> bytes:
    """SPARQL JSON results with Virtuoso's deviations undone, ready for ``parse_query_results``."""
    if "boolean" in data:
        return json.dumps({"head": {}, "boolean": bool(data["boolean"])}).encode()
    rows = []
    for binding in data.get("results", {}).get("bindings", []):
        row = {}
        for name, term in binding.items():
            term = dict(term)
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
            if term.get("type") == "literal" and term.get("datatype") == XSD_BOOLEAN:
                term["value"] = {"1": "true", "0": "false"}.get(term["value"], term["value"])
            if term.get("type") == "bnode":
                term["value"] = _bnode_id(term["value"])
            row[name] = term
        rows.append(row)
    return json.dumps({"head": {"vars": data.get("head", {}).get("vars", [])}, "results": {"bindings": rows}}).encode()


class AutoAuth(httpx.Auth):
    """Answers a 401 with the scheme the server asks for (Digest or Basic); fixed once known."""

    requires_request_body = True

    def __init__(self, user: str, password: str, scheme: str = "auto") -> None:
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self.scheme = scheme

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self.scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").lower()
        self.scheme = "digest" if challenge.startswith("digest") else "basic"
        yield from self.auth_flow(request)


def server_message(response: httpx.Response) -> str:
    """The server's error text, without Virtuoso's echo of the whole query."""
    text = response.text.split("\nSPARQL query:", 1)[0]
    text = re.sub(r"<[^>]+>", " ", text) if "html" in response.headers.get("content-type", "") else text
    return " ".join(text.split())[:1000]


def _has_bnode(triple: Triple) -> bool:
    return isinstance(triple.subject, BlankNode) or isinstance(triple.object, BlankNode)


GSP_CHUNK = 1_000  # triples per Graph Store Protocol request (Virtuoso cuts larger bodies)


def chunks(triples: list[Triple], size: int | None) -> list[list[Triple]]:
    """Triples in requests of ``size``; those with blank nodes together in the last one.

    >>> t = [Triple(NamedNode("http://a"), NamedNode("http://p"), NamedNode(f"http://o{i}")) for i in range(5)]
    >>> [len(c) for c in chunks(t, 2)], [len(c) for c in chunks(t, None)]
    ([2, 2, 1], [5])
    """
    plain = [t for t in triples if not _has_bnode(t)]
    blank = [t for t in triples if _has_bnode(t)]
    step = size or len(plain) or 1
    chunks = [plain[i : i + step] for i in range(0, len(plain), step)]
    return chunks + ([blank] if blank else [])


def insert_operation(graph: str, triples: list[Triple]) -> str:
    """One insert operation; ``INSERT … WHERE {}`` when blank nodes are present (Virtuoso refuses
    them in ``INSERT DATA``)."""
    body = triples_to_ntriples(triples)
    if any(_has_bnode(t) for t in triples):
        return f"INSERT {{ GRAPH <{graph}> {{\n{body}\n}} }} WHERE {{}}"
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


def checked(response: httpx.Response, url: str) -> httpx.Response:
    """The response of a server that answered, or the error its status (and Virtuoso's headers) stands for."""
    status = response.status_code
    if status < 300:
        if "x-sql-state" in response.headers:  # Virtuoso's "anytime" partial answer
            raise QueryTimeout(
                f"the SPARQL server stopped the query at its time limit: "
                f"{response.headers.get('x-sql-message', '').strip()}"
            )
        if "x-sparql-maxrows" in response.headers:
            raise QueryError(
                f"the SPARQL server cut the result at {response.headers['x-sparql-maxrows']} "
                "rows (Virtuoso's ResultSetMaxRows): raise it or page with LIMIT/OFFSET"
            )
        return response
    message = server_message(response)
    if status == 400 or status in (406, 415) or (400 < status < 500 and status not in (401, 403, 404, 407)):
        raise QueryError(message or f"the SPARQL server refused the request ({status})")
    if status in (401, 403, 407):
        raise StoreError(
            f"the SPARQL server at {url} refused the credentials ({status}): set "
            f"VANKIEN_SPARQL_USER / VANKIEN_SPARQL_PASSWORD. {message}".strip()
        )
    if status == 404:
        raise StoreError(f"no SPARQL endpoint at {url} (404)")
    if "estimated execution time" in message:  # Virtuoso's refusal by cost estimate
        raise QueryTimeout(f"the SPARQL server refused a query that would run too long: {message}")
    if any(state in message for state in CANCELLED_STATES):  # stopped at the limit with no partial answer
        raise QueryTimeout(f"the SPARQL server stopped the query at its time limit: {message}")
    raise StoreError(f"the SPARQL server at {url} failed ({status}): {message}")


def dataset_params(sparql: str, union: bool, mode: str, graphs: Callable[[], list[str]]) -> dict[str, object]:
    """The protocol's dataset parameters of a query (see the union modes of :mod:`graph_api.store.remote`)."""
    if has_dataset_clause(sparql) or mode == "native":
        return {}
    if mode == "param":
        return {"union-default-graph": ""} if union else {}
    named = graphs()
    return {"default-graph-uri": (named if union else []) + [EMPTY_GRAPH], "named-graph-uri": named + [EMPTY_GRAPH]}
