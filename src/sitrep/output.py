"""Serialise coded articles to the contract's JSON objects (docs/schema.md).

The fields of ``../shared/CONTRACT.md`` are kept exactly; sitrep's extensions
(``mentions``, ``trigger``, ``location_reason``, ``relations``, ``parent_geonameid``,
``confidence`` on places ...) are added beside them, never instead of them.
"""
from __future__ import annotations

from typing import Any, Optional

from .model import Actor, ActorRole, CodedArticle, Event, Place, Quote, Relation, TimeSpan


def place_json(p: Place) -> dict[str, Any]:
    return {
        "text": p.evidence.text, "start": p.evidence.start, "end": p.evidence.end, "name": p.name,
        "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country, "admin1": p.admin1,
        "feature_code": p.feature_code, "precision": p.precision, "confidence": p.score,
        "parent_geonameid": p.parent_geonameid, "adjectival": p.adjectival,
    }


def location_json(p: Optional[Place], reason: Optional[str]) -> Optional[dict[str, Any]]:
    if p is None:
        return None
    out = place_json(p)
    out["reason"] = reason
    return out


def actor_json(role: ActorRole) -> dict[str, Any]:
    a: Actor = role.actor
    return {"role": role.role, "text": a.evidence.text, "name": a.name, "country": a.country,
            "sector": a.sector, "acled_inter": a.acled_inter, "start": a.evidence.start,
            "end": a.evidence.end, "kind": a.kind}


def date_json(d: TimeSpan) -> dict[str, Any]:
    return {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": d.precision,
            "text": d.evidence.text if d.evidence else None, "method": d.method,
            "evidence": {"start": d.evidence.start, "end": d.evidence.end} if d.evidence else None}


def event_json(e: Event) -> dict[str, Any]:
    c = e.coding
    return {
        "event_id": e.event_id, "event_type": c.event_type, "mode": c.mode,
        "acled_event_type": c.acled_event_type, "acled_sub_event_type": c.acled_sub_event_type,
        "acled_by": c.acled_by if c.acled_event_type else None, "cameo_root": c.cameo_root, "status": e.status,
        "actors": [actor_json(r) for r in e.actors],
        "location": location_json(e.location, e.location_reason),
        "date": date_json(e.date), "fatalities": e.fatalities, "sentence": e.sentence.text,
        "evidence": {"start": e.trigger.start, "end": e.trigger.end},
        "confidence": e.confidence,
        "trigger": e.trigger.text,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {"speaker": q.speaker, "speaker_text": q.speaker_text, "anonymous": q.anonymous,
            "affiliation": q.affiliation, "quote": q.quote, "start": q.start, "end": q.end}


def relation_json(r: Relation) -> dict[str, Any]:
    return {"backer": r.backer, "backed": r.backed, "kind": r.kind, "text": r.evidence.text,
            "start": r.evidence.start, "end": r.evidence.end}


def article_json(coded: CodedArticle) -> dict[str, Any]:
    out: dict[str, Any] = {
        "doc_id": coded.doc_id,
        "pub_date": coded.pub_date.isoformat() if coded.pub_date else None,
        "events": [event_json(e) for e in coded.events],
        "places": [place_json(p) for p in coded.places],
        "quotes": [quote_json(q) for q in coded.quotes],
        "relations": [relation_json(r) for r in coded.relations],
        "error": coded.error,
    }
    if coded.article is not None:
        for key, value in coded.article.meta:
            out.setdefault(key, value)
    return out
