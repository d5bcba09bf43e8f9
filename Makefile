# Two commands set everything up on a fresh machine (see README.md):
#   make serve   install, build the book, serve it on http://127.0.0.1:8000
#   make test    install (with test tools and Debian's chromium), then run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
JB     := $(BIN)/jupyter-book build . -W -n --keep-going
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install install-test chromium book serve test bench bundle offline lock clean

# Python packages come from the lock files (every package with its hashes, see `make lock`); the
# peksos package itself is installed editable on top, without dependencies.
# The build itself runs Node tools (package.json "dependencies": PurgeCSS, esbuild, Workbox, resvg).
PIP_LOCKED := $(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: -r
PIP_SELF   := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .

$(VENV)/.installed: requirements.txt pyproject.toml package.json package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_LOCKED) requirements.txt
	$(PIP_SELF)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (kursus)" >/dev/null
	command -v npm >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y nodejs npm)
	npm ci --omit=dev --no-audit --no-fund --silent
	touch $@

# Tests also need the devDependencies (axe-core, gift-pegjs).
$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt package.json package-lock.json
	$(PIP_LOCKED) requirements-test.txt
	npm ci --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

chromium:
	@test -x /usr/bin/chromium || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

book: install
	$(JB)

serve: book
	@echo "Buku tersedia di http://127.0.0.1:$(PORT)/ (Ctrl+C untuk berhenti)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

test: install-test chromium
	$(BIN)/peksos validate
	$(JB)
	$(BIN)/python -m pytest

bench: install-test chromium
	$(BIN)/peksos bench

# After editing peksos/widgets/*.js|css, a content kind's peksos/<kind>/<kind>.js|css or the SCORM adapter
# peksos/export/scorm/scorm.js: bundle them into
# peksos/widgets/dist/ (commit both).
bundle: install
	$(BIN)/peksos bundle

# The whole site as _build/pengantar-peksos.zip, to copy to students and open from file://.
offline: book
	$(BIN)/peksos offline

# After editing requirements.in or requirements-test.in: resolve again and write both lock files
# (commit them). uv comes from the test lock; existing pins are kept unless an input changed.
lock: install-test
	$(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11.7 --custom-compile-command "make lock" --quiet -o requirements.txt
	$(BIN)/uv pip compile requirements-test.in --generate-hashes --python-version 3.11.7 --custom-compile-command "make lock" --quiet -o requirements-test.txt

clean:
	rm -rf _build bench.json
