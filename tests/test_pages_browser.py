"""Issue 17: the pages people read — search, the deadlines dashboard, a document — in headless Debian chromium
(playwright), in Vietnamese (the default) and in English (``?lang=en``, remembered in a cookie). Nothing is fetched
from outside the service, no script error; screenshots go to docs/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from graph_api.http.settings import Settings
from graph_api.store import open_store
from graph_api.store.ingest import ingest
from tests.api_fixtures import start_server
from browser import chromium

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
DOCUMENT = "/document/lai-chau/tu/kh/2022/05?as_of=2022-08-01"
DEADLINES = "/deadlines?from=2022-01-01&to=2025-12-31&as_of=2024-06-30"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    spec = f"oxigraph:{tmp_path_factory.mktemp('pages') / 'store'}"
    with open_store(spec) as store:
        ingest([ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "deadlines"], store)
    server = start_server(spec, Settings())
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as b:
        yield b


def visit(browser: Browser, url: str, path: str, lang: str) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + path + ("&lang=en" if lang == "en" else ""))
    page.wait_for_load_state("networkidle")
    return page, outside, errors


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / name), full_page=False)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_page(browser, url, lang) -> None:
    page, outside, errors = visit(browser, url, "/search?q=ban+can+su+dang", lang)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == (
        "Tìm kiếm văn bản và nhiệm vụ" if lang == "vi" else "Search documents and tasks"
    )
    marks = page.locator("ol.hits mark")
    assert marks.count() >= 3 and "cán sự đảng" in marks.first.inner_text().lower()
    assert page.locator("#count").inner_text().endswith("kết quả" if lang == "vi" else "results")
    page.locator("input[name=q]").fill("đường sắt Lào Cai")
    page.locator("form.search button").click()
    page.wait_for_load_state("networkidle")
    assert "đường sắt" in page.locator("ol.hits li").first.inner_text()
    shot(page, f"search-{lang}.png")
    assert not outside and not errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deadlines_dashboard(browser, url, lang) -> None:
    page, outside, errors = visit(browser, url, DEADLINES, lang)
    total, overdue, open_ = (int(page.locator(f"#{k}").inner_text()) for k in ("total", "overdue", "open"))
    assert total == overdue + open_ > 20 and overdue > 0
    assert page.locator("#tasks tbody tr").count() == total
    heading = page.locator("h2").first.inner_text()
    assert heading == ("Theo cơ quan chủ trì" if lang == "vi" else "By lead body")
    assert page.locator("a[href^='/api/deadlines.xlsx']").count() == 1
    assert page.locator("a[href^='/api/deadlines.ics']").count() == 1
    shot(page, f"deadlines-{lang}.png")
    page.locator("input[name=province]").fill("Lai Chau")
    page.locator("form.filters button").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#tasks tbody tr").count() == 3  # the Lai Châu plan: a day, a month, a year
    assert not outside and not errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_document_page(browser, url, lang) -> None:
    page, outside, errors = visit(browser, url, DOCUMENT, lang)
    assert page.locator("h1").inner_text().startswith("05-KH/TU — thực hiện Kết luận số 21-KL/TW")
    rows = page.locator("#tasks tbody tr")
    assert rows.count() == 4
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(4)] == ["1", "2", "3", "4"]
    states = [rows.nth(i).locator("td").last.inner_text() for i in range(4)]
    assert states == (
        ["Quá hạn", "Còn hạn", "Còn hạn", "Thường xuyên"] if lang == "vi" else ["Overdue", "Open", "Open", "Ongoing"]
    )
    text = page.locator("#doctext")
    assert text.locator("sup.tn").count() == 4  # each task marked where it stands
    assert text.locator("mark.task").first.get_attribute("title") == "Ban Tổ chức Tỉnh ủy · trước ngày 30/6/2022"
    cite = text.locator("a.cite").first
    assert cite.inner_text() == "21-KL/TW" and cite.get_attribute("href") == "/document/tw/kl/2021/21"
    shot(page, f"document-{lang}.png")
    assert not outside and not errors
    icon = page.request.get(url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_query_page_runs_the_default_query_in_the_page_language(browser, url, lang) -> None:
    page, outside, errors = visit(browser, url, "/query?x=1", lang)
    assert page.locator("h1").inner_text() == ("Truy vấn SPARQL" if lang == "vi" else "SPARQL query")
    page.locator("#run").click()
    page.wait_for_function("document.querySelector('#status').textContent.includes(' ms')")
    rows = page.locator("#results tbody tr")
    symbols = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())]
    assert len(symbols) == 50 and symbols[:3] == ["01-HD/TW", "01-KL/TW", "01-NQ/TU"]
    iris = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert len(set(iris)) == len(iris)  # one row per document, not one per graph that mentions it
    status = page.locator("#status").inner_text()
    assert status.startswith("50 dòng" if lang == "vi" else "50 rows")
    page.locator("#editor").fill("SELECT * WHERE { ?s ?p }")
    page.locator("#run").click()
    page.wait_for_function("document.querySelector('#status').textContent.length > 0 && "
                           "!document.querySelector('#status').textContent.includes('…')")
    assert page.locator("#status").inner_text() == ("lỗi 400" if lang == "vi" else "error 400")
    shot(page, f"query-{lang}.png")
    assert not outside and not errors
