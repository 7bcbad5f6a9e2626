"""Build the large benchmark stores: the first N documents of a synthetic corpus (``truth.jsonl`` order, so the
10k store is the 10k corpus) ingested with ``--bulk`` into ``$VANKIEN_BENCH_DIR/store-N``, the search and flow
indexes beside it. Prints one JSON line per store (documents, seconds).

    .venv/bin/python -m bench.build_stores --corpus /tmp/vankien-bench/synth-100000-s1 --n 10000,30000,100000

``--replicate SOURCE --copies K`` builds instead a store of K copies of an ingested store (``store-N`` for
N = K × the source's documents) when ingesting N documents takes longer than the time at hand: the N-Quads of the
source are written K times, the provincial documents, their tasks, graphs and blank nodes renamed in each copy
(``…/id/doc/ha-noi/r3/…``), the central documents and the reference data shared, then bulk-loaded. Each central
document is then carried out K times as often, by K times as many provincial documents and tasks.

    .venv/bin/python -m bench.build_stores --replicate /tmp/vankien-bench/store-10000 --copies 3,10
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


_ID = "<https://w3id.org/vankien/id/doc/"
_GRAPH = "<https://w3id.org/vankien/graph/doc/"


def _provinces() -> set[str]:
    import csv

    from bench.common import ROOT

    with (ROOT / "data" / "reference" / "provinces.csv").open(encoding="utf-8") as f:
        return {r["slug"] for r in csv.DictReader(f)} | {"unknown-province"}


def replicate(source: Path, copies: int) -> dict:
    """A store of ``copies`` renamed copies of the store at ``source`` (see the module's description)."""
    import re

    from pyoxigraph import RdfFormat, Store

    from graph_api.store import OxigraphStore

    t0 = time.perf_counter()
    nq = WORK / f"{source.name}.nq"
    if not nq.exists():
        with OxigraphStore(source, read_only=True) as s, nq.open("wb") as f:
            s.export(f, format="nquads")
    local = re.compile(r"<https://w3id\.org/vankien/id/doc/(" + "|".join(map(re.escape, _provinces())) + r")/")
    blank = re.compile(r"(?<![<\"\w])_:(\w)")
    target = WORK / f"store-{copies * int(source.name.rsplit('-', 1)[1])}"
    out = WORK / f"{target.name}.nq"
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            with nq.open(encoding="utf-8") as src:
                for line in src:
                    if k:
                        line = local.sub(rf"{_ID}\1/r{k}/", line)
                        line = line.replace(_GRAPH, f"{_GRAPH}r{k}-")
                        line = blank.sub(rf"_:r{k}x\1", line)
                    f.write(line)
    written = time.perf_counter() - t0
    store = Store(str(target))
    store.bulk_load(path=str(out), format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store
    out.unlink()
    return {"store": str(target), "copies": copies, "seconds": time.perf_counter() - t0, "nquads_seconds": written}


def replicate_index(source: Path, copies: int, target: Path) -> dict:
    """The flow index of the store :func:`replicate` builds, from the source store's index with the same renaming
    (what a sync from the copied store reads, without reading it: the content hashes are the source's)."""
    import re
    import sqlite3

    from graph_api.flow.index import _GRAPH_TABLES, FlowIndex

    t0 = time.perf_counter()
    local = re.compile(r"^https://w3id\.org/vankien/id/doc/(" + "|".join(map(re.escape, _provinces())) + r")/")
    target.unlink(missing_ok=True)
    FlowIndex(target).close()
    db = sqlite3.connect(str(target))
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    iri_cols = {
        "types": ("s",),
        "facts": ("s",),
        "labels": ("s",),
        "links": ("s", "o"),
        "tasks": ("iri", "doc"),
        "bodies": ("task",),
        "quotes": ("s", "o"),
    }
    gid = _GRAPH[1:]
    for k in range(copies):
        db.create_function(
            "ren",
            1,
            lambda v, k=k: (
                local.sub(rf"https://w3id.org/vankien/id/doc/\1/r{k}/", v) if k and isinstance(v, str) else v
            ),
            deterministic=True,
        )
        db.create_function("reng", 1, lambda v, k=k: v.replace(gid, f"{gid}r{k}-") if k else v, deterministic=True)
        only_docs = " WHERE graph LIKE 'https://w3id.org/vankien/graph/doc/%'" if k else ""
        for t in _GRAPH_TABLES:
            cols = [r[1] for r in db.execute(f"PRAGMA src.table_info({t})")]
            exprs = ["reng(graph)" if c == "graph" else f"ren({c})" if c in iri_cols[t] else c for c in cols]
            db.execute(f"INSERT INTO main.{t} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM src.{t}{only_docs}")
        db.execute(f"INSERT INTO main.graphs SELECT reng(graph), hash FROM src.graphs{only_docs}")
        db.commit()
    db.execute("INSERT OR REPLACE INTO main.meta (key, value) VALUES ('generation', '1')")
    db.execute("DELETE FROM main.meta WHERE key = 'docinfo'")  # described on the first open
    db.commit()
    db.close()
    return {"index": str(target), "copies": copies, "seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_stores", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=WORK / "synth-100000-s1")
    ap.add_argument("--n", default="10000,30000,100000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--replicate", type=Path, help="an ingested store to copy (instead of ingesting)")
    ap.add_argument("--copies", default="3,10", help="with --replicate: copies, comma-separated")
    ap.add_argument("--index-only", action="store_true", help="with --replicate: copy the flow index only")
    a = ap.parse_args(argv)
    if a.replicate:
        for k in (int(x) for x in a.copies.split(",")):
            if a.index_only:
                n = k * int(a.replicate.name.rsplit("-", 1)[1])
                source = a.replicate.parent / f"{a.replicate.name}.flow.sqlite"
                print(json.dumps(replicate_index(source, k, WORK / f"store-{n}.flow.sqlite")), flush=True)
            else:
                print(json.dumps(replicate(a.replicate, k)), flush=True)
        return 0
    for n in (int(x) for x in a.n.split(",")):
        print(json.dumps(build(a.corpus, n, a.workers)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
