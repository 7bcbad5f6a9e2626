"""What travels between vankien and a remote SPARQL server: results with Virtuoso's deviations undone,
the authentication handshake, error messages, and updates cut into requests the server accepts."""

from __future__ import annotations

import json
import re
from collections.abc import Generator

import httpx
from pyoxigraph import BlankNode, NamedNode, Triple  # noqa: F401 (NamedNode: doctest)

from graph_api.store.base import triples_to_ntriples

__all__ = [
    "CANCELLED_STATES",
    "GSP_CHUNK",
    "AutoAuth",
    "chunks",
    "insert_operation",
    "normalise_results",
    "server_message",
]

# SQL states a server answers with when it stopped a query at its time limit instead of returning the partial
# "anytime" answer: Virtuoso's HY008 (statement cancelled, "SR203: Async statement killed by SQLCancel") and
# S1T00 (timeout expired).
CANCELLED_STATES = ("HY008", "S1T00")
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


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
