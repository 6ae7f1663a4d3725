"""Find event triggers in a parse: verbs, nominalisations and multi-word expressions.

"seized", "raids", "campaign", "killing", "blowing up", "urged", "air strike":
each trigger is looked up in the trigger lexicon on its lemma, on verb + particle
("blow up"), verb + object ("open fire", "take hostage") and compound + noun
("air strike", "roadside bomb"). Entries with ``needs`` only count with the
complement they need ("took control of", "seized Palmyra", "turn ... into a base").
A trigger word counts as an event only where its clause reports it ("a base of
operations" reports no operation; "clashes broke out" does).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..lexicon.triggers import TriggerEntry, TriggerLexicon
from .roles import HARMED_VERBS, SYMMETRIC_LEMMAS, TRAVEL_VERBS
from .tree import pobj_of

CONTROL_WORDS = {"control", "territory", "area", "town", "village", "city", "position", "positions", "base",
                 "district", "region", "province", "neighbourhood", "neighborhood", "airport", "hill", "checkpoint"}
BASE_WORDS = {"base", "headquarters", "stronghold", "camp", "hub", "outpost"}
BODY_WORDS = {"body", "bodies", "corpse", "corpses", "remains"}
# verbs that say an activity named by a noun was carried out ("conducted a patrol")
CONDUCTING_VERBS = {"conduct", "carry", "hold", "mount", "launch", "begin", "start", "run"}
VIOLENT_CAUSES = {"torture", "explosion", "blast", "shelling", "airstrike", "strike", "attack", "gunshot", "wound",
                  "bullet", "landmine", "mine", "bombing", "beating", "clash", "injury", "shot", "ied", "fire"}
ROAD_WORDS = {"road", "highway", "street", "route", "bridge", "junction", "intersection", "roundabout", "access",
              "entrance", "railway", "motorway", "traffic", "rail", "track", "railroad"}
# restrictions whose easing PLOVER calls a retreat (a curfew, a blockade, sanctions)
EASED_WORDS = {"curfew", "lockdown", "emergency", "martial", "blockade", "siege", "sanction", "sanctions", "embargo"}
# the people a crowd-dispersing verb acts on ("dispersed the protesters"; a dispersed
# "rally" is an event noun of its own, which the dispersing refines)
CROWD_WORDS = {"crowd", "protester", "protestor", "demonstrator", "supporter", "mob", "youth", "student", "people",
               "resident", "worker", "trader", "activist", "rioter", "villager", "farmer", "teacher", "vendor",
               "mourner"}
RESTRICTION_WORDS = {"curfew", "lockdown", "emergency", "ban", "restriction", "closure", "blockade", "embargo",
                     "martial"}
PLACE_PRONOUNS = {"it", "there"}
MINING_WORDS = {"gold", "coal", "diamond", "copper", "tin", "cobalt", "coltan", "iron", "salt", "uranium", "silver",
                "artisanal", "mining", "open-pit", "lithium", "bauxite", "jade", "ruby", "emerald"}
# the heads a trigger noun names the kind of ("mediation mission", "aid effort")
EFFORT_HEADS = {"mission", "effort", "efforts", "bid", "drive", "initiative", "attempt", "push"}
# "observed a strike", "a three-day strike", "an indefinite strike": a strike that is
# called, held and lasts is a work stoppage, not an attack ("a US strike killed ...")
STOPPAGE_VERBS = {"observe", "call", "organise", "organize", "hold", "stage", "declare", "join", "enforce",
                  "end", "suspend", "continue", "extend", "go", "begin", "start", "announce", "threaten",
                  "withdraw", "resume", "boycott"}
STOPPAGE_MODIFIERS = {"indefinite", "nationwide", "countrywide", "token", "partial", "complete", "total", "labour",
                      "labor", "wildcat", "sit-down", "shutter-down", "pen-down", "wheel-jam", "day", "hour", "week",
                      "worker", "teacher", "doctor", "nurse", "student", "trader", "transporter", "employee",
                      "staff", "lawyer", "miner", "driver", "union"}


# entity labels whose inner words are a name's parts (an EVENT's are not: "the Battle of Mosul")
NAME_LABELS = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"}
SPEECH_VERBS = {"say", "declare", "reiterate", "insist", "stress", "conclude", "tell", "state", "add", "remind",
                "announce", "argue"}


def _says_must(tok) -> bool:
    """The verb reports a clause of obligation: '... said that Libya must hand over ...'."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "must" for a in c.children)
               for c in tok.children)


