# One entry point for people and CI. `make run` and `make test` set everything up on a fresh
# Debian/UOS-like machine: system packages (when missing), the .venv, the project itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

# What the tests and the app need from the system: a virtual X server, poppler for PDF checks,
# the sqlcipher shell (to prove files are encrypted), a real Secret Service, Qt's xcb libraries,
# ImageMagick (its `import` takes the real X screenshot of the Xvfb test), libXrandr (the hearing test
# plugs and unplugs a projector as a RandR monitor on Xvfb).
SYSTEM_PACKAGES := xvfb xauth xdotool imagemagick poppler-utils sqlcipher gnome-keyring dbus libsecret-tools \
	libglib2.0-0 libfontconfig1 libfreetype6 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xinerama0 libxcb-randr0 libxrandr2 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libdbus-1-3

.PHONY: run test lint typecheck pytest sysdeps venv forms forms-check translations translations-check \
	bench bench-scale soak package \
	wheelhouse-windows clean help

help:
	@echo "make run    - set up and start the app (default store in the user data folder)"
	@echo "make test   - set up and run ruff, mypy and the whole pytest suite"
	@echo "make translations - regenerate resources/translations/*.ts (keeping translations) and .qm"
	@echo "make bench  - print performance figures (start-up, search, judgment, backup)"
	@echo "make bench-scale - the case list's and the start-up's figures at 1,000,000 cases (several minutes)"
	@echo "make soak   - long runs (200-kill crash test)"
	@echo "make package - build the Linux bundle and .deb (see packaging/README.md)"

sysdeps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# setup.py compiles resources/translations/*.ts to .qm during the install: a changed .ts reinstalls.
$(STAMP): pyproject.toml setup.py $(wildcard resources/translations/*.ts)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: sysdeps venv
	$(BIN)/rongcuo-desktop

lint: venv
	$(BIN)/ruff check rongcuo_desktop tests packaging setup.py
	$(BIN)/ruff format --check rongcuo_desktop tests packaging setup.py

typecheck: venv
	$(BIN)/mypy

pytest: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -ra $(PYTEST_ARGS)

test: sysdeps venv lint typecheck translations-check pytest

# Qt Designer forms -> committed Python modules (a test fails when they are stale).
forms: venv
	$(BIN)/python packaging/build_forms.py

forms-check: venv
	$(BIN)/python packaging/build_forms.py --check

# UI strings -> resources/translations/*.ts (committed, translations kept) -> .qm (build output, also
# compiled by setup.py at install). `make test` fails when a .ts is stale or a message unfinished.
translations: venv
	$(BIN)/python packaging/build_translations.py

translations-check: venv
	$(BIN)/python packaging/build_translations.py --check

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/run_all.py $(BENCH_ARGS)

# The case list and the start-up at 1,000,000 cases (search, sort, memory, launch; not part of make test
# or make bench: building each store takes several minutes). BENCH_KEEP=DIR keeps the stores for later
# runs (the start-up's, with its key file, in DIR/startup).
bench-scale: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_list.py --count 1000000 \
		$(if $(BENCH_KEEP),--keep $(BENCH_KEEP))
	$(BIN)/python tests/bench/bench_startup.py --count 1000000 $(if $(BENCH_KEEP),--keep $(BENCH_KEEP)/startup)

soak: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -ra -m soak -p no:cacheprovider -o addopts=""

package: sysdeps venv
	$(MAKE) -C packaging linux

wheelhouse-windows: venv
	$(MAKE) -C packaging wheelhouse-windows

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
