"""The one registry of formats: RDF graphs and datasets, and SPARQL query results.

Each format has one short name used everywhere in the code (``turtle``, ``nquads``, ``json``…), its media
type and the other media types it is known by, its ``?format=`` names, its file extension and the
pyoxigraph format that parses and serialises it. Every table of formats or media types the project needs
is derived from :data:`FORMATS`.

>>> RDF_FORMATS["turtle"], RESULTS_FORMATS["tsv"]
(<RdfFormat Turtle>, <QueryResultsFormat SPARQL Results in TSV>)
>>> GRAPH_MEDIA["application/x-turtle"], RESULT_MEDIA["application/json"]
('turtle', 'json')
>>> MEDIA_TYPE_OF["csv"], FORMAT_PARAM["ttl"], BY_EXTENSION[".nq"].name
('text/csv; charset=utf-8', 'turtle', 'nquads')
>>> media_types("turtle", "jsonld")
('text/turtle', 'application/ld+json')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Quad, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Triple, serialize

__all__ = [
    "Format",
    "FORMATS",
    "RDF_FORMATS",
    "GRAPH_FORMATS",
    "RESULTS_FORMATS",
    "RESULT_FORMATS",
    "GRAPH_MEDIA",
    "RESULT_MEDIA",
    "MEDIA_TYPE_OF",
    "FORMAT_PARAM",
    "BY_EXTENSION",
    "media_types",
    "PREFIXED",
    "serialise",
    "serialise_results",
]


@dataclass(frozen=True)
class Format:
    """One serialisation format."""

    name: str
    kind: str  # "results" (SELECT/ASK), "graph" (triples) or "dataset" (quads)
    media_type: str
    extension: str
    aliases: tuple[str, ...] = ()  # other media types read as this format
    params: tuple[str, ...] = ()  # names accepted by ``?format=`` besides ``name``
    charset: bool = False  # a text format whose Content-Type names its charset
    rdf: RdfFormat | None = None
    results: QueryResultsFormat | None = None

    @property
    def content_type(self) -> str:
        """The Content-Type header of a response in this format."""
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type


#: In the server's order of preference within each kind.
FORMATS: tuple[Format, ...] = (
    Format(
        "json",
        "results",
        "application/sparql-results+json",
        ".srj",
        ("application/json",),
        ("srj",),
        results=QueryResultsFormat.JSON,
    ),
    Format(
        "xml",
        "results",
        "application/sparql-results+xml",
        ".srx",
        ("application/xml", "text/xml"),
        ("srx",),
        results=QueryResultsFormat.XML,
    ),
    Format("csv", "results", "text/csv", ".csv", charset=True, results=QueryResultsFormat.CSV),
    Format("tsv", "results", "text/tab-separated-values", ".tsv", charset=True, results=QueryResultsFormat.TSV),
    Format(
        "turtle",
        "graph",
        "text/turtle",
        ".ttl",
        ("application/x-turtle",),
        ("ttl",),
        charset=True,
        rdf=RdfFormat.TURTLE,
    ),
    Format("ntriples", "graph", "application/n-triples", ".nt", ("text/plain",), ("nt",), rdf=RdfFormat.N_TRIPLES),
    Format("jsonld", "graph", "application/ld+json", ".jsonld", (), ("json-ld",), rdf=RdfFormat.JSON_LD),
    Format("rdfxml", "graph", "application/rdf+xml", ".rdf", (), ("rdf",), rdf=RdfFormat.RDF_XML),
    Format("nquads", "dataset", "application/n-quads", ".nq", ("text/x-nquads",), ("nq",), rdf=RdfFormat.N_QUADS),
    Format("trig", "dataset", "application/trig", ".trig", (), (), rdf=RdfFormat.TRIG),
)

_BY_NAME = {f.name: f for f in FORMATS}

#: name → pyoxigraph format, for every RDF format (graphs and datasets).
RDF_FORMATS: dict[str, RdfFormat] = {f.name: f.rdf for f in FORMATS if f.rdf is not None}
#: the same, as the service's Graph Store Protocol and dumps know them.
GRAPH_FORMATS = RDF_FORMATS
#: name → pyoxigraph results format.
RESULTS_FORMATS: dict[str, QueryResultsFormat] = {f.name: f.results for f in FORMATS if f.results is not None}
RESULT_FORMATS: tuple[str, ...] = tuple(RESULTS_FORMATS)
#: media type (canonical, then aliases) → name, for SELECT/ASK results.
RESULT_MEDIA: dict[str, str] = {
    **{f.media_type: f.name for f in FORMATS if f.kind == "results"},
    **{a: f.name for f in FORMATS if f.kind == "results" for a in f.aliases},
}
#: media type → name, for graphs (CONSTRUCT/DESCRIBE results, Graph Store bodies), each with its aliases.
GRAPH_MEDIA: dict[str, str] = {m: f.name for f in FORMATS if f.kind == "graph" for m in (f.media_type, *f.aliases)}
#: name → Content-Type of a response.
MEDIA_TYPE_OF: dict[str, str] = {f.name: f.content_type for f in FORMATS}
#: ``?format=`` value → name (results and graphs; datasets are not offered by ``/sparql``).
FORMAT_PARAM: dict[str, str] = {p: f.name for f in FORMATS if f.kind != "dataset" for p in (f.name, *f.params)}
#: file extension → format.
BY_EXTENSION: dict[str, Format] = {f.extension: f for f in FORMATS}
#: formats whose serialisation uses namespace prefixes.
PREFIXED = frozenset({"turtle", "trig", "rdfxml"})


def media_types(*names: str) -> tuple[str, ...]:
    """The canonical media types of formats, in the given order (an offer for content negotiation)."""
    return tuple(_BY_NAME[n].media_type for n in names)


def serialise(terms: Iterable[Triple] | Iterable[Quad], name: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples or quads serialised in the RDF format ``name`` (prefixes only where the format uses them).

    >>> from pyoxigraph import NamedNode
    >>> serialise([Triple(NamedNode("http://ex.org/s"), NamedNode("http://ex.org/p"), NamedNode("http://ex.org/o"))],
    ...           "ntriples")
    b'<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .\\n'
    """
    data = serialize(terms, format=RDF_FORMATS[name], prefixes=prefixes if name in PREFIXED else None)
    assert data is not None  # no output given: pyoxigraph returns the bytes
    return data


def serialise_results(result: QuerySolutions | QueryBoolean, name: str) -> bytes:
    """SELECT or ASK results serialised in the results format ``name``."""
    data = result.serialize(format=RESULTS_FORMATS[name])
    assert data is not None
    return data
