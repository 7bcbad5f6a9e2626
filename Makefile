# The README's two commands: `make run` (the main job on the bundled data, embedded store) and
# `make test` (the whole test suite; .ci/run runs exactly this).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VANKIEN := $(VENV)/bin/vankien

.PHONY: run serve test check install system bench

$(PY):
	$(PYTHON) -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'

# Debian packages the tests start for real: chromium (page tests), virtuoso (remote store), fonts.
system:
	@if [ "$$(id -u)" = 0 ]; then bash .ci/install-system.sh; \
	else for c in chromium virtuoso-t; do command -v $$c >/dev/null || \
	  { echo "missing $$c: run 'sudo bash .ci/install-system.sh' first" >&2; exit 1; }; done; fi

# Loads the bundled documents into the on-disk store ($$VANKIEN_STORE, default ~/.local/share/vankien/store),
# then shows what is in it, traces 21-KL/TW down to provincial tasks and exports its network view.
run: install
	$(VANKIEN) load data/corpus --workers 0
	$(VANKIEN) stats
	$(VANKIEN) trace 21-KL/TW
	mkdir -p out
	$(VANKIEN) view flow 21-KL/TW -o out/flow-21-KL-TW.html
	@echo "Next: '$(VANKIEN) serve' and open http://127.0.0.1:8000/ (query page, /sparql, /view, /docs)"

serve: install
	$(VANKIEN) serve

# The habits (docs/ARCHITECTURE.md): lint, format, types, and the layers contract (imports only downward).
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Fails on a failed check, a failed test, on no test collected (pytest exit 5) and on any skipped/xfailed test.
test: system install check
	mkdir -p test-artifacts
	$(PY) -m pytest -p no:cacheprovider -rA -n 2 2>&1 | tee test-artifacts/pytest.log
	python3 .ci/check-pytest-summary test-artifacts/pytest.log

bench: install
	$(PY) -m bench.bench_ingest --n 1000
	$(PY) -m bench.bench_sparql --n 1000
	$(PY) -m bench.bench_queries --n 1000
