"""Issue 16: the trace looks its target up in the flow index (each document's description kept per change) when
the index is in step with the store, and finds what the store gives: on the bundled data for every central
document, and after a load, a replacement and a deletion that change a central document's description."""

from __future__ import annotations

from pathlib import Path

from test_trace import LAI_CHAU_PLAN

from core.errors import AmbiguousSymbol
from graph_api import trace as T
from graph_api.flow import flow_for
from graph_api.flow import read as R
from graph_api.resolver import describe, find_documents, resolve_targets
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest
from ontology.iris import Iris

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
KL21 = "https://w3id.org/vankien/id/doc/tw/kl/2021/21"
KL01 = "https://w3id.org/vankien/id/doc/tw/kl/2021/01"
NQ52 = "https://w3id.org/vankien/id/doc/tw/nq/2019/52"


def central_documents(store) -> list[str]:
    ix = flow_for(store)
    return sorted(r[0] for r in ix.db.execute("SELECT root FROM agg_roots WHERE root LIKE '%/id/doc/%'"))


def targets(store, ref: str, index) -> list[dict] | tuple[str, list]:
    try:
        return resolve_targets(store, ref, index=index)
    except AmbiguousSymbol as e:
        return "ambiguous", e.candidates


def same_lookups(store, docs: list[str]) -> dict[str, dict[str, str]]:
    """Each document looked up in the index and in the store gives the same description, by IRI and by symbol."""
    ix = flow_for(store)
    from_store = describe(store, docs)
    assert describe(store, docs, index=ix) == from_store
    for d in docs:
        assert find_documents(store, d, index=ix) == find_documents(store, d), d
        symbol = from_store[d].get("symbol")
        if symbol:
            assert targets(store, symbol, ix) == targets(store, symbol, None), symbol
    return from_store


def test_every_central_document_is_described_as_the_store_describes_it(corpus_store) -> None:
    roots = central_documents(corpus_store)
    assert len(roots) >= 100
    info = same_lookups(corpus_store, roots)
    assert sum(bool(i.get("title")) for i in info.values()) >= len(roots) * 0.7
    assert all(i.get("symbol") and i.get("kind") for i in info.values())
    # graphs disagree on 01-KL/TW's title: the reference graph's wins, whichever graph the store lists last
    ix = flow_for(corpus_store)
    titles = {v for (v,) in ix.db.execute("SELECT DISTINCT value FROM facts WHERE s = ? AND field = 'title'", (KL01,))}
    reference = [
        v
        for (v,) in ix.db.execute(
            "SELECT value FROM facts WHERE s = ? AND field = 'title' AND graph LIKE ?", (KL01, "%/graph/reference")
        )
    ]
    assert len(titles) >= 2 and len(reference) == 1
    assert info[KL01]["title"] == reference[0]


def test_the_trace_shows_the_target_as_the_store_describes_it(corpus_store) -> None:
    for ref in ("21-KL/TW", "57-NQ/TW", KL01):
        result = T.trace(corpus_store, ref, limit=1)
        assert result["targets"] == find_documents(corpus_store, ref) == result["targets"]
        assert result["targets"][0]["symbol"] and result["targets"][0]["year"]


def test_a_replaced_and_a_deleted_document_change_the_description_alike(tmp_path: Path) -> None:
    extra = tmp_path / "laichau"
    extra.mkdir()
    plan = extra / "lai_chau_plan.txt"
    store = OxigraphStore(tmp_path / "store")
    try:
        ingest([CORPUS], store)
        roots = central_documents(store)
        before = same_lookups(store, roots)
        # the plan carries out 52-NQ/TW, cited with a title that sorts before the one the corpus gives it
        nq52 = "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về Cách mạng công nghiệp lần thứ tư"
        text = LAI_CHAU_PLAN.replace("Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng", nq52, 1)
        plan.write_text(text, encoding="utf-8")
        ingest([extra], store)
        loaded = same_lookups(store, roots)
        assert {d for d in roots if loaded[d] != before[d]} == {NQ52}
        assert (before[NQ52]["title"], loaded[NQ52]["title"]) == (
            "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
            "về Cách mạng công nghiệp lần thứ tư",
        )
        ix = flow_for(store)
        plan_iri = next(iter(R.documents_named(ix, "05-KH/TU")))
        assert same_lookups(store, [plan_iri])[plan_iri]["title"].startswith("thực hiện Nghị quyết số 52-NQ/TW")
        plan.write_text(text.replace("thực hiện Nghị quyết", "triển khai thực hiện Nghị quyết", 1), encoding="utf-8")
        assert ingest([extra], store).documents == 1  # the plan replaced: its own title changes
        assert same_lookups(store, [plan_iri])[plan_iri]["title"].startswith("triển khai thực hiện")
        assert same_lookups(store, roots) == loaded
        store.drop_graph(Iris().graph("lai_chau_plan.txt", "laichau"))
        assert ix.sync(store) == (0, 1)
        assert same_lookups(store, [plan_iri]) == {plan_iri: {}}
        assert find_documents(store, "05-KH/TU", index=ix) == find_documents(store, "05-KH/TU") == []
        assert same_lookups(store, roots) == loaded  # the shared graph keeps what the plan said of 52-NQ/TW
    finally:
        store.close()
