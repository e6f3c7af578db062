# The few commands the README documents. Everything runs inside .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: install install-test run test test-browser test-search-engine screenshots lint format demo clean services serve worker search-node search-cluster search-node-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet --group runtime

install-test: $(BIN)/python
	$(BIN)/pip install --quiet --group runtime --group test

# Fresh clone -> running demo site on http://127.0.0.1:8000, with the background
# worker beside it (uploaded PDFs become searchable; it ends with the server).
# scripts/ffmpeg.sh: ffmpeg for the demo's sign-language clip (installed as root).
run: install
	scripts/ffmpeg.sh
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py apply_editorial
	$(BIN)/python manage.py load_demo_states
	@echo "Demo-Konten: siehe die Zeilen „Demo-Zugang“ und „Redaktionsrollen“ oben (nur Entwicklungseinstellungen)."
	$(BIN)/python manage.py db_worker --backend background --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST)

demo: install
	scripts/ffmpeg.sh
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py apply_editorial
	$(BIN)/python manage.py load_demo_states

# The whole suite; DATABASE_URL=postgres://... runs it on PostgreSQL. The browser
# tests run in a pytest session of their own: they commit the demo site for the
# whole package, and tests that need Django's serialized rollback after them found
# the migrated data (site, root page) missing.
# The other tests run in TEST_WORKERS processes (pytest-xdist), each with its own
# test database (pytest-django appends _gw0, _gw1, ...); --dist loadscope keeps a
# module's or a class's tests in one process, so a module-scoped fixture (the demo
# site in tests/demo, tests/home/test_translations_complete.py) is built once.
TEST_WORKERS ?= 2
test: install-test
	$(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest --ignore=tests/browser -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)
	$(BIN)/pytest tests/browser $(PYTEST_ARGS)

# The search tests (tests/search/) once more against a real engine (tests/engine.py):
# starts a node on SEARCH_NODE_PORT when none answers there, runs them with
# ELASTICSEARCH_URL (DATABASE_URL as given; CI: PostgreSQL) and stops the node
# it started. A node that does not answer fails the run (it never falls back).
SEARCH_NODE_PORT ?= 9200
test-search-engine: install-test
	@started=; \
	if ! curl -fsS -m 2 http://127.0.0.1:$(SEARCH_NODE_PORT)/ >/dev/null 2>&1; then \
	  SEARCH_NODE_PORT=$(SEARCH_NODE_PORT) scripts/search-node.sh start 1 && started=1 || exit 1; \
	fi; \
	ELASTICSEARCH_URL=http://127.0.0.1:$(SEARCH_NODE_PORT) $(BIN)/pytest tests/search $(PYTEST_ARGS); \
	status=$$?; \
	if [ -n "$$started" ]; then SEARCH_NODE_PORT=$(SEARCH_NODE_PORT) scripts/search-node.sh stop; fi; \
	exit $$status

# Only the browser tests (tests/browser/; `make test` runs them too): Playwright
# drives Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`).
# A failure leaves a screenshot in test-results/.
test-browser: install-test
	$(BIN)/pytest tests/browser $(PYTEST_ARGS)

# docs/screenshots/*.png from the demo site on a throwaway database (README,
# "Bildschirmfotos").
screenshots: install-test
	$(BIN)/python docs/make_screenshots.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The production server: gunicorn (config/gunicorn.py; WEB_CONCURRENCY workers,
# GUNICORN_THREADS threads, BIND) with config.settings.production, which needs
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment (README, "Betrieb").
serve: install
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/gunicorn config.wsgi:application --config config/gunicorn.py

# The background worker (django-tasks-db) with the production settings, like
# `make serve`: runs the tasks queued in the database, e.g. reading the text of
# uploaded PDFs for search (materials/tasks.py; README, "Betrieb"). Run it beside
# the server (docs/deploy/gesunde-kommune-worker.service); `serve` migrates.
worker: install
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py db_worker --backend background --no-reload

# PostgreSQL 15 and Redis from Debian, installed when missing and started
# (loopback trusted; for development and CI machines). Idempotent.
services:
	scripts/services.sh

# A real OpenSearch node on 127.0.0.1:9200, assembled from Maven Central jars
# (scripts/search-node/, run as the system user gksearch when started by root);
# the site uses it with ELASTICSEARCH_URL=http://127.0.0.1:9200 (README, "Suche auf
# einem Such-Cluster"). search-cluster: three nodes on 9200-9202, one replica.
search-node:
	scripts/search-node.sh start 1

search-cluster:
	scripts/search-node.sh start 3

search-node-stop:
	scripts/search-node.sh stop

clean:
	rm -rf $(VENV) db.sqlite3 media static
