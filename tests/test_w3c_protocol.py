"""The W3C SPARQL 1.1 Protocol test suite (``tests/w3c/protocol/manifest.ttl``, as the table
``tests/w3c/protocol_cases.py``) against a real ``vankien serve``; see :mod:`w3c_runner`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from w3c.protocol_cases import CASES
from w3c_runner import check_case, record, vankien_serve

OUTCOMES: dict[str, dict] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with vankien_serve(tmp_path_factory.mktemp("w3c-protocol")) as url:
        yield url
    record("protocol", OUTCOMES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_w3c_protocol(server: str, case: dict) -> None:
    check_case(server, case, OUTCOMES)
