"""Trace and analytics at scale (issues 4 and 16): for each store, the flow index's build (sync from the store,
then the aggregates) and size, p50/p95 of the trace of central documents through the library
(`graph_api.trace.trace`, what `vankien trace` and /api/trace run) — every task, and the first page — beside the
saved query `queries/trace.rq` on the same store (the SPARQL peer), and `analytics_report` (`vankien
analytics`); then the curve over the sizes and a projection to 1M documents.

    python -m bench.bench_trace --stores 10000=DIR10k,30000=DIR30k,100000=DIR100k [--sample 20]

The index is built beside each store (``STORE.flow.sqlite``) unless it is there already. Each trace runs cold for
its own flow (the index's in-process cache is cleared before each call); the store check of the service (every
``VANKIEN_FLOW_SYNC_SECONDS``) is measured on its own and left out of the per-trace figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import time
from pathlib import Path

os.environ.setdefault("VANKIEN_FLOW_SYNC_SECONDS", "86400")  # the store check is measured apart

from bench.common import WORK, append_results, md_table, percentile  # noqa: E402
from core.errors import AmbiguousSymbol  # noqa: E402
from graph_api import trace as T  # noqa: E402
from graph_api.flow import FlowIndex, flow_for, flow_path, overview  # noqa: E402
from graph_api.flow.aggregate import refresh  # noqa: E402
from graph_api.flow.index import store_hashes  # noqa: E402
from graph_api.resolver import resolve_targets  # noqa: E402
from graph_api.store import OxigraphStore  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def build(store: OxigraphStore) -> dict:
    """The flow index beside ``store``: (re)built by a sync from the store when absent; seconds and size."""
    path = flow_path(store)
    fresh = path is not None and not path.exists()
    ix = FlowIndex(path)
    t0 = time.perf_counter()
    synced = ix.sync(store)
    t1 = time.perf_counter()
    ix.db.execute("DELETE FROM meta WHERE key = 'agg_generation'")
    refresh(ix)
    t2 = time.perf_counter()
    size = ix.size()
    ix.close()
    return {"fresh": fresh, "graphs": synced[0], "sync": t1 - t0, "aggregates": t2 - t1, "size": size}


def flow_trace(ix: FlowIndex, iri: str, limit: int | None, *, kept: bool = True) -> dict:
    """What :func:`graph_api.trace.trace` does once the target is resolved: a page of its tasks with the documents
    they belong to or come through and the whole trace's totals (the index alone, no store); ``kept=False``: from
    the target's whole flow computed at the request, as before the kept rows (the same answer)."""
    from graph_api.flow import targets as F

    with ix.lock:
        return F.target_tasks(ix, [iri], limit=limit, kept=kept)


_GRAPH_ROWS = {  # the columns of each table of the index as Rows holds them (graph_api.flow.extract)
    "types": "s, type",
    "facts": "s, field, value",
    "labels": "s, label, lang, pred",
    "links": "s, rel, o",
    "tasks": "iri, doc, text, position, deadline, ongoing, start, end, section",
    "bodies": "task, role, body, ord",
    "quotes": "s, o, quote",
}


