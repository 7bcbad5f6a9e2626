"""The store owner: runs queries, updates, Graph Store calls and dumps against the one store it opened, in the
worker process (see :mod:`graph_api.store.worker`); every method returns a picklable value."""

from __future__ import annotations

import itertools
import os
import threading
import uuid
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Store, Triple, parse, serialize

from core.errors import NotFound, QueryError, Refused
from core.formats import GRAPH_FORMATS, serialise, serialise_results
from graph_api.store.base import GraphStore, triples_to_ntriples
from graph_api.store.embedded import open_disk_store
from graph_api.store.remote import SparqlStore
from graph_api.store.results import native_solutions, serialise_solutions, too_many
from graph_api.store.safe_load import Loader, load_operation
from graph_api.store.sparql_text import check_query, query_form
from graph_api.store.spec import parse_spec
from graph_api.store.update_text import graphs_named, has_load, mentions_load, rewrite

__all__ = ["StoreOwner"]


def _graph_name(graph: str | None) -> NamedNode | DefaultGraph:
    return DefaultGraph() if graph is None else NamedNode(graph)


def _serialise_graph(triples: list[Triple], fmt: str, prefixes: dict[str, str]) -> bytes:
    """Triples in a graph format of the registry, or in N3 (``"n3"``, which the registry does not list)."""
    if fmt == "n3":
        data = serialize(triples, format=RdfFormat.N3, prefixes=prefixes)
        assert data is not None
        return data
    return serialise(triples, fmt, prefixes=prefixes)


