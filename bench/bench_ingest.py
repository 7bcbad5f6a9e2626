"""Ingest benchmark: documents/s and triples/s end to end (read → extract → RDF → store) with 1 worker
and with all cores, beside ``oxigraph load`` of the same N-Quads (the store's own limit), memory peak
and disk per million triples and per document (after the store's compaction: ``optimize``, outside the timed
ingest). Appends one section to ``bench/RESULTS.md``.

    .venv/bin/python -m bench.bench_ingest --n 1000,10000 [--workers 1,0] [--seed 1]

``--workers 0`` means all cores. Each configuration runs in a fresh process on a fresh on-disk store,
so the memory peak (sampled over the whole process tree) is that configuration's alone.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from bench.common import (
    PREFIXES,
    VENV_BIN,
    WORK,
    append_results,
    corpus,
    corpus_paths,
    dir_bytes,
    md_table,
    run_measured,
)


def one(corpus_dir: Path, store_dir: Path, workers: int, export: Path | None, bulk: bool = False) -> dict:
    """Ingest one corpus into a fresh store (runs in the child process); return the report as a dict."""
    import resource

    from graph_api.store import OxigraphStore
    from graph_api.store.ingest import ingest
    paths = corpus_paths(corpus_dir)
    store = OxigraphStore(store_dir)
    t0, c0 = time.perf_counter(), time.process_time()
    report = ingest(paths, store, workers=workers, bulk=bulk, progress=False)
    store.flush()
    seconds, main_cpu = time.perf_counter() - t0, time.process_time() - c0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the extraction workers, reaped at the end of ingest
    store.optimize()  # disk is measured compacted (not timed: ingest compacts a large load itself)
    store.flush()
    raw = store.raw
    quads = len(raw)
    q = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?d a vk:SourceDocument ; eli:cites ?c }"
    cites = int(next(iter(raw.query(q, use_default_graph_as_union=True)))["n"].value)
    t1 = time.perf_counter()
    if export is not None:
        with open(export, "wb") as f:
            store.export(f, format="nquads")
    export_s = time.perf_counter() - t1
    store.close()
    return {"documents": report.documents, "triples": report.triples, "rejected": len(report.rejected),
            "rejected_sample": [list(map(str, r)) for r in report.rejected[:5]], "seconds": seconds,
            "report_seconds": report.seconds, "quads": quads, "cites": cites, "export_seconds": export_s,
            "main_cpu": main_cpu, "workers_cpu": children.ru_utime + children.ru_stime}


def fresh(store_dir: Path) -> None:
    """No store, and none of the indexes a load keeps beside it (``STORE.search.sqlite``, ``STORE.flow.sqlite``):
    a load into a fresh store must not start by forgetting the graphs of an earlier run's indexes."""
    shutil.rmtree(store_dir, ignore_errors=True)
    for side in store_dir.parent.glob(f"{store_dir.name}.*.sqlite*"):
        side.unlink()


