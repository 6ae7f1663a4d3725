"""Resolve an article's place mentions against the gazetteer.

Mentions come from ``recognition``. Disambiguation scores every candidate on
population, feature type, the hint and the article's country context (countries
named, unambiguous places, demonyms, national actors the lexicon knows), then on the
article's other places ("Town, Division" pairs, nearby readings), so "Palmyra" in a
Syrian story is Tadmur, not Palmyra, New Jersey.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional

from ..lexicon.front_lines import front_lines
from ..model import Evidence, Place
from .context import (LIST_SUPPORT, PAIR_SUPPORT, ReadingPairs, anchors_of, list_kinds,
                      nearby_support, pinned_pairs)
from .cues import modifies_actor, modifies_noun, span_end_token
from .gazetteer import Candidate, Gazetteer
from .landmarks import landmarks_placed_elsewhere
from .namesakes import (FOREIGN_TOWN_MIN_POPULATION, acronym, far_namesakes, far_rivals, own_evidence,
                        towns_named_like_countries, world_city_over)
from .names import fold
from .registers import home_country, register_countries
from .recognition import ToponymFinder, ToponymSpan, site_mentions
from .unresolved import places_in_containers

ALTERNATE_NAME_PENALTY = 0.25
# a division's population (the sum of its towns') is divided by this against a town
# of its name, or by the smaller number when no town of its name lies in it
DIVISION_DAMPING = 20
LONE_DIVISION_DAMPING = 2
# a report by a front line's observers is about that line: as strong as its country and
# one of its divisions named
OBSERVED_LINE_WEIGHT = 3
SITE_IN_TOWN_CONFIDENCE = 0.3
UNCUED_VOTE = 0.5
# a reading the rest of the story gives no support to, with a rival over RIVAL_KM off,
# is only a guess
AMBIGUOUS_CONFIDENCE = 0.4
# labels the tagger gives a people's name ("Dinka", "Nuer", "Tiv")
GROUP_LABELS = ("NORP", "PERSON", "ORG", "GPE")
_PRECISION_BY_FEATURE = {"PCLI": "country", "ADM1": "province", "ADM2": "district", "PPL": "town",
                         "CONT": "region", "RGN": "region"}


def _division_of(cand: Candidate) -> tuple:
    """The first-level division a reading lies in (or is), as the division context counts it."""
    return (cand.country2, cand.admin1_code)


def _town_divisions(readings: list[Candidate]) -> set[tuple]:
    """The first-level divisions that hold a town of the name."""
    return {_division_of(c) for c in readings if c.feature_code == "PPL"}


def _town_inside(division: Candidate, town_divisions: set[tuple]) -> bool:
    """Is one of the name's readings a town in this division's first-level division
    ("New York"; "Guaymas" the town beside Guaymas the municipality)?"""
    return division.feature_code in ("ADM1", "ADM2") and _division_of(division) in town_divisions


def _outweighed(division: Candidate, readings: list[Candidate]) -> bool:
    """Is a division's name more likely a city of its country outside it ("Washington")?
    Then naming it does not say the story is in the division. (New York City is in New
    York; a namesake abroad, Al Bayda in Libya, is for the country context to weigh.)"""
    return any(c.feature_code == "PPL" and c.country3 == division.country3
               and c.population > division.population // 20 and _division_of(c) != _division_of(division)
               for c in readings)


def _named_by_others(division: Candidate, divisions: Counter, own_divisions: Optional[Counter]) -> bool:
    """Do names other than this one put the story in ``division``?"""
    key = _division_of(division)
    return own_divisions is not None and divisions[key] > own_divisions[key]


def _pair_support(pairs: ReadingPairs, cand: Candidate, span: ToponymSpan) -> float:
    """A reading's support from another name's reading beside it, where the text does
    not say what kind of place the name is (a hint such as "province" decides then)."""
    return pairs.support(cand, span.key) if span.hint is None else 0.0


def _lead(votes: Counter) -> float:
    """How far the main country leads the runner-up: 1 alone, 0 in a tie."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] <= 0:
        return 1.0
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return 1.0 - runner_up / ranked[0][1]


@dataclass(frozen=True)
class StoryContext:
    """Where the story is, as the readings' scores see it."""

    countries: Counter              # the weight of each country (ISO3) the story names
    main: Optional[str]             # the country it is mostly about
    divisions: Counter              # the first-level divisions it names or is in
    main_lead: float = 1.0          # how far the main country leads the next (``_lead``)


