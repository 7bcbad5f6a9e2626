"""Load documents into a store: extraction on every core, one writer, one transaction per
document (its named graph is replaced whole), resumable (unchanged files are skipped).

>>> from graph_api.store import open_store
>>> store = open_store("memory:")
>>> report = ingest(["data/corpus/dev/dev_05_thuathienhue.txt"], store)
>>> report.documents, report.rejected
(1, [])
>>> ingest(["data/corpus/dev/dev_05_thuathienhue.txt"], store).unchanged
1
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple, parse

from core.errors import InputError, VankienError
from core.formats import RDF_FORMATS, serialise
from graph_api.store.base import GraphStore, nquads
from loaders import extract_file
from loaders.rdf_terms import Parts, Quad4
from loaders.read import DOCUMENT_SUFFIXES
from loaders.to_rdf import document_parts
from ontology import VK
from ontology.iris import Iris
from ontology.reference import ontology_triples, reference_triples

__all__ = ["ingest", "IngestReport", "collect", "graph_of", "load_reference", "known_graphs", "stored_hashes", "nquads"]

BATCH_TRIPLES = 50_000  # new documents are written in transactions of about this many triples
BULK_BATCH_TRIPLES = 500_000  # or, with bulk=True, handed to the bulk loader in batches of about this many
COMPACT_AFTER = 1_000  # documents loaded in one run after which the store is compacted


@dataclass
class IngestReport:
    """What a load did."""

    documents: int = 0  # loaded or replaced
    unchanged: int = 0  # skipped: same content already in the store
    triples: int = 0  # triples written
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)
    copies_replaced: int = 0  # graphs of the same document read from another file (another format), dropped
    seconds: float = 0.0


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Document files under the given files and folders (recursively, symlink loops ignored),
    and the paths that cannot be read."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen_dirs: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=True):
                real = Path(root).resolve()
                if real in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs.sort()
                for name in sorted(names):
                    f = Path(root) / name
                    if f.suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith("."):
                        files.append(f)
        else:
            problems.append((str(path), "no such file or folder"))
    return files, problems


Extracted = tuple[str, str, Parts | None, str | None, str | None]


def _extract_nq(path: str, base: str) -> Extracted:
    """Worker: (path, graph, what is written of the document's graph, error, its text) — runs in a child process.
    The parts (``loaders.rdf_terms.Parts``) keep the content-hash marker apart, so that a bulk load can commit it
    last, and the shared graph's rows apart, and give the rows as tuples, so that the one writer parses nothing."""
    iris = Iris(base)
    graph = graph_of(iris, Path(path))
    try:
        doc = extract_file(path)
        _, parts = document_parts(doc, iris, folder=Path(path).parent.name)
        return path, graph, parts, None, doc.text  # the text as read: for the search index
    except InputError as e:
        return path, graph, None, e.reason, None
    except (VankienError, ValueError, KeyError, IndexError, RecursionError, MemoryError) as e:
        return path, graph, None, f"cannot extract ({e.__class__.__name__}: {e})", None


def graph_of(iris: Iris, path: Path) -> str:
    """The named graph of a file: its folder's name and its own."""
    return iris.graph(path.name, path.parent.name)


def stored_hashes(store: GraphStore) -> dict[str, str]:
    """Content hash of every document graph in the store."""
    rows = store.select(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?d <{VK.contentHash}> ?h }} }}")
    return {r["g"].value: r["h"].value for r in rows if "g" in r and "h" in r}


def known_graphs(store: GraphStore) -> dict[str, str]:
    """Every named graph of the store and its content hash; "" for a graph without one (e.g. cut by a bulk
    load between a batch and its markers), which a load therefore replaces whole."""
    known = stored_hashes(store)
    for g in store.named_graphs():
        known.setdefault(g, "")
    return known


def load_reference(store: GraphStore, iris: Iris, *, known: dict[str, str] | None = None) -> int:
    """(Re)load the reference graph and the ontology when their data changed; returns triples written."""
    triples = reference_triples(iris)
    digest = hashlib.sha256(serialise(triples, "ntriples")).hexdigest()
    known = known_graphs(store) if known is None else known
    if known.get(iris.reference_graph) == digest:
        return 0
    marker = Triple(NamedNode(iris.reference_graph), NamedNode(VK.contentHash), Literal(digest))
    onto = ontology_triples()
    for graph, content in ((iris.reference_graph, triples + [marker]), (iris.ontology_graph, onto)):
        if graph in known:
            store.replace_graph(graph, content)
        else:  # a new store: parsed by the store itself, much faster than an update
            store.add_nquads(nquads(content, graph))
    return len(triples) + len(onto)


