"""The network views in a real browser: headless Debian chromium driven by playwright.

A served flow view (uvicorn on 127.0.0.1) and an exported file (file:// URL) are opened; the
canvas must be drawn (non-background pixels in a screenshot), a click on a node must show its
details, filters must hide nodes, the search box must find nodes, and the exported file must
not fetch anything. Screenshots are kept under test-artifacts/views/.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page

from visualise import views
from browser import chromium

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "views"

_spec = importlib.util.spec_from_file_location("vk_test_visualise", Path(__file__).with_name("test_visualise.py"))
tv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tv)

TASK2 = tv.KL_TQ + "/task/2"


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def served_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-served")
    tv.load_fixture(f"oxigraph:{folder / 'store'}").close()
    url, proc = tv.start_server(folder / "store", folder / "server.log")
    yield url + "/view/flow/21-KL/TW?detail=1"
    tv.stop_server(proc)


@pytest.fixture(scope="module")
def exported_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-export")
    store = tv.load_fixture("memory:")
    out = views.export_flow(store, "21-KL/TW", folder / "flow.html")
    return out.as_uri()


@pytest.fixture(params=["served", "exported"])
def target(request, served_url, exported_url):
    return request.param, served_url if request.param == "served" else exported_url


def open_view(browser, url: str) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=30_000)
    page.wait_for_timeout(200)
    return page, requests, errors


def drawn_pixels(page: Page, name: str) -> int:
    """Non-white pixels of the network area; the screenshot is kept as an artefact."""
    png = page.locator("#vk-network").screenshot(path=str(ARTIFACTS / name))
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(n for n, color in img.getcolors(img.width * img.height) if color != (255, 255, 255))


def click_node(page: Page, node_id: str) -> None:
    at = page.evaluate("id => vkView.network.canvasToDOM(vkView.network.getPosition(id))", node_id)
    box = page.locator("#vk-network canvas").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def test_canvas_is_drawn_and_click_shows_details(browser, target):
    kind, url = target
    page, requests, errors = open_view(browser, url)
    assert errors == []
    pixels = drawn_pixels(page, f"flow-{kind}.png")
    assert pixels > 3000
    assert page.locator("#vk-details").is_hidden()
    click_node(page, TASK2)
    details = page.locator("#vk-details")
    details.wait_for(state="visible")
    text = details.inner_text()
    assert "Đẩy nhanh tiến độ dự án đường cao tốc" in text
    assert "31/12/2030" in text and "Tuyên Quang" in text
    href = page.locator("#vk-resource-link").get_attribute("href")
    assert href == (TASK2 if kind == "exported" else TASK2.replace(tv.BASE, "/"))
    drawn_pixels(page, f"flow-{kind}-details.png")
    # clicking the empty canvas closes the panel
    box = page.locator("#vk-network canvas").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)
    assert details.is_hidden()
    if kind == "exported":
        assert [u for u in requests if not u.startswith("file://")] == []
    page.close()


def test_filters_hide_nodes(browser, target):
    kind, url = target
    page, _, errors = open_view(browser, url)
    total = page.evaluate("vkView.nodes.length")
    before = drawn_pixels(page, f"flow-{kind}-all.png")
    page.select_option("#vk-province", "Thái Nguyên")
    hidden = page.evaluate("vkView.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert tv.KL_TQ in hidden and TASK2 in hidden and tv.KH147 in hidden
    assert tv.KL_TN not in hidden and tv.C21 not in hidden  # the directive stays: Thái Nguyên takes it up
    assert page.locator("#vk-status").inner_text() == f"Hiển thị {total - len(hidden)}/{total} nút"
    after = drawn_pixels(page, f"flow-{kind}-thai-nguyen.png")
    assert after < before * 0.8
    # kinds: untick tasks
    page.select_option("#vk-province", "")
    page.locator(".vk-kind[value=task]").uncheck()
    shown = page.evaluate("vkView.nodes.get({filter: n => !n.hidden}).map(n => n.vk.kind)")
    assert "task" not in shown and "central" in shown and "body" in shown
    page.locator(".vk-kind[value=task]").check()
    # period: only 2024 leaves the Thái Nguyên conclusion
    page.select_option("#vk-year-from", "2024")
    docs = page.evaluate("vkView.nodes.get({filter: n => !n.hidden && n.vk.kind === 'document'}).map(n => n.id)")
    assert docs == [tv.KL_TN]
    page.select_option("#vk-year-from", "")
    assert page.evaluate("vkView.nodes.get({filter: n => n.hidden}).length") == 0
    assert errors == []
    page.close()


def test_search_box_finds_nodes(browser, exported_url):
    page, _, _ = open_view(browser, exported_url)
    page.fill("#vk-search", "cao toc")  # without diacritics
    page.wait_for_function("document.getElementById('vk-search-result').textContent.startsWith('Tìm thấy')")
    selected = page.evaluate("vkView.network.getSelectedNodes()")
    assert set(selected) == {TASK2, tv.ID + "project/tuyen-quang/duong-cao-toc-tuyen-quang-ha-giang"}
    page.press("#vk-search", "Enter")
    page.locator("#vk-details").wait_for(state="visible")
    page.fill("#vk-search", "không có nút nào như thế")
    page.wait_for_function("document.getElementById('vk-search-result').textContent === 'Không tìm thấy'")
    page.close()


def test_big_view_is_aggregated_and_drawn(browser, tmp_path):
    store = tv.open_store("memory:")
    store.load_graph(tv.BASE + "graph/doc/synthetic", tv.synthetic_flow_ttl(docs=40, tasks_per_doc=90).encode())
    g = views.flow_graph(store, "99-NQ/TW")
    assert len(g) > views.MAX_NODES
    out = views.export_graph(g, tmp_path / "big.html")
    page, _, errors = open_view(browser, out.as_uri())
    assert page.locator("#vk-aggregated").is_visible()
    assert page.evaluate("vkView.nodes.length") < views.MAX_NODES
    assert drawn_pixels(page, "flow-big-aggregated.png") > 3000
    assert errors == []
    page.close()
