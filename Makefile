# The two commands of the contract: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SCSS := $(wildcard static_src/*.scss)

.PHONY: run test lint lock static demo bench bench-quick wrk clean loadtest backup restore

## make run: set everything up on a fresh machine and serve http://127.0.0.1:8000
run: $(VENV)/.runtime static
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --show-accounts
	@echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: install test requirements and run the whole suite
test: $(VENV)/.dev static
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

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