def measure_updates(ix: FlowIndex, count: int) -> dict:
    """Seconds to bring the aggregates in step after one document's graph is replaced (by the same rows), deleted,
    then loaded again — for documents carrying out the most carried-out central documents and others at random;
    the index ends as it began (asserted on the overview)."""
    import random

    from graph_api.flow.extract import Rows
    from graph_api.flow.maintain import BUILD

    refresh(ix)
    before = overview(ix, top=None)
    top = [r["iri"] for r in before[:3]]
    marks = ",".join("?" * len(top))
    near = ix.db.execute(
        f"SELECT DISTINCT t.graph FROM agg_reach r JOIN types t ON t.s = r.doc AND t.type = 'source' "
        f"WHERE r.root IN ({marks}) ORDER BY t.graph LIMIT ?",
        (*top, count // 2),
    ).fetchall()
    graphs = [g for (g,) in near]
    every = [g for (g,) in ix.db.execute("SELECT graph FROM graphs ORDER BY graph")]
    graphs += random.Random(1).sample(every, count - len(graphs))
    out: dict[str, list[float]] = {"replace": [], "delete": [], "load": []}
    for g in graphs:
        rows = Rows(
            **{
                t: ix.db.execute(f"SELECT {c} FROM {t} WHERE graph = ?", (g,)).fetchall()
                for t, c in _GRAPH_ROWS.items()
            }
        )
        digest = ix.graphs()[g]
        for step in ("replace", "delete", "load"):
            ix.remove_graph(g) if step == "delete" else ix.index_rows(g, rows, digest)
            started = time.perf_counter()
            refresh(ix)
            out[step].append(time.perf_counter() - started)
            assert BUILD["full"] == 0.0
    assert overview(ix, top=None) == before
    return out


def _computed_page(ix: FlowIndex, iri: str, page: int, head: dict) -> tuple[float, float]:
    """Milliseconds of the first page from the index alone (no resolver): (from the kept rows, computed from the
    target's whole flow as before the kept rows), the flows cleared before each; both the answer ``head`` gave
    (asserted)."""
    took = []
    for kept in (True, False):
        for key in [k for k in ix.cache if k[0] == "flow"]:
            del ix.cache[key]
        started = time.perf_counter()
        again = flow_trace(ix, iri, page, kept=kept)
        took.append((time.perf_counter() - started) * 1000)
        assert again["tasks"] == head["tasks"] and again["total"] == head["total"]
        assert again["documents"] == head["documents"] and again["documents_total"] == head["documents_total"]
    return took[0], took[1]


def measure_index(index: str, documents: int, sample: int, page: int, updates: int) -> dict:
    """The index-only measures (no store): the flow part of the trace, and the analytics."""
    from visualise.analytics import report_of

    ix = FlowIndex(index)
    t0 = time.perf_counter()
    ix.db.execute("DELETE FROM meta WHERE key = 'agg_generation'")
    refresh(ix)
    aggregates = time.perf_counter() - t0
    size = ix.size()
    ranked = [r for r in overview(ix, top=None) if r["tasks"]]
    chosen = ranked[: sample // 2] + ranked[-(sample - sample // 2) :]
    whole: list[float] = []
    first: list[float] = []
    sizes: list[int] = []
    computed: list[float] = []
    for row in chosen:
        for key in [k for k in ix.cache if k[0] == "flow"]:
            del ix.cache[key]
        started = time.perf_counter()
        result = flow_trace(ix, row["iri"], None)
        whole.append((time.perf_counter() - started) * 1000)
        sizes.append(result["total"])
        assert result["total"] == row["tasks"] and len(result["documents"]) == row["documents"]
        for key in [k for k in ix.cache if k[0] == "flow"]:
            del ix.cache[key]
        started = time.perf_counter()
        head = flow_trace(ix, row["iri"], page)
        first.append((time.perf_counter() - started) * 1000)
        assert head["tasks"] == result["tasks"][:page] and head["documents_total"] == row["documents"]
        computed.append(_computed_page(ix, row["iri"], page, head))
    ix.db.execute("DELETE FROM meta WHERE key = 'agg_generation'")
    started = time.perf_counter()
    report = report_of(ix, today=dt.date(2025, 7, 1))
    analytics = time.perf_counter() - started
    started = time.perf_counter()
    report_of(ix, today=dt.date(2025, 7, 1))
    analytics_warm = time.perf_counter() - started
    top = report["most_implemented"][0]
    return {
        "documents": documents,
        "store": index,
        "quads": 0,
        "check": 0.0,
        "rq": [],
        "built": {"fresh": False, "graphs": 0, "sync": 0.0, "aggregates": aggregates, "size": size},
        "sizes": sizes,
        "whole": whole,
        "first": first,
        "computed": computed,
        "updates": measure_updates(ix, updates),
        "analytics": analytics,
        "analytics_warm": analytics_warm,
        "top": (top["symbol"], top["documents"], top["tasks"]),
        "relays": len(report["citation_network"]["relays"]),
        "central": len(ranked),
    }


def first_pages(store: OxigraphStore, ix: FlowIndex, chosen: list[dict], page: int) -> dict[str, tuple]:
    """{document: (its first page, wall ms, CPU ms)}: the first page of each traced document in a loop of their
    own (each after the previous document's first page, as a request finds the service), the flows cleared."""
    out = {}
    for row in chosen:
        for key in [k for k in ix.cache if k[0] == "flow"]:
            del ix.cache[key]
        started, cpu = time.perf_counter(), time.process_time()
        head = T.trace(store, row["iri"], limit=page)
        out[row["iri"]] = (head, (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
    return out


def measure(store_dir: str, documents: int, sample: int, page: int, rq_budget: float, updates: int) -> dict:
    store = OxigraphStore(store_dir, read_only=True)
    built = build(store)
    t0 = time.perf_counter()
    store_hashes(store)
    check = time.perf_counter() - t0
    ix = flow_for(store)
    ranked = overview(ix, top=None)
    ranked = [r for r in ranked if r["tasks"]]
    chosen = ranked[: sample // 2] + ranked[-(sample - sample // 2) :]
    saved = (ROOT / "queries" / "trace.rq").read_text(encoding="utf-8")
    whole: list[float] = []
    first: list[float] = []
    rq: list[float] = []
    sizes: list[int] = []
    computed: list[float] = []
    resolving: list[float] = []  # the resolver as the trace runs it (the target's description from the index)
    resolving_store: list[float] = []  # the resolver on the store alone (its fallback without an index)
    by_symbol: list[float] = []  # the first page of a trace asked by symbol (the symbol looked up in the index)
    first_docs: list[int] = []  # documents listed on the first page
    first_cpu: list[float] = []  # the CPU time of this process for the first page and the whole trace (the
    whole_cpu: list[float] = []  # machine's other work left out)
    after_whole: list[float] = []  # the first page again, right after its whole trace (the order of earlier runs)
    after_whole_cpu: list[float] = []
    heads = first_pages(store, ix, chosen, page)

    def cold() -> None:  # the flows computed (the labels of bodies, provinces and kinds stay)
        for key in [k for k in ix.cache if k[0] == "flow"]:
            del ix.cache[key]

    for row in chosen:
        cold()
        started, cpu = time.perf_counter(), time.process_time()
        result = T.trace(store, row["iri"])
        whole.append((time.perf_counter() - started) * 1000)
        whole_cpu.append((time.process_time() - cpu) * 1000)
        sizes.append(result["total"])
        assert result["total"] == row["tasks"] and len(result["documents"]) == row["documents"]
        head, wall, cpu_ms = heads[row["iri"]]
        first.append(wall)
        first_cpu.append(cpu_ms)
        cold()
        started, cpu = time.perf_counter(), time.process_time()
        assert T.trace(store, row["iri"], limit=page) == head
        after_whole.append((time.perf_counter() - started) * 1000)
        after_whole_cpu.append((time.process_time() - cpu) * 1000)
        first_docs.append(len(head["documents"]))
        assert head["total"] == result["total"] and head["tasks"] == result["tasks"][:page]
        assert head["documents_total"] == row["documents"] and len(head["documents"]) <= len(result["documents"])
        computed.append(_computed_page(ix, row["iri"], page, head))
        started = time.perf_counter()
        found = resolve_targets(store, row["iri"], index=ix)
        resolving.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assert resolve_targets(store, row["iri"]) == found  # the store's fallback gives the same description
        resolving_store.append((time.perf_counter() - started) * 1000)
        if row.get("symbol"):
            cold()
            started = time.perf_counter()
            try:
                T.trace(store, row["symbol"], limit=page)
                by_symbol.append((time.perf_counter() - started) * 1000)
            except AmbiguousSymbol:  # a symbol several dated documents carry: the trace asks for a year
                pass
        if sum(rq) / 1000 < rq_budget:
            query = saved.replace("<https://w3id.org/vankien/id/doc/tw/kl/2021/21>", f"<{row['iri']}>")
            started = time.perf_counter()
            store.select(query)
            rq.append((time.perf_counter() - started) * 1000)
    from visualise.analytics import analytics_report

    ix.db.execute("DELETE FROM meta WHERE key = 'agg_generation'")  # analytics with its aggregates rebuilt
    started = time.perf_counter()
    report = analytics_report(store, today=dt.date(2025, 7, 1))
    analytics = time.perf_counter() - started
    started = time.perf_counter()
    analytics_report(store, today=dt.date(2025, 7, 1))
    analytics_warm = time.perf_counter() - started
    top = report["most_implemented"][0]
    out = {
        "documents": documents,
        "store": store_dir,
        "quads": len(store.raw),
        "built": built,
        "check": check,
        "sizes": sizes,
        "whole": whole,
        "first": first,
        "computed": computed,
        "resolving": resolving,
        "resolving_store": resolving_store,
        "by_symbol": by_symbol,
        "first_docs": first_docs,
        "first_cpu": first_cpu,
        "whole_cpu": whole_cpu,
        "after_whole": after_whole,
        "after_whole_cpu": after_whole_cpu,
        "updates": measure_updates(ix, updates),
        "rq": rq,
        "analytics": analytics,
        "analytics_warm": analytics_warm,
        "top": (top["symbol"], top["documents"], top["tasks"]),
        "relays": len(report["citation_network"]["relays"]),
        "central": len(ranked),
    }
    store.close()
    return out


def _fmt_s(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def _project(xs: list[int], ys: list[float], to: int) -> tuple[float, float]:
    """(exponent b, projected y at ``to``) of y = a·x^b fitted on the smallest and largest sizes."""
    b = math.log(ys[-1] / ys[0]) / math.log(xs[-1] / xs[0]) if ys[0] > 0 and ys[-1] > 0 else 1.0
    return b, ys[-1] * (to / xs[-1]) ** b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", required=True, help="N=DIR,… (documents and store folder)")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--page", type=int, default=100, help="tasks in the first page")
    ap.add_argument("--rq-budget", type=float, default=60.0, help="seconds for the saved query's runs per store")
    ap.add_argument("--note", action="append", default=[], help="a note to add to the section")
    ap.add_argument("--updates", type=int, default=10, help="documents replaced, deleted and loaded again per store")
    ap.add_argument("--index-only", action="store_true", help="N=INDEX.sqlite: the flow index alone, no store")
    args = ap.parse_args()
    runs = []
    for item in args.stores.split(","):
        n, folder = item.split("=", 1)
        if args.index_only:
            runs.append(measure_index(folder, int(n), args.sample, args.page, args.updates))
        else:
            runs.append(measure(folder, int(n), args.sample, args.page, args.rq_budget, args.updates))
        print(runs[-1]["documents"], "done", flush=True)
        with (WORK / "bench-trace-runs.jsonl").open("a") as f:  # the raw figures, whatever happens next
            f.write(json.dumps(runs[-1]) + "\n")
    rows = []
    for r in runs:
        b = r["built"]
        rows.append(
            [
                f"{r['documents']:,}",
                f"{r['quads']:,}",
                r["central"],
                f"{b['size']['tasks']:,}",
                f"{b['size']['bytes'] / 2**20:.0f} MB",
                _fmt_s(b["sync"]) + ("" if b["fresh"] else " (resync)"),
                _fmt_s(b["aggregates"]),
                " · ".join(f"{percentile(u, 50) * 1000:.0f} / {max(u) * 1000:.0f}" for u in r["updates"].values()),
                _fmt_s(r["check"]),
            ]
        )
    build_table = md_table(
        [
            "documents",
            "quads",
            "central documents carried out",
            "tasks indexed",
            "index size",
            "index build (sync from the store)",
            "aggregates build (in full)",
            "aggregates per document changed: replace · delete · load again, ms p50 / max",
            "store check",
        ],
        rows,
    )
    rows = []
    for r in runs:
        rows.append(
            [
                f"{r['documents']:,}",
                f"{percentile(r['sizes'], 50):.0f}",
                max(r["sizes"]),
                f"{percentile(r['first'], 50):.1f}",
                f"{percentile(r['first'], 95):.1f}",
                f"{percentile(r['first_docs'], 50):.0f} / {max(r['first_docs'])}" if r.get("first_docs") else "",
                " · ".join(
                    " / ".join(f"{percentile(r[k], q):.1f}" for q in (50, 95)) for k in ("first_cpu", "whole_cpu")
                )
                if r.get("first_cpu")
                else "",
                " · ".join(
                    " / ".join(f"{percentile(r[k], q):.1f}" for q in (50, 95))
                    for k in ("after_whole", "after_whole_cpu")
                )
                if r.get("after_whole")
                else "",
                " · ".join(
                    " / ".join(f"{percentile([c[i] for c in r['computed']], q):.1f}" for q in (50, 95)) for i in (0, 1)
                ),
                f"{percentile(r['whole'], 50):.0f}",
                f"{percentile(r['whole'], 95):.0f}",
                f"{sum(r['whole']) * 1000 / max(sum(r['sizes']), 1):.0f}",
                " · ".join(
                    " / ".join(f"{percentile(r[k], q):.2f}" for q in (50, 95)) if r.get(k) else "—"
                    for k in ("resolving", "resolving_store")
                ),
                " / ".join(f"{percentile(r['by_symbol'], q):.1f}" for q in (50, 95)) + f" ({len(r['by_symbol'])})"
                if r.get("by_symbol")
                else "",
                f"{percentile(r['rq'], 50):.0f} ({len(r['rq'])} runs)" if r["rq"] else "",
                _fmt_s(r["analytics"]),
                _fmt_s(r["analytics_warm"]),
            ]
        )
    table = md_table(
        [
            "documents",
            "tasks (median)",
            "tasks (max)",
            f"first page of {args.page} p50 ms",
            "p95 ms",
            "documents on the first page, median / max",
            "CPU time (this process): first page · every task, p50 / p95 ms",
            "first page again right after its whole trace (the order of earlier runs): wall · CPU, p50 / p95 ms",
            "first page, the index alone: kept rows · flow computed (as before), p50 / p95 ms",
            "every task p50 ms",
            "p95 ms",
            "every task: µs per task (all traces' time / their tasks)",
            "of each trace: resolving the target from the index (as the trace does) · on the store (fallback), "
            "p50 / p95 ms",
            "first page asked by symbol p50 / p95 ms (traces)",
            "`trace.rq` p50 ms (SPARQL peer)",
            "analytics (aggregates rebuilt)",
            "analytics (aggregates kept)",
        ],
        rows,
    )
    xs = [r["documents"] for r in runs]
    curve = []
    for name, ys in (
        ("trace first page p95 (ms)", [percentile(r["first"], 95) for r in runs]),
        ("trace first page p50 (ms)", [percentile(r["first"], 50) for r in runs]),
        ("trace first page CPU time p95 (ms)", [percentile(r.get("first_cpu") or [0], 95) for r in runs]),
        ("trace first page CPU time p50 (ms)", [percentile(r.get("first_cpu") or [0], 50) for r in runs]),
        ("trace every task CPU time p95 (ms)", [percentile(r.get("whole_cpu") or [0], 95) for r in runs]),
        (
            "first page right after its whole trace p95 (ms)",
            [percentile(r.get("after_whole") or [0], 95) for r in runs],
        ),
        (
            "first page right after its whole trace CPU time p95 (ms)",
            [percentile(r.get("after_whole_cpu") or [0], 95) for r in runs],
        ),
        ("trace first page asked by symbol p95 (ms)", [percentile(r.get("by_symbol") or [0], 95) for r in runs]),
        ("resolving the target from the index p95 (ms)", [percentile(r["resolving"], 95) for r in runs]),
        ("resolving the target on the store p95 (ms)", [percentile(r.get("resolving_store") or [0], 95) for r in runs]),
        (
            "trace first page, the index alone (kept rows) p95 (ms)",
            [percentile([c[0] for c in r["computed"]], 95) for r in runs],
        ),
        ("trace every task p95 (ms)", [percentile(r["whole"], 95) for r in runs]),
        ("trace every task, µs per task", [sum(r["whole"]) * 1000 / max(sum(r["sizes"]), 1) for r in runs]),
        ("analytics, aggregates rebuilt (s)", [r["analytics"] for r in runs]),
        ("index build from the store (s)", [r["built"]["sync"] for r in runs]),
        ("index size (MB)", [r["built"]["size"]["bytes"] / 2**20 for r in runs]),
    ):
        if len(xs) > 1 and ys[0] > 0 and ys[-1] > 0:
            b, at_1m = _project(xs, ys, 1_000_000)
            curve.append([name, *(f"{y:,.1f}" for y in ys), f"{ys[-1] / ys[0]:.2f}×", f"{b:.2f}", f"{at_1m:,.0f}"])
    curve_table = (
        md_table(
            ["measure", *(f"{x:,}" for x in xs), f"{xs[-1]:,} / {xs[0]:,}", "exponent b", "projected at 1,000,000"],
            curve,
        )
        if curve
        else ""
    )
    print(build_table, table, curve_table, sep="\n\n")
    r0 = {"updates_n": len(runs[0]["updates"]["replace"])}
    notes = [
        "stores: " + ", ".join(f"{r['documents']:,}={r['store']}" for r in runs) + " (on disk, read-only)",
        f"the {args.sample} traced documents: the central documents most carried out and some of the least (by the "
        "index's overview); each trace once, the index's in-process cache of flows cleared before each call (not that of the labels of bodies, provinces and kinds), the SQLite "
        "file warm in the page cache; every trace's total and documents equal the overview's counts (asserted)",
        "store check: listing every graph's content hash (what the service does at most every "
        "`VANKIEN_FLOW_SYNC_SECONDS` = 5 s before a trace), not in the trace figures",
        "analytics: `analytics_report` (most implemented, coverage matrix, bodies, centrality over the network of "
        "documents: reach of the most cited, two-step paths through each document); 'aggregates rebuilt' includes rebuilding every aggregate table",
        "projection: y = a·x^b through the smallest and largest sizes, extended to 1M documents",
        "trace pages: a central document's page (and its whole trace) is one range scan of the kept rows (`agg_page`: "
        "each task's row with every detail the page shows, clustered in trace order; for a symbol naming a dated "
        "document and its undated mentions, one per target, merged), its "
        "totals (tasks, documents, provinces) one row of `agg_total`, its documents those its tasks belong to or come "
        "through (their chains read from `agg_reach` for them only; the last page adds the documents without tasks, "
        "`agg_bare`); 'the "
        "index alone': the same first page (asserted equal) without resolving the target on the store, from the "
        "kept rows and computed from the target's whole flow as before them; 'first page' and 'every task' "
        "are the library trace with the store (`graph_api.trace.trace`, resolver included), asked by IRI — the first "
        "pages in a loop of their own before the whole traces (from 2026-12-03 14:45; earlier runs took each right "
        "after its document's whole trace, given again in its own column); 'asked by "
        "symbol': the same first page asked by the target's symbol (symbols several dated documents carry left "
        "out); every task: the answer itself grows with the target's tasks, so its cost per task is given",
        "resolving the target: `graph_api.resolver.resolve_targets` as the trace runs it (the flow index in step "
        "with the store: the target's description kept per document, `docinfo`, and its symbols, `docnames`) and "
        "on the store alone (the fallback without an index: each field's distinct values, those of the "
        "document's own graphs and of the reference graph); both answers equal (asserted)",
        f"aggregates per document changed: {r0['updates_n']} documents' graphs (half carrying out the three most "
        "carried-out central documents, half at random) each replaced by the same rows, deleted, loaded again; "
        "the time of the refresh that follows each (the aggregates of the documents touched and of the central "
        "documents whose flow reaches them), every one per change (asserted), the overview unchanged at the "
        "end (asserted)",
        *(
            f"most carried out at {r['documents']:,}: {r['top'][0]} ({r['top'][1]} documents, {r['top'][2]} tasks); "
            f"{r['relays']} relaying documents (two-step paths through them) in the top list"
            for r in runs
        ),
        "machine load average (1, 5, 15 min) at the end: "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        + " (2 cores shared with other work)",
        *args.note,
    ]
    append_results(
        "Trace and analytics over the flow index — " + ", ".join(f"{x:,}" for x in xs) + " documents",
        [build_table, table] + ([curve_table] if curve_table else []),
        notes,
    )


if __name__ == "__main__":
    main()
