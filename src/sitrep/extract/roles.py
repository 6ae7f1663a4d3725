"""Who did it, to whom, with whose help: the actor roles of one trigger.

Verbs: the subject is the source (inherited through "seeking to turn", "killing
civilians", "urged X to attack" -> X), the object or "against/on/from X" is the
target, and so is whom the act is given or addressed to ("granted citizenship to X",
"protested to X"); "by X" in a passive is the source, "with the help of X" a supporter.
A passive harm with no "by" was done by whom the harmed fought ("killed in clashes
with the army"). Nouns: "raids by X", "X's offensive", "the campaign led by X",
"campaigns ..., one by X"; a noun that is what someone "faced" or "suffered" has that
someone as target. Backers named in the source's modifiers ("US-backed") become
supporters. Targets beyond the object (an owner, an addressee, a complement's, a
country acted in) are read by ``targets.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Actor
from .coref import ActorIndex
from .targets import TargetReader, doers_own, other_than
from .tree import child_of, is_backing_modifier, pobj_of

SUFFER_VERBS = {"face", "suffer", "endure", "withstand", "come", "sustain", "resist", "survive"}
LAUNCH_VERBS = {"launch", "carry", "conduct", "stage", "mount", "wage", "lead", "begin", "start", "step", "press",
                "intensify", "continue", "claim", "perpetrate", "execute", "commit", "make", "hold", "organise",
                "organize",
                # verbal and diplomatic events: "opened an investigation", "imposed sanctions",
                # "issued a warning", "paid a visit", "lodged a protest", "provided aid"
                "open", "initiate", "undertake", "resume", "impose", "issue", "pay", "lodge", "file", "express",
                "provide", "deliver", "offer", "extend", "announce", "reach", "conclude", "strike",
                # "renewed talks", "gave a warm welcome to X"
                "renew", "give"}
# "arrived in Amman on a visit", "travelled to Geneva for talks": the traveller does it
TRAVEL_VERBS = {"arrive", "travel", "fly", "come", "head", "leave", "return"}
REQUEST_HEADS = {"urge", "ask", "call", "appeal", "demand", "request", "press", "order", "instruct", "encourage"}
HELP_NOUNS = {"help", "support", "backing", "assistance", "aid", "cover"}
TARGET_PREPS = {"against", "on", "at", "targeting", "upon"}
# verbs whose "to X" is whom they address or give to ("apologised to Chile", "ceded
# the town to the army"); after others "to" is mostly a place gone to
ADDRESSING_VERBS = {"apologize", "apologise", "appeal", "complain", "write", "speak", "talk", "explain", "promise",
                    "pledge", "give", "grant", "sell", "offer", "donate", "supply", "surrender", "cede",
                    "submit", "present", "protest", "object", "plead", "reply", "respond",
                    # what is sent or lent to a country goes to its people or government
                    "send", "ship", "deliver", "lend", "extend", "transfer", "hand", "export", "provide"}
# verbs that only say an event happened: their prepositions belong to the event noun
OCCUR_VERBS = {"erupt", "break", "occur", "take", "happen", "continue", "resume", "rage", "report", "ensue", "flare",
               "intensify", "escalate", "start", "begin", "take place"}
# "is ready to", "is prepared to": the subject of the adjective's verb does what follows
WILLING_ADJECTIVES = {"ready", "prepared", "willing", "committed", "determined", "eager", "keen"}
INHERIT_DEPS = {"xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "ccomp"}
# "two soldiers were wounded in a bomb attack": the harm is told, the noun in "in" is the
# event (harms that are triggers themselves, "killed in", carry the event on the verb)
HARMED_VERBS = {"wound", "injure", "hurt", "maim"}
# people a force is made of, whom a force's name before them makes its own
MEMBER_NOUNS = {"guard", "sniper", "soldier", "officer", "agent", "patrol", "unit", "element", "personnel",
                "trooper", "commando", "recruit", "man"}
# verbs of a call made on someone or for something ("called on X to", "pressed for")
ASKING_VERBS = {"call", "press", "appeal", "push"}
# a force repelling an attack, and the attacks it repels
REPEL_VERBS = {"repel", "repulse", "thwart", "foil", "rebuff", "fend"}
ATTACK_NOUNS = {"attack", "assault", "offensive", "raid", "ambush", "attempt", "incursion", "infiltration"}
# acts done to someone, whose "of" names who suffers them ("the killing of civilians",
# "the assassination of Carlos Galan", "the arrest of two journalists")
PATIENT_OF_NOUNS = {"killing", "murder", "assassination", "execution", "beheading", "massacre", "abduction",
                    "kidnapping", "kidnap", "arrest", "detention", "torture", "rape", "lynching", "stabbing",
                    "beating", "shooting"}
# ACLED actor types that bear arms: state forces, rebels, militias, external forces
ARMED_INTER = {1, 2, 3, 4, 8}
# "X and Y clashed / agreed / met": the second party of a joint act is its target
SYMMETRIC_LEMMAS = {"clash", "fight", "agree", "meet", "negotiate", "battle", "talk", "skirmish", "sign", "exchange"}
# verbs of acts shared with another party: "shared intelligence with", "cooperated with"
SHARING_VERBS = {"share", "cooperate", "coordinate", "consult", "ally", "trade", "side", "collaborate"}
# nouns of peaceful acts done together: their "with X" is the other party (a clash
# "with police" during a demonstration is left to the event's reading of the crowd)
JOINT_NOUNS = {"meeting", "talk", "talks", "negotiation", "agreement", "deal", "accord", "treaty", "cooperation",
               "consultation", "summit", "relation", "tie", "contact", "pact"}
# verbs laying an act on someone: their passive subject did it ("accused of killing");
# not an arrest's reason ("detained for hurling a petrol bomb"), an act of another day
BLAMED_VERBS = {"accuse", "suspect", "charge", "allege", "blame", "believe", "report", "say"}
# a fight a harm happened in, and the words (lemmas) that name it ("shoot-out" ends in "out")
FIGHT_PREPS = {"in", "during", "after", "following", "while", "amid"}
FIGHT_WORDS = {"clash", "fighting", "fight", "battle", "gunfight", "firefight", "shootout", "out", "skirmish",
               "encounter", "exchange", "confrontation"}


@dataclass(frozen=True)
class Roles:
    source: Optional[Actor]
    target: Optional[Actor]
    supporters: tuple[Actor, ...]


OTHER_TIME_PREPS = {"after", "before", "following", "since", "until", "ahead"}


def shared_object(tok):
    """'shot and killed a police officer': coordinated verbs that share one subject also
    share the object the parser hangs on the last of them."""
    for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if child_of(conj, "nsubj", "nsubjpass") is None:
            obj = child_of(conj, "dobj")
            if obj is not None:
                return obj
    return None


def shared_agent(tok):
    """The "by" phrase of a passive coordinated with ``tok``, the verb after it or the
    one it follows, or None."""
    partners = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        partners.append(tok.head)
    return next((agent for verb in partners for agent in [child_of(verb, "agent")] if agent is not None), None)


class RoleFinder:
    def __init__(self, index: ActorIndex, trigger_tokens: set[int], forces_of=None, state_of=None):
        self.index = index
        self.trigger_tokens = trigger_tokens
        # callables: token -> the armed forces, or the government, of the country it names
        # ("Russian"), or None
        self.forces_of = forces_of or (lambda tok: None)
        self.state_of = state_of or (lambda tok: None)
        self.targets = TargetReader(self)

    def actor(self, tok) -> Optional[Actor]:
        if tok is None:
            return None
        found = self.index.resolve(tok)
        if found is None and tok.lemma_.lower() in MEMBER_NOUNS:
            # "police guards", "army snipers": the force named before the people it sends
            found = next((a for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
                          for a in [self.index.at(c)] if a is not None and a.acled_inter == 1), None)
        return found

    def verb_roles(self, tok, object_is_place: bool = False, violent: bool = False) -> Roles:
        """Roles of a verb trigger; ``object_is_place`` for triggers whose object is
        the place taken ("seized Palmyra", "take it"), not a target; ``violent`` for
        uses of force, whose object's owner is not whom they hit."""
        source = target = None
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects:
            # "IS retook Palmyra", "a regime sniper shot and killed": a verb the parser took
            # for a noun has its subject parsed as a compound before it
            subjects = [c for c in tok.lefts if c.dep_ == "compound"]
        # "a reversal ... after he had retaken": the parser may give a clause two subjects
        subj = next((c for c in subjects if self.index.resolve(c) is not None), subjects[0] if subjects else None)
        passive_subj = child_of(tok, "nsubjpass")
        passive = passive_subj is not None or any(c.dep_ == "auxpass" for c in tok.children)
        if passive_subj is not None:
            target = self.actor(passive_subj)
            agent = child_of(tok, "agent")
            source = self.actor(pobj_of(agent)) if agent is not None else None
        elif subj is not None:
            # a perpetrator noun that is also a trigger ("a suicide bomber killed") is the source
            source = self.actor(subj)
            if source is None and subj.i in self.trigger_tokens and subj.pos_ == "NOUN":
                source = self.noun_roles(subj).source
        elif passive:
            # "forces suffered casualties after being hit by an IED": the subject a passive
            # inherits is the one it happened to
            target = self._inherited_subject(tok)
        elif tok.dep_ == "xcomp" and tok.tag_ == "VBN" and child_of(tok.head, "nsubjpass") is not None:
            # "12 fighters were reported killed": a participle told of a passive's subject
            target = self.actor(child_of(tok.head, "nsubjpass"))
        else:
            source = self._inherited_subject(tok)
            # (or hang the verb on the list as one more item: "..., the Myanmar military and AA clashed")
            if source is None and (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"))):
                source, partner = self._subject_the_parser_missed(tok)
                if partner is not None and tok.lemma_.lower() in SYMMETRIC_LEMMAS:
                    target = partner
        agent = child_of(tok, "agent")
        if source is None and agent is not None:
            # "a man who had punched a journalist was beaten up by locals": the parser may
            # miss the passive subject, not the "by"
            source = self.actor(pobj_of(agent))
        if source is None and agent is None and passive_subj is not None:
            # "one was killed and another wounded by soldiers": coordinated passives share the "by"
            shared = shared_agent(tok)
            source = self.actor(pobj_of(shared)) if shared is not None else None
        if source is None and agent is None and passive:
            # "two militants were killed in clashes with the army": whom they fought killed them
            source = other_than(target, self._fought_with(tok))
        obj = child_of(tok, "dobj")
        if obj is None:
            obj = shared_object(tok)
        if target is None and obj is not None and not object_is_place and not doers_own(obj):
            target = self.actor(obj)
        if target is None and subj is not None and tok.lemma_.lower() in SYMMETRIC_LEMMAS:
            partner = next((c for c in subj.children if c.dep_ == "conj"), None)
            target = self.actor(partner) if partner is not None else None
        if target is None and tok.lemma_.lower() in ASKING_VERBS:
            target = other_than(source, self.targets.called_on(tok))
        # (the fallbacks below skip the doer itself: "offered its troops to ...")
        if target is None and not object_is_place:
            target = other_than(source, self.targets.in_complement(tok))
        if target is None and obj is not None and not object_is_place and not violent:
            target = other_than(source, self.targets.owner_of(obj))
        if target is None and not object_is_place:
            target = other_than(source, self.targets.addressee(tok, obj))
        if target is None and tok.lemma_.lower() in SYMMETRIC_LEMMAS | SHARING_VERBS:
            # "X clashed with Y", "shared evidence with Y"
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
                target = self.actor(pobj_of(prep))
        supporters = []
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            obj = pobj_of(prep)
            if obj is None:
                continue
            word = prep.lower_
            if target is None and (word in TARGET_PREPS or word == "from"
                                   or (word == "to" and tok.lemma_.lower() in ADDRESSING_VERBS)):
                target = self.actor(obj)
                if target is None and word == "to" and not violent:
                    # "offered its troops to Lebanon's new president": to whose office
                    target = other_than(source, self.targets.owner_of(obj))
            elif word in ("with", "alongside") and obj.lemma_.lower() in HELP_NOUNS:
                helper = next((self.actor(pobj_of(p)) for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"),
                              None)
                if helper is not None:
                    supporters.append(helper)
            elif word == "alongside":
                ally = self.actor(obj)
                if ally is not None:
                    supporters.append(ally)
        if target is None and not violent:
            target = other_than(source, self.targets.country_acted_in(tok))
        attacker = self._attacker_repelled(tok, child_of(tok, "dobj"), source)
        if attacker is not None:
            # "Afghan forces repelled a Taliban attack": ACLED's first actor is the attacker
            source, target = attacker, source
        return _roles(source, target, tuple(supporters))

    def _fought_with(self, tok) -> Optional[Actor]:
        """The other side of the fight a passive harm happened in: 'killed in a shoot-out
        with police', 'killed after exchanging fire with the army', 'during clashes with X'."""
        fights = [pobj_of(p) or child_of(p, "pcomp") for p in tok.children
                  if p.dep_ == "prep" and p.lower_ in FIGHT_PREPS]
        fights = [f for f in fights if f is not None and f.lemma_.lower() in FIGHT_WORDS]
        if not fights:
            return None
        # the parser hangs "with X" on the fight, on the harmed verb, or on the fight's
        # object ("exchanging fire with X": under "fire")
        heads = [h for fight in fights for h in (fight, child_of(fight, "dobj")) if h is not None] + [tok]
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"):
                found = self.actor(pobj_of(prep))
                if found is not None:
                    return found
        return None

    def _subject_the_parser_missed(self, tok) -> tuple[Optional[Actor], Optional[Actor]]:
        """'in Paletwa Town, Chin State, Myanmar military and AA clashed': the parser may
        hang the subject on a list of places before the verb. The actors just before a
        verb without a subject are its subject: the first, and its partner ("and AA")."""
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        while prev is not None and prev.pos_ == "ADV" and prev.i > 0:
            prev = tok.doc[prev.i - 1]          # "... forces reportedly clashed"
        if prev is None or prev.dep_ not in ("conj", "appos") or prev.head.i > tok.i:
            return None, None
        last = self.actor(prev)
        if last is None or last.kind == "state":
            return None, None       # "... of Mexico protested": a country word is no subject here
        first = self.actor(prev.head) if prev.dep_ == "conj" else None
        return (first, last) if first is not None and first.name != last.name else (last, None)

    def _attacker_repelled(self, tok, obj, repeller: Optional[Actor]) -> Optional[Actor]:
        """Whose attack a repelling verb repelled: 'repelled a Taliban attack', 'an attack
        by Taliban militants', 'an attack of Boko Haram', 'repulsed their attack' (not the
        repeller's own)."""
        if tok.lemma_.lower() not in REPEL_VERBS or obj is None or obj.lemma_.lower() not in ATTACK_NOUNS:
            return None
        attacker = self.noun_roles(obj).source
        if attacker is None:
            attacker = next((self.actor(pobj_of(p)) for p in obj.children
                             if p.dep_ == "prep" and p.lower_ == "of" and pobj_of(p) is not None), None)
        if attacker is None or (repeller is not None and attacker.name == repeller.name):
            return None
        return attacker

    def _inherited_subject(self, tok, depth: int = 0) -> Optional[Actor]:
        """'IS was seeking to turn', 'killing civilians' (advcl), 'urged X to attack' -> X;
        'he is ready to lift': through an adjective of willingness to its verb's subject."""
        if depth > 3 or tok.head.i == tok.i or tok.dep_ not in INHERIT_DEPS | {"prep", "pobj"} and not (
                tok.dep_ == "acomp" and tok.lemma_.lower() in WILLING_ADJECTIVES):
            return None
        head = tok.head
        if tok.dep_ in ("pcomp", "pobj") or head.dep_ == "prep":
            head = head.head if head.dep_ == "prep" else head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in REQUEST_HEADS:
            obj = child_of(head, "dobj")
            return self.actor(obj) if obj is not None else None
        if tok.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            return self.actor(head)
        subj = child_of(head, "nsubj")
        # (not "were reported killed": a participle after the verb tells what befell them)
        if subj is None and head.lemma_.lower() in BLAMED_VERBS and (
                tok.dep_ == "pcomp" or (tok.dep_ == "xcomp" and any(c.lower_ == "to" for c in tok.children))):
            # "police are accused of assaulting a driver", "rebels are believed to have
            # attacked": whom the act is laid on did it (as reported)
            subj = child_of(head, "nsubjpass")
        if subj is not None:
            if subj.i in self.trigger_tokens and subj.pos_ == "NOUN":
                return self.noun_roles(subj).source
            return self.actor(subj)
        return self._inherited_subject(head, depth + 1)

    def noun_roles(self, tok, weapon: bool = False) -> Roles:
        """Roles of a noun trigger; ``weapon`` for weapon nouns ("a grenade", "shells")."""
        source = target = None
        for child in tok.children:
            if child.dep_ == "poss" and source is None:
                source = self.actor(child)
            elif child.dep_ in ("compound", "amod", "nmod") and source is None and not is_backing_modifier(child):
                source = self.index.at(child) or self.forces_of(child)
                if source is None and child.dep_ == "compound":
                    # "Police Special Units operations", "IS militants mortar": whose it is, a word deeper
                    source = next((found for m in child.children if m.dep_ in ("amod", "compound", "nmod")
                                   and not is_backing_modifier(m)
                                   for found in [self.index.at(m) or self.forces_of(m)] if found), None)
        for prep, obj in self._preps_with_objects(tok):
            word = prep.lower_
            if word == "by" and source is None:
                source = self.actor(obj)
            elif word == "of" and source is None and tok.lemma_.lower() in ATTACK_NOUNS:
                # "thwarted an attack of pro-Houthi forces": an armed party's attack is
                # its own (not "an attack of the village", nor "the killing of civilians")
                armed = self.actor(obj)
                if armed is not None and armed.acled_inter in ARMED_INTER:
                    source = armed
            elif word == "of" and target is None and tok.lemma_.lower() in PATIENT_OF_NOUNS:
                target = self.actor(obj)
            elif (word in TARGET_PREPS or word == "to") and target is None:
                # ("a warning to Kenya", "a visit to Syria": whom a noun's act is addressed to)
                target = self.actor(obj)
            elif word == "with" and target is None and tok.lemma_.lower() in JOINT_NOUNS:
                # "a meeting with President X", "talks with the rebels": the other party
                target = self.actor(obj)
            elif word == "between" and source is None:
                # "clashes between X and Y"
                source = self.actor(obj)
                partner = next((c for c in obj.children if c.dep_ == "conj"), None)
                if partner is not None and target is None:
                    target = self.actor(partner)
        if source is None:
            # "the campaign led by X", "an IED planted by X", "shells fired by X"
            for child in tok.children:
                if child.dep_ == "acl":
                    agent = child_of(child, "agent")
                    if agent is not None:
                        source = self.actor(pobj_of(agent))
        governor = tok.head
        hops = 0
        # climb through prepositions and coordination, not through a clause's verb
        # ("including" is tagged VERB but attached as a preposition)
        while (governor.dep_ in ("pobj", "prep", "conj", "appos")
               and (governor.pos_ not in ("VERB", "AUX") or governor.dep_ == "prep")
               and hops < 3 and governor.head.i != governor.i):
            governor = governor.head
            hops += 1
        # "imposed a curfew after the clashes": an event before or after the verb's is
        # not done by the verb's subject
        other_time = tok.dep_ == "pobj" and tok.head.lower_ in OTHER_TIME_PREPS
        if (tok.dep_ in ("dobj", "pobj", "conj", "appos") or hops) and not other_time:
            verb = governor if governor.pos_ in ("VERB", "AUX") else governor.head
            lemma = verb.lemma_.lower()
            subj = child_of(verb, "nsubj")
            if subj is None and verb.dep_ == "acl":
                subj = verb.head        # "coalition warplanes carrying out strikes"
            if subj is None and verb.dep_ == "conj" and lemma in LAUNCH_VERBS and source is None:
                # "the Houthis seized X ... and have since stepped up attacks"
                source = self._inherited_subject(verb)
            if subj is not None and (lemma in SUFFER_VERBS or lemma in REPEL_VERBS) and target is None:
                target = self.actor(subj)
            elif (subj is not None and source is None and lemma in TRAVEL_VERBS and tok.dep_ == "pobj"
                  and tok.head.lower_ in ("on", "for")):
                source = self.actor(subj)
            elif subj is not None and source is None and (lemma in LAUNCH_VERBS or (
                    weapon and tok.dep_ == "dobj" and verb.i not in self.trigger_tokens)):
                # "carried out raids"; a weapon is used by whoever "lobbed" or "planted" it
                source = self.actor(subj)
            if lemma in HARMED_VERBS and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                    and tok.lemma_.lower() not in SYMMETRIC_LEMMAS:
                # "two soldiers were wounded in a bomb attack", "gunmen injured three in an
                # ambush": the harmed are the attack's target, whoever harmed them its source
                # (those hurt in a clash fought in it: no one-sided target)
                if target is None:
                    target = self.actor(child_of(verb, "nsubjpass") or child_of(verb, "dobj"))
                if source is None and subj is not None:
                    source = self.actor(subj)
        return _roles(source, target, ())

    @staticmethod
    def _preps_with_objects(tok):
        """Prepositions of the noun, of its appositions ('campaigns ..., one by X') and,
        for a subject, of its verb ('clashes erupted between X and Y')."""
        heads = [tok] + [c for c in tok.children if c.dep_ in ("appos",)]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCUR_VERBS:
            heads.append(tok.head)
        for head in heads:
            for prep in (c for c in head.children if c.dep_ in ("prep", "agent")):
                obj = pobj_of(prep)
                if obj is not None:
                    yield prep, obj
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LAUNCH_VERBS:
            # "issued a warning to Kenya", "paid a visit to Syria": the parser hangs the
            # addressee on the verb that carries the act out ("held talks with X" likewise)
            for prep in (c for c in tok.head.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")):
                obj = pobj_of(prep)
                if obj is not None:
                    yield prep, obj

    def noun_sources_by_apposition(self, tok) -> list[Actor]:
        """'campaigns against them, one by X, and another by Y' -> [X, Y]."""
        found = []
        sent = tok.sent
        for other in sent:
            if other.lower_ in ("one", "another") and other.i > tok.i:
                for prep in (c for c in other.children if c.dep_ == "prep" and c.lower_ == "by"):
                    actor = self.actor(pobj_of(prep))
                    if actor is not None:
                        found.append(actor)
        return found


def _roles(source: Optional[Actor], target: Optional[Actor], supporters: tuple[Actor, ...]) -> Roles:
    """The roles, without a target that is the named source itself (a minister of the
    story's country "visiting" that country is no act on it). Generic agents of one name
    may be different people: villagers beating a man are "Civilians" both."""
    if source is not None and target is not None and source.name == target.name \
            and not (source.kind == "agent" and target.kind == "agent"):
        target = None
    return Roles(source, target, supporters)
