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
# -E reads every page again: the page checks of the build (a Python block that
# is shown but never executed) must see all of them, not only the changed ones.
SPHINXOPTS ?= -E -W --keep-going -n
HOST     ?= 127.0.0.1
PORT     ?= 8000

.DEFAULT_GOAL := help
.PHONY: help html test lint serve clean venv

help: ## List the targets (this message)
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-6s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## Create .venv and install the pinned requirements (other targets do this for you)

$(STAMP): requirements.txt
	rm -rf $(VENV)
	$(PYTHON3) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

html: $(STAMP) ## Build the site into _build/html; any warning is an error
	$(SPHINX) -b html $(SPHINXOPTS) -c . -d _build/doctrees docs _build/html

test: $(STAMP) ## Run every page's code blocks and every test (pass extra pytest flags in ARGS=)
	$(PY) -m pytest $(ARGS)

lint: $(STAMP) ## Check the Python files (examples, tests, configuration) with ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

serve: $(STAMP) ## Preview the site at http://127.0.0.1:8000, rebuilt on every save
	$(VENV)/bin/sphinx-autobuild -W --keep-going -c . --host $(HOST) --port $(PORT) \
		--watch examples --watch conf.py docs _build/html

clean: ## Remove the built site and test caches (keeps .venv)
	rm -rf _build .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
