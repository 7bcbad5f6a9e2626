"""SPARQL Update and the Graph Store Protocol: read-only by default (403), bearer token (401 without
or with a wrong one), applied writes visible to the next query."""

from __future__ import annotations

import json

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

from api_fixtures import TOKEN, api_server, queries_dir, readonly_server  # noqa: F401

AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "http://example.org/graph/test-gsp"


def ask(client: httpx.Client, pattern: str) -> bool:
    r = client.get("/sparql", params={"query": f"ASK {{ {pattern} }}"})
    assert r.status_code == 200, r.text
    return json.loads(r.content)["boolean"]


@pytest.fixture(scope="module")
def client(api_server) -> httpx.Client:
    with httpx.Client(base_url=api_server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def ro_client(readonly_server) -> httpx.Client:
    with httpx.Client(base_url=readonly_server.url, timeout=30) as c:
        yield c


INSERT = "INSERT DATA { GRAPH <http://example.org/g1> { <http://example.org/a> <http://example.org/p> 'v1' } }"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}],
)
def test_update_without_the_right_token_is_401_and_not_applied(client, headers):
    for r in (
        client.post("/sparql", data={"update": INSERT}, headers=headers),
        client.post("/update", content=INSERT, headers={"Content-Type": "application/sparql-update", **headers}),
        client.put(
            "/graph",
            params={"graph": G},
            content=b"<http://x/s> <http://x/p> 1 .",
            headers={"Content-Type": "text/turtle", **headers},
        ),
        client.delete("/graph", params={"graph": "http://example.org/big"}, headers=headers),
    ):
        assert r.status_code == 401, r.text
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert TOKEN not in r.text
    assert not ask(client, "<http://example.org/a> <http://example.org/p> 'v1'")
    assert ask(client, "GRAPH <http://example.org/big> { ?s ?p ?o }")


def test_read_only_service_refuses_every_write_with_403(ro_client):
    for r in (
        ro_client.post("/sparql", data={"update": INSERT}, headers=AUTH),
        ro_client.post("/update", data={"update": INSERT}),
        ro_client.put(
            "/graph",
            params={"graph": G},
            content=b"<http://x/s> <http://x/p> 1 .",
            headers={"Content-Type": "text/turtle", **AUTH},
        ),
        ro_client.post(
            "/graph",
            params={"graph": G},
            content=b"<http://x/s> <http://x/p> 1 .",
            headers={"Content-Type": "text/turtle"},
        ),
        ro_client.delete("/graph", params={"graph": G}, headers=AUTH),
    ):
        assert r.status_code == 403, r.text
        assert "read-only" in r.text
    assert not ask(ro_client, "<http://example.org/a> ?p ?o")
    sd = ro_client.get("/sparql", headers={"Accept": "application/n-triples"}).text
    assert "SPARQL11Query" in sd and "SPARQL11Update" not in sd


def test_update_with_token_is_applied_and_visible(client):
    r = client.post("/sparql", data={"update": INSERT}, headers=AUTH)
    assert r.status_code == 204, r.text
    assert ask(client, "<http://example.org/a> <http://example.org/p> 'v1'")
    delete = "DELETE DATA { GRAPH <http://example.org/g1> { <http://example.org/a> <http://example.org/p> 'v1' } }"
    r = client.post("/update", content=delete, headers={"Content-Type": "application/sparql-update", **AUTH})
    assert r.status_code == 204, r.text
    assert not ask(client, "<http://example.org/a> <http://example.org/p> 'v1'")


def test_malformed_update_is_400(client):
    r = client.post("/update", data={"update": "INSERT DATA { <a> "}, headers=AUTH)
    assert r.status_code == 400 and "syntax" in r.text.lower()


def test_graph_store_protocol_put_get_post_delete(client):
    turtle = b"@prefix ex: <http://example.org/> . ex:s1 ex:p 'one' . ex:s2 ex:p 'two' ."
    r = client.put("/graph", params={"graph": G}, content=turtle, headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 201, r.text
    got = client.get("/graph", params={"graph": G}, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200
    assert {(t.subject.value, t.object.value) for t in parse(got.content, format=RdfFormat.N_TRIPLES)} == {
        ("http://example.org/s1", "one"),
        ("http://example.org/s2", "two"),
    }
    # PUT again replaces the whole graph (204: it existed)
    r = client.put(
        "/graph",
        params={"graph": G},
        content=b'<http://example.org/s3> <http://example.org/p> "three" .',
        headers={"Content-Type": "application/n-triples", **AUTH},
    )
    assert r.status_code == 204
    assert not ask(client, f"GRAPH <{G}> {{ <http://example.org/s1> ?p ?o }}")
    # POST merges
    r = client.post(
        "/graph",
        params={"graph": G},
        content=b'{"@id": "http://example.org/s4", "http://example.org/p": "four"}',
        headers={"Content-Type": "application/ld+json", **AUTH},
    )
    assert r.status_code == 204
    assert ask(client, f"GRAPH <{G}> {{ <http://example.org/s3> ?p 'three' . <http://example.org/s4> ?p 'four' }}")
    bad = client.put(
        "/graph", params={"graph": G}, content=b"this is not turtle", headers={"Content-Type": "text/turtle", **AUTH}
    )
    assert bad.status_code == 400
    assert ask(client, f"GRAPH <{G}> {{ <http://example.org/s3> ?p 'three' }}")  # a failed PUT changes nothing
    assert (
        client.put(
            "/graph", params={"graph": G}, content=b"x", headers={"Content-Type": "image/png", **AUTH}
        ).status_code
        == 415
    )
    r = client.delete("/graph", params={"graph": G}, headers=AUTH)
    assert r.status_code == 204
    assert client.get("/graph", params={"graph": G}).status_code == 404
    assert client.delete("/graph", params={"graph": G}, headers=AUTH).status_code == 404
    assert client.get("/graph").status_code == 400
    assert client.get("/graph", params={"graph": "no iri"}).status_code == 400


def test_graph_read_is_public(ro_client):
    r = ro_client.get(
        "/graph", params={"graph": "https://w3id.org/vankien/graph/reference"}, headers={"Accept": "text/turtle"}
    )
    assert r.status_code == 200 and "Bộ Chính trị" in r.text
