"""Issue 2 acceptance: loading the bundled data into an on-disk store, reloading, IRIs, SHACL."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph_api.store import OxigraphStore, open_store
from graph_api.store.ingest import ingest
from loaders.read import DOCUMENT_SUFFIXES
from ontology.iris import Iris
from vankien.validate import validate_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
VANKIEN = [sys.executable, "-m", "vankien.cli"]
_FILES = [p for p in CORPUS.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(".")]
DOCUMENTS = sorted(p.name for p in _FILES)
GRAPHS = sorted(Iris().graph(p.name, p.parent.name) for p in _FILES)


def run(*args: str) -> str:
    done = subprocess.run([*VANKIEN, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def store_triples(spec: str) -> int:
    out = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv", "--store", spec)
    return int(out.splitlines()[1])


def test_load_twice_changes_nothing_and_stats_lists_one_graph_per_document(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    first = run("load", "data/", "--store", spec)
    assert f"documents loaded: {len(DOCUMENTS)}" in first
    count = store_triples(spec)
    second = run("load", "data/", "--store", spec)
    assert "documents loaded: 0" in second and f"unchanged: {len(DOCUMENTS)}" in second
    assert store_triples(spec) == count
    stats = run("stats", "--store", spec)
    graphs = set(re.findall(r"https://w3id\.org/vankien/graph/doc/[\w./%-]+", stats))
    assert sorted(graphs) == GRAPHS
    assert f"documents read: {len(DOCUMENTS)}" in stats


def test_iris_are_identical_across_two_fresh_stores(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        store = OxigraphStore(tmp_path / name)
        ingest([CORPUS], store, workers=2)
        buf = io.BytesIO()
        store.export(buf, format="nquads")
        store.close()
        dumps.append(sorted(buf.getvalue().decode().splitlines()))
    assert dumps[0] == dumps[1]
    assert any("/id/doc/tw/kl/2021/21>" in line for line in dumps[0])


def test_reloading_a_changed_document_replaces_its_graph(tmp_path: Path) -> None:
    src = (CORPUS / "dev" / "dev_06_binhduong.txt").read_text(encoding="utf-8")
    doc = tmp_path / "docs" / "notice.txt"
    doc.parent.mkdir()
    doc.write_text(src, encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    ingest([doc], store)
    graph = Iris().graph("notice.txt", "docs")
    before = store.triple_count(graph)
    doc.write_text(
        src.replace(
            "Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025 của Ủy ban Thường vụ Quốc hội",
            "Nghị quyết số 77/2025/UBTVQH15 ngày 14/4/2025 của Ủy ban Thường vụ Quốc hội",
        ),
        encoding="utf-8",
    )
    report = ingest([doc], store)
    assert report.documents == 1
    symbols = {
        r["s"].value
        for r in store.select(
            f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?d <http://data.europa.eu/eli/ontology#cites> ?c }} "
            "?c <http://data.europa.eu/eli/ontology#id_local> ?s }"
        )
    }
    assert "77/2025/UBTVQH15" in symbols and "76/2025/UBTVQH15" not in symbols
    assert abs(store.triple_count(graph) - before) < 5
    store.close()


def test_bundled_dataset_conforms_to_the_shapes(tmp_path: Path) -> None:
    store = open_store("memory:")
    ingest([CORPUS], store)
    conforms, report = validate_store(store)
    assert conforms, report


def test_shapes_reject_a_task_without_source_document() -> None:
    store = open_store("memory:")
    store.update("""PREFIX vk: <https://w3id.org/vankien/ontology#>
        INSERT DATA { GRAPH <http://example.org/g> {
          <http://example.org/t> a vk:Task ; vk:text "Giao Văn phòng Tỉnh ủy theo dõi."@vi ; vk:position 1 . } }""")
    conforms, report = validate_store(store)
    assert not conforms
    assert "http://example.org/t" in report


@pytest.mark.parametrize(
    "command", ["load", "extract", "query", "export", "stats", "validate", "serve", "trace", "analytics"]
)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command: str) -> None:
    out = run(command, "--help")
    assert "Example: vankien " + command in " ".join(out.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"vankien {command}" in readme


def test_bulk_load_writes_what_a_transactional_load_writes(tmp_path: Path) -> None:
    dumps = []
    for name, bulk in (("atomic", False), ("bulk", True)):
        store = OxigraphStore(tmp_path / name)
        report = ingest([CORPUS], store, workers=2, bulk=bulk)
        assert report.documents == len(DOCUMENTS) and not report.rejected
        buf = io.BytesIO()
        store.export(buf, format="nquads")
        store.close()
        dumps.append(sorted(buf.getvalue().decode().splitlines()))
    assert dumps[0] == dumps[1]


def test_a_bulk_load_that_replaces_and_adds_writes_what_transactions_write(tmp_path: Path) -> None:
    """A bulk load that replaces documents (already in the store, changed) in their own transactions and adds
    others through the bulk loader leaves the store a transactional load leaves."""
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS / "dev", folder / "dev")
    first = sorted((folder / "dev").iterdir())
    dumps = []
    for name, bulk in (("atomic", False), ("bulk", True)):
        store = OxigraphStore(tmp_path / name)
        ingest(first[:3], store, bulk=bulk)
        changed = first[1].read_text(encoding="utf-8")
        first[1].write_text(changed.replace("Tỉnh ủy", "Tỉnh uỷ", 1) + "\n", encoding="utf-8")
        report = ingest([folder], store, bulk=bulk, workers=2)
        first[1].write_text(changed, encoding="utf-8")
        assert (report.documents, report.unchanged, report.rejected) == (len(first) - 2, 2, [])
        buf = io.BytesIO()
        store.export(buf, format="nquads")
        store.close()
        dumps.append(sorted(buf.getvalue().decode().splitlines()))
    assert dumps[0] == dumps[1]
    assert sum(" <https://w3id.org/vankien/ontology#contentHash> " in line for line in dumps[1]) >= len(first)


def test_a_document_graph_without_its_content_hash_is_replaced_by_the_next_load(tmp_path: Path) -> None:
    """What a bulk load cut between a batch and its markers leaves: the next load replaces those graphs whole."""
    store = OxigraphStore(tmp_path / "store")
    ingest([CORPUS], store, bulk=True)
    full = store.triple_count()
    graph = GRAPHS[0]
    store.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ ?d <https://w3id.org/vankien/ontology#contentHash> ?h }} }}")
    store.update(f"""DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o WHERE {{
        GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT 40 }} }}""")  # and part of the document itself
    assert store.triple_count() == full - 41
    report = ingest([CORPUS], store, bulk=True)
    assert (report.documents, report.unchanged) == (1, len(DOCUMENTS) - 1)
    assert store.triple_count() == full
    store.close()
