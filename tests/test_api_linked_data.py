"""Linked data on a real server: /id/ dereferencing (HTML with labels, links, the source sentence
and a graph view; RDF by Accept), dumps, VoID counts."""

from __future__ import annotations

import httpx
import pytest
import rdflib
from pyoxigraph import NamedNode, RdfFormat, parse

from api_fixtures import BASE, api_server, fixture_dataset, queries_dir  # noqa: F401

DOC_PATH = "/id/doc/tuyen-quang/tu/kh/2021/147"
DOC = BASE + DOC_PATH[1:]
CENTRAL = BASE + "id/doc/tw/kl/2021/21"


@pytest.fixture(scope="module")
def client(api_server) -> httpx.Client:
    with httpx.Client(base_url=api_server.url, timeout=30) as c:
        yield c


def test_resource_html_for_browsers(client):
    r = client.get(DOC_PATH, headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<h1>147-KH/TU</h1>" in html  # the label (symbol) as the title
    assert "thực hiện Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng" in html  # the title
    assert "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị" in html  # the source sentence
    assert 'href="/id/doc/tw/kl/2021/21"' in html  # a local link to the cited document
    assert 'href="/id/body/tuyen-quang/ban-thuong-vu-tinh-uy"' in html
    assert "Ban Thường vụ Tỉnh ủy" in html  # the body's label, not its IRI
    assert "<svg" in html and html.count("<circle") >= 3  # the graph view: centre + neighbours
    assert 'href="/id/doc/tuyen-quang/tu/kh/2021/147/task/1"' in html  # incoming: tasks that are part of it


def test_cited_document_page_shows_the_evidence_where_it_is_the_object(client):
    html = client.get("/id/doc/tw/kl/2021/21", headers={"Accept": "text/html"}).text
    assert "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021" in html
    assert 'href="/id/doc/tuyen-quang/tu/kh/2021/147"' in html


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("*/*", RdfFormat.TURTLE),
    ],
)
def test_resource_rdf_by_accept(client, accept, fmt):
    r = client.get(DOC_PATH, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    got = {(q.subject.value, q.predicate.value, q.object.value) for q in parse(r.content, format=fmt)}
    store = fixture_dataset()
    out = {(DOC, q.predicate.value, q.object.value) for q in store.quads_for_pattern(NamedNode(DOC), None, None, None)}
    inc = {(q.subject.value, q.predicate.value, DOC) for q in store.quads_for_pattern(None, None, NamedNode(DOC), None)}
    assert got == out | inc


def test_format_parameter_and_unknown_resources(client):
    assert (
        client.get(DOC_PATH, params={"format": "ntriples"}).headers["content-type"].startswith("application/n-triples")
    )
    for accept in ("text/html", "text/turtle"):
        assert client.get("/id/doc/tw/kl/1999/999", headers={"Accept": accept}).status_code == 404
    assert client.get(DOC_PATH, headers={"Accept": "image/png"}).status_code == 406


def test_dump_nquads_and_trig_hold_every_quad(client):
    expected = {
        (q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
        for q in fixture_dataset().quads_for_pattern(None, None, None, None)
    }
    for path, fmt, media in (
        ("/dump.nq", RdfFormat.N_QUADS, "application/n-quads"),
        ("/dump.trig", RdfFormat.TRIG, "application/trig"),
    ):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        got = {
            (q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
            for q in parse(r.content, format=fmt)
        }
        assert got >= expected  # other tests of this module may have added graphs; none removed
        assert {g for *_, g in got} >= {BASE + "graph/reference", BASE + "graph/doc/kh-147-tu"}


def test_void_counts(client):
    for path in ("/void", "/.well-known/void"):
        r = client.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 200
        g = rdflib.Graph().parse(data=r.text, format="turtle")
        void = rdflib.Namespace("http://rdfs.org/ns/void#")
        ds = next(g.subjects(rdflib.RDF.type, void.Dataset))
        store = fixture_dataset()
        quads = list(store.quads_for_pattern(None, None, None, None))
        assert int(g.value(ds, void.triples)) == len(quads)
        assert int(g.value(ds, void.distinctSubjects)) == len({q.subject for q in quads})
        assert int(g.value(ds, void.properties)) == len({q.predicate for q in quads})
        assert str(g.value(ds, void.sparqlEndpoint)).endswith("/sparql")
        assert str(g.value(ds, void.uriSpace)) == BASE + "id/"
        partitions = {
            str(g.value(p, void["class"])): int(g.value(p, void.entities)) for p in g.objects(ds, void.classPartition)
        }
        legal = {
            q.subject
            for q in quads
            if q.predicate.value.endswith("#type")
            and q.object.value == "http://data.europa.eu/eli/ontology#LegalResource"
        }
        assert partitions["http://data.europa.eu/eli/ontology#LegalResource"] == len(legal) == 3
