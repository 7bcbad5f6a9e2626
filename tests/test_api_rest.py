"""REST endpoints, the query page (in real chromium), and schemathesis over the OpenAPI schema."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from api_fixtures import BASE, api_server, queries_dir, run_schemathesis  # noqa: F401
from browser import chromium

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client(api_server) -> httpx.Client:
    with httpx.Client(base_url=api_server.url, timeout=30) as c:
        yield c


def symbols(r: httpx.Response) -> list[str]:
    assert r.status_code == 200, r.text
    return sorted(item["symbol"] for item in r.json()["items"])


def test_documents_list_and_filters(client):
    r = client.get("/api/documents")
    assert r.json()["total"] == 3 and symbols(r) == ["05-KL/TU", "147-KH/TU", "21-KL/TW"]
    assert symbols(client.get("/api/documents", params={"province": "Tuyên Quang"})) == ["147-KH/TU"]
    assert symbols(client.get("/api/documents", params={"province": "lai-chau"})) == ["05-KL/TU"]
    assert symbols(client.get("/api/documents", params={"kind": "conclusion"})) == ["05-KL/TU", "21-KL/TW"]
    assert symbols(client.get("/api/documents", params={"year": 2021})) == ["147-KH/TU", "21-KL/TW"]
    assert symbols(client.get("/api/documents", params={"year": 2021, "kind": "plan"})) == ["147-KH/TU"]
    assert symbols(client.get("/api/documents", params={"province": "Hà Giang"})) == []
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    assert client.get("/api/documents", params={"year": "abc"}).status_code == 422


def test_one_document_with_citations_and_tasks(client):
    r = client.get("/api/documents/tuyen-quang/tu/kh/2021/147")
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["symbol"] == "147-KH/TU" and doc["kind"] == "plan" and doc["year"] == 2021
    assert doc["province"] == "Tuyên Quang" and doc["issuer"] == "Ban Thường vụ Tỉnh ủy"
    assert doc["level"] == "provincial" and doc["source_file"] == "kh-147-tu.docx"
    assert {(c["relation"], c["symbol"]) for c in doc["citations"]} == {
        ("eli:cites", "21-KL/TW"),
        ("eli:implements", "21-KL/TW"),
    }
    assert [t["position"] for t in doc["tasks"]] == [1, 2]
    first, second = doc["tasks"]
    assert first["text"] == "Tổ chức quán triệt Kết luận số 21-KL/TW" and first["deadline"] == "2022-03-31"
    assert first["lead"] == ["Ban Thường vụ Tỉnh ủy"] and first["implements"] == [BASE + "id/doc/tw/kl/2021/21"]
    assert (
        second["ongoing"] is True
        and second["lead"] == ["Sở Nội vụ"]
        and second["partners"] == ["Ban Thường vụ Tỉnh ủy"]
    )
    central = client.get("/api/documents/tw/kl/2021/21").json()
    assert {(c["relation"], c["symbol"]) for c in central["cited_by"]} == {
        ("eli:cites", "147-KH/TU"),
        ("eli:implements", "147-KH/TU"),
        ("eli:based_on", "05-KL/TU"),
    }
    assert client.get("/api/documents/tw/kl/1999/1").status_code == 404
    assert client.get("/api/documents/../../etc/passwd").status_code == 404


def test_search_by_symbol_and_title_words(client):
    assert symbols(client.get("/api/search", params={"q": "147-KH/TU"})) == ["147-KH/TU"]
    hits = client.get("/api/search", params={"q": "21-kl/tw"}).json()["items"]
    assert hits[0]["symbol"] == "21-KL/TW"  # the exact symbol ranks first, then titles that mention it
    assert symbols(client.get("/api/search", params={"q": "chỉnh đốn Đảng"})) == ["147-KH/TU", "21-KL/TW"]
    assert symbols(client.get("/api/search", params={"q": "công tác cán bộ"})) == ["05-KL/TU"]
    assert symbols(client.get("/api/search", params={"q": 'x" } DROP ALL #'})) == []
    assert client.get("/api/search").status_code == 422


def test_saved_queries_and_static_files(client, queries_dir):
    saved = client.get("/api/queries").json()
    assert saved == [
        {
            "name": "documents",
            "title": "Documents and their symbols",
            "query": (queries_dir / "documents.rq").read_text(encoding="utf-8"),
        }
    ]
    page = client.get("/query").text
    assert "Documents and their symbols" in page and "PREFIX eli: &lt;http://data.europa.eu/eli/ontology#&gt;" in page
    assert client.get("/static/query.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404




@pytest.fixture
def browser():
    """Debian chromium, headless, driven by playwright."""
    with chromium() as b:
        yield b


def test_query_page_in_chromium(api_server, browser):
    page = browser.new_page()
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(api_server.url) else None)
    page.goto(api_server.url + "/query")
    assert page.locator("#highlight .kw").count() > 0  # highlighted keywords
    page.click("button.saved-query")
    assert "eli:id_local" in page.input_value("#editor")
    page.click("#run")
    page.wait_for_selector("#results table")
    assert page.locator("#results tbody tr").count() == 3
    link = page.locator("#results tbody tr >> nth=0 >> a").first
    assert link.get_attribute("href").startswith("/id/doc/")
    with page.expect_download() as download:
        page.click("#dl-csv")
    assert Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0] == "doc,symbol"
    page.fill("#editor", "SELEC nothing")
    page.click("#run")
    page.wait_for_selector("#results .error")
    assert "syntax error" in page.inner_text("#results .error").lower()
    assert external == []  # works offline: nothing fetched from elsewhere


def test_api_docs_page_works_offline_in_chromium(api_server, browser):
    """/docs (Swagger UI) is drawn from files the service serves itself: nothing is fetched from elsewhere."""
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda req: fetched.append(req.url))
    page.goto(api_server.url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any(p.startswith("/api/documents") for p in paths) and any(p.startswith("/sparql") for p in paths), paths
    assert fetched and all(u.startswith(api_server.url) for u in fetched), fetched
    assert httpx.get(api_server.url + "/docs/static/nothing.js").status_code == 404
    assert httpx.get(api_server.url + "/redoc").status_code == 404


def test_schemathesis_finds_no_server_error(api_server, tmp_path):
    generated, passed, out = run_schemathesis(
        api_server.url, tmp_path, "--checks", "not_a_server_error", max_examples=25, timeout=300
    )
    assert generated >= 200 and generated == passed, out[-2000:]
