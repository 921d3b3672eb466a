# The two commands of the README. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test messages lock clean

# Python keeps the bytecode it compiles (in __pycache__, which git ignores) even where the
# environment says not to (PYTHONDONTWRITEBYTECODE, set on our machines): the suite starts
# hundreds of Python processes (servers, the command line, each test worker's rewritten
# test modules), and each would otherwise compile them all again (~0.3 s of CPU a start).
unexport PYTHONDONTWRITEBYTECODE

# The exact versions CI tested, each checked against its hash; then crossing itself, built
# with the locked setuptools. `make lock` writes requirements.lock again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The translations, compiled from the committed catalogues (the .mo files are not committed):
# each again when its .po changes. A fuzzy entry is left out of the compiled file (English
# shows instead); tests/test_catalogues.py fails on any fuzzy or empty entry.
PO := $(wildcard crossing/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)
%.mo: %.po | $(STAMP)
	$(BIN)/python tools/messages.py compile $< $@

## run: set up, then serve the site with the journey on http://127.0.0.1:8000/journey/
run: $(STAMP) $(MO)
	$(BIN)/crossing serve

# axe-core, which the browser tests inject into pages (only the tests need npm).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --silent

# The suite runs in parallel (pytest-xdist): this many workers, each with its own test
# database and Redis database (tests/conftest.py). `make test TEST_WORKERS=0` runs it in one
# process; docs/performance.md has the measurements behind the default.
TEST_WORKERS ?= 2

## test: set up and run linters, type checks and the whole test suite with coverage
test: $(STAMP) $(NODE_STAMP) $(MO)
	$(BIN)/ruff check crossing tests bench
	$(BIN)/ruff format --check crossing tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --cov --cov-report=term
	$(BIN)/coverage report --include='crossing/story/*,crossing/analysis/*' --fail-under=90 --skip-covered

## messages: after adding or changing interface strings, extract them into every catalogue
messages: $(STAMP)
	$(BIN)/python tools/messages.py update

## lock: after changing the dependencies in pyproject.toml, pin every version again, with hashes
LOCK_TOOL := .venv-lock
lock:
	$(PYTHON) -m venv $(LOCK_TOOL)
	$(LOCK_TOOL)/bin/pip install --quiet pip-tools==7.7.0
	$(LOCK_TOOL)/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --build-deps-for editable --extra dev \
		--strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(LOCK_TOOL) .coverage .pytest_cache .mypy_cache .ruff_cache
