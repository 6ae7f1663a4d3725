"""PLOVER modes and the words that show them (``data/plover_modes.yaml``), loaded once.

A mode says how an event was carried out: an assault by "heavy-weapons" or "firearms",
a protest that is a "hunger" strike or a "riot". Each PLOVER type has its modes in
order of precedence, each with the ACLED sub-types and the cue words that show it;
``extract/modes.py`` reads them against a trigger's clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .actors import load_yaml


@dataclass(frozen=True)
class ModeRule:
    mode: str
    acled_sub_types: frozenset[str]
    # each cue is a phrase of one or more words; a word ending in "*" is a prefix
    cues: tuple[tuple[str, ...], ...]
    # (ASSAULT) a killing of a named person, or of one of these office holders, is this mode
    victims: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ModeTable:
    rules: dict[str, tuple[ModeRule, ...]]
    # type -> older mode name -> the name it became
    legacy: dict[str, dict[str, str]]

    def rules_for(self, event_type: str) -> tuple[ModeRule, ...]:
        return self.rules.get(event_type, ())

    def current_name(self, event_type: str, mode: Optional[str]) -> Optional[str]:
        """The mode's name in the vocabulary sitrep codes in ("strike-hun" -> "hunger")."""
        if mode is None:
            return None
        return self.legacy.get(event_type, {}).get(mode, mode)

    def modes_of(self, event_type: str) -> tuple[str, ...]:
        return tuple(rule.mode for rule in self.rules_for(event_type))


def _cue(phrase: str) -> tuple[str, ...]:
    # the tokenizer splits hyphens off ("sit - in", "hunger - strike"): so does a cue
    return tuple(re.findall(r"[^\s-]+|-", phrase.lower()))


@lru_cache(maxsize=1)
def mode_table() -> ModeTable:
    data = load_yaml("plover_modes.yaml")
    rules = {}
    for event_type, entries in data["modes"].items():
        rules[event_type] = tuple(
            ModeRule(mode=entry["mode"], acled_sub_types=frozenset(entry.get("acled") or ()),
                     cues=tuple(_cue(str(w)) for w in entry.get("words") or ()),
                     victims=frozenset(str(w).lower() for w in entry.get("victims") or ()))
            for entry in entries)
    legacy = {event_type: dict(names) for event_type, names in (data.get("legacy") or {}).items()}
    return ModeTable(rules=rules, legacy=legacy)
