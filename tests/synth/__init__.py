"""A synthetic national corpus of provincial Party documents, in the text forms the loaders read.

``python -m bench.synth --n 10000 --seed 1 --out DIR`` writes ``DIR/docs/{province}/{year}/*.txt|md``
and ``DIR/truth.jsonl`` (one record per document, in index order: its symbol, the documents
it cites, its tasks, deadlines and projects). Document ``i`` depends only on ``(seed, i)``,
so a smaller corpus is a prefix of a larger one, and the same seed gives the same bytes.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     s = generate(d, n=20, seed=3, workers=1)
...     (s.documents, sum(1 for _ in open(Path(d) / "truth.jsonl")))
(20, 20)
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .render import YEARS, render
from .vocab import provinces

__all__ = ["generate", "render", "GenerateStats", "iter_truth"]

CHUNK = 2000


@dataclass
class GenerateStats:
    """What one run of the generator wrote."""

    documents: int
    bytes: int
    seconds: float
    workers: int

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _chunk(args: tuple[str, int, int, int]) -> tuple[list[str], int]:
    out, seed, start, stop = args
    root = Path(out)
    lines, size = [], 0
    for i in range(start, stop):
        rel, data, truth = render(seed, i)
        with open(root / rel, "wb") as f:
            f.write(data)
        size += len(data)
        lines.append(json.dumps(truth, ensure_ascii=False))
    return lines, size


def generate(
    out: str | Path, *, n: int, seed: int = 1, workers: int | None = None, progress: bool = False
) -> GenerateStats:
    """Write ``n`` documents and ``truth.jsonl`` under ``out`` using ``workers`` processes."""
    root = Path(out)
    workers = workers or os.cpu_count() or 1
    for p in provinces():
        for y in YEARS:
            (root / "docs" / p.slug / str(y)).mkdir(parents=True, exist_ok=True)
    jobs = [(str(root), seed, s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]
    t0 = time.perf_counter()
    size = done = 0
    with open(root / "truth.jsonl", "w", encoding="utf-8") as truth:
        if workers == 1:
            results: Iterator = map(_chunk, jobs)
            pool = None
        else:
            pool = ProcessPoolExecutor(workers)
            results = pool.map(_chunk, jobs)
        try:
            for lines, nbytes in results:  # in index order
                truth.write("\n".join(lines) + "\n")
                size += nbytes
                done += len(lines)
                if progress:
                    rate = done / (time.perf_counter() - t0)
                    print(f"\r{done}/{n} documents, {rate:,.0f}/s", end="", flush=True)
        finally:
            if pool is not None:
                pool.shutdown()
    if progress:
        print()
    return GenerateStats(n, size, time.perf_counter() - t0, workers)


def iter_truth(out: str | Path) -> Iterator[dict]:
    """The truth records of a generated corpus, in index order."""
    with open(Path(out) / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)
