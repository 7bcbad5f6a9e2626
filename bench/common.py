"""Shared helpers of the benchmarks: machine description, corpora, measured subprocesses, servers,
percentiles, and appending one dated section per run to ``bench/RESULTS.md``.

>>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)
5.5
>>> md_table(["a", "b"], [[1, 2.5]])
'| a | b |\\n|---|---|\\n| 1 | 2.5 |'
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import platform
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(os.environ.get("VANKIEN_BENCH_RESULTS") or ROOT / "bench" / "RESULTS.md")
VENV_BIN = Path(sys.executable).parent
WORK = Path(os.environ.get("VANKIEN_BENCH_DIR", "/tmp/vankien-bench"))
NS = {"eli": "http://data.europa.eu/eli/ontology#", "vk": "https://w3id.org/vankien/ontology#",
      "dcterms": "http://purl.org/dc/terms/"}
PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in NS.items())


# -- machine ----------------------------------------------------------------------------------------
def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "absent"


def machine() -> dict[str, str]:
    """nproc, memory, CPU model, kernel, Python and store versions."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    return {"nproc": str(os.cpu_count()), "memory": mem, "cpu": cpu, "kernel": platform.release(),
            "python": platform.python_version(), "pyoxigraph": _version("pyoxigraph"),
            "oxigraph CLI": _version("oxigraph"), "rdflib": _version("rdflib"),
            "rdflib-endpoint": _version("rdflib-endpoint")}


# -- results ----------------------------------------------------------------------------------------
def md_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    def cell(v: object) -> str:
        return f"{v:,.1f}" if isinstance(v, float) and abs(v) >= 100 else str(v)
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def append_results(title: str, tables: Sequence[str], notes: Sequence[str] = (), *,
                   command: Sequence[str] | None = None, path: Path = RESULTS) -> str:
    """Append one dated section (title, command, date, machine, tables, notes) to RESULTS.md; return it."""
    m = machine()
    first, *rest = command or [Path(sys.argv[0]).name, *sys.argv[1:]]
    cmd = " ".join([first, *(shlex.quote(a) for a in rest)])
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    section = [f"\n## {title} — {when}\n", f"- command: `{cmd}`",
               "- machine: " + ", ".join(f"{k} {v}" for k, v in m.items()), ""]
    for t in tables:
        section += [t, ""]
    section += [f"- {n}" for n in notes]
    text = "\n".join(section) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:  # append under a lock: never rewrite other sections
        fcntl.flock(f, fcntl.LOCK_EX)
        if f.tell() == 0:
            f.write("# Benchmark results\n\nEach section is one run, appended by a script of `bench/` "
                    "(see `bench/README.md`).\n")
        f.write(text)
        fcntl.flock(f, fcntl.LOCK_UN)
    return text


# -- statistics -------------------------------------------------------------------------------------
def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def dir_bytes(path: Path) -> int:
    """Total size of the files under a folder."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# -- corpora ----------------------------------------------------------------------------------------
def corpus(n: int, seed: int = 1) -> Path:
    """A synthetic corpus of n documents under the bench work folder (generated once)."""
    from tests.synth import generate
    out = WORK / f"synth-{n}-s{seed}"
    if not (out / ".complete").exists():
        s = generate(out, n=n, seed=seed)
        (out / ".complete").write_text(json.dumps({"n": n, "seed": seed, "seconds": s.seconds, "bytes": s.bytes}))
    return out


def corpus_paths(root: Path) -> list[Path]:
    """The document files of a corpus, in a stable order."""
    return sorted(p for p in (root / "docs").rglob("*") if p.suffix in (".txt", ".md"))


# -- measured processes -----------------------------------------------------------------------------
class PeakRss:
    """Samples the resident memory of a process tree (psutil) until stopped; ``peak`` in bytes."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        import psutil
        self.proc, self.interval, self.peak = psutil.Process(pid), interval, 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        import psutil
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._t.join()
        return self.peak


def run_measured(cmd: Sequence[str], *, env: dict | None = None, timeout: float | None = None) -> tuple[float, int, str]:
    """Run a command; return (wall seconds, peak RSS of its process tree in bytes, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, **(env or {})})
    mon = PeakRss(p.pid)
    try:
        out, err = p.communicate(timeout=timeout)
    finally:
        peak = mon.stop()
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({p.returncode}): {err[-2000:]}")
    return time.perf_counter() - t0, peak, out


# -- servers ----------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(cmd: Sequence[str], ready_url: str, *, timeout: float = 600, env: dict | None = None) -> Iterator[subprocess.Popen]:
    """Start a server (bound to 127.0.0.1 by its command), wait until ``ready_url`` answers, stop it by PID."""
    log = open(WORK / f"server-{Path(cmd[0]).name}-{os.getpid()}.log", "w")
    p = subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    try:
        deadline = time.monotonic() + timeout
        while True:
            if p.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited with {p.returncode}; see {log.name}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(ready_url, timeout=5).status_code < 500:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{cmd[0]} not ready after {timeout} s")
            time.sleep(0.3)
        yield p
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        log.close()
