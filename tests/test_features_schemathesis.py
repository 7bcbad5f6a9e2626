"""Issue 17: Schemathesis over the OpenAPI schema of search and deadlines, with every check (no 5xx, responses
and problem documents as the schema states, valid requests accepted, invalid ones refused)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from api_fixtures import start_server
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
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            url + "/openapi.json",
            "--checks",
            "all",
            "--include-path-regex",
            "^/api/(search|deadlines)",
            "--max-examples",
            "30",
            "--seed",
            "1",
            "--request-timeout",
            "20",
            "--suppress-health-check",
            "filter_too_much",
            "--generation-database",
            "none",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", proc.stdout)
    assert counts and int(counts[1]) >= 100 and counts[1] == counts[2], proc.stdout[-2000:]
