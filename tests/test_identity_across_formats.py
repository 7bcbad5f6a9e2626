"""The same document as .txt and .pdf (or any two formats) is one node: loading the second copy replaces
the first, never duplicates it, and a trace counts its tasks once."""

from __future__ import annotations

import shutil
from pathlib import Path

from render_formats import render

from graph_api.store import open_store
from graph_api.store.ingest import ingest
from loaders import extract_source
from loaders.read import read
from loaders.to_rdf import document_iri
from ontology.iris import Iris

VK = "https://w3id.org/vankien/ontology#"
CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def _copies(tmp_path: Path, name: str, kind: str) -> tuple[Path, Path, str]:
    original = CORPUS / name
    source = read(original)
    doc = extract_source(source)
    suffix, data = render(kind, source.text, doc)
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    shutil.copy(original, tmp_path / "first" / original.name)
    (tmp_path / "second" / f"copy{suffix}").write_bytes(data)
    return tmp_path / "first", tmp_path / "second", document_iri(Iris(), doc)


def _count(store, sparql: str) -> int:
    return int(store.select(sparql)[0]["n"].value)


def test_a_second_copy_in_another_format_replaces_the_first(tmp_path: Path) -> None:
    first, second, iri = _copies(tmp_path, "dev2/dev2_04_danang.md", "pdf")  # unnumbered: identity by its words
    store = open_store("memory:")
    tasks_once = None
    for folder, replaced in ((first, 0), (second, 1)):
        report = ingest([folder], store)
        assert (report.documents, report.copies_replaced) == (1, replaced)
        graphs = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{iri}> <{VK}contentHash> ?h }} }}")
        assert [r["g"].value.rsplit("/", 1)[-1] for r in graphs] == [("dev2_04_danang.md", "copy.pdf")[replaced]]
        tasks = _count(store, f"SELECT (COUNT(?t) AS ?n) WHERE {{ GRAPH ?g {{ ?t a <{VK}Task> }} }}")
        tasks_once = tasks_once or tasks
        assert tasks == tasks_once > 0  # counted once, not twice


def test_numbered_document_read_from_word_and_text_is_one_node(tmp_path: Path) -> None:
    first, second, iri = _copies(tmp_path, "dev2/dev2_07_daklak.txt", "docx")
    store = open_store("memory:")
    ingest([first], store)
    assert ingest([second], store).copies_replaced == 1
    assert _count(store, f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}") == 1
