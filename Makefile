# The two commands of the README. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: set up and play the journey in the terminal
run: $(STAMP)
	$(BIN)/crossing play content/journey

## test: set up and run linters, type checks and the whole test suite with coverage
test: $(STAMP)
	$(BIN)/ruff check crossing tests bench
	$(BIN)/ruff format --check crossing tests bench
	$(BIN)/mypy
	$(BIN)/pytest --cov --cov-report=term
	$(BIN)/coverage report --include='crossing/story/*,crossing/analysis/*' --fail-under=90 --skip-covered

clean:
	rm -rf $(VENV) .coverage .pytest_cache .mypy_cache .ruff_cache
