"""The CI guard (.ci/check-pytest-summary) on the output of real pytest runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = Path(__file__).resolve().parent.parent / ".ci" / "check-pytest-summary"

CASES = {
    "passing": ("def test_ok():\n    assert 1 + 1 == 2\n", 0, 0),
    "skipped": (
        "import pytest\n\ndef test_ok():\n    pass\n\n@pytest.mark.skip(reason='later')\ndef test_later():\n    pass\n",
        0,
        1,
    ),
    "xfailed": ("import pytest\n\n@pytest.mark.xfail\ndef test_broken():\n    assert False\n", 0, 1),
    "failing": ("def test_bad():\n    assert 1 == 2\n", 1, 1),
    "nothing": ("X = 1\n", 5, 1),
}


def run_guard(log: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GUARD), str(log)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("quiet", [False, True])
def test_guard_on_real_pytest_output(case: str, quiet: bool, tmp_path: Path) -> None:
    source, pytest_status, guard_status = CASES[case]
    (tmp_path / "test_case.py").write_text(source)
    args = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "test_case.py"] + (["-q"] if quiet else [])
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}  # plugins only slow the start here
    run = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == pytest_status, run.stdout
    log = tmp_path / "pytest.log"
    log.write_text(run.stdout + run.stderr)
    guard = run_guard(log)
    assert guard.returncode == guard_status, guard.stdout + guard.stderr


def test_guard_needs_a_summary(tmp_path: Path) -> None:
    log = tmp_path / "empty.log"
    log.write_text("make: *** [test] Error 2\n")
    guard = run_guard(log)
    assert guard.returncode == 1 and "no pytest summary" in guard.stderr


def test_guard_checks_every_run_of_a_log(tmp_path: Path) -> None:
    log = tmp_path / "two.log"
    log.write_text("===== 10 passed in 1.00s =====\n===== 3 passed, 1 skipped in 0.50s =====\n")
    assert run_guard(log).returncode == 1
    log.write_text("===== 10 passed in 1.00s =====\n===== 3 passed, 2 warnings in 0.50s (0:00:00) =====\n")
    assert run_guard(log).returncode == 0
