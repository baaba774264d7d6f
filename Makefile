# The two commands of the contract: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SCSS := $(wildcard static_src/*.scss)
LRS_VENV := var/lrs

.PHONY: run test lint mypy-baseline lock static demo bench bench-quick wrk pdf-libs clean loadtest backup restore

## make run: set everything up on a fresh machine and serve http://127.0.0.1:8000
# Quiet on purpose: a short summary and the accounts, then "Serving on" (DEMO_SHOW_EMAILS=true shows the demo's emails).
run: $(VENV)/.runtime static pdf-libs
	@$(PY) manage.py migrate --noinput -v 0 && echo "Database is up to date."
	@$(PY) manage.py load_demo --show-accounts
	@echo "Serving on http://127.0.0.1:8000, with the email worker beside it (Ctrl+C to stop both)"
	@$(PY) manage.py db_worker --backend outbox --queue-name email & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000

## make test: install test requirements and run the whole suite
test: $(VENV)/.dev static pdf-libs $(LRS_VENV)/.installed
	$(PY) -m pytest -n 2 --dist loadfile --durations=25 $(PYTEST_ARGS)

# The learning record store the xAPI tests start (Ralph), in its own virtual
# environment so its dependencies never meet the app's pins (tools/lrs/).
$(LRS_VENV)/.installed: tools/lrs/requirements.txt
	python3 -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install -q --upgrade pip
	$(LRS_VENV)/bin/pip install -q -r tools/lrs/requirements.txt
	@touch $@

# Certificate PDFs (WeasyPrint) need Pango and a font from the system: installed
# from Debian's packages when missing and we are root; otherwise we stop and say what to install.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation
pdf-libs:
	@if ! { ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && [ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; }; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Pango and fonts for certificate PDFs: $(PDF_PACKAGES)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    { apt-get install -y -qq $(PDF_PACKAGES) || { apt-get update -qq && apt-get install -y -qq $(PDF_PACKAGES); }; } >/dev/null; \
	  else \
	    echo "Certificate PDFs need Pango and a font: apt-get install $(PDF_PACKAGES)"; exit 1; \
	  fi; \
	fi

## make lint: every check CI runs besides the tests; the first that fails stops it (see docs/architecture.md, "Contracts")
# mypy's baseline (mypy-baseline.txt) may only shrink: a new error fails, and so does a fixed one still listed
# (run `make mypy-baseline` to take it out).
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# mypy exits 1 when it reports errors (the filter judges those) and 2 when it cannot run at all.
	set -o pipefail; { $(VENV)/bin/mypy --no-error-summary --hide-error-context --no-pretty || [ $$? -eq 1 ]; } \
	  | $(VENV)/bin/mypy-baseline filter --no-colors --hide-stats
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/djlint templates --lint

mypy-baseline: $(VENV)/.dev
	$(VENV)/bin/mypy --no-error-summary --hide-error-context --no-pretty | $(VENV)/bin/mypy-baseline sync

static: build/static/css/app.css build/static/js/govuk-frontend.min.js

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build/static/css/app.css build/static/js/govuk-frontend.min.js: node_modules/.package-lock.json $(SCSS) static_src/copy-assets.mjs
	npm run --silent build

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# Installs come from the lock files: every package, direct or not, pinned with
# its hashes. requirements*.txt say what we depend on and why; `make lock`
# writes the lock files from them.
$(VENV)/.runtime: requirements.lock | $(VENV)/bin/python
	$(PIP) install -q --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.dev: requirements.lock requirements-dev.lock | $(VENV)/bin/python
	$(PIP) install -q --require-hashes -r requirements-dev.lock
	@touch $@ $(VENV)/.runtime

## make lock: pin every dependency with its hashes after editing requirements*.txt
UV := var/lock-tools/bin/uv
$(UV):
	python3 -m venv var/lock-tools
	var/lock-tools/bin/pip install -q uv==0.13.9

LOCK_ARGS := --quiet --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu
lock: $(UV)
	$(UV) pip compile $(LOCK_ARGS) requirements.txt -o requirements.lock
	$(UV) pip compile $(LOCK_ARGS) --constraint requirements.lock requirements-dev.txt -o requirements-dev.lock

demo: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

## make bench / bench-quick: benchmarks at partnership scale (see tools/bench/README.md)
# The HTTP cases need wrk: installed from Debian's packages when we are root,
# otherwise those cases are skipped with the reason.
wrk:
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1; } || \
	  echo "wrk is not installed (apt-get install wrk): the HTTP cases will be skipped"

bench: $(VENV)/.dev static wrk
	DJANGO_SETTINGS_MODULE=elearning.settings.bench $(PY) manage.py bench $(BENCH_ARGS)

# The quick run keeps its own database, so quick and full runs do not rebuild each other's.
bench-quick: $(VENV)/.dev static wrk
	BENCH_DATABASE_URL="$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/tools/bench/bench-quick.sqlite3}" \
	DJANGO_SETTINGS_MODULE=elearning.settings.bench $(PY) manage.py bench --quick $(BENCH_ARGS)

## make loadtest: 50 learners for 3 minutes against gunicorn on 127.0.0.1 (see tools/loadtest/README.md)
loadtest: $(VENV)/.runtime static
	tools/loadtest/run.sh

## make backup FILE=backup.json.gz / make restore FILE=...: see docs/security.md
backup: $(VENV)/.runtime
	$(PY) manage.py backup_data -o "$${FILE:?set FILE=path/to/backup.json.gz}"

restore: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore_data "$${FILE:?set FILE=path/to/backup.json.gz}"

clean:
	rm -rf $(VENV) node_modules build staticfiles db.sqlite3*
