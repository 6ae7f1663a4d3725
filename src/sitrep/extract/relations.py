"""Backing and alliance relations stated in the text.

- "US-backed militias", "Turkish-backed Syrian rebel groups": the backer backs the
  actor (from each mention's ``backers``);
- "the alliance that includes Iranian-backed Shia militias, Lebanon's Hezbollah and
  the Russian air force", where the alliance is one "fighting in support of
  President Bashar al-Assad" (here or in an earlier mention of the alliance):
  each member is allied with the supported party's government.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..model import Actor, Event, Evidence, Relation
from .coref import ActorIndex

ALLIANCE_NOUNS = {"alliance", "coalition", "axis", "bloc", "front"}
MEMBER_VERBS = {"include", "comprise", "gather", "unite"}


class RelationFinder:
    def __init__(self, country_name):
        self.country_name = country_name      # ISO3 -> short name

    def find(self, doc, text: str, actors: Sequence[Actor], index: ActorIndex,
             events: Sequence[Event] = ()) -> tuple[Relation, ...]:
        relations: list[Relation] = []
        for actor in actors:
            for backer in actor.backers:
                relations.append(Relation(backer.name, actor.name, "backs",
                                          _span(text, backer.evidence.start, actor.evidence.end)))
                # "US-backed militias including Kurdish groups": the members are backed too
                for member in self._included(doc, actor, index):
                    relations.append(Relation(backer.name, member.name, "backs",
                                              _span(text, backer.evidence.start, member.evidence.end)))
        for event in events:
            sources = [r.actor for r in event.actors if r.role == "source"]
            for source in sources:
                for helper in (r.actor for r in event.actors if r.role == "supporter"):
                    relations.append(Relation(helper.name, self._government(source), "backs",
                                              Evidence(event.sentence.start, event.sentence.end,
                                                       event.sentence.text)))
        supported: Optional[Actor] = None
        for tok in doc:
            if tok.lemma_.lower() not in ALLIANCE_NOUNS:
                continue
            party = self._supported_party(tok, index)
            if party is not None:
                supported = party
            if supported is None:
                continue
            for member, evidence_tok in self._members(tok, index):
                end = max(evidence_tok.idx + len(evidence_tok), member.evidence.end)
                relations.append(Relation(member.name, self._government(supported), "allied",
                                          _span(text, tok.idx, end)))
        return tuple(_unique(relations))

    @staticmethod
    def _included(doc, actor: Actor, index: ActorIndex):
        span = doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
        if span is None:
            return
        for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("including", "include")):
            for obj in (c for c in prep.subtree if c.dep_ in ("pobj", "conj")):
                member = index.resolve(obj)
                if member is not None and member.name != actor.name:
                    yield member

    def _government(self, actor: Actor) -> str:
        if (actor.sector == "GOV" or actor.kind == "state") and actor.country:
            return f"Government of {self.country_name(actor.country)}"
        return actor.name

    @staticmethod
    def _supported_party(tok, index: ActorIndex) -> Optional[Actor]:
        """'alliance of forces fighting in support of X' / 'the pro-X alliance'."""
        doc = tok.doc
        for t in tok.subtree:
            if t.lower_ == "support" and t.i > tok.i:
                for u in t.subtree:
                    if u.dep_ == "pobj" and u.head.lower_ == "of":
                        found = index.resolve(u)
                        if found is not None:
                            return found
        for i in range(max(0, tok.i - 4), tok.i):
            if doc[i].lower_ == "pro" and i + 2 < len(doc) and doc[i + 1].text == "-":
                found = index.at(doc[i + 2])
                if found is not None:
                    return found
        return None

    @staticmethod
    def _members(tok, index: ActorIndex):
        """'the alliance that includes A, B, and C' -> A, B, C (with the token that names each)."""
        for verb in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in MEMBER_VERBS):
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                heads = [obj]
                # "a range of X": the members are the object of "of"
                if obj.lemma_.lower() in ("range", "number", "host", "set", "group", "mix"):
                    heads = [g for p in obj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
                queue = list(heads)
                seen = set()
                while queue:
                    head = queue.pop(0)
                    if head.i in seen:
                        continue
                    seen.add(head.i)
                    actor = index.resolve(head)
                    if actor is not None:
                        yield actor, head
                    queue.extend(c for c in head.children if c.dep_ in ("conj", "appos"))
            # the parser often hangs the last items of a long list elsewhere: read the
            # rest of the clause as the list, up to the next clause
            for t in verb.doc[verb.i + 1: verb.sent.end]:
                if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "relcl", "ccomp", "advcl", "xcomp"):
                    break
                actor = index.at(t)
                if actor is not None and (actor.lexicon_id or actor.kind in ("agent", "state")):
                    yield actor, t


def _span(text: str, start: int, end: int) -> Evidence:
    start, end = min(start, end), max(start, end)
    return Evidence(start, end, text[start:end])


def _unique(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.backer, r.backed, r.kind)
        if key not in seen and r.backer != r.backed:
            seen.add(key)
            out.append(r)
    return out
