"""Concurrent readers while a loader replaces documents: no 5xx, no torn or stale reads — the experiment run by
``tests/test_concurrency.py`` (10 clients, 10 s) and by ``bench/bench_concurrency.py`` (at scale, recorded).

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

import contextlib
import os
import socket
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

from tests.waiting import answers, wait_until

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

TOKEN = "bench-token-7a3f"
PRED = "urn:vk-bench:version"
ELI = "http://data.europa.eu/eli/ontology#"


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(cmd: list[str], ready_url: str, *, timeout: float, env: dict[str, str], log: Path):
    """Run ``cmd`` until ``ready_url`` answers; stop it on the way out."""
    with open(log, "w") as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env})

    def ready() -> bool:
        if p.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited with {p.returncode}: {log.read_text()[-2000:]}")
        return answers(ready_url)

    try:
        wait_until(ready, timeout=timeout, what=f"{cmd[0]} answering", interval=0.3)
        yield p
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def graph(i: int) -> str:
    return f"urn:vk-bench:doc/{i}"


def size(version: int) -> int:
    """Triples of a version: it changes, so that a partial graph is visible as a wrong count."""
    return 150 + 50 * (version % 4)


def ntriples(i: int, version: int) -> str:
    return "".join(f'<urn:vk-bench:doc/{i}/s/{j}> <{PRED}> "{version}" .\n' for j in range(size(version)))


CHECK = f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{{g}}> {{ ?s <{PRED}> ?v }} }} GROUP BY ?v"
JOIN = (
    f"SELECT ?d ?sym (COUNT(?c) AS ?n) WHERE {{ ?d <{ELI}id_local> ?sym . OPTIONAL {{ ?d <{ELI}cites> ?c }} }} "
    "GROUP BY ?d ?sym ORDER BY DESC(?n) LIMIT 20"
)


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
        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "requests/s": round(self.requests / self.seconds, 1),
            "p50 ms": round(percentile(self.latencies, 50) * 1000, 1),
            "p95 ms": round(percentile(self.latencies, 95) * 1000, 1),
            "p99 ms": round(percentile(self.latencies, 99) * 1000, 1),
            "statuses": dict(sorted(self.statuses.items())),
            "5xx": self.server_errors,
            "version checks": self.checks,
            "torn reads": len(self.torn),
            "stale reads": len(self.stale),
            "replacements": self.replacements,
            "replace p50 ms": round(percentile(self.replace_latencies, 50) * 1000, 1),
            "replace errors": len(self.replace_errors),
            "final state ok": self.final_ok,
        }


def torn(body: bytes, committed: set[int]) -> tuple[str | None, int]:
    """(why a version check is torn or None when it saw one whole written version, the version seen)."""
    rows = json.loads(body)["results"]["bindings"]
    seen = {int(r["v"]["value"]): int(r["n"]["value"]) for r in rows}
    if len(seen) != 1:
        return f"versions {seen}", -1
    ((v, n),) = seen.items()
    if n != size(v):
        return f"version {v} with {n} of {size(v)} triples", v
    if v not in committed:
        return f"version {v} was never written", v
    return None, v


async def reader(
    client: httpx.AsyncClient,
    fig: Figures,
    versions: dict[int, set[int]],
    acked: dict[int, int],
    docs: int,
    stop: float,
    rng: random.Random,
) -> None:
    while time.monotonic() < stop:
        check = rng.random() < 0.8
        i = rng.randrange(docs)
        floor = acked[i]  # acknowledged before this request: it must be seen (or a newer one)
        query = CHECK.replace("{g}", graph(i)) if check else JOIN
        started = time.monotonic()
        try:
            r = await client.post(
                "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
            )
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


async def loader(
    client: httpx.AsyncClient,
    fig: Figures,
    versions: dict[int, set[int]],
    acked: dict[int, int],
    docs: int,
    stop: float,
    pause: float,
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    n = 0
    while time.monotonic() < stop:
        i = n % docs
        version = max(versions[i]) + 1
        versions[i].add(version)  # readers may see it from now on
        started = time.monotonic()
        if n % 2 == 0:
            r = await client.put(
                "/graph",
                params={"graph": graph(i)},
                content=ntriples(i, version).encode(),
                headers={"Content-Type": "application/n-triples", **auth},
            )
        else:
            update = (
                f"DROP SILENT GRAPH <{graph(i)}> ;\nINSERT DATA {{ GRAPH <{graph(i)}> {{\n{ntriples(i, version)}}} }}"
            )
            r = await client.post(
                "/update", content=update.encode(), headers={"Content-Type": "application/sparql-update", **auth}
            )
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
    p = subprocess.run(
        [str(VENV_BIN / "vankien"), "load", "data/corpus", "--store", f"oxigraph:{store}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
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
            ok &= [(int(b["v"]["value"]), int(b["n"]["value"])) for b in rows] == [
                (max(versions[i]), size(max(versions[i])))
            ]
        fig.final_ok = ok
    return fig


def run(
    work: Path,
    *,
    clients: int = 50,
    duration: float = 60,
    docs: int = 20,
    pause: float = 0.0,
    seed: int = 1,
    max_concurrent: int | None = None,
) -> Figures:
    """Prepare a store under ``work``, serve it, run the readers and the loader; return the figures."""
    work.mkdir(parents=True, exist_ok=True)
    store = work / "store"
    prepare(store, docs)
    port = free_port()
    env = {"VANKIEN_UPDATE_TOKEN": TOKEN}
    if max_concurrent:
        env["VANKIEN_MAX_CONCURRENT"] = str(max_concurrent)
    cmd = [str(VENV_BIN / "vankien"), "serve", "--store", f"oxigraph:{store}", "--port", str(port)]
    with server(cmd, f"http://127.0.0.1:{port}/health", timeout=60, env=env, log=work / "server.log"):
        return asyncio.run(_run(f"http://127.0.0.1:{port}", clients, duration, docs, pause, seed))
