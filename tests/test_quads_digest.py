"""Issue 15: the same quads for the bundled corpus through the store as out of the loaders.

Extraction changes under its own issues, so the expected quads are not pinned: they are what the loaders
themselves write for each file (``loaders.to_rdf.document_nquads``), plus the reference and ontology graphs.
Whatever route a load takes through the store — one transaction a batch, the bulk loader, replacing changed
graphs — the store must then hold exactly those quads: the same canonical N-Quads digest.

(At the commit before the restructuring of issue 15, the bundled corpus gave 38,528 quads with the digest
9694c908…deed98; the digest test below compares routes, not that figure, since extraction moves on. Issue 16's
lean store — evidence without copies of what is entailed, one node per subject, predicate and sentence, the
descriptions of cited documents, bodies, people, roles, projects and meetings once in graph/shared — took the
bundled corpus from 44,347 quads, digest 9ce6fe9f…c1c201, to 40,140, digest 495ba5b3…d7d68a: the documents'
graphs from 14,455 quads to 9,090 plus 1,158 shared.)
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pyoxigraph import Quad, RdfFormat, parse, serialize

from graph_api.store import OxigraphStore, nquads, open_store
from graph_api.store.ingest import collect, graph_of, ingest
from loaders import extract_file
from loaders.to_rdf import document_nquads
from ontology.iris import Iris
from ontology.reference import ontology_triples, reference_triples

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


def canonical(data: bytes) -> list[bytes]:
    """Every quad once, as a sorted list of N-Quads lines (the corpus has no blank nodes to relabel)."""
    quads = set(parse(data, format=RdfFormat.N_QUADS))
    assert not any(
        q.subject.__class__.__name__ == "BlankNode" or q.object.__class__.__name__ == "BlankNode" for q in quads
    )
    return sorted(serialize([q], format=RdfFormat.N_QUADS) for q in quads)


def digest(lines: list[bytes]) -> str:
    return hashlib.sha256(b"".join(lines)).hexdigest()


def stored(store) -> list[bytes]:
    out = io.BytesIO()
    store.export(out, format="nquads")
    return canonical(out.getvalue())


@pytest.fixture(scope="module")
def expected() -> list[bytes]:
    """The loaders' own N-Quads for every file of the corpus, with the reference graph (and its content-hash
    marker, computed as ingest does) and the ontology graph."""
    iris = Iris()
    files, problems = collect([CORPUS])
    assert files and not problems
    parts: list[bytes] = []
    for f in files:
        graph, body, marker = document_nquads(extract_file(f), iris, folder=f.parent.name)
        assert graph == graph_of(iris, f)
        parts += [body, marker]
    reference = reference_triples(iris)
    parts.append(nquads(reference, iris.reference_graph))
    parts.append(nquads(ontology_triples(), iris.ontology_graph))
    lines = canonical(b"".join(parts))
    marker_lines = [line for line in stored_reference(iris) if b"contentHash" in line]
    return sorted(set(lines + marker_lines))


def stored_reference(iris: Iris) -> list[bytes]:
    """The reference graph as ingest writes it (its content-hash marker included)."""
    with open_store("memory:") as store:
        ingest([], store, iris=iris)
        return stored(store)


def test_an_in_memory_load_holds_the_loaders_quads(expected: list[bytes]) -> None:
    with open_store("memory:") as store:
        report = ingest([CORPUS], store)
        assert not report.rejected
        assert digest(stored(store)) == digest(expected)


@pytest.mark.parametrize("bulk", [False, True], ids=["transactions", "bulk"])
def test_an_on_disk_load_holds_the_same_quads_by_either_route(
    tmp_path: Path, expected: list[bytes], bulk: bool
) -> None:
    with OxigraphStore(tmp_path / "store") as store:
        ingest([CORPUS], store, workers=2, bulk=bulk)
        assert digest(stored(store)) == digest(expected)


def test_reloading_unchanged_and_forced_changes_nothing(expected: list[bytes]) -> None:
    with open_store("memory:") as store:
        ingest([CORPUS], store)
        assert ingest([CORPUS], store).documents == 0
        forced = ingest([CORPUS], store, force=True)  # every graph replaced in its own transaction
        assert forced.documents > 0 and not forced.rejected
        assert digest(stored(store)) == digest(expected)


def test_the_digest_is_of_quads_not_of_their_order() -> None:
    a = b'<http://ex.org/s> <http://ex.org/p> "1" <http://ex.org/g> .\n'
    b = b'<http://ex.org/s> <http://ex.org/p> "2" <http://ex.org/g> .\n'
    assert digest(canonical(a + b)) == digest(canonical(b + a + a))
    assert isinstance(next(iter(parse(a, format=RdfFormat.N_QUADS))), Quad)
