"""Issue 18: each defect a standard SPARQL client met on ``vankien serve`` (they all failed before the fix), against
a real ``vankien serve`` on a fresh store with an update token."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from pyoxigraph import RdfFormat, parse
from w3c_runner import TOKEN, vankien_serve

EX = "http://example.org/"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SPARQL_UPDATE = {**AUTH, "Content-Type": "application/sparql-update"}
DATA = f"""INSERT DATA {{
  GRAPH <{EX}g1> {{ <{EX}a> <{EX}p> "1" . <{EX}a> <{EX}name> "Bill" . }}
  GRAPH <{EX}g2> {{ <{EX}b> <{EX}p> "2" . <{EX}a> <{EX}p> "1" . }}
  GRAPH <{EX}people> {{ <{EX}c> <{EX}name> "Bill" . }}
}}"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with vankien_serve(tmp_path_factory.mktemp("conformance"), env={"VANKIEN_MAX_BODY_BYTES": str(256 * 1024)}) as url:
        yield url


@pytest.fixture
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as c:
        r = c.post("/update", content=b"DROP ALL", headers=SPARQL_UPDATE)
        assert r.status_code == 204, r.text
        r = c.post("/update", content=DATA.encode(), headers=SPARQL_UPDATE)
        assert r.status_code == 204, r.text
        yield c


def ask(c: httpx.Client, query: str, **params: str) -> bool:
    r = c.get("/sparql", params={"query": query, **params}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return json.loads(r.content)["boolean"]


def count(c: httpx.Client) -> int:
    r = c.get(
        "/sparql",
        params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    return int(json.loads(r.content)["results"]["bindings"][0]["n"]["value"])


# -- updates: the dataset ---------------------------------------------------------------------------


def test_using_graph_uri_is_honoured(client: httpx.Client) -> None:
    """Before: 204 and nothing written."""
    r = client.post(
        "/sparql",
        params={"using-graph-uri": f"{EX}g1"},
        headers=SPARQL_UPDATE,
        content=f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}seen> ?o }} }} WHERE {{ ?s <{EX}p> ?o }}".encode(),
    )
    assert r.status_code == 204, r.text
    assert ask(client, f"ASK {{ GRAPH <{EX}out> {{ <{EX}a> <{EX}seen> '1' }} }}")
    assert not ask(client, f"ASK {{ GRAPH <{EX}out> {{ <{EX}b> <{EX}seen> ?o }} }}")  # g2 was not in the dataset


def test_using_named_graph_uri_is_honoured(client: httpx.Client) -> None:
    r = client.post(
        "/update",
        params={"using-named-graph-uri": f"{EX}g2"},
        headers=SPARQL_UPDATE,
        content=f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}in> ?g }} }} WHERE {{ GRAPH ?g {{ ?s <{EX}p> ?o }} }}".encode(),
    )
    assert r.status_code == 204, r.text
    assert ask(client, f"ASK {{ GRAPH <{EX}out> {{ <{EX}b> <{EX}in> <{EX}g2> }} }}")
    assert not ask(client, f"ASK {{ GRAPH <{EX}out> {{ ?s <{EX}in> <{EX}g1> }} }}")


def test_with_and_using_graph_uri_is_refused(client: httpx.Client) -> None:
    """Before: accepted. SPARQL 1.1 Protocol §2.2.3: a dataset in the request and in the update is an error."""
    before = count(client)
    r = client.post(
        "/sparql",
        params={"using-graph-uri": f"{EX}people"},
        headers=SPARQL_UPDATE,
        content=f"WITH <{EX}g1> DELETE {{ ?s <{EX}name> 'Bill' }} WHERE {{ ?s <{EX}name> 'Bill' }}".encode(),
    )
    assert r.status_code == 400 and "using-graph-uri" in r.text
    assert count(client) == before


