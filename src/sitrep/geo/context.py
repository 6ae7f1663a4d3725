"""An article's other places narrow what a place name refers to.

- "Town, Division" ("Charleston, W.Va.", "Paris, Texas", "Hama, Syria"): a name
  followed by a comma and a first-level division or a country is read inside it, and
  both are resolved together — the town among its namesakes inside the division, the
  division among the readings that hold the town ("Tbilisi, Georgia" is the country,
  "Atlanta, Georgia" the state). Lists ("Aleppo, Idlib and Hama") are left alone: no
  reading of the first name lies inside the second.
- Places named together lie together: local news name their towns without a state
  ("Alexandria", "Douglas County"), and the report's other places ("Fargo", "Otter
  Tail County") say which namesake is meant. Each place's first reading is an anchor;
  a candidate gains support from the nearest anchor of another name, by distance.
"""
from __future__ import annotations

import math
import re
from typing import Callable, Optional, Sequence

from .gazetteer import Candidate, Gazetteer, compact_abbreviation
from .names import fold
from .points import approximate_km

CONTAINER_FEATURES = ("ADM1", "PCLI")
_COMMA_BETWEEN = re.compile(r"\s*,\s*")
_MAX_DIVISION_TOKENS = 3


def inside(place: Candidate, container: Candidate) -> bool:
    """Is ``place`` within ``container`` (a first-level division or a country)?"""
    if place.geonameid == container.geonameid or place.feature_code in ("PCLI", "CONT"):
        return False
    if container.feature_code == "PCLI":
        return place.country3 is not None and place.country3 == container.country3
    return (place.feature_code != "ADM1" and place.country2 == container.country2
            and place.admin1_code is not None and place.admin1_code == container.admin1_code)


def comma_between(text: str, end: int, start: int) -> bool:
    return end <= start and _COMMA_BETWEEN.fullmatch(text[end:start]) is not None


def after_town(doc, first_i: int) -> bool:
    """Does a comma after a proper name come right before token ``first_i``?"""
    return first_i >= 2 and doc[first_i - 1].text == "," and doc[first_i - 2].pos_ == "PROPN"


def division_follows(gazetteer: Gazetteer, doc, last_i: int) -> bool:
    """Is the name ending at token ``last_i`` followed by ', <division or country>'?"""
    j = last_i + 1
    if j + 1 >= len(doc) or doc[j].text != ",":
        return False
    words = []
    for tok in doc[j + 1: j + 1 + _MAX_DIVISION_TOKENS]:
        if tok.pos_ != "PROPN" and tok.text != ".":
            break
        words.append(tok.text_with_ws)
        name = "".join(words).strip()
        if gazetteer.division_by_abbreviation(name) is not None and ("." in name or tok.ent_type_ == "GPE"):
            return True
        if any(c.feature_code in CONTAINER_FEATURES for c in gazetteer.lookup(fold(name))):
            return True
    return False


def pinned_pairs(spans: Sequence, candidates: Sequence[list[Candidate]], text: str,
                 other_readings: Callable[[object], list[Candidate]]) -> dict[int, list[Candidate]]:
    """Candidates narrowed by 'Town, Division' pairs, by span index.

    ``spans`` are in text order with ``span_start``/``span_end`` offsets;
    ``candidates[i]`` are span i's readings; ``other_readings(span)`` those a span
    read as a country word set aside ("Georgia" the state)."""
    narrowed: dict[int, list[Candidate]] = {}
    for i in range(len(spans) - 1):
        town, division = spans[i], spans[i + 1]
        if not comma_between(text, town.span_end, division.span_start):
            continue
        readings = candidates[i + 1] + other_readings(division)
        containers = [c for c in readings if c.feature_code in CONTAINER_FEATURES]
        pairs = [(t, c) for c in containers for t in candidates[i] if inside(t, c)]
        if not pairs:
            continue
        narrowed[i] = _unique(t for t, _ in pairs)
        narrowed[i + 1] = _unique(c for _, c in pairs)
    return narrowed


def _unique(cands) -> list[Candidate]:
    seen: dict[int, Candidate] = {}
    for c in cands:
        seen.setdefault(c.geonameid, c)
    return list(seen.values())


def abbreviated_division(gazetteer: Gazetteer, ent) -> Optional[Candidate]:
    """The division an entity abbreviates ("W.Va.", "Calif.", "NSW"), when written as one:
    with a period, in capitals, labelled a place, or right after 'Town,'."""
    words = ent.text
    if len(compact_abbreviation(words)) > 6:
        return None
    division = gazetteer.division_by_abbreviation(words)
    if division is None:
        return None
    # "Miss", "Ind" and "Man" are words too; "NSW" and "W.Va." are not
    if "." in words or (words.isupper() and len(words) >= 3) or ent.label_ == "GPE" or after_town(ent.doc, ent.start):
        return division
    return None


# -- nearby places ------------------------------------------------------------
LOCAL_FEATURES = ("PPL", "ADM2")
# (distance in km, support): within 50 km a neighbour, within 400 km the same region
SUPPORT_BY_DISTANCE = ((50.0, 0.3), (150.0, 0.2), (400.0, 0.1))
MAX_ANCHORS = 25


