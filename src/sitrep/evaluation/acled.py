"""``sitrep eval acled``: the main event of each ACLED note against ACLED's coding.

Each note is coded as an article. Its publication date is the record's upload
``timestamp`` when the file has one (2020 column set), so that relative dates are
resolved as a reader of the report would; otherwise the event date plus
``ASSUMED_REPORT_DELAY_DAYS``. The main event is the first event in the note with
an ACLED type that happened or is going on (ACLED notes lead with it).

Measured: ACLED event type and sub-type, actor1's ACLED inter code, place within
25 km, date (gold day inside the predicted window, and exact day), fatalities
(exact; no stated count is 0, as in ACLED), plus confusion matrices of types and of
actor1 inter (gold against the main event's source).
Old files (2015, 2016) use ACLED's earlier type names, mapped by
``sitrep/data/acled_legacy_types.yaml``; they have no sub-types. A legacy event the
2019 codebook moved by its actors' types (lethal force against protesters, mob
violence) also accepts the current type with that sub-type; ``type_strict`` is the
figure without those.
"""
from __future__ import annotations

import csv
import io
import os
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from ..geo.points import haversine_km
from ..learn.acled_types import cross_fitted_models, fold_of, trained_on
from ..lexicon.actors import load_yaml
from ..model import Article, CodedArticle, Event

