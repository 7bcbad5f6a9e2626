"""The README's first command (`make run`) on a fresh clone: it installs into a new virtual environment,
loads the bundled documents into the on-disk store, prints where to open the service and serves it; a
second run installs nothing and serves again. Also the store rules every command follows: a plain
folder path is a store, a missing store is named (only `init` and `load` create one), and while
`serve` holds the store, reads still work and writes say who holds it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.waiting import answers, wait_until

ROOT = Path(__file__).resolve().parents[1]
VANKIEN = [sys.executable, "-m", "vankien"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Run:
    """`make run` in a folder, its output collected, stopped with its whole process group."""

    def __init__(self, folder: Path, store: Path, port: int, log: Path) -> None:
        env = {**os.environ, "VANKIEN_STORE": str(store), "PORT": str(port)}
        env.pop("VIRTUAL_ENV", None)
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
        self.log = log
        self.port = port
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                ["make", "run"], cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def serving(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"make run stopped (exit {self.proc.returncode}):\n{self.output()[-3000:]}")
        return answers(f"http://127.0.0.1:{self.port}/sparql", params={"query": "ASK { ?s ?p ?o }"})

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@pytest.fixture()
def clone(tmp_path: Path) -> Path:
    folder = tmp_path / "vankien"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True)
    return folder


@pytest.mark.slow
def test_make_run_on_a_fresh_clone_installs_once_loads_and_serves(clone: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"  # a plain folder path, as VANKIEN_STORE
    first = Run(clone, store, free_port(), tmp_path / "first.log")
    try:
        wait_until(first.serving, timeout=900, what="the service of the first `make run`")
        out = first.output()
        assert "installing vankien into .venv (once)" in out
        assert f"vankien is serving at http://127.0.0.1:{first.port}/" in out
        assert "documents loaded:" in out and "rejected: 0" in out
        count = httpx.get(
            f"http://127.0.0.1:{first.port}/sparql",
            params={
                "query": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> }"
            },
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        ).json()
        assert int(count["results"]["bindings"][0]["n"]["value"]) > 20
        assert (clone / "out" / "flow-21-KL-TW.html").stat().st_size > 1000
    finally:
        first.stop()
    assert (store / "CURRENT").exists()  # the store is pyoxigraph on disk at the plain path

    second = Run(clone, store, free_port(), tmp_path / "second.log")
    try:
        wait_until(second.serving, timeout=300, what="the service of the second `make run`")
        out = second.output()
        assert "installing" not in out and "pip" not in out
        assert "documents loaded: 0" in out  # unchanged documents are skipped
    finally:
        second.stop()


def vankien(*args: str, store: Path | str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VANKIEN_STORE": str(store)}
    return subprocess.run([*VANKIEN, *args], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture()
def served_store(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    store = tmp_path / "held"
    loaded = vankien("load", str(ROOT / "data" / "corpus" / "seeds"), store=store)
    assert loaded.returncode == 0, loaded.stderr
    port = free_port()
    proc = subprocess.Popen(
        [*VANKIEN, "serve", "--port", str(port)],
        env={**os.environ, "VANKIEN_STORE": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}), timeout=60)
        yield store, port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_missing_store_is_named_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "misspelt-store"
    for args in (["stats"], ["trace", "21-KL/TW"], ["query", "ASK {}"], ["search", "ban can su"], ["serve"]):
        result = vankien(*args, store=missing)
        assert result.returncode == 3, (args, result.stderr)
        assert result.stderr.strip().splitlines()[-1] == (
            f"error: no store at {missing}: 'vankien init' or 'vankien load FILES' creates one"
        )
        assert "Traceback" not in result.stderr
    assert not missing.exists()
    made = vankien("init", store=missing)
    assert made.returncode == 0 and missing.is_dir()
    assert vankien("stats", store=missing).returncode == 0


def test_while_serve_holds_the_store_reads_work_and_writes_say_so(served_store: tuple[Path, int]) -> None:
    store, _ = served_store
    stats = vankien("stats", store=store)
    assert stats.returncode == 0, stats.stderr
    assert "documents read: 4" in stats.stdout
    traced = vankien("trace", "21-KL/TW", "--format", "json", store=store)
    assert traced.returncode == 0 and '"total"' in traced.stdout
    for args in (["load", str(ROOT / "data" / "corpus" / "dev")], ["serve", "--port", str(free_port())]):
        result = vankien(*args, store=store)
        assert result.returncode == 3, (args, result.stderr)
        assert f"error: the store at {store} is held by another process (a running 'vankien serve'?)" in result.stderr
        assert "Traceback" not in result.stderr
