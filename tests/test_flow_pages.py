"""Issue 16: a page of a central document's trace is read from the flow index's kept rows (one range scan), and
equals the slice of the whole trace, order included — on the bundled data, and after a load, a replacement and
a deletion, which bring the kept rows in step per change to what a rebuild in full gives. A page lists the
documents its tasks belong to or come through (the page ending the trace adds those no task comes through), and
counts the whole trace's tasks, documents and provinces."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from test_trace import LAI_CHAU_CONCLUSION, LAI_CHAU_PLAN
from test_trace_api import service  # noqa: F401  (fixture: `vankien serve` over the bundled data)

from graph_api import trace as T
from graph_api.flow import FlowIndex, flow_for, overview
from graph_api.flow import maintain as M
from graph_api.flow import pages as P
from graph_api.flow import targets as F
from graph_api.flow import totals as K
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest
from ontology.iris import Iris

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
AS_OF = "2024-01-01"
KL21 = "https://w3id.org/vankien/id/doc/tw/kl/2021/21"


def same_as_computed(ix: FlowIndex, iri: str) -> None:
    """The kept rows answer ``iri``'s trace, and give what computing its flow gives, in the same order."""
    assert P.root_of(ix, [iri]) == iri
    kept = F.target_tasks(ix, iri, as_of=AS_OF)
    assert kept == F.target_tasks(ix, iri, as_of=AS_OF, kept=False), iri
    plans, labels = F.documents_of(ix, iri)
    plans_c, labels_c = F.documents_of(ix, iri, kept=False)
    assert list(plans.items()) == list(plans_c.items()) and labels == labels_c, iri
    for limit, offset in ((1, 0), (3, 2), (5, kept["total"] - 1)):
        page = F.target_tasks(ix, iri, as_of=AS_OF, limit=limit, offset=max(offset, 0))
        assert page == F.target_tasks(ix, iri, as_of=AS_OF, limit=limit, offset=max(offset, 0), kept=False)


def documents_of_tasks(whole: dict, tasks: list[dict], ends: bool) -> list[dict]:
    """The whole trace's documents that ``tasks`` belong to or come through (with the documents of their chains),
    and on the page that ends the trace those no task of it comes through, in the whole trace's order."""
    by_iri = {d["iri"]: d for d in whole["documents"]}

    def touched(ts: list[dict]) -> set[str]:
        out: set[str] = set()
        for t in ts:
            for iri in [t["document"]["iri"], *(c["iri"] for c in t["chain"])]:
                if iri in by_iri:
                    out |= {iri, *(c["iri"] for c in by_iri[iri]["chain"][:-1])}  # the last: the target
        return out

    mine = touched(tasks) | (set(by_iri) - touched(whole["tasks"]) if ends else set())
    return [d for d in whole["documents"] if d["iri"] in mine]


def whole_counts(whole: dict) -> tuple[int, int, int]:
    provinces = {t["province"] for t in whole["tasks"]} | {d["province"] for d in whole["documents"]}
    return len(whole["tasks"]), len(whole["documents"]), len(provinces - {None})


def totals(page: dict) -> tuple[int, int, int]:
    return page["total"], page["documents_total"], page["provinces_total"]


def pages_are_slices(store, ref: str, limit: int) -> dict:
    """Every page of ``ref``'s trace (by offset, and by the keyset cursor) is the slice of its whole trace, with
    the documents of its tasks and the whole trace's totals."""
    whole = T.trace(store, ref, as_of=AS_OF)
    assert totals(whole) == whole_counts(whole) and whole["next"] is None
    for offset in range(0, whole["total"] + 1, limit):
        page = T.trace(store, ref, as_of=AS_OF, limit=limit, offset=offset)
        assert page["tasks"] == whole["tasks"][offset : offset + limit], (ref, offset)
        ends = offset + limit >= whole["total"]
        assert page["documents"] == documents_of_tasks(whole, page["tasks"], ends), (ref, offset)
        assert totals(page) == totals(whole) and page["next"] == (None if ends else page["tasks"][-1]["task"])
    walked: list[dict] = []
    listed: set[str] = set()
    after = None
    while True:
        page = T.trace(store, ref, as_of=AS_OF, limit=limit, after=after)
        walked += page["tasks"]
        listed |= {d["iri"] for d in page["documents"]}
        assert page["documents"] == documents_of_tasks(whole, page["tasks"], page["next"] is None)
        if page["next"] is None:
            break
        after = page["next"]
    assert walked == whole["tasks"] and listed == {d["iri"] for d in whole["documents"]}
    return whole


def test_the_kept_rows_give_the_computed_trace_of_every_central_document(corpus_store) -> None:
    ix = flow_for(corpus_store)
    rows = overview(ix, as_of=AS_OF, top=None)
    assert len(rows) >= 50
    for row in rows:
        same_as_computed(ix, row["iri"])
        kept = P.kept_of(ix, [row["iri"]])
        assert kept is not None and kept.roots == (row["iri"],)
        page, more = P.page(ix, kept, limit=2)
        assert P.totals(ix, kept) == (row["tasks"], row["documents"], row["provinces"])
        assert len(page) == min(2, row["tasks"]) and more == (row["tasks"] > 2)


