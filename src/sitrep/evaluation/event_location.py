"""``sitrep eval location``: where an event happened, on Halterman's event-location data.

``evaldata/event_location/labeled_text.jsonl.zip`` (ahalterman/event_location, MIT;
"Geolocating Political Events in Text") holds 10,182 news sentences, each with one
event word (a ``VERB`` span) and the place or places where that event happened
(``LOCATION`` spans; none when the sentence does not say where). 496 are gold
re-annotations (``source: RELABEL``); the others carry one annotator's labels. The
re-annotations' character offsets are unreliable, their token offsets are not, so
every span is rebuilt from its tokens.

Each sentence goes through the pipeline's parse and places stage, and the event
word's token is handed to the rule that picks an event's place
(``PlaceLookup.for_trigger``): this measures that rule, with place recognition under
it, and not event detection. Measured per subset (gold, all):
- precision: the predicted place overlaps a gold place;
- recall: of the sentences with a gold place, those whose place is predicted;
- F1, and "none right": sentences without a gold place for which none is predicted;
- precision per reason (the tier of the rule that chose the place).
"""
from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from ..coder import toponym_resolver
from ..extract.location import PlaceLookup
from ..nlp.spacy_model import masked_doc
from .acled import EVALDATA

EVENT_LOCATION_FILE = EVALDATA / "event_location" / "labeled_text.jsonl.zip"
GOLD_SOURCE = "RELABEL"


@dataclass(frozen=True)
class LocatedEvent:
    record_id: str
    text: str
    gold: bool                          # a re-annotation (RELABEL), not one annotator's label
    verb: tuple[int, int]               # character offsets of the event word
    places: tuple[tuple[int, int], ...]  # where it happened; () when the sentence does not say


def _span_offsets(span: dict, tokens: list[dict]) -> Optional[tuple[int, int]]:
    first, last = span.get("token_start"), span.get("token_end")
    if first is None or last is None or not (0 <= first <= last < len(tokens)):
        return None
    return tokens[first]["start"], tokens[last]["end"]


def _rows(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        raw = archive.read(name).decode("utf-8").strip()
    # the file is one JSON array despite its name; JSON Lines is read too
    return json.loads(raw) if raw.startswith("[") else [json.loads(line) for line in raw.splitlines() if line]


def load_event_locations(path: Path = EVENT_LOCATION_FILE) -> Iterator[LocatedEvent]:
    for n, row in enumerate(_rows(path)):
        tokens, spans = row.get("tokens") or [], row.get("spans") or []
        verbs = [o for s in spans if s.get("label") == "VERB" for o in [_span_offsets(s, tokens)] if o]
        if len(verbs) != 1 or not row.get("text"):
            continue
        places = tuple(o for s in spans if s.get("label") == "LOCATION" for o in [_span_offsets(s, tokens)] if o)
        yield LocatedEvent(record_id=str(row.get("_id", n)), text=row["text"], gold=row.get("source") == GOLD_SOURCE,
                           verb=verbs[0], places=places)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_event_locations(resources, path: Path = EVENT_LOCATION_FILE,
                             limit: Optional[int] = None) -> dict[str, Any]:
    records = list(load_event_locations(path))
    records = records[:limit] if limit else records
    resolver = toponym_resolver(resources)
    docs = resources.nlp.pipe(masked_doc(resources.nlp, resources.actors, r.text) for r in records)
    counts = {subset: Counter() for subset in ("gold", "all")}
    by_reason: dict[str, Counter] = {}
    for record, doc in zip(records, docs):
        span = doc.char_span(record.verb[0], record.verb[1], alignment_mode="expand")
        if span is None:
            continue
        places, _ = resolver.resolve(doc, record.text)
        place, reason = PlaceLookup(places).for_trigger(span.root, record.text)
        right = place is not None and any(_overlaps((place.evidence.start, place.evidence.end), g)
                                          for g in record.places)
        for subset in ("gold", "all") if record.gold else ("all",):
            c = counts[subset]
            c["records"] += 1
            c["with_place"] += bool(record.places)
            c["predicted"] += place is not None
            c["right"] += right
            c["without_place"] += not record.places
            c["none_right"] += not record.places and place is None
        if reason is not None:
            by_reason.setdefault(reason, Counter()).update(predicted=1, right=right)
    return {"file": str(path), "subsets": {name: _metrics(c) for name, c in counts.items()},
            "precision_by_reason": {reason: {"predicted": c["predicted"],
                                             "precision": round(c["right"] / c["predicted"], 4)}
                                    for reason, c in sorted(by_reason.items(), key=lambda kv: -kv[1]["predicted"])}}


def _metrics(c: Counter) -> dict[str, Any]:
    precision = c["right"] / c["predicted"] if c["predicted"] else 0.0
    recall = c["right"] / c["with_place"] if c["with_place"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"records": c["records"], "with_place": c["with_place"], "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4),
            "none_right": round(c["none_right"] / c["without_place"], 4) if c["without_place"] else None}


def format_event_location_report(report: dict[str, Any]) -> str:
    lines = [f"event locations: {report['file']}", "",
             "subset   records  with place  precision  recall   F1     none right"]
    for name, m in report["subsets"].items():
        none_right = "n/a" if m["none_right"] is None else f"{m['none_right']:.3f}"
        lines.append(f"{name:<8} {m['records']:>7}  {m['with_place']:>10}   {m['precision']:.3f}     "
                     f"{m['recall']:.3f}   {m['f1']:.3f}  {none_right}")
    lines += ["", "precision by the reason the place was chosen (all records):"]
    for reason, m in report["precision_by_reason"].items():
        lines.append(f"  {reason:<32} {m['predicted']:>6}  {m['precision']:.3f}")
    return "\n".join(lines)
