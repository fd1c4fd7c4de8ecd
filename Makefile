# Quick start: `make demo` (set up and run on the embedded graph), `make test` (set up and run every test).
# The tool lives in its own venv (.venv), so its top-level modules (graph, visualise, cli) clash with nothing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
LINT   := tools/cypher-lint/node_modules/.installed

.PHONY: demo test install install-test lint-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)
install-test: $(TSTAMP)

# Neo4j's own Cypher front end, used by the test that lints every statement we send.
lint-deps:
	@if [ -f tools/cypher-lint/package.json ]; then \
		if command -v npm >/dev/null; then npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error; \
		else echo "npm not found: the Cypher lint tests will skip (fail under CI=true): install Node.js and npm" >&2; fi; fi
	@if [ -f tools/axe/package.json ] && command -v npm >/dev/null; then \
		npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error; fi

demo: $(STAMP)
	$(BIN)/lcg validate --data seed_data
	$(BIN)/lcg stats --data seed_data
	$(BIN)/lcg show university-of-wolverhampton --data seed_data
	$(BIN)/lcg search "learning city" --data seed_data --limit 10
	$(BIN)/lcg collaborators university-of-wolverhampton --data seed_data --limit 5 --format csv
	$(BIN)/lcg path wolverhampton cork --data seed_data

test: $(TSTAMP) lint-deps
	$(BIN)/python -m pytest

# Every benchmark; figures go to bench/RESULTS.md by hand, with the machine and the date.
bench: $(TSTAMP)
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) build *.egg-info tools/cypher-lint/node_modules tools/axe/node_modules
