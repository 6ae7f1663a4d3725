"""Decide each event's PLOVER mode: how it was done.

The events stage decides what kind of event a trigger is; its mode ("shelled" ->
heavy-weapons, "began a hunger strike" -> hunger, "threatened to impose a curfew" ->
restrict) is read here, after the ACLED sub-types are settled, from the mode table
(``lexicon/modes.py``). The first of the type's modes that matches wins: by a cue word
in the trigger's clause, by the event's ACLED sub-type (a crowd the coder read as
violent riots, even if it "marched"), or, for an assassination, by a victim who is a
named person or an office holder. An event no mode fits has none, whatever its
trigger's default in the trigger lexicon: the mode is backed by the words or not given.

The clause is the trigger's verb with its subject, objects and modifiers, without the
other clauses hung on it ("opened fire to disperse them, killing one": the killing is
not read for the firing's mode). A verbal act's mode is what it threatens, asks or
refuses, so its complement is read too ("threatened to impose a curfew").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional

from ..lexicon.modes import ModeRule, ModeTable, mode_table
from ..model import Event
from .tree import child_of

# clauses of their own hung on a verb or a noun: not the event's words ("demonstrated in
# Serbia, where riots killed 24 last year"); a participle on a noun is ("militiamen
# armed with machetes")
OTHER_CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj", "relcl"}
# a verbal act's mode is its content: its complement clause is read
CONTENT_DEPS = {"xcomp", "ccomp"}
VERBAL_TYPES = {"THREATEN", "REQUEST", "REJECT"}
# types whose act may be done as another ("went on hunger strike to protest")
MANNER_TYPES = {"PROTEST", "CONSULT"}
KILLING_LEMMAS = {"kill", "shoot", "murder", "assassinate", "gun", "stab", "execute", "slay"}
_MAX_CLIMB = 4


class ModeReader:
    """Gives each event the PLOVER mode its words show (``mode_of``), or none."""

    def __init__(self, table: Optional[ModeTable] = None):
        self.table = table or mode_table()

    def with_modes(self, doc, events: Iterable[Event]) -> tuple[Event, ...]:
        out = []
        for event in events:
            mode = self.mode_of(doc, event)
            out.append(event if mode == event.coding.mode else replace(event, coding=replace(event.coding, mode=mode)))
        return tuple(out)

    def mode_of(self, doc, event: Event) -> Optional[str]:
        coding = event.coding
        rules = self.table.rules_for(coding.event_type)
        if not rules:
            return None
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        words = _clause_words(span, coding.event_type) if span is not None and len(span) else []
        for rule in rules:
            if coding.acled_sub_event_type in rule.acled_sub_types or _any_cue(rule, words) \
                    or (rule.victims and _person_killed(event, span, rule.victims)):
                return rule.mode
        # the trigger's own default ("fighting" as firearms) is no evidence: its words
        # were read above with the clause's
        return None


def _clause_words(span, event_type: str) -> list[tuple[int, str, str]]:
    """(index, text, lemma) of the words of the trigger's clause, in text order."""
    trigger = span.root
    verb = trigger
    for _ in range(_MAX_CLIMB):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    heads = [verb]
    if event_type in MANNER_TYPES and verb.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in verb.children):
        # "shunned work to protest", "telephoned X to discuss": the act done to protest
        # or to consult is how it was done
        heads.append(verb.head)
    first, last = span.start, span.end - 1
    sentence = trigger.sent
    verbal = event_type in VERBAL_TYPES
    seen: dict[int, tuple[int, str, str]] = {}
    stack = list(heads)
    while stack:
        tok = stack.pop()
        if tok.i in seen or not sentence.start <= tok.i < sentence.end:
            continue
        seen[tok.i] = (tok.i, tok.lower_, tok.lemma_.lower())
        for child in tok.children:
            holds_trigger = child.left_edge.i <= last and first <= child.right_edge.i
            own_clause = child.dep_ in OTHER_CLAUSE_DEPS and (child.dep_ != "conj" or child.pos_ in ("VERB", "AUX"))
            if own_clause and not holds_trigger and not (verbal and child.dep_ in CONTENT_DEPS):
                continue
            stack.append(child)
    for tok in span:
        seen.setdefault(tok.i, (tok.i, tok.lower_, tok.lemma_.lower()))
    return sorted(seen.values())


def _word_matches(cue_word: str, text: str, lemma: str) -> bool:
    if cue_word.endswith("*"):
        stem = cue_word[:-1]
        return text.startswith(stem) or lemma.startswith(stem)
    return cue_word in (text, lemma)


def _any_cue(rule: ModeRule, words: list[tuple[int, str, str]]) -> bool:
    """Is one of the rule's cues among ``words`` ((index, text, lemma), in text order)?"""
    stems, head_stems = rule.stems, rule.phrase_head_stems
    for n, (i, text, lemma) in enumerate(words):
        if text in rule.words or lemma in rule.words or (stems and (text.startswith(stems) or lemma.startswith(stems))):
            return True
        if not (text in rule.phrase_heads or lemma in rule.phrase_heads
                or (head_stems and (text.startswith(head_stems) or lemma.startswith(head_stems)))):
            continue
        for phrase in rule.phrases:
            if not _word_matches(phrase[0], text, lemma):
                continue
            rest = words[n + 1: n + len(phrase)]
            if len(rest) == len(phrase) - 1 and all(
                    w[0] == i + k + 1 and _word_matches(c, w[1], w[2]) for k, (c, w) in enumerate(zip(phrase[1:], rest))):
                return True
    return False


def _person_killed(event: Event, span, offices: frozenset[str]) -> bool:
    """Did the trigger kill a named person or an office holder ("shot dead the district
    governor")? Only as the killing's object: one "killed in clashes" fell in a fight."""
    if span is None:
        return False
    killing = next((tok for tok in span if tok.lemma_.lower() in KILLING_LEMMAS), None)
    victim = child_of(killing, "dobj") if killing is not None else None
    if victim is None or any(c.dep_ == "conj" for c in victim.children):
        return False        # "killed a commander and several soldiers": no one singled out
    if victim.ent_type_ == "PERSON":
        return True
    words = [victim] + [c for c in victim.children if c.dep_ in ("compound", "amod")]
    return any(w.lemma_.lower() in offices for w in words)
