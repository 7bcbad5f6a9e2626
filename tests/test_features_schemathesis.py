"""Issue 17: Schemathesis over the OpenAPI schema of search and deadlines, with every check (no 5xx, responses
and problem documents as the schema states, valid requests accepted, invalid ones refused)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from api_fixtures import run_schemathesis, start_server
from graph_api.http.settings import Settings
from graph_api.store import open_store
from graph_api.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory):
    spec = f"oxigraph:{tmp_path_factory.mktemp('st') / 'store'}"
    with open_store(spec) as store:
        ingest([ROOT / "tests" / "fixtures" / "deadlines", ROOT / "data" / "corpus" / "seeds"], store)
    server = start_server(spec, Settings())
    yield server.url
    server.stop()


def test_search_and_deadlines_pass_every_check(url, tmp_path) -> None:
    generated, passed, out = run_schemathesis(
        url,
        tmp_path,
        "--checks",
        "all",
        "--include-path-regex",
        "^/api/(search|deadlines)",
        max_examples=30,
        timeout=600,
    )
    assert generated >= 100 and generated == passed, out[-2000:]
