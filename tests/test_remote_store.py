"""The GraphStore contract on three real backends: embedded Oxigraph on disk, ``oxigraph serve``, Virtuoso."""

from __future__ import annotations

import io
import json
import time

import pytest
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from backends import (  # noqa: F401  (fixtures)
    Server,
    backend_spec,
    backend_store,
    clear,
    free_port,
    oxigraph_server,
    running_server,
    virtuoso_server,
)
from graph_api.store.remote import SparqlStore
from graph_api.store import GraphStore, open_store
from core.errors import QueryError, QueryTimeout, StoreError

BASE = "https://w3id.org/vankien/"
XSD = "http://www.w3.org/2001/XMLSchema#"
VK = BASE + "ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
G1, G2 = BASE + "graph/doc/test-a", BASE + "graph/doc/test-b"
DOC_A, DOC_B = NamedNode(BASE + "id/doc/tuyen-quang/tu/kh/2021/147"), NamedNode(BASE + "id/doc/tw/kl/2021/21")
TITLE_A = "Kế hoạch thực hiện Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng"


def nn(local: str) -> NamedNode:
    return NamedNode(local if local.startswith("http") else BASE + local)


def graph_a() -> list[Triple]:
    return [
        Triple(DOC_A, NamedNode(ELI + "title"), Literal(TITLE_A, language="vi")),
        Triple(DOC_A, NamedNode(VK + "year"), Literal("2021", datatype=NamedNode(XSD + "integer"))),
        Triple(DOC_A, NamedNode(ELI + "date_document"), Literal("2021-11-05", datatype=NamedNode(XSD + "date"))),
        Triple(DOC_A, NamedNode(ELI + "id_local"), Literal("147-KH/TU")),
        Triple(DOC_A, NamedNode(ELI + "cites"), DOC_B),
        Triple(DOC_A, NamedNode(VK + "ongoing"), Literal("true", datatype=NamedNode(XSD + "boolean"))),
        Triple(DOC_A, NamedNode(VK + "quote"), Literal('dòng 1 "trích"\ndòng 2\ttab')),
    ]


def graph_b() -> list[Triple]:
    return [
        Triple(DOC_B, NamedNode(ELI + "id_local"), Literal("21-KL/TW")),
        Triple(DOC_B, NamedNode(ELI + "title"), Literal("về đẩy mạnh xây dựng, chỉnh đốn Đảng", language="vi")),
    ]


SERVERS = ["oxigraph-server", "virtuoso"]


def fresh(server: Server, **kwargs) -> SparqlStore:
    """A store on a running server, with the project's graphs dropped."""
    store = server.store(**kwargs)
    clear(store)
    return store


@pytest.fixture
def loaded(backend_store: GraphStore) -> GraphStore:
    backend_store.replace_graph(G1, graph_a())
    backend_store.replace_graph(G2, graph_b())
    return backend_store


def quads_of(data: bytes, fmt: RdfFormat) -> set[Quad]:
    return set(parse(data, format=fmt))


def triples_in(store: GraphStore, graph: str) -> set[Triple]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {Triple(r["s"], r["p"], r["o"]) for r in rows}


def test_select_gives_pyoxigraph_terms(loaded: GraphStore) -> None:
    rows = loaded.select(f"""SELECT ?title ?year ?date ?cites ?ongoing ?symbol WHERE {{
        <{DOC_A.value}> <{ELI}title> ?title ; <{VK}year> ?year ; <{ELI}date_document> ?date ;
                        <{ELI}cites> ?cites ; <{VK}ongoing> ?ongoing ; <{ELI}id_local> ?symbol }}""")
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == Literal(TITLE_A, language="vi") and row["title"].language == "vi"
    assert row["year"] == Literal("2021", datatype=NamedNode(XSD + "integer"))
    assert row["date"].datatype == NamedNode(XSD + "date") and row["date"].value == "2021-11-05"
    assert row["cites"] == DOC_B and isinstance(row["cites"], NamedNode)
    assert row["ongoing"] == Literal("true", datatype=NamedNode(XSD + "boolean"))
    assert row["symbol"] == Literal("147-KH/TU") and row["symbol"].datatype == NamedNode(XSD + "string")


