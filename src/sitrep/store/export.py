"""Exports of stored events: JSON Lines, CSV, GeoJSON, Parquet, and the ACLED, GDELT
and PLOVER formats (their rows are built in ``standards.py``).

Every format is written from the same event dictionaries the store returns (the
contract's Event objects plus ``doc_id``, ``cluster`` and ``article``), so a filter
that works for ``sitrep events`` works for ``sitrep export``.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any, Iterable, Optional

from .standards import ACLED_COLUMNS, CameoRoots, CountryCodes, acled_row, gdelt_row, plover_record

TEXT_FORMATS = ("jsonl", "csv", "geojson", "acled", "gdelt", "plover")
FORMATS = TEXT_FORMATS + ("parquet",)

CSV_COLUMNS = [
    "event_id", "doc_id", "cluster_id", "num_mentions", "num_articles", "num_sources", "event_type", "mode",
    "acled_event_type", "acled_sub_event_type", "cameo_root", "status", "date_start", "date_end",
    "date_precision", "date_method", "source", "source_country", "target", "target_country", "supporters",
    "location", "geonameid", "latitude", "longitude", "country", "admin1", "geo_precision", "fatalities",
    "confidence", "sentence", "article_source", "article_url",
]
__all__ = ["ACLED_COLUMNS", "CSV_COLUMNS", "FORMATS", "TEXT_FORMATS", "csv_row", "write_export", "write_parquet"]


def _names(event: dict, role: str) -> str:
    return "; ".join(a["name"] for a in event["actors"] if a["role"] == role)


def _first_country(event: dict, role: str) -> Optional[str]:
    return next((a["country"] for a in event["actors"] if a["role"] == role), None)


def csv_row(event: dict) -> dict[str, Any]:
    loc = event.get("location") or {}
    date = event["date"]
    cluster = event.get("cluster") or {}
    article = event.get("article") or {}
    return {
        "event_id": event["event_id"], "doc_id": event.get("doc_id"), "cluster_id": cluster.get("cluster_id"),
        "num_mentions": cluster.get("num_mentions"), "num_articles": cluster.get("num_articles"),
        "num_sources": cluster.get("num_sources"), "event_type": event["event_type"],
        "mode": event.get("mode"), "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"), "cameo_root": event.get("cameo_root"),
        "status": event["status"], "date_start": date["start"], "date_end": date["end"],
        "date_precision": date["precision"], "date_method": date["method"],
        "source": _names(event, "source"), "source_country": _first_country(event, "source"),
        "target": _names(event, "target"), "target_country": _first_country(event, "target"),
        "supporters": _names(event, "supporter"), "location": loc.get("name"), "geonameid": loc.get("geonameid"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "country": loc.get("country"),
        "admin1": loc.get("admin1"), "geo_precision": loc.get("precision"), "fatalities": event.get("fatalities"),
        "confidence": event["confidence"], "sentence": event["sentence"],
        "article_source": article.get("source"), "article_url": article.get("url"),
    }


def geojson_feature(event: dict) -> Optional[dict[str, Any]]:
    loc = event.get("location")
    if not loc:
        return None
    props = csv_row(event)
    props["actors"] = event["actors"]
    return {"type": "Feature", "id": event["event_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props}


def _first_events(events: list[dict]) -> set[str]:
    """Each article's first-reported event (GDELT's IsRootEvent)."""
    first: dict[str, tuple[int, str]] = {}
    for e in events:
        key = (e["evidence"]["start"], e["event_id"])
        doc = e.get("doc_id") or ""
        if doc not in first or key < first[doc]:
            first[doc] = key
    return {event_id for _, event_id in first.values()}


def write_export(events: Iterable[dict], fmt: str, out: IO[str], countries: Optional[CountryCodes] = None) -> int:
    """Write events in a text format; return how many records were written."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text export format {fmt!r}; choose from {', '.join(TEXT_FORMATS)}")
    if fmt in ("acled", "gdelt") and countries is None:
        countries = CountryCodes.load()
    written = 0
    if fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
            written += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(csv_row(event))
            written += 1
    elif fmt == "acled":
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            row = acled_row(event, countries)
            if row is not None:
                writer.writerow(row)
                written += 1
    elif fmt == "gdelt":
        events = list(events)
        roots, cameo = _first_events(events), CameoRoots.load()
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for event in events:
            writer.writerow(gdelt_row(event, countries, cameo, event["event_id"] in roots))
            written += 1
    elif fmt == "plover":
        records = [plover_record(e) for e in events]
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
        written = len(records)
    else:
        features = [f for f in (geojson_feature(e) for e in events) if f is not None]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        written = len(features)
    return written


def write_parquet(events: Iterable[dict], path: str | Path) -> int:
    """The CSV columns as a typed Parquet table, plus each event's full JSON in ``body``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for event in events:
        row = csv_row(event)
        row["body"] = json.dumps(event, ensure_ascii=False)
        rows.append(row)
    types = {"num_mentions": pa.int32(), "num_articles": pa.int32(), "num_sources": pa.int32(),
             "geonameid": pa.int64(), "latitude": pa.float64(), "longitude": pa.float64(),
             "fatalities": pa.int32(), "confidence": pa.float64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in CSV_COLUMNS + ["body"]])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)
