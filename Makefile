# Minimal Makefile (lead: refine). `make test` is the README's test command and what .ci/run runs.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: test run install

$(PY):
	$(PYTHON) -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install -q -e '.[test]'

# Fails on a failed test, on no test collected (pytest exit 5) and on any skipped/xfailed test.
test: install
	mkdir -p test-artifacts
	$(PY) -m pytest -p no:cacheprovider -rA 2>&1 | tee test-artifacts/pytest.log
	python3 .ci/check-pytest-summary test-artifacts/pytest.log

run: install
	$(VENV)/bin/vankien load data/
	$(VENV)/bin/vankien serve
