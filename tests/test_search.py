"""Issue 17: full-text search (SQLite FTS5 beside the store) over documents, task sentences, bodies and projects,
insensitive to diacritics, đ/d and case, ranked, with highlighted snippets, kept in step with the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.errors import InputError
from graph_api.search import SearchIndex, fold, index_for, index_path, match_expression
from graph_api.store import open_store
from graph_api.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

PLAN = """TỈNH ỦY LAI CHÂU
Số 05-KH/TU

Lai Châu, ngày 10 tháng 01 năm 2022

KẾ HOẠCH
thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng

I. NHIỆM VỤ, GIẢI PHÁP

1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy chế làm việc về {topic}, hoàn thành trước ngày 30/6/2022.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Giàng Páo Mỷ
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    """The bundled corpus in an on-disk store, loaded through ingest, and its index brought in step."""
    folder = tmp_path_factory.mktemp("search")
    store = open_store(f"oxigraph:{folder / 'store'}")
    report = ingest([CORPUS], store)
    assert report.documents >= 20 and not report.rejected
    index = index_for(store)
    index.sync(store)
    yield store, index
    index.close()
    store.close()


def test_the_index_is_an_fts5_file_beside_the_store(loaded) -> None:
    store, index = loaded
    assert index.path == index_path(store) == store.path.parent / "store.search.sqlite"
    assert index.path.is_file()
    sql = sqlite3.connect(index.path).execute("SELECT sql FROM sqlite_master WHERE name = 'entries'").fetchone()[0]
    assert "fts5" in sql.lower()


@pytest.mark.parametrize("q", ["ban can su dang", "Ban cán sự đảng", "BAN CÁN SỰ ĐẢNG", "ban can su đang"])
def test_diacritics_case_and_d_do_not_matter(loaded, q: str) -> None:
    _, index = loaded
    page = index.search(q, limit=50)
    assert page.total >= 3
    assert [h.iri for h in page.hits] == [h.iri for h in index.search("ban can su dang", limit=50).hits]
    top = page.hits[0]
    assert "ban cán sự đảng" in top.snippet.lower()  # shown in the original text, diacritics and all
    start, end = top.highlights[0]
    assert fold(top.snippet[start:end]).startswith("ban can su dang")


def test_each_kind_is_searchable_with_a_snippet_of_the_original(loaded) -> None:
    _, index = loaded
    task = index.search("duong sat Lao Cai", kind="task").hits[0]
    assert task.kind == "task" and "/task/" in task.iri and task.document
    assert "đường sắt" in task.snippet and "<mark>đường sắt" in task.snippet_html()
    assert task.title == "Sở Giao thông vận tải"  # the lead, from the reference graph
    project = index.search("duong sat lao cai", kind="project").hits[0]
    assert project.title.startswith("Tuyến đường sắt Lào Cai")
    body = index.search("so noi vu", kind="body").hits[0]
    assert body.title == "Sở Nội vụ"
    doc = index.search("21-KL/TW", kind="document").hits[0]
    assert doc.iri.endswith("/doc/tw/kl/2021/21")


def test_ranking_puts_the_phrase_in_a_title_first(loaded) -> None:
    _, index = loaded
    hits = index.search("chuyen doi so").hits
    assert hits[0].kind == "document" and "chuyển đổi số" in hits[0].title
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_paging_counts_each_iri_once(loaded) -> None:
    _, index = loaded
    first, second = index.search("so noi vu", limit=5), index.search("so noi vu", limit=5, offset=5)
    assert first.total == second.total > 10
    iris = [h.iri for h in first.hits + second.hits]
    assert len(iris) == len(set(iris)) == 10


@pytest.mark.parametrize("q", ["", "   ", '""', "!!!"])
def test_a_query_without_words_is_refused(loaded, q: str) -> None:
    _, index = loaded
    with pytest.raises(InputError, match="has no word to search for"):
        index.search(q)


def test_bad_kind_and_overlong_query_are_refused(loaded) -> None:
    _, index = loaded
    with pytest.raises(InputError, match="not one of document, task, body, project"):
        index.search("dang", kind="person")
    with pytest.raises(InputError, match="longer than 500"):
        match_expression("a" * 501)


