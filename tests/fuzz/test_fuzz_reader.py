"""A bounded fuzz run (atheris, ~20 s) of the reader and the extraction: no crash, no hang."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("fuzz_reader.py")


def test_bounded_fuzz_run_finds_no_crash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted((ROOT / "data" / "corpus" / "dev").glob("*.txt")):
        shutil.copy(f, corpus / f.name)
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    p = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "-max_total_time=20",
            "-max_len=8192",
            "-timeout=10",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={artifacts}/",
            "-print_final_stats=1",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    log = p.stderr
    findings = sorted(a.name for a in artifacts.iterdir())
    assert p.returncode == 0 and not findings, f"findings {findings}:\n{log[-4000:]}"
    runs = int(log.split("stat::number_of_executed_units:")[1].split()[0])
    assert runs > 200, log[-2000:]  # it really ran
    assert "cov: " in log and "DONE" in log
