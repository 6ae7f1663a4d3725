"""``sitrep eval plover``: PLOVER event types, modes and actors on the PLOVER GSR.

The gold-standard records (openeventdata/PLOVER, ``PLOVER_GSR_CAMEO.txt``) are 322
single sentences, each with one PLOVER event: its type and mode, and its source and
target actors with a country (or IGO/NGO) code and a sector. Their dates are
placeholders, so dates are not scored. The 2016 type names are mapped to the 2021
types sitrep codes by ``sitrep/data/plover_legacy_types.yaml``.

Each sentence is coded as an article. Measured:
- ``type``: the sentence's first event has the gold type;
- ``type_any``: some event of the sentence has the gold type;
- ``found``: the sentence has an event at all;
- ``mode``: among sentences with a gold mode whose gold-type event was found, the
  mode agrees, the gold's 2016 mode names read as the 2021 ones sitrep codes
  (``legacy`` in ``sitrep/data/plover_modes.yaml``: "strike-hun" is "hunger",
  "demo-org" and "demo-spon" are "demo"); ``mode_strict`` without that crosswalk;
- ``source_country`` / ``target_country``: among sentences whose gold actor has a
  country code, the event's (the gold-type event, else the first) source or target
  actor has one of the gold countries; ``source_sector`` likewise for sectors.
A confusion matrix of gold type against the first event's type is printed too.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

from ..lexicon.actors import load_yaml
from ..lexicon.modes import mode_table
from ..model import Article, Event
from .acled import EVALDATA

PLOVER_GSR = EVALDATA / "plover" / "PLOVER_GSR_CAMEO.txt"
# codes in the GSR that are not countries (international and non-state actors)
NON_COUNTRY_CODES = {"IGO", "NGO", "MNC", "UAF", "REB", "INS", "XXX", "---", ""}


@dataclass(frozen=True)
class PloverRecord:
    record_id: str
    text: str
    event_type: str                 # 2021 PLOVER type
    mode: Optional[str]
    source_countries: frozenset[str]
    target_countries: frozenset[str]
    source_sectors: frozenset[str]


def _codes(actors, key: str) -> frozenset[str]:
    out = set()
    # one record has a bare string where an actor list belongs: it names no code
    for actor in actors if isinstance(actors, list) else []:
        if not isinstance(actor, dict):
            continue
        value = (actor.get(key) or "").strip().upper()
        if key == "code" and (len(value) != 3 or value in NON_COUNTRY_CODES):
            continue
        if value:
            out.add(value)
    return frozenset(out)


def load_plover(path: Path = PLOVER_GSR) -> list[PloverRecord]:
    text = path.read_text(encoding="utf-8")
    # the file is one JSON array, written by hand: tolerate a trailing comma
    rows = json.loads(re.sub(r",\s*\]\s*$", "]", text.strip()))
    legacy = load_yaml("plover_legacy_types.yaml")["types"]
    out = []
    for row in rows:
        event = row.get("event")
        if not event or event == "DOCUMENT" or not row.get("text"):
            continue
        out.append(PloverRecord(
            record_id=row["id"], text=row["text"], event_type=legacy.get(event, event),
            mode=(row.get("mode") or "").strip() or None,
            source_countries=_codes(row.get("source"), "code"), target_countries=_codes(row.get("target"), "code"),
            source_sectors=_codes(row.get("source"), "sector")))
    return out


def _actor_values(event: Optional[Event], role: str, attribute: str) -> set[str]:
    if event is None:
        return set()
    return {getattr(r.actor, attribute) for r in event.actors if r.role == role and getattr(r.actor, attribute)}


def evaluate_plover(coder, path: Path = PLOVER_GSR, limit: Optional[int] = None) -> dict[str, Any]:
    records = load_plover(path)[:limit] if limit else load_plover(path)
    # the GSR's dates are placeholders; any fixed date serves
    articles = [Article(doc_id=r.record_id, pub_date=date(2000, 1, 1), text=r.text) for r in records]
    hits: Counter = Counter()
    totals: Counter = Counter()
    confusion: Counter = Counter()
    modes = mode_table()
    for record, coded in zip(records, coder.code(articles)):
        first = coded.events[0] if coded.events else None
        typed = next((e for e in coded.events if e.coding.event_type == record.event_type), None)
        chosen = typed or first
        confusion[(record.event_type, first.coding.event_type if first else "(none)")] += 1
        totals["all"] += 1
        hits["found"] += first is not None
        hits["type"] += first is not None and first.coding.event_type == record.event_type
        hits["type_any"] += typed is not None
        if record.mode and typed is not None:
            totals["mode"] += 1
            totals["mode_strict"] += 1
            hits["mode"] += typed.coding.mode == modes.current_name(record.event_type, record.mode)
            hits["mode_strict"] += typed.coding.mode == record.mode
        for role, gold, metric in (("source", record.source_countries, "source_country"),
                                   ("target", record.target_countries, "target_country")):
            if gold:
                totals[metric] += 1
                hits[metric] += bool(_actor_values(chosen, role, "country") & gold)
        if record.source_sectors:
            totals["source_sector"] += 1
            hits["source_sector"] += bool(_actor_values(chosen, "source", "sector") & record.source_sectors)
    n = totals["all"]
    metrics = {k: round(hits[k] / n, 4) if n else 0.0 for k in ("found", "type", "type_any")}
    for k in ("mode", "mode_strict", "source_country", "target_country", "source_sector"):
        metrics[k] = round(hits[k] / totals[k], 4) if totals[k] else None
    return {"file": str(path), "records": n, "scored": {k: totals[k] for k in totals if k != "all"},
            "metrics": metrics,
            "confusion": {f"{g} -> {p}": c for (g, p), c in sorted(confusion.items(), key=lambda kv: -kv[1])}}


def format_plover_report(report: dict[str, Any]) -> str:
    lines = [f"PLOVER GSR: {report['file']}", f"{report['records']} sentences", ""]
    for name, value in report["metrics"].items():
        scored = report["scored"].get(name)
        suffix = f"   (of {scored})" if scored else ""
        lines.append(f"  {name:<16} {'n/a' if value is None else f'{value:.3f}'}{suffix}")
    lines += ["", "confusion (gold -> first event), most frequent first:"]
    for pair, count in list(report["confusion"].items())[:30]:
        lines.append(f"  {count:>5}  {pair}")
    return "\n".join(lines)
