"""Benchmark: the default (aggregated) view pages on real stores — overview, the flow of the most carried-out
directive, a province (Thái Nguyên, with Bắc Kạn it absorbed in 2025), a document (that directive, and one plan
carrying it out) — built from an on-disk store and its flow index, then opened in Debian chromium.

Each page is built in a fresh process (``--child``): seconds from opening the store to the written file, and
the process's peak RSS. Each page is then opened in headless chromium: seconds from navigation to the first
drawn frame. The detailed view of the same directive (``--detail``, what ``vankien view flow`` drew before) runs
as the peer, in a child process with a time limit. A dated section goes to bench/RESULTS.md.

    .venv/bin/python -m bench.bench_views --store /tmp/vankien-bench/store-10000=10k \\
        --store /tmp/vankien-bench/store-100000=100k [--shots docs/views] [--peer-timeout 120] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import append_results, md_table  # noqa: E402

OUT = Path(os.environ.get("VANKIEN_BENCH_DIR", "/tmp/vankien-bench")) / "views"
PAGES = ("overview", "flow", "province", "document", "plan")


def _targets(store) -> dict[str, str]:
    """The most carried-out directive and the plan carrying it out with the most tasks."""
    from visualise.flowsource import flow_source

    src = flow_source(store)
    roots = src.roots()
    top = max(roots, key=lambda r: (roots[r], r))
    docs = src.documents([top])
    plan = max(docs, key=lambda d: (d.tasks, d.iri)).iri if docs else top
    return {"directive": top, "plan": plan}


def child(page: str, store_path: str, out: str, targets: dict[str, str]) -> dict:
    """Build one page in this process; its seconds and the process's peak RSS."""
    from graph_api.store import open_store
    from visualise.projections import flow_graph
    from visualise.summary import flow_summary, overview_summary, province_summary
    from visualise.summary_views import document_view, export_summary
    from visualise.views import export_graph

    t0 = time.perf_counter()
    with open_store(f"oxigraph:{store_path}", read_only=True) as store:
        if page == "overview":
            g = overview_summary(store)
        elif page == "flow":
            g = flow_summary(store, targets["directive"])
        elif page == "province":
            g = province_summary(store, "thai nguyen")
        elif page == "document":
            g = document_view(store, targets["directive"])
        elif page == "plan":
            g = document_view(store, targets["plan"])
        else:  # the peer: every node of the directive's flow
            g = flow_graph(store, targets["directive"])
        if g.graph.get("summary"):
            export_summary(store, g, out)
        else:
            export_graph(g, out)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rss_mb": rss, "nodes": len(g), "mb": Path(out).stat().st_size / 1e6}


def run_child(page: str, store: str, out: Path, targets: dict, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_views", "--child", page, store, str(out), json.dumps(targets)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def open_in_chromium(paths: list[Path], shots: Path | None, tag: str) -> dict[Path, float]:
    """Seconds from navigation to the first drawn frame of each page (a fresh tab each)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS

    out: dict[Path, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("document.body.dataset.drawn === '1'", timeout=300_000)
            out[path] = time.perf_counter() - t0
            if shots:
                page.wait_for_timeout(150)
                page.screenshot(path=str(shots / f"{path.stem}-{tag}.png"))
            page.close()
        browser.close()
    return out


def bench_store(
    path: str, tag: str, shots: Path | None, peer_timeout: float, pages: tuple[str, ...] = PAGES
) -> tuple[list[list[str]], str]:
    from graph_api.store import open_store

    with open_store(f"oxigraph:{path}", read_only=True) as store:
        targets = _targets(store)
    OUT.mkdir(parents=True, exist_ok=True)
    results = {page: run_child(page, path, OUT / f"{page}.html", targets, 600) for page in pages if page != "detail"}
    if "detail" in pages:
        results["detail"] = run_child("detail", path, OUT / "detail.html", targets, peer_timeout)
    drawn = open_in_chromium([OUT / f"{p}.html" for p in results if "error" not in results[p]], shots, tag)
    rows = []
    for page, r in results.items():
        if "error" in r:
            rows.append([tag, page, "—", "—", "—", "—", r["error"]])
            continue
        opened = drawn[OUT / f"{page}.html"]
        rows.append(
            [
                tag,
                page,
                f"{r['nodes']:,}",
                f"{r['seconds']:.2f}",
                f"{r['rss_mb']:,.0f}",
                f"{r['mb']:.1f}",
                f"{opened:.2f}",
            ]
        )
    return rows, f"{tag}: directive {targets['directive']}, plan {targets['plan']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--store", action="append", default=[], help="PATH=TAG[=PAGE,PAGE] of an on-disk store (repeatable)"
    )
    ap.add_argument("--shots", type=Path, help="save a screenshot of each page here")
    ap.add_argument("--peer-timeout", type=float, default=120.0)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", nargs=4, metavar=("PAGE", "STORE", "OUT", "TARGETS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        page, store, out, targets = a.child
        print(json.dumps(child(page, store, out, json.loads(targets))))
        return
    if a.shots:
        a.shots.mkdir(parents=True, exist_ok=True)
    rows, notes = [], []
    for spec in a.store:
        path, _, rest = spec.partition("=")
        tag, _, pages = rest.partition("=")
        chosen = tuple(pages.split(",")) if pages else (*PAGES, "detail")
        r, note = bench_store(path, tag or Path(path).name, a.shots, a.peer_timeout, chosen)
        rows += r
        notes.append(note)
    table = md_table(
        ["store", "page", "nodes", "build s", "peak RSS MB", "HTML MB", "chromium: navigation → drawn s"], rows
    )
    notes += [
        f"load average at the start: {os.getloadavg()[0]:.1f} (other helpers running on the 2 cores)",
        "build = a fresh process opening the store read-only and writing the offline file (scripts and the "
        "expansions of the group nodes embedded), counts read from the flow index beside the store",
        "overview, flow, province (thai nguyen = Thái Nguyên and Bắc Kạn), document (the directive) and plan (a "
        "document carrying it out) are the default aggregated pages; detail is the peer: every node of the "
        f"directive's flow (flow_graph over SPARQL), stopped after {a.peer_timeout:.0f} s",
        "chromium: Debian /usr/bin/chromium headless via playwright, a fresh tab per page",
    ]
    title = "Network views at scale: default pages built and drawn"
    if a.no_write:
        print(table, *notes, sep="\n")
    else:
        print(append_results(title, [table], notes))


if __name__ == "__main__":
    main()
