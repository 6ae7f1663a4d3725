"""The Phoenix agents dictionary: role nouns and the CAMEO agent code they carry.

``Phoenix.agents.txt`` (Open Event Data Alliance, MIT licence, Copyright (c) 2014;
distributed with PETRARCH2; built at Kansas from news reports and WordNet) lists some
2,300 nouns that name an actor by what it is rather than by its name, in TABARI's
format::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     <- a substitution set
    FARMER [~AGR]                                 <- a noun and its agent code
    DAIRY!PERSON! [~AGR]                          <- dairyman, dairywoman ...
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   <- an irregular plural
    !MINIST! FOR_DEFENCE [~GOVMIL]                <- minister for defence ...

sitrep's curated ``agents.yaml`` decides first; these nouns are the fallback that gives
a sector to the role nouns it does not list ("attorney", "airline", "Buddhists"). The
dictionary is compiled with the actors into the Phoenix index (``lexicon.phoenix``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

# "[~ENV}" occurs once in the file: either closing bracket ends the code
_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)[\]}]")
_SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# the CAMEO codes PLOVER names otherwise (the rest are the same three letters): insurgents,
# and international militarised groups ("IMGMUSALQ"), which are non-state armed groups
_PLOVER_SECTOR_OF_ROLE = {"INS": "REB", "IMG": "REB"}


def sector_of_role(role: str) -> str:
    """A CAMEO role code as a PLOVER sector (insurgents are PLOVER's rebels)."""
    return _PLOVER_SECTOR_OF_ROLE.get(role, role)


@dataclass(frozen=True)
class PhoenixAgent:
    """A role noun (lower case, words separated by spaces) and its CAMEO agent code."""

    phrase: str
    code: str

    @property
    def sector(self) -> str:
        """The first role of the code, as a PLOVER sector ("GOVMIL" -> GOV; INS -> REB)."""
        return sector_of_role(self.code[:3])


def _words(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).lower()


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Every spelling a phrase with substitution sets stands for: 'DAIRY!PERSON!' ->
    'DAIRYMAN', 'DAIRYMEN', ... (a set marker joins the word it touches)."""
    out = [phrase]
    for marker, values in sets.items():
        out = [p.replace(marker, value, 1) for p in out for value in values] if any(
            marker in p for p in out) else out
    return out


def parse_agents(lines: Iterable[str]) -> Iterator[PhoenixAgent]:
    sets: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if (found := _SET.match(line)) is not None:
            sets[found.group(1)] = [v.strip() for v in found.group(2).split(",") if v.strip()]
            continue
        if (found := _LINE.match(line)) is None:
            continue
        code = found.group("code")
        spellings = _expand(found.group("phrase"), sets)
        if found.group("plural"):
            spellings += _expand(found.group("plural"), sets)
        for spelling in spellings:
            phrase = _words(spelling)
            if phrase and "!" not in phrase:
                yield PhoenixAgent(phrase, code)
