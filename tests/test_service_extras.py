"""Issue 17: the small things of the service and the command — a favicon, the VoID description's licence and
publisher, the query and resource pages in Vietnamese by default (English on request), a document's resource page
linking to its reading page, ``vankien --version``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from graph_api.http.app import create_app
from graph_api.store import open_store
from graph_api.store.ingest import ingest
from vankien.cli import app as cli_app
from vankien.cli_run import run

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "deadlines"
DCTERMS = "http://purl.org/dc/terms/"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    spec = f"oxigraph:{tmp_path_factory.mktemp('extras') / 'store'}"
    with open_store(spec) as store:
        ingest([PLAN], store)
    with TestClient(create_app(spec)) as c:
        yield c


def test_favicon(client) -> None:
    ico = client.get("/favicon.ico")
    assert ico.status_code == 200 and ico.headers["content-type"] == "image/x-icon" and ico.content[:4] == b"\0\0\1\0"
    svg = client.get("/favicon.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content
    assert '<link rel="icon" href="/favicon.svg"' in client.get("/query").text


def test_void_has_a_licence_and_a_publisher(client) -> None:
    r = client.get("/.well-known/void", headers={"accept": "text/turtle"})
    triples = list(parse(r.content, format=RdfFormat.TURTLE))
    by_predicate = {t.predicate.value: t.object for t in triples}
    assert by_predicate[DCTERMS + "license"].value == "https://creativecommons.org/licenses/by/4.0/"
    publisher = by_predicate[DCTERMS + "publisher"]
    names = [t.object.value for t in triples if t.subject == publisher and t.predicate.value.endswith("/name")]
    assert names == ["vankien"]


def test_query_and_resource_pages_speak_vietnamese_unless_asked(client) -> None:
    client.cookies.clear()
    vi = client.get("/query").text
    assert '<html lang="vi">' in vi and "Truy vấn SPARQL" in vi and "Chạy (Ctrl+Enter)" in vi
    en = client.get("/query", params={"lang": "en"}).text
    assert '<html lang="en">' in en and "SPARQL query" in en and "Run (Ctrl+Enter)" in en
    client.cookies.clear()
    page = client.get("/id/doc/lai-chau/tu/kh/2022/05", headers={"accept": "text/html"}).text
    assert "Thuộc tính" in page and 'href="/document/lai-chau/tu/kh/2022/05"' in page
    task = client.get("/id/doc/lai-chau/tu/kh/2022/05/task/1", headers={"accept": "text/html"}).text
    assert 'href="/document/' not in task


def test_version(capsys) -> None:
    assert run(cli_app, ["--version"]) == 0
    assert re.fullmatch(r"vankien \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)
