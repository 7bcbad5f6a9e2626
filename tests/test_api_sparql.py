"""SPARQL 1.1 Protocol on a real uvicorn server: query forms, content negotiation, datasets,
Service Description, CORS, refusals, and unchanged third-party clients."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib
from pyoxigraph import RdfFormat, parse

from api_fixtures import BASE, BIG_GRAPH, api_server, fixture_dataset, queries_dir  # noqa: F401

DOC = BASE + "id/doc/tuyen-quang/tu/kh/2021/147"
CENTRAL = BASE + "id/doc/tw/kl/2021/21"
SYMBOLS = "SELECT ?doc ?symbol WHERE { ?doc <http://data.europa.eu/eli/ontology#id_local> ?symbol } ORDER BY ?symbol"
CONSTRUCT = f"CONSTRUCT {{ <{DOC}> ?p ?o }} WHERE {{ <{DOC}> ?p ?o }}"
EXPECTED_SYMBOLS = ["05-KL/TU", "147-KH/TU", "21-KL/TW"]


@pytest.fixture(scope="module")
def client(api_server) -> httpx.Client:
    with httpx.Client(base_url=api_server.url, timeout=30) as c:
        yield c


def symbols_from_json(body: bytes) -> list[str]:
    return [b["symbol"]["value"] for b in json.loads(body)["results"]["bindings"]]


def expected_doc_triples() -> set[tuple[str, str, str]]:
    store = fixture_dataset()
    rows = store.query(f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{DOC}> ?p ?o }} }}")
    return {(DOC, r["p"].value, r["o"].value) for r in rows}


def test_get_post_form_and_post_body_give_the_same_results(client):
    get = client.get("/sparql", params={"query": SYMBOLS})
    form = client.post("/sparql", data={"query": SYMBOLS})
    body = client.post("/sparql", content=SYMBOLS.encode(), headers={"Content-Type": "application/sparql-query"})
    for r in (get, form, body):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/sparql-results+json")
        assert symbols_from_json(r.content) == EXPECTED_SYMBOLS


@pytest.mark.parametrize(
    "accept, media",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("application/sparql-results+xml;q=0.2, text/tab-separated-values;q=0.3", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("text/*", "text/csv"),
        ("text/turtle, text/csv;q=0.1", "text/csv"),
        ("", "application/sparql-results+json"),
        (";;;, garbage/", "application/sparql-results+json"),
    ],
)
def test_select_results_by_accept(client, accept, media):
    r = client.get("/sparql", params={"query": SYMBOLS}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    if media.endswith("json"):
        assert symbols_from_json(r.content) == EXPECTED_SYMBOLS
    elif media.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(r.content)
        assert [e.text for e in root.findall(".//r:binding[@name='symbol']/r:literal", ns)] == EXPECTED_SYMBOLS
    elif media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["doc", "symbol"] and [row[1] for row in rows[1:]] == EXPECTED_SYMBOLS
        assert rows[2][0] == DOC
    else:
        lines = r.text.splitlines()
        assert lines[0] == "?doc\t?symbol"
        assert [line.split("\t")[1] for line in lines[1:]] == [f'"{s}"' for s in EXPECTED_SYMBOLS]
        assert lines[2].split("\t")[0] == f"<{DOC}>"


@pytest.mark.parametrize(
    "accept, media, fmt",
    [
        ("text/turtle", "text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", "application/rdf+xml", RdfFormat.RDF_XML),
        (
            "application/rdf+xml;q=0.5, application/ld+json;q=0.8, text/turtle;q=0.1",
            "application/ld+json",
            RdfFormat.JSON_LD,
        ),
        ("*/*", "text/turtle", RdfFormat.TURTLE),
        (
            "application/sparql-results+json;q=1, application/n-triples;q=0.5",
            "application/n-triples",
            RdfFormat.N_TRIPLES,
        ),
    ],
)
def test_construct_by_accept(client, accept, media, fmt):
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    got = {(q.subject.value, q.predicate.value, q.object.value) for q in parse(r.content, format=fmt)}
    assert got == expected_doc_triples()


def test_describe_and_ask(client):
    r = client.get("/sparql", params={"query": f"DESCRIBE <{DOC}>"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert {
        (q.subject.value, q.predicate.value, q.object.value) for q in parse(r.content, format=RdfFormat.N_TRIPLES)
    } >= expected_doc_triples()
    yes = client.get("/sparql", params={"query": f"ASK {{ <{DOC}> ?p ?o }}"})
    no = client.get(
        "/sparql",
        params={"query": "ASK { <http://example.org/nothing> ?p ?o }"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert json.loads(yes.content)["boolean"] is True
    assert b"<boolean>false</boolean>" in no.content


def test_format_parameter_overrides_accept(client):
    r = client.get("/sparql", params={"query": SYMBOLS, "format": "csv"}, headers={"Accept": "application/json"})
    assert r.headers["content-type"].startswith("text/csv")
    # a value that names no supported format is ignored: Accept decides (issue 18)
    r = client.get("/sparql", params={"query": SYMBOLS, "format": "nope"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")


def test_unacceptable_accept_is_406_and_wrong_kind_is_406(client):
    assert client.get("/sparql", params={"query": SYMBOLS}, headers={"Accept": "image/png"}).status_code == 406
    r = client.get("/sparql", params={"query": SYMBOLS}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406 and "SELECT" in r.text


def test_union_default_graph_and_dataset_parameters(client):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params) -> int:
        r = client.get("/sparql", params={"query": count, **params})
        assert r.status_code == 200, r.text
        return int(json.loads(r.content)["results"]["bindings"][0]["n"]["value"])

    store = fixture_dataset()
    total = sum(1 for _ in store.quads_for_pattern(None, None, None, None))
    ref = BASE + "graph/reference"
    in_ref = len(list(store.quads_for_pattern(None, None, None, rdflib_safe(ref))))
    in_big = len(list(store.quads_for_pattern(None, None, None, rdflib_safe(BIG_GRAPH))))
    assert n() == total  # union of the named graphs
    assert n(**{"default-graph-uri": ref}) == in_ref
    assert n(**{"default-graph-uri": [ref, BIG_GRAPH]}) == in_ref + in_big
    # named-graph-uri only: the default graph is empty, GRAPH sees only the named ones
    assert n(**{"named-graph-uri": BIG_GRAPH}) == 0
    r = client.get(
        "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": BIG_GRAPH}
    )
    assert [b["g"]["value"] for b in json.loads(r.content)["results"]["bindings"]] == [BIG_GRAPH]
    # FROM in the query wins over the union default graph
    r = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) FROM <{ref}> WHERE {{ ?s ?p ?o }}"})
    assert int(json.loads(r.content)["results"]["bindings"][0]["n"]["value"]) == in_ref
    bad = client.get("/sparql", params={"query": count, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400 and "default-graph-uri" in bad.text


def rdflib_safe(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def test_service_description(client, api_server):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef(api_server.url + "/sparql")
    assert (endpoint, rdflib.RDF.type, sd.Service) in g
    assert (endpoint, sd.endpoint, endpoint) in g
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Update) in g  # a token is configured
    assert (endpoint, sd.feature, sd.UnionDefaultGraph) in g
    as_jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert as_jsonld.headers["content-type"].startswith("application/ld+json")
    browser = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.status_code == 303 and browser.headers["location"].endswith("/query")


def test_cors(client):
    r = client.get("/sparql", params={"query": SYMBOLS}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert pre.status_code == 200
    assert "POST" in pre.headers["access-control-allow-methods"]


def test_malformed_query_is_400_with_the_parser_message(client):
    r = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?p ?o }"})
    assert r.status_code == 400
    assert "syntax error" in r.text.lower() and "1:" in r.text  # position from the parser
    r = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p "}, headers={"Accept": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "QueryError" and r.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_clause_is_refused(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400 and "SERVICE" in r.text


def test_service_in_strings_and_iris_is_not_refused(client):
    q = "SELECT ?x WHERE { VALUES ?x { 'SERVICE' <http://example.org/SERVICE> } } # SERVICE"
    assert client.get("/sparql", params={"query": q}).status_code == 200


def test_bad_requests(client):
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "image/png"}).status_code == 415
    assert client.post("/sparql", data={"query": SYMBOLS, "update": "CLEAR ALL"}).status_code == 400
    assert (
        client.post("/sparql", content=b"\xff\xfe", headers={"Content-Type": "application/sparql-query"}).status_code
        == 400
    )
    assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


def test_rdflib_sparqlstore_unchanged(api_server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(api_server.url + "/sparql")
    graph = rdflib.Graph(store=store)
    rows = list(graph.query(SYMBOLS))
    assert [str(r.symbol) for r in rows] == EXPECTED_SYMBOLS
    assert bool(graph.query(f"ASK {{ <{DOC}> ?p ?o }}").askAnswer) is True


def test_sparqlwrapper_unchanged(api_server):
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(api_server.url + "/sparql")
    sw.setQuery(SYMBOLS)
    sw.setReturnFormat(JSON)
    assert [b["symbol"]["value"] for b in sw.query().convert()["results"]["bindings"]] == EXPECTED_SYMBOLS
    sw.setMethod(POST)
    sw.setQuery(CONSTRUCT)
    sw.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=sw.query().convert(), format="turtle")
    assert {(str(s), str(p), str(o)) for s, p, o in g} == expected_doc_triples()
