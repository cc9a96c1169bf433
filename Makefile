# The two commands a fresh clone needs: `make run` and `make test`. Both are idempotent.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: run serve test install lint samples test-browser clean

# Reinstall only when the dependencies change.
$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

samples: install
	$(MANAGE) migrate --noinput
	$(MANAGE) import_articles samples --status published

run: samples
	$(MANAGE) ensure_editor
	@echo "Serving on http://127.0.0.1:8000/ (editors: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# The production profile on this machine: gunicorn, WhiteNoise's hashed static files, Redis,
# DEBUG off. PostgreSQL too when DATABASE_URL is set; the SQLite file otherwise. Plain HTTP
# on 127.0.0.1, so secure-only cookies and the HTTPS redirect are turned off here alone.
SERVE_ENV := DJANGO_ENV=production \
	SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false

serve: samples
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/gunicorn -c python:newsroom.gunicorn_conf newsroom.wsgi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Browser journeys in Debian's Chromium, with axe-core from the npm registry for accessibility.
BROWSER_INSTALLED := $(VENV)/.browser-installed

$(BROWSER_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e ".[dev,browser]"
	touch $(BROWSER_INSTALLED)

node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

test-browser: $(BROWSER_INSTALLED) node_modules/axe-core/axe.min.js
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/pytest -m browser tests/browser

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache node_modules screenshots