def test_select_omits_unbound_and_counts(loaded: GraphStore) -> None:
    rows = loaded.select(f"""SELECT ?doc ?cites WHERE {{ ?doc <{ELI}id_local> ?s
                             OPTIONAL {{ ?doc <{ELI}cites> ?cites }} }} ORDER BY ?s""")
    assert [sorted(r) for r in rows] == [["cites", "doc"], ["doc"]]
    assert rows[0]["doc"] == DOC_A and rows[1]["doc"] == DOC_B
    n = loaded.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    assert n == Literal(str(len(graph_a()) + len(graph_b())), datatype=NamedNode(XSD + "integer"))


SELECT_SYMBOLS = f"SELECT ?doc ?symbol WHERE {{ ?doc <{ELI}id_local> ?symbol }} ORDER BY ?symbol"


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_query_results_formats_round_trip(loaded: GraphStore, fmt: str) -> None:
    data = loaded.query(SELECT_SYMBOLS, results_format=fmt)
    parsed = parse_query_results(
        data, {"json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML, "tsv": QueryResultsFormat.TSV}[fmt]
    )
    assert [(r["doc"], r["symbol"]) for r in parsed] == [(DOC_A, Literal("147-KH/TU")), (DOC_B, Literal("21-KL/TW"))]


def test_query_json_and_csv_text(loaded: GraphStore) -> None:
    body = json.loads(loaded.query(SELECT_SYMBOLS, results_format="json"))
    assert body["head"]["vars"] == ["doc", "symbol"]
    assert [b["symbol"]["value"] for b in body["results"]["bindings"]] == ["147-KH/TU", "21-KL/TW"]
    assert body["results"]["bindings"][0]["doc"] == {"type": "uri", "value": DOC_A.value}
    csv = loaded.query(SELECT_SYMBOLS, results_format="csv").decode().splitlines()
    assert csv == ["doc,symbol", f"{DOC_A.value},147-KH/TU", f"{DOC_B.value},21-KL/TW"]
    tsv = loaded.query(SELECT_SYMBOLS, results_format="tsv").decode().splitlines()
    assert tsv[1] == f'<{DOC_A.value}>\t"147-KH/TU"'


def test_ask(loaded: GraphStore) -> None:
    assert json.loads(loaded.query(f"ASK {{ <{DOC_A.value}> <{ELI}cites> <{DOC_B.value}> }}"))["boolean"] is True
    assert json.loads(loaded.query(f"ASK {{ <{DOC_B.value}> <{ELI}cites> <{DOC_A.value}> }}"))["boolean"] is False
    assert b"true" in loaded.query(f"ASK {{ <{DOC_A.value}> ?p ?o }}", results_format="xml")


@pytest.mark.parametrize(
    "fmt,rdf",
    [
        ("turtle", RdfFormat.TURTLE),
        ("ntriples", RdfFormat.N_TRIPLES),
        ("jsonld", RdfFormat.JSON_LD),
        ("rdfxml", RdfFormat.RDF_XML),
    ],
)
def test_construct_formats(loaded: GraphStore, fmt: str, rdf: RdfFormat) -> None:
    data = loaded.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}", results_format=fmt)
    got = {Triple(q.subject, q.predicate, q.object) for q in parse(data, format=rdf)}
    assert got == set(graph_a())


def test_union_default_graph(loaded: GraphStore) -> None:
    # Without GRAPH, the union of the project's named graphs (and nothing else: not Virtuoso's system graphs).
    union = loaded.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert {Triple(r["s"], r["p"], r["o"]) for r in union} == set(graph_a()) | set(graph_b())
    strict = json.loads(loaded.query("SELECT ?s WHERE { ?s ?p ?o }", union_default_graph=False))
    assert strict["results"]["bindings"] == []
    named = json.loads(
        loaded.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", union_default_graph=False)
    )
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [G1, G2]


@pytest.mark.parametrize("name", SERVERS)
def test_query_with_its_own_dataset(name: str) -> None:
    # A query's FROM wins over the union default graph. (The embedded OxigraphStore passes
    # use_default_graph_as_union=True, which pyoxigraph lets override FROM: a known gap there.)
    store = fresh(running_server(name))
    try:
        store.replace_graph(G1, graph_a())
        store.replace_graph(G2, graph_b())
        rows = store.select(f"SELECT ?s ?p ?o FROM <{G2}> WHERE {{ ?s ?p ?o }}")
        assert {Triple(r["s"], r["p"], r["o"]) for r in rows} == set(graph_b())
    finally:
        store.close()


