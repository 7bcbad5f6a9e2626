"""The aggregated views in a real browser (headless Debian chromium via playwright), on the bundled corpus loaded
by the real loaders: the default flow view of 21-KL/TW, served by ``vankien serve`` and exported as an offline
file, draws at most the node cap with short labels, and a click on a group node adds its children (fetched as
JSON from the service, or embedded in the file: the file fetches nothing). Screenshots go to
test-artifacts/views/ (docs/views.md shows them)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from browser import chromium
from playwright.sync_api import Page

from visualise.summary import LABEL_MAX, MAX_SUMMARY_NODES, flow_summary, overview_summary
from visualise.summary_views import export_summary

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "views"
_spec = importlib.util.spec_from_file_location("vk_test_visualise_b", Path(__file__).with_name("test_visualise.py"))
tv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tv)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aggregated")
    store_path = folder / "store"
    tv.load_bundled_corpus(store_path)
    return folder, store_path


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def served(corpus):
    folder, store_path = corpus
    copy = folder / "served"
    shutil.copytree(store_path, copy)
    url, proc = tv.start_server(copy, folder / "server.log")
    yield url
    tv.stop_server(proc)


@pytest.fixture(scope="module")
def exported(corpus):
    folder, store_path = corpus
    store = tv.open_store(f"oxigraph:{store_path}")
    try:
        flow = export_summary(store, flow_summary(store, "21-KL/TW"), folder / "flow.html").as_uri()
        overview = export_summary(store, overview_summary(store), folder / "overview.html").as_uri()
    finally:
        store.close()
    return flow, overview


def open_page(browser, url: str) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=30_000)
    return page, requests, errors


def click_node(page: Page, node_id: str) -> None:
    at = page.evaluate("id => vkView.network.canvasToDOM(vkView.network.getPosition(id))", node_id)
    box = page.locator("#vk-network canvas").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def check_and_expand(page: Page, name: str) -> None:
    """At most the cap, short labels, a legend; a click on a closed group node adds its children."""
    labels = page.evaluate("vkView.nodes.get().map(n => n.label)")
    assert 1 < len(labels) <= MAX_SUMMARY_NODES
    assert max(len(x) for x in labels) <= LABEL_MAX, max(labels, key=len)
    assert page.locator("#vk-kinds li").count() >= 3
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    closed = page.evaluate("vkView.nodes.get({filter: n => n.vk.expand && !n.vk.expanded}).map(n => n.id)")
    assert closed
    target = closed[0]
    page.evaluate("id => vkView.network.focus(id, {scale: 1.0})", target)
    before = len(labels)
    click_node(page, target)
    page.wait_for_function("document.body.dataset.expanded === '1'", timeout=30_000)
    added = page.evaluate(f"vkView.nodes.get().slice({before})")
    assert added and all(len(n["label"]) <= LABEL_MAX for n in added)
    assert all(page.evaluate("id => vkView.network.getConnectedNodes(id)", n["id"]) for n in added)
    page.locator("#vk-details").wait_for(state="visible")
    task = next((n for n in added if n["vk"]["kind"] == "task"), None)
    if task:  # the full sentence is in the side panel
        click_node(page, task["id"])
        page.wait_for_function("id => document.getElementById('vk-details').dataset.node === id", arg=task["id"])
        assert task["vk"]["text"][:80] in page.locator("#vk-details").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"{name}-expanded.png"))


def test_served_flow_view_of_21_kl_tw(browser, served):
    page, requests, errors = open_page(browser, served + "/view/flow/21-KL%2FTW")
    check_and_expand(page, "aggregated-flow-served")
    assert any("/view/expand?" in u for u in requests)
    page.fill("#vk-search", "tuyen quang")
    page.wait_for_function("document.getElementById('vk-search-result').textContent.startsWith('Tìm thấy')")
    assert errors == []
    page.close()


def test_exported_views_open_offline(browser, exported):
    for url, name in zip(exported, ("aggregated-flow-exported", "aggregated-overview-exported")):
        page, requests, errors = open_page(browser, url)
        check_and_expand(page, name)
        assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
        assert errors == []
        page.close()


def test_served_province_view_across_the_merger(browser, served):
    page, _, errors = open_page(browser, served + "/view/province/thai%20nguyen")
    title = page.locator("h1").inner_text()
    assert "Thái Nguyên" in title and "Bắc Kạn" in title
    kinds = page.evaluate("vkView.nodes.get().map(n => n.vk.kind)")
    assert "document" in kinds and "province" in kinds
    page.screenshot(path=str(ARTIFACTS / "aggregated-province-thai-nguyen.png"))
    assert errors == []
    page.close()
