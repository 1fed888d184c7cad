# Two commands set up everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo lint format messages clean serve-prod cluster bench lighthouse

# `make run` in four steps, each announced; the first run takes several minutes
# (the install), later runs seconds.
$(BIN)/python:
	@echo "1/4 Skapar virtuell miljö i $(VENV)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	@echo "2/4 Installerar Django, Wagtail och övriga paket (första gången tar det några minuter)…"
	$(BIN)/pip install --progress-bar on -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	@echo "3/4 Skapar eller uppdaterar databasen…"
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	@echo "4/4 Laddar demoinnehållet (sajten http://127.0.0.1:$(PORT)/)…"
	$(BIN)/python manage.py load_demo_content --hostname 127.0.0.1 --port $(PORT)

## Serve the demo site on http://127.0.0.1:$(PORT)/ (safe to run again), as visitors get it:
## the Swedish 404 and 500 pages, tracebacks in this console (DEBUG=true for Django's own).
## The scheduler (publish_scheduled every minute) runs beside the server; Ctrl-C stops both.
run: demo
	@echo "Klart: öppna http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/). Ctrl-C stoppar."
	@export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}; \
	$(BIN)/python manage.py publish_scheduled_loop & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Production settings on http://127.0.0.1:$(PORT)/ through gunicorn and WhiteNoise.
## Needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL in the environment
## (docs/production.md). Plain http on this machine, so no redirect to https unless
## SECURE_SSL_REDIRECT=true. Here browsers talk to gunicorn directly, so no proxy is
## trusted (NUM_PROXIES=0); behind a front cache set NUM_PROXIES=1, behind a load
## balancer and a front cache 2.
WORKERS ?= 3
THREADS ?= 4
NUM_PROXIES ?= 0
PROD := DJANGO_SETTINGS_MODULE=agency.settings.production NUM_PROXIES=$(NUM_PROXIES)
serve-prod: install
	$(PROD) $(BIN)/python manage.py collectstatic --noinput
	$(PROD) $(BIN)/python manage.py migrate --noinput
	$(PROD) SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} SERVE_IMAGES=$${SERVE_IMAGES:-true} \
	$(BIN)/gunicorn agency.wsgi:application --bind 127.0.0.1:$(PORT) \
		--worker-class gthread --workers $(WORKERS) --threads $(THREADS) \
		--timeout 30 --graceful-timeout 20 --max-requests 1000 --max-requests-jitter 100 \
		--access-logfile -

## The production shape on one machine: PostgreSQL, Redis, SeaweedFS (S3), two app nodes
## and the Varnish front cache on http://127.0.0.1:$(FRONT_PORT)/ (deploy/cluster.py).
## Prints "front: http://127.0.0.1:$(FRONT_PORT)/" once everything answers; Ctrl-C stops it all.
FRONT_PORT ?= 8080
cluster: install
	$(BIN)/python -m deploy.cluster --front-port $(FRONT_PORT)

## Load test against hello-world and nginx references (benchmarks/bench.py; needs wrk,
## nginx and PostgreSQL). BENCH_DATABASE_URL names a database the bench may drop.
BENCH_ARGS ?=
bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

## Lighthouse 12 over home, topic, conference, strategy, listing and search pages, phone
## and desktop, against a running site (start `make serve-prod` first; its PORT goes in
## LIGHTHOUSE_URL). Installs Lighthouse into .lighthouse/ with npm; Debian's Chromium.
LIGHTHOUSE_URL ?= http://127.0.0.1:$(PORT)
# e.g. LIGHTHOUSE_ARGS="--runs 3 --pages home search --form-factors mobile"
LIGHTHOUSE_ARGS ?=
lighthouse: install
	@test -x .lighthouse/node_modules/.bin/lighthouse || \
		(mkdir -p .lighthouse && cd .lighthouse && echo '{"private": true}' > package.json && \
		npm i -E lighthouse@12.2.3 --no-audit --no-fund)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python scripts/lighthouse.py --url $(LIGHTHOUSE_URL) $(LIGHTHOUSE_ARGS)

## The whole test suite: SQLite by default, PostgreSQL when DATABASE_URL is set.
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## ruff, and the apps' import contracts (pyproject.toml [tool.importlinter]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .cluster