def test_delete_where_over_the_default_graph_sees_the_union(client: httpx.Client) -> None:
    """Before: queries saw the union of the named graphs as the default graph but updates did not, so this
    DELETE WHERE found nothing. Now one rule for both, as the service description says (sd:UnionDefaultGraph)."""
    assert ask(client, f"ASK {{ <{EX}a> <{EX}p> '1' }}")
    r = client.post("/update", content=f"DELETE WHERE {{ <{EX}a> <{EX}p> ?o }}".encode(), headers=SPARQL_UPDATE)
    assert r.status_code == 204, r.text
    assert not ask(client, f"ASK {{ <{EX}a> <{EX}p> ?o }}")  # gone from the union: from g1 and g2
    assert ask(client, f"ASK {{ GRAPH <{EX}g2> {{ <{EX}b> <{EX}p> '2' }} }}")  # the rest is kept
    sd = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert "UnionDefaultGraph" in sd.text


def test_insert_where_reads_the_union(client: httpx.Client) -> None:
    r = client.post(
        "/update",
        headers=SPARQL_UPDATE,
        content=(
            f"INSERT {{ GRAPH <{EX}out> {{ ?x <{EX}both> ?y }} }} WHERE {{ ?x <{EX}name> 'Bill' . ?y <{EX}p> '2' }}"
        ).encode(),
    )
    assert r.status_code == 204, r.text
    assert ask(client, f"ASK {{ GRAPH <{EX}out> {{ <{EX}a> <{EX}both> <{EX}b> . <{EX}c> <{EX}both> <{EX}b> }} }}")


def test_modify_delete_template_removes_from_every_graph(client: httpx.Client) -> None:
    r = client.post(
        "/update",
        headers=SPARQL_UPDATE,
        content=(
            f"DELETE {{ ?s <{EX}name> ?n }} INSERT {{ GRAPH <{EX}g1> {{ ?s <{EX}name> 'William' }} }} "
            f"WHERE {{ ?s <{EX}name> 'Bill' . ?s <{EX}name> ?n }}"
        ).encode(),
    )
    assert r.status_code == 204, r.text
    assert not ask(client, f"ASK {{ ?s <{EX}name> 'Bill' }}")
    assert ask(client, f"ASK {{ GRAPH <{EX}g1> {{ <{EX}c> <{EX}name> 'William' }} }}")


