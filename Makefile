# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

# The demo community's identity: configuration, not code.
export SITE_NAME ?= Regional Accountability Community of Practice
export SITE_SHORT_NAME ?= RACoP
export SITE_OPERATOR ?= Balkan Civil Society Development Network
export SITE_OPERATOR_URL ?= https://www.balkancsd.net/
export SITE_CONTACT_EMAIL ?= executiveoffice@balkancsd.net

.PHONY: bench-smoke run test install setup lint bandit format clean-data check-python catalogs messages

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 was not found (looked for 'python3.12')."; \
		echo "Install it, for example with 'pyenv install 3.12' or your system's package (python3.12, python3.12-venv),"; \
		echo "or point make at it: make run PYTHON=/path/to/python3.12"; \
		exit 1; \
	fi

$(STAMP): pyproject.toml | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# Compiled catalogs (.mo) with polib: no GNU gettext needed; only changed ones are rebuilt.
catalogs: install
	@$(BIN)/python -m racop.catalogs --changed

# Start the database (embedded unless DATABASE_URL is set), migrate, compile the catalogs.
setup: install catalogs
	$(BIN)/python manage.py migrate --noinput

run: export DJANGO_DEBUG ?= 1
# Links printed and emailed point at the port served (make run PORT=8101).
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: setup
	$(BIN)/python manage.py seed_demo
	@# The task worker (queued emails) runs beside the web server and stops with it, and so
	@# does the embedded PostgreSQL (a DATABASE_URL server is left alone).
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null; \
		[ -n "$$DATABASE_URL" ] || $(BIN)/python -c "import racop.embedded_db as e; e.stop()"' EXIT; \
	trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Coverage of the project's packages (settings in pyproject.toml): the total is printed at the
# end; CI's full run (CI set, no PYTEST_ARGS) fails below the floor, a subset never does.
COVERAGE_FLOOR := 95
ifneq ($(CI),)
ifeq ($(strip $(PYTEST_ARGS)),)
COVERAGE_FAIL_UNDER := --cov-fail-under=$(COVERAGE_FLOOR)
endif
endif

test: install catalogs
	$(BIN)/python -m pytest --cov --cov-report= $(COVERAGE_FAIL_UNDER) $(PYTEST_ARGS)
	@echo "Coverage of racop, members, pledges, library, discussions, api: $$($(BIN)/coverage report --format=total)%"

# Extract every translatable string into locale/<lang>/LC_MESSAGES/django.po (needs GNU
# gettext's xgettext: Debian/Ubuntu `apt install gettext`, macOS `brew install gettext`).
# Locations name the file only, so editing code does not touch every catalog's line numbers.
# The admin's search box (templates/admin/search_form.html) holds only Django's own strings,
# which Django translates: not extracted.
MESSAGE_LOCALES := sq bs hr mk cnr sr_Latn sr tr
MESSAGE_IGNORES := --ignore=.venv --ignore=.data --ignore=staticfiles --ignore=tests \
	--ignore=bench --ignore=reliability --ignore=test-results --ignore=build \
	--ignore=templates/admin/search_form.html
messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages $(addprefix --locale=,$(MESSAGE_LOCALES)) \
		$(MESSAGE_IGNORES) --no-obsolete --add-location=file
	@$(BIN)/python -m racop.catalogs --changed

# The benchmarks at a very small size: keeps the harness working (CI asserts no timings).
bench-smoke: install
	$(BIN)/python bench/generate.py --scale 0.001
	$(BIN)/python bench/run.py --duration 1 --connections 2 --threads 1 --repeat 3 --cold 2 \
		--csv .data/bench-smoke.csv
	$(BIN)/python bench/search_sql.py --repeat 2 --csv .data/bench-smoke-search.csv

# Style, formatting and the apps' import boundaries ([tool.importlinter] in pyproject.toml).
lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

# Security lint: no medium or high findings (false positives carry `# nosec` and a reason).
bandit: install
	$(BIN)/bandit -q -r racop members pledges library discussions api -ll -x '*/migrations/*'

format:
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

# Deletes the embedded database: asks twice unless FORCE=1.
clean-data:
	@if [ "$(FORCE)" != "1" ]; then \
		read -r -p "Delete .data/ (the embedded database and uploaded files)? [y/N] " a; [ "$$a" = y ] || exit 1; \
		read -r -p "Really delete everything under .data/? [y/N] " b; [ "$$b" = y ] || exit 1; \
	fi
	-$(BIN)/python -c "import racop.embedded_db as e; e.stop()" 2>/dev/null
	rm -rf .data
	@echo "Deleted .data/."