@pytest.mark.parametrize(
    ("ref", "limit", "counts", "without_tasks"),
    [  # the whole trace's (tasks, documents, provinces); its documents no task comes through
        ("57-NQ/TW", 7, (35, 3, 1), 1),  # the most carried out
        ("57-NQ/TW", 35, (35, 3, 1), 1),  # one page, the whole trace
        ("45-NQ/TW", 4, (21, 4, 1), 1),
        ("35-CT/TW", 3, (20, 3, 1), 2),  # a symbol of two years: asked with its year below
        ("40-CT/TW", 1, (2, 5, 1), 5),  # more documents than tasks, none of them with a task
        ("03/NQ-CP", 10, (35, 1, 1), 0),
        ("21-KL/TW", 1, (1, 1, 1), 1),  # its task goes direct, from a document not carrying it out
    ],
)
def test_a_page_is_the_slice_of_the_whole_trace_order_included(
    corpus_store, ref: str, limit: int, counts: tuple, without_tasks: int
) -> None:
    year = {"35-CT/TW": 2019, "40-CT/TW": 2014}.get(ref)
    store = corpus_store
    whole = T.trace(store, ref, year=year, as_of=AS_OF)
    assert totals(whole) == whole_counts(whole) == counts
    assert len(documents_of_tasks(whole, [], True)) == without_tasks  # listed by the page ending the trace
    if year is None:
        pages_are_slices(store, ref, limit)
    else:
        iri = whole["target"]["iri"]
        assert T.trace(store, iri, as_of=AS_OF) == {**whole, "target": T.trace(store, iri)["target"]}
        pages_are_slices(store, iri, limit)


def aggregates(ix: FlowIndex) -> dict[str, list[tuple]]:
    def key(row: tuple) -> list[tuple[bool, str]]:
        return [(v is None, str(v)) for v in row]

    return {t: sorted(ix.db.execute(f"SELECT * FROM {t}"), key=key) for t in (*M.AGGREGATES, *K.TABLES)}


def kept_per_change(ix: FlowIndex) -> None:
    """The aggregates were brought in step per change, to what a rebuild in full gives."""
    assert P.root_of(ix, [KL21]) == KL21 and M.BUILD["full"] == 0.0
    per_change = aggregates(ix)
    assert M.refresh(ix, full=True)
    assert aggregates(ix) == per_change


def test_pages_follow_a_load_a_replacement_and_a_deletion(tmp_path: Path) -> None:
    extra = tmp_path / "laichau"
    extra.mkdir()
    plan = extra / "lai_chau_plan.txt"
    store = OxigraphStore(tmp_path / "store")
    try:
        ingest([CORPUS], store)
        ix = flow_for(store)
        assert M.refresh(ix, full=True)

        def check(total: int, documents: int) -> None:
            kept_per_change(ix)
            same_as_computed(ix, KL21)
            whole = pages_are_slices(store, "21-KL/TW", 1)
            assert (whole["total"], len(whole["documents"])) == (total, documents)

        plan.write_text(LAI_CHAU_PLAN, encoding="utf-8")
        (extra / "lai_chau_conclusion.txt").write_text(LAI_CHAU_CONCLUSION, encoding="utf-8")
        ingest([extra], store)
        check(4, 2)
        second = "2. Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc chấp hành của các tổ chức đảng, thực hiện thường xuyên."
        plan.write_text(LAI_CHAU_PLAN.replace(second, ""), encoding="utf-8")
        assert ingest([extra], store).documents == 1  # the plan replaced, with one task fewer
        check(3, 2)
        store.drop_graph(Iris().graph("lai_chau_plan.txt", "laichau"))
        assert ix.sync(store) == (0, 1)
        check(1, 1)
        for row in overview(ix, as_of=AS_OF, top=None):
            same_as_computed(ix, row["iri"])
    finally:
        store.close()


def test_a_non_central_target_is_computed(corpus_store) -> None:
    ix = flow_for(corpus_store)
    plan = next(d for d in F.documents_of(ix, KL21)[0])  # a provincial plan carrying 21-KL/TW out
    assert P.root_of(ix, [plan]) is None
    assert F.target_tasks(ix, plan, as_of=AS_OF) == F.target_tasks(ix, plan, as_of=AS_OF, kept=False)


def test_the_service_pages_by_offset_and_by_cursor(service: str) -> None:  # noqa: F811
    whole = httpx.get(service + "/api/trace/57-NQ/TW", params={"as_of": AS_OF}, timeout=30).json()
    assert whole["total"] == len(whole["tasks"]) >= 20
    by_offset, by_cursor, after = [], [], None
    for offset in range(0, whole["total"], 10):
        params = {"as_of": AS_OF, "limit": 10, "offset": offset}
        by_offset += httpx.get(service + "/api/trace/57-NQ/TW", params=params, timeout=30).json()["tasks"]
    while True:
        params = {"as_of": AS_OF, "limit": 10, **({"after": after} if after else {})}
        page = httpx.get(service + "/api/trace/57-NQ/TW", params=params, timeout=30).json()
        assert totals(page) == totals(whole) == whole_counts(whole)
        assert page["documents"] == documents_of_tasks(whole, page["tasks"], page["next"] is None)
        by_cursor += page["tasks"]
        if page["next"] is None:
            break
        after = page["next"]
    assert by_offset == by_cursor == whole["tasks"]


def test_a_trace_waiting_for_a_rebuild_in_full_computes_its_flow(corpus_store) -> None:
    ix = flow_for(corpus_store)
    top = overview(ix, as_of=AS_OF, top=1)[0]["iri"]
    kept = F.target_tasks(ix, top, as_of=AS_OF, limit=5, offset=3)
    ix.db.execute("UPDATE meta SET value = '0:0' WHERE key = 'agg_generation'")  # aggregates of another version
    try:
        assert P.root_of(ix, [top]) is None  # a trace does not wait for the rebuild in full
        assert F.target_tasks(ix, top, as_of=AS_OF, limit=5, offset=3) == kept
    finally:
        assert M.refresh(ix) and M.BUILD["full"] == 1.0
    assert P.root_of(ix, [top]) == top