def _run(files: list[Path], base: str, workers: int) -> Iterator[Extracted]:
    if workers <= 1 or len(files) < 4:
        for f in files:
            yield _extract_nq(str(f), base)
        return
    if multiprocessing.get_start_method() == "fork":
        _warm(base)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_nq, [str(f) for f in files], [base] * len(files), chunksize=8)


def _warm(base: str) -> None:
    """Build once, before the workers are forked from this process, what each would otherwise build for itself: the
    stages' patterns, the vocabulary and the rows of the reference graph."""
    import loaders.resolve  # noqa: F401 - the stages, their patterns compiled on import
    from loaders.to_rdf import reference_rows
    from loaders.vocab import vocabulary

    vocabulary()
    reference_rows(base)


def ingest(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    workers: int = 1,
    iris: Iris | None = None,
    force: bool = False,
    bulk: bool = False,
    progress: bool | Callable[[int, int], None] = False,
    search: bool = True,
) -> IngestReport:
    """Load document files and folders into ``store``; bad files are reported, never fatal.

    New documents are written in batches, each one transaction. With ``bulk=True`` (an on-disk store)
    they go through the store's bulk loader instead, about 2.5 times faster to write but not atomic: a
    load killed mid-batch can leave documents partly written. Each batch's content-hash markers are
    committed after its documents, and a document found without its marker is replaced whole by the
    next load, so re-running the load repairs the store. With ``search`` (the default) the full-text index
    beside the store (:mod:`graph_api.search`) follows the load: each document written is indexed with its text."""
    started = time.perf_counter()
    iris = iris or Iris()
    report = IngestReport()
    files, report.rejected = collect(paths)
    known = known_graphs(store)
    report.triples += load_reference(store, iris, known=known)
    indexer = _indexer(store) if search else None
    flow = _flow(store) if search else None
    todo = _plan(files, iris, known, force, report)
    tick = _progress(progress, len(todo))
    writer = _Writer(store, known, bulk, iris.shared_graph)
    for n, (path, graph, parts, error, text) in enumerate(_run(todo, iris.base, workers), 1):
        if error or parts is None:
            report.rejected.append((path, error or "cannot extract"))
        else:
            report.triples += writer.write(graph, parts)
            if indexer is not None or flow is not None:
                _index(graph, parts.quads, text, indexer, flow)
            report.documents += 1
        tick(n)
    writer.flush()
    report.copies_replaced = drop_older_copies(store, writer.written)
    tick(None)
    if indexer is not None:
        indexer.finish()  # graphs not written, or gone, reconciled with the store
        indexer.close()
    if flow is not None:
        flow.finish()
    if report.documents >= COMPACT_AFTER and hasattr(store, "optimize"):
        store.optimize()  # a large load leaves many small files behind: compact them
    report.seconds = time.perf_counter() - started
    return report


def _plan(files: list[Path], iris: Iris, known: dict[str, str], force: bool, report: IngestReport) -> list[Path]:
    """The files to extract: not rejected (name not UTF-8, same graph as another file of this load, unreadable)
    and not unchanged since the last load (unless ``force``)."""
    todo: list[Path] = []
    claimed: dict[str, Path] = {}
    for f in files:
        try:
            f.name.encode("utf-8")
        except UnicodeEncodeError:
            name = str(f).encode("utf-8", "backslashreplace").decode()
            report.rejected.append((name, "the file name is not valid UTF-8: rename the file"))
            continue
        graph = graph_of(iris, f)
        if graph in claimed:  # "a/x/doc.txt" and "b/x/doc.txt" in one load: never replace one with the other
            report.rejected.append(
                (str(f), f"same folder and file name as {claimed[graph]}, loaded in this run: rename one of them")
            )
            continue
        claimed[graph] = f
        if not force and graph in known:
            try:
                digest = hashlib.sha256(f.read_bytes()).hexdigest()
            except OSError as e:
                report.rejected.append((str(f), f"cannot read ({e.strerror})"))
                continue
            if known[graph] == digest:
                report.unchanged += 1
                continue
        todo.append(f)
    return todo


