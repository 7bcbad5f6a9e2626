"""Saved query templates (graph_api.store.templates): the shipped trace, plans and serves queries, with their
parameter bound, are answered in the HTTP worker byte for byte as the store owner answers them; a variant that is
not the template (the anchor turned into a variable, one more unanchored pattern, another spelling) goes to the
owner, and a runaway variant is stopped at its limit there while the template is still answered."""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from pyoxigraph import RdfFormat, Store

from api_fixtures import BIG_GRAPH, TEST_SETTINGS, big_graph_ntriples, running, start_server
from graph_api.store import templates
from graph_api.store.shared_state import SharedState
from graph_api.store.templates import SHIPPED, Templates
from w3c_runner import free_port
from waiting import wait_until

VK = "https://w3id.org/vankien/"
ELI = "http://data.europa.eu/eli/ontology#"
ONT = "https://w3id.org/vankien/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FORMATS = ["application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"]
TRACE = (SHIPPED / "trace.rq").read_text(encoding="utf-8")
PLANS = (SHIPPED / "plans_carrying_out.rq").read_text(encoding="utf-8")
SERVES = (SHIPPED / "serves.rq").read_text(encoding="utf-8")
SLOT = re.compile(r"(VALUES \?\w+ \{ )(<[^>]*>|\"[^\"]*\")( \})")


def central(k: int) -> str:
    return f"{VK}id/doc/tw/kl/2020/{k}"


def bound(template: str, value: str) -> str:
    """A saved query with the term of its VALUES line replaced."""
    assert SLOT.search(template), template[:200]
    return SLOT.sub(lambda m: m[1] + value + m[3], template, count=1)


def trace_data() -> str:
    """N-Quads of three central documents carried out by provincial plans (one of them through another plan),
    with tasks, leads (one task led by two bodies: rows that tie on the trace's ORDER BY), deadlines and
    provinces; each provincial document in a graph of its own, the central ones in a reference graph."""
    ref = f"<{VK}graph/reference>"
    lines = []

    def quad(s: str, p: str, o: str, g: str) -> None:
        lines.append(f"<{s}> <{p}> {o} {g} .\n")

    for n in range(3):
        prov = f"{VK}id/province/p{n}"
        quad(prov, RDFS + "label", f'"Tỉnh {n}"@vi', ref)
        quad(f"{VK}id/body/b{n}", RDFS + "label", f'"Ban {n}"@vi', ref)
    for k in range(1, 4):
        quad(central(k), ELI + "id_local", f'"{k}-KL/TW"', ref)
        quad(central(k), ONT + "level", f"<{VK}id/level/central>", ref)
        for j in range(k + 1):
            doc, g = f"{VK}id/doc/p{j}/kh/2021/{k}{j}", f"<{VK}graph/doc/{k}{j}>"
            quad(doc, ELI + "implements", f"<{central(k)}>", g)
            quad(doc, ELI + "id_local", f'"{k}{j}-KH/TU"', g)
            quad(doc, ONT + "province", f"<{VK}id/province/p{j % 3}>", g)
            quad(central(k), ELI + "id_local", f'"{k}-KL/TW"', g)  # described again in the citing graph
            for t in range(3):
                task = f"{doc}/task/{t}"
                quad(task, TYPE, f"<{ONT}Task>", g)
                quad(task, ELI + "is_part_of", f"<{doc}>", g)
                quad(task, ONT + "text", f'"việc {k}.{j}.{t}"@vi', g)
                quad(task, ONT + "leadBody", f"<{VK}id/body/b{t % 3}>", g)
                if t == 1:
                    quad(task, ONT + "leadBody", f"<{VK}id/body/b{(t + 1) % 3}>", g)
                    quad(task, ONT + "deadline", '"2024-12-31"^^<http://www.w3.org/2001/XMLSchema#date>', g)
                if t == 0:
                    quad(task, ELI + "implements", f"<{central(k)}>", g)
        if k == 3:  # a plan carrying out the first plan of central 3
            plan, g = f"{VK}id/doc/p2/kh/2022/9", f"<{VK}graph/doc/9>"
            quad(plan, ELI + "implements", f"<{VK}id/doc/p0/kh/2021/30>", g)
            quad(plan, ELI + "id_local", '"9-KH/TU"', g)
            quad(plan, ONT + "province", f"<{VK}id/province/p2>", g)
            for t in range(2):
                quad(f"{plan}/task/{t}", TYPE, f"<{ONT}Task>", g)
                quad(f"{plan}/task/{t}", ELI + "is_part_of", f"<{plan}>", g)
                quad(f"{plan}/task/{t}", ONT + "text", f'"bước {t}"@vi', g)
    return "".join(lines)


