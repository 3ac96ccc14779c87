# Distans: `make run` serves the demo, `make test` runs the whole suite. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
UV := $(PYTHON) -m uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test install messages pdf browser lint check bench

install: $(VENV)/.installed messages pdf

$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

messages:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else echo "Install GNU gettext (Debian: sudo apt-get install gettext), then run make again." >&2; exit 1; fi; }
	@DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0

# WeasyPrint draws agreements as PDF with Pango; the tests read them back with poppler's pdftotext.
pdf:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && command -v pdftotext >/dev/null; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils >/dev/null; \
	  else echo "PDFs need Pango and poppler (Debian: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils), then run make again." >&2; exit 1; fi; }

# Every Django process takes seconds to start, so a second `make run` starts as few as it can: the
# catalogues are compiled only when a .po file changed, and the schema and the demo share one process.
run: $(VENV)/.installed pdf
	@# Compiled once here, so every process started below skips compiling (even where the environment
	@# sets PYTHONDONTWRITEBYTECODE): start-up takes a third of the time.
	@$(PY) -m compileall -q distans
	@for po in locale/*/LC_MESSAGES/django.po; do \
	  [ "$${po%.po}.mo" -nt "$$po" ] || { $(MAKE) -s messages; break; }; done
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} DEBUG=$${DEBUG:-1} $(PY) manage.py shell -v0 -c \
	  'from django.core.management import call_command as run; run("migrate", interactive=False, verbosity=0); run("demo")'
	@echo "Distans is at http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	@# A task worker beside the server sends reminders and e-mails (printed, with EMAIL_URL=console://),
	@# whose links point at this server's port.
	@export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
	DEBUG=$${DEBUG:-1} $(PY) manage.py db_worker --no-reload --interval 5 -v0 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT; \
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

browser: node_modules/.installed
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "The browser tests need Debian's Chromium: run 'sudo apt-get install chromium chromium-driver', then make test again." >&2; exit 1; fi; }

# axe-core, pinned in package-lock.json, checks each page for WCAG 2.1 AA in the browser tests
# (tests/test_accessibility.py injects it from node_modules; nothing is served to users).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "The accessibility tests need Node.js and npm (Debian: sudo apt-get install nodejs npm), then run make again." >&2; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: install browser
	DISTANS_TESTING=1 $(PY) -m pytest -n 2 -q $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check distans tests scripts bench conftest.py

# Static checks, quick (mypy keeps its cache in var/mypy): lint, the import direction, the types.
check: install
	$(PY) -m ruff check distans tests scripts bench conftest.py
	$(PY) -m ruff format --check distans tests scripts bench conftest.py
	$(PY) scripts/check_imports.py
	DISTANS_TESTING=1 $(PY) -m mypy
