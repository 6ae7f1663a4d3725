"""Which actor a token refers to, including light within-document coreference.

"The group seized Palmyra" -> the last named group before it (IS); "he had retaken"
-> the last person (Assad); "the commander urged" -> the earlier, fuller mention of
a commander. Deliberately simple: recency plus agreement in kind.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from ..lexicon.actors import is_civilian
from ..model import Actor, Evidence
from .actors import PRONOUNS_GROUP, PRONOUNS_PERSON
from .agents import GENERIC_HEADS

_DEFINITE = {"the", "this", "that", "these", "those"}
_GROUP_NOUNS = GENERIC_HEADS | {"organisation", "organization", "militia", "movement"}
_MODIFIER_DEPS = ("compound", "nmod", "poss", "amod")
MEMBER_NOUNS = {"member", "supporter", "element", "personnel", "cadre", "loyalist", "militant", "fighter",
                "soldier", "officer", "agent", "leader", "follower", "affiliate", "partisan"}
QUANTITY_NOUNS = {"member", "members", "supporter", "supporters", "element", "elements", "personnel", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "group",
                  "crowd", "number", "handful", "band", "team", "unit", "contingent", "squad", "mob", "some",
                  "many", "several", "all", "most", "one", "two", "three", "four", "five", "million", "millions"}
ARMED_AGENT_SECTORS = {"REB", "MIL", "PRM", "UAF", "COP"}
# weapons and vehicles stand for whoever operates them: "army warplanes", "coalition jets"
INSTRUMENT_NOUNS = {"warplane", "jet", "aircraft", "plane", "helicopter", "gunship", "drone", "tank", "artillery",
                    "gunboat", "warship", "bomber", "fighter jet", "unit", "convoy", "patrol", "vehicle"}


class ActorIndex:
    """Actor mentions of one article, searchable by token."""

    def __init__(self, actors: Sequence[Actor], text: str, doc=None):
        self.actors = sorted(actors, key=lambda a: a.evidence.start)
        self.text = text
        self.doc = doc

    def _is_subject(self, actor: Actor) -> bool:
        if self.doc is None:
            return False
        span = self.doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def salient_before(self, tok, kinds: tuple[str, ...]) -> Optional[Actor]:
        """Antecedent of a pronoun: a subject in this or the previous sentence first
        (what the text is about), else the most recent compatible mention."""
        sent = tok.sent
        window_start = sent.start_char
        if self.doc is not None and sent.start > 0:
            window_start = self.doc[sent.start - 1].sent.start_char
        for actor in reversed(self.actors):
            if window_start <= actor.evidence.start < tok.idx and actor.kind in kinds \
                    and not is_civilian(actor) and self._is_subject(actor):
                return actor
        return self.before(tok.idx, kinds)

    def at(self, tok) -> Optional[Actor]:
        """The mention whose span covers this token."""
        best = None
        for actor in self.actors:
            if actor.evidence.start <= tok.idx < actor.evidence.end:
                if best is None or (actor.evidence.end - actor.evidence.start) > (best.evidence.end - best.evidence.start):
                    best = actor
            elif actor.evidence.start > tok.idx:
                break
        return best

    def before(self, offset: int, kinds: tuple[str, ...], same_head: Optional[str] = None) -> Optional[Actor]:
        for actor in reversed(self.actors):
            if actor.evidence.start >= offset:
                continue
            if actor.kind not in kinds:
                continue
            if same_head and not actor.evidence.text.lower().split()[-1].startswith(same_head[:5]):
                continue
            if is_civilian(actor) and same_head is None:
                continue
            return actor
        return None

    def resolve(self, tok) -> Optional[Actor]:
        """The actor an argument token stands for, following modifiers and references."""
        direct = self.at(tok)
        lower = tok.lower_
        # "hundreds of protesters", "a group of gunmen": the people are the object of "of"
        if direct is None and tok.lemma_.lower() in QUANTITY_NOUNS:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    return self.resolve(obj)
        if direct is not None and direct.lexicon_id:
            return direct
        if direct is None or (direct.kind == "agent" and direct.sector in ARMED_AGENT_SECTORS):
            # "guerrillas of the FMLN", "fighters of Al Shabaab": the group they belong to
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    named = self.at(obj)
                    if named is not None and named.lexicon_id and named.kind == "group" and (
                            direct is not None or tok.lemma_.lower() in MEMBER_NOUNS):
                        return self._as_mention(named, tok)
        # "IS fighters", "Hezbollah's militants": a named actor modifying the head noun
        instrument = tok.lemma_.lower() in INSTRUMENT_NOUNS | MEMBER_NOUNS
        for child in tok.children:
            if child.dep_ in _MODIFIER_DEPS:
                named = self.at(child)
                if named is not None and (named.lexicon_id or instrument):
                    return self._as_mention(named, tok)
        if lower in PRONOUNS_PERSON:
            found = self.before(tok.idx, ("person",))
            return self._as_mention(found, tok) if found else None
        if lower in PRONOUNS_GROUP:
            found = self.salient_before(tok, ("group", "agent", "state"))
            return self._as_mention(found, tok) if found else None
        definite = any(c.lower_ in _DEFINITE for c in tok.children if c.dep_ == "det")
        if definite and tok.lemma_.lower() in _GROUP_NOUNS:
            found = self.before(tok.idx, ("group",))
            if found is not None:
                return self._as_mention(found, tok)
        if definite and direct is not None and direct.kind == "person" and direct.name == tok.lemma_.capitalize():
            # "the commander": take the fuller earlier mention of a commander
            found = self.before(tok.idx, ("person",), same_head=tok.lemma_.lower())
            if found is not None:
                return self._as_mention(found, tok)
        return direct

    def _as_mention(self, antecedent: Actor, tok) -> Actor:
        """The antecedent's identity with this mention's own evidence span."""
        start = tok.left_edge.idx if tok.left_edge.i >= tok.i - 3 else tok.idx
        end = tok.idx + len(tok)
        return replace(antecedent, evidence=Evidence(start, end, self.text[start:end]))