def test_update_from_the_query_string_never_runs(client: httpx.Client) -> None:
    """Before: POST /sparql?update=… with an empty form body ran the update from the URL (it cleared a store)."""
    before = count(client)
    for path in ("/sparql", "/update"):
        r = client.post(
            path,
            params={"update": "CLEAR ALL"},
            content=b"",
            headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert r.status_code == 400, r.text
    assert count(client) == before > 0


def test_relative_iris_resolve_against_the_endpoint(client: httpx.Client, url: str) -> None:
    """Before: refused (no base IRI)."""
    r = client.get(
        "/sparql",
        params={"query": "SELECT ?x { BIND(<thing> AS ?x) }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200, r.text
    assert json.loads(r.content)["results"]["bindings"][0]["x"]["value"] == f"{url}/thing"
    r = client.post("/update", content=b"INSERT DATA { GRAPH <rel-graph> { <s> <p> <o> } }", headers=SPARQL_UPDATE)
    assert r.status_code == 204, r.text
    assert ask(client, f"ASK {{ GRAPH <{url}/rel-graph> {{ <{url}/s> <{url}/p> <{url}/o> }} }}")


# -- content negotiation ---------------------------------------------------------------------------

CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}"


def test_format_parameter_does_not_turn_a_valid_accept_into_406(client: httpx.Client) -> None:
    """Before: SPARQLWrapper's format=xml / format=n3 beside Accept: application/rdf+xml / text/n3 gave 406 or
    the wrong format."""
    r = client.get(
        "/sparql",
        params={"query": CONSTRUCT, "format": "xml", "output": "xml"},
        headers={"Accept": "application/rdf+xml"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/rdf+xml"), r.text
    assert len(list(parse(r.content, format=RdfFormat.RDF_XML))) == 2
    r = client.get("/sparql", params={"query": CONSTRUCT, "format": "n3"}, headers={"Accept": "text/n3, text/rdf+n3"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/n3"), r.text
    assert len(list(parse(r.content, format=RdfFormat.N3))) == 2
    r = client.get(
        "/sparql",
        params={"query": "ASK {}", "format": "nonsense"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+xml")


def test_a_format_parameter_naming_a_supported_format_wins(client: httpx.Client) -> None:
    r = client.get(
        "/sparql",
        params={"query": "SELECT * { ?s ?p ?o } LIMIT 1", "format": "csv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    "accept,fmt",
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/n-quads", RdfFormat.N_QUADS),
        ("application/trig", RdfFormat.TRIG),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("text/n3", RdfFormat.N3),
    ],
)
def test_every_graph_format_of_oxigraph_serve(client: httpx.Client, accept: str, fmt: RdfFormat) -> None:
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == accept, r.text
    assert len(list(parse(r.content, format=fmt))) == 2


@pytest.mark.parametrize(
    "accept",
    ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"],
)
def test_every_results_format(client: httpx.Client, accept: str) -> None:
    r = client.get("/sparql", params={"query": f"SELECT ?o {{ <{EX}b> <{EX}p> ?o }}"}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == accept and "2" in r.text


def test_charset_is_honoured(client: httpx.Client) -> None:
    """Before: ignored — a body declared ISO-8859-1 was read as UTF-8. The protocol requires UTF-8: refused."""
    r = client.post(
        "/sparql",
        content='SELECT ("é" AS ?x) {}'.encode(),
        headers={"Content-Type": "application/sparql-query; charset=ISO-8859-1"},
    )
    assert r.status_code == 415 and "UTF-8" in r.text
    r = client.post(
        "/sparql",
        content='SELECT ("é" AS ?x) {}'.encode(),
        headers={
            "Content-Type": "application/sparql-query; charset=UTF-8",
            "Accept": "application/sparql-results+json",
        },
    )
    assert r.status_code == 200 and "é" in r.text


# -- errors ------------------------------------------------------------------------------------------


def test_clear_of_an_absent_graph_is_a_clear_error_not_500(client: httpx.Client) -> None:
    """Before: 500. SPARQL 1.1 Update §3.2.2: CLEAR of a graph that does not exist SHOULD fail (the store keeps
    empty graphs, so absence is known), unless SILENT."""
    r = client.post("/update", content=f"CLEAR GRAPH <{EX}absent>".encode(), headers=SPARQL_UPDATE)
    assert r.status_code == 400 and "does not exist" in r.text
    r = client.post("/update", content=f"CLEAR SILENT GRAPH <{EX}absent>".encode(), headers=SPARQL_UPDATE)
    assert r.status_code == 204


def test_get_with_a_body_is_refused(url: str) -> None:
    """Before: accepted (the body ignored)."""
    r = httpx.request(
        "GET",
        f"{url}/sparql",
        params={"query": "ASK {}"},
        content=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert r.status_code == 400


def test_errors_are_never_500(client: httpx.Client) -> None:
    cases = [
        client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}),
        client.get("/sparql", params={"query": "ASK {}", "using-graph-uri": f"{EX}g1"}),
        client.post("/update", content=b"LOAD", headers=SPARQL_UPDATE),
        client.post("/update", content=f"DROP GRAPH <{EX}absent>".encode(), headers=SPARQL_UPDATE),
        client.post("/update", content=b"INSERT DATA { <a> <b> }", headers=SPARQL_UPDATE),
        client.post(
            "/update", params={"default-graph-uri": f"{EX}g1"}, content=b"CLEAR DEFAULT", headers=SPARQL_UPDATE
        ),
    ]
    assert [r.status_code for r in cases] == [400] * len(cases), [r.text for r in cases]
    assert client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}).status_code == 406
    assert client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"}).status_code == 415
    assert (
        client.post(
            "/sparql", content=b"ASK {}" + b" " * 300_000, headers={"Content-Type": "application/sparql-query"}
        ).status_code
        == 413
    )


# -- Graph Store ----------------------------------------------------------------------------------


def test_put_of_an_empty_body_creates_an_empty_graph(client: httpx.Client) -> None:
    """Before: 201, then the graph answered 404."""
    r = client.put(
        "/graph", params={"graph": f"{EX}empty"}, content=b"", headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 201
    r = client.get("/graph", params={"graph": f"{EX}empty"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.content.strip() == b""
    assert client.head("/graph", params={"graph": f"{EX}empty"}).status_code == 200
    r = client.put(
        "/graph", params={"graph": f"{EX}empty"}, content=b"", headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 204  # it exists now


def test_post_to_the_store_creates_a_graph(client: httpx.Client, url: str) -> None:
    """Before: missing (400)."""
    r = client.post(
        "/graph", content=f"<{EX}n> <{EX}p> 'new' .".encode(), headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 201, r.text
    location = r.headers["location"]
    assert location.startswith(f"{url}/graph/")
    r = client.get("/graph", params={"graph": location}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and b"new" in r.content
    r = client.get(location, headers={"Accept": "application/n-triples"})  # the same graph, identified directly
    assert r.status_code == 200 and b"new" in r.content


def test_etag_and_if_none_match(client: httpx.Client) -> None:
    r = client.get("/graph", params={"graph": f"{EX}g1"}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["etag"]
    again = client.get(
        "/graph", params={"graph": f"{EX}g1"}, headers={"Accept": "text/turtle", "If-None-Match": r.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""
    client.post(
        "/graph",
        params={"graph": f"{EX}g1"},
        content=f"<{EX}x> <{EX}p> 'changed' .".encode(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    changed = client.get(
        "/graph", params={"graph": f"{EX}g1"}, headers={"Accept": "text/turtle", "If-None-Match": r.headers["etag"]}
    )
    assert changed.status_code == 200 and changed.headers["etag"] != r.headers["etag"]


def test_graph_store_default_graph_and_delete(client: httpx.Client) -> None:
    r = client.put(
        "/graph?default",
        content=f"<{EX}d> <{EX}p> 'default' .".encode(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert r.status_code in (200, 201, 204)
    assert b"default" in client.get("/graph?default", headers={"Accept": "application/n-triples"}).content
    assert client.delete("/graph", params={"graph": f"{EX}g2"}, headers=AUTH).status_code == 204
    assert client.get("/graph", params={"graph": f"{EX}g2"}).status_code == 404
    assert client.delete("/graph", params={"graph": f"{EX}g2"}, headers=AUTH).status_code == 404


def test_the_store_default_graph_is_in_the_union_of_updates_too(client: httpx.Client) -> None:
    """The default graph a query sees (the union, the store's own default graph included) is the one an update's
    WHERE sees."""
    r = client.put(
        "/graph?default",
        content=f"<{EX}d> <{EX}dp> 'in default' .".encode(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert r.status_code in (200, 201, 204)
    assert ask(client, f"ASK {{ <{EX}d> <{EX}dp> 'in default' }}")
    r = client.post(
        "/update",
        headers=SPARQL_UPDATE,
        content=(f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}seen> ?o }} }} WHERE {{ ?s <{EX}dp> ?o }}").encode(),
    )
    assert r.status_code == 204, r.text
    assert ask(client, f"ASK {{ GRAPH <{EX}out> {{ <{EX}d> <{EX}seen> 'in default' }} }}")
    r = client.post(
        "/update", headers=SPARQL_UPDATE, content=f"DELETE {{ ?s <{EX}dp> ?o }} WHERE {{ ?s <{EX}dp> ?o }}".encode()
    )
    assert r.status_code == 204, r.text
    assert not ask(client, f"ASK {{ ?s <{EX}dp> ?o }}")
    graphs = client.get(
        "/sparql",
        params={"query": "SELECT DISTINCT ?g { GRAPH ?g {} }"},
        headers={"Accept": "application/sparql-results+json"},
    ).text
    assert "default-graph-view" not in graphs
    client.delete("/graph?default", headers=AUTH)
