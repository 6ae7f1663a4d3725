"""Exports of stored events: JSON Lines, CSV, GeoJSON and ACLED-style CSV.

Every format is written from the same event dictionaries the store returns (the
contract's Event objects plus ``doc_id``), so a filter that works for
``sitrep events`` works for ``sitrep export``.

ACLED-style CSV uses ACLED's column names and codes:
- ``time_precision``: 1 a day, 2 a week or a few days, 3 a month or longer;
- ``geo_precision``: 1 the town or site, 2 a district or near a town, 3 a province,
  region or country;
- ``interaction``: the two actors' inter codes, smaller first ("12"); a one-sided
  event gives "10", "20" ...;
- ``assoc_actor_1``: supporters of the source, joined with "; ".
"""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Callable, Iterable, Optional

FORMATS = ("jsonl", "csv", "geojson", "acled")

CSV_COLUMNS = [
    "event_id", "doc_id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo_root", "status",
    "date_start", "date_end", "date_precision", "date_method", "source", "source_country", "target",
    "target_country", "supporters", "location", "geonameid", "latitude", "longitude", "country", "admin1",
    "geo_precision", "fatalities", "confidence", "sentence",
]

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country", "iso3",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"site": 1, "town": 1, "district": 2, "province": 3, "region": 3, "country": 3}


def _actors(event: dict, role: str) -> list[dict]:
    return [a for a in event["actors"] if a["role"] == role]


def _names(event: dict, role: str) -> str:
    return "; ".join(a["name"] for a in _actors(event, role))


def csv_row(event: dict) -> dict[str, Any]:
    loc = event.get("location") or {}
    date = event["date"]
    source, target = _actors(event, "source"), _actors(event, "target")
    return {
        "event_id": event["event_id"], "doc_id": event.get("doc_id"), "event_type": event["event_type"],
        "mode": event.get("mode"), "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"), "cameo_root": event.get("cameo_root"),
        "status": event["status"], "date_start": date["start"], "date_end": date["end"],
        "date_precision": date["precision"], "date_method": date["method"],
        "source": _names(event, "source"), "source_country": source[0]["country"] if source else None,
        "target": _names(event, "target"), "target_country": target[0]["country"] if target else None,
        "supporters": _names(event, "supporter"), "location": loc.get("name"), "geonameid": loc.get("geonameid"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "country": loc.get("country"),
        "admin1": loc.get("admin1"), "geo_precision": loc.get("precision"), "fatalities": event.get("fatalities"),
        "confidence": event["confidence"], "sentence": event["sentence"],
    }


def acled_row(event: dict, country_name: Callable[[Optional[str]], str]) -> Optional[dict[str, Any]]:
    """One ACLED-style row, or None for events ACLED does not code (no ACLED type)."""
    if not event.get("acled_event_type"):
        return None
    loc = event.get("location") or {}
    source, target = _actors(event, "source"), _actors(event, "target")
    inter1 = source[0]["acled_inter"] if source and source[0]["acled_inter"] else 0
    inter2 = target[0]["acled_inter"] if target and target[0]["acled_inter"] else 0
    pair = sorted(x for x in (inter1, inter2) if x)
    interaction = int(f"{pair[0]}{pair[1]}") if len(pair) == 2 else (pair[0] * 10 if pair else 0)
    date = event["date"]
    return {
        "event_id_cnty": event["event_id"], "event_date": date["start"], "year": date["start"][:4],
        "time_precision": _TIME_PRECISION.get(date["precision"], 3), "event_type": event["acled_event_type"],
        "sub_event_type": event.get("acled_sub_event_type") or "", "actor1": source[0]["name"] if source else "",
        "assoc_actor_1": _names(event, "supporter"), "inter1": inter1,
        "actor2": target[0]["name"] if target else "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": interaction, "country": country_name(loc.get("country")) if loc else "",
        "iso3": loc.get("country") or "", "admin1": loc.get("admin1") or "", "admin2": "", "admin3": "",
        "location": loc.get("name") or "", "latitude": loc.get("lat", ""), "longitude": loc.get("lon", ""),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision"), 3) if loc else "",
        "source": event.get("doc_id") or "", "notes": event["sentence"], "fatalities": event.get("fatalities") or 0,
    }


def geojson_feature(event: dict) -> Optional[dict[str, Any]]:
    loc = event.get("location")
    if not loc:
        return None
    props = csv_row(event)
    props["actors"] = event["actors"]
    return {"type": "Feature", "id": event["event_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props}


def write_export(events: Iterable[dict], fmt: str, out: IO[str],
                 country_name: Callable[[Optional[str]], str] = lambda iso3: iso3 or "") -> int:
    """Write events in ``fmt``; return how many records were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
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
            row = acled_row(event, country_name)
            if row is not None:
                writer.writerow(row)
                written += 1
    else:
        features = [f for f in (geojson_feature(e) for e in events) if f is not None]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        written = len(features)
    return written
