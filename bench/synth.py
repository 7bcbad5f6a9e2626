"""``python -m bench.synth --n 1000 --seed 1 --out DIR [--workers K]``: the synthetic corpus of ``tests/synth``."""
from __future__ import annotations

import argparse
import sys

from tests.synth import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.synth", description=__doc__)
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (docs/ and truth.jsonl)")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--record", action="store_true", help="append the throughput to bench/RESULTS.md")
    a = ap.parse_args(argv)
    s = generate(a.out, n=a.n, seed=a.seed, workers=a.workers, progress=not a.quiet)
    print(f"{s.documents} documents, {s.bytes / 1e6:.1f} MB in {s.seconds:.1f} s "
          f"({s.docs_per_second:,.0f} documents/s, {s.workers} workers) -> {a.out}")
    if a.record:
        from bench.common import append_results, md_table
        table = md_table(["documents", "workers", "MB written", "seconds", "documents/s", "projected 1M documents"],
                         [[f"{s.documents:,}", s.workers, f"{s.bytes / 1e6:,.0f}", f"{s.seconds:.1f}",
                           f"{s.docs_per_second:,.0f}", f"{1e6 / s.docs_per_second / 60:.1f} min"]])
        append_results("Synthetic corpus generation", [table],
                       ["bytes are the documents' text; truth.jsonl comes on top",
                        "target: 1M documents well under an hour on 2 cores"],
                       command=["python -m bench.synth", *(argv or sys.argv[1:])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
