# Two commands do all the set-up: `make run` and `make test`. Both are safe to repeat.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
# `make lock` keeps the versions in the locks (they are their own constraints); `make lock UPGRADE=1` moves on.
LOCK_PINS = $(if $(UPGRADE),--upgrade,$(foreach lock,$(1),-c $(lock)))
COMPILE := $(VENV)/bin/uv pip compile pyproject.toml --quiet --python-version 3.11 --generate-hashes --annotation-style line \
	--custom-compile-command "make lock"
AS_ROOT_WITH_APT := $(shell [ "$$(id -u)" = 0 ] && command -v apt-get)

.PHONY: run serve test test-fast validate lint format schema bench load lock system-tools clean coverage screenshots

$(VENV)/.app-installed: requirements/app.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements/app.lock
	touch $@

# dev.lock holds the app's packages too: one hashed set, resolved together.
$(VENV)/.dev-installed: $(VENV)/.app-installed requirements/dev.lock node_modules/.installed
	$(PIP_INSTALL) -r requirements/dev.lock
	touch $@

lock: $(VENV)/.dev-installed
	$(COMPILE) $(call LOCK_PINS,requirements/app.lock) -o requirements/app.lock
	$(COMPILE) --extra dev $(call LOCK_PINS,requirements/app.lock requirements/dev.lock) -o requirements/dev.lock

# The browser tests need Chromium and the replica test nginx: Debian's packages when we may install them,
# else Playwright's own Chromium build.
system-tools: $(VENV)/.dev-installed
	@if [ -n "$${CHROMIUM:-}" ] || command -v chromium >/dev/null; then :; \
	elif [ -n "$(AS_ROOT_WITH_APT)" ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Installing Playwright's Chromium for the browser tests"; $(PY) -m playwright install chromium; fi
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || [ -z "$(AS_ROOT_WITH_APT)" ]; then :; \
	else echo "Installing nginx for the replica test"; \
	  (apt-get install -y -qq nginx-light || (apt-get update -qq && apt-get install -y -qq nginx-light)) >/dev/null; fi

# axe-core for the browser tests' accessibility audit, at the version pinned in package-lock.json
# (npm from Debian when it is missing and we may install it).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || [ -z "$(AS_ROOT_WITH_APT)" ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null)
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

test: $(VENV)/.dev-installed system-tools lint validate
	$(PY) -m pytest

# The quick loop while changing code: everything but the real-browser tests.
test-fast: $(VENV)/.dev-installed
	$(PY) -m pytest tests --ignore=tests/browser --ignore=tests/deploy -q -n 2

# Whole-page screenshots at 1280×720 and 1920×1080 under artifacts/; the 1280 ones become the README's.
screenshots: $(VENV)/.dev-installed
	$(PY) -m pytest tests/browser/test_layout.py -q
	cp artifacts/screenshots/*-1280x720.png docs/screenshots/
	cd docs/screenshots && for f in *-1280x720.png; do mv "$$f" "$${f%-1280x720.png}.png"; done

bench: $(VENV)/.dev-installed
	$(PY) -m bench.run

load: $(VENV)/.dev-installed system-tools
	$(PY) -m bench.load

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts node_modules

coverage: $(VENV)/.app-installed
	$(PY) -m components.data.coverage