def truth_citations(corpus_dir: Path) -> int:
    from tests.synth import iter_truth
    return sum(r["citations"] for r in iter_truth(corpus_dir))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_ingest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", default="1,0,0:bulk",
                    help="configurations, comma-separated: a worker count (0 = all cores), ':bulk' for `--bulk`")
    ap.add_argument("--keep", action="store_true", help="keep the stores and N-Quads under the work folder")
    ap.add_argument("--one", nargs=5, metavar=("CORPUS", "STORE", "WORKERS", "EXPORT", "BULK"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one:
        c, s, w, e, b = a.one
        print(json.dumps(one(Path(c), Path(s), int(w), Path(e) if e != "-" else None, b == "bulk")))
        return 0

    ncores = os.cpu_count() or 1
    rows, notes = [], []
    for n in [int(x) for x in a.n.split(",")]:
        cdir = corpus(n, a.seed)
        expected = truth_citations(cdir)
        corpus_mb = dir_bytes(cdir / "docs") / 1e6
        nq = WORK / f"ingest-{n}-s{a.seed}.nq"
        best_tps = 0.0
        configurations = [(int(x.split(":")[0]) or ncores, x.endswith(":bulk")) for x in a.workers.split(",")]
        for i, (w, bulk) in enumerate(configurations):
            sdir = WORK / f"store-ingest-{n}-w{w}{'-bulk' if bulk else ''}"
            fresh(sdir)
            export = nq if i == len(configurations) - 1 else None
            wall, peak, out = run_measured([sys.executable, "-m", "bench.bench_ingest", "--one", str(cdir), str(sdir),
                                            str(w), str(export) if export else "-", "bulk" if bulk else "-"],
                                           env={"PYTHONPATH": str(Path.cwd())})
            r = json.loads(out.strip().splitlines()[-1])
            disk = dir_bytes(sdir)
            tps = r["triples"] / r["seconds"]
            best_tps = max(best_tps, tps)
            rows.append([n, f"vankien load, {w} worker{'s' if w > 1 else ''}{', --bulk' if bulk else ''}",
                         r["documents"], r["rejected"],
                         f"{r['triples']:,}", f"{r['documents'] / r['seconds']:,.0f}", f"{tps:,.0f}",
                         f"{r['seconds']:.1f}", f"{peak / 2**20:,.0f}", f"{disk / max(r['quads'], 1) * 1e6 / 2**20:,.0f}",
                         f"{r['quads'] / max(r['documents'], 1):,.0f}", f"{disk / max(r['documents'], 1) / 1024:,.1f}",
                         f"{r['cites']:,} / {expected:,}"])
            docs = max(r["documents"], 1)
            notes.append(f"n={n}, {w} worker{'s' if w > 1 else ''}{', --bulk' if bulk else ''}: CPU of the main process "
                         f"(store writes, search and flow indexes) {r['main_cpu']:.1f} s ({r['main_cpu'] / docs * 1e3:.1f} ms "
                         f"a document), of the extraction workers {r['workers_cpu']:.1f} s "
                         f"({r['workers_cpu'] / docs * 1e3:.1f} ms a document), wall {r['seconds']:.1f} s")
            if r["rejected_sample"]:
                notes.append(f"n={n}, {w} workers: rejected e.g. {r['rejected_sample'][:2]}")
            if not a.keep:
                fresh(sdir)
        # the store's own limit: oxigraph load of the same N-Quads
        odir = WORK / f"store-oxload-{n}"
        shutil.rmtree(odir, ignore_errors=True)
        quads = sum(1 for _ in open(nq, "rb"))
        wall, peak, _ = run_measured([str(VENV_BIN / "oxigraph"), "load", "--location", str(odir), "--file", str(nq)])
        run_measured([str(VENV_BIN / "oxigraph"), "optimize", "--location", str(odir)])  # compacted, as vankien's
        disk = dir_bytes(odir)
        otps = quads / wall
        rows.append([n, "oxigraph load (same N-Quads)", "", "", f"{quads:,}", "", f"{otps:,.0f}", f"{wall:.1f}",
                     f"{peak / 2**20:,.0f}", f"{disk / quads * 1e6 / 2**20:,.0f}", f"{quads / n:,.0f}",
                     f"{disk / n / 1024:,.1f}", ""])
        rows.append([n, "**ratio vankien best / oxigraph load**", "", "", "", "", f"**{best_tps / otps:.2f}×**", "", "",
                     "", "", "", ""])
        notes.append(f"n={n}: corpus {corpus_mb:.0f} MB of text; N-Quads {nq.stat().st_size / 1e6:.0f} MB")
        if not a.keep:
            shutil.rmtree(odir, ignore_errors=True)
            nq.unlink(missing_ok=True)
    table = md_table(["documents", "configuration", "loaded", "rejected", "triples", "docs/s", "triples/s", "seconds",
                      "peak RSS MiB", "disk MiB / 1M triples", "triples / doc", "disk KiB / doc",
                      "eli:cites found / truth"], rows)
    notes += ["target: ingest ≥ 0.5× `oxigraph load` triples/s",
              "vankien's seconds are the whole `ingest()` call (read → extract → RDF → store, reference graph, "
              "compaction); `oxigraph load` is the wall time of its process; without `--bulk` every batch of "
              "new documents is one transaction, with `--bulk` it goes through the bulk loader as `oxigraph load` "
              "does (not atomic; a re-run repairs a cut load)",
              "peak RSS is sampled every 0.1 s over the process tree (psutil); disk is the store folder after "
              "`optimize` (vankien) or `oxigraph optimize` (oxigraph load), neither timed; triples / doc counts every "
              "quad of the store (the reference, ontology and shared graphs included) over the documents loaded",
              f"machine load average (1 min) at the end: {os.getloadavg()[0]:.1f}",
              "`eli:cites found / truth`: cites links of source documents in the store against the distinct cited "
              "documents of truth.jsonl (the generator's own record, not the shared gold)"]
    print(append_results("Ingest", [table], notes, command=["python -m bench.bench_ingest", *(argv or sys.argv[1:])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