def test_replace_graph(loaded: GraphStore) -> None:
    new = [
        Triple(DOC_A, NamedNode(ELI + "id_local"), Literal("148-KH/TU")),
        Triple(DOC_A, NamedNode(ELI + "title"), Literal("Kế hoạch mới", language="vi")),
    ]
    loaded.replace_graph(G1, new)
    assert triples_in(loaded, G1) == set(new)
    assert triples_in(loaded, G2) == set(graph_b())
    loaded.replace_graph(G1, new)  # the same again changes nothing
    assert triples_in(loaded, G1) == set(new)
    assert loaded.named_graphs() == [G1, G2]


def test_add_graphs(backend_store: GraphStore) -> None:
    b = BlankNode()
    with_bnode = [Triple(DOC_B, NamedNode(VK + "evidence"), b), Triple(b, NamedNode(VK + "quote"), Literal("x"))]
    backend_store.add_graphs({G1: graph_a(), G2: graph_b() + with_bnode})
    assert backend_store.named_graphs() == [G1, G2]
    assert triples_in(backend_store, G1) == set(graph_a())
    assert len(triples_in(backend_store, G2)) == len(graph_b()) + 2


def test_add_nquads(backend_store: GraphStore) -> None:
    quads = [
        Quad(t.subject, t.predicate, t.object, NamedNode(g)) for g, ts in ((G1, graph_a()), (G2, graph_b())) for t in ts
    ]
    backend_store.add_nquads(serialize(quads, format=RdfFormat.N_QUADS))
    assert backend_store.named_graphs() == [G1, G2]
    assert triples_in(backend_store, G1) == set(graph_a())
    assert triples_in(backend_store, G2) == set(graph_b())


def test_replace_large_graph(backend_store: GraphStore) -> None:
    triples = [
        Triple(
            nn(f"id/doc/x/task/{i}"),
            NamedNode(VK + "text"),
            Literal(f"Nhiệm vụ số {i}: triển khai thực hiện nghị quyết", language="vi"),
        )
        for i in range(3000)
    ]
    backend_store.replace_graph(G1, triples)
    backend_store.replace_graph(G1, triples[:2500])
    assert (
        backend_store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")[0]["n"].value == "2500"
    )
    assert triples_in(backend_store, G1) == set(triples[:2500])


def test_blank_nodes_keep_their_structure(backend_store: GraphStore) -> None:
    b = BlankNode()
    triples = [
        Triple(DOC_A, NamedNode(VK + "evidence"), b),
        Triple(b, NamedNode(VK + "quote"), Literal("câu trích", language="vi")),
        Triple(DOC_A, NamedNode(ELI + "id_local"), Literal("147-KH/TU")),
    ]
    backend_store.replace_graph(G1, triples)
    rows = backend_store.select(f"SELECT ?e ?q WHERE {{ <{DOC_A.value}> <{VK}evidence> ?e . ?e <{VK}quote> ?q }}")
    assert len(rows) == 1 and isinstance(rows[0]["e"], BlankNode)
    assert rows[0]["q"] == Literal("câu trích", language="vi")


def test_drop_graph_and_named_graphs(loaded: GraphStore) -> None:
    assert loaded.named_graphs() == [G1, G2]
    loaded.drop_graph(G1)
    assert loaded.named_graphs() == [G2]
    assert triples_in(loaded, G1) == set()
    loaded.drop_graph(G1)  # absent: no error
    loaded.replace_graph(G2, [])
    assert loaded.named_graphs() == []


def test_load_graph(backend_store: GraphStore) -> None:
    ttl = f"""@prefix eli: <{ELI}> .
<{DOC_B.value}> eli:id_local "21-KL/TW" ; eli:title "về đẩy mạnh xây dựng, chỉnh đốn Đảng"@vi .""".encode()
    backend_store.load_graph(G2, ttl, format="turtle")
    assert triples_in(backend_store, G2) == set(graph_b())
    backend_store.load_graph(G2, b"<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .\n", format="ntriples")
    assert triples_in(backend_store, G2) == {
        Triple(NamedNode("http://ex.org/s"), NamedNode("http://ex.org/p"), NamedNode("http://ex.org/o"))
    }


def expected_quads() -> set[Quad]:
    return {Quad(t.subject, t.predicate, t.object, NamedNode(G1)) for t in graph_a()} | {
        Quad(t.subject, t.predicate, t.object, NamedNode(G2)) for t in graph_b()
    }


@pytest.mark.parametrize("fmt,rdf", [("nquads", RdfFormat.N_QUADS), ("trig", RdfFormat.TRIG)])
def test_export_dataset(loaded: GraphStore, fmt: str, rdf: RdfFormat) -> None:
    out = io.BytesIO()
    loaded.export(out, format=fmt)
    assert quads_of(out.getvalue(), rdf) == expected_quads()


