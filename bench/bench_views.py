"""Benchmark: build and open a ~5,000-node flow view.

A synthetic graph that follows ontology/README.md (one central resolution taken up by plans in
every province, with tasks, lead and partner bodies, projects, deadlines and evidence quotes) is
loaded into an on-disk pyoxigraph store. Then, timed: the SPARQL projection (``flow_graph``), the
rendering (``render_html``, aggregated by default and in full), and opening each page in headless
Debian chromium until the network is drawn. A section is appended to bench/RESULTS.md.

    .venv/bin/python -m bench.bench_views [--docs 126] [--tasks 36] [--no-write]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import append_results, md_table  # noqa: E402
from graph_api.store import open_store  # noqa: E402
from visualise import projections, views  # noqa: E402

ID = "https://w3id.org/vankien/id/"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def synthetic_turtle(docs: int, tasks: int, provinces: int = 63, bodies: int = 8) -> str:
    """One central document, ``docs`` provincial plans implementing it, ``tasks`` tasks each."""
    central = f"{ID}doc/tw/nq/2022/18"
    out = ["@prefix eli: <http://data.europa.eu/eli/ontology#> .",
           "@prefix vk: <https://w3id.org/vankien/ontology#> .",
           "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
           f'<{central}> a eli:LegalResource ; eli:id_local "18-NQ/TW" ; vk:year 2022 ; '
           f'vk:level <{ID}level/central> ; eli:title "về tiếp tục đổi mới, hoàn thiện thể chế, chính sách"@vi .']
    for p in range(provinces):
        out.append(f'<{ID}province/tinh-{p}> a vk:Province ; rdfs:label "Tỉnh số {p}"@vi .')
        for b in range(bodies):
            out.append(f'<{ID}body/tinh-{p}/co-quan-{b}> skos:prefLabel "Cơ quan {b} của tỉnh {p}"@vi ; '
                       f'vk:province <{ID}province/tinh-{p}> .')
    for d in range(docs):
        p = d % provinces
        doc = f"{ID}doc/tinh-{p}/tu/kh/{2022 + d % 4}/{d}"
        out.append(f'<{doc}> a eli:LegalResource ; eli:id_local "{d}-KH/TU" ; vk:year {2022 + d % 4} ; '
                   f'vk:level <{ID}level/provincial> ; vk:province <{ID}province/tinh-{p}> ; '
                   f'eli:implements <{central}> .')
        out.append(f'<{doc}/evidence/0> a rdf:Statement ; rdf:subject <{doc}> ; rdf:predicate eli:implements ; '
                   f'rdf:object <{central}> ; vk:quote "Kế hoạch thực hiện Nghị quyết số 18-NQ/TW"@vi .')
        for t in range(1, tasks + 1):
            task = f"{doc}/task/{t}"
            out.append(f'<{task}> a vk:Task ; eli:is_part_of <{doc}> ; vk:position {t} ; '
                       f'vk:text "Nhiệm vụ {t}: tổ chức thực hiện nội dung {t} của kế hoạch số {d}"@vi ; '
                       f'vk:leadBody <{ID}body/tinh-{p}/co-quan-{t % bodies}> ; '
                       f'vk:partnerBody <{ID}body/tinh-{p}/co-quan-{(t + 3) % bodies}> ; '
                       f'vk:deadline "{2023 + t % 5}-12-31"^^xsd:date .')
            if t % 9 == 0:
                out.append(f'<{task}> vk:concernsProject <{ID}project/tinh-{p}/du-an-{t // 9}> .')
                out.append(f'<{ID}project/tinh-{p}/du-an-{t // 9}> a vk:Project ; '
                           f'rdfs:label "Dự án {t // 9} tỉnh {p}"@vi .')
    return "\n".join(out)


def open_in_chromium(html_path: Path, shot: Path) -> float:
    """Seconds from navigation to the first drawn frame of the network."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t0 = time.perf_counter()
        page.goto(html_path.as_uri())
        page.wait_for_function("document.body.dataset.drawn === '1'", timeout=300_000)
        seconds = time.perf_counter() - t0
        page.screenshot(path=str(shot))
        browser.close()
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=126)
    ap.add_argument("--tasks", type=int, default=36)
    ap.add_argument("--no-write", action="store_true", help="print only; do not append to bench/RESULTS.md")
    a = ap.parse_args()
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"oxigraph:{tmp}/store")
        t0 = time.perf_counter()
        store.load_graph("https://w3id.org/vankien/graph/doc/bench", synthetic_turtle(a.docs, a.tasks).encode())
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        g = projections.flow_graph(store, "18-NQ/TW")
        project_s = time.perf_counter() - t0
        rows = {}
        for name, max_nodes in (("aggregated (default)", views.MAX_NODES), ("full", 10 ** 9)):
            t0 = time.perf_counter()
            html = views.render_html(g, max_nodes=max_nodes)
            render_s = time.perf_counter() - t0
            path = out_dir / f"flow-{name.split()[0]}.html"
            path.write_text(html, encoding="utf-8")
            shown = html.count('"shape":')
            open_s = open_in_chromium(path, out_dir / f"flow-{name.split()[0]}.png")
            rows[name] = (shown, render_s, len(html.encode()) / 1e6, open_s)
        store.close()
    kinds = {k: sum(1 for n in g if g.nodes[n]["kind"] == k) for k in ("central", "document", "task", "body", "project")}
    table = md_table(["page", "nodes drawn", "render_html s", "HTML MB", "chromium: navigation → drawn s",
                      "build + open s"],
                     [[name, f"{shown:,}", f"{render_s:.2f}", f"{mb:.1f}", f"{open_s:.2f}",
                       f"{project_s + render_s + open_s:.2f}"]
                      for name, (shown, render_s, mb, open_s) in rows.items()])
    notes = [f"synthetic graph (ontology/README.md terms): 1 central document, {kinds['document']} provincial plans, "
             f"{kinds['task']:,} tasks, {kinds['body']} bodies, {kinds['project']} projects = {len(g):,} nodes, "
             f"{g.number_of_edges():,} edges",
             f"load into the on-disk store: {load_s:.2f} s; SPARQL projection `flow_graph`: {project_s:.2f} s",
             f"default page aggregates beyond {views.MAX_NODES:,} nodes (tasks per document); the full page draws "
             "every node (physics off, precomputed layered layout)",
             "chromium: Debian /usr/bin/chromium headless via playwright; time from navigation to the first "
             "'afterDrawing' of vis-network"]
    title = f"Network views: build and open a {len(g):,}-node flow view"
    if a.no_write:
        print(table, *notes, sep="\n")
    else:
        print(append_results(title, [table], notes))


if __name__ == "__main__":
    main()
