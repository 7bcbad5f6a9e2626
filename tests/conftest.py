"""Fixtures shared by test modules: the bundled corpus ingested once per module into an in-memory store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_api.store import open_store
from graph_api.store.ingest import ingest

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


@pytest.fixture(scope="module")
def corpus_store() -> Iterator:
    """The bundled corpus (``data/corpus``) in a memory store; a module may override it with its own."""
    store = open_store("memory:")
    assert not ingest([CORPUS], store).rejected
    yield store
    store.close()