def test_export_union_graph(loaded: GraphStore) -> None:
    out = io.BytesIO()
    loaded.export(out, format="turtle")
    got = {Triple(q.subject, q.predicate, q.object) for q in parse(out.getvalue(), format=RdfFormat.TURTLE)}
    assert got == set(graph_a()) | set(graph_b())


@pytest.mark.parametrize("name", SERVERS)
def test_malformed_query_and_update(name: str) -> None:
    # (The embedded OxigraphStore still lets pyoxigraph's SyntaxError through: a known gap there.)
    store = fresh(running_server(name))
    try:
        with pytest.raises(QueryError) as err:
            store.query("SELECT ?s WHERE { ?s ?p ")
        assert "syntax" in str(err.value).lower() or "expected" in str(err.value).lower()
        assert "SPARQL query:" not in str(err.value)
        with pytest.raises(QueryError):
            store.select("SELEC ?s WHERE { ?s ?p ?o }")
        with pytest.raises(QueryError):
            store.update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> ")
    finally:
        store.close()


def test_spec_opens_an_empty_store_that_keeps_its_data(
    backend_spec: tuple[str, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, env = backend_spec
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    store = open_store(spec)
    assert store.named_graphs() == []
    store.replace_graph(G2, graph_b())
    store.close()
    again = open_store(spec)
    try:
        assert again.named_graphs() == [G2] and triples_in(again, G2) == set(graph_b())
    finally:
        again.close()


# -- remote only ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SERVERS)
def test_paged_export_and_graph_listing(name: str) -> None:
    server = running_server(name)
    store = fresh(server, page_size=3)
    try:
        store.replace_graph(G1, graph_a())
        store.replace_graph(G2, graph_b())
        extra = [BASE + f"graph/doc/page-{i}" for i in range(5)]
        for g in extra:
            store.replace_graph(g, graph_b())
        assert store.named_graphs() == sorted([G1, G2, *extra])
        assert set(store.graph_triples(G1)) == set(graph_a())  # 7 triples in pages of 3
        for g in extra:
            store.drop_graph(g)
        out = io.BytesIO()
        store.export(out, format="nquads")
        assert quads_of(out.getvalue(), RdfFormat.N_QUADS) == expected_quads()
    finally:
        store.close()


@pytest.mark.parametrize("name", SERVERS)
@pytest.mark.parametrize(
    "sparql,fmt",
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", "json"),
        ("SELECT * WHERE { ?s ?p ?o }", "turtle"),
        ("ASK { ?s ?p ?o }", "ntriples"),
    ],
)
def test_query_form_and_format_must_match(name: str, sparql: str, fmt: str) -> None:
    store = fresh(running_server(name))
    try:
        store.replace_graph(G2, graph_b())
        with pytest.raises(QueryError, match="use "):
            store.query(sparql, results_format=fmt)
    finally:
        store.close()


def test_describe(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G2, graph_b())
    data = backend_store.query(f"DESCRIBE <{DOC_B.value}>", results_format="ntriples")
    assert {Triple(q.subject, q.predicate, q.object) for q in parse(data, format=RdfFormat.N_TRIPLES)} == set(graph_b())


def test_virtuoso_system_graphs_are_not_the_projects(virtuoso_server: Server) -> None:
    clear(virtuoso_server.store())
    store = virtuoso_server.store(graph_prefix="")
    try:
        assert "http://www.openlinksw.com/schemas/virtrdf#" in store.named_graphs()
        store.replace_graph(G1, graph_a())
        project = virtuoso_server.store()
        assert project.named_graphs() == [G1]
        assert project.triple_count() == len(graph_a())
        project.close()
    finally:
        store.drop_graph(G1)
        store.close()


def test_virtuoso_uses_graph_store_protocol_with_digest(virtuoso_server: Server) -> None:
    store = fresh(virtuoso_server)
    try:
        assert store.flavour == "virtuoso"
        assert store.graph_store_url and store.graph_store_url.endswith("/sparql-graph-crud-auth")
        store.replace_graph(G1, graph_a())
        assert store._client.auth.scheme == "digest"
        assert triples_in(store, G1) == set(graph_a())
        # the same data through chunked SPARQL updates (no GSP), chunks of 3 triples
        store_updates = virtuoso_server.store(graph_store_url="", chunk_size=3)
        assert store_updates.graph_store_url is None
        store_updates.replace_graph(G1, graph_b())
        assert triples_in(store, G1) == set(graph_b())
        store_updates.close()
    finally:
        store.drop_graph(G1)
        store.close()


def test_virtuoso_refuses_wrong_credentials_and_anonymous_updates(virtuoso_server: Server) -> None:
    wrong = SparqlStore(virtuoso_server.query_url, virtuoso_server.update_url, user="dba", password="wrong")
    anonymous = SparqlStore(virtuoso_server.query_url, user="", password="")
    try:
        with pytest.raises(StoreError, match="credentials"):
            wrong.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <urn:s> <urn:p> 1 }} }}")
        with pytest.raises(StoreError, match="permission|SECURITY"):
            anonymous.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <urn:s> <urn:p> 1 }} }}")
        assert anonymous.select(f"SELECT * WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}") == []
    finally:
        wrong.close()
        anonymous.close()