class _Writer:
    """The one writer of a load: new documents in batches (one transaction each, or the bulk loader), their
    content-hash markers committed with or after them; a changed document replaced in its own transaction. The
    rows of the shared graph a document carries (what it cites, names…) are added, each once, before it: never
    replaced nor removed with a document's graph."""

    def __init__(self, store: GraphStore, known: dict[str, str], bulk: bool, shared: str) -> None:
        self.store, self.known, self.bulk = store, known, bulk
        self.shared_tail = f" <{shared}> .\n".encode()
        self.shared: dict[bytes, None] = {}  # shared rows of the batch not yet written, as N-Triples
        self.shared_seen: set[bytes] = set()  # shared rows written by this load
        self.batch: list[bytes] = []  # N-Quads of new documents, written together
        self.markers: list[bytes] = []  # their content-hash markers
        self.size = 0
        self.pending: set[str] = set()  # graphs in the batch
        self.written: list[str] = []  # every graph written by this load, in order

    def write(self, graph: str, parts: Parts) -> int:
        """Write (or batch) one document's graph; returns its number of quads."""
        nq, marker, seen = parts.own, parts.marker, len(self.shared_seen)
        for row in parts.shared:  # the shared rows not yet written by this load, kept for the next flush
            if row not in self.shared_seen:
                self.shared_seen.add(row)
                self.shared[row] = None
        count = nq.count(b"\n") + marker.count(b"\n") + len(self.shared_seen) - seen  # one quad a line
        if graph in self.known or graph in self.pending:
            self.flush()
            quads = parse(nq + marker, format=RDF_FORMATS["nquads"])
            self.store.replace_graph(graph, [Triple(q.subject, q.predicate, q.object) for q in quads])
        else:
            self.batch.append(nq)
            self.markers.append(marker)
            self.pending.add(graph)
            self.size += count
            if self.size >= (BULK_BATCH_TRIPLES if self.bulk else BATCH_TRIPLES):
                self.flush()
        self.known[graph] = ""
        self.written.append(graph)
        return count

    def flush(self) -> None:
        if self.shared:  # added (never replaced), before the documents that refer to them
            graph = self.shared_tail[2:-4].decode()
            self.store.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{b''.join(self.shared).decode()}}} }}")
            self.shared = {}
        batch, markers = self.batch, self.markers
        self.batch, self.markers, self.size = [], [], 0
        self.pending.clear()
        if batch and self.bulk:  # our own N-Quads, every IRI checked when written: no need to check again
            data = b"".join(batch)
            batch.clear()  # one copy of the batch in memory while the store reads it
            self.store.add_nquads(data, bulk=True, trusted=True)
            del data
            self.store.add_nquads(b"".join(markers), trusted=True)  # only once the documents are written
        elif batch:
            self.store.add_nquads(b"".join(batch + markers), trusted=True)


def drop_older_copies(store: GraphStore, written: list[str]) -> int:
    """One document read from two files (the same words as .txt and .pdf, say) is one node: the graph this
    load wrote last holds it, and any other graph describing the same source document is dropped. Returns
    the number of graphs dropped.

    >>> from graph_api.store import open_store
    >>> store = open_store("memory:")
    >>> ingest(["data/corpus/seeds/000_27a812bc416371fc.txt"], store).copies_replaced
    0
    """
    if not written:
        return 0
    order = {g: n for n, g in enumerate(written)}
    rows = store.select(f"SELECT ?d ?g WHERE {{ GRAPH ?g {{ ?d <{VK.contentHash}> ?h }} }}")
    graphs_of: dict[str, list[str]] = {}
    for r in rows:
        if "d" in r and "g" in r:
            graphs_of.setdefault(r["d"].value, []).append(r["g"].value)
    dropped = 0
    for graphs in graphs_of.values():
        if len(graphs) < 2 or not any(g in order for g in graphs):
            continue
        keep = max((g for g in graphs if g in order), key=order.__getitem__)
        for g in graphs:
            if g != keep:
                store.drop_graph(g)
                dropped += 1
    return dropped


def _indexer(store: GraphStore):  # noqa: ANN202 - a graph_api.search.hook.IngestIndexer, imported late
    """The search side of a load, brought in step with the store (its reference graph first)."""
    from graph_api.search.hook import IngestIndexer

    indexer = IngestIndexer(store)
    indexer.start()
    return indexer


def _index(graph: str, quads: list[Quad4], text: str | None, indexer, flow) -> None:  # noqa: ANN001 - the hooks
    """Hand one document's quads (its content-hash marker last) to the search and flow hooks (each writes them in
    batches)."""
    if indexer is not None:
        indexer.add(graph, [q[:3] for q in quads], text)
    if flow is not None:
        flow.add(graph, quads)


def _progress(progress, total: int) -> Callable[[int | None], None]:
    if callable(progress):
        return lambda n: progress(n, total) if n is not None else None
    if not progress or total == 0:
        return lambda n: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("loading", total=total)
    bar.start()

    def tick(n: int | None) -> None:
        if n is None:
            bar.stop()
        else:
            bar.update(task, completed=n)

    return tick


def _flow(store: GraphStore):  # noqa: ANN202 - a graph_api.flow.hook.IngestFlow, imported late
    """The flow-index side of a load (:mod:`graph_api.flow`), brought in step with the store."""
    from graph_api.flow.hook import IngestFlow

    return IngestFlow(store)
