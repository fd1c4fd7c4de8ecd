# Quick start: `make demo` (set up and run on the embedded graph), `make test` (set up and run every test).
# The tool lives in its own venv (.venv), so its top-level modules (graph, visualise, cli) clash with nothing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
LINT   := tools/cypher-lint/node_modules/.installed
# setuptools warns on every editable install that a folder named like a module may shadow it: here the
# root folders ARE the modules (the design card's layout), so the notice is noise in `make demo`.
PIP    := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test install install-test lint-deps bench clean

$(BIN)/python:
	@echo "Setting up $(VENV) (first run only, a minute or two)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	@$(PIP) -e .
	@touch $@

$(TSTAMP): $(STAMP)
	@$(PIP) -e '.[test]'
	@touch $@

install: $(STAMP)
install-test: $(TSTAMP)

# Neo4j's own Cypher front end, used by the test that lints every statement we send.
lint-deps:
	@if [ -f tools/cypher-lint/package.json ]; then \
		if command -v npm >/dev/null; then npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error; \
		else echo "npm not found: the Cypher lint tests will skip (fail under CI=true): install Node.js and npm" >&2; fi; fi
	@if [ -f tools/axe/package.json ] && command -v npm >/dev/null; then \
		npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error; fi

# Each answer under a one-line heading: the question it answers, then the command that answers it.
demo: $(STAMP)
	@echo; echo "== Is the data sound? (lcg validate --data seed_data)"
	@$(BIN)/lcg validate --data seed_data
	@echo; echo "== What is in the graph? (lcg stats)"
	@$(BIN)/lcg stats --data seed_data
	@echo; echo "== What do we know about the University of Wolverhampton? (lcg show university-of-wolverhampton)"
	@$(BIN)/lcg show university-of-wolverhampton --data seed_data
	@echo; echo "== Which nodes are about 'learning city'? (lcg search \"learning city\" --limit 10)"
	@$(BIN)/lcg search "learning city" --data seed_data --limit 10
	@echo; echo "== Who works most closely with the University? (lcg collaborators university-of-wolverhampton --limit 5)"
	@$(BIN)/lcg collaborators university-of-wolverhampton --data seed_data --limit 5
	@echo; echo "== Who holds the partnership together? (lcg brokers --limit 5)"
	@$(BIN)/lcg brokers --data seed_data --limit 5
	@echo; echo "== How is Wolverhampton connected to Cork? (lcg path wolverhampton cork)"
	@$(BIN)/lcg path wolverhampton cork --data seed_data

test: $(TSTAMP) lint-deps
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# Every benchmark; figures go to bench/RESULTS.md by hand, with the machine and the date.
bench: $(TSTAMP)
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) build *.egg-info tools/cypher-lint/node_modules tools/axe/node_modules
