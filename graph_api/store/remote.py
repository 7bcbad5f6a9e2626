"""A remote SPARQL 1.1 server behind the ``GraphStore`` interface (``--store sparql:QUERY_URL[,UPDATE_URL]``).

Tested against Oxigraph server (``oxigraph serve``) and OpenLink Virtuoso 7; any server that speaks the
SPARQL 1.1 Protocol (query + update) should do (Apache Jena Fuseki, GraphDB…).

Configuration (constructor arguments win over the environment):

=============================  ====================================================================
``VANKIEN_SPARQL_USER``        user name for the update (and query) endpoint
``VANKIEN_SPARQL_PASSWORD``    its password
``VANKIEN_SPARQL_AUTH``        ``auto`` (default: answer the server's 401 challenge, Digest or Basic),
                               ``basic`` or ``digest`` (Virtuoso's ``/sparql-auth`` wants Digest)
``VANKIEN_SPARQL_GSP``         a Graph Store Protocol endpoint used to replace a graph by one ``PUT``
``VANKIEN_SPARQL_FLAVOUR``     ``auto`` (default: read the ``Server`` header), ``oxigraph``,
                               ``virtuoso`` or ``generic``
``VANKIEN_SPARQL_UNION``       how the union of the named graphs becomes the default graph:
                               ``param``, ``graphs`` or ``native`` (see below)
``VANKIEN_SPARQL_TIMEOUT``     seconds a query may take (default 120); Virtuoso is asked to stop
                               the query itself at that limit (its ``timeout`` parameter)
``VANKIEN_GRAPH_PREFIX``       only named graphs under this IRI are the project's (default
                               ``VANKIEN_BASE``, else ``https://w3id.org/vankien/``)
=============================  ====================================================================

**Same answers as the embedded store.** Results are always fetched as SPARQL JSON (SELECT/ASK) or
N-Triples (CONSTRUCT/DESCRIBE) and re-serialised locally with pyoxigraph, so every backend gives
the same bytes for the same solutions; Virtuoso's quirks are normalised on the way (``typed-literal``,
booleans as ``0``/``1``, ``nodeID://`` blank nodes, its non-standard TSV).

**Union default graph.** The embedded store evaluates a query over the union of the named graphs.
Oxigraph server does the same when asked (``union-default-graph`` parameter, mode ``param``).
Virtuoso, when a query names no graph, queries *every* graph including its own system graphs
(``virtrdf#``, ``DAV/``…), so for it and for unknown servers (mode ``graphs``) the store lists the
project's graphs in the protocol's ``default-graph-uri`` and ``named-graph-uri`` parameters (one
cheap ``named_graphs()`` query first): the same answers as Oxigraph, system graphs excluded. A
query that has its own ``FROM``/``FROM NAMED`` is sent untouched. Mode ``native`` trusts the server's
own default graph (e.g. Fuseki with ``unionDefaultGraph``).

**Replacing a graph, and what is atomic.**

- Oxigraph server: one update request ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {…} }``;
  Oxigraph runs one request in one transaction (a failing operation rolls back the whole request),
  so the graph is fully old or fully new. Not chunked.
- Virtuoso: its SPARQL compiler is slow on big ``INSERT DATA`` (about 1 s for 1,000 triples, and it
  refuses some 3,000 with "generated SQL text has exceeded 10000 lines"; several operations in one
  request get quadratically slower), so the graph is replaced by one Graph Store Protocol ``PUT``
  (``/sparql-graph-crud-auth``, derived from the update URL; 20,000 triples in under a second).
  Virtuoso does **not** roll a request back when it fails half-way (neither a ``PUT`` nor a
  multi-operation update): a server-side failure can leave the graph partly written. The next
  successful ``replace_graph`` of that document repairs it, since it replaces the whole graph.
  Without a GSP endpoint the triples go in chunks of 500 per request (the first request drops the
  old graph): also not atomic.
- Other servers: one update request, chunked into requests of 50,000 triples for very large graphs
  (atomic per request on servers that run a request as a transaction, e.g. Fuseki/TDB2, Oxigraph).
- Triples with blank nodes always travel in one operation (``INSERT {…} WHERE {}``, since Virtuoso
  refuses blank nodes in ``INSERT DATA``), so a blank node is never split across requests.

**Result size.** Virtuoso cuts results at ``ResultSetMaxRows`` (10,000 by default) and says so in an
``X-SPARQL-MaxRows`` header; that raises ``QueryError`` rather than returning a silently cut answer.
``named_graphs()`` and ``export()`` page with ``ORDER BY … LIMIT/OFFSET`` (``page_size``). A Virtuoso
"anytime" partial answer (``X-SQL-State`` header: the store passes its timeout to Virtuoso, which
stops the work there), its cancellation of the query at that limit (SQL state HY008 or S1T00, when it has no
partial answer to give) and its refusal of a query whose estimated cost is over its limit raise ``QueryTimeout``.

**Errors.** 400 → ``QueryError`` with the server's message; unreachable, 401/403/404, 5xx →
``StoreError``; no answer within the timeout → ``QueryTimeout``.

Constructing a store does not touch the network:

>>> SparqlStore("http://127.0.0.1:9/query", "http://127.0.0.1:9/update", flavour="oxigraph").graph_store_url
>>> SparqlStore("http://127.0.0.1:9/sparql-auth", flavour="virtuoso").graph_store_url
'http://127.0.0.1:9/sparql-graph-crud-auth'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import httpx
from pyoxigraph import NamedNode, Quad, QueryBoolean, Triple, parse, parse_query_results

from core.errors import QueryError, QueryTimeout, StoreError
from core.formats import BY_EXTENSION, GRAPH_MEDIA, MEDIA_TYPE_OF, RDF_FORMATS, RESULT_MEDIA, RESULTS_FORMATS, serialise
from graph_api.store.base import ClosingStore, triples_to_ntriples
from graph_api.store.remote_wire import (
    GSP_CHUNK,
    AutoAuth,
    checked,
    chunks,
    dataset_params,
    insert_operation,
    normalise_results,
)
from graph_api.store.sparql_text import query_form

__all__ = ["SparqlStore", "CHUNK_SIZES"]

JSON_RESULTS = MEDIA_TYPE_OF["json"]
NTRIPLES = MEDIA_TYPE_OF["ntriples"]
_NQUADS_MEDIA = {BY_EXTENSION[".nq"].media_type, *BY_EXTENSION[".nq"].aliases}
DEFAULT_PREFIX = "https://w3id.org/vankien/"
CHUNK_SIZES = {"oxigraph": None, "virtuoso": 500, "generic": 50_000}


class SparqlStore(ClosingStore):
    """A remote SPARQL 1.1 server as a ``GraphStore`` (see the module docstring)."""

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        auth_scheme: str | None = None,
        timeout: float | None = None,
        graph_prefix: str | None = None,
        flavour: str | None = None,
        union_mode: str | None = None,
        chunk_size: int | None = None,
        page_size: int = 10_000,
    ) -> None:
        env = os.environ.get
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph_prefix = (
            graph_prefix
            if graph_prefix is not None
            else (env("VANKIEN_GRAPH_PREFIX") or env("VANKIEN_BASE") or DEFAULT_PREFIX)
        )
        self.timeout = float(timeout or env("VANKIEN_SPARQL_TIMEOUT") or 120)
        self.page_size = page_size
        self._graph_store_url = graph_store_url if graph_store_url is not None else env("VANKIEN_SPARQL_GSP")
        self._flavour = flavour or env("VANKIEN_SPARQL_FLAVOUR") or "auto"
        self._union_mode = union_mode or env("VANKIEN_SPARQL_UNION") or None
        self._chunk_size = chunk_size
        user = user if user is not None else env("VANKIEN_SPARQL_USER")
        password = password if password is not None else env("VANKIEN_SPARQL_PASSWORD", "")
        scheme = (auth_scheme or env("VANKIEN_SPARQL_AUTH") or "auto").lower()
        if scheme not in ("auto", "basic", "digest"):
            raise StoreError(f"VANKIEN_SPARQL_AUTH must be auto, basic or digest, not {scheme!r}")
        auth = AutoAuth(user, password, scheme) if user else None
        # The client waits a little longer than the server is asked to work, so that the server's
        # own stop (and its message) arrives first.
        self._client = httpx.Client(auth=auth, timeout=self.timeout + 5, follow_redirects=True)

    # -- configuration -------------------------------------------------------------------------

    @property
    def flavour(self) -> str:
        """``oxigraph``, ``virtuoso`` or ``generic``: read from the server's ``Server`` header once."""
        if self._flavour == "auto":
            response = self._send("GET", self.query_url, params={"query": "ASK {}"}, headers={"Accept": JSON_RESULTS})
            server = response.headers.get("server", "").lower()
            self._flavour = next((f for f in ("oxigraph", "virtuoso") if f in server), "generic")
        return self._flavour

    @property
    def graph_store_url(self) -> str | None:
        """The Graph Store Protocol endpoint used by ``replace_graph``, if any.

        Given explicitly (``""``: none), or derived for Virtuoso from the update URL (``/sparql-auth``
        → ``/sparql-graph-crud-auth``)."""
        if self._graph_store_url == "":
            return None
        if self._graph_store_url is None and self.flavour == "virtuoso":
            for end, crud in (("/sparql-auth", "/sparql-graph-crud-auth"), ("/sparql", "/sparql-graph-crud")):
                if self.update_url.rstrip("/").endswith(end):
                    return self.update_url.rstrip("/")[: -len(end)] + crud
        return self._graph_store_url

    @property
    def union_mode(self) -> str:
        """``param`` (Oxigraph's ``union-default-graph``), ``graphs`` (list the project's graphs in
        the protocol dataset) or ``native`` (the server's default graph already is the union)."""
        if self._union_mode is None:
            self._union_mode = "param" if self.flavour == "oxigraph" else "graphs"
        if self._union_mode not in ("param", "graphs", "native"):
            raise StoreError(f"VANKIEN_SPARQL_UNION must be param, graphs or native, not {self._union_mode!r}")
        return self._union_mode

    # -- HTTP ----------------------------------------------------------------------------------

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.TimeoutException as e:
            raise QueryTimeout(f"the SPARQL server at {url} gave no answer within {self.timeout:g} s") from e
        except httpx.HTTPError as e:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {e}") from e
        return checked(response, url)

    def _dataset(self, sparql: str, union: bool) -> dict[str, Any]:
        return dataset_params(sparql, union, self.union_mode, self.named_graphs)

    def _post_query(self, sparql: str, accept: str, dataset: dict[str, Any]) -> httpx.Response:
        limit = {"timeout": str(int(self.timeout * 1000))} if self.flavour == "virtuoso" else {}
        response = self._send(
            "POST", self.query_url, data={"query": sparql, **dataset, **limit}, headers={"Accept": accept}
        )
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if accept == JSON_RESULTS and RESULT_MEDIA.get(ctype) != "json":
            raise QueryError(
                f"the query did not give SELECT/ASK results (server sent {ctype or 'nothing'}): "
                "use an RDF format (turtle, ntriples, …) for CONSTRUCT/DESCRIBE"
            )
        if accept == NTRIPLES and GRAPH_MEDIA.get(ctype) != "ntriples" and ctype not in _NQUADS_MEDIA:
            raise QueryError(
                f"the query did not give a graph (server sent {ctype or 'nothing'}): "
                "use a results format (json, xml, csv, tsv) for SELECT/ASK"
            )
        return response

    def _solutions(self, sparql: str, dataset: dict[str, Any]):
        response = self._post_query(sparql, JSON_RESULTS, dataset)
        try:
            data = json.loads(response.content)
        except ValueError as e:
            raise StoreError(f"the SPARQL server sent malformed JSON results: {e}") from e
        return parse_query_results(normalise_results(data), RESULTS_FORMATS["json"])

    def _triples(self, sparql: str, dataset: dict[str, Any]) -> list[Triple]:
        response = self._post_query(sparql, NTRIPLES, dataset)
        try:
            return [
                Triple(q.subject, q.predicate, q.object)
                for q in parse(response.content, format=RDF_FORMATS["ntriples"])
            ]
        except SyntaxError as e:
            raise StoreError(f"the SPARQL server sent malformed N-Triples: {e}") from e

    def _rows(self, sparql: str, dataset: dict[str, Any] | None = None) -> list[dict]:
        result = self._solutions(sparql, dataset or {})
        if isinstance(result, QueryBoolean):
            raise QueryError("select() needs a SELECT query, not ASK")
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    def _paged(self, sparql: str, order: str) -> Iterator[dict]:
        """Every row of a SELECT, fetched ``page_size`` rows at a time (Virtuoso caps results)."""
        offset = 0
        while True:
            page = self._rows(f"{sparql}\nORDER BY {order} LIMIT {self.page_size} OFFSET {offset}")
            yield from page
            if len(page) < self.page_size:
                return
            offset += self.page_size

    # -- GraphStore ----------------------------------------------------------------------------

    def query(self, sparql: str, *, results_format: str = "json", union_default_graph: bool = True) -> bytes:
        form = query_form(sparql)
        if form in ("SELECT", "ASK") and results_format in RDF_FORMATS:
            raise QueryError(f"a {form} query gives results, not a graph: use json, xml, csv or tsv")
        if form in ("CONSTRUCT", "DESCRIBE") and results_format in RESULTS_FORMATS:
            raise QueryError(f"a {form} query gives a graph: use turtle, ntriples, jsonld, rdfxml, …")
        dataset = self._dataset(sparql, union_default_graph)
        if results_format in RESULTS_FORMATS:
            return self._solutions(sparql, dataset).serialize(format=RESULTS_FORMATS[results_format])
        if results_format in RDF_FORMATS:
            return serialise(self._triples(sparql, dataset), results_format)
        raise QueryError(
            f"unknown results format {results_format!r}: use one of {', '.join([*RESULTS_FORMATS, *RDF_FORMATS])}"
        )

    def select(self, sparql: str) -> list[dict[str, Any]]:
        return self._rows(sparql, self._dataset(sparql, True))

    def update(self, sparql: str) -> None:
        self._send(
            "POST",
            self.update_url,
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        triples = list(triples)
        if not triples:
            self.drop_graph(graph)
            return
        gsp = self.graph_store_url
        if gsp:
            # a large graph goes as a PUT of its first part then POSTs of the rest (some servers refuse
            # bodies of several MB); like every write on Virtuoso, not atomic
            for i, chunk in enumerate(chunks(triples, GSP_CHUNK)):
                self._send(
                    "PUT" if i == 0 else "POST",
                    gsp,
                    params={"graph": graph},
                    content=triples_to_ntriples(chunk).encode("utf-8"),
                    headers={"Content-Type": "application/n-triples; charset=utf-8"},
                )
            return
        size = self._chunk_size if self._chunk_size is not None else CHUNK_SIZES[self.flavour]
        for i, chunk in enumerate(chunks(triples, size)):
            ops = ([f"DROP SILENT GRAPH <{graph}>"] if i == 0 else []) + [insert_operation(graph, chunk)]
            self.update(" ;\n".join(ops))

    def add_graphs(self, graphs: dict[str, list[Triple]]) -> None:
        """Add graphs not yet in the store: on Oxigraph in one update request (one transaction);
        elsewhere graph by graph, as ``replace_graph`` does (one GSP ``PUT`` each on Virtuoso)."""
        size = self._chunk_size if self._chunk_size is not None else CHUNK_SIZES[self.flavour]
        if self.graph_store_url or size is not None:
            for graph, triples in graphs.items():
                self.replace_graph(graph, triples)
            return
        ops = [insert_operation(graph, list(triples)) for graph, triples in graphs.items() if triples]
        if ops:
            self.update(" ;\n".join(ops))

    def add_nquads(self, data: bytes, *, bulk: bool = False, trusted: bool = False) -> None:
        """Add N-Quads of graphs not yet in the store, grouped by graph and sent as ``add_graphs`` does
        (``bulk`` and ``trusted`` change nothing: the server decides how it writes)."""
        graphs: dict[str, list[Triple]] = {}
        for q in parse(data, format=RDF_FORMATS["nquads"]):
            graphs.setdefault(q.graph_name.value, []).append(Triple(q.subject, q.predicate, q.object))
        self.add_graphs(graphs)

    def drop_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def load_graph(self, graph: str, data: bytes, *, format: str = "turtle") -> None:
        triples = [Triple(q.subject, q.predicate, q.object) for q in parse(data, format=RDF_FORMATS[format])]
        self.replace_graph(graph, triples)

    def named_graphs(self) -> list[str]:
        """The project's named graphs (those under ``graph_prefix``), sorted."""
        where = "GRAPH ?g { ?s ?p ?o }"
        if self.graph_prefix:
            where += f" FILTER(STRSTARTS(STR(?g), {json.dumps(self.graph_prefix)}))"
        rows = self._paged(f"SELECT DISTINCT ?g WHERE {{ {where} }}", "?g")
        return sorted(row["g"].value for row in rows if isinstance(row.get("g"), NamedNode))

    def graph_triples(self, graph: str) -> list[Triple]:
        """Every triple of one named graph (paged)."""
        triples: list[Triple] = []
        offset = 0
        while True:
            page = self._triples(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                f"ORDER BY ?s ?p ?o LIMIT {self.page_size} OFFSET {offset}",
                {},
            )
            triples += page
            if len(page) < self.page_size:
                return triples
            offset += self.page_size

    def export(self, out: BinaryIO, *, format: str = "nquads") -> None:
        fmt = RDF_FORMATS[format]
        graphs = self.named_graphs()
        if format == "nquads":
            for g in graphs:  # streamed graph by graph
                out.write(
                    serialise(
                        [Quad(t.subject, t.predicate, t.object, NamedNode(g)) for t in self.graph_triples(g)], format
                    )
                )
        elif fmt.supports_datasets:
            out.write(
                serialise(
                    [
                        Quad(t.subject, t.predicate, t.object, NamedNode(g))
                        for g in graphs
                        for t in self.graph_triples(g)
                    ],
                    format,
                )
            )
        else:  # the union graph
            union = dict.fromkeys(t for g in graphs for t in self.graph_triples(g))
            out.write(serialise(list(union), format))

    def triple_count(self, graph: str | None = None) -> int:
        """Number of quads, in one graph or in all the project's graphs."""
        if graph:
            where = f"GRAPH <{graph}> {{ ?s ?p ?o }}"
        else:
            where = "GRAPH ?g { ?s ?p ?o }" + (
                f" FILTER(STRSTARTS(STR(?g), {json.dumps(self.graph_prefix)}))" if self.graph_prefix else ""
            )
        return int(self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server persists its own writes."""

    def close(self) -> None:
        self._client.close()
