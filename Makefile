# Two commands for a fresh machine:
#   make demo   serve the demo portal on http://127.0.0.1:5000
#   make test   run the whole test suite
# Both create .venv and install everything on first use, and start their own
# PostgreSQL and Redis unless CKAN_SQLALCHEMY_URL / CKAN_REDIS_URL are set.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 5000

.PHONY: demo test install bench bench-requests bench-queue bench-monitoring bench-letters bench-pdp clean-run i18n

$(STAMP): requirements.txt dev-requirements.txt pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==26.3" "setuptools==84.2.1" "wheel==0.48.0"
	$(BIN)/pip install --quiet -r requirements.txt -r dev-requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) i18n

# Compiled catalogues (.mo) are build output, not committed: the extension's
# own texts with its translations of CKAN core texts (dev/i18n.py).
i18n: $(STAMP)
	$(BIN)/python dev/i18n.py

demo: $(STAMP) i18n
	$(BIN)/python dev/embedded.py demo --port $(PORT)

test: $(STAMP) i18n
	$(BIN)/python dev/embedded.py test $(PYTEST_ARGS)

bench: $(STAMP) i18n
	$(BIN)/python dev/embedded.py exec --database ckan_bench -- $(BIN)/python bench/search.py --rebuild-fast

bench-requests: $(STAMP) i18n
	$(BIN)/python dev/embedded.py exec --database ckan_bench_req -- $(BIN)/python bench/request_workflow.py

bench-queue: $(STAMP) i18n
	$(BIN)/python dev/embedded.py exec --database ckan_bench_queue -- $(BIN)/python bench/desk_queue.py

bench-monitoring: $(STAMP) i18n
	$(BIN)/python dev/embedded.py exec --database ckan_bench_monitoring -- $(BIN)/python bench/monitoring.py

bench-letters: $(STAMP) i18n
	$(BIN)/python dev/embedded.py exec --database ckan_bench_letters -- $(BIN)/python bench/letters.py

# The personal-data scan of a generated 50 MB CSV (no database needed).
bench-pdp: $(STAMP)
	$(BIN)/python bench/pdp_scan.py

# Stop nothing, delete the embedded database, Redis data and uploads.
clean-run:
	rm -rf .run