def fill(path: Path) -> None:
    store = Store(str(path))
    store.load((trace_data() + big_graph_ntriples()).encode(), format=RdfFormat.N_QUADS)
    store.flush()
    del store


TRACES = [bound(TRACE, f"<{central(k)}>") for k in (1, 2, 3)] + [
    bound(TRACE, f"<{VK}id/doc/p0/kh/2021/30>"),  # a provincial plan, carried out by another
    bound(TRACE, "<http://example.org/nothing>"),  # no such document: no rows
]
OTHERS = [bound(PLANS, f"<{central(3)}>"), bound(PLANS, f"<{central(1)}>"), bound(SERVES, '"9-KH/TU"'),
          bound(SERVES, '"21-KH/TU"')]
NOT_TEMPLATES = [
    TRACE.replace("  VALUES ?target { <https://w3id.org/vankien/id/doc/tw/kl/2021/21> }\n", ""),  # unanchored
    bound(TRACE, f"<{central(2)}>").replace("\n}\nORDER BY", "\n  ?x ?y ?z .\n}\nORDER BY"),  # one more pattern
    bound(TRACE, f"<{central(2)}>").replace("SELECT DISTINCT", "select distinct"),
    bound(TRACE, f"<{central(2)}>").replace("PREFIX rdfs:", "PREFIX rdfs: <http://example.org/x#>\nPREFIX other:"),
]


def test_the_shipped_templates_are_read_and_only_their_parameter_may_change(tmp_path: Path) -> None:
    shipped = Templates()
    assert [t.name for t in shipped.items] == ["trace.rq", "plans_carrying_out.rq", "serves.rq"]
    fill(tmp_path / "s")
    store = Store.read_only(str(tmp_path / "s"))
    for query in TRACES:
        assert shipped.match(store, query) == "trace.rq", query[-300:]
    assert shipped.match(store, bound(TRACE, f"<{central(2)}>").replace("# the document itself", "# ")) == "trace.rq"
    assert [shipped.match(store, q) for q in OTHERS] == ["plans_carrying_out.rq"] * 2 + ["serves.rq"] * 2
    for query in NOT_TEMPLATES + [bound(TRACE, "?target"), bound(TRACE, "<relative>"), bound(SERVES, '"a"@vi')]:
        assert shipped.match(store, query) is None, query
    for other in ("coverage.rq", "deadlines.rq", "most_implemented.rq"):  # not anchored: never templates
        assert shipped.match(store, (SHIPPED / other).read_text(encoding="utf-8")) is None


def test_a_template_anchor_with_too_many_quads_pointing_at_it_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(tmp_path / "s")
    store = Store.read_only(str(tmp_path / "s"))
    query = bound(TRACE, f"<{central(3)}>")  # 4 plans and 4 tasks point at it
    assert Templates().match(store, query) == "trace.rq"
    monkeypatch.setattr(templates, "ANCHOR_CAP", 5)  # central 1: 2 plans, 2 tasks
    assert Templates().match(store, query) is None
    assert Templates().match(store, bound(TRACE, f"<{central(1)}>")) == "trace.rq"


def test_run_slots_let_no_more_than_n_templates_run_at_once(tmp_path: Path) -> None:
    owner = SharedState.create(str(tmp_path / "state"))
    workers = [SharedState.attach(str(tmp_path / "state")) for _ in range(2)]  # as two HTTP workers
    running, most, lock, release = [0], [0], threading.Lock(), threading.Event()

    def hold(state: SharedState) -> None:
        with state.slot(2):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            release.wait(30)
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=hold, args=(workers[i % 2],)) for i in range(5)]
    for thread in threads:
        thread.start()
    wait_until(lambda: running[0] == 2, timeout=10, what="two holders")
    with pytest.raises(BlockingIOError):
        owner.slot(2, wait=False).__enter__()
    release.set()
    for thread in threads:
        thread.join(30)
    assert most[0] == 2 and running[0] == 0 and not any(t.is_alive() for t in threads)
    with owner.slot(2):  # all free again
        pass


