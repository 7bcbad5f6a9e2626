"""Concurrent readers while a loader replaces documents: no 5xx, no torn or stale reads.

``vankien serve`` (subprocess, 127.0.0.1, update token) over an on-disk store holding the bundled
corpus and ``--docs`` versioned document graphs. Every triple of a document graph carries its
version (``?s <urn:vk-bench:version> "v"``), and version ``v`` has ``size(v)`` triples, so a reader
that counts the triples per version of one graph in ONE query must see exactly one version with
exactly ``size(v)`` triples; anything else is a torn read (a mix of old and new, or a partial graph).

A read sent after a replacement was acknowledged must see that version or a newer one (else: a
stale read, e.g. from the answer cache).

For ``--duration`` seconds, ``--clients`` clients query ``/sparql`` in a closed loop (4 in 5: the
version check of a random document; 1 in 5: a join over the corpus), while one loader replaces
documents in turn with the Graph Store Protocol (``PUT /graph``) and SPARQL Update
(``DROP GRAPH …; INSERT DATA …`` in one request), alternately, with the token.

    .venv/bin/python -m bench.bench_concurrency [--clients 50] [--duration 60] [--docs 20] [--no-record]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.common import ROOT, VENV_BIN, WORK, append_results, free_port, md_table, percentile, server

TOKEN = "bench-token-7a3f"
PRED = "urn:vk-bench:version"
ELI = "http://data.europa.eu/eli/ontology#"


def graph(i: int) -> str:
    return f"urn:vk-bench:doc/{i}"


def size(version: int) -> int:
    """Triples of a version: it changes, so that a partial graph is visible as a wrong count."""
    return 150 + 50 * (version % 4)


def ntriples(i: int, version: int) -> str:
    return "".join(f'<urn:vk-bench:doc/{i}/s/{j}> <{PRED}> "{version}" .\n' for j in range(size(version)))


CHECK = f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{{g}}> {{ ?s <{PRED}> ?v }} }} GROUP BY ?v"
JOIN = (f"SELECT ?d ?sym (COUNT(?c) AS ?n) WHERE {{ ?d <{ELI}id_local> ?sym . OPTIONAL {{ ?d <{ELI}cites> ?c }} }} "
        "GROUP BY ?d ?sym ORDER BY DESC(?n) LIMIT 20")


@dataclass
class Figures:
    clients: int
    seconds: float
    requests: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    checks: int = 0
    torn: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    replacements: int = 0
    replace_latencies: list[float] = field(default_factory=list)
    replace_errors: list[str] = field(default_factory=list)
    final_ok: bool = False

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)

    def summary(self) -> dict:
        return {"clients": self.clients, "seconds": round(self.seconds, 1), "requests": self.requests,
                "requests/s": round(self.requests / self.seconds, 1),
                "p50 ms": round(percentile(self.latencies, 50) * 1000, 1),
                "p95 ms": round(percentile(self.latencies, 95) * 1000, 1),
                "p99 ms": round(percentile(self.latencies, 99) * 1000, 1),
                "statuses": dict(sorted(self.statuses.items())), "5xx": self.server_errors,
                "version checks": self.checks, "torn reads": len(self.torn), "stale reads": len(self.stale),
                "replacements": self.replacements,
                "replace p50 ms": round(percentile(self.replace_latencies, 50) * 1000, 1),
                "replace errors": len(self.replace_errors), "final state ok": self.final_ok}


def torn(body: bytes, committed: set[int]) -> tuple[str | None, int]:
    """(why a version check is torn or None when it saw one whole written version, the version seen)."""
    rows = json.loads(body)["results"]["bindings"]
    seen = {int(r["v"]["value"]): int(r["n"]["value"]) for r in rows}
    if len(seen) != 1:
        return f"versions {seen}", -1
    (v, n), = seen.items()
    if n != size(v):
        return f"version {v} with {n} of {size(v)} triples", v
    if v not in committed:
        return f"version {v} was never written", v
    return None, v


async def reader(client: httpx.AsyncClient, fig: Figures, versions: dict[int, set[int]], acked: dict[int, int],
                 docs: int, stop: float, rng: random.Random) -> None:
    while time.monotonic() < stop:
        check = rng.random() < 0.8
        i = rng.randrange(docs)
        floor = acked[i]  # acknowledged before this request: it must be seen (or a newer one)
        query = CHECK.replace("{g}", graph(i)) if check else JOIN
        started = time.monotonic()
        try:
            r = await client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
        except httpx.HTTPError as e:
            fig.errors.append(f"{type(e).__name__}: {e}")
            fig.statuses[0] += 1
            continue
        fig.latencies.append(time.monotonic() - started)
        fig.requests += 1
        fig.statuses[r.status_code] += 1
        if r.status_code != 200:
            if len(fig.errors) < 20:
                fig.errors.append(f"{r.status_code}: {r.text[:200]}")
            continue
        if check:
            fig.checks += 1
            why, seen = torn(r.content, versions[i])
            if why:
                fig.torn.append(f"{graph(i)}: {why}")
            elif seen < floor:
                fig.stale.append(f"{graph(i)}: saw version {seen} after version {floor} was acknowledged")


async def loader(client: httpx.AsyncClient, fig: Figures, versions: dict[int, set[int]], acked: dict[int, int],
                 docs: int, stop: float, pause: float) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    n = 0
    while time.monotonic() < stop:
        i = n % docs
        version = max(versions[i]) + 1
        versions[i].add(version)  # readers may see it from now on
        started = time.monotonic()
        if n % 2 == 0:
            r = await client.put("/graph", params={"graph": graph(i)}, content=ntriples(i, version).encode(),
                                 headers={"Content-Type": "application/n-triples", **auth})
        else:
            update = f"DROP SILENT GRAPH <{graph(i)}> ;\nINSERT DATA {{ GRAPH <{graph(i)}> {{\n{ntriples(i, version)}}} }}"
            r = await client.post("/update", content=update.encode(),
                                  headers={"Content-Type": "application/sparql-update", **auth})
        fig.replace_latencies.append(time.monotonic() - started)
        if r.status_code not in (201, 204):
            fig.replace_errors.append(f"{r.status_code}: {r.text[:200]}")
        else:
            fig.replacements += 1
            acked[i] = version
        n += 1
        await asyncio.sleep(pause)


def prepare(store: Path, docs: int) -> None:
    """The bundled corpus (``vankien load data/corpus``) and version 0 of every document graph."""
    p = subprocess.run([str(VENV_BIN / "vankien"), "load", "data/corpus", "--store", f"oxigraph:{store}"],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    from graph_api.store import open_store
    s = open_store(f"oxigraph:{store}")
    for i in range(docs):
        s.update(f"INSERT DATA {{ GRAPH <{graph(i)}> {{ {ntriples(i, 0)} }} }}")
    s.close()


async def _run(url: str, clients: int, duration: float, docs: int, pause: float, seed: int) -> Figures:
    fig = Figures(clients=clients, seconds=duration)
    versions = {i: {0} for i in range(docs)}
    acked = {i: 0 for i in range(docs)}
    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        stop = time.monotonic() + duration
        started = time.monotonic()
        rng = random.Random(seed)
        tasks = [reader(client, fig, versions, acked, docs, stop, random.Random(rng.random())) for _ in range(clients)]
        tasks.append(loader(client, fig, versions, acked, docs, stop, pause))
        await asyncio.gather(*tasks)
        fig.seconds = time.monotonic() - started
        # afterwards, every document holds exactly its last written version
        ok = True
        for i in range(docs):
            r = await client.post("/sparql", data={"query": CHECK.replace("{g}", graph(i))})
            rows = json.loads(r.content)["results"]["bindings"]
            ok &= [(int(b["v"]["value"]), int(b["n"]["value"])) for b in rows] == [(max(versions[i]), size(max(versions[i])))]
        fig.final_ok = ok
    return fig


def run(work: Path, *, clients: int = 50, duration: float = 60, docs: int = 20, pause: float = 0.0,
        seed: int = 1, max_concurrent: int | None = None) -> Figures:
    """Prepare a store under ``work``, serve it, run the readers and the loader; return the figures."""
    work.mkdir(parents=True, exist_ok=True)
    store = work / "store"
    prepare(store, docs)
    port = free_port()
    env = {"VANKIEN_UPDATE_TOKEN": TOKEN}
    if max_concurrent:
        env["VANKIEN_MAX_CONCURRENT"] = str(max_concurrent)
    cmd = [str(VENV_BIN / "vankien"), "serve", "--store", f"oxigraph:{store}", "--port", str(port)]
    with server(cmd, f"http://127.0.0.1:{port}/health", timeout=60, env=env):
        return asyncio.run(_run(f"http://127.0.0.1:{port}", clients, duration, docs, pause, seed))


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
