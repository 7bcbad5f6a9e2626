"""Concurrent readers while a loader replaces documents: no 5xx, no torn or stale reads — the recording front
of the experiment in :mod:`tests.concurrency` (described there), at scale, appended to bench/RESULTS.md.

    .venv/bin/python -m bench.bench_concurrency [--clients 50] [--duration 60] [--docs 20] [--no-record]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.common import WORK, append_results, md_table
from tests.concurrency import run

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--pause", type=float, default=0.0, help="seconds between two replacements")
    ap.add_argument("--no-record", action="store_true", help="print, do not append to RESULTS.md")
    args = ap.parse_args(argv)
    import shutil
    work = WORK / f"concurrency-{int(time.time())}"
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    try:
        fig = run(work, clients=args.clients, duration=args.duration, docs=args.docs, pause=args.pause)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    s = fig.summary()
    print(json.dumps(s, indent=1))
    for e in (fig.errors[:5] + fig.torn[:5] + fig.stale[:5] + fig.replace_errors[:5]):
        print("  ", e)
    if not args.no_record:
        table = md_table(
            ["clients", "seconds", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "statuses", "5xx",
             "version checks", "torn reads", "stale reads", "replacements", "replace p50 ms", "replace errors", "final state ok"],
            [[s["clients"], s["seconds"], s["requests"], s["requests/s"], s["p50 ms"], s["p95 ms"], s["p99 ms"],
              ", ".join(f"{k}: {v}" for k, v in s["statuses"].items()), s["5xx"], s["version checks"],
              s["torn reads"], s["stale reads"], s["replacements"], s["replace p50 ms"], s["replace errors"], s["final state ok"]]])
        append_results(f"Concurrency: {args.clients} readers while documents are replaced", [table], [
            f"store: the bundled corpus (`vankien load data/corpus`) + {args.docs} versioned document graphs of "
            "150–300 triples; `vankien serve` defaults (8 queries at once, 10 s queue, 30 s limit)",
            "readers: closed loop, 4 in 5 a per-version triple count of one document graph in one query "
            "(torn = more than one version, or a count that is not the version's size; stale = older than a version "
            "whose write was acknowledged before the read was sent), 1 in 5 a GROUP BY over the corpus",
            "loader: one client replacing the graphs in turn, alternately Graph Store PUT and one SPARQL Update "
            "(DROP + INSERT DATA), with the token; `final state ok`: every graph holds exactly its last version",
            "clients, loader and server share the machine's cores (one Python process drives the clients); "
            f"load average before {' '.join(load_before)}, after {' '.join(Path('/proc/loadavg').read_text().split()[:3])} "
            "(other work on the machine shares it too)"])
    return 0 if (fig.server_errors == 0 and not fig.torn and not fig.stale and fig.final_ok
                 and not fig.replace_errors) else 1


if __name__ == "__main__":
    sys.exit(main())
