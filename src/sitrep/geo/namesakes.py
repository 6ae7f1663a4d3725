"""Names the gazetteer reads as the wrong place: what one name says by itself about the
story's country, a name's namesakes far off and in the world's big cities, and two ways
a name is a namesake of what the text means.

- A country's name that is also a town beside the story's other places ("Peru" beside
  two other towns of Indiana), or a town of the country whose local news the story
  reads as, is that town.
- A small town far from where the text's armed groups fight ("Boko Haram attacked the
  village of Kuda", the gazetteer's only Kuda in India) is a namesake of a village
  the gazetteer lacks, not a place to report.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from .points import approximate_km
from .gazetteer import Candidate
from .recognition import ToponymSpan

# only a city this large stands abroad when the story's country is another
FOREIGN_TOWN_MIN_POPULATION = 200_000
# on another continent, or across one
RIVAL_KM = 2000.0
RIVAL_POPULATION = 10_000
# a town named like a country is that town only this near another place of the story
NEIGHBOUR_KM = 50.0
ACRONYM_MAX = 6
# a bare name no other place of the story locates is the world city of that name over
# a small namesake in the story's country ("London" beside New York)
WORLD_CITY_POPULATION = 1_000_000
WORLD_CITY_RATIO = 100


def own_evidence(cands: list[Candidate]) -> Counter:
    """What a name says by itself about the article's country: a name with one country
    among its readings, or a country's own name."""
    countries = {c.country3 for c in cands}
    if len(countries) == 1:
        return Counter({countries.pop(): 2})
    country = next((c.country3 for c in cands if c.feature_code == "PCLI"), None)
    if country is None:
        # "Texas": a division, its namesakes abroad hamlets, says where the story is
        divisions = [c for c in cands if c.feature_code == "ADM1"]
        if len(divisions) == 1 and all(c.population < RIVAL_POPULATION for c in cands
                                       if c.country3 != divisions[0].country3):
            return Counter({divisions[0].country3: 2})
        return Counter()
    if any(c.feature_code == "ADM1" for c in cands):
        return Counter()        # "Georgia" names a country and a state: it says nothing by itself
    return Counter({country: 2})


def far_rivals(best: Candidate, readings: list[Candidate]) -> list[Candidate]:
    """The name's other readings of some size on another continent or across one
    ("Paris", Texas; "Georgia", the state; "Richmond", California)."""
    return [cand for cand in readings
            if cand.geonameid != best.geonameid and approximate_km(best, cand) > RIVAL_KM
            and (cand.feature_code in ("ADM1", "PCLI") or cand.population >= RIVAL_POPULATION)]


def world_city_over(best: Candidate, span: ToponymSpan, readings: list[Candidate]) -> Optional[Candidate]:
    """A city of over ``WORLD_CITY_POPULATION`` by this very name, ``WORLD_CITY_RATIO``
    times the size of the town chosen, which would then be a namesake nothing locates."""
    if best.feature_code != "PPL":
        return None
    return next((c for c in sorted(readings, key=lambda c: -c.population)
                 if c.feature_code == "PPL" and c.own_key == span.key and c.population >= WORLD_CITY_POPULATION
                 and c.population >= WORLD_CITY_RATIO * max(1, best.population)), None)


def acronym(text: str) -> bool:
    """"JAS", "ADF": a short name in capitals, which several groups may share."""
    return " " not in text and len(text) <= ACRONYM_MAX and sum(ch.isupper() for ch in text) >= 2


def towns_named_like_countries(gazetteer, spans: list[ToponymSpan], candidates: dict[tuple, list[Candidate]],
                               home: Optional[str] = None) -> dict[tuple, list[Candidate]]:
    """A country's name that is also a town of the story's place is that town, when
    nothing else in the text is of that country: the town within ``NEIGHBOUR_KM`` of a
    place whose name has one reading as a town or district ("Peru" beside two other
    towns of Indiana), or else the towns of that name in ``home``, the country whose
    local vocabulary the story uses ("a Palestine man" before the Sheriff's Office and
    the County Jail is from Palestine, Texas)."""
    sure = [local[0] for span in spans if not span.adjectival and not span.country
            for local in [[c for c in candidates[span.reading] if c.feature_code in ("PPL", "ADM2")]]
            if len(local) == 1 and len({c.country3 for c in candidates[span.reading]}) == 1]
    if not sure and home is None:
        return {}
    out = {}
    for span in spans:
        if not span.country or span.adjectival or span.reading in out or span.country == home:
            continue
        others = [s for s in spans if s.key != span.key]
        if any(s.country == span.country for s in others) or any(
                c.country3 == span.country for c in sure):
            continue        # the country is named otherwise ("Lebanese", a town of it)
        towns = [c for c in gazetteer.lookup(span.key) if c.feature_code == "PPL"
                 and c.country3 != span.country and c.own_key == span.key]
        near = [(min(approximate_km(t, c) for c in sure), t) for t in towns] if sure else []
        near = [(km, t) for km, t in near if km <= NEIGHBOUR_KM]
        if near:
            out[span.reading] = [min(near, key=lambda kt: kt[0])[1]]
        elif home is not None and any(t.country3 == home for t in towns):
            out[span.reading] = [t for t in towns if t.country3 == home]
    return out


def far_namesakes(spans: list[ToponymSpan], candidates: dict[tuple, list[Candidate]],
                  context: Counter, homes: list[Candidate]) -> set[tuple]:
    """The names (span readings) read only as small towns over ``RIVAL_KM`` from every
    country in ``homes`` (where the text's armed groups of one country fight), in a
    country nothing else in the story names. A rebel group or militia fights in or
    near its country."""
    if not homes:
        return set()
    found = set()
    for span in spans:
        cands = candidates[span.reading]
        if not cands or span.country or span.adjectival or span.pinned is not None:
            continue
        own = own_evidence(cands)
        far_towns = all(c.feature_code == "PPL" and c.population < FOREIGN_TOWN_MIN_POPULATION
                        and context.get(c.country3, 0) <= own.get(c.country3, 0)
                        and all(approximate_km(c, home) > RIVAL_KM for home in homes) for c in cands)
        # (asked only of far towns: another name of the story with a reading in their country)
        if far_towns and not any(c.country3 == other.country3 for s in spans if s.key != span.key
                                 for other in candidates[s.reading] for c in cands):
            found.add(span.reading)
    return found