def test_sync_follows_replacements_and_removals(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "lai_chau_plan.txt"
    doc.write_text(PLAN.format(topic="chuyển đổi số"), encoding="utf-8")
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    ingest([folder], store, search=False)  # the index built afterwards, from the store
    with SearchIndex(index_path(store)) as index:
        assert index.sync(store)[0] >= 2  # the reference graph and the plan
        assert index.search("ra soat quy che lam viec ve chuyen doi so", kind="task").total == 1
        assert index.sync(store) == (0, 0)  # nothing changed: nothing read again
        doc.write_text(PLAN.format(topic="cải cách hành chính"), encoding="utf-8")
        ingest([folder], store, search=False)
        assert index.sync(store) == (1, 0)
        assert index.search("quy che lam viec ve chuyen doi so", kind="task").total == 0
        assert index.search("cai cach hanh chinh", kind="task").hits[0].snippet.count("cải cách hành chính") == 1
        graph = next(g for g in store.named_graphs() if g.endswith("lai_chau_plan.txt"))
        store.drop_graph(graph)
        assert index.sync(store) == (0, 1)
        assert index.search("cai cach hanh chinh").total == 0
    store.close()


def test_a_load_keeps_the_index_in_step_with_the_full_text(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "lai_chau_plan.txt"
    doc.write_text(PLAN.format(topic="chuyển đổi số"), encoding="utf-8")
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        ingest([folder], store)
        with SearchIndex(index_path(store)) as index:
            assert index.sync(store) == (0, 0)  # the load indexed what it wrote
            task = index.search("ra soat quy che lam viec ve chuyen doi so", kind="task").hits[0]
            assert task.iri.endswith("/task/1") and task.title == "Ban Tổ chức Tỉnh ủy"
            signed = index.search("giang pao my").hits[0]  # only in the text: the signature
            assert signed.kind == "document" and signed.symbol == "05-KH/TU" and "Giàng Páo Mỷ" in signed.snippet
            assert index.document_text(signed.iri).startswith("TỈNH ỦY LAI CHÂU\nSố 05-KH/TU")
        doc.write_text(PLAN.format(topic="cải cách hành chính"), encoding="utf-8")
        ingest([folder], store)  # a replacement
        with SearchIndex(index_path(store)) as index:
            assert index.search("chuyen doi so", kind="task").total == 0
            assert index.search("cai cach hanh chinh", kind="task").total == 1


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from graph_api.http.app import create_app

    spec = f"oxigraph:{tmp_path_factory.mktemp('search-api') / 'store'}"
    with open_store(spec) as store:
        ingest([CORPUS], store)
    with TestClient(create_app(spec)) as c:
        yield c


def test_api_search(client) -> None:
    body = client.get("/api/search", params={"q": "ban can su dang", "limit": 5}).json()
    assert body["total"] >= 3 and len(body["items"]) == 5
    top = body["items"][0]
    assert "ban cán sự đảng" in top["snippet"].lower() and top["link"].startswith("/id/")
    start, end = top["highlights"][0]
    assert fold(top["snippet"][start:end]).startswith("ban can su dang")
    same = client.get("/api/search", params={"q": "Ban cán sự Đảng", "limit": 5}).json()
    assert [i["iri"] for i in same["items"]] == [i["iri"] for i in body["items"]]
    docs = client.get("/api/search", params={"q": "21-KL/TW", "kind": "document"}).json()["items"]
    assert docs[0]["symbol"] == "21-KL/TW"
    assert client.get("/api/search", params={"q": 'x" } DROP ALL #'}).json()["items"] == []


def test_search_page_in_vietnamese_and_english(client) -> None:
    vi = client.get("/search", params={"q": "duong sat"}, headers={"accept-language": "vi"}).text
    assert '<html lang="vi">' in vi and "Tìm kiếm văn bản và nhiệm vụ" in vi and "<mark>đường sắt</mark>" in vi
    en = client.get("/search", params={"q": "duong sat", "lang": "en"}).text
    assert '<html lang="en">' in en and "Search documents and tasks" in en and "results" in en