def find_evaldata() -> Path:
    """$SITREP_EVALDATA, else ../shared/evaldata beside the working directory, else
    beside the source checkout (the layout of this workplace and of CI)."""
    candidates = [os.environ.get("SITREP_EVALDATA"), Path.cwd().parent / "shared" / "evaldata",
                  Path(__file__).resolve().parents[3].parent / "shared" / "evaldata"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return Path(candidates[-1])


EVALDATA = find_evaldata()
DEFAULT_ACLED_FILE = str(EVALDATA / "acled" / "acled_2020-04-27_2020-05-09_global.csv")
ASSUMED_REPORT_DELAY_DAYS = 2
PLACE_KM = 25.0


@dataclass(frozen=True)
class GoldRecord:
    record_id: str
    notes: str
    event_date: date
    pub_date: date
    event_type: str              # 2020 type names (legacy names mapped)
    legacy_types: tuple[str, ...]  # acceptable 2020 types for a legacy type
    sub_event_type: Optional[str]
    inter1: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    fatalities: int
    # (type, sub-type) pairs the 2019 codebook gives this legacy event (``recoded``); the
    # type figure accepts their types, whatever sub-type the coder gives
    recoded: tuple[tuple[str, str], ...] = ()


def _parse_date(value: str) -> date:
    for fmt in ("%d-%b-%y", "%d/%m/%Y", "%d-%B-%Y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unknown ACLED date {value!r}")


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _recoded(rules: list[dict], inter1: str, inter2: str) -> tuple[tuple[str, str], ...]:
    """The current (type, sub-type) pairs a legacy event's actor types move it to."""
    return tuple((rule["type"], rule["sub_type"]) for rule in rules
                 if ("inter" in rule and str(rule["inter"]) in (inter1, inter2))
                 or ("inter1" in rule and str(rule["inter1"]) == inter1))


def load_acled(path: str | Path) -> Iterator[GoldRecord]:
    mapping = load_yaml("acled_legacy_types.yaml")
    legacy, recoded = mapping["types"], mapping.get("recoded", {})
    reader = csv.DictReader(io.StringIO(_read_text(Path(path))))
    for n, row in enumerate(reader):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        notes = row.get("notes", "")
        if not notes:
            continue
        try:
            event_date = _parse_date(row["event_date"])
        except (KeyError, ValueError):
            continue
        stamp = row.get("timestamp", "")
        pub = event_date + timedelta(days=ASSUMED_REPORT_DELAY_DAYS)
        if stamp.isdigit():
            pub = max(event_date, datetime.fromtimestamp(int(stamp), tz=timezone.utc).date())
        etype = row.get("event_type", "")
        accepted = tuple(legacy.get(etype, [etype]))
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (KeyError, ValueError):
            lat = lon = None
        inter = row.get("inter1", "")
        moved = _recoded(recoded[etype], inter, row.get("inter2", "")) if etype in recoded else ()
        yield GoldRecord(
            record_id=row.get("data_id") or row.get("event_id_cnty") or str(n), notes=notes,
            event_date=event_date, pub_date=pub, event_type=accepted[0], legacy_types=accepted,
            sub_event_type=row.get("sub_event_type") or None, inter1=int(inter) if inter.isdigit() else None,
            lat=lat, lon=lon, fatalities=int(row["fatalities"]) if row.get("fatalities", "").isdigit() else 0,
            recoded=moved,
        )


def main_event(coded: CodedArticle) -> Optional[Event]:
    typed = [e for e in coded.events if e.coding.acled_event_type]
    for e in typed:
        if e.status in ("occurred", "ongoing"):
            return e
    return typed[0] if typed else None


def evaluate_acled(coder, path: str | Path, limit: Optional[int] = None) -> dict[str, Any]:
    golds = list(load_acled(path))[:limit] if limit else list(load_acled(path))
    articles = [Article(doc_id=g.record_id, pub_date=g.pub_date, text=g.notes) for g in golds]
    model = coder.resources.acled_model
    cross_fitted = trained_on(model, Path(path))
    started = time.monotonic()
    if cross_fitted:
        coded = _code_cross_fitted(coder, Path(path), articles)
    else:
        coded = list(coder.code(articles))
    elapsed = time.monotonic() - started
    hits: Counter = Counter()
    has_sub = any(g.sub_event_type for g in golds)
    has_recoded = False
    confusion: Counter = Counter()
    # ACLED's actor types, gold actor1 against the main event's source actor
    inter_confusion: Counter = Counter()
    for gold, result in zip(golds, coded):
        ev = main_event(result)
        predicted_type = ev.coding.acled_event_type if ev else None
        confusion[(gold.event_type if len(gold.legacy_types) == 1 else "/".join(gold.legacy_types),
                   predicted_type or "(none)")] += 1
        hits["found"] += ev is not None
        strict = predicted_type in gold.legacy_types
        hits["type_strict"] += strict
        hits["type"] += strict or any(predicted_type == moved_type for moved_type, _ in gold.recoded)
        has_recoded = has_recoded or bool(gold.recoded)
        if has_sub:
            hits["sub_type"] += bool(ev) and ev.coding.acled_sub_event_type == gold.sub_event_type
        source = next((r.actor for r in ev.actors if r.role == "source"), None) if ev else None
        hits["inter1"] += source is not None and source.acled_inter == gold.inter1
        inter_confusion[(gold.inter1, "(no source)" if source is None else source.acled_inter)] += 1
        if ev and ev.location and gold.lat is not None:
            hits["place_25km"] += haversine_km(ev.location.lat, ev.location.lon, gold.lat, gold.lon) <= PLACE_KM
        if ev:
            hits["date_in_window"] += ev.date.start <= gold.event_date <= ev.date.end
            hits["date_exact"] += ev.date.start == ev.date.end == gold.event_date
        predicted_dead = (ev.fatalities or 0) if ev else 0
        hits["fatalities_exact"] += predicted_dead == gold.fatalities
    n = len(golds)
    metrics = {k: round(hits[k] / n, 4) if n else 0.0 for k in
               ["found", "type", "type_strict", "sub_type", "inter1", "place_25km", "date_in_window",
                "date_exact", "fatalities_exact"]
               if (k != "sub_type" or has_sub) and (k != "type_strict" or has_recoded)}
    learned = "none" if model is None else ("cross-fitted (out of fold)" if cross_fitted else model.meta.get("trained_on"))
    return {"file": str(path), "records": n, "seconds": round(elapsed, 1), "learned_model": learned,
            "articles_per_second": round(n / elapsed, 1) if elapsed else None, "metrics": metrics,
            "confusion": _by_count(confusion), "inter1_confusion": _by_count(inter_confusion)}


def _by_count(counts: Counter) -> dict[str, int]:
    return {f"{g} -> {p}": c for (g, p), c in sorted(counts.items(), key=lambda kv: -kv[1])}


def _code_cross_fitted(coder, path: Path, articles: list[Article]) -> list[CodedArticle]:
    """The file the shipped model learned from: each record is coded with a model
    fitted without its fold, so no record is scored by a model that saw it."""
    coded: dict[int, CodedArticle] = {}
    for fold, model in enumerate(cross_fitted_models(path)):
        indices = [n for n in range(len(articles)) if fold_of(n) == fold]
        for n, result in zip(indices, coder.with_acled_model(model).code([articles[n] for n in indices])):
            coded[n] = result
    return [coded[n] for n in range(len(articles))]


def format_report(report: dict[str, Any]) -> str:
    lines = [f"ACLED evaluation: {report['file']}",
             f"{report['records']} records in {report['seconds']} s ({report['articles_per_second']} articles/s)",
             f"learned sub-type model: {report.get('learned_model')}", ""]
    for name, value in report["metrics"].items():
        lines.append(f"  {name:<18} {value:.3f}")
    lines += ["", "confusion (gold -> predicted), most frequent first:"]
    for pair, count in list(report["confusion"].items())[:30]:
        lines.append(f"  {count:>5}  {pair}")
    lines += ["", "actor1 inter (gold -> main event's source), most frequent first:"]
    for pair, count in list(report.get("inter1_confusion", {}).items())[:20]:
        lines.append(f"  {count:>5}  {pair}")
    return "\n".join(lines)
