# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The demo community's identity: configuration, not code.
export SITE_NAME ?= Regional Accountability Community of Practice
export SITE_SHORT_NAME ?= RACoP
export SITE_OPERATOR ?= Balkan Civil Society Development Network
export SITE_OPERATOR_URL ?= https://www.balkancsd.net/
export SITE_CONTACT_EMAIL ?= executiveoffice@balkancsd.net

.PHONY: run test install setup lint bandit format clean-data check-python

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

# Start the database (embedded unless DATABASE_URL is set) and migrate.
setup: install
	$(BIN)/python manage.py migrate --noinput

run: export DJANGO_DEBUG ?= 1
run: setup
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: bandit
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Security lint: no medium or high findings (false positives carry `# nosec` and a reason).
bandit:
	$(BIN)/bandit -q -r racop members pledges library discussions -ll -x '*/migrations/*'

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
