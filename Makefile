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

PIP := $(PY) -m pip install -q --disable-pip-version-check
PORT ?= 8000

# Installs once: the stamps are newer than pyproject.toml until it changes, so later runs reuse .venv.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	@echo "installing vankien into $(VENV) (once)"
	$(PIP) --upgrade pip
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(PIP) -e '.[test]'
	@touch $@

install: $(VENV)/.installed-test

# Debian packages the tests start for real: chromium (page tests), virtuoso (remote store), fonts.
system:
	@if [ "$$(id -u)" = 0 ]; then bash .ci/install-system.sh; \
	else for c in chromium virtuoso-t; do command -v $$c >/dev/null || \
	  { echo "missing $$c: run 'sudo bash .ci/install-system.sh' first" >&2; exit 1; }; done; fi

# Loads the bundled documents into the on-disk store ($$VANKIEN_STORE, default ~/.local/share/vankien/store),
# then shows what is in it, traces 21-KL/TW down to provincial tasks and exports its network view.
# Then serves it: open http://127.0.0.1:$$PORT/ (Ctrl-C stops the service; a second run reinstalls nothing and
# skips the unchanged documents).
run: $(VENV)/.installed-run
	$(VANKIEN) load data/corpus --workers 0
	$(VANKIEN) stats
	$(VANKIEN) trace 21-KL/TW --limit 10
	@mkdir -p out
	$(VANKIEN) view flow 21-KL/TW -o out/flow-21-KL-TW.html
	@echo "vankien is serving at http://127.0.0.1:$(PORT)/ (query page, /sparql, /view, /search, /deadlines, /docs); Ctrl-C stops it"
	$(VANKIEN) serve --port $(PORT)

serve: $(VENV)/.installed-run
	$(VANKIEN) serve --port $(PORT)

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
