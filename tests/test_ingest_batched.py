"""Issue 16 (ingest speed): a load writes the search and flow indexes in batches of documents (one transaction
each) instead of one transaction a document. Whatever the route — one document a load, a transactional load, the
bulk loader with two workers, batches cut mid-corpus — the store, the search index and the flow index must hold
the same rows, row for row and in the same order where the order is kept (the search index's row ids: a load one
document at a time leaves gaps, where the shared graph was indexed again after each load, but the same order)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from graph_api.flow import hook as flow_hook
from graph_api.flow.index import flow_path
from graph_api.search import hook as search_hook
from graph_api.search.index import index_path
from graph_api.store import OxigraphStore
from graph_api.store.ingest import collect, ingest

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
FLOW_TABLES = ("types", "facts", "labels", "links", "tasks", "bodies", "quotes", "graphs", "docinfo", "docnames")
AGGREGATES = ("agg_impl", "agg_roots", "agg_prov", "agg_links", "agg_reach", "agg_tasks", "agg_count")


def contents(store: OxigraphStore) -> dict[str, object]:
    """Every quad of the store, every row of its search index and of its flow index (with the aggregates)."""
    buf = io.BytesIO()
    store.export(buf, format="nquads")
    out: dict[str, object] = {"quads": sorted(buf.getvalue().decode().splitlines())}
    search_file, flow_file = index_path(store), flow_path(store)
    assert search_file is not None and flow_file is not None
    with sqlite3.connect(search_file) as db:
        out["search entries"] = db.execute(
            "SELECT e.symbol, e.title, e.body, e.kind, e.iri, e.graph, e.document, o.symbol, o.title, o.body, "
            "o.extra FROM entries e JOIN originals o ON o.id = e.rowid ORDER BY e.rowid"
        ).fetchall()
        for table in ("graphs", "labels", "texts"):
            out[f"search {table}"] = sorted(db.execute(f"SELECT * FROM {table}").fetchall())
    with sqlite3.connect(flow_file) as db:
        for table in FLOW_TABLES:  # the rows of the graphs in the order written; the descriptions kept per document
            order = "rowid" if table not in ("docinfo", "docnames") else "1, 2, 3" if table == "docinfo" else "1, 2"
            out[f"flow {table}"] = db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        for table in AGGREGATES:
            out[f"flow {table}"] = sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    return out


@pytest.fixture(scope="module")
def one_at_a_time(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The per-document path: each file of the bundled corpus loaded on its own, in the order a load takes them."""
    files, problems = collect([CORPUS])
    assert len(files) > 20 and not problems
    store = OxigraphStore(tmp_path_factory.mktemp("one") / "store")
    for f in files:
        report = ingest([f], store)
        assert report.documents == 1 and not report.rejected, f
    out = contents(store)
    store.close()
    return out


@pytest.mark.parametrize("bulk, workers, batch", [(True, 2, 3), (False, 1, 500), (True, 1, 7)])
def test_a_load_writes_what_one_document_at_a_time_writes(
    tmp_path: Path,
    one_at_a_time: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    bulk: bool,
    workers: int,
    batch: int,
) -> None:
    monkeypatch.setattr(search_hook, "BATCH", batch)
    monkeypatch.setattr(flow_hook, "BATCH", batch)
    store = OxigraphStore(tmp_path / "store")
    report = ingest([CORPUS], store, workers=workers, bulk=bulk)
    assert report.documents == len(collect([CORPUS])[0]) and not report.rejected
    got = contents(store)
    store.close()
    assert got.keys() == one_at_a_time.keys()
    for key, rows in one_at_a_time.items():
        assert rows, key  # every table holds something: an empty table would prove nothing
        assert got[key] == rows, key


def test_a_lead_named_by_an_earlier_document_of_the_same_batch_is_named(tmp_path: Path) -> None:
    """A task's lead that its own graph does not label takes the label an earlier document gave it, as when each
    document is written on its own, also when both are in one batch not yet written."""
    from graph_api.search.index import SearchIndex

    lead = "http://example.org/body/x"
    index = SearchIndex(tmp_path / "s.sqlite")
    indexer = search_hook.IngestIndexer(None, index=index)
    org, task, doc = "http://www.w3.org/ns/org#Organization", "https://w3id.org/vankien/ontology#Task", "http://ex/d"
    rdf_type, pref = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2004/02/skos/core#prefLabel"
    indexer.add("http://ex/g1", [(lead, rdf_type, org), (lead, pref, "Ban Tuyên giáo")])
    indexer.add(
        "http://ex/g2",
        [
            ("http://ex/t", rdf_type, task),
            ("http://ex/t", "https://w3id.org/vankien/ontology#leadBody", lead),
            ("http://ex/t", "https://w3id.org/vankien/ontology#text", "Giao Ban Tuyên giáo chủ trì."),
            ("http://ex/t", "http://data.europa.eu/eli/ontology#is_part_of", doc),
        ],
    )
    assert index.graphs() == {}  # both still pending
    indexer.flush()
    hit = index.search("chu tri", kind="task").hits[0]
    assert (hit.iri, hit.title) == ("http://ex/t", "Ban Tuyên giáo")
    index.close()