class StoreOwner:
    """Runs calls against the store it owns; every method returns a picklable value."""

    def __init__(self, spec: str, prefixes: dict[str, str] | None = None) -> None:
        parsed = parse_spec(spec)
        self.prefixes = prefixes or {}
        self.write_lock = threading.Lock()
        self.remote: GraphStore | None = None
        self.loader = Loader()  # LOAD rules from the environment (VANKIEN_LOAD_ALLOW …)
        self.store = Store()
        if parsed.kind == "sparql":
            assert parsed.query_url is not None
            self.remote = SparqlStore(parsed.query_url, parsed.update_url)
        elif not parsed.in_memory:
            assert parsed.path is not None
            self.store = open_disk_store(parsed.path)

    # -- queries ---------------------------------------------------------------------------
    def query(
        self,
        query: str,
        results_format: str | None,
        graph_format: str | None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        union: bool = True,
        max_rows: int = 100_000,
        base_iri: str | None = None,
    ) -> tuple[str, bytes]:
        check_query(query)  # also for the views and the trace, which call the worker directly
        if self.remote is not None:
            return self._remote_query(query, results_format, graph_format, default_graphs, named_graphs, union)
        kwargs: dict[str, Any] = {"base_iri": base_iri} if base_iri else {}
        if default_graphs is not None or named_graphs is not None:
            kwargs["default_graph"] = [_graph_name(g) for g in default_graphs or []]
            if named_graphs is not None:
                kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
        elif union:
            kwargs["use_default_graph_as_union"] = True
        result = self.store.query(query, **kwargs)
        if isinstance(result, QueryBoolean):
            if results_format is None:
                raise Refused(406, "an ASK result is available as SPARQL JSON, XML, CSV or TSV")
            return "boolean", serialise_results(result, results_format)
        if isinstance(result, QuerySolutions):
            if results_format is None:
                raise Refused(406, "a SELECT result is available as SPARQL JSON, XML, CSV or TSV")
            if results_format != "csv":  # CSV cannot be parsed back to count its rows
                body = native_solutions(result, results_format, max_rows)
                if body is not None:
                    return "solutions", body
                result = self.store.query(query, **kwargs)  # over NATIVE_BUDGET: again, row by row
                assert isinstance(result, QuerySolutions)
            variables = [v.value for v in result.variables]
            rows = [[s[i] for i in range(len(variables))] for s in itertools.islice(result, max_rows + 1)]
            if len(rows) > max_rows:
                raise too_many(max_rows, "rows")
            return "solutions", serialise_solutions(variables, rows, results_format)
        if graph_format is None:
            raise Refused(
                406,
                "a CONSTRUCT/DESCRIBE result is available as Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD or N3",
            )
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise too_many(max_rows, "triples")
        return "graph", _serialise_graph(triples, graph_format, self.prefixes)

    def _remote_query(
        self,
        query: str,
        results_format: str | None,
        graph_format: str | None,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        union: bool,
    ) -> tuple[str, bytes]:
        if default_graphs is not None or named_graphs is not None:
            raise QueryError("default-graph-uri / named-graph-uri are not supported on a remote store: use FROM")
        form = query_form(query) or "SELECT"
        kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "solutions"
        fmt = graph_format if kind == "graph" else results_format
        if fmt is None:
            raise Refused(406, f"no acceptable format for a {form} result")
        assert self.remote is not None
        return kind, self.remote.query(query, results_format=fmt, union_default_graph=union)

    # -- writes ----------------------------------------------------------------------------
    def update(
        self,
        update: str,
        using: list[str] | None = None,
        using_named: list[str] | None = None,
        base_iri: str | None = None,
        union: bool = False,
    ) -> None:
        """Run an update request: ``using``/``using_named`` (the protocol's ``using-graph-uri`` /
        ``using-named-graph-uri``) and, with ``union``, the union-default-graph rule are written into it, its
        LOADs are read by :class:`graph_api.store.safe_load.Loader` (see :mod:`graph_api.store.update_text`)."""
        check_query(update)
        with self.write_lock:
            if self.remote is not None:
                if using or using_named:
                    raise QueryError(
                        "using-graph-uri / using-named-graph-uri are not supported on a remote store: use USING"
                    )
                if has_load(update):
                    raise Refused(403, "LOAD is not served for a remote store")
                self.remote.update(update)
                return
            named = None
            if union:

                def named() -> list[str]:
                    graphs = {g.value for g in self.store.named_graphs() if isinstance(g, NamedNode)}
                    return sorted(graphs | graphs_named(update, base_iri))

            text = rewrite(
                update,
                using=using or [],
                using_named=using_named or [],
                union_graphs=named,
                load=load_operation(self.loader, base_iri),
                default_view=self._default_view() if union else None,
            )
            if mentions_load(text):  # never let the store fetch by itself
                raise Refused(403, "LOAD refused")
            try:
                self.store.update(text, base_iri=base_iri) if text.strip() else None
            except SyntaxError as e:
                where = "" if text == update else f" (in the update as rewritten with its dataset: {text[:2000]})"
                raise QueryError(f"syntax error in the update: {e}{where}") from None
            except RuntimeError as e:  # the store refused an operation: CLEAR/DROP of an absent graph …
                raise QueryError(
                    f"the update was not applied: {e} (SILENT makes CLEAR, DROP, CREATE, ADD, "
                    "MOVE, COPY and LOAD succeed regardless; SPARQL 1.1 Update §3.2)"
                ) from None

    def _default_view(self) -> str | None:
        """A fresh graph IRI for the copy of the store's own default graph an update's WHERE reads, when that graph
        holds triples (see :func:`graph_api.store.update_text.rewrite`)."""
        if next(iter(self.store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None:
            return None
        return f"urn:x-vankien:default-graph-view:{uuid.uuid4().hex}"

    def gsp_get(self, graph: str | None, format: str) -> bytes:
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        if graph is not None and not self.store.contains_named_graph(NamedNode(graph)):
            raise NotFound(f"no graph {graph}")
        triples = [
            Triple(q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(None, None, None, _graph_name(graph))
        ]
        return _serialise_graph(triples, format, self.prefixes)

    def gsp_write(
        self,
        graph: str | None,
        data: bytes,
        format: str,
        replace: bool,
        parts: list[tuple[bytes, str]] | None = None,
        must_be_new: bool = False,
    ) -> bool:
        """PUT (``replace``) or POST (merge) serialised RDF into a graph (``parts``: several bodies, each with its
        format, for a multipart POST); True when the graph is new. A graph written empty exists from then on."""
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        triples = []
        for chunk, fmt in parts if parts is not None else [(data, format)]:
            try:
                triples += [
                    Triple(q.subject, q.predicate, q.object)
                    for q in parse(chunk, format=RdfFormat.N3 if fmt == "n3" else GRAPH_FORMATS[fmt], base_iri=graph)
                ]
            except (SyntaxError, ValueError) as e:
                raise QueryError(f"the request body is not valid {fmt}: {e}") from None
        body = triples_to_ntriples(triples)
        target = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
        insert = f"INSERT DATA {{ {body} }}" if graph is None else f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }}"
        with self.write_lock:
            created = graph is not None and not self.store.contains_named_graph(NamedNode(graph))
            if must_be_new and not created:
                raise Refused(409, f"the graph {graph} exists already")
            ops = ([f"DROP SILENT {target}"] if replace else []) + ([insert] if triples else [])
            if graph is not None and not triples:
                ops.append(f"CREATE SILENT GRAPH <{graph}>")  # an empty graph exists once created
            if ops:
                self.store.update(" ;\n".join(ops))  # one update = one transaction
        return created

    def gsp_delete(self, graph: str | None) -> None:
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        with self.write_lock:
            if graph is None:
                self.store.clear_graph(DefaultGraph())
                return
            if not self.store.contains_named_graph(NamedNode(graph)):
                raise NotFound(f"no graph {graph}")
            self.store.update(f"DROP GRAPH <{graph}>")

    def dump(self, path: str, format: str) -> None:
        if self.remote is not None:
            with open(path, "wb") as out:
                self.remote.export(out, format=format)
            return
        self.store.dump(path, format=GRAPH_FORMATS[format])

    def ping(self) -> int:
        return os.getpid()
