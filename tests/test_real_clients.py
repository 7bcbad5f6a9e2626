"""Issue 18: the clients researchers use — SPARQLWrapper (every return format, GET and POST, updates) and rdflib's
SPARQLStore / SPARQLUpdateStore — against a real ``vankien serve``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

from w3c_runner import TOKEN, vankien_serve

EX = "http://example.org/"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED = f"""INSERT DATA {{
  GRAPH <{EX}g1> {{ <{EX}a> <{EX}name> "Anh"@vi ; <{EX}knows> <{EX}b> . }}
  GRAPH <{EX}g2> {{ <{EX}b> <{EX}name> "Bình"@vi ; <{EX}age> 41 . }}
}}"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with vankien_serve(tmp_path_factory.mktemp("clients")) as url:
        yield url


@pytest.fixture
def endpoint(url: str) -> str:
    sw = SPARQLWrapper(f"{url}/sparql", updateEndpoint=f"{url}/update")
    sw.addCustomHttpHeader("Authorization", AUTH["Authorization"])
    sw.setMethod(POST)
    for update in ("DROP ALL", SEED):
        sw.setQuery(update)
        assert sw.query().response.status == 204
    return f"{url}/sparql"


def wrapper(endpoint: str, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


SELECT = f"SELECT ?name WHERE {{ ?s <{EX}name> ?name }} ORDER BY ?name"
CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}label> ?name }} WHERE {{ ?s <{EX}name> ?name }}"


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(endpoint: str, fmt: str, method: str) -> None:
    result = wrapper(endpoint, SELECT, fmt, method).query()
    converted = result.convert()
    if fmt == JSON:
        names = [b["name"]["value"] for b in converted["results"]["bindings"]]
    elif fmt == XML:
        names = [n.firstChild.data for n in converted.getElementsByTagName("literal")]
    else:
        text = converted.decode("utf-8")
        if fmt == CSV:
            names = [r[0] for r in list(csv.reader(io.StringIO(text)))[1:]]
        else:  # TSV writes terms as in Turtle: "Anh"@vi
            names = [line.split("\t")[0].partition('"@')[0].removeprefix('"') for line in text.splitlines()[1:]]
    assert names == ["Anh", "Bình"]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(endpoint: str, fmt: str) -> None:
    converted = wrapper(endpoint, f"ASK {{ <{EX}a> <{EX}knows> <{EX}b> }}", fmt).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDF, RDFXML, XML, JSONLD])
def test_sparqlwrapper_construct(endpoint: str, fmt: str, method: str) -> None:
    result = wrapper(endpoint, CONSTRUCT, fmt, method).query()
    converted = result.convert()
    if isinstance(converted, bytes):  # TURTLE, N3 and JSONLD arrive as text
        graph = rdflib.Graph().parse(data=converted, format={TURTLE: "turtle", N3: "n3", JSONLD: "json-ld"}[fmt])
    else:
        graph = converted
    assert set(graph.objects(None, URIRef(f"{EX}label"))) == {Literal("Anh", lang="vi"), Literal("Bình", lang="vi")}


def test_sparqlwrapper_describe(endpoint: str) -> None:
    data = wrapper(endpoint, f"DESCRIBE <{EX}b>", TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert (URIRef(f"{EX}b"), URIRef(f"{EX}age"), Literal(41)) in graph


@pytest.mark.parametrize("encoding", [URLENCODED, POSTDIRECTLY])
def test_sparqlwrapper_update(endpoint: str, url: str, encoding: str) -> None:
    sw = SPARQLWrapper(endpoint, updateEndpoint=f"{url}/sparql")
    sw.addCustomHttpHeader("Authorization", AUTH["Authorization"])
    sw.setMethod(POST)
    sw.setRequestMethod(encoding)
    sw.setQuery(
        f"DELETE WHERE {{ <{EX}b> <{EX}age> ?age }} ; INSERT DATA {{ GRAPH <{EX}g2> {{ <{EX}b> <{EX}age> 42 }} }}"
    )
    assert sw.query().response.status == 204
    converted = wrapper(endpoint, f"SELECT ?age {{ <{EX}b> <{EX}age> ?age }}", JSON).query().convert()
    assert [b["age"]["value"] for b in converted["results"]["bindings"]] == ["42"]


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore(endpoint: str, method: str) -> None:
    graph = rdflib.Graph(SPARQLStore(endpoint, method=method))
    rows = list(graph.query(SELECT))
    assert [str(r[0]) for r in rows] == ["Anh", "Bình"]
    assert graph.query(f"ASK {{ <{EX}a> <{EX}knows> ?x }}").askAnswer is True
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}knows"), URIRef(f"{EX}b")) in graph  # the union default graph
    assert len(graph) == 4
    g1 = rdflib.Graph(SPARQLStore(endpoint, method=method), identifier=URIRef(f"{EX}g1"))
    assert len(g1) == 2  # default-graph-uri


def test_rdflib_sparqlupdatestore(endpoint: str, url: str) -> None:
    store = SPARQLUpdateStore(endpoint, f"{url}/update", headers=dict(AUTH), autocommit=True)
    dataset = rdflib.ConjunctiveGraph(store=store)
    g3 = rdflib.Graph(store, identifier=URIRef(f"{EX}g3"))
    g3.add((URIRef(f"{EX}c"), URIRef(f"{EX}name"), Literal("Chi", lang="vi")))
    g3.add((URIRef(f"{EX}c"), URIRef(f"{EX}knows"), URIRef(f"{EX}a")))
    assert len(g3) == 2
    assert URIRef(f"{EX}g3") in {c.identifier for c in dataset.contexts()}
    g3.update(f"INSERT {{ ?s <{EX}friend> ?o }} WHERE {{ ?s <{EX}knows> ?o }}")  # rdflib writes WITH <g3>
    assert (URIRef(f"{EX}c"), URIRef(f"{EX}friend"), URIRef(f"{EX}a")) in g3
    union = rdflib.Graph(store, identifier=DATASET_DEFAULT_GRAPH_ID)
    union.remove((URIRef(f"{EX}a"), URIRef(f"{EX}knows"), None))  # no graph named: removed from the union
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}knows"), URIRef(f"{EX}b")) not in union
    assert (URIRef(f"{EX}c"), URIRef(f"{EX}knows"), URIRef(f"{EX}a")) in g3
    store.remove_graph(g3)
    assert URIRef(f"{EX}g3") not in {c.identifier for c in dataset.contexts()}
