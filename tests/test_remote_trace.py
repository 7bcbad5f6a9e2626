"""The loaders and the trace against every backend: embedded oxigraph, `oxigraph serve`, Virtuoso."""

from __future__ import annotations

from pathlib import Path

import pytest

from backends import backend_store, oxigraph_server, virtuoso_server  # noqa: F401  (fixtures)
from graph_api import trace as T
from graph_api.store import GraphStore, open_store
from graph_api.store.ingest import collect, ingest
from ontology.iris import Iris
from core.errors import AmbiguousSymbol

ROOT = Path(__file__).resolve().parent.parent


def tasks(result: dict) -> list[tuple]:
    return [(t["task"], t["province"], t["status"], t["via"]) for t in result["tasks"]]


def test_load_reload_and_trace_on_each_backend(backend_store: GraphStore) -> None:  # noqa: F811
    corpus = ROOT / "data" / "corpus"
    files = len(collect([corpus])[0])
    first = ingest([corpus], backend_store)
    assert first.documents == files and not first.rejected
    graphs = set(backend_store.named_graphs())
    assert Iris().graph("001_cabc18aa64a2325b.txt", "seeds") in graphs
    count = backend_store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value
    again = ingest([corpus], backend_store)
    assert again.documents == 0 and again.unchanged == files
    forced = ingest([corpus / "seeds" / "001_cabc18aa64a2325b.txt"], backend_store, force=True)
    assert forced.documents == 1
    assert backend_store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value == count

    result = T.trace(backend_store, "21-KL/TW")
    assert "Tuyên Quang" in {t["province"] for t in result["tasks"]}
    assert any(d["symbol"] == "147-KH/TU" for d in result["documents"])
    with open_store("memory:") as embedded:  # every backend answers what the embedded store answers
        ingest([corpus], embedded)
        for symbol in ("21-KL/TW", "69-QĐ/TW"):
            assert tasks(T.trace(backend_store, symbol, as_of="2024-01-01")) == tasks(
                T.trace(embedded, symbol, as_of="2024-01-01")
            )
    with pytest.raises(AmbiguousSymbol):
        T.trace(backend_store, "18-NQ/TW")
