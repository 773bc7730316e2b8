# Two commands a new user needs (see README): `make demo` and `make test`.
# Both create a local virtual environment in .venv with the Python on PATH (>= 3.11).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/rosterkit demo --out demo-output

test: $(VENV)/.installed
	$(BIN)/ruff check rosterkit tests benchmarks examples
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check rosterkit tests benchmarks examples
	$(BIN)/ruff format --check rosterkit tests benchmarks examples

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) demo-output .pytest_cache .ruff_cache