def entry_excluded(entry: TriggerEntry, tok) -> bool:
    """'fired tear gas', 'fired warning shots': objects that make the verb no attack."""
    if not entry.excludes_objects:
        return False
    for child in tok.children:
        if child.dep_ == "dobj":
            words = {child.lemma_.lower(), child.lower_} | {c.lemma_.lower() for c in child.children
                                                            if c.dep_ in ("compound", "amod")}
            if words & set(entry.excludes_objects):
                return True
    return False


def is_mining_site(tok) -> bool:
    """"a gold mine", "an artisanal mine": a pit, no landmine."""
    return tok.lemma_.lower() == "mine" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in MINING_WORDS
                                                for c in tok.children)


def _work_stoppage(tok) -> bool:
    """Is "strike" a work stoppage: the noun called, held or gone on ("went on strike",
    "observed a strike"), or said how long or whose it is ("a three-day strike"); the verb
    with no object, done by working people ("teachers will strike on Monday")?"""
    if tok.pos_ in ("VERB", "AUX"):
        return not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in STOPPAGE_MODIFIERS for c in tok.children)
    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "on" else tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "pobj") and governor.lemma_.lower() in STOPPAGE_VERBS:
        return True
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") and c.lemma_.lower() in STOPPAGE_MODIFIERS
               for c in tok.children)


@dataclass(frozen=True)
class TriggerMatch:
    token_i: int            # the head token of the trigger
    start: int              # character offsets of the whole trigger expression
    end: int
    entry: TriggerEntry
    verbal: bool


