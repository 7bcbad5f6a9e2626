"""Bounded queries answered in the HTTP worker (graph_api.store.readers) on a read-only view of the store:
the same answers as the store owner's, writes seen by the next read in every worker of a real
`vankien serve` (Granian, two workers, one store host), and a runaway free-form query still stopped at its
limit while lookups are answered."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from pyoxigraph import Store

from api_fixtures import BIG_GRAPH, TEST_SETTINGS, TOKEN, fill_store, running, start_server
from graph_api.store.bounded import plan, shape
from w3c_runner import free_port
from waiting import wait_until

VK = "https://w3id.org/vankien/"
DOC = f"<{VK}id/doc/tuyen-quang/tu/kh/2021/147>"
PREFIX = "PREFIX eli: <http://data.europa.eu/eli/ontology#> PREFIX vk: <https://w3id.org/vankien/ontology#> "
BOUNDED = [
    PREFIX + f"SELECT ?sym ?title WHERE {{ {DOC} eli:id_local ?sym . OPTIONAL {{ {DOC} eli:title ?title }} }}",
    PREFIX + f"SELECT ?task ?lead WHERE {{ ?task eli:is_part_of {DOC} ; vk:leadBody ?lead }} LIMIT 10",
    PREFIX + f"SELECT DISTINCT ?doc ?task WHERE {{ ?doc eli:implements <{VK}id/doc/tw/kl/2021/21> . "
    "?task eli:is_part_of ?doc . FILTER(?task != ?doc) }",
    f"ASK {{ {DOC} ?p ?o }}",
    "SELECT ?o WHERE { <http://example.org/n7> <http://example.org/next> ?o }",
]
FREE_FORM = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s <http://example.org/next>+ <http://example.org/n9> } LIMIT 3",
    "SELECT ?s ?o WHERE { ?s <http://example.org/next> ?o } ORDER BY ?o LIMIT 2",
    PREFIX + "SELECT ?t WHERE { ?t a vk:Task }",
]
RUNAWAY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }} }}"
LOOKUP = "SELECT ?o WHERE { <http://example.org/n7> <http://example.org/next> ?o }"
FORMATS = ["application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"]


def test_the_rule_accepts_anchored_patterns_and_refuses_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill_store(tmp_path / "s")
    store = Store.read_only(str(tmp_path / "s"))
    for query in BOUNDED:
        parsed = shape(query)
        assert parsed is not None and plan(store, parsed[0]), query
    for query in FREE_FORM[:3] + [RUNAWAY]:
        assert shape(query) is None, query
    parsed = shape(FREE_FORM[3])  # a class's every instance: a seed only while the class is small
    assert parsed is not None and plan(store, parsed[0])
    monkeypatch.setattr("graph_api.store.bounded.SEED_CAP", 1)  # the fixture has two tasks
    assert not plan(store, parsed[0])
    chain = shape("SELECT ?b WHERE { ?a <http://example.org/next> ?b }")  # nothing bound at all
    assert chain is not None and not plan(store, chain[0])
    n7 = "<http://example.org/n7> <http://example.org/next> ?o"
    for product in (  # two backward steps from one value: a cross product; backward into a class
        f"SELECT * WHERE {{ {n7} . ?a <http://example.org/next> ?o . ?b <http://example.org/next> ?o }}",
        f"SELECT * WHERE {{ {DOC} a ?t . ?other a ?t }}",
    ):
        parsed = shape(product)
        assert parsed is not None and not plan(store, parsed[0]), product


@pytest.fixture(scope="module")
def twin_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The same data served twice: bounded queries in process, and every query by the owner."""
    folder = tmp_path_factory.mktemp("fast-readers")
    fill_store(folder / "a")
    shutil.copytree(folder / "a", folder / "b")
    local = start_server(f"oxigraph:{folder / 'a'}", TEST_SETTINGS)
    owner = start_server(f"oxigraph:{folder / 'b'}", replace(TEST_SETTINGS, local_reads=False))
    yield local.url, owner.url
    local.stop()
    owner.stop()


@pytest.mark.parametrize("accept", FORMATS)
def test_an_answer_in_process_equals_the_owners(twin_servers: tuple[str, str], accept: str) -> None:
    local, owner = twin_servers
    before = httpx.get(local + "/health").json()["local_reads"]["answered"]
    for query in BOUNDED + FREE_FORM:
        a = httpx.get(local + "/sparql", params={"query": query}, headers={"Accept": accept})
        b = httpx.get(owner + "/sparql", params={"query": query}, headers={"Accept": accept})
        assert a.status_code == b.status_code == 200, (query, a.text, b.text)
        assert a.headers["content-type"] == b.headers["content-type"]
        assert a.content == b.content, query
    assert httpx.get(local + "/health").json()["local_reads"]["answered"] >= before + len(BOUNDED)
    assert httpx.get(owner + "/health").json()["local_reads"] is None


