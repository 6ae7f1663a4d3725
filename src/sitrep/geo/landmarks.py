"""Landmarks news name as places (``data/landmarks.yaml``): the White House, the
Kremlin, Broadway. Each is found by its name in the text and read as a site in its
town, never as the small town elsewhere that shares its name (White House, Tennessee).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from ..lexicon.actors import load_yaml
from ..model import Place
from .gazetteer import Candidate, Gazetteer
from .names import fold


@dataclass(frozen=True)
class Landmark:
    name: str
    town: str
    country: str                    # ISO3
    division: Optional[str]         # the town's first-level division, where it has namesakes
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def landmarks() -> tuple[Landmark, ...]:
    """The landmarks of ``data/landmarks.yaml`` (loaded once)."""
    return tuple(Landmark(raw["name"], raw["town"], raw["country"], raw.get("division"),
                          tuple(raw.get("aliases") or ()))
                 for raw in (load_yaml("landmarks.yaml") or {}).get("landmarks") or ())


def _town_of(gazetteer: Gazetteer, landmark: Landmark) -> Optional[Candidate]:
    """The largest town of the landmark's town name in its country (and division)."""
    towns = [c for c in gazetteer.lookup(fold(landmark.town))
             if c.feature_code == "PPL" and c.country3 == landmark.country
             and (landmark.division is None or c.admin1_name == landmark.division)]
    return max(towns, key=lambda c: c.population, default=None)


@dataclass(frozen=True)
class LandmarkMention:
    start: int
    end: int
    town: Candidate


class LandmarkMatcher:
    """Finds the landmarks of the list in a text, written with their capitals."""

    def __init__(self, gazetteer: Gazetteer):
        self._towns: dict[str, Candidate] = {}
        for landmark in landmarks():
            town = _town_of(gazetteer, landmark)
            if town is None:
                continue        # a gazetteer without the town: the landmark stays unknown
            for name in (landmark.name, *landmark.aliases):
                self._towns[name] = town
        names = sorted(self._towns, key=len, reverse=True)
        # a name's own capitals, whole words only ("Broadway", not "broadway" or "Broadways")
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") \
            if names else None

    def find(self, text: str) -> list[LandmarkMention]:
        if self._pattern is None:
            return []
        return [LandmarkMention(m.start(), m.end(), self._towns[m.group(0)]) for m in self._pattern.finditer(text)]


# "the White House in Moscow": the place named right after a landmark's name
# (a direction word is part of the place's mention)
_PLACED_AFTER = re.compile(r"\s+(?:in|near|outside)\s+")


def landmarks_placed_elsewhere(places: Sequence[Place], text: str, landmark_starts: set[int]) -> list[Place]:
    """``places`` with each landmark the text puts in a town of another country
    ("deputies met at the White House in Moscow", Russia's government house) moved to
    that town, as a site of it."""
    if not landmark_starts:
        return list(places)         # most articles name none: no index of their places
    by_start = {p.evidence.start: p for p in places}
    out = []
    for place in places:
        found = _PLACED_AFTER.match(text, place.evidence.end) if place.evidence.start in landmark_starts else None
        town = by_start.get(found.end()) if found else None
        if town is not None and town.country != place.country and town.precision == "town":
            place = replace(place, name=f"{place.evidence.text}, {town.name}", lat=town.lat, lon=town.lon,
                            country=town.country, admin1=town.admin1, parent_geonameid=town.geonameid,
                            score=min(place.score, town.score))
        out.append(place)
    return out

