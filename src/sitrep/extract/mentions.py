"""One event per occurrence: mentions of the same occurrence in an article are merged.

Within a sentence, a mention that names nobody, or only the other's target, or tells
violence from the victims' side, or the damage an attack did, is the other's mention;
across sentences only mentions with the same actors, place and stated date are, or
of one fight of the same two sides on the same day. A death toll told later in a
paragraph ("Three were killed.") is its first violent event's.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Event
from .coding import VIOLENT_TYPES
from .counts import fatalities_in
from .text import paragraph_bounds

STRAY_PLACE_WORDS = ("unspecified location", "unknown location", "undisclosed location", "elsewhere",
                     "separately", "in a separate", "in another incident")


def _same_occurrence(a: Event, b: Event) -> bool:
    names = lambda e, role: {r.actor.name for r in e.actors if r.role == role}
    loc = lambda e: e.location.geonameid or e.location.parent_geonameid if e.location else None
    if a.sentence.start == b.sentence.start and a.status == b.status and (
            _damage_of(a, b, names) or _damage_of(b, a, names)):
        # "a drone attack ... damaged a civilian aircraft": the damage is the attack's
        return loc(a) is None or loc(b) is None or loc(a) == loc(b)
    if a.coding.event_type != b.coding.event_type or a.status != b.status:
        return False
    if a.sentence.start == b.sentence.start:
        # one sentence: a mention that names nobody ("execution-style") is the other's;
        # so is one that names only the other's target ("raids by X ..., the attacks against it")
        nobody = lambda e: not e.actors
        only_target_of = lambda e, f: not names(e, "source") and names(e, "target") <= names(f, "target")
        # "two soldiers were killed following an attack by militants": violence told from
        # the victims' side, with no doer, is the doer's act in the same sentence
        victims_side = lambda e, f: (e.coding.event_type in VIOLENT_TYPES and not names(e, "source")
                                     and bool(names(f, "source")))
        if nobody(a) or nobody(b) or only_target_of(b, a) or only_target_of(a, b) or victims_side(a, b) \
                or victims_side(b, a):
            return loc(a) is None or loc(b) is None or loc(a) == loc(b)
        return names(a, "source") == names(b, "source") and loc(a) == loc(b)
    # across sentences only with the same actors and place and a shared, stated date
    stated = a.date.method != "publication" and b.date.method != "publication"
    if (names(a, "source") == names(b, "source") and names(a, "target") == names(b, "target")
            and loc(a) == loc(b) and stated and a.date.start <= b.date.end and b.date.start <= a.date.end):
        return True
    # a fight of two sides on one stated day is one, whichever side each mention tells it
    # from ("SSPDF attacked NAS rebels near X ... NAS claimed to have killed 4 SSPDF")
    return (stated and a.coding.acled_sub_event_type == b.coding.acled_sub_event_type == "Armed clash"
            and len(_sides(a)) == 2 and _sides(a) == _sides(b)
            and a.date.precision == b.date.precision == "day" and a.date.start == b.date.start)


def _sides(event: Event) -> frozenset[str]:
    return frozenset(r.actor.name for r in event.actors if r.role in ("source", "target"))


def _damage_of(damage: Event, attack: Event, names) -> bool:
    """Property destroyed in the same sentence as an attack, by no one else."""
    return (damage.coding.acled_sub_event_type == "Looting/property destruction"
            and attack.coding.event_type == "ASSAULT"
            and names(damage, "source") <= names(attack, "source"))


def _coding_told_by_victims(kept: Event, other: Event):
    """An attack whose own mention names no target is coded as one on civilians; when
    the other mention of it says the victims were armed ("two soldiers were killed"), it
    was a clash. A weapon-specific coding (a drone strike) stays as it is."""
    has_target = any(r.role == "target" for r in kept.actors)
    if (not has_target and kept.coding.acled_sub_event_type == "Attack"
            and other.coding.acled_sub_event_type == "Armed clash"
            and any(r.role == "target" for r in other.actors)):
        return replace(kept.coding, acled_event_type="Battles", acled_sub_event_type="Armed clash")
    return kept.coding


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event per occurrence: later mentions fold into the first, keeping their evidence."""
    merged: list[Event] = []
    for event in events:
        for k, kept in enumerate(merged):
            if _same_occurrence(kept, event):
                if not any(r.role == "source" for r in kept.actors) and any(r.role == "source" for r in event.actors):
                    kept, event = event, kept
                roles = list(kept.actors)
                for role in event.actors:
                    # an actor keeps the role it has: never both source and target
                    if all(r.actor.name != role.actor.name for r in roles):
                        roles.append(role)
                merged[k] = replace(kept, coding=_coding_told_by_victims(kept, event), actors=tuple(roles),
                                    mentions=kept.mentions + event.mentions,
                                    fatalities=kept.fatalities if kept.fatalities is not None else event.fatalities,
                                    confidence=max(kept.confidence, event.confidence))
                break
        else:
            merged.append(event)
    return merged


def counts_told_later(events: list[Event], text: str) -> list[Event]:
    """'Clashes erupted ... . Three people were killed.': the first violent event of a
    paragraph takes a death count told later in the paragraph, up to a sentence holding
    an act of its own. Harm told there with no doer ("12 fighters were reported killed")
    is the event's toll, and folds into it."""
    out = list(events)
    seen_paragraphs: set[int] = set()
    for k, event in enumerate(out):
        if event is None or event.coding.event_type not in VIOLENT_TYPES:
            continue
        # (a sentence may end with the blank line after it: the paragraph is the one it ends in)
        sentence_end = event.sentence.start + len(event.sentence.text.rstrip())
        para, end = paragraph_bounds(text, event.sentence.start, sentence_end)
        if para in seen_paragraphs:
            continue
        seen_paragraphs.add(para)
        if event.fatalities is not None or not text[sentence_end:end].strip():
            continue
        # the violent acts told later in the paragraph (a sentence of a non-violent act, "the
        # group had rejected a meeting", neither tells nor stops a toll)
        later = [(n, e) for n, e in enumerate(out) if e is not None and sentence_end <= e.sentence.start < end
                 and e.coding.event_type in VIOLENT_TYPES]
        tolls = [(n, e) for n, e in later if _toll_of(e, event)]
        blocked = [e.sentence.start for n, e in later if not _toll_of(e, event)]
        stop = min(blocked, default=end)
        found = fatalities_in(text[sentence_end:stop])
        if found is None:
            continue
        roles = list(event.actors)
        for n, toll in tolls:
            if toll.sentence.start >= stop:
                continue
            roles += [r for r in toll.actors if all(r.actor.name != kept.actor.name for kept in roles)]
            event = replace(event, mentions=event.mentions + toll.mentions)
            out[n] = None
        out[k] = replace(event, fatalities=found, actors=tuple(roles))
    return [e for e in out if e is not None]


def _toll_of(later: Event, event: Event) -> bool:
    """Harm with no doer, at no other place of its own: told from the victims' side of
    ``event`` (a place it only takes from earlier in the paragraph is none of its own)."""
    loc = lambda e: e.location.geonameid or e.location.parent_geonameid if e.location else None
    own_place = later.location_reason not in (None, "named earlier in the paragraph", "referred to earlier")
    # "one soldier was killed at an unspecified location": a toll the report does not tie here
    stray = any(words in later.sentence.text.lower() for words in STRAY_PLACE_WORDS)
    return (not any(r.role == "source" for r in later.actors) and later.status == event.status and not stray
            and (not own_place or loc(later) is None or loc(event) is None or loc(later) == loc(event)))
