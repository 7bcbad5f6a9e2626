"""Saved queries (``queries/*.rq``) and the trace query at several corpus sizes, in process on the
on-disk store: p50/p95 latency and how they grow with the corpus.

    .venv/bin/python -m bench.bench_queries --n 10000,100000 [--repeat 30]
    .venv/bin/python -m bench.bench_queries --stores 10000=/path/store10k,100000=/path/store100k

With ``--n`` the synthetic corpus is generated and ingested (``loaders.ingest``) once into
``$VANKIEN_BENCH_DIR/store-queries-N`` and reused by later runs. A ``{iri}`` slot in a saved
query is filled with the most implemented central document of each store.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench.bench_sparql import PICK, trace_query
from bench.common import ROOT, WORK, append_results, corpus, md_table, percentile


def store_for(n: int, seed: int) -> Path:
    """An on-disk store holding the synthetic corpus of n documents (ingested once)."""
    from bench.bench_ingest import one
    sdir = WORK / f"store-queries-{n}-s{seed}"
    if not (sdir / ".complete").exists():
        import shutil
        shutil.rmtree(sdir, ignore_errors=True)
        one(corpus(n, seed), sdir, os.cpu_count() or 1, None)
        (sdir / ".complete").write_text("ok")
    return sdir


def saved_queries() -> dict[str, str]:
    """Name → text of every saved query, plus the trace query."""
    qs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))}
    qs.setdefault("trace", trace_query())
    return qs


def time_query(store, q: str, repeat: int, budget: float) -> tuple[list[float], int]:
    """Latencies in ms of ``repeat`` runs (fewer if over ``budget`` seconds) and the row count."""
    def run() -> int:
        res = store.query(q, use_default_graph_as_union=True)
        return sum(1 for _ in res) if hasattr(res, "__iter__") else 1
    rows = run()  # warm-up
    lat, t_end = [], time.perf_counter() + budget
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        lat.append((time.perf_counter() - t0) * 1000)
        if time.perf_counter() > t_end and len(lat) >= 3:
            break
    return lat, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_queries", description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--n", help="corpus sizes, comma-separated")
    src.add_argument("--stores", help="SIZE=STORE_DIR pairs, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--budget", type=float, default=30.0, help="seconds per query and size at most")
    a = ap.parse_args(argv)
    from pyoxigraph import Store
    if a.n:
        stores = {int(n): store_for(int(n), a.seed) for n in a.n.split(",")}
    else:
        stores = {int(k): Path(v) for k, v in (p.split("=", 1) for p in a.stores.split(","))}
    queries = saved_queries()
    res: dict[str, dict[int, tuple[float, float, int]]] = {q: {} for q in queries}
    quads = {}
    for n, sdir in sorted(stores.items()):
        st = Store.read_only(str(sdir))
        quads[n] = len(st)
        pick = list(st.query(PICK, use_default_graph_as_union=True))
        iri = pick[0]["c"].value if pick else "urn:none"
        for name, q in queries.items():
            lat, rows = time_query(st, q.replace("{iri}", iri), a.repeat, a.budget)
            res[name][n] = (percentile(lat, 50), percentile(lat, 95), rows)
        del st
    sizes = sorted(stores)
    headers = ["query"] + [f"{n:,} docs p50 / p95 ms (rows)" for n in sizes]
    if len(sizes) > 1:
        headers.append(f"p95 growth {sizes[0]:,}→{sizes[-1]:,} (docs ×{sizes[-1] / sizes[0]:.0f})")
    rows = []
    for name, by in res.items():
        row = [name] + [f"{by[n][0]:.1f} / {by[n][1]:.1f} ({by[n][2]:,})" for n in sizes]
        if len(sizes) > 1:
            row.append(f"×{by[sizes[-1]][1] / max(by[sizes[0]][1], 1e-3):.1f}")
        rows.append(row)
    notes = ["quads: " + ", ".join(f"{n:,} docs → {quads[n]:,}" for n in sizes),
             f"in-process pyoxigraph (read-only store, union default graph), {a.repeat} runs after one warm-up",
             "target: trace p95 < 100 ms at 1M documents"]
    print(append_results("Saved queries and trace by corpus size", [md_table(headers, rows)], notes,
                         command=["python -m bench.bench_queries", *(argv or sys.argv[1:])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
