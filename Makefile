# The handbook's tasks. Two commands matter for a newcomer (see README):
#   make serve   - install and preview the site at http://127.0.0.1:8000
#   make test    - install and run every check and test
# Everything installs into .venv from exact, hash-pinned requirement files, in
# layers: serve/build need the site stack only, check adds the check tools,
# test adds the test runners and the npm packages the browser tests use.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DOCS   := $(PY) -m scripts.docs
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build new check figures vendor fonts test test-properdocs bench pdf epub books lighthouse lock clean

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.check: $(VENV)/.site requirements-check.txt
	$(PIP) -r requirements.txt -r requirements-check.txt
	touch $@

# Node.js and npm are needed from here on (axe-core for the accessibility tests).
$(VENV)/.test: $(VENV)/.check requirements-test.txt package-lock.json
	$(PIP) -r requirements.txt -r requirements-check.txt -r requirements-test.txt
	npm ci --omit=optional --ignore-scripts --no-audit --no-fund --silent
	touch $@

serve: $(VENV)/.site  ## Preview with live reload at http://127.0.0.1:8000 (ONLY=zh|en: one language; ADDR=host:port)
	$(DOCS) serve $(if $(ONLY),--lang $(ONLY)) $(if $(ADDR),--addr $(ADDR))

build: $(VENV)/.site  ## Strict build of both languages into site/
	$(DOCS) build

new: $(VENV)/.site  ## Scaffold a question (SECTION=x SLUG=y) or a section (SECTION=x) in both languages
	$(DOCS) new $(if $(SECTION),--section $(SECTION)) $(if $(SLUG),--slug $(SLUG))

check: $(VENV)/.check  ## Validate content; options via ARGS, e.g. make check ARGS="--no-run --only links"
	$(DOCS) check $(ARGS)

figures: $(VENV)/.check  ## Render figures/*.py into docs/<lang>/<section>/img/*.svg (commit both)
	$(DOCS) figures

# Needs npm: the copy under overrides/assets/javascripts/vendor/ is committed,
# so serve and build never do.
vendor: $(VENV)/.site  ## Re-copy the vendored scheduler (ts-fsrs) from the pinned npm package (commit the result)
	npm ci --omit=optional --ignore-scripts --no-audit --no-fund --silent
	$(DOCS) vendor

# Needs Latin Modern Math (Debian: fonts-lmodern, or SOURCE=path/to/latinmodern-math.otf);
# the cut under overrides/assets/fonts/ is committed, so serve and build never do.
fonts: $(VENV)/.check  ## Re-cut the math font from Latin Modern Math for the formulas in docs/ (commit the result)
	$(DOCS) fonts $(if $(SOURCE),--source $(SOURCE))

test: $(VENV)/.test  ## Every check and test, as CI runs them (parallel, pytest-xdist)
	$(DOCS) check $(ARGS)
	$(DOCS) lint-workflows
	$(PY) -m pytest -n auto

# CI's second build: the same browser tests on a site built by ProperDocs.
test-properdocs: $(VENV)/.test requirements-properdocs.txt  ## The browser tests on a ProperDocs build of the site
	$(PIP) -r requirements.txt -r requirements-properdocs.txt
	HANDBOOK_ENGINE=properdocs $(PY) -m pytest -n auto -m browser

# Run after `make build`; Chromium (Playwright, test layer) prints the site's own HTML.
pdf: $(VENV)/.test  ## PDF book per language into site/downloads/ (after make build; needs Chromium and fonts-noto-cjk)
	$(DOCS) pdf $(if $(ONLY),--lang $(ONLY))

# Run after `make build`; ebooklib (test layer) writes the EPUB 3 books, epubcheck validates them in the tests.
epub: $(VENV)/.test  ## EPUB book per language into site/downloads/ (after make build)
	$(DOCS) epub $(if $(ONLY),--lang $(ONLY))

books: pdf epub  ## PDF and EPUB books per language into site/downloads/ (after make build; what the deploy job runs)

bench: $(VENV)/.test  ## Scale benchmark: make bench N=1500 [BENCH_JSON=path]
	$(DOCS) bench --n $(or $(N),100) $(if $(BENCH_JSON),--json $(BENCH_JSON))

lighthouse: $(VENV)/.test build  ## Lighthouse scores (home and a question page, both languages; RUNS=n per page, median)
	npm ci --include=optional --ignore-scripts --no-audit --no-fund --silent
	$(DOCS) lighthouse $(if $(RUNS),--runs $(RUNS))

lock: $(VENV)/.site  ## Re-pin requirements*.txt from requirements*.in
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-check.txt requirements-check.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-test.txt requirements-test.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-properdocs.txt requirements-properdocs.in

clean:
	rm -rf site .pytest_cache .cache
