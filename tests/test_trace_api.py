"""The trace over HTTP: a real `vankien serve` on a free port over the bundled data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from backends import free_port
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest
from waiting import answers, wait_until

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("served")
    store = OxigraphStore(folder / "store")
    ingest([ROOT / "data" / "corpus"], store)
    store.close()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vankien.cli", "serve", "--store", f"oxigraph:{folder / 'store'}", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        if proc.poll() is not None:
            raise RuntimeError("vankien serve exited: " + proc.stdout.read().decode(errors="replace")[-2000:])
        return answers(base + "/health")

    try:
        wait_until(up, timeout=60, what="vankien serve answering /health")
    except TimeoutError:
        proc.kill()
        raise
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def test_trace_endpoint(service: str) -> None:
    r = httpx.get(service + "/api/trace/21-KL/TW", params={"as_of": "2023-01-01"}, timeout=30)
    assert r.status_code == 200, r.text
    data = r.json()
    assert {t["province"] for t in data["tasks"]} == {"Tuyên Quang"}
    assert any(d["symbol"] == "147-KH/TU" for d in data["documents"])


def test_trace_endpoint_pages(service: str) -> None:
    whole = httpx.get(service + "/api/trace/21-KL/TW", timeout=30).json()
    assert whole["limit"] == 500 and whole["total"] == len(whole["tasks"])
    assert whole["total"] >= 1
    last = whole["total"] - 1
    page = httpx.get(service + "/api/trace/21-KL/TW", params={"limit": 1, "offset": last}, timeout=30).json()
    assert page["total"] == whole["total"] and [t["task"] for t in page["tasks"]] == [whole["tasks"][last]["task"]]
    assert httpx.get(service + "/api/trace/21-KL/TW", params={"limit": -1}, timeout=30).status_code == 422
    assert httpx.get(service + "/api/trace/21-KL/TW", params={"limit": 10**6}, timeout=30).status_code == 422


def test_trace_errors_map_to_statuses(service: str) -> None:
    ambiguous = httpx.get(service + "/api/trace/18-NQ/TW", timeout=30)
    assert ambiguous.status_code == 409 and "ambiguous" in ambiguous.json()["message"]
    assert httpx.get(service + "/api/trace/18-NQ/TW", params={"year": 2022}, timeout=30).status_code == 200
    assert httpx.get(service + "/api/trace/999-NQ/TW", timeout=30).status_code == 404
    assert httpx.get(service + "/api/trace/21-KL/TW", params={"as_of": "yesterday"}, timeout=30).status_code == 422


def test_reverse_and_coverage_endpoints(service: str) -> None:
    served = httpx.get(service + "/api/serves/147-KH/TU", params={"province": "Tuyên Quang"}, timeout=30).json()
    assert [s["symbol"] for s in served["serves"]] == ["21-KL/TW"]
    cov = httpx.get(service + "/api/coverage/21-KL/TW", timeout=30).json()
    assert [r["province"] for r in cov["with_tasks"]] == ["Tuyên Quang"]
    assert "Ninh Thuận" in cov["without_tasks"]


def test_saved_trace_query_over_the_sparql_endpoint(service: str) -> None:
    query = (ROOT / "queries" / "trace.rq").read_text(encoding="utf-8")
    r = httpx.post(
        service + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    assert r.status_code == 200, r.text
    rows = r.json()["results"]["bindings"]
    assert rows and {b["province"]["value"] for b in rows} == {"Tuyên Quang"}
