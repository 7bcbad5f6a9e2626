"""Trace latency (issue 4): p50/p95 of the trace of central documents, through the library
(`graph_api.trace.trace`, what `vankien trace` and /api/trace run) and the saved query
`queries/trace.rq`, on an on-disk store built from a synthetic corpus.

    python -m bench.bench_trace --store DIR [--documents N] [--sample 20]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.common import append_results, md_table, percentile
from graph_api import trace as T
from graph_api.store import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", required=True)
    ap.add_argument("--documents", type=int, default=0, help="documents in the store (for the report)")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--page", type=int, default=100, help="tasks in the paged trace")
    ap.add_argument("--rq-budget", type=float, default=180.0, help="seconds for the saved query's runs at most")
    args = ap.parse_args()
    store = OxigraphStore(args.store, read_only=True)
    # the central documents most implemented, and a random-ish tail
    targets = [r["d"].value for r in store.select("""
        SELECT ?d (COUNT(*) AS ?n) WHERE { ?t <http://data.europa.eu/eli/ontology#implements> ?d .
          ?d <https://w3id.org/vankien/ontology#level> <https://w3id.org/vankien/id/level/central> }
        GROUP BY ?d ORDER BY DESC(?n) LIMIT 200""")]
    chosen = targets[:args.sample // 2] + targets[-(args.sample - args.sample // 2):]
    saved = (ROOT / "queries" / "trace.rq").read_text(encoding="utf-8")
    lib, paged, rq, sizes = [], [], [], []
    for iri in chosen:
        started = time.perf_counter()
        result = T.trace(store, iri)
        lib.append((time.perf_counter() - started) * 1000)
        sizes.append(len(result["tasks"]))
        started = time.perf_counter()
        page = T.trace(store, iri, limit=args.page)
        paged.append((time.perf_counter() - started) * 1000)
        assert page["total"] == len(result["tasks"]) and page["tasks"] == result["tasks"][:args.page]
        if sum(rq) / 1000 < args.rq_budget:
            query = saved.replace("<https://w3id.org/vankien/id/doc/tw/kl/2021/21>", f"<{iri}>")
            started = time.perf_counter()
            store.select(query)
            rq.append((time.perf_counter() - started) * 1000)
    median, largest = f"{statistics.median(sizes):.0f}", f"{max(sizes)}"
    rows = [["library (`vankien trace`), every task", len(chosen), median, largest,
             f"{percentile(lib, 50):.0f}", f"{percentile(lib, 95):.0f}"],
            [f"library, first page of {args.page} tasks (`--limit {args.page}`; `total` counts all)", len(chosen),
             median, largest, f"{percentile(paged, 50):.0f}", f"{percentile(paged, 95):.0f}"],
            ["`queries/trace.rq`, every task", len(rq), median if len(rq) == len(chosen) else "", "",
             f"{percentile(rq, 50):.0f}", f"{percentile(rq, 95):.0f}"]]
    table = md_table(["trace through", "documents traced", "tasks (median)", "tasks (max)", "p50 ms", "p95 ms"], rows)
    quads = len(store.raw)
    print(table)
    append_results(f"Trace latency — {args.documents:,} documents" if args.documents else "Trace latency", [table], [
        f"store: {args.store} (on disk, read-only, {quads:,} quads); the {len(chosen)} traced documents: the most "
        "implemented central documents and some of the least; each trace once, cold for its own data",
        f"`queries/trace.rq` runs until {args.rq_budget:.0f} s are spent (the documents traced column says how many ran)",
        "target: trace p95 < 100 ms at 1M documents"])


if __name__ == "__main__":
    main()
