"""Issue 16: the flow index beside the store — the analytics count what the trace counts (bundled data), the
index follows loads, replacements and deletions (through ``vankien``, the store and the Graph Store Protocol of
the service), and it builds from a remote store (Virtuoso) to what it holds over the embedded one."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from backends import free_port, virtuoso_server  # noqa: F401  (fixture)
from test_trace import LAI_CHAU_CONCLUSION, LAI_CHAU_PLAN
from waiting import answers, wait_until

from graph_api import trace as T
from graph_api.flow import FlowIndex, counts_by_province, coverage_matrix, flow_for, implementing_documents, overview
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest
from ontology.iris import Iris
from visualise.analytics import analytics_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
AS_OF = "2024-01-01"
KL21 = "https://w3id.org/vankien/id/doc/tw/kl/2021/21"
TOKEN = "flow-test-token"


def test_analytics_counts_equal_trace_counts_on_the_bundled_data(corpus_store) -> None:
    ix = flow_for(corpus_store)
    rows = overview(ix, as_of=AS_OF, top=None)
    assert len(rows) >= 50 and rows[0]["tasks"] >= 30
    for row in rows:
        trace = T.trace(corpus_store, row["iri"], as_of=AS_OF)
        states = [t["status"] for t in trace["tasks"]]
        assert (row["tasks"], row["documents"]) == (trace["total"], len(trace["documents"])), row["iri"]
        assert (row["open"], row["overdue"], row["ongoing"]) == tuple(
            states.count(s) for s in ("open", "overdue", "ongoing")
        ), row["iri"]
        provinces = {t["province"] for t in trace["tasks"]} | {d["province"] for d in trace["documents"]}
        assert row["provinces"] == len(provinces - {None}), row["iri"]
    matrix = coverage_matrix(ix, max_columns=10)
    for j, doc in enumerate(matrix["documents"]):
        per = {r["province"]: r["tasks"] for r in T.coverage(corpus_store, doc["iri"], as_of=AS_OF)["with_tasks"]}
        column = {p["label"]: row[j] for p, row in zip(matrix["provinces"], matrix["matrix"], strict=True) if row[j]}
        assert column == per, doc["iri"]
    report = analytics_report(corpus_store, today=dt.date.fromisoformat(AS_OF))
    assert [(d["iri"], d["tasks"]) for d in report["most_implemented"]] == [(d["iri"], d["tasks"]) for d in rows[:20]]
    relays = report["citation_network"]["relays"]
    assert relays and all(r["relay"] > 0 for r in relays)  # plans between local documents and central ones


def test_implementing_documents_and_counts_by_province(corpus_store) -> None:
    ix = flow_for(corpus_store)
    top = overview(ix, as_of=AS_OF, top=1)[0]
    docs = implementing_documents(ix, top["iri"])
    trace = T.trace(corpus_store, top["iri"], as_of=AS_OF)
    assert {d["iri"] for d in docs} == {d["iri"] for d in trace["documents"]}
    own = {d["iri"]: d["tasks"] for d in docs}
    for d in docs:  # a document's tasks carrying the target out, counted by lead body
        assert d["tasks"] == sum(1 for t in trace["tasks"] if t["document"]["iri"] == d["iri"]) == own[d["iri"]]
        assert sum(d["leads"].values()) <= d["tasks"]
    per = counts_by_province(ix, top["iri"], as_of=AS_OF)
    assert sum(r["tasks"] for r in per) == trace["total"]
    assert sum(r["documents"] for r in per) == len(trace["documents"])


def test_the_index_follows_load_replace_and_delete(tmp_path: Path) -> None:
    extra = tmp_path / "laichau"
    extra.mkdir()
    plan = extra / "lai_chau_plan.txt"
    store = OxigraphStore(tmp_path / "store")
    try:
        ingest([CORPUS], store)
        ix = flow_for(store)

        def counts() -> tuple[int, int, int]:
            row = next(r for r in overview(ix, as_of=AS_OF, top=None) if r["iri"] == KL21)
            trace = T.trace(store, "21-KL/TW", as_of=AS_OF)
            assert (row["tasks"], row["documents"]) == (trace["total"], len(trace["documents"]))
            return row["tasks"], row["documents"], row["provinces"]

        assert counts() == (1, 1, 1)
        plan.write_text(LAI_CHAU_PLAN, encoding="utf-8")
        (extra / "lai_chau_conclusion.txt").write_text(LAI_CHAU_CONCLUSION, encoding="utf-8")
        ingest([extra], store)  # the load indexes what it writes: no sync needed
        assert counts() == (4, 2, 2)
        second = "2. Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc chấp hành của các tổ chức đảng, thực hiện thường xuyên."
        assert second in LAI_CHAU_PLAN
        plan.write_text(LAI_CHAU_PLAN.replace(second, ""), encoding="utf-8")
        assert ingest([extra], store).documents == 1  # the plan replaced, with one task fewer
        assert counts() == (3, 2, 2)
        store.drop_graph(Iris().graph("lai_chau_plan.txt", "laichau"))  # behind the index's back
        assert ix.sync(store) == (0, 1)
        assert counts() == (1, 1, 1)  # the conclusion's task carries out a plan that no longer carries 21-KL/TW
    finally:
        store.close()


def test_a_graph_deleted_through_the_graph_store_protocol_leaves_the_counts(tmp_path: Path) -> None:
    extra = tmp_path / "laichau"
    extra.mkdir()
    (extra / "lai_chau_plan.txt").write_text(LAI_CHAU_PLAN, encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        ingest([CORPUS, extra], store)
    port = free_port()
    env = {**os.environ, "VANKIEN_FLOW_SYNC_SECONDS": "1", "VANKIEN_UPDATE_TOKEN": TOKEN}  # checked each second
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vankien.cli",
            "serve",
            "--store",
            f"oxigraph:{tmp_path / 'store'}",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: answers(base + "/health"), timeout=60, what="vankien serve answering /health")
        with httpx.Client(base_url=base, timeout=30) as client:
            before = client.get("/api/trace/21-KL/TW", params={"as_of": AS_OF}).json()
            assert before["total"] == 3 and len(before["documents"]) == 2
            graph = Iris().graph("lai_chau_plan.txt", "laichau")
            r = client.delete("/graph", params={"graph": graph}, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code in (200, 204), r.text

            def followed() -> bool:  # the store's files changed: the next check reads the store again
                after = client.get("/api/trace/21-KL/TW", params={"as_of": AS_OF}).json()
                return after["total"] == 1 and len(after["documents"]) == 1

            wait_until(followed, timeout=30, what="the trace following the deleted graph", interval=0.5)
            cov = client.get("/api/coverage/21-KL/TW", params={"as_of": AS_OF}).json()
            assert [r["province"] for r in cov["with_tasks"]] == ["Tuyên Quang"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_the_index_builds_from_virtuoso_as_from_the_embedded_store(
    virtuoso_server,  # noqa: F811
    corpus_store,
    tmp_path: Path,
) -> None:
    remote = virtuoso_server.store()
    try:
        for g in remote.named_graphs():
            remote.drop_graph(g)
        ingest([CORPUS], remote, search=False)  # written through SPARQL; the index reads it back the same way
        with FlowIndex(tmp_path / "flow.sqlite") as ix:
            indexed, removed = ix.sync(remote)
            local = flow_for(corpus_store)
            assert set(ix.graphs()) == set(local.graphs()) and (indexed, removed) == (len(local.graphs()), 0)
            keys = ("iri", "symbol", "documents", "tasks", "provinces", "open", "overdue", "ongoing")

            def counts(index: FlowIndex) -> list[tuple]:
                return [tuple(r[k] for k in keys) for r in overview(index, as_of=AS_OF, top=None)]

            assert counts(ix) == counts(local) and len(counts(ix)) >= 50
            remote_matrix, local_matrix = coverage_matrix(ix), coverage_matrix(local)
            assert remote_matrix["matrix"] == local_matrix["matrix"]
            assert remote_matrix["provinces"] == local_matrix["provinces"]
            assert ix.sync(remote) == (0, 0)  # in step: nothing read again
    finally:
        remote.close()
