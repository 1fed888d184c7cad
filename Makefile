# Two commands set up everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo lint format messages clean serve-prod bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

## Serve the demo site on http://127.0.0.1:$(PORT)/ (safe to run again).
## The scheduler (publish_scheduled every minute) runs beside the server; Ctrl-C stops both.
run: demo
	@$(BIN)/python manage.py publish_scheduled_loop & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Production settings on http://127.0.0.1:$(PORT)/ through gunicorn and WhiteNoise.
## Needs SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment (docs/production.md).
## Plain http on this machine, so no redirect to https unless SECURE_SSL_REDIRECT=true.
WORKERS ?= 3
serve-prod: install
	DJANGO_SETTINGS_MODULE=agency.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=agency.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=agency.settings.production $(BIN)/python manage.py createcachetable
	DJANGO_SETTINGS_MODULE=agency.settings.production \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} SERVE_IMAGES=$${SERVE_IMAGES:-true} \
	$(BIN)/gunicorn agency.wsgi:application --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--timeout 30 --graceful-timeout 20 --max-requests 1000 --max-requests-jitter 100 \
		--access-logfile -

## Load test against hello-world and nginx references (benchmarks/bench.py; needs wrk,
## nginx and PostgreSQL). BENCH_DATABASE_URL names a database the bench may drop.
BENCH_ARGS ?=
bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

## The whole test suite: SQLite by default, PostgreSQL when DATABASE_URL is set.
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
