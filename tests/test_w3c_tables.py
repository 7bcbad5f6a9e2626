"""The W3C case tables (``tests/w3c/*_cases.py``) say what the vendored manifests say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

W3C = Path(__file__).resolve().parent / "w3c"


def test_tables_match_the_manifests() -> None:
    p = subprocess.run([sys.executable, str(W3C / "generate.py"), "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr + " — run tests/w3c/generate.py"


def test_every_manifest_entry_has_a_case() -> None:
    from w3c.graph_store_cases import CASES as GSP
    from w3c.protocol_cases import CASES as PROTOCOL

    assert len(PROTOCOL) == 34 and len({c["id"] for c in PROTOCOL}) == 34
    assert len(GSP) == 13 and {c["id"] for c in GSP} >= {"post_get_new_graph", "put_get_default"}


def test_the_licence_is_kept() -> None:
    assert "W3C" in (W3C / "LICENSE").read_text(encoding="latin-1")
    assert (W3C / "LICENSE.md").exists()
