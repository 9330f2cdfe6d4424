# Two entry points (see README "Quick start"):
#   make run   - set up .venv and run the main job on the bundled notes (embedded store)
#   make test  - set up .venv (with test extras) and run the whole test suite, then ruff and mypy
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= .notegraph
OUT ?= out/network.html

.PHONY: run test setup setup-test lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	$(BIN)/notegraph --store $(STORE) build data/notes
	$(BIN)/notegraph --store $(STORE) query co-attended --actor OSCE
	$(BIN)/notegraph --store $(STORE) viz --view co-attendance --actor OSCE --out $(OUT)

test: setup-test
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(STORE) out .pytest_cache .mypy_cache .ruff_cache
