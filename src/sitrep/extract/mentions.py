"""One event per occurrence: mentions of the same occurrence in an article are merged.

Within a sentence, a mention that names nobody, or only the other's target, or tells
violence from the victims' side, or the damage an attack did, is the other's mention;
across sentences only mentions with the same actors, place and stated date are, or
of one fight of the same two sides on the same day, or a noun that refers back ("The
demonstration ended peacefully", "claimed the attack") to the last earlier event of its
kind in its paragraph. A death toll told later in a paragraph ("Three were killed.")
is its first violent event's.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import ActorRole, Event
from .coding import VIOLENT_TYPES
from .counts import fatalities_in
from .text import paragraph_bounds

STRAY_PLACE_WORDS = ("unspecified location", "unknown location", "undisclosed location", "elsewhere",
                     "separately", "in a separate", "in another incident")


def _names(event: Event, *roles: str) -> set[str]:
    return {r.actor.name for r in event.actors if r.role in roles}


def _place_key(event: Event):
    return event.location.geonameid or event.location.parent_geonameid if event.location else None


def _near(a: Event, b: Event) -> bool:
    """No place told against the other's: either has none, or both the same."""
    return _place_key(a) is None or _place_key(b) is None or _place_key(a) == _place_key(b)


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.sentence.start == b.sentence.start and a.status == b.status and (_damage_of(a, b) or _damage_of(b, a)):
        # "a drone attack ... damaged a civilian aircraft": the damage is the attack's
        return _near(a, b)
    if a.coding.event_type != b.coding.event_type or a.status != b.status:
        return False
    if a.sentence.start == b.sentence.start:
        # one sentence: a mention that names nobody ("execution-style") is the other's;
        # so is one that names only the other's target ("raids by X ..., the attacks against it")
        nobody = lambda e: not e.actors
        only_target_of = lambda e, f: not _names(e, "source") and _names(e, "target") <= _names(f, "target")
        # "two soldiers were killed following an attack by militants": violence told from
        # the victims' side, with no doer, is the doer's act in the same sentence
        victims_side = lambda e, f: (e.coding.event_type in VIOLENT_TYPES and not _names(e, "source")
                                     and bool(_names(f, "source")))
        if nobody(a) or nobody(b) or only_target_of(b, a) or only_target_of(a, b) or victims_side(a, b) \
                or victims_side(b, a):
            return _near(a, b)
        return _names(a, "source") == _names(b, "source") and _place_key(a) == _place_key(b)
    # across sentences only with the same actors and place and a shared, stated date
    stated = a.date.method != "publication" and b.date.method != "publication"
    if (_names(a, "source") == _names(b, "source") and _names(a, "target") == _names(b, "target")
            and _place_key(a) == _place_key(b) and stated
            and a.date.start <= b.date.end and b.date.start <= a.date.end):
        return True
    # a fight of two sides on one stated day is one, whichever side each mention tells it
    # from ("SSPDF attacked NAS rebels near X ... NAS claimed to have killed 4 SSPDF")
    sides = _names(a, "source", "target")
    return (stated and a.coding.acled_sub_event_type == b.coding.acled_sub_event_type == "Armed clash"
            and len(sides) == 2 and sides == _names(b, "source", "target")
            and a.date.precision == b.date.precision == "day" and a.date.start == b.date.start)


def _damage_of(damage: Event, attack: Event) -> bool:
    """Property destroyed in the same sentence as an attack, by no one else."""
    return (damage.coding.acled_sub_event_type == "Looting/property destruction"
            and attack.coding.event_type == "ASSAULT"
            and _names(damage, "source") <= _names(attack, "source"))


def _joined_roles(kept: Event, other: Event) -> tuple[ActorRole, ...]:
    """``kept``'s actors and the other mention's new ones: an actor keeps the role it
    has, never both source and target."""
    roles = list(kept.actors)
    roles += [r for r in other.actors if all(r.actor.name != k.actor.name for k in roles)]
    return tuple(roles)


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


def _folded(kept: Event, other: Event, coding) -> Event:
    """``kept`` with ``other``'s mention folded in: its actors, evidence and toll."""
    return replace(kept, coding=coding, actors=_joined_roles(kept, other), mentions=kept.mentions + other.mentions,
                   fatalities=kept.fatalities if kept.fatalities is not None else other.fatalities,
                   confidence=max(kept.confidence, other.confidence))


def _refers_back(kept: Event, event: Event, text: str, referring: frozenset[int]) -> bool:
    """Is ``event`` told by a noun that refers back ("The demonstration ended peacefully",
    ``referring`` holds such triggers' offsets) to ``kept``, of its kind and paragraph?"""
    return (event.trigger.start in referring and kept.sentence.start < event.sentence.start
            and kept.coding.event_type == event.coding.event_type and kept.status == event.status
            and paragraph_bounds(text, kept.sentence.start) == paragraph_bounds(text, event.sentence.start)
            and _near(kept, event))


def merge_mentions(events: list[Event], text: str = "", referring: frozenset[int] = frozenset()) -> list[Event]:
    """One event per occurrence: later mentions fold into the first, keeping their
    evidence; a noun that refers back (``referring``: its trigger's offset) folds into
    the last earlier event of its kind in its paragraph."""
    merged: list[Event] = []
    for event in events:
        back = next((k for k in range(len(merged) - 1, -1, -1) if _refers_back(merged[k], event, text, referring)),
                    None) if referring else None
        if back is not None:
            # the earlier mention tells the act ("an RCIED exploded"), the noun only refers
            # to it ("claimed the attack"): the act's coding stays, the noun adds its actors
            merged[back] = _folded(merged[back], event, merged[back].coding)
            continue
        for k, kept in enumerate(merged):
            if _same_occurrence(kept, event):
                if not any(r.role == "source" for r in kept.actors) and any(r.role == "source" for r in event.actors):
                    kept, event = event, kept
                merged[k] = _folded(kept, event, _coding_told_by_victims(kept, event))
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
        is_toll = {n: _toll_of(e, event) for n, e in later}
        stop = min((e.sentence.start for n, e in later if not is_toll[n]), default=end)
        found = fatalities_in(text[sentence_end:stop])
        if found is None:
            continue
        for n, toll in later:
            if is_toll[n] and toll.sentence.start < stop:
                event = replace(event, actors=_joined_roles(event, toll), mentions=event.mentions + toll.mentions)
                out[n] = None
        out[k] = replace(event, fatalities=found)
    return [e for e in out if e is not None]


def _toll_of(later: Event, event: Event) -> bool:
    """Harm with no doer, at no other place of its own: told from the victims' side of
    ``event`` (a place it only takes from earlier in the paragraph is none of its own)."""
    own_place = later.location_reason not in (None, "named earlier in the paragraph", "referred to earlier")
    # "one soldier was killed at an unspecified location": a toll the report does not tie here
    stray = any(words in later.sentence.text.lower() for words in STRAY_PLACE_WORDS)
    return (not _names(later, "source") and later.status == event.status and not stray
            and (not own_place or _near(later, event)))
