"""Exports round-trip and use ACLED's own column names and codes."""
import csv
import io
import json

import pytest

from sitrep.cli import main
from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.export import ACLED_COLUMNS, CSV_COLUMNS, write_export
from sitrep.store.ingest import ingest
from sitrep.store.sqlite import EventFilter, Store
from tests.conftest import EXAMPLES

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


@pytest.fixture(scope="module")
def events(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("export") / "s.db"
    with Store(db) as store:
        ingest(store, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
        return store.events(EventFilter(limit=1000))


def _export(events, fmt):
    out = io.StringIO()
    n = write_export(events, fmt, out)
    return n, out.getvalue()


def test_jsonl_round_trips(events):
    n, text = _export(events, "jsonl")
    assert n == len(events) and [json.loads(line) for line in text.splitlines()] == events


def test_csv_has_one_row_per_event(events):
    n, text = _export(events, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == len(rows) == len(events) and list(rows[0]) == CSV_COLUMNS
    assert {r["event_id"] for r in rows} == {e["event_id"] for e in events}


def test_acled_csv_uses_acled_columns_and_codes(events):
    n, text = _export(events, "acled")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ACLED_COLUMNS
    assert n == len(rows) == sum(1 for e in events if e["acled_event_type"])
    for row in rows:
        assert row["event_type"] in ACLED_TYPES
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["geo_precision"] in {"", "1", "2", "3"}
        inters = sorted(int(x) for x in (row["inter1"], row["inter2"]) if x != "0")
        assert row["interaction"] == ("".join(map(str, inters)) if len(inters) == 2
                                      else str(inters[0] * 10) if inters else "0")


def test_geojson_points_are_lon_lat(events):
    n, text = _export(events, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == n
    located = {e["event_id"]: e["location"] for e in events if e["location"]}
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (located[feature["id"]]["lat"], located[feature["id"]]["lon"])


def test_cli_export_to_file_with_filters(tmp_path, coder, monkeypatch, capsys):
    monkeypatch.setattr("sitrep.cli._coder", lambda: coder)
    db, out = str(tmp_path / "s.db"), tmp_path / "out.csv"
    assert main(["ingest", "--db", db, str(EXAMPLES)]) == 0
    assert main(["export", "--db", db, "--format", "acled", "--acled-type", "Battles", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(r["event_type"] == "Battles" for r in rows)
    assert any(r["country"] for r in rows)      # country names come from the gazetteer
