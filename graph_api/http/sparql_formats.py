"""The formats of the SPARQL endpoint: what ``/sparql`` and ``/graph`` offer (every format ``oxigraph serve`` offers),
how a request names the one it wants (``Accept``, or a ``format``/``output`` parameter naming a supported format),
and the one text encoding of request bodies (UTF-8).

>>> wanted_formats("application/rdf+xml", {"format": ["xml"], "output": ["xml"]})
('xml', 'rdfxml')
>>> wanted_formats("text/n3", {"format": ["n3"]})
(None, 'n3')
>>> wanted_formats("text/csv", {"format": ["nonsense"]})
('csv', None)
"""

from __future__ import annotations

from core.errors import QueryError, Refused
from core.formats import MEDIA_TYPE_OF, RESULT_MEDIA
from graph_api.http.negotiation import negotiate

__all__ = [
    "RESULT_OFFER",
    "GRAPH_TYPES",
    "GRAPH_OFFER",
    "GRAPH_CONTENT_TYPE",
    "FORMAT_NAMES",
    "wanted_formats",
    "body_text",
]

RESULT_OFFER = tuple(RESULT_MEDIA)
#: graph formats offered for CONSTRUCT/DESCRIBE results and Graph Store reads: media type → format name, in the
#: server's order of preference (every format ``oxigraph serve`` offers; N3 is written as Turtle, valid N3)
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "text/n3": "n3",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "text/rdf+n3": "n3",
    "text/x-nquads": "nquads",
}
GRAPH_OFFER = tuple(GRAPH_TYPES)
GRAPH_CONTENT_TYPE = {
    **MEDIA_TYPE_OF,
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "n3": "text/n3; charset=utf-8",
}
#: ``format=`` / ``output=`` values → (results format, graph format); either may be None (then Accept decides)
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "srj": ("json", None),
    "xml": ("xml", "rdfxml"),
    "srx": ("xml", None),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "n3"),
    "nt": (None, "ntriples"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "rdf/xml": (None, "rdfxml"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "nq": (None, "nquads"),
    "nquads": (None, "nquads"),
    "n-quads": (None, "nquads"),
    "trig": (None, "trig"),
    **{m: (f, None) for m, f in RESULT_MEDIA.items()},
    **{m: (None, f) for m, f in GRAPH_TYPES.items()},
}


def wanted_formats(accept: str | None, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(results format, graph format) wanted by the client; 406 when neither is acceptable.

    ``Accept`` decides, unless a ``format`` (or ``output``) parameter names a supported format: then that format
    wins for its kind (``json`` and ``xml`` name a results format and a graph format); an unknown value is
    ignored."""
    forced_results = forced_graph = None
    for name in ("format", "output"):
        for value in params.get(name, ()):
            pair = FORMAT_NAMES.get(value.strip().lower())
            if pair:
                forced_results = forced_results or pair[0]
                forced_graph = forced_graph or pair[1]
    result = forced_results
    if result is None:
        media = negotiate(accept, RESULT_OFFER)
        result = RESULT_MEDIA[media] if media else None
    graph = forced_graph
    if graph is None:
        media = negotiate(accept, GRAPH_OFFER)
        graph = GRAPH_TYPES[media] if media else None
    if result is None and graph is None:
        raise Refused(406, "not acceptable: results are available as " + ", ".join(RESULT_OFFER + GRAPH_OFFER))
    return result, graph


def body_text(body: bytes, content_type: str) -> str:
    """The text of a request body: UTF-8, as the SPARQL Protocol requires; a ``charset`` other than UTF-8 is
    refused (415), never silently read as UTF-8."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
            if charset not in ("utf-8", "utf8", "us-ascii", "ascii"):
                raise Refused(
                    415,
                    f"the request body must be UTF-8 (SPARQL 1.1 Protocol §2.1.2, §2.1.3, §2.2.1, "
                    f"§2.2.2); charset={value.strip()} is not accepted",
                )
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the request body is not UTF-8") from None
