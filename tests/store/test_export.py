"""Exports round-trip and use ACLED's own column names and codes."""
import csv
import io
import json

import pytest

from sitrep.cli import main
from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.export import ACLED_COLUMNS, CSV_COLUMNS, write_export
from sitrep.store.ingest import ingest
from sitrep.store.database import EventFilter, Store
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


def test_parquet_round_trips(events, tmp_path):
    import pyarrow.parquet as pq

    from sitrep.store.export import write_parquet

    n = write_parquet(events, tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == len(events)
    assert table.column_names[:len(CSV_COLUMNS)] == CSV_COLUMNS
    assert [json.loads(b) for b in table.column("body").to_pylist()] == events
    assert str(table.schema.field("latitude").type) == "double"


def test_gdelt_tsv_has_gdelt_columns_and_codes(events):
    from sitrep.store.standards import GDELT_COLUMNS

    n, text = _export(events, "gdelt")
    rows = [line.split("\t") for line in text.splitlines()]
    assert n == len(rows) == len(events) and all(len(r) == len(GDELT_COLUMNS) == 61 for r in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for row, event in zip(rows, events):
        assert row[col["Day"]] == event["date"]["start"].replace("-", "")
        root = event["cameo_root"] or ""
        assert row[col["EventRootCode"]] == root
        if root:
            quad = int(row[col["QuadClass"]])
            assert quad == (1 if root <= "05" else 2 if root <= "08" else 3 if root <= "14" else 4)
            assert (float(row[col["GoldsteinScale"]]) < 0) == (root >= "09")
        assert int(row[col["NumMentions"]]) == event["cluster"]["num_mentions"]
        if event["location"]:
            assert float(row[col["ActionGeo_Lat"]]) == event["location"]["lat"]
    assert sum(int(r[col["IsRootEvent"]]) for r in rows) == len({e["doc_id"] for e in events})


def test_plover_json_uses_plover_field_names(events):
    n, text = _export(events, "plover")
    records = json.loads(text)
    assert n == len(records) == len(events)
    for record, event in zip(records, events):
        assert record["event"] == event["event_type"] and record["text"] == event["sentence"]
        assert all({"actorText", "code"} <= set(a) for a in record["source"] + record["target"])


def test_acled_export_loads_in_pandas_with_acled_value_sets(events):
    pandas = pytest.importorskip("pandas")
    _, text = _export(events, "acled")
    frame = pandas.read_csv(io.StringIO(text))
    assert list(frame.columns) == ACLED_COLUMNS
    assert set(frame["event_type"]) <= ACLED_TYPES
    assert set(frame["inter1"]) | set(frame["inter2"]) <= set(range(0, 9))
    assert frame["fatalities"].dtype.kind == "i" and frame["latitude"].dropna().between(-90, 90).all()


def test_near_filter_keeps_events_within_the_radius(events, tmp_path_factory, coder):
    from sitrep.geo.points import haversine_km

    db = tmp_path_factory.mktemp("near") / "s.db"
    with Store(db) as store:
        ingest(store, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
        kharkiv = (49.98, 36.25)
        near = store.events(EventFilter(near=kharkiv, km=50, unique=False, limit=None))
        everything = store.events(EventFilter(unique=False, limit=None))
    assert near and len(near) < len(everything)
    inside = {e["event_id"] for e in everything
              if e["location"] and haversine_km(*kharkiv, e["location"]["lat"], e["location"]["lon"]) <= 50}
    assert {e["event_id"] for e in near} == inside


def test_acled_export_of_acled_notes_has_acleds_columns_and_value_sets(tmp_path, coder, monkeypatch):
    """ACLED's own notes, read as a CSV with chosen columns, coded, exported: ACLED's
    column names and only values ACLED's own file uses."""
    from tests.conftest import require_evaldata

    pandas = pytest.importorskip("pandas")
    source = require_evaldata("acled", "acled_2020-04-27_2020-05-09_global.csv")
    acled = pandas.read_csv(source)
    sample = tmp_path / "notes.csv"
    acled.head(300).to_csv(sample, index=False)
    monkeypatch.setattr("sitrep.cli._coder", lambda: coder)
    db, out = str(tmp_path / "s.db"), tmp_path / "acled.csv"
    assert main(["ingest", "--db", db, "--text-column", "notes", "--date-column", "event_date",
                 "--id-column", "data_id", str(sample)]) == 0
    assert main(["export", "--db", db, "--format", "acled", "-o", str(out)]) == 0
    ours = pandas.read_csv(out)
    assert len(ours) > 200 and list(ours.columns) == ACLED_COLUMNS
    assert set(ACLED_COLUMNS) <= set(acled.columns)
    for column in ("event_type", "sub_event_type", "inter1", "inter2", "interaction", "time_precision",
                   "geo_precision"):
        assert set(ours[column].dropna()) <= set(acled[column].dropna()), column
    assert ours["actor1"].notna().all() and ours["event_date"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