def acts_as_verb(tok) -> bool:
    """'The Taliban retook Kunduz': the tagger calls a verb form it does not know a
    noun, but the parser gives it a direct object, which only a verb takes."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in tok.children)


class TriggerFinder:
    def __init__(self, lexicon: TriggerLexicon):
        self.lexicon = lexicon
        # a word outside these matches no entry: most of a text is skipped at once
        self.candidate_words = lexicon.words | SPEECH_VERBS

    def find(self, doc, is_place: Callable[[object], bool]) -> list[TriggerMatch]:
        matches = []
        used: set[int] = set()
        # a head is asked about once for each of its modifiers and again on its own turn
        known: dict[int, Optional[tuple[TriggerEntry, list]]] = {}

        def match(tok):
            if tok.i not in known:
                known[tok.i] = self._match(tok, is_place)
            return known[tok.i]

        candidates = self.candidate_words
        for tok in doc:
            if tok.i in used or (tok.lemma_.lower() not in candidates and tok.lower_ not in candidates):
                continue
            # "missile" in "missile strike": the modifier belongs to its head's trigger
            if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and match(tok.head):
                continue
            # "in March", "on Strike Day": words inside a date are not events
            if tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "PROPN" and tok.lower_ in ("march", "may")):
                continue
            # "Kerman Coal Mine Company", "the Bomb Disposal Unit": a capitalised word inside
            # an organisation's or a facility's name is part of the name, not an event
            if tok.ent_type_ in NAME_LABELS and tok.ent_iob_ == "I" and tok.text[:1].isupper() \
                    and tok.pos_ in ("NOUN", "PROPN"):
                continue
            found = match(tok)
            if found is None:
                continue
            entry, extra = found
            if not extra and tok.dep_ == "compound" and tok.head.lemma_.lower() in EFFORT_HEADS:
                # "a mediation mission", "a peace effort": the act is the phrase the clause
                # governs ("undertook a mediation mission")
                extra = [tok.head]
            toks = [tok, *extra]
            start = min(t.idx for t in toks)
            end = max(t.idx + len(t) for t in toks)
            used.update(t.i for t in toks)
            # "shoot - out": the expression's syntactic head ("out") is what the clause
            # governs, not its first word
            inside = {t.i for t in toks}
            head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), tok)
            matches.append(TriggerMatch(head.i, start, end, entry, head.pos_ in ("VERB", "AUX") or acts_as_verb(head)))
        return matches

    def _usable(self, entries: list[TriggerEntry], tok, is_place) -> Optional[TriggerEntry]:
        """The first entry whose needs are met and whose exclusions are not."""
        for entry in entries:
            if entry_excluded(entry, tok):
                continue
            if entry.needs and not self._needs_met(tok, entry, is_place):
                continue
            return entry
        return None

    def _match(self, tok, is_place=lambda t: False) -> Optional[tuple[TriggerEntry, list]]:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            for child in (tok.children if lemma in self.lexicon.verb_phrase_heads else ()):
                # "blow up", "open fire", and "set (it) on fire"
                # "called on X to resign", "pressed for talks": the parser may take the
                # particle for a preposition, so the preposition itself is tried too
                # ("set alight": the parser may file the second word as a dative or a modifier)
                heads = [child] if child.dep_ in ("prt", "dobj", "dative", "acomp", "advmod", "oprd") else (
                    ([child] if _particle_like(tok, child) else []) + [g for g in child.children if g.dep_ == "pobj"]
                    if child.dep_ == "prep" else [])
                for head, word in ((h, w) for h in heads for w in _forms(h)):
                    entry = self._usable(self.lexicon.phrase_entries((lemma, word), verbal=True), tok, is_place)
                    if entry:
                        return entry, [head]
            if tok.pos_ == "VERB":
                if lemma == "strike" and _work_stoppage(tok) and "protest" in self.lexicon.entries:
                    return self.lexicon.entries["protest"], []
                entry = self._usable(self.lexicon.verb_entries(lemma, tok.lower_), tok, is_place)
                if entry is None and lemma in SPEECH_VERBS and _says_must(tok):
                    # "Chirac reiterated that Iraq must cooperate": a demand
                    entry = self.lexicon.entries.get("request")
                return (entry, []) if entry else None
            return None
        if acts_as_verb(tok):
            entry = self._usable(self.lexicon.verb_entries(lemma, tok.lower_), tok, is_place)
            if entry:
                return entry, []
        doc = tok.doc
        if tok.lower_ in self.lexicon.hyphenated_firsts and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            # "shoot-out", "drive-by": spaCy splits the hyphen; the lexicon has the whole word
            word = f"{tok.lower_}-{doc[tok.i + 2].lemma_.lower()}"
            entry = self._usable(self.lexicon.noun_entries(word), doc[tok.i + 2], is_place)
            if entry:
                return entry, [doc[tok.i + 1], doc[tok.i + 2]]
        if tok.pos_ in ("NOUN", "PROPN"):
            mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")] \
                if lemma in self.lexicon.noun_phrase_heads else []
            for size in (size for size in (2, 1) if len(mods) >= size):
                # the modifiers as lemmas, then as written ("improvised explosive device")
                as_lemmas = tuple(m.lemma_.lower() for m in mods[-size:])
                as_written = tuple(m.lower_ for m in mods[-size:])
                for words in dict.fromkeys((as_lemmas, as_written)):
                    entry = self._usable(self.lexicon.phrase_entries(words + (lemma,), verbal=False), tok, is_place)
                    if entry:
                        return entry, mods[-size:]
            if is_mining_site(tok):
                return None
            if lemma == "strike" and _work_stoppage(tok) and "protest" in self.lexicon.entries:
                return self.lexicon.entries["protest"], []
            entry = self._usable(self.lexicon.noun_entries(lemma) or self.lexicon.noun_entries(tok.lower_),
                                 tok, is_place)
            return (entry, []) if entry else None
        return None

    @staticmethod
    def _needs_met(tok, entry: TriggerEntry, is_place) -> bool:
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "into", "over")):
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
        for obj in objects:
            lemma = obj.lemma_.lower()
            if "place" in entry.needs and (is_place(obj) or lemma in PLACE_PRONOUNS
                                           or lemma in ("city", "town", "village")):
                return True
            if "control" in entry.needs and lemma in CONTROL_WORDS:
                return True
            if "base" in entry.needs and lemma in BASE_WORDS:
                return True
            if "body" in entry.needs and lemma in BODY_WORDS:
                return True
            if "restriction" in entry.needs and lemma in RESTRICTION_WORDS:
                return True
            if "property" in entry.needs and not (is_place(obj) or lemma in CONTROL_WORDS or lemma in PLACE_PRONOUNS):
                return True
            if "road" in entry.needs and lemma in ROAD_WORDS:
                return True
            if "crowd" in entry.needs and lemma in CROWD_WORDS:
                return True
            if "eased" in entry.needs and lemma in EASED_WORDS:
                return True
        if "conducted" in entry.needs and (tok.pos_ in ("VERB", "AUX") or (
                tok.dep_ == "dobj" and tok.head.lemma_.lower() in CONDUCTING_VERBS)
                or (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("take", "occur"))):
            return True         # "conducted a patrol", "a joint patrol took place", "patrolled"
        if "of_fire" in entry.needs and any(g.lemma_.lower() in ("fire", "gunfire", "shot") for p in tok.children
                                            if p.dep_ == "prep" and p.lower_ == "of" for g in p.children):
            return True         # "bursts of fire"
        if "body" in entry.needs and any(c.lower_ == "dead" for c in tok.children):
            return True         # "three women were found dead"
        if "violent_cause" in entry.needs:
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                for t in prep.subtree:
                    if t.lemma_.lower() in VIOLENT_CAUSES:
                        return True
        return False


def _forms(tok) -> tuple[str, ...]:
    """A phrase's second word as the lexicon may write it: its lemma, or as written
    ("throw stones": spaCy's lemma of a plural object is the singular)."""
    lemma = tok.lemma_.lower()
    return (lemma,) if lemma == tok.lower_ else (lemma, tok.lower_)


def _particle_like(verb, prep) -> bool:
    """Can a preposition after a verb be its particle ("called on X", "called for talks")?
    Not one before it, nor one that opens a time ("called on Sunday for ...")."""
    obj = pobj_of(prep)
    return prep.i > verb.i and (obj is None or obj.ent_type_ not in ("DATE", "TIME"))


# -- is the trigger what its clause reports? -------------------------------------------
QUANTITY_HEADS = {"total", "number", "series", "wave", "spate", "string", "round", "exchange", "volley", "burst",
                  "dozen", "dozens", "hundreds", "couple"}


def reported_occurrence(tok, depth: int = 0) -> bool:
    """Is the trigger itself what the clause reports, rather than a modifier
    ('base of operations', 'execution-style')? A verb, a subject or object, or a
    counted noun ('a total of 19 explosions'), or coordinated with one
    ('19 explosions/bursts of fire')."""
    if tok.dep_ in ("nmod", "conj", "appos") and tok.head.pos_ in ("NOUN", "PROPN") and depth < 2:
        return reported_occurrence(tok.head, depth + 1)
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in MUNITION_HEADS and depth < 2:
        # "mortar rounds landed": the weapon is what its rounds report
        return reported_occurrence(tok.head, depth + 1)
    if tok.pos_ in ("VERB", "AUX"):
        # "forces fighting in support of X" describes the forces; it reports nothing
        return tok.dep_ not in ("acl", "amod", "relcl")
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "conj", "attr"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return tok.head.head.lemma_.lower() in QUANTITY_HEADS
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        verb = tok.head.head
        # "wounded in a bomb attack"; not "injured in a clash", where the clause tells of
        # the hurt, and the fight is reported where it is the subject or object
        return verb.pos_ == "VERB" and (verb.lemma_.lower() in ENGAGING_VERBS or (
            verb.lemma_.lower() in HARMED_VERBS and tok.lemma_.lower() not in SYMMETRIC_LEMMAS))
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for"):
        # "arrived in Amman on a visit", "travelled to Geneva for talks"
        return tok.head.head.pos_ == "VERB" and tok.head.head.lemma_.lower() in TRAVEL_VERBS
    return False


MUNITION_HEADS = {"round", "shell", "projectile", "salvo", "barrage"}
# "engaged in clashes", "took part in the fighting": the light verb reports the noun
ENGAGING_VERBS = {"engage", "involve", "participate", "take", "join", "embroil"}
PARTICIPANT_POS = ("NOUN", "PROPN")


def names_participants(tok) -> bool:
    """A verb in the active voice with a noun subject and a noun object, or a passive one
    with a noun subject and a noun agent: the clause says who did it to whom."""
    deps = {c.dep_: c for c in tok.children if c.pos_ in PARTICIPANT_POS}
    if "nsubj" in deps and "dobj" in deps:
        return True
    agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return "nsubjpass" in deps and agent is not None and agent.pos_ in PARTICIPANT_POS


HAPPENING_VERBS = {"occur", "happen", "erupt", "ensue", "take", "break", "resume", "flare", "rage", "continue"}


def said_to_happen(tok) -> bool:
    """The trigger noun is the subject of a verb of happening ("took place", "broke out")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in PARTICIPANT_POS:
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.lemma_.lower() == "place" for c in verb.children if c.dep_ == "dobj")
    if lemma in ("break", "flare"):
        return any(c.lower_ == "out" or c.lower_ == "up" for c in verb.children if c.dep_ == "prt")
    return lemma in HAPPENING_VERBS


def refers_back(tok) -> bool:
    """A noun trigger with a definite article or a demonstrative ("the demonstration",
    "this attack", "the clashes"): the occurrence told before, not a new one."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                      for c in tok.children)
