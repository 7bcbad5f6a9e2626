"""Protection: runaway queries are stopped at the time limit (the worker process is killed) and the
next request is answered at once; row cap, concurrency cap, body cap; abuse never gives a 5xx
other than the timeout's 503."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import replace

import httpx
import pytest
from api_fixtures import (  # noqa: F401
    BIG_GRAPH,
    TEST_SETTINGS,
    TOKEN,
    api_server,
    fill_store,
    queries_dir,
    start_server,
)
from waiting import wait_until

RUNAWAY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }} }}"
PATH_BOMB = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://example.org/next>|^<http://example.org/next>)* ?b . ?c ?p ?d }"
LOOKUP = "SELECT ?o WHERE { <http://example.org/n7> <http://example.org/next> ?o }"
UNANCHORED = "SELECT ?o WHERE { ?s <http://example.org/next> ?o } LIMIT 1"  # no bound term: the store owner runs it


@pytest.fixture(scope="module")
def client(api_server) -> httpx.Client:
    with httpx.Client(base_url=api_server.url, timeout=60) as c:
        yield c


def lookup_ok(client: httpx.Client) -> float:
    started = time.monotonic()
    r = client.get("/sparql", params={"query": LOOKUP})
    assert r.status_code == 200, r.text
    assert json.loads(r.content)["results"]["bindings"][0]["o"]["value"] == "http://example.org/n8"
    return time.monotonic() - started


def owner_up(client: httpx.Client) -> dict:
    """/health once the store owner is running (a bounded lookup is answered before it is back)."""
    wait_until(lambda: client.get("/health").json()["worker_pid"], timeout=10, what="the store owner running")
    return client.get("/health").json()


@pytest.mark.parametrize("query", [RUNAWAY, PATH_BOMB])
def test_runaway_query_is_stopped_at_the_limit_and_the_next_is_answered_at_once(client, query):
    before = owner_up(client)
    started = time.monotonic()
    r = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    elapsed = time.monotonic() - started
    assert r.status_code == 503
    assert r.json()["error"] == "QueryTimeout" and "limit of 2 s" in r.json()["message"]
    assert TEST_SETTINGS.query_timeout <= elapsed < TEST_SETTINGS.query_timeout + 1.5
    assert lookup_ok(client) < 1.0
    after = owner_up(client)
    assert after["restarts"] == before["restarts"] + 1
    assert after["worker_pid"] != before["worker_pid"]
    with pytest.raises(ProcessLookupError):  # the work really stopped: its process is gone
        os.kill(before["worker_pid"], 0)


def test_text_timeout_error_for_plain_clients(client):
    r = client.get("/sparql", params={"query": RUNAWAY}, headers={"Accept": "text/csv"})
    assert r.status_code == 503 and r.headers["content-type"].startswith("text/plain")
    assert "limit" in r.text
    lookup_ok(client)


def test_read_queries_in_flight_when_the_worker_is_killed_are_retried(client, api_server):
    results: dict[str, int] = {}

    def runaway() -> None:
        results["runaway"] = httpx.get(api_server.url + "/sparql", params={"query": RUNAWAY}, timeout=30).status_code

    def slowish() -> None:  # ~0.6 s of work, in flight when the runaway query's worker is killed
        runner = api_server.app.state.runner
        wait_until(
            lambda: runner.pid and runner._active.result().pending, timeout=10, what="the runaway query in flight"
        )
        seen = time.monotonic()  # sent 0.3 s before the runaway query reaches its limit and its worker is killed
        wait_until(
            lambda: time.monotonic() >= seen + TEST_SETTINGS.query_timeout - 0.3,
            timeout=5,
            what="the runaway query nearing its limit",
        )
        q = (
            f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?a WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?a ?p ?b }} }} LIMIT 1500 }}"
            f"{{ SELECT ?c WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?c ?q ?d }} }} LIMIT 1500 }} }}"
        )
        r = httpx.get(api_server.url + "/sparql", params={"query": q}, timeout=30)
        results["slowish"] = r.status_code
        results["n"] = (
            int(json.loads(r.content)["results"]["bindings"][0]["n"]["value"]) if r.status_code == 200 else -1
        )

    threads = [threading.Thread(target=runaway), threading.Thread(target=slowish)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results["runaway"] == 503
    assert results["slowish"] == 200
    assert results["n"] == 1500 * 1500


def test_result_rows_are_capped_with_a_clear_error(client):
    r = client.get("/sparql", params={"query": f"SELECT * WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?s ?p ?o }} }}"})
    assert r.status_code == 400 and "more than 500 rows" in r.text and "LIMIT" in r.text
    ok = client.get("/sparql", params={"query": f"SELECT * WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 500"})
    assert ok.status_code == 200 and len(json.loads(ok.content)["results"]["bindings"]) == 500
    r = client.get(
        "/sparql", params={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?s ?p ?o }} }}"}
    )
    assert r.status_code == 400 and "more than 500 triples" in r.text


def test_oversized_bodies_are_413(client):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (TEST_SETTINGS.max_body_bytes + 10)
    r = client.post("/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    chunks = (b"x" * 8192 for _ in range(TEST_SETTINGS.max_body_bytes // 8192 + 2))  # no Content-Length
    r = client.post("/sparql", content=chunks, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    r = client.put(
        "/graph",
        params={"graph": "http://example.org/huge"},
        content=b"#" * (TEST_SETTINGS.max_body_bytes + 1),
        headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 413
    lookup_ok(client)


@pytest.mark.parametrize(
    "path",
    [
        "/id/../../etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/doc/..%2f..%2fetc",
        "/id/doc/%00",
        "/id/",
        "/id/doc/tw/kl/2021/21/..",
        "/id/doc//x",
        "/id/doc/%3E%20%3Chttp:%2F%2Fevil%3E",
        "/id/" + "a/" * 400,
    ],
)
def test_path_traversal_and_odd_paths_in_id_are_404(client, path):
    r = client.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 404, (path, r.status_code, r.text[:200])
    lookup_ok(client)


@pytest.mark.parametrize(
    "accept",
    [
        "",
        "*/*;q=abc",
        "text/html;q=2",
        "////",
        "application/sparql-results+json;;;q=",
        "x" * 5000,
        "text/turtle;q=0, */*;q=0",
        "\u00e9/\u00e9",
    ],
)
def test_malformed_accept_headers_never_give_5xx(client, accept):
    for path in ("/sparql?query=ASK%7B%7D", "/id/doc/tw/kl/2021/21", "/void", "/sparql"):
        r = client.get(path, headers={"Accept": accept.encode("utf-8")})
        assert r.status_code in (200, 303, 406), (path, accept, r.status_code)


def test_concurrency_cap_answers_429(tmp_path):
    path = tmp_path / "store"
    fill_store(path)
    settings = replace(TEST_SETTINGS, max_concurrent=1, queue_timeout=0.3, query_timeout=3.0)
    server = start_server(f"oxigraph:{path}", settings)
    try:
        status: dict[str, int] = {}
        runaway = threading.Thread(
            target=lambda: status.update(
                runaway=httpx.get(server.url + "/sparql", params={"query": RUNAWAY}, timeout=30).status_code
            )
        )
        runaway.start()
        wait_until(lambda: server.app.state.runner._sem.locked(), timeout=10, what="the runaway query taking the slot")
        r = httpx.get(server.url + "/sparql", params={"query": UNANCHORED}, timeout=30)
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        # a bounded lookup is answered in the HTTP process (graph_api.store.readers), not queued behind it
        assert httpx.get(server.url + "/sparql", params={"query": LOOKUP}, timeout=30).status_code == 200
        runaway.join(30)
        assert status["runaway"] == 503
        assert httpx.get(server.url + "/sparql", params={"query": LOOKUP}, timeout=30).status_code == 200
    finally:
        server.stop()
