# Millwork — every task is a target; `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv manages the environment from the committed uv.lock; if the machine has no uv, a private
# copy is installed from PyPI into .tools/ first.
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(CURDIR)/.tools/bin/uv
endif
RUN := $(UV) run --frozen
CORE := kernel catalog configurator pricing production_export sales

.PHONY: help install run test quick lint fmt types arch js unit fuzz bench bench-http clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(CURDIR)/.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(if $(findstring .tools,$(UV)),$(UV)) ## install the locked Python environment and the pages' npm packages
	$(UV) sync --frozen
	npm ci --no-audit --no-fund --loglevel=error

run: install ## seed the demo (its new accounts' passwords printed), start the app on http://127.0.0.1:8000
	mkdir -p var
	$(RUN) millwork demo
	$(RUN) millwork serve --host 127.0.0.1 --port 8000

test: install lint types arch js unit ## install, then lint, types, architecture and all tests

lint: ## ruff lint and format check
	$(RUN) ruff check .
	$(RUN) ruff format --check .

fmt: ## format and fix what ruff can
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

types: ## mypy --strict on the core and the edge
	$(RUN) mypy

arch: ## import-linter contracts (DESIGN.md §2)
	$(RUN) lint-imports

quick: install ## the tests without those marked slow or e2e (seconds, for the edit loop)
	$(RUN) pytest -q -p no:cacheprovider -m "not slow and not e2e"

js: ## the pages' pure JavaScript (undo, placement, dimensions, JSON Patch): node --test
	node --test tests/js/

# The tests run on every core (pytest-xdist, at most 4 workers; CI has 2), but for the journeys
# in Chromium: those run one after another on their own (each waits for a browser and a server
# of its own, as they were made for), their coverage added to the rest's. The figures:
# BENCHMARKS.md, "The test suite".
XDIST = -n auto --maxprocesses=4

unit: ## the test suite: branch coverage over all but the slow tests, then the slow ones
	$(RUN) pytest -q -p no:cacheprovider $(XDIST) -m "not slow and not e2e" --cov --cov-report=
	$(RUN) pytest -q -p no:cacheprovider -m "e2e and not slow" --cov --cov-append --cov-report=term --cov-fail-under=90
	$(RUN) pytest -q -p no:cacheprovider $(XDIST) -m slow

fuzz: install ## the long property runs: designs across every template's ranges, 800 each (minutes)
	HYPOTHESIS_PROFILE=stress $(RUN) pytest -q -p no:cacheprovider tests/services/test_catalog_designs.py -m slow

bench: install ## benchmarks (see BENCHMARKS.md)
	$(RUN) python -m bench
	$(RUN) python -m bench.cli
	$(RUN) python -m bench.nesting
	$(RUN) python -m bench.export
	$(RUN) python -m bench.sales

bench-http: install ## HTTP load on millwork serve: evaluate, then saves; 1 and 2 workers (about 4 min; DATABASE_URL)
	$(RUN) python -m bench.http --workers 1
	$(RUN) python -m bench.http --workers 2

clean: ## remove caches and the local environment
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage var node_modules