def anchors_of(first_readings: Sequence[Optional[Candidate]], keys: Sequence[str]) -> list[tuple[str, Candidate]]:
    """The first readings that are towns or districts, one per name, in text order."""
    seen: set[str] = set()
    anchors = []
    for key, reading in zip(keys, first_readings):
        if reading is None or reading.feature_code not in LOCAL_FEATURES or key in seen:
            continue
        seen.add(key)
        anchors.append((key, reading))
    return anchors[:MAX_ANCHORS]


def nearby_support(cand: Candidate, key: str, anchors: Sequence[tuple[str, Candidate]]) -> float:
    """Support for a town or district reading from the nearest place of another name;
    for a first-level division, from a place of another name inside it (without it, a
    "California" near the article's other towns would win over the state)."""
    if cand.feature_code == "ADM1":
        holds = any(other != key and anchor.country2 == cand.country2 and anchor.admin1_code == cand.admin1_code
                    for other, anchor in anchors)
        return SUPPORT_BY_DISTANCE[0][1] if holds else 0.0
    if cand.feature_code not in LOCAL_FEATURES:
        return 0.0
    nearest = min((approximate_km(cand, anchor) for other, anchor in anchors if other != key), default=None)
    if nearest is None:
        return 0.0
    return next((support for km, support in SUPPORT_BY_DISTANCE if nearest <= km), 0.0)


# -- readings that lie together -------------------------------------------------
# two names each with a reading this close ("Athens" and "Henderson County" in Texas)
# most likely both mean those: a weaker support than a neighbour's first reading
PAIR_KM = 30.0
PAIR_SUPPORT = 0.2
# the support by how many other names have a reading that close: three names meeting
# in one corner of a country (a town, its county and the next village) is rarely
# chance, whatever the size of each name's namesakes elsewhere
PAIR_SUPPORT_BY_NAMES = (PAIR_SUPPORT, 0.35, 0.45)
MAX_PAIR_READINGS = 40
_CELL_DEGREES = 0.5


class ReadingPairs:
    """Which readings of a name lie within ``PAIR_KM`` of a reading of another name.
    The local readings (towns, districts) of all names go into half-degree cells, so a
    reading is compared with its neighbours' readings only."""

    def __init__(self, readings_by_key: dict[str, list[Candidate]]):
        self._cells: dict[tuple[int, int], list[tuple[str, Candidate]]] = {}
        # asked three times of each reading: for the votes, the anchors and the scores
        self._known: dict[tuple[int, str], float] = {}
        for key, readings in readings_by_key.items():
            local = [c for c in readings if c.feature_code in LOCAL_FEATURES]
            for cand in sorted(local, key=lambda c: -c.population)[:MAX_PAIR_READINGS]:
                self._cells.setdefault(self._cell(cand), []).append((key, cand))

    @staticmethod
    def _cell(cand: Candidate) -> tuple[int, int]:
        return int(math.floor(cand.lat / _CELL_DEGREES)), int(math.floor(cand.lon / _CELL_DEGREES))

    def support(self, cand: Candidate, key: str) -> float:
        if cand.feature_code not in LOCAL_FEATURES:
            return 0.0
        found = self._known.get((cand.geonameid, key))
        if found is None:
            found = self._known[(cand.geonameid, key)] = self._support_from_neighbours(cand, key)
        return found

    def _support_from_neighbours(self, cand: Candidate, key: str) -> float:
        row, col = self._cell(cand)
        names = {other_key for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                 for other_key, other in self._cells.get((row + dr, col + dc), ())
                 if other_key != key and other.country2 == cand.country2 and approximate_km(cand, other) <= PAIR_KM}
        if not names:
            return 0.0
        return PAIR_SUPPORT_BY_NAMES[min(len(names), len(PAIR_SUPPORT_BY_NAMES)) - 1]


# -- lists ----------------------------------------------------------------------
# "Michigan, Oregon, New Mexico and Ohio", "Angola, Chad and Congo": the names of a list
# are of one kind, so a name among states is a state (Oregon, not Oregon, Ohio)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
LIST_KINDS = ("ADM1", "PCLI")
LIST_SUPPORT = 0.3
_MIN_LIST = 3


def list_kinds(spans: Sequence, first_readings: Sequence[Optional[Candidate]], text: str) -> dict[int, str]:
    """For the names of a list of three or more, the kind (first-level division or
    country) that at least two of the list's other names are read as, when most are."""
    groups: list[list[int]] = []
    for n, span in enumerate(spans):
        prev = spans[n - 1] if n else None
        if prev is not None and groups and groups[-1][-1] == n - 1 and prev.span_end <= span.span_start \
                and _LIST_SEPARATOR.fullmatch(text, prev.span_end, span.span_start):
            groups[-1].append(n)
        else:
            groups.append([n])
    out: dict[int, str] = {}
    for group in groups:
        if len(group) < _MIN_LIST:
            continue
        for n in group:
            kinds = [first_readings[m].feature_code for m in group if m != n and first_readings[m] is not None]
            for kind in LIST_KINDS:
                if kinds.count(kind) >= 2 and 2 * kinds.count(kind) > len(kinds):
                    out[n] = kind
    return out

