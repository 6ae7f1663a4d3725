"""Front lines whose holders are known (``data/front_lines.yaml``), loaded once.

A front line runs through some divisions of a country between two dates; one side
holds the places listed, the other the rest. Its observers (the OSCE's monitors on
Donbas' contact line) report on that line alone: a report naming one is about it,
which places its villages even where they have namesakes elsewhere
(``geo/toponyms.py``) and says who fired what nobody claims (``extract/front_lines.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from ..geo.names import fold
from ..model import Event
from .actors import as_date, load_yaml


@dataclass(frozen=True)
class FrontLine:
    id: str
    country: str
    start: date
    end: date
    division_names: tuple[str, ...]    # the gazetteer's admin1 names
    observers: tuple[str, ...]
    listed_holder: str                 # lexicon id of the side holding ``held_places``
    other_holder: str                  # lexicon id of the side holding the rest
    held_places: frozenset[str]        # folded names
    observer_pattern: Optional[re.Pattern] = None

    def observed_in(self, text: str) -> bool:
        """Whether ``text`` names one of the line's observers."""
        return self.observer_pattern is not None and self.observer_pattern.search(text) is not None

    def covers(self, event: Event, paragraph: str) -> bool:
        """Whether ``event`` (whose paragraph is ``paragraph``) lies on this line: its
        date within the line's, and its place in one of the line's divisions or its
        paragraph naming one of the line's observers."""
        if not (self.start <= event.date.start <= self.end):
            return False
        place = event.location
        if place is not None and place.country == self.country and place.admin1 is not None:
            if any(fold(place.admin1) == fold(d) for d in self.division_names):
                return True
        return self.observed_in(paragraph)

    def holder_of(self, names: list[str]) -> str:
        """Who holds the place the event's words name: the listed side if any of
        ``names`` (the event's place name, the words of its sentence) is a held place."""
        return self.listed_holder if any(fold(n) in self.held_places for n in names) else self.other_holder

    def facing(self, holder: str) -> str:
        return self.other_holder if holder == self.listed_holder else self.listed_holder


@lru_cache(maxsize=1)
def front_lines() -> tuple[FrontLine, ...]:
    """The front lines of ``data/front_lines.yaml`` (loaded once)."""
    lines = []
    for raw in (load_yaml("front_lines.yaml") or {}).get("front_lines") or ():
        observers = tuple(raw.get("observers") or ())
        lines.append(FrontLine(
            id=raw["id"], country=raw["country"], start=as_date(raw["from"]), end=as_date(raw["until"]),
            division_names=tuple(raw.get("divisions") or ()),
            observers=observers,
            listed_holder=raw["holders"]["listed"], other_holder=raw["holders"]["rest"],
            held_places=frozenset(fold(p) for p in raw.get("held_places") or ()),
            observer_pattern=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, observers)) + r")(?![\w-])")
            if observers else None))
    return tuple(lines)
