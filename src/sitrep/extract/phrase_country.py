"""The country a phrase is about when it names no actor: "a Syrian island", "a
market in Kabul", "the Kenya Highlands Growers Alliance".

An event's target is often a thing, not an actor, and a coder that gives actors
countries (NGEC's actor resolution, POLECAT) is asked for the thing's country too.
The phrase says it in three ways, read in this order: a country word or demonym
modifying a noun; a place the phrase puts the thing in, at or near; a country's or
a first-level division's own name inside a proper name. A word the text makes a
backer ("US-backed") is not the thing's country.
"""
from __future__ import annotations

from typing import Optional

from ..geo.names import fold

PLACING_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "off"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
DIVISION_CODES = frozenset({"ADM1", "PCLI"})
MAX_NAME_WORDS = 3


def country_in_phrase(finder, doc) -> Optional[str]:
    """ISO3 of the country ``doc`` (a short phrase, parsed) is about, or None.
    ``finder`` is the :class:`~sitrep.extract.actors.ActorFinder` whose country
    readers it uses."""
    return _by_modifier(finder, doc) or _by_placing_phrase(finder, doc) or _by_name_inside(finder, doc)


def _by_modifier(finder, doc) -> Optional[str]:
    for tok in doc:
        if tok.dep_ in MODIFIER_DEPS and tok.pos_ in ("ADJ", "PROPN") and not finder.is_backer_word(tok):
            code = finder.country_of_word(tok.text)
            if code and not (finder.gazetteer is not None and _is_a_continent(finder.gazetteer.lookup(fold(tok.text)))):
                return code
    return None


def _is_a_continent(readings) -> bool:
    """Antarctica is also a continent, and no state."""
    return any(c.feature_code == "CONT" for c in readings)


def _by_placing_phrase(finder, doc) -> Optional[str]:
    for tok in doc:
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACING_PREPOSITIONS:
            code = finder.country_of_name(tok) or finder.country_of_place_word(tok)
            if code:
                return code
    return None


def _by_name_inside(finder, doc) -> Optional[str]:
    """A country's or a division's own name as words of a proper name, the longest
    first: "Northern Territory" in an association's name. Only names whose readings
    of that rank all lie in one country count."""
    gazetteer = finder.gazetteer
    if gazetteer is None:
        return None
    words = [t for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper()]
    for size in range(MAX_NAME_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start: start + size]
            if run[-1].i - run[0].i != size - 1 or any(finder.is_role_word(t) for t in run):
                continue
            key = fold(doc[run[0].i: run[-1].i + 1].text)
            readings = gazetteer.lookup(key)
            countries = {c.country3 for c in readings
                         if c.feature_code in DIVISION_CODES and c.own_key == key and c.country3}
            if len(countries) == 1 and not _is_a_continent(readings):
                return countries.pop()
    return None
