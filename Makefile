# MeetingRoom: two commands on a fresh machine — `make run` and `make test`.
# Everything is installed into .venv from the pinned set in requirements.lock.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-core bench lint install clean lock package package-test

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/meetingroom

lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check src tests packaging
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test-core: $(STAMP)
	$(PY) -m pytest -q -m "not gui and not slow"

# Each benchmark prints its figures next to a reference and its target.
BENCHMARKS := run.py members_filter.py csv_import.py pack_heartbeat.py paper_large_print.py console_actions.py letters_heartbeat.py report.py

bench: $(STAMP)
	@for script in $(BENCHMARKS); do \
		echo "== tests/benchmarks/$$script"; \
		QT_QPA_PLATFORM=offscreen $(PY) tests/benchmarks/$$script || exit 1; \
	done

# The stand-alone Linux app: dist/MeetingRoom (one folder, no Python needed) and its .tar.gz.
# package-test builds it, then runs the bundled program with Python hidden and no network.
PACKAGE_STAMP := $(VENV)/.packaging

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test,package]"
	@touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	rm -rf build/pyinstaller dist/MeetingRoom dist/MeetingRoom-*-linux-*.tar.gz
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/meetingroom.spec
	$(PY) packaging/bundle.py

package-test: package
	$(PY) packaging/package_test.py

# Regenerate the pinned set after changing pyproject.toml dependencies.
lock:
	rm -rf /tmp/meetingroom-lock && $(PYTHON) -m venv /tmp/meetingroom-lock
	/tmp/meetingroom-lock/bin/pip install --quiet "pip==25.3" && /tmp/meetingroom-lock/bin/pip install --quiet -e ".[test,package]"
	/tmp/meetingroom-lock/bin/pip freeze --exclude-editable --exclude meetingroom > requirements.lock

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
