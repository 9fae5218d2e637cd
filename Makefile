# Two commands set everything up: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run install serve migrate content test lint messages bench screenshots clean

run: install migrate content serve

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

migrate: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

content: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_initial_content --no-input

serve: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver $(HOST)

# Two workers by default (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
test: install
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

# Rebuild the compiled translation catalogues after editing locale/*/django.po.
messages: install
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

bench: install
	$(PY) bench/run.py

# Full-page PNGs of each page type, French and English, at 360 and 1,280 px, into screenshots/.
screenshots: install
	$(PY) bench/screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
