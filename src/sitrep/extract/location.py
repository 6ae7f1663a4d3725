"""Where an event happened: the rule that picks one place for a trigger.

Not every place in the sentence is where the event happened. ``PlaceLookup.for_trigger``
looks in tiers (the trigger's own arguments, then places attached to a governing
word, then a place referred back to, then the sentence, then the paragraph) and,
within a tier, takes the most specific place, then the first named. A sentence's
places also say which country it is set in (``sentence_countries``), which is the
country of the unplaced agents it names.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from types import MappingProxyType
from typing import Mapping, Optional, Sequence

from ..geo.unresolved import UNRESOLVED_FEATURE
from ..model import Actor, Place
from .text import paragraph_bounds

LOCATION_PREPS = {"in", "at", "near", "around", "outside", "across", "inside", "into", "on", "from", "within",
                  "throughout", "over", "towards", "toward"}


class PlaceLookup:
    """Places of one article by position, and the rule for an event's place."""

    def __init__(self, places: Sequence[Place]):
        # a demonym ("Russian missile strike") names whose, not where
        self.places = sorted((p for p in places if not p.adjectival), key=lambda p: p.evidence.start)
        # the countries the story names places inside of, and how often each is named
        self.inside_countries = frozenset(p.country for p in self.places if p.country and p.precision != "country")
        self.country_mentions = Counter(p.country for p in self.places if p.country)

    def covering(self, tok) -> Optional[Place]:
        for p in self.places:
            if p.evidence.start <= tok.idx < p.evidence.end:
                return p
        return None

    def before(self, offset: int, floor: int) -> Optional[Place]:
        found = None
        for p in self.places:
            if floor <= p.evidence.start < offset:
                found = p
        return found

    def for_trigger(self, tok, text: str) -> tuple[Optional[Place], Optional[str]]:
        """The place the event happened, and why we think so.

        Tiers, first non-empty wins; within a tier the most specific place, then the
        first named ("in Remeka village (Masisi, Nord-Kivu)" -> Remeka):
        1. the trigger's own arguments ("seized Palmyra", "raids in X");
        2. places attached to a governing word ("faced pressure in X province, including raids");
        3. a pronoun or definite description of a place ("take it", "control of the city");
        4. the sentence;  5. the last place named earlier in the paragraph.
        """
        own = self._in_subtree(tok)
        if own:
            return _most_specific(own), "argument of the trigger"
        node = tok
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            found = self._attached(node)
            if found:
                return _most_specific(found), "attached to a governing word"
        for t in _place_reference_tokens(tok):
            prior = self.before(t.idx, 0)
            if prior is not None and prior.precision != "country":
                return prior, "referred to earlier"
        sent = tok.sent
        in_sentence = [p for p in self.places if sent.start_char <= p.evidence.start < sent.end_char]
        if in_sentence:
            return _most_specific(in_sentence), "named in the sentence"
        para_start = paragraph_bounds(text, sent.start_char)[0]
        prior = self.before(sent.start_char, max(0, para_start - 1))
        if prior is not None:
            return prior, "named earlier in the paragraph"
        return None, None

    def _in_subtree(self, tok) -> list[Place]:
        found: list[Place] = []
        for child in tok.children:
            # "shot by police in Bouake": the parser may hang the place on the passive's agent
            if child.dep_ in ("dobj", "nsubjpass", "npadvmod", "agent") or (
                    child.dep_ == "prep" and child.lower_ in LOCATION_PREPS):
                found.extend(self._places_in(_phrase(child)))
        return found

    def _attached(self, node) -> list[Place]:
        found: list[Place] = []
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
                found.extend(self._places_in(_phrase(child)))
        return found

    def _places_in(self, tokens) -> list[Place]:
        seen, out = set(), []
        for t in tokens:
            p = self.covering(t)
            if p is not None and id(p) not in seen:
                seen.add(id(p))
                out.append(p)
        return out


# inside an argument, a clause of its own tells of something else ("killed in an attack,
# which was followed by another blast in Colombo"), and "from"/"for" tell whose or where
# from ("a cab driver from Abidjan was shot"), not where the event was; appositions and
# participles stay ("at Ad Dahfash village (Ad Durayhimi, Al Hudaydah)", "positions
# located at Munjuglu, Tovuz")
_OTHER_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "parataxis"}
_NOT_WHERE_PREPS = {"from", "for"}


def _phrase(top):
    """The tokens of an argument's phrase, without the clauses nested in it."""
    stack = [top]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.dep_ in _OTHER_CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ in _NOT_WHERE_PREPS):
                continue
            stack.append(child)


def _place_reference_tokens(tok):
    """Tokens among the trigger's arguments that refer back to a place."""
    for child in tok.children:
        if child.dep_ == "advmod" and child.lower_ == "there":
            yield child
        if child.dep_ == "dobj":
            if child.lower_ == "it":
                yield child
            chain = [child] + [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                               for g in p.children if g.dep_ == "pobj"]
            for t in chain:
                if t.lemma_.lower() in ("city", "town", "village") and any(c.lower_ == "the" for c in t.children):
                    yield t


_RANK = {"site": 0, "town": 1, "district": 2, "province": 3, "region": 4, "country": 5}


def _most_specific(places: Sequence[Place]) -> Place:
    """Finest precision first; among equals the first named (news and ACLED notes name
    the specific place before its district and province). A name the gazetteer lacks
    ("the village of Tieba") is as specific as a town, though placed at its district."""
    return min(places, key=lambda p: (_RANK["town"] if p.feature_code == UNRESOLVED_FEATURE
                                      else _RANK.get(p.precision, 9), p.evidence.start))


def with_inter_for_location(actor: Actor, location_country: Optional[str],
                            inside_places: frozenset[str] = frozenset(),
                            mentions: Mapping[str, int] = MappingProxyType({})) -> Actor:
    """ACLED codes state forces acting outside their own country as external forces (8).

    The place is taken as abroad unless the story has places inside the forces' own
    country (``inside_places``) and names the foreign country only at the event's place
    (``mentions`` per country): then a village the gazetteer puts abroad is more often a
    wrong reading than a foreign deployment ("Afghan police in Chora, Uruzgan" is not in
    Greece), while "an attack on Abha airport in Saudi Arabia" stays abroad."""
    if not (actor.acled_inter == 1 and actor.country and location_country and actor.country != location_country):
        return actor
    if actor.country in inside_places and mentions.get(location_country, 0) < 2:
        return actor
    return replace(actor, acled_inter=8)


def sentence_countries(doc, places: Sequence[Place]) -> dict[int, str]:
    """The one country each sentence is set in (by the sentence's first character):
    where the places it names below the level of a country are all in one, and it
    names no other country as a place."""
    found: dict[int, set] = {}
    below_country: set[int] = set()
    for place in places:
        if place.adjectival or not place.country:
            continue
        span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
        if span is not None:
            found.setdefault(span.sent.start_char, set()).add(place.country)
            if place.precision != "country":
                below_country.add(span.sent.start_char)
    return {start: countries.pop() for start, countries in found.items()
            if len(countries) == 1 and start in below_country}
