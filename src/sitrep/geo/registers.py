"""The country a story's vocabulary sets it in (``data/registers.yaml``), loaded once.

Local news name their towns without a state or a country, and the towns share their
names with world cities ("Athens", "Dublin", "Palestine"). The paper's vocabulary
still says where it is: a Sheriff's Office, a Board of Education and Interstate 35
are American; a Crown Court and prices in pounds British; a panchayat Indian. The
country is weak evidence for the story's context (``toponyms.py``), as a demonym is:
a country the story names outweighs it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..lexicon.actors import load_yaml

# the weight of the register's country in the story's country context, by how many
# of its distinct cues the story uses: one a demonym's, two or more a country named
WEIGHT_BY_CUES = (1, 2)


@dataclass(frozen=True)
class Register:
    country: str                # ISO3
    cues: tuple[re.Pattern, ...]

    def cues_in(self, text: str) -> int:
        """How many of the register's distinct cues ``text`` uses."""
        return sum(1 for cue in self.cues if cue.search(text))


@lru_cache(maxsize=1)
def registers() -> tuple[Register, ...]:
    """The registers of ``data/registers.yaml`` (loaded once)."""
    return tuple(
        Register(country=raw["country"],
                 cues=tuple(re.compile(r"(?<![\w-])(?:" + cue + r")(?![\w-])") for cue in raw["cues"]))
        for raw in (load_yaml("registers.yaml") or {}).get("registers") or ())


def home_country(registered: Counter) -> Optional[str]:
    """The one country whose local vocabulary the story uses in full (two cues or more),
    if there is one: where its namesakes of foreign countries are towns."""
    full = [country for country, weight in registered.items() if weight >= WEIGHT_BY_CUES[-1]]
    return full[0] if len(full) == 1 and len(registered) == 1 else None


def register_countries(text: str) -> Counter:
    """The countries whose local vocabulary ``text`` uses, weighted by how much of it."""
    counts: Counter = Counter()
    for register in registers():
        found = register.cues_in(text)
        if found:
            counts[register.country] += WEIGHT_BY_CUES[min(found, len(WEIGHT_BY_CUES)) - 1]
    return counts
