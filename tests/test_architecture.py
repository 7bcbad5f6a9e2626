"""Issue 15: the layers hold (imports only downward), and the contract that says so really fails on an upward
import; modules stay small; no import is made through importlib; the tests wait on conditions and leave the
benchmarks alone."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "ontology", "loaders", "graph_api", "visualise", "vankien")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
SIZED = PACKAGES
MAX_LINES = 400


def _modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the packages and their contract, to break on purpose."""
    root = tmp_path_factory.mktemp("tree")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_layers_contract_holds() -> None:
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Contracts: 1 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("core/errors.py", "graph_api.store"),  # a leaf importing a layer
        ("ontology/iris.py", "loaders.vocab"),
        ("loaders/vocab.py", "graph_api.store.ingest"),  # loaders: text in, RDF out, no store
        ("graph_api/store/base.py", "graph_api.trace"),
        ("graph_api/resolver.py", "visualise.projections"),
        ("visualise/router.py", "graph_api.http.app"),  # the service mounts the views, never the reverse
        ("graph_api/http/rest.py", "vankien.cli"),
    ],
)
def test_the_contract_fails_on_an_upward_import(tree: Path, module: str, upward: str) -> None:
    path = tree / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + f"\nimport {upward}  # upward, on purpose\n", encoding="utf-8")
        done = _lint_imports(tree)
    finally:
        path.write_text(original, encoding="utf-8")
    assert done.returncode != 0, done.stdout[-2000:]
    assert "Broken contracts" in done.stdout and upward in done.stdout


def test_the_copied_tree_passes_unchanged(tree: Path) -> None:
    done = _lint_imports(tree)
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize("path", _modules(*SIZED), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by job"


@pytest.mark.parametrize("path", _modules(*SIZED), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_over_60_lines_without_a_reason(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            doc = ast.get_docstring(node) or ""
            assert length <= 60 or "Long:" in doc, (
                f"{path.relative_to(ROOT)}:{node.lineno} {node.name} has {length} lines: split it, or say why "
                "not in its docstring ('Long: …')"
            )


def test_no_import_through_importlib() -> None:
    for path in _modules(*PACKAGES):
        text = path.read_text(encoding="utf-8")
        assert "import_module(" not in text and "__import__(" not in text, f"{path.relative_to(ROOT)} imports by name"


def test_tests_wait_on_conditions_and_leave_the_benchmarks_alone() -> None:
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name in (Path(__file__).name, "waiting.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) bench\b", text, re.M), f"{path.name} imports bench"
        assert "time.sleep(" not in text, f"{path.name} sleeps: wait on a condition (tests/waiting.py)"
