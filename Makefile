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

## run: set up, then serve the site with the journey on http://127.0.0.1:8000/journey/
run: $(STAMP)
	$(BIN)/crossing serve

# axe-core, which the browser tests inject into pages (only the tests need npm).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --silent

## test: set up and run linters, type checks and the whole test suite with coverage
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check crossing tests bench
	$(BIN)/ruff format --check crossing tests bench
	$(BIN)/mypy
	$(BIN)/pytest --cov --cov-report=term
	$(BIN)/coverage report --include='crossing/story/*,crossing/analysis/*' --fail-under=90 --skip-covered

clean:
	rm -rf $(VENV) .coverage .pytest_cache .mypy_cache .ruff_cache
