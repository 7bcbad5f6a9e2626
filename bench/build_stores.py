"""Build the large benchmark stores: the first N documents of a synthetic corpus (``truth.jsonl`` order, so the
10k store is the 10k corpus) ingested with ``--bulk`` into ``$VANKIEN_BENCH_DIR/store-N``, the search and flow
indexes beside it. Prints one JSON line per store (documents, seconds).

    .venv/bin/python -m bench.build_stores --corpus /tmp/vankien-bench/synth-100000-s1 --n 10000,30000,100000
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.common import WORK


def first_paths(corpus: Path, n: int) -> list[Path]:
    """The files of the first ``n`` documents of a corpus, in index order."""
    out = []
    with (corpus / "truth.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if len(out) >= n:
                break
            out.append(corpus / json.loads(line)["path"])
    return out


def build(corpus: Path, n: int, workers: int) -> dict:
    from graph_api.store import OxigraphStore
    from graph_api.store.ingest import ingest

    target = WORK / f"store-{n}"
    store = OxigraphStore(target)
    t0 = time.perf_counter()
    report = ingest(first_paths(corpus, n), store, workers=workers, bulk=True, progress=False)
    store.flush()
    seconds = time.perf_counter() - t0
    store.close()
    return {"store": str(target), "documents": report.documents, "rejected": len(report.rejected), "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_stores", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=WORK / "synth-100000-s1")
    ap.add_argument("--n", default="10000,30000,100000")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    for n in (int(x) for x in a.n.split(",")):
        print(json.dumps(build(a.corpus, n, a.workers)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
