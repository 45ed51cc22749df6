# Two commands do all the set-up: `make run` and `make test`. Both are safe to repeat.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run serve test test-fast validate lint format schema bench clean coverage screenshots

$(VENV)/.app-installed: requirements/app.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/app.lock
	touch $@

$(VENV)/.dev-installed: $(VENV)/.app-installed requirements/dev.lock node_modules/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	touch $@

# axe-core for the browser tests' accessibility audit, at the version pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
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

# Whole-page screenshots at 1280×720 and 1920×1080 under artifacts/; the 1280 ones become the README's.
screenshots: $(VENV)/.dev-installed
	$(PY) -m pytest tests/browser/test_layout.py -q
	cp artifacts/screenshots/*-1280x720.png docs/screenshots/
	cd docs/screenshots && for f in *-1280x720.png; do mv "$$f" "$${f%-1280x720.png}.png"; done

bench: $(VENV)/.dev-installed
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts node_modules

coverage: $(VENV)/.app-installed
	$(PY) -m components.data.coverage
