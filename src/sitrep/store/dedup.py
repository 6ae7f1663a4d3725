"""Cross-article deduplication: which stored events report the same real event.

The rule (docs/store.md gives the reasons). Two stored events are the same event
when all of these hold. They may come from one article too: the coder merges the
mentions it can link, but an anaphoric "the air strike" two sentences on is left
to this rule.

1. **Same family**: the same ACLED event type when both have one, else the same
   PLOVER type.
2. **Same kind of claim**: both realis (occurred or ongoing), or both the same
   irrealis status (intended, threatened ...). A threat and its execution differ.
3. **Overlapping dates**: their date windows, each widened by ``date_slack_days``
   (none when both state a calendar day), overlap; and neither is dated only to a
   month or year (windows longer than ``max_window_days`` overlap with too much to
   mean anything).
4. **Same place**: the same gazetteer entry; or, when both are placed in a town or
   at a site, within ``town_km`` (a town and a site in it); or, when either is placed
   only in a district or province, within ``max_km``. Events with no location, or
   placed only in a country or region, are never merged: that says too little to
   tell one event from another.
5. **Compatible actors**: if both name a specific source (not "Unidentified ...",
   "Civilians ...", "Protesters ..."), the two events share at least one specific
   participant (source or target). One report's attacker is often the other's
   defender ("X attacked Y" / "Y fought X"), so roles are not compared, and a report
   that names no specific source is compatible with any.

Clustering is incremental and greedy: a new event joins the nearest cluster *all*
of whose events it matches (complete linkage: matching one member is how day after
day of fighting in one town would chain into one "event"), or starts its own. Clusters are never split or merged afterwards; ``sitrep dedup --rebuild``
re-runs the rule over the whole store in ingest order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional

from ..geo.points import haversine_km

REALIS = frozenset({"occurred", "ongoing"})
_TOWN = frozenset({"town", "site"})
_TOO_COARSE = frozenset({"country", "region"})
# names that say what kind of people, not who: they never identify an event
_GENERIC_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True)
class DedupRule:
    max_km: float = 25.0
    town_km: float = 5.0
    date_slack_days: int = 1
    max_window_days: int = 7

    def lat_margin(self) -> float:
        return self.max_km / 111.0


@dataclass(frozen=True)
class EventKey:
    """What the rule compares of one stored event."""

    event_id: str
    doc_id: str
    family: str
    claim: str
    start: date
    end: date
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    sources: frozenset[str]
    participants: frozenset[str]            # sources and targets
    exact_day: bool = False                 # a calendar date the text states ("on 9 May 2020")
    place_precision: Optional[str] = None   # town, site, district, province, region, country

    def dateable(self, rule: DedupRule) -> bool:
        return (self.end - self.start).days < rule.max_window_days


def event_family(event_type: Optional[str], acled_event_type: Optional[str]) -> str:
    return f"acled:{acled_event_type}" if acled_event_type else f"plover:{event_type}"


def claim_of(status: str) -> str:
    return "realis" if status in REALIS else status


def specific_participants(names: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in names if n and not n.startswith(_GENERIC_PREFIXES))


def key_of(event: dict, doc_id: str) -> EventKey:
    """An EventKey from a contract event object."""
    loc = event.get("location") or {}
    return EventKey(
        event_id=event["event_id"], doc_id=doc_id,
        family=event_family(event.get("event_type"), event.get("acled_event_type")),
        claim=claim_of(event["status"]),
        start=date.fromisoformat(event["date"]["start"]), end=date.fromisoformat(event["date"]["end"]),
        lat=loc.get("lat"), lon=loc.get("lon"), geonameid=loc.get("geonameid"),
        sources=specific_participants(a["name"] for a in event["actors"] if a["role"] == "source"),
        participants=specific_participants(a["name"] for a in event["actors"] if a["role"] != "supporter"),
        exact_day=event["date"]["precision"] == "day" and event["date"]["method"] == "explicit",
        place_precision=loc.get("precision"))


def match_distance(a: EventKey, b: EventKey, rule: DedupRule) -> Optional[tuple[float, int]]:
    """(km apart, days apart) when the rule says a and b are one event, else None."""
    if a.event_id == b.event_id or a.family != b.family or a.claim != b.claim:
        return None
    if not (a.dateable(rule) and b.dateable(rule)):
        return None
    # a day's slack is for "yesterday" and "on Sunday" read across midnight and time zones;
    # two stated calendar dates that differ are two days
    slack = timedelta(days=0 if a.exact_day and b.exact_day else rule.date_slack_days)
    if a.start > b.end + slack or b.start > a.end + slack:
        return None
    if a.lat is None or b.lat is None or {a.place_precision, b.place_precision} & _TOO_COARSE:
        return None
    same_entry = a.geonameid is not None and a.geonameid == b.geonameid
    km = 0.0 if same_entry else haversine_km(a.lat, a.lon, b.lat, b.lon)
    both_towns = a.place_precision in _TOWN and b.place_precision in _TOWN
    if km > (rule.town_km if both_towns else rule.max_km):
        return None
    if a.sources and b.sources and not (a.participants & b.participants):
        return None
    days = max(0, (b.start - a.end).days, (a.start - b.end).days)
    return km, days


def choose_cluster(new: EventKey, clusters: dict[str, list[EventKey]], rule: DedupRule) -> Optional[str]:
    """The nearest cluster every member of which matches ``new`` (complete linkage), if any."""
    best: Optional[tuple[tuple[float, int], str]] = None
    for cluster_id, members in clusters.items():
        distances = [match_distance(new, m, rule) for m in members]
        if members and all(d is not None for d in distances):
            score = (min(d for d in distances if d is not None), cluster_id)
            best = score if best is None or score < best else best
    return best[1] if best else None


def pairwise_scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering over the items both label."""
    items = sorted(set(predicted) & set(gold))
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"items": len(items), "pairs_true": tp + fn, "precision": precision, "recall": recall, "f1": f1}