def test_the_row_cap_holds_in_process(twin_servers: tuple[str, str]) -> None:
    local, _ = twin_servers
    query = f"SELECT ?o WHERE {{ <{VK}id/doc/tw/kl/2021/21> ^<http://data.europa.eu/eli/ontology#cites> ?o }}"
    assert httpx.get(local + "/sparql", params={"query": query}).status_code == 200
    many = "SELECT ?p ?o WHERE { <http://example.org/n7> ?p ?o . ?o ?q ?z . ?z ?r ?y }"
    r = httpx.get(local + "/sparql", params={"query": many}, headers={"Accept": "application/json"})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 1


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`vankien serve` as shipped: Granian, two workers, one store host; a 2 s query limit."""
    folder = tmp_path_factory.mktemp("served")
    fill_store(folder / "store")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "VANKIEN_UPDATE_TOKEN": TOKEN, "VANKIEN_WORKERS": "2", "VANKIEN_QUERY_TIMEOUT": "2"}
    cmd = [str(Path(sys.executable).parent / "vankien"), "serve", "--store", f"oxigraph:{folder / 'store'}",
           "--port", str(port)]
    with running(cmd, url, folder / "server.log", env):
        yield url


def test_a_write_is_seen_by_the_next_read_in_every_worker(served: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    query = "SELECT ?o WHERE { <http://example.org/rw> <http://example.org/v> ?o }"
    for i in range(12):  # a new connection each time: either worker answers
        r = httpx.post(served + "/update", data={"update": f"DELETE WHERE {{ <http://example.org/rw> ?p ?o }} ; "
                       f"INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://example.org/rw> <http://example.org/v> {i} }} }}"},
                       headers=auth)
        assert r.status_code == 204, r.text
        got = httpx.get(served + "/sparql", params={"query": query}, headers={"Accept": "application/json"}).json()
        assert [b["o"]["value"] for b in got["results"]["bindings"]] == [str(i)]
    r = httpx.put(served + "/graph?graph=http://example.org/g", content=b'<http://example.org/rw> <http://example.org/v> "99" .',
                  headers={**auth, "Content-Type": "application/n-triples"})
    assert r.status_code in (200, 204), r.text
    got = httpx.get(served + "/sparql", params={"query": query}, headers={"Accept": "application/json"}).json()
    assert [b["o"]["value"] for b in got["results"]["bindings"]] == ["99"]
    health = httpx.get(served + "/health").json()
    assert health["local_reads"]["answered"] > 0 and health["worker_pid"]


def test_a_runaway_query_is_stopped_while_lookups_are_answered(served: str) -> None:
    before = httpx.get(served + "/health").json()
    status: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        r = httpx.get(served + "/sparql", params={"query": RUNAWAY}, headers={"Accept": "application/json"}, timeout=30)
        status.update(code=r.status_code, error=r.json()["error"], elapsed=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    wait_until(lambda: httpx.get(served + "/health").json()["worker_pid"], timeout=10, what="the owner running")
    times: list[float] = []

    def lookup_answered() -> bool:  # a lookup answered while the runaway query runs; True once it is over
        started = time.monotonic()
        r = httpx.get(served + "/sparql", params={"query": LOOKUP}, headers={"Accept": "application/json"})
        times.append(time.monotonic() - started)
        assert r.status_code == 200 and r.json()["results"]["bindings"][0]["o"]["value"] == "http://example.org/n8"
        return not thread.is_alive()

    wait_until(lookup_answered, timeout=30, what="the runaway query ending", interval=0.05)
    thread.join()
    slowest = max(times)
    assert len(times) >= 5  # lookups went on while it ran
    assert status["code"] == 503 and status["error"] == "QueryTimeout"
    assert 2.0 <= float(status["elapsed"]) < 3.5  # type: ignore[arg-type]
    assert slowest < 1.0
    wait_until(lambda: httpx.get(served + "/health").json()["worker_pid"], timeout=10, what="the new owner")
    after = httpx.get(served + "/health").json()
    assert after["restarts"] == before["restarts"] + 1 and after["worker_pid"] != before["worker_pid"]
