"""The event-trigger lexicon: which words denote which kind of event.

Each entry maps verb and noun lemmas (single or multi-word) to a coding in PLOVER,
ACLED and CAMEO, with ACLED variants that depend on who acts on whom. Loaded once
from ``sitrep/data/triggers.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import EventCoding
from .actors import load_yaml

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _split_acled(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    if not value:
        return None, None
    event_type, _, sub = value.partition(" / ")
    return event_type.strip(), (sub.strip() or None)


@dataclass(frozen=True)
class TriggerEntry:
    id: str
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    needs: tuple[str, ...]
    plover: str
    mode: Optional[str]
    cameo: Optional[str]
    acled: tuple[Optional[str], Optional[str]]
    state_source: Optional[tuple[str, str]] = None
    civilian_target: Optional[tuple[str, str]] = None
    armed_target: Optional[tuple[str, str]] = None
    excludes_objects: tuple[str, ...] = ()

    def coding(self, source_is_state: bool = False, target_kind: Optional[str] = None) -> EventCoding:
        """The coding, with the ACLED variant chosen by who acts on whom."""
        acled = self.acled
        if source_is_state and self.state_source:
            acled = self.state_source
        if target_kind == "civilian" and self.civilian_target:
            acled = self.civilian_target
        elif target_kind == "armed" and self.armed_target:
            acled = self.armed_target
        # an assault on armed men is fighting: CAMEO 19 (use conventional military force)
        cameo = "19" if self.cameo == "18" and acled[0] == "Battles" and acled != self.acled else self.cameo
        return EventCoding(self.plover, self.mode, acled[0], acled[1], cameo)


class TriggerLexicon:
    """Lemma -> trigger entry, for single words and multi-word expressions."""

    def __init__(self, entries: list[TriggerEntry]):
        for entry in entries:
            if entry.plover not in PLOVER_TYPES:
                raise ValueError(f"trigger {entry.id}: unknown PLOVER type {entry.plover}")
        self.entries = {e.id: e for e in entries}
        # a word may denote several kinds of event ("seized Palmyra" / "seized a truck"):
        # entries are kept in file order and the finder takes the first whose needs are met
        self.verbs: dict[str, list[TriggerEntry]] = {}
        self.nouns: dict[str, list[TriggerEntry]] = {}
        self.verb_phrases: dict[tuple[str, ...], list[TriggerEntry]] = {}
        self.noun_phrases: dict[tuple[str, ...], list[TriggerEntry]] = {}
        for entry in entries:
            for lemma in entry.verbs:
                self._add(lemma, entry, self.verbs, self.verb_phrases)
            for lemma in entry.nouns:
                self._add(lemma, entry, self.nouns, self.noun_phrases)
        # the words an expression is keyed on: a word that heads none is not looked up
        # with its particles or modifiers (the trigger finder asks about every token)
        self.verb_phrase_heads = frozenset(words[0] for words in self.verb_phrases)
        self.noun_phrase_heads = frozenset(words[-1] for words in self.noun_phrases)
        self.hyphenated_firsts = frozenset(word.split("-")[0] for word in self.nouns if "-" in word)
        # every word an entry can start from, as lemma or as written
        self.words = frozenset(self.verbs) | frozenset(self.nouns) | self.verb_phrase_heads \
            | self.noun_phrase_heads | self.hyphenated_firsts
        self.max_phrase = max((len(k) for k in [*self.verb_phrases, *self.noun_phrases]), default=1)

    @staticmethod
    def _add(lemma: str, entry: TriggerEntry, single: dict, phrases: dict) -> None:
        words = tuple(lemma.lower().split())
        if len(words) == 1:
            single.setdefault(words[0], []).append(entry)
        else:
            phrases.setdefault(words, []).append(entry)

    @classmethod
    def load(cls) -> "TriggerLexicon":
        entries = []
        for r in load_yaml("triggers.yaml") or []:
            entries.append(TriggerEntry(
                id=r["id"], verbs=tuple(r.get("verbs") or ()) + tuple(r.get("verb_forms") or ()), nouns=tuple(r.get("nouns") or ()),
                needs=tuple(r.get("needs") or ()), plover=r["plover"], mode=r.get("mode"),
                cameo=str(r["cameo"]) if r.get("cameo") else None, acled=_split_acled(r.get("acled")),
                state_source=_split_acled(r.get("state_source")) if r.get("state_source") else None,
                civilian_target=_split_acled(r.get("civilian_target")) if r.get("civilian_target") else None,
                armed_target=_split_acled(r.get("armed_target")) if r.get("armed_target") else None,
                excludes_objects=tuple(w.lower() for w in r.get("excludes_objects") or ()),
            ))
        return cls(entries)

    def verb_entries(self, lemma: str, form: str = "") -> list[TriggerEntry]:
        return self.verbs.get(lemma.lower()) or (self.verbs.get(form.lower(), []) if form else [])

    def noun_entries(self, lemma: str) -> list[TriggerEntry]:
        return self.nouns.get(lemma.lower(), [])

    def phrase_entries(self, lemmas: tuple[str, ...], verbal: bool) -> list[TriggerEntry]:
        table = self.verb_phrases if verbal else self.noun_phrases
        return table.get(tuple(w.lower() for w in lemmas), [])

    def entry_for_acled(self, event_type: str, sub_event_type: str) -> Optional[TriggerEntry]:
        """The first entry coded as this ACLED sub-type, else the first of its type: what
        an event the learned model proposes is in PLOVER's and CAMEO's terms."""
        return next((e for e in self.entries.values() if e.acled == (event_type, sub_event_type)), None) or \
            next((e for e in self.entries.values() if e.acled[0] == event_type), None)

    def for_verb(self, lemma: str, form: str = "") -> Optional[TriggerEntry]:
        entries = self.verb_entries(lemma, form)
        return entries[0] if entries else None

    def for_noun(self, lemma: str) -> Optional[TriggerEntry]:
        entries = self.noun_entries(lemma)
        return entries[0] if entries else None

    def for_phrase(self, lemmas: tuple[str, ...], verbal: bool) -> Optional[TriggerEntry]:
        entries = self.phrase_entries(lemmas, verbal)
        return entries[0] if entries else None
