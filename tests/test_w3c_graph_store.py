"""The W3C SPARQL 1.1 Graph Store HTTP Protocol test suite (``tests/w3c/graph-store-protocol/``, as the table
``tests/w3c/graph_store_cases.py``) against a real ``vankien serve``; see :mod:`w3c_runner`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from w3c.graph_store_cases import CASES
from w3c_runner import check_case, record, vankien_serve

OUTCOMES: dict[str, dict] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with vankien_serve(tmp_path_factory.mktemp("w3c-graph-store")) as url:
        yield url
    record("graph_store", OUTCOMES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_w3c_graph_store(server: str, case: dict) -> None:
    check_case(server, case, OUTCOMES)
