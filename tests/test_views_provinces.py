"""Provinces through the 2025 merger, on the bundled corpus loaded by the real loaders into an on-disk store:
the province view of every province that has documents, under its pre-merger name and under the name of the
province it became part of, is non-empty and carries out, per central document, the same tasks as the trace
by that province; names without diacritics or case resolve; an unknown name is an error with the closest names
(CLI exit code, HTTP 404 from the served view)."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
from pathlib import Path

import httpx
import pytest

from core.errors import NotFound
from graph_api.resolver import province_scope, resolve_province
from vankien.cli_views import trace_provinces
from visualise.summary import expand, flow_summary, province_summary

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("vk_test_visualise_p", Path(__file__).with_name("test_visualise.py"))
tv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tv)
MERGER = {
    r["slug"]: r
    for r in csv.DictReader((ROOT / "data/reference/provinces.csv").open(encoding="utf-8"))
    if r["period"] == "before_2025"
}
NEW_NAME = {
    r["slug"]: r["name_vi"]
    for r in csv.DictReader((ROOT / "data/reference/provinces.csv").open(encoding="utf-8"))
    if r["period"] == "from_2025"
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("provinces")
    tv.load_bundled_corpus(folder / "store")
    store = tv.open_store(f"oxigraph:{folder / 'store'}")
    yield folder / "store", store
    store.close()


def provinces_with_documents(store) -> list[str]:
    rows = store.select("""PREFIX vk: <https://w3id.org/vankien/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT DISTINCT ?p WHERE { ?d vk:province ?p ; a eli:LegalResource }""")
    return sorted(r["p"].value.rstrip("/").rsplit("/", 1)[-1] for r in rows)


def view_tasks(store, g) -> dict[str, set[str]]:
    """Every task a view reaches by clicking its groups open (what the page fetches), per central document."""
    out: dict[str, set[str]] = {}
    queue = [a["expand"] for _, a in g.nodes(data=True) if a.get("expand")]
    seen: set[str] = set()
    provinces = g.graph.get("scope")
    while queue:
        key = queue.pop()
        if key in seen:
            continue
        seen.add(key)
        h = expand(store, key, provinces=provinces)
        for n, a in h.nodes(data=True):
            if a.get("kind") == "task":
                out.setdefault(key.split("|")[1], set()).add(n)
            if a.get("expand") and not key.startswith("root|"):
                queue.append(a["expand"])
    return out


def test_every_bundled_province_under_old_and_new_names(corpus):
    _, store = corpus
    slugs = provinces_with_documents(store)
    assert len(slugs) >= 15
    checked = 0
    for slug in slugs:
        old = MERGER[slug]["name_vi"]
        new = NEW_NAME[MERGER[slug]["merged_into"]]
        for name in (old, new, slug.replace("-", " ").upper()):
            g = province_summary(store, name)
            kinds = {a["kind"] for _, a in g.nodes(data=True)}
            assert "document" in kinds, (name, kinds)
            assert old in g.graph["members"], (name, g.graph["members"])
            labels = province_scope(store, name).labels
            tasks = view_tasks(store, g)
            for root in g.graph["roots"]:
                traced = {t["task"] for t in trace_provinces(store, root, labels)["tasks"] if t.get("task")}
                assert tasks.get(root, set()) == traced, (name, root)
                checked += 1
    assert checked >= len(slugs)


def test_merged_province_names_the_provinces_it_absorbed(corpus):
    _, store = corpus
    tn = province_scope(store, "thai nguyen")
    assert tn.period == "from_2025" and set(tn.labels) == {"Thái Nguyên", "Bắc Kạn"}
    assert "Bắc Kạn" in province_summary(store, "thai nguyen").graph["title"]
    bk = province_scope(store, "Bac Can")  # an alias
    assert bk.label == "Bắc Kạn" and bk.merged_into and bk.merged_into[1] == "Thái Nguyên"
    assert resolve_province(store, tn.iri) == (tn.iri, "Thái Nguyên")
    old_tn = province_scope(store, tn.iri.replace("/2025/", "/"))  # the pre-merger IRI: that province only
    assert old_tn.labels == ["Thái Nguyên"]
    # the flow of 21-KL/TW by a post-merger province keeps its own documents only
    g = flow_summary(store, "21-KL-TW", province="tuyen quang")
    assert {a.get("province") for _, a in g.nodes(data=True) if a["kind"] == "document"} == {"Tuyên Quang"}


def test_unknown_province_is_an_error_with_suggestions(corpus):
    path, store = corpus
    with pytest.raises(NotFound) as e:
        province_scope(store, "Thai Ngyen")
    assert e.value.suggestions[0] == "Thái Nguyên"
    done = subprocess.run(
        [
            *tv.vankien_command(),
            "view",
            "province",
            "Thai Ngyen",
            "-o",
            str(path.parent / "x.html"),
            "--store",
            f"oxigraph:{path}",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == NotFound.exit_code and "Thái Nguyên" in done.stderr, done.stderr
    done = subprocess.run(
        [*tv.vankien_command(), "trace", "21-KL/TW", "--province", "Tuyen Kuang", "--store", f"oxigraph:{path}"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == NotFound.exit_code and "Tuyên Quang" in done.stderr, done.stderr
    store_copy = path.parent / "served"
    subprocess.run(["cp", "-r", str(path), str(store_copy)], check=True)
    url, proc = tv.start_server(store_copy, path.parent / "server.log")
    try:
        r = httpx.get(url + "/view/province/Thai%20Ngyen", timeout=30)
        assert r.status_code == 404 and "Thái Nguyên" in r.text and "vk-suggestion" in r.text
        ok = httpx.get(url + "/view/province/bac%20kan", timeout=30)
        assert ok.status_code == 200 and "Bắc Kạn" in ok.text
        for ref in ("21-KL-TW", "21-KL%2FTW", "doc/tw/kl/2021/21"):
            assert httpx.get(url + "/view/flow/" + ref, timeout=30).status_code == 200, ref
        assert httpx.get(url + "/view/expand", params={"key": "doc|x|y"}, timeout=30).status_code == 404
    finally:
        tv.stop_server(proc)