def test_virtuoso_stops_a_long_query_at_the_limit(virtuoso_server: Server) -> None:
    # over every graph, Virtuoso's own system graphs included (about 5,600 triples): a 30-million-row join
    store = virtuoso_server.store(graph_prefix="", timeout=1)
    try:
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            # a regular expression per row: minutes of work even when other tests left few triples behind
            store.query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
                'FILTER(REGEX(CONCAT(STR(?c), STR(?f)), "^(a|b)*z+q$", "i")) }'
            )
        assert time.monotonic() - started < 10  # stopped by the server near the 1 s limit, not after minutes
        started = time.monotonic()
        assert json.loads(store.query("ASK { ?s ?p ?o }"))["boolean"] is True
        assert time.monotonic() - started < 3
        # a far larger join: Virtuoso refuses it on its cost estimate, or (when the estimate comes out lower)
        # starts it and stops it at the limit; either way the caller gets a QueryTimeout that says which
        with pytest.raises(QueryTimeout, match="would run too long|stopped the query at its time limit"):
            store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    finally:
        store.close()


def test_virtuoso_anonymous_updates_after_grant(virtuoso_server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # The other way to let updates in: GRANT SPARQL_UPDATE TO "SPARQL", then plain /sparql, no credentials.
    monkeypatch.delenv("VANKIEN_SPARQL_USER", raising=False)
    clear(virtuoso_server.store())
    virtuoso_server.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
    store = open_store(f"sparql:{virtuoso_server.query_url}")
    try:
        assert store.graph_store_url.endswith("/sparql-graph-crud")
        store.replace_graph(G1, graph_a())
        store.drop_graph(G2)
        assert store.named_graphs() == [G1] and triples_in(store, G1) == set(graph_a())
        store.drop_graph(G1)
    finally:
        virtuoso_server.isql('REVOKE SPARQL_UPDATE FROM "SPARQL";')
        store.close()
    revoked = SparqlStore(virtuoso_server.query_url, user="")
    with pytest.raises(StoreError, match="permission|SECURITY"):
        revoked.update(f"DROP SILENT GRAPH <{G1}>")
    revoked.close()


def test_oxigraph_server_gives_the_same_answers_with_listed_graphs(oxigraph_server: Server) -> None:
    store = fresh(oxigraph_server, union_mode="graphs")
    try:
        store.replace_graph(G1, graph_a())
        store.replace_graph(G2, graph_b())
        assert store.union_mode == "graphs" and store.flavour == "oxigraph"
        union = store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        assert {Triple(r["s"], r["p"], r["o"]) for r in union} == set(graph_a()) | set(graph_b())
        assert (
            json.loads(store.query("SELECT * WHERE { ?s ?p ?o }", union_default_graph=False))["results"]["bindings"]
            == []
        )
    finally:
        store.close()


def test_open_store_spec_with_credentials_from_environment(
    virtuoso_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in virtuoso_server.env.items():
        monkeypatch.setenv(key, value)
    clear(virtuoso_server.store())
    store = open_store(virtuoso_server.spec)
    try:
        assert isinstance(store, SparqlStore)
        store.replace_graph(G2, graph_b())
        assert store.named_graphs() == [G2]
        store.drop_graph(G2)
        assert store.named_graphs() == []
    finally:
        store.close()


def test_unreachable_server_is_a_store_error() -> None:
    store = SparqlStore(f"http://127.0.0.1:{free_port()}/sparql")
    with pytest.raises(StoreError, match="cannot reach"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    store.close()
