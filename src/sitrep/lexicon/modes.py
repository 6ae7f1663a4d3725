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
from typing import Iterable, Optional

from .actors import load_yaml


@dataclass(frozen=True)
class ModeRule:
    mode: str
    acled_sub_types: frozenset[str]
    # the cues, split by kind so that a word is tested in a few set look-ups: single
    # words, single-word prefixes ("gun*"), and phrases of several words (each word of a
    # phrase may be a prefix)
    words: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    # the phrases' first words, whole and as prefixes: a word that starts none is skipped
    phrase_heads: frozenset[str] = frozenset()
    phrase_head_stems: tuple[str, ...] = ()
    # (ASSAULT) a killing of a named person, or of one of these office holders, is this mode
    victims: frozenset[str] = frozenset()

    @classmethod
    def from_cues(cls, mode: str, cues: Iterable[str], acled: Iterable[str] = (),
                  victims: Iterable[str] = ()) -> "ModeRule":
        split = [_cue(str(c)) for c in cues]
        return cls(mode=mode, acled_sub_types=frozenset(acled),
                   words=frozenset(c[0] for c in split if len(c) == 1 and not c[0].endswith("*")),
                   stems=tuple(c[0][:-1] for c in split if len(c) == 1 and c[0].endswith("*")),
                   phrases=tuple(c for c in split if len(c) > 1),
                   phrase_heads=frozenset(c[0] for c in split if len(c) > 1 and not c[0].endswith("*")),
                   phrase_head_stems=tuple(c[0][:-1] for c in split if len(c) > 1 and c[0].endswith("*")),
                   victims=frozenset(str(v).lower() for v in victims))


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
            ModeRule.from_cues(entry["mode"], entry.get("words") or (), acled=entry.get("acled") or (),
                               victims=entry.get("victims") or ())
            for entry in entries)
    legacy = {event_type: dict(names) for event_type, names in (data.get("legacy") or {}).items()}
    return ModeTable(rules=rules, legacy=legacy)
