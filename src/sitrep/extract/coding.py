"""How a trigger's context refines its coding: PLOVER's reading of promises,
refusals, complaints and vows; ACLED's protest sub-types, who makes up a crowd and
how violence at a demonstration is coded; whether a target is armed.

``events`` decides a trigger's entry; these rules read the words around it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..lexicon.actors import is_civilian
from ..model import Actor, ActorRole, Event, EventCoding
from .counts import fatalities_in
from .modality import is_infinitive_clause
from .roles import shared_object
from .text import paragraph_bounds
from .triggers import refers_back

VOW_VERBS = {"vow", "swear", "pledge", "promise"}
COOPERATIVE_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "CONSULT", "RETREAT"}
ARMED_SECTORS = {"REB", "MIL", "PRM", "UAF", "COP"}
VIOLENT_TYPES = {"ASSAULT", "COERCE"}
# conflictual acts short of force; announced, they are threats (CAMEO 13: threaten to
# boycott, to sanction, to impose a curfew or martial law, to arrest)
PRESSURE_TYPES = {"PROTEST", "SANCTION", "COERCE"}
# the ACLED types such an act may carry and still be a threat (seizing ground is not)
PRESSURE_ACLED_TYPES = {None, "Protests", "Strategic developments"}

_INTERVENTION = re.compile(r"\b(dispers|tear ?gas|arrest|intervene|broke up|break up|detain|rubber bullet|"
                           r"water cannon|baton)", re.I)
_EXCESSIVE = re.compile(r"\b(killed|shot dead|live (?:ammunition|rounds|fire)|opened fire on)\b", re.I)
_VIOLENT_CROWD = re.compile(r"\b(threw stones|throwing stones|hurled stones|stone[- ]pelting|pelted|"
                            r"burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|objects|vehicles?|cars?|material|chairs|"
                            r"buildings?|houses?|shops?|property|debris|barricades?|rubbish|garbage)|stoned|stoning|(?:was|were) (?:burnt|burned|torched|set on fire)|"
                            r"vandali[sz]ed|set fire|torched|(?:property|properties) (?:was |were )?(?:destroyed|damaged)|"
                            r"destroyed property|physical confrontation|scuffled?|"
                            r"violent (?:demonstration|protest|march)s?|violent rall(?:y|ies)|"
                            r"clash(?:ed|es)? with|riot(?:ed|ers|ing)?|looted|attacked|"
                            # barricades or tyres set alight, rocks thrown
                            r"set (?:\w+ ){0,2}on fire|set on fire|lit (?:\w+ )?(?:tyres|tires|bonfires|barricades)|"
                            r"burning (?:tyres|tires|objects|barricades)|thr(?:ew|owing) (?:rocks|bricks|stones)|"
                            r"pelting stones)\b", re.I)

MILITARY_OBJECTS = {"base", "camp", "post", "outpost", "checkpoint", "barracks", "position", "convoy", "patrol",
                    "garrison", "headquarters", "airbase", "barrack", "unit", "stronghold", "trench", "line",
                    "apc", "tank", "humvee"}
CIVILIAN_CAMPS = {"cattle", "idp", "refugee", "refugees", "displacement", "displaced", "fishing", "migrant",
                  "migrants", "herders", "pastoralist", "pastoralists"}
CIVILIAN_OBJECTS = {"village", "market", "house", "home", "school", "hospital", "church", "mosque", "shop", "bus",
                    "farm", "neighbourhood", "neighborhood", "residence", "clinic", "vehicle", "car", "compound",
                    "mine", "factory"}
ARMED_PERSON_NOUNS = {"soldier", "troop", "force", "army", "police", "policeman", "officer", "militant", "fighter",
                      "insurgent", "rebel", "guard", "ranger", "lieutenant", "captain", "sergeant", "colonel",
                      "commander", "militiaman", "gunman", "jihadist", "combatant", "serviceman", "gendarme",
                      "paramilitary", "militia", "marine", "trooper", "personnel", "security", "brigade",
                      "battalion", "regiment", "platoon", "squad"}
# What kind of fire a report describes, by the weapons and the exchange its sentence
# names. ACLED's codebook: an armed clash is two sides exchanging fire, or fire from
# small arms; a shelling/artillery/missile attack is one-sided fire from weapons that
# strike from a distance, machine guns among them (crew-served, "12.7mm").
_TWO_SIDED_FIRE = re.compile(r"\b(?:both directions|exchang\w*(?: of)?(?: \w+)? fire|exchanged (?:artillery|mortars?|"
                             r"rockets?|shells?)|returned (?:the )?fire|responded to the fire)\b", re.I)
_SMALL_ARMS = re.compile(r"\b(?:small[- ]arms?|(?<!sniper )rifles?|pistols?|kalashnikovs?|ak-?47s?|automatic weapons?|"
                         r"light weapons?|gunfire|gunshots?|shots)\b", re.I)
_DISTANT_WEAPONS = re.compile(r"\b(?:(?:heavy )?machine[- ]?guns?|machineguns?|mortars?|artillery|rockets?|missiles?|"
                              r"shells|howitzers?|grenade[- ]launchers?|rpgs?|cannons?|tanks?|katyushas?|"
                              r"anti-tank|anti-?aircraft|ifvs?|heavy(?: and medium)? weapons?|projectiles?)\b", re.I)


def fire_went_both_ways(sentence: str, sequel: str = "") -> bool:
    return bool(_TWO_SIDED_FIRE.search(sentence) or _TWO_SIDED_FIRE.search(sequel))


def kind_of_fire(sentence: str, sequel: str = "") -> Optional[str]:
    """'clash' (an exchange, or small arms), 'shelling' (only weapons that strike from a
    distance), or None when the sentence names neither. The sentence that follows in
    its paragraph (``sequel``) may tell the answer: "... fired at X. X returned fire"."""
    if fire_went_both_ways(sentence, sequel) or _SMALL_ARMS.search(sentence):
        return "clash"
    if _DISTANT_WEAPONS.search(sentence):
        return "shelling"
    return None


REPELLING_VERBS = {"thwart", "repel", "repulse", "foil", "counter", "fend", "ward", "rebuff", "beat", "push"}


def is_institution(actor: Optional[Actor]) -> bool:
    """A state, government body or organisation, which complains rather than marches."""
    return actor is not None and (actor.kind == "state" or (
        actor.kind in ("group", "person") and actor.sector in ("GOV", "IGO", "NGO", "JUD", "LEG")))


def vowed(tok) -> bool:
    return is_infinitive_clause(tok) and tok.head.lemma_.lower() in VOW_VERBS


def promise_or_refusal(coding: EventCoding, status: str) -> tuple[EventCoding, str]:
    """PLOVER's reading of cooperation not (yet) done: promised ("will support",
    "is willing to send") it is AGREE, CAMEO 03 (express intent to cooperate); refused
    or failed ("failed to reach agreement", "did not meet") it is REJECT, CAMEO 12, and
    the refusal itself occurred. Neither is an ACLED event."""
    if coding.event_type not in COOPERATIVE_TYPES:
        return coding, status
    if status == "intended" and coding.event_type != "AGREE":
        return replace(coding, event_type="AGREE", mode=None, cameo_root="03", acled_event_type=None,
                       acled_sub_event_type=None), status
    if status == "denied":
        return replace(coding, event_type="REJECT", mode=None, cameo_root="12", acled_event_type=None,
                       acled_sub_event_type=None), "occurred"
    return coding, status


def refine_protest(coding: EventCoding, sentence: str) -> EventCoding:
    """ACLED's protest sub-types depend on what the police and the crowd did."""
    # a crowd that turned violent riots, whatever force met it; lethal force against a
    # peaceful crowd is excessive
    if _VIOLENT_CROWD.search(sentence):
        return replace(coding, acled_event_type="Riots", acled_sub_event_type="Violent demonstration", mode="riot")
    if _EXCESSIVE.search(sentence) and _INTERVENTION.search(sentence + " intervene"):
        return replace(coding, acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters")
    if _INTERVENTION.search(sentence):
        return replace(coding, acled_event_type="Protests", acled_sub_event_type="Protest with intervention")
    return coding


def protests_behind_arrests(events: list[Event], protest: EventCoding) -> list[Event]:
    """"Police arrested 20 protesters": ACLED codes the arrest of demonstrators as the
    protest it broke up, a protest with intervention whose actor is the protesters;
    PLOVER codes the arrest (COERCE). The arrest stays, without an ACLED type, and the
    protest it implies comes before it, unless its sentence already reports one."""
    protest_sentences = {e.sentence.start for e in events if e.coding.event_type == "PROTEST"}
    out = []
    for event in events:
        target = next((r.actor for r in event.actors if r.role == "target"), None)
        if not (event.coding.mode == "arrest" and event.coding.acled_event_type == "Strategic developments"
                and target is not None and target.acled_inter == 6 and event.status in ("occurred", "ongoing")):
            out.append(event)
            continue
        if event.sentence.start not in protest_sentences:
            source = next((r.actor for r in event.actors if r.role == "source"), None)
            roles = (ActorRole("source", target),) + ((ActorRole("target", source),) if source else ())
            out.append(replace(event, coding=replace(protest, acled_event_type="Protests",
                                                     acled_sub_event_type="Protest with intervention"),
                               actors=roles, trigger=target.evidence, mentions=(target.evidence,)))
        out.append(replace(event, coding=replace(event.coding, acled_event_type=None, acled_sub_event_type=None)))
    return out


def target_kind(target: Optional[Actor], tok) -> Optional[str]:
    """Civilian or armed target, from the target actor or else from what was hit:
    "a military base", "a member of An Nasr police department", "governmental positions"."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in REPELLING_VERBS:
        # "forces thwarted a Houthi attack": whoever repelled it was armed and fought back
        return "armed"
    if target is not None:
        if is_civilian(target) or target.acled_inter == 7:
            return "civilian"
        if target.sector in ARMED_SECTORS or target.acled_inter in (1, 2, 3, 4, 8):
            return "armed"
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] or [
        o for o in (shared_object(tok),) if o is not None]
    objects += [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "against", "at", "upon")
                for g in p.children if g.dep_ == "pobj"]
    for obj in objects:
        modifiers = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
        if "civilian" in modifiers or (obj.lemma_.lower() == "camp" and modifiers & CIVILIAN_CAMPS):
            # "opened fire on a civilian vehicle (passing near a base)": said to be civilian;
            # a cattle camp or a refugee camp is no military camp
            return "civilian"
        # the head noun first, then what it is "of" or belongs to, a few words deep
        for t in [obj] + [t for t in obj.subtree if t is not obj and abs(t.i - obj.i) <= 6]:
            lemma = t.lemma_.lower()
            if lemma in MILITARY_OBJECTS or lemma in ARMED_PERSON_NOUNS:
                return "armed"
            # "attacked a village" targets it; "exchanged fire at villages" only says where
            if lemma in CIVILIAN_OBJECTS and obj.dep_ == "dobj":
                return "civilian"
    return None


# -- demonstrations: who makes up a crowd, and violence at one ------------------------
# what violence can happen "during" or "at" and be coded as ("killed during a demonstration")
DEMO_NOUNS = {"demonstration", "protest", "rally", "march", "riot", "sit-in", "procession", "unrest"}


def during_a_demonstration(tok) -> bool:
    """'killed during a demonstration', 'injured at a protest', 'shot amid riots'."""
    # a noun trigger's own prepositions, and its verb's
    heads = (tok,) if tok.pos_ in ("VERB", "AUX") else (tok, tok.head)
    return any(p.dep_ == "prep" and p.lower_ in ("during", "amid", "at", "in") and obj.lemma_.lower() in DEMO_NOUNS
               for head in heads for p in head.children for obj in p.children if obj.dep_ == "pobj")


def acled_at_demonstration(coding: EventCoding, by_the_state: bool, tok, text: str) -> Optional[tuple[str, str]]:
    """ACLED's (type, sub-type) of violence at a demonstration: what the paragraph tells
    of the crowd and the police; else the state's forces killing there use excessive
    force, and violence there by anyone else is the crowd's. None: leave the coding."""
    told = refine_protest(replace(coding, acled_event_type="Protests", acled_sub_event_type=None),
                          paragraph_from(text, tok.sent.start_char))
    if told.acled_sub_event_type in ("Violent demonstration", "Excessive force against protesters"):
        return told.acled_event_type, told.acled_sub_event_type
    if not by_the_state:
        return "Riots", "Violent demonstration"
    lethal = fatalities_in(text[tok.sent.start_char:tok.sent.end_char])
    return ("Protests", "Excessive force against protesters") if lethal else None


def told_from(tok, text: str) -> int:
    """Where what is told of a protest starts: its sentence, or the one before when the
    trigger refers back to it ("... set barricades on fire. The motives for the
    demonstration were not reported") within one paragraph."""
    start = tok.sent.start_char
    if refers_back(tok) and tok.sent.start > 0:
        before = tok.doc[tok.sent.start - 1].sent
        if paragraph_bounds(text, before.start_char)[1] >= start:
            return before.start_char
    return start


def paragraph_from(text: str, start: int) -> str:
    return text[start: paragraph_bounds(text, start)[1]]


def is_state_force(actor: Optional[Actor]) -> bool:
    return actor is not None and (actor.sector in ("COP", "MIL") or actor.acled_inter == 1) and not is_crowd(actor)


def is_crowd(actor: Optional[Actor]) -> bool:
    """Civilians named by a noun, or a party's supporters: who demonstrate or riot."""
    return (is_civilian(actor) and actor.kind == "agent") or (actor is not None and actor.sector == "PTY")


def is_plural_crowd(actor: Optional[Actor], doc) -> bool:
    """Protesters, or civilians named by a plural noun ("workers", "residents", "people")."""
    if not is_crowd(actor):
        return False
    if actor.acled_inter in (5, 6):
        return True
    span = doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
    return span is not None and (span.root.tag_ == "NNS" or span.root.lemma_.lower() in ("people", "staff"))
