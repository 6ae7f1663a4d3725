"""Who the report says did it, when the event's own clause names no doer.

"A roadside bomb killed five civilians. Local authorities said the Taliban planted
the bomb." -- the explosion's clause has no subject that acts, but its paragraph says
who planted it. Reports and ACLED's notes say it in a few ways:
- a claim: "Al Shabaab claimed responsibility", "IS claimed the attack", "militants
  claimed to have killed two soldiers";
- an attribution: "planted by JNIM", "carried out by the PKK", "a grenade thrown by Al
  Shabaab militants", "blamed on Boko Haram",
  "attributed to ISWAP", "the Taliban planted the bomb";
- a compound: "a Taliban-planted landmine".
The claimant must be an armed actor (a named group, or rebels, militias or forces);
an actor the text only suspects ("suspected IS militants") counts, as ACLED codes it.
"""
from __future__ import annotations

from typing import Optional

from ..lexicon.actors import is_civilian
from ..model import Actor
from .coref import ActorIndex

CLAIM_VERBS = {"claim"}
# what a claim claims: "claimed responsibility", "claimed the attack" (or "claimed to have killed")
CLAIMED_THINGS = {"responsibility", "attack", "bombing", "blast", "explosion", "killing", "ambush", "assault"}
CLAIMED_ACTS = {"kill", "attack", "shoot", "destroy", "target", "down", "bomb", "ambush", "blow", "behead", "execute",
                "kidnap", "abduct", "wound", "injure"}
# verbs whose doer is the perpetrator of the violence they describe, and what they act on
PERPETRATION_VERBS = {"plant", "carry", "perpetrate", "orchestrate", "mastermind", "detonate", "trigger",
                      "throw", "hurl", "lob", "launch", "fire"}
PERPETRATED_THINGS = {"bomb", "ied", "mine", "landmine", "explosive", "device", "attack", "ambush", "bombing",
                      "blast", "explosion", "grenade", "rcied", "vbied", "booby", "rocket", "mortar", "shell",
                      "missile", "projectile"}
# verbs that give the perpetrator as the object of a preposition: "blamed on X"
ATTRIBUTION_VERBS = {"blame": "on", "attribute": "to"}


def _armed(actor: Optional[Actor]) -> bool:
    return actor is not None and not is_civilian(actor) and actor.kind != "state" and (
        actor.lexicon_id is not None or actor.acled_inter in (1, 2, 3, 4, 8))


def _acts_on(verb, things: set[str]) -> bool:
    """'claimed responsibility', 'planted the bomb', 'claimed to have killed two soldiers'."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in things:
            return True
        if child.dep_ == "xcomp" and verb.lemma_.lower() in CLAIM_VERBS and child.lemma_.lower() in CLAIMED_ACTS:
            return True     # "claimed to have killed"; not "claimed to have thwarted an attack"
    return False


def _pobj(tok, prep_word: str):
    for prep in (c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == prep_word):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            return obj
    return None


def claimed_perpetrator(doc, index: ActorIndex, start: int, end: int) -> Optional[Actor]:
    """The armed actor the text between character offsets ``start`` and ``end`` says
    claimed, planted or carried out the violence, or None."""
    for tok in doc:
        if not (start <= tok.idx < end):
            continue
        lemma = tok.lemma_.lower()
        candidate = None
        if lemma in PERPETRATION_VERBS and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
            # "a Taliban-planted landmine"
            candidate = index.resolve(doc[tok.i - 2])
        elif tok.pos_ in ("VERB", "AUX") and lemma in CLAIM_VERBS | PERPETRATION_VERBS:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            if passive and lemma in PERPETRATION_VERBS:
                by = _pobj(tok, "by")
                candidate = index.resolve(by) if by is not None else None
            elif not passive and _acts_on(tok, CLAIMED_THINGS if lemma in CLAIM_VERBS else PERPETRATED_THINGS):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                candidate = index.resolve(subj) if subj is not None else None
        elif lemma in PERPETRATION_VERBS and tok.dep_ in ("amod", "compound", "acl") and tok.head.pos_ == "NOUN":
            # "a roadside bomb planted by Al Shabaab"
            by = _pobj(tok, "by")
            candidate = index.resolve(by) if by is not None else None
        elif lemma in ATTRIBUTION_VERBS:
            obj = _pobj(tok, ATTRIBUTION_VERBS[lemma])
            candidate = index.resolve(obj) if obj is not None else None
        if _armed(candidate):
            return candidate
    return None
