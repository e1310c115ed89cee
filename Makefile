# Hip Planner: `make run` starts the program, `make test` runs every check headless.
# Both create the virtual environment on first use and are quick when nothing changed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bundle smoke lint clean

run: $(STAMP)
	$(BIN)/python main.py

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The self-contained program for coaches (docs/install.md), for this system, in dist/.
bundle: $(VENV)/.bundle-installed
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/hip_planner.spec

# Starts the bundle built by `make bundle` from a clean folder and checks it (tests/test_bundle.py).
smoke: $(STAMP)
	HIP_PLANNER_BUNDLE=dist/hip-planner $(BIN)/python -m pytest tests/test_bundle.py $(PYTEST_ARGS)

$(VENV)/.bundle-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bundle]"
	touch $@

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Hip Planner needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1). Run: make PYTHON=python3.11 ..."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info
