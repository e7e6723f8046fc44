# The handbook's tasks. Two commands matter for a newcomer (see README):
#   make serve   - install and preview the site at http://127.0.0.1:8000
#   make test    - install and run every check and test
# Everything installs into .venv from exact, hash-pinned requirement files.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DOCS   := $(PY) -m scripts.docs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check figures test bench lighthouse lock clean

# Site dependencies only (enough for serve/build).
$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	touch $@

# Site plus test tooling (Python from requirements-test.txt; axe-core for the
# accessibility tests from package-lock.json).
$(VENV)/.test: $(VENV)/.site requirements-test.txt package-lock.json
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt -r requirements-test.txt
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

# Site plus the Python libraries the figure sources compute with (numpy,
# scikit-learn and Optuna, pinned in requirements-test.txt); no npm.
$(VENV)/.figures: $(VENV)/.site requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt -r requirements-test.txt
	touch $@

serve: $(VENV)/.site  ## Preview with live reload at http://127.0.0.1:8000 (ONLY=zh|en: one language, faster rebuilds)
	$(DOCS) serve $(if $(filter zh en,$(ONLY)),--lang $(ONLY) --dirty)

build: $(VENV)/.site  ## Strict build of both languages into site/
	$(DOCS) build

check: $(VENV)/.test  ## Validate content; extra options via ARGS, e.g. make check ARGS=--fix
	$(DOCS) check $(ARGS)

figures: $(VENV)/.figures  ## Render figures/*.py into docs/<lang>/<section>/img/*.svg (commit both)
	$(DOCS) figures

test: $(VENV)/.test  ## Every check and test, as CI runs them
	$(DOCS) check $(ARGS)
	$(DOCS) lint-workflows
	$(PY) -m pytest

bench: $(VENV)/.test  ## Scale benchmark: make bench N=1500 [BENCH_JSON=path]
	$(DOCS) bench --n $(or $(N),100) $(if $(BENCH_JSON),--json $(BENCH_JSON))

lighthouse: $(VENV)/.test build  ## Lighthouse scores (home and a question page, both languages)
	$(DOCS) lighthouse

lock: $(VENV)/.site  ## Re-pin requirements*.txt from requirements*.in
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-test.txt requirements-test.in

clean:
	rm -rf site .pytest_cache