@pytest.fixture(scope="module")
def twin_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The same data served twice: templates and bounded queries in process, and every query by the owner."""
    folder = tmp_path_factory.mktemp("templates")
    fill(folder / "a")
    shutil.copytree(folder / "a", folder / "b")
    local = start_server(f"oxigraph:{folder / 'a'}", replace(TEST_SETTINGS, cache_bytes=0))
    owner = start_server(f"oxigraph:{folder / 'b'}", replace(TEST_SETTINGS, cache_bytes=0, local_reads=False))
    yield local.url, owner.url
    local.stop()
    owner.stop()


@pytest.mark.parametrize("accept", FORMATS)
def test_a_template_answered_in_the_worker_equals_the_owners(twin_servers: tuple[str, str], accept: str) -> None:
    local, owner = twin_servers
    before = httpx.get(local + "/health").json()["local_reads"]
    rows = []
    for query in TRACES + OTHERS + NOT_TEMPLATES[:1] + NOT_TEMPLATES[2:]:
        a = httpx.get(local + "/sparql", params={"query": query}, headers={"Accept": accept})
        b = httpx.get(owner + "/sparql", params={"query": query}, headers={"Accept": accept})
        assert a.status_code == b.status_code == 200, (query, a.text, b.text)
        assert a.headers["content-type"] == b.headers["content-type"]
        assert a.content == b.content, query
        rows.append(a.content.count(b"task/"))
    after = httpx.get(local + "/health").json()["local_reads"]
    assert after["templates"] - before["templates"] == len(TRACES) + len(OTHERS)
    assert after["from_plan_texts"] - before["from_plan_texts"] == len(TRACES)  # the trace from its plan text
    assert after["handed_on"] - before["handed_on"] == len(NOT_TEMPLATES) - 1
    assert rows[0] > 0 and rows[2] > rows[0] and rows[4] == 0  # the traces are not empty, and differ


def test_the_trace_template_gives_the_expected_tasks(twin_servers: tuple[str, str]) -> None:
    local, _ = twin_servers
    got = httpx.get(local + "/sparql", params={"query": TRACES[2]}, headers={"Accept": "application/json"}).json()
    tasks = {b["task"]["value"].removeprefix(VK + "id/doc/") for b in got["results"]["bindings"]}
    direct = {f"p{j}/kh/2021/3{j}/task/0" for j in range(4)}  # the tasks that name central 3
    of_plans = {f"p{j}/kh/2021/3{j}/task/{t}" for j in range(4) for t in range(3)}  # the tasks of its plans
    assert tasks == direct | of_plans | {"p2/kh/2022/9/task/0", "p2/kh/2022/9/task/1"}  # and of the plan's plan


RUNAWAY = bound(TRACE, f"<{central(2)}>").replace(
    "\n}\nORDER BY", f"\n  GRAPH <{BIG_GRAPH}> {{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }}\n}}\nORDER BY"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`vankien serve` as shipped (Granian, two workers, one store host), a 2 s query limit, no result cache."""
    folder = tmp_path_factory.mktemp("served-templates")
    fill(folder / "store")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "VANKIEN_WORKERS": "2", "VANKIEN_QUERY_TIMEOUT": "2", "VANKIEN_CACHE_BYTES": "0"}
    cmd = [str(Path(sys.executable).parent / "vankien"), "serve", "--store", f"oxigraph:{folder / 'store'}",
           "--port", str(port)]
    with running(cmd, url, folder / "server.log", env):
        yield url


def test_a_runaway_variant_of_a_template_is_stopped_while_the_template_is_answered(served: str) -> None:
    assert RUNAWAY.count("?a ?p ?b") == 1 and RUNAWAY.rstrip().endswith("?task")
    assert Templates().match(Store(), RUNAWAY) is None
    before = httpx.get(served + "/health").json()
    status: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        r = httpx.get(served + "/sparql", params={"query": RUNAWAY}, headers={"Accept": "application/json"}, timeout=30)
        status.update(code=r.status_code, error=r.json()["error"], elapsed=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    wait_until(lambda: httpx.get(served + "/health").json()["worker_pid"], timeout=10, what="the owner running")
    answered: list[int] = []

    def trace_answered() -> bool:  # the template answered while the runaway variant runs; True once it is over
        r = httpx.get(served + "/sparql", params={"query": TRACES[1]}, headers={"Accept": "application/json"})
        assert r.status_code == 200
        answered.append(len(r.json()["results"]["bindings"]))
        return not thread.is_alive()

    wait_until(trace_answered, timeout=30, what="the runaway variant ending", interval=0.05)
    thread.join()
    assert len(answered) >= 5 and min(answered) == max(answered) > 0
    assert status["code"] == 503 and status["error"] == "QueryTimeout"
    assert 2.0 <= float(status["elapsed"]) < 3.5  # type: ignore[arg-type]
    after = httpx.get(served + "/health").json()
    assert after["restarts"] == before["restarts"] + 1
