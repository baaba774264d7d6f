#!/usr/bin/env bash
# The load test: 50 learners for 3 minutes against gunicorn on 127.0.0.1.
# Bounded: headless, fixed users (-u 50), spawn rate (-r 10) and time (-t 3m).
# Uses its own SQLite database under var/loadtest (or LOADTEST_DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-50}"; SPAWN="${SPAWN:-10}"; DURATION="${DURATION:-3m}"; WORKERS="${WORKERS:-3}"; PORT="${PORT:-8765}"
mkdir -p var/loadtest
export DJANGO_SETTINGS_MODULE=tools.loadtest.settings
export SECRET_KEY="${SECRET_KEY:-loadtest-$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')}"
export ALLOWED_HOSTS=127.0.0.1 EMAIL_HOST=localhost DEFAULT_FROM_EMAIL="Load test <load@example.org>"
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export DATABASE_URL="${LOADTEST_DATABASE_URL:-sqlite:///$PWD/var/loadtest/load.sqlite3}"
PY=.venv/bin/python
LOCUST="${LOCUST:-var/loadtest/venv/bin/locust}"
if [ ! -x "$LOCUST" ]; then
  python3 -m venv var/loadtest/venv && var/loadtest/venv/bin/pip install -q -r requirements-load.txt
  LOCUST=var/loadtest/venv/bin/locust
fi
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --noinput -v0
$PY -m tools.loadtest.prepare --users "$USERS"
.venv/bin/gunicorn elearning.wsgi -b "127.0.0.1:$PORT" -w "$WORKERS" --log-level warning &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 5
"$LOCUST" -f tools/loadtest/locustfile.py --headless -u "$USERS" -r "$SPAWN" -t "$DURATION" \
  -H "http://127.0.0.1:$PORT" --only-summary --csv var/loadtest/locust
$PY -m tools.loadtest.verify
