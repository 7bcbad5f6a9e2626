"""The public API of vankien: read a document, load documents into a store, trace a document down to tasks.

>>> from vankien import extract, load, open_store, trace
>>> doc = extract("data/corpus/seeds/001_cabc18aa64a2325b.txt")
>>> any(c.symbol == "69-QĐ/TW" for c in doc.citations)
True
>>> with open_store("memory:") as store:
...     report = load(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
...     result = trace(store, "69-QĐ/TW")
>>> report.documents, report.rejected
(1, [])
>>> result["total"] > 0, result["tasks"][0]["province"]
(True, 'Tuyên Quang')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph_api import trace as tracing
from graph_api.store import GraphStore, open_store

if TYPE_CHECKING:
    from graph_api.store.ingest import IngestReport
    from loaders.model import Document

__all__ = ["extract", "load", "open_store", "trace"]

# ``extract`` and ``load`` import the loaders and the ingest when called, so that ``import vankien`` stays light.


def extract(path: str | Path) -> Document:
    """Read and extract one document file (``.txt .md .html .docx .pdf``), without a store; ``InputError`` names
    the file and the reason when it cannot be read."""
    from loaders import extract_file

    return extract_file(path)


def load(paths: Iterable[str | Path], store: GraphStore, **options: Any) -> IngestReport:
    """Load document files and folders into ``store``, each into its own named graph (unchanged files skipped);
    ``options`` are those of :func:`graph_api.store.ingest.ingest` (``workers``, ``force``, ``bulk``…)."""
    from graph_api.store.ingest import ingest

    return ingest(paths, store, **options)


def trace(store: GraphStore, symbol: str, **options: Any) -> dict[str, Any]:
    """Every task that carries out the document ``symbol`` (or IRI), directly or through provincial plans;
    ``options`` are those of :func:`graph_api.trace.trace` (``year``, ``province``, ``as_of``, ``limit``…)."""
    return tracing.trace(store, symbol, **options)