class ToponymResolver:
    """Recognises and resolves the places of one article."""

    def __init__(self, gazetteer: Gazetteer, country_word=None, actor_country=None, identity_group=None,
                 fights_at_home=None):
        self.gazetteer = gazetteer
        self.finder = ToponymFinder(gazetteer, country_word)
        # callable: text -> ISO3 for demonyms / short country forms (from the lexicon)
        self.country_word = self.finder.country_word
        # callable: lexicon actor id -> the ISO3 it belongs to, or None ("houthis" -> YEM)
        self.actor_country = actor_country or (lambda actor_id: None)
        # callable: an ethnic group's, clan's or community's name -> (name, the ISO3 its
        # militias are reported in or None), None for other words ("Dinka" -> SSD;
        # "Fulani" spans borders)
        self.identity_group = identity_group or (lambda text: None)
        # callable: lexicon actor id -> is it an armed group of one country ("Boko Haram")
        self.fights_at_home = fights_at_home or (lambda actor_id: False)

    def find_spans(self, doc, text: str) -> list[ToponymSpan]:
        return self.finder.find_spans(doc, text)

    def _candidates(self, span: ToponymSpan) -> list[Candidate]:
        if span.pinned is not None:
            division = self.gazetteer.by_id(span.pinned)
            return [division] if division else []
        if span.country:
            country = self.gazetteer.country(span.country)
            # "Georgia" in a story from Atlanta is the state
            return [country, *self._division_readings(span)] if country else []
        return self.gazetteer.lookup(span.key)

    def _division_readings(self, span: ToponymSpan) -> list[Candidate]:
        """A country word's other readings as a first-level division ("Georgia" the state,
        "the Georgia Municipal Association" too; a demonym names its country only)."""
        if span.country is None:
            return []
        return [c for c in self.gazetteer.lookup(span.key) if c.feature_code == "ADM1"
                and (not span.adjectival or c.own_key == span.key)]

    def country_context(self, spans: list[ToponymSpan], doc, candidates: dict[tuple, list[Candidate]],
                        registered: Counter) -> Counter:
        """Countries the article talks about: named countries, sure places, demonyms,
        and ``registered``, the countries whose local vocabulary it uses."""
        counts: Counter = Counter(registered)
        for span in spans:
            if span.adjectival or span.landmark:
                continue        # demonyms count once, below, as weaker evidence than a place named
            if span.cued:       # a name read without a cue may be a person's ("Bailey") or a firm's
                counts.update(own_evidence(candidates[span.reading]))
        for ent in doc.ents:
            # demonyms, and national actors the lexicon knows ("Houthis" fight in Yemen),
            # are weaker evidence than a place named
            if ent.ent_id_:
                code = self.actor_country(ent.ent_id_)
            elif ent.label_ == "NORP":
                code = self.country_word(ent.text.split("-")[-1])
            elif ent.label_ == "GPE":
                code = self.gazetteer.demonym_country(ent.text)     # "Ukrainian" labelled a place
            else:
                code = None
            if code is None and ent.label_ in GROUP_LABELS:
                # "clashes between Dinka and Nuer youths": a people of one country
                code = (self.identity_group(ent.text.split("-")[-1]) or (None, None))[1]
            if code:
                counts[code] += 1
        return counts

    def _armed_groups_homes(self, doc) -> list[Candidate]:
        """The countries of the rebel groups and militias of one country the text names
        by name, not by a short acronym, which other groups share ("JAS")."""
        codes = {self.actor_country(ent.ent_id_) for ent in doc.ents
                 if ent.ent_id_ and self.fights_at_home(ent.ent_id_) and not acronym(ent.text)} - {None}
        return [c for c in (self.gazetteer.country(code) for code in sorted(codes)) if c is not None]

    @staticmethod
    def divisions_by_name(spans: list[ToponymSpan], candidates: dict[tuple, list[Candidate]]) -> dict[str, Counter]:
        """First-level divisions the article is in, by the name (folded key) that says
        so: divisions named ("Louisiana") and the divisions of places with only one
        reading. Summed, the division context."""
        counts: dict[str, Counter] = {}
        for span in spans:
            cands = candidates[span.reading]
            divisions = [c for c in cands if c.feature_code == "ADM1"]
            if len(divisions) == 1 and not _outweighed(divisions[0], cands):
                counts.setdefault(span.key, Counter())[_division_of(divisions[0])] += 2
            elif len(cands) == 1 and cands[0].admin1_code:
                counts.setdefault(span.key, Counter())[_division_of(cands[0])] += 1
        return counts

    def _observed_lines(self, text: str, context: Counter, divisions: Counter) -> None:
        """A report by a front line's observers ("the OSCE SMM observed ... near
        Komsomolets") is set in the line's country and divisions."""
        for line in front_lines():
            if not line.observed_in(text):
                continue
            context[line.country] += OBSERVED_LINE_WEIGHT
            for name in line.division_names:
                for cand in self.gazetteer.lookup(fold(name)):
                    if cand.feature_code == "ADM1" and cand.country3 == line.country:
                        divisions[_division_of(cand)] += OBSERVED_LINE_WEIGHT

    def score(self, cand: Candidate, span: ToponymSpan, story: StoryContext,
              own_divisions: Optional[Counter] = None, town_inside: bool = False) -> float:
        """How likely ``cand`` is what ``span`` names (not a probability; compared
        between one span's readings). ``own_divisions``: the divisions this name itself
        contributes to the story's (a name does not back itself); ``town_inside``: a town
        of this name lies in the candidate division."""
        divisions = story.divisions
        # a division's population is the sum of its cities': damp it so a bare
        # "Brest" is the city unless the text says "province"
        population = cand.population // self._division_damping(cand, span, town_inside) \
            if cand.feature_code in ("ADM1", "ADM2") else cand.population
        score = math.log10(population + 10) / 7.0
        if cand.feature_code == "PPL" and cand.own_key != span.key:
            # found through one of its alternate names ("Jerusalem" is also a name of
            # Funkstown, Maryland): less likely than a town of that very name
            score -= ALTERNATE_NAME_PENALTY
        in_named_division = bool(divisions and divisions.get(_division_of(cand)))
        if cand.country3 == story.main:
            # the main country's edge over the story's other countries shrinks as its
            # lead does: a Toronto story that also names New Jersey is not a US story
            score += 0.3 + 0.3 * story.main_lead
        elif story.countries.get(cand.country3):
            score += 0.3
        # a town in a division the article names or is otherwise in; a county too
        # ("Walker County"); the division itself when the story's other names are in it
        # ("Georgia" beside Macon). Not over a town of that name in the division: "New
        # York" with Brooklyn may still be the city, "Guaymas" the town, not the municipality.
        if in_named_division and not town_inside and (
                cand.feature_code in ("PPL", "ADM2")
                or (cand.feature_code == "ADM1" and _named_by_others(cand, divisions, own_divisions))):
            score += 0.25
        if cand.feature_code in ("PCLI", "CONT", "RGN"):
            score += 0.5
        elif span.hint == "province":
            score += 0.6 if cand.feature_code == "ADM1" else 0.0
        elif span.hint == "district":
            # "Butler County", "Al Hali district": the county, not a town of that name
            score += 0.6 if cand.feature_code == "ADM2" else 0.0
        elif span.hint == "town":
            score += 0.6 if cand.feature_code == "PPL" else 0.0
        elif cand.feature_code == "PPL":
            score += 0.05       # a bare name in news is usually the town
        return score

    def _division_damping(self, cand: Candidate, span: ToponymSpan, town_inside: bool) -> int:
        """How much a division's summed population is damped against the towns of its
        name. A first-level division named by its own name that holds no town of that
        name ("Wyoming", "Wales", "Delaware") is damped less: its namesakes are other
        places, often small ones ("Wyoming", Michigan; "Wales" in Yorkshire), and a bare
        state name in news is the state. Not when the name is also its country's
        capital ("Washington")."""
        if (cand.feature_code == "ADM1" and not town_inside and cand.own_key == span.key
                and self.gazetteer.capital_country(span.key) != cand.country3):
            return LONE_DIVISION_DAMPING
        return DIVISION_DAMPING

    def resolve(self, doc, text: str) -> tuple[list[Place], Optional[str]]:
        """Resolved places in text order, and the article's main country (ISO3)."""
        spans = self.find_spans(doc, text)
        candidates = {span.reading: self._candidates(span) for span in spans}
        registered = register_countries(text)
        candidates.update(towns_named_like_countries(self.gazetteer, spans, candidates, home_country(registered)))
        context = self.country_context(spans, doc, candidates, registered)
        namesakes = far_namesakes(spans, candidates, context, self._armed_groups_homes(doc))
        if namesakes:
            spans = [span for span in spans if span.reading not in namesakes]
            context = self.country_context(spans, doc, candidates, registered)
        by_name = self.divisions_by_name(spans, candidates)
        divisions = sum(by_name.values(), Counter())
        self._observed_lines(text, context, divisions)
        pairs = ReadingPairs({span.key: candidates[span.reading] for span in spans
                              if not span.adjectival and not span.country})
        votes_by_name = self._first_readings(spans, candidates, context, divisions, pairs)
        reading_votes = sum(votes_by_name.values(), Counter())
        votes = context + reading_votes
        main = votes.most_common(1)[0][0] if votes else None
        lead = _lead(votes)
        narrowed = pinned_pairs(spans, [candidates[span.reading] for span in spans], text, self._division_readings)
        story = StoryContext(context, main, divisions, lead)
        base = []
        for n, span in enumerate(spans):
            cands = narrowed.get(n) or candidates[span.reading]
            towns = _town_divisions(cands)
            own = by_name.get(span.key, Counter())
            base.append([(self.score(c, span, story, own, _town_inside(c, towns)), c) for c in cands])
        # each name's reading before its neighbours weigh in, but with a reading of
        # another name beside it ("Athens" with "Henderson County", both in Texas)
        first = [max(scored, key=lambda sc: (sc[0] + _pair_support(pairs, sc[1], span), sc[1].population))[1]
                 if scored and not span.adjectival else None
                 for span, scored in zip(spans, base)]
        anchors = anchors_of(first, [span.key for span in spans])
        in_lists = list_kinds(spans, first, text)
        places = []
        for n, span in enumerate(spans):
            if not base[n]:
                continue
            cands = [c for _, c in base[n]]
            # the other places weigh in only where the text does not say what kind of place it is
            coherent = len(cands) > 1 and span.hint is None
            support = {c.geonameid: max(nearby_support(c, span.key, anchors), pairs.support(c, span.key))
                       if coherent else 0.0 for _, c in base[n]}
            listed = in_lists.get(n)
            scored = sorted(((score + support[c.geonameid] + (LIST_SUPPORT if c.feature_code == listed else 0.0), c)
                             for score, c in base[n]), key=lambda sc: (-sc[0], -sc[1].population))
            best_score, best = scored[0]
            # a small place abroad with no support from context is more likely a misreading;
            # when the article's country is known, only a large city abroad stands. A name
            # with one reading is evidence for its country, but not support for itself.
            own = 0 if span.adjectival else own_evidence(cands).get(best.country3, 0)
            if (n not in narrowed and best.country3 != main and context.get(best.country3, 0) <= own
                    and best.feature_code == "PPL"
                    and (best.population < 5000 or (main is not None and best.population < FOREIGN_TOWN_MIN_POPULATION))):
                continue
            # a region's support (another town some hundreds of km off) does not hold
            # against a world city; a neighbour's does
            if not (self._placed_by_text(n, best, narrowed, divisions) or support[best.geonameid] >= PAIR_SUPPORT):
                world_city = world_city_over(best, span, cands)
                if world_city is not None:
                    # "born in Manchester" in a story the rest of which is American: nothing
                    # puts the small namesake on the map, and the world city is the likelier
                    best_score, best = next(sc for sc in scored if sc[1] is world_city)
            located = self._placed_by_text(n, best, narrowed, divisions) or support[best.geonameid] > 0
            place = self._place(span, best, best_score, scored, text, doc)
            if not located and self._only_a_guess(span, best, cands, reading_votes, votes_by_name):
                # "Paris" in a story the rest of which is in Texas, "Richmond" with nothing
                # to say which: the likelier reading, but not one to be sure of
                place = replace(place, score=min(place.score, AMBIGUOUS_CONFIDENCE))
            places.append(place)
        places = landmarks_placed_elsewhere(places, text, {span.span_start for span in spans if span.landmark})
        places += self._sites_in_towns(doc, text, spans, places, main)
        places += places_in_containers(doc, text, places)
        return sorted(places, key=lambda p: p.evidence.start), main

    @staticmethod
    def _placed_by_text(n: int, best: Candidate, narrowed: dict, divisions: Counter) -> bool:
        """Does the text place the ``n``-th mention's reading: "Town, Division", or its
        first-level division named?"""
        return n in narrowed or bool(divisions.get(_division_of(best)))

    def _only_a_guess(self, span: ToponymSpan, best: Candidate, cands: list[Candidate],
                      reading_votes: Counter, votes_by_name: dict[str, Counter]) -> bool:
        """Has the chosen reading a rival over ``RIVAL_KM`` away that the story does not
        rule out? Called for readings nothing locates (no division named, no neighbour, no
        "Town, Division"). A rival in the same country always stands; one abroad falls
        when another name of the story is read in the chosen country (a name repeated,
        "Palestine" again and again in a Texas paper, does not back itself)."""
        backing = reading_votes[best.country3] - votes_by_name.get(span.key, Counter())[best.country3]
        rivals = far_rivals(best, cands + self.gazetteer.lookup(span.key))
        return any(r.country3 == best.country3 or backing <= 0 for r in rivals)

    def _sites_in_towns(self, doc, text: str, spans: list[ToponymSpan], places: list[Place],
                        main: Optional[str]) -> list[Place]:
        """A facility or street the gazetteer does not know ("Barclays Center") is placed,
        at low confidence, in the town named last before it (or first after it): a site
        of that town, never a confident point of its own."""
        towns = [p for p in places if not p.adjectival and p.feature_code in ("PPL", "ADM2")
                 and (main is None or p.country == main)]
        if not towns:
            return []
        sites = []
        for start, end in site_mentions(doc, spans):
            if self.identity_group(text[start:end]):
                continue        # "between Dinka and Nuer": a people the tagger took for a building
            town = next((t for t in reversed(towns) if t.evidence.start < start), towns[0])
            sites.append(Place(
                evidence=Evidence(start, end, text[start:end]), name=f"{text[start:end]}, {town.name}",
                geonameid=None, lat=town.lat, lon=town.lon, country=town.country, admin1=town.admin1,
                feature_code="SITE", precision="site", score=SITE_IN_TOWN_CONFIDENCE,
                parent_geonameid=town.geonameid))
        return sites

    def _first_readings(self, spans: list[ToponymSpan], candidates: dict[tuple, list[Candidate]],
                        context: Counter, divisions: Counter, pairs: ReadingPairs) -> dict[str, Counter]:
        """One country per story: each mention's best reading, under the context known so
        far, votes for the article's main country; the first place named (a report's lede)
        counts double. The votes choose the main country only: a reading does not support
        itself as context. Returns each name's votes (by its folded key)."""
        story = StoryContext(context, context.most_common(1)[0][0] if context else None, divisions)
        votes: dict[str, Counter] = {}
        first = True
        for span in spans:
            cands = candidates[span.reading]
            if span.adjectival or span.landmark or not cands:
                continue
            towns = _town_divisions(cands)
            best = max(cands, key=lambda c: (self.score(c, span, story, town_inside=_town_inside(c, towns))
                                              + _pair_support(pairs, c, span), c.population))
            if best.country3:
                # a name read only because the gazetteer knows it ("Olivia", "MoD") is
                # as likely a person's or a firm's: half a vote
                votes.setdefault(span.key, Counter())[best.country3] += (
                    (2 if first else 1) * (1.0 if span.cued else UNCUED_VOTE))
                first = False
        return votes

    def _place(self, span: ToponymSpan, cand: Candidate, score: float, scored, text: str, doc) -> Place:
        precision = _PRECISION_BY_FEATURE.get(cand.feature_code, "town")
        name, feature, gid = self._display_name(cand), cand.feature_code, cand.geonameid
        if span.region_word and cand.feature_code in ("PCLI", "ADM1"):
            precision, feature = "region", "RGN"
            name = f"{span.region_word.capitalize()} {name}"
        if span.site:
            precision, feature, gid = "site", "SITE", None
            name = f"{span.site}, {name}"
        if gid is not None and gid < 0:
            gid = None          # a region of sitrep's own list has no GeoNames id
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = max(0.05, min(1.0, 0.5 + (score - runner_up)))
        return Place(
            evidence=Evidence(span.span_start, span.span_end, text[span.span_start:span.span_end]),
            name=name, geonameid=gid, lat=round(cand.lat, 5), lon=round(cand.lon, 5),
            country=cand.country3, admin1=cand.admin1_name if cand.feature_code != "PCLI" else None,
            feature_code=feature, precision=precision, score=round(confidence, 3),
            parent_geonameid=cand.geonameid if span.site and cand.geonameid > 0 else None,
            adjectival=span.adjectival or modifies_actor(doc, span_end_token(doc, span))
            or ((cand.feature_code == "PCLI" or span.landmark) and modifies_noun(doc, span)),
        )

    @staticmethod
    def _display_name(cand: Candidate) -> str:
        if cand.feature_code == "ADM1" and cand.admin1_name:
            return cand.admin1_name
        return cand.name
