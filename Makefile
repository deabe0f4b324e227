# Everything a contributor needs starts here. `make` alone lists the targets.
#
# The first target that needs Python creates .venv and installs requirements.txt
# into it. When requirements.txt changes, .venv is built again from scratch, so
# nothing left over from an old pin can hide a problem.

PYTHON3  ?= python3
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.requirements-installed
SPHINX   := $(PY) -m sphinx
# Incremental: only changed pages are read again. The build's block checks keep
# each page's findings in the environment, so they still cover every page.
# CI builds from scratch (.ci/run adds -E).
SPHINXOPTS ?= -W --keep-going -n
# The guide's pytest configuration, whatever the paths given: without -c, a path
# inside an installable app (examples/bigapp) would run under that app's own.
PYTEST   := $(PY) -m pytest -c pyproject.toml
# The whole suite, two workers a core: most of a server test's time is spent
# waiting for its servers (on 2 cores, 103 s against 130 s with one a core). A
# page's blocks share one namespace, so each file stays on one worker (--dist loadfile).
WORKERS  ?= $(shell $(PY) -c 'import os; print(2 * (os.cpu_count() or 1))' 2>/dev/null || echo 2)
XDIST    ?= -n $(WORKERS) --dist loadfile
# The site's tests drive Chromium and record its speed: one worker a core.
SITE_XDIST ?= -n auto --dist loadfile
# The tests of the whole built site (as Read the Docs builds it, and in Chromium)
# run in `make site`, not in `make test`: see the README, "The site in a real browser".
SITE_TESTS := tests/site
# npm ci installs package-lock.json's packages (axe-core) and writes this file.
NPM_STAMP := node_modules/.package-lock.json
HOST     ?= 127.0.0.1
PORT     ?= 8000

.DEFAULT_GOAL := help
.PHONY: help html test lint serve clean venv bench update-outputs new-page test-matrix site screenshots

help: ## List the targets (this message)
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-6s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## Create .venv and install the pinned requirements (other targets do this for you)

$(STAMP): requirements.txt
	rm -rf $(VENV)
	$(PYTHON3) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# npm ci installs package-lock.json's packages: pyodide for the pages' Run buttons,
# axe-core for the site's tests. Where npm is missing, the site builds without
# the runner, and its Run buttons say so.
NPM := $(shell command -v npm 2>/dev/null)

html: $(STAMP) $(if $(NPM),$(NPM_STAMP)) ## Build the site into _build/html; any warning is an error
	$(SPHINX) -b html $(SPHINXOPTS) -c . -d _build/doctrees docs _build/html

# `make test PAGE=docs/quickstart/first-app.md` runs one page (in one process: faster than
# starting workers); ARGS= passes anything else to pytest.
test: $(STAMP) ## Run every page's code blocks and every test but tests/site/ (PAGE=docs/x.md for one page, ARGS= for pytest)
ifdef PAGE
	$(PYTEST) $(PAGE) $(ARGS)
else
	$(PYTEST) $(XDIST) --ignore=$(SITE_TESTS) $(ARGS)
endif

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund

site: $(STAMP) $(NPM_STAMP) ## The whole built site: as Read the Docs builds it, page weight, and in Chromium (links, axe, copy buttons, search, dark mode)
	$(PYTEST) $(SITE_XDIST) $(SITE_TESTS) $(ARGS)

screenshots: html ## PNGs of the landing page and each chapter in _build/screenshots/; docs/_static/debugger.png
	$(PY) -m harness.screenshots

test-matrix: $(STAMP) ## Run every test once per combination of Flask versions (MATRIX="minimums" for some); writes docs/_data/verified.json
	$(PY) -m harness.matrix $(MATRIX)

# One process (no xdist): the pages are rewritten where they ran, and the diff is printed here.
update-outputs: $(STAMP) ## Rewrite stale doctest outputs from what runs (PAGE=docs/x.md for one page); prints a diff
	-$(PYTEST) -p no:xdist --update-outputs -q $(or $(PAGE),docs) $(ARGS)

new-page: $(STAMP) ## Start a page, its example folder and its test (NAME=becoming-big/caching TITLE="...")
	$(PY) -m harness.scaffold $(NAME) $(if $(TITLE),--title "$(TITLE)")

lint: $(STAMP) ## Check the Python files with ruff and the spelling of everything with codespell
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/codespell .

bench: $(STAMP) ## Measure build and test times and page weight; writes _build/bench.json
	$(PY) -m harness.bench

serve: $(STAMP) ## Preview the site at http://127.0.0.1:8000, rebuilt on every save
	$(VENV)/bin/sphinx-autobuild -W --keep-going -c . --host $(HOST) --port $(PORT) \
		--watch examples --watch conf.py docs _build/html

clean: ## Remove the built site and test caches (keeps .venv)
	rm -rf _build .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
