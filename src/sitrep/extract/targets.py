"""Whom an act is aimed at beyond its object: the owner of what it is about, whom it
is given or addressed to, whom a demand or threat in its complement names, and the
country a non-violent act is done in. Read for the role finder (``roles.py``).
"""
from __future__ import annotations

from typing import Optional

from ..model import Actor
from .tree import child_of, is_backing_modifier, pobj_of

# whose a thing is: "an offer from X", "a plan of X"
OWNER_PREPS = {"of", "from", "for", "by"}
# inside a demand's or threat's complement, and in an object's phrase: "blows to X",
# "relations with X", "sanctions on X", "aid for X"
COMPLEMENT_TARGET_PREPS = {"to", "against", "with", "on", "at", "for"}
# a doer's own things ("its troops")
OWN_PRONOUNS = {"its", "their", "his", "her", "our", "my"}
# a country an act is done in ("demonstrated in Serbia")
ACTED_IN_PREPS = {"in", "into", "inside", "within", "throughout", "across"}


class TargetReader:
    """Target readings over a ``RoleFinder``'s actors."""

    def __init__(self, roles):
        self.roles = roles

    def owner_of(self, obj) -> Optional[Actor]:
        """Whose the object is, as the act's target: 'welcomed Reagan's statement', 'an offer
        from Afghanistan', 'rejected a Senegalese peace plan' (a country's thing is aimed
        at its government). Not for force: the house of a police officer attacked at night
        is no attack on the police."""
        for child in obj.children:
            if child.dep_ == "poss":
                found = self.roles.actor(child) or self.roles.state_of(child)
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                found = self.roles.actor(pobj_of(child))
            elif child.dep_ in ("amod", "compound") and not is_backing_modifier(child):
                found = self.roles.index.at(child) or self.roles.state_of(child)
            else:
                continue
            if found is not None:
                return found
        return None

    def addressee(self, tok, obj) -> Optional[Actor]:
        """Whom the thing done is given or aimed at: the indirect object ('granted the
        refugees papers'), or the object's 'to'/'against' phrase ('sent a note to Oman',
        'granted citizenship to 200 refugees')."""
        dative = child_of(tok, "dative")
        if dative is not None and dative.pos_ == "ADP":
            dative = pobj_of(dative)      # "granted asylum to 40 refugees": the parser's dative "to"
        found = self.roles.actor(dative)
        if found is not None:
            return found
        return self.aimed_at_in_phrase(obj) if obj is not None else None

    def aimed_at_in_phrase(self, obj) -> Optional[Actor]:
        """Whom an object's own phrase says it is for or aimed at ('a note to Oman',
        'sanctions against Nigeria')."""
        for prep in object_phrase_preps(obj):
            found = self.roles.actor(pobj_of(prep))
            if found is not None:
                return found
        return None

    def called_on(self, tok) -> Optional[Actor]:
        """Whom a call is made on ("called on Uganda to withdraw"), or, for a call for
        something, whom that is aimed at ("called for sanctions against Nigeria"): what
        is asked for is no party."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i):
            obj = pobj_of(prep)
            if obj is None:
                continue
            if prep.lower_ in ("on", "upon"):
                found = self.roles.actor(obj)
            elif prep.lower_ == "for":
                found = self.aimed_at_in_phrase(obj)
            else:
                continue
            if found is not None:
                return found
        return None

    def in_complement(self, tok) -> Optional[Actor]:
        """Whom a demand, threat or pledge is aimed at, inside its complement clause:
        'demanded that Hamas renounce ...' (the clause's subject), 'threatened to deliver
        blows to the United States', 'promised aid to Mozambique' (the object, or the
        object of to/against/with/on)."""
        for clause in (c for c in tok.children if c.dep_ in ("ccomp", "xcomp")):
            candidates = [c for c in clause.children if c.dep_ == "nsubj"] if clause.dep_ == "ccomp" else []
            candidates += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
            candidates += [pobj_of(p) for p in clause.children if p.dep_ == "prep"
                           and p.lower_ in COMPLEMENT_TARGET_PREPS]
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            candidates += [pobj_of(p) for c in objects for p in object_phrase_preps(c)]
            for cand in candidates:
                if cand is not None and cand.i not in self.roles.trigger_tokens:
                    found = self.roles.actor(cand)
                    if found is not None:
                        return found
            # "demanded the resignation of President X": whose the thing demanded is
            for obj in objects:
                found = self.owner_of(obj)
                if found is not None:
                    return found
        return None

    def country_acted_in(self, tok) -> Optional[Actor]:
        """'strengthened its forces in Lebanon', 'demonstrated in Serbia': a country an act
        without another party is done in is what it bears on, as CAMEO codes the place
        actor of such sentences. Only a country named as such, not a town in it."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ACTED_IN_PREPS):
            found = self.roles.actor(pobj_of(prep))
            if found is not None and found.kind == "state":
                return found
        return None

    def authority_addressed(self, tok, source: Optional[Actor]) -> Optional[Actor]:
        """Whom a protest that names no target is aimed at: a state or its government
        named in its sentence ("to demand the resignation of President X", "in defiance
        of Chinese authorities"), as PLOVER codes a protest's target."""
        sent = tok.sent
        # not whoever speaks of the protest ("the president condemned the protests")
        speaker = child_of(tok.head, "nsubj") if tok.pos_ in ("NOUN", "PROPN") else None
        reacting = self.roles.actor(speaker) if speaker is not None else None
        named = [a for a in self.roles.index.actors if sent.start_char <= a.evidence.start < sent.end_char
                 and (reacting is None or a.name != reacting.name)]
        # a government before a state: "in Hong Kong in defiance of Chinese authorities"
        for actor in [a for a in named if a.sector == "GOV"] + [a for a in named if a.kind == "state"]:
            found = other_than(source, actor)
            if found is not None:
                return found
        return None


def other_than(source: Optional[Actor], found: Optional[Actor]) -> Optional[Actor]:
    """``found``, unless it is the doer itself ("offered its troops to ...")."""
    return None if found is not None and source is not None and found.name == source.name else found


def doers_own(obj) -> bool:
    """'withdrew its troops', 'offered their forces': what the doer moves or gives of its
    own is no target of the act."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in obj.children)


def object_phrase_preps(obj):
    """The prepositions of an object's phrase that name whom it is for or aimed at,
    through its "of" ("70 million dollars of aid for Romania")."""
    for prep in (c for c in obj.children if c.dep_ == "prep"):
        if prep.lower_ in COMPLEMENT_TARGET_PREPS:
            yield prep
        elif prep.lower_ == "of" and pobj_of(prep) is not None:
            yield from (p for p in pobj_of(prep).children
                        if p.dep_ == "prep" and p.lower_ in COMPLEMENT_TARGET_PREPS)
