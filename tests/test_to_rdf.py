"""The loader's fast path (``document_nquads``) writes exactly the quads of ``document_graph``."""

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse, serialize

from loaders import extract_file, extract_source
from loaders.rdf_terms import Graph, Lit, Placement
from loaders.read import from_text
from loaders.to_rdf import document_graph, document_nquads
from ontology import VK
from ontology.iris import Iris

CORPUS = sorted(p for p in Path("data/corpus").rglob("*") if p.suffix in {".txt", ".md"})
TRICKY = [
    'Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 "về tiếp tục" \\ đẩy mạnh.\r\nGiao Sở Nội vụ\tchủ trì.',
    "Kế hoạch số 147-KH/TU ngày 9-8-2019 của Tỉnh ủy.\n\n1. Ban Tuyên giáo Tỉnh ủy quán triệt Nghị quyết 11-NQ/TW.",
]


def _quads(data: bytes) -> set:
    return set(parse(data, format=RdfFormat.N_QUADS))


def _same(doc, folder=None) -> None:
    iris = Iris()
    graph, quads = document_graph(doc, iris, folder=folder)
    graph2, body, marker = document_nquads(doc, iris, folder=folder)
    assert graph2 == graph
    assert _quads(body + marker) == _quads(serialize(quads, format=RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} <= {graph, iris.shared_graph}
    assert {q.predicate.value for q in _quads(marker)} == {VK.contentHash}
    assert VK.contentHash.encode() not in body


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_bundled_documents_same_quads(path):
    _same(extract_file(path), folder=path.parent.name)


@pytest.mark.parametrize("text", TRICKY)
def test_quotes_backslashes_and_line_breaks_survive(text):
    _same(extract_source(from_text(text, name="tricky.txt")))


@pytest.mark.parametrize(
    "obj, expected",
    [
        (Lit('a "b" \\ c\nd\re'), '"a \\"b\\" \\\\ c\\nd\\re"'),
        (Lit("x", "vi"), '"x"@vi'),
        (
            Lit("2021", None, "http://www.w3.org/2001/XMLSchema#gYear"),
            '"2021"^^<http://www.w3.org/2001/XMLSchema#gYear>',
        ),
        ("http://ex.org/o", "<http://ex.org/o>"),
    ],
)
def test_terms_written_as_n_triples(obj, expected):
    g = Graph()
    g.add("http://ex.org/s", "http://ex.org/p", obj)
    body, _ = g.nquads("http://ex.org/g", apart=VK.contentHash)
    assert body.decode() == f"<http://ex.org/s> <http://ex.org/p> {expected} <http://ex.org/g> .\n"


@pytest.mark.parametrize("bad", ["http://ex.org/a b", "http://ex.org/<x>", "no-scheme", "http://ex.org/%zz"])
def test_invalid_iri_refused_before_the_store_sees_it(bad):
    g = Graph()
    g.add(bad, "http://ex.org/p", Lit("x"))
    with pytest.raises(ValueError):
        g.nquads("http://ex.org/g", apart=VK.contentHash)
    with pytest.raises(ValueError):
        g.quads(Placement("http://ex.org/g"))


def test_repeats_and_empty_values_skipped():
    g = Graph()
    for o in (Lit("x"), Lit("x"), None, ""):
        g.add("http://ex.org/s", "http://ex.org/p", o)
    assert len(g.rows) == 1
