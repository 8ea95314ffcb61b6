# invoicebot: `make run` serves on the embedded default, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CONFIG ?= config.example.toml

.PHONY: run test install install-dev system-deps test-deps browser-deps lint typecheck clean

# OCR for scanned PDFs (Tesseract with English, German, French and Dutch; pdftoppm rasterises)
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra \
                   tesseract-ocr-nld poppler-utils
TEST_PACKAGES   := dovecot-imapd

# the review pages are tested in a real browser: Debian's chromium, driven by selenium
BROWSER_PACKAGES := chromium chromium-driver

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

system-deps:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing OCR tools: $(SYSTEM_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }

# the email tests read mail from a real IMAP server: Dovecot, run by the tests themselves with a
# config of their own on a free loopback port (tests/mailservers.py); the system service is
# stopped again if installing started it
test-deps:
	@dpkg -s $(TEST_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing test servers: $(TEST_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(TEST_PACKAGES) >/dev/null; \
	  $$SUDO invoke-rc.d dovecot stop >/dev/null 2>&1 || true; }
browser-deps:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing the browser of the review tests: $(BROWSER_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; }

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	@$(MAKE) --no-print-directory system-deps || echo "warning: OCR tools not installed; scanned PDFs will end in ERROR"
	$(BIN)/invoicebot --config $(CONFIG) db upgrade
	$(BIN)/invoicebot --config $(CONFIG) serve

# lint and types first: a red check stops CI like a failing test
test: install-dev system-deps test-deps browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers storage
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy bot handlers storage

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
