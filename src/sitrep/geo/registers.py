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
    cues: tuple[str, ...]       # regular expressions


@dataclass(frozen=True)
class Registers:
    """All registers' cues in one pattern, each cue a named group, so that a text is
    scanned once however many cues there are."""

    registers: tuple[Register, ...]
    pattern: Optional[re.Pattern]
    country_of_group: dict[str, str]

    @classmethod
    def of(cls, registers: tuple[Register, ...]) -> "Registers":
        branches, country_of_group = [], {}
        for r, register in enumerate(registers):
            for c, cue in enumerate(register.cues):
                name = f"r{r}c{c}"
                country_of_group[name] = register.country
                branches.append(f"(?P<{name}>{cue})")
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(branches) + r")(?![\w-])") if branches else None
        return cls(registers, pattern, country_of_group)

    def countries_in(self, text: str) -> Counter:
        """The countries whose local vocabulary ``text`` uses, weighted by how many of
        their distinct cues it uses (``WEIGHT_BY_CUES``)."""
        if self.pattern is None:
            return Counter()
        cues = {m.lastgroup for m in self.pattern.finditer(text)}
        found = Counter(self.country_of_group[cue] for cue in cues)
        return Counter({country: WEIGHT_BY_CUES[min(n, len(WEIGHT_BY_CUES)) - 1] for country, n in found.items()})


@lru_cache(maxsize=1)
def registers() -> Registers:
    """The registers of ``data/registers.yaml`` (loaded once)."""
    return Registers.of(tuple(Register(country=raw["country"], cues=tuple(raw["cues"]))
                              for raw in (load_yaml("registers.yaml") or {}).get("registers") or ()))


def home_country(registered: Counter) -> Optional[str]:
    """The country whose local vocabulary the story uses in full (two cues or more),
    when it uses no other country's: where its namesakes of foreign countries are towns."""
    full = [country for country, weight in registered.items() if weight >= WEIGHT_BY_CUES[-1]]
    return full[0] if len(full) == 1 and len(registered) == 1 else None


def register_countries(text: str) -> Counter:
    """The countries whose local vocabulary ``text`` uses, weighted by how much of it."""
    return registers().countries_in(text)
