# Two commands do all the set-up: `make run` and `make test`. Both are safe to repeat.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run serve test test-fast validate lint format schema bench clean coverage

$(VENV)/.app-installed: requirements/app.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/app.lock
	touch $@

$(VENV)/.dev-installed: $(VENV)/.app-installed requirements/dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	touch $@

# Development: errors show their traceback. `serve` is the same app with production's terse errors.
run: $(VENV)/.app-installed
	$(PY) -m streamlit run app.py --server.port $(PORT) --browser.gatherUsageStats false --client.showErrorDetails full

serve: $(VENV)/.app-installed
	$(PY) -m streamlit run app.py --server.port $(PORT) --browser.gatherUsageStats false

validate: $(VENV)/.app-installed
	$(PY) -m components.data.validate

schema: $(VENV)/.app-installed
	$(PY) -m components.data.json_schema

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev-installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test: $(VENV)/.dev-installed lint validate
	$(PY) -m pytest

# The quick loop while changing code: everything but the real-browser tests.
test-fast: $(VENV)/.dev-installed
	$(PY) -m pytest tests --ignore=tests/browser -q

bench: $(VENV)/.dev-installed
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts

coverage: $(VENV)/.app-installed
	$(PY) -m components.data.coverage
