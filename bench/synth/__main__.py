"""``python -m bench.synth --n 1000 --seed 1 --out DIR [--workers K]``"""
from __future__ import annotations

import argparse
import sys

from . import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.synth", description=__doc__)
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (docs/ and truth.jsonl)")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    s = generate(a.out, n=a.n, seed=a.seed, workers=a.workers, progress=not a.quiet)
    print(f"{s.documents} documents, {s.bytes / 1e6:.1f} MB in {s.seconds:.1f} s "
          f"({s.docs_per_second:,.0f} documents/s, {s.workers} workers) -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
