"""The status of an event: occurred, ongoing, intended, threatened, requested,
denied or hypothetical — read from the words that govern its trigger.

"IS was seeking to turn ..." / "will send" -> intended; "urged X to attack IS" -> requested;
"denied attacking", "failed to reach" -> denied; "if they were ..." / "would" / "able to" ->
hypothetical; "are putting up resistance against campaigns", "has focused on
encircling" -> ongoing.
"""
from __future__ import annotations

from .quotes import SPEECH_VERBS

INTEND = {"seek", "want", "plan", "intend", "aim", "try", "attempt", "hope", "prepare", "plot", "aspire",
          "wish", "expect", "determine", "move", "look", "set", "decide", "pledge", "promise", "vow", "willing",
          "ready", "prepared", "committed", "agree", "offer", "swear"}
# intentions announced rather than attempted ("plans to impose", not "tried to disperse")
PLAN_VERBS = {"plan", "intend", "decide", "prepare", "prepared", "ready", "set", "vow", "swear", "pledge", "promise"}
# "will send troops": what an actor says it will do is intended, not done
FUTURE_AUX = {"will", "shall", "'ll"}
THREATEN = {"threaten"}
REQUEST = {"urge", "ask", "call", "appeal", "demand", "request", "press", "encourage", "plead"}
DENY = {"deny", "reject", "dismiss", "refute", "fail", "refuse", "decline"}
ONGOING = {"continue", "keep", "focus", "remain", "persist", "escalate", "intensify"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can", "should"}
ABILITY = {"able", "capable", "unable"}
# a noun of intention whose infinitive names the act: "a plan to attack", "their commitment to fight"
INTENT_NOUNS = {"plan", "commitment", "intention", "intent", "bid", "pledge", "promise", "vow", "readiness",
                "determination", "decision", "plot", "scheme"}
PLANNED_WORDS = {"planned", "future", "intended", "imminent", "upcoming", "proposed"}
# verbs whose object names the act itself: "will provide aid", "will hold talks" say the
# aid and the talks are to come ("will investigate the attack" does not)
LIGHT_VERBS = {"provide", "give", "send", "deliver", "offer", "extend", "grant", "hold", "conduct", "launch",
               "stage", "make", "carry", "mount", "begin", "start", "resume", "sign", "impose"}
ONGOING_NOUNS = {"campaign", "offensive", "siege", "operation", "fighting", "encirclement", "hostilities",
                 "insurgency", "war", "blockade", "battle"}
CLIMB_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "conj", "dobj", "acomp", "advcl", "appos"}


def _present(tok) -> bool:
    """Is the clause around ``tok`` in the present (simple, progressive or perfect)?"""
    for t in [tok, *[c for c in tok.children if c.dep_ in ("aux", "auxpass")]]:
        if t.tag_ in ("VBZ", "VBP"):
            return True
    return False


def _progressive(tok) -> bool:
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)


def is_infinitive_clause(tok) -> bool:
    """An infinitival complement, however the parser labelled it ("vowed to fight")."""
    return tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                               for c in tok.children))


def _reported_future(verb) -> bool:
    """'said it would allow': "would" in a clause a past speech verb reports, with no
    condition of its own ("would meet him if ..."), is the future as the speaker saw it."""
    head = verb.head
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                      for c in verb.children)
    return (verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS and head.tag_ == "VBD"
            and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and not conditional)


def _told_as_future(verb) -> bool:
    """'will send', or 'said it would send'."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children) or _reported_future(verb)


def _light_verb_of(trigger):
    """The light verb whose object a noun trigger is: "will provide aid", "will provide
    25,000 tons of food aid"; None for any other noun."""
    node = trigger
    if node.pos_ not in ("NOUN", "PROPN"):
        return None
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.dep_ == "prep":
        node = node.head.head          # "tons of aid": the quantity is the object
    if node.dep_ == "dobj" and node.head.lemma_.lower() in LIGHT_VERBS:
        return node.head
    return None


def announced_intent(trigger) -> bool:
    """An intention stated as a decision, not an effort: "will extend the curfew", "said
    they would boycott", "plans to impose restrictions" ("tried to disperse" is none)."""
    verb = _light_verb_of(trigger) or trigger
    if _told_as_future(verb):
        return True
    return is_infinitive_clause(verb) and verb.head.lemma_.lower() in PLAN_VERBS


def status_of(trigger) -> str:
    """Walk up from the trigger through complements and read the governing words."""
    if any(c.dep_ == "neg" for c in trigger.children):
        return "denied"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in trigger.children):
        # "Iraq said it would allow ...": a future told in the past is intended
        return "intended" if _reported_future(trigger) else "hypothetical"
    if _told_as_future(trigger):
        return "intended"       # (its reported "would" was read just above)
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in PLANNED_WORDS
                                                 for c in trigger.children):
        return "intended"       # "planned attacks", "a future offensive"
    if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in INTENT_NOUNS:
        return "intended"       # "their commitment to fight", "a plan to attack"
    light = _light_verb_of(trigger)
    if light is not None and _told_as_future(light):
        return "intended"
    node = trigger
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else None
    for _ in range(5):
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            break
        # "sworn to fight": the parser may hang an infinitive as an adverbial clause
        via = "xcomp" if is_infinitive_clause(node) else node.dep_
        below, node = node, node.head
        lemma = node.lemma_.lower()
        if clause is None and node.pos_ in ("VERB", "AUX"):
            clause = node
        if lemma in DENY:
            return "denied"
        if lemma in REQUEST and (via == "xcomp" or (trigger.pos_ in ("NOUN", "PROPN") and (
                (via == "dobj" and below.i == trigger.i and lemma not in ("call", "press"))
                or (via == "prep" and below.lower_ == "for" and trigger.head.i == below.i)))):
            # "urged them to withdraw"; "demanding the arrest of the killers", "called for
            # a ceasefire": an act asked for, not done
            return "requested"
        if lemma in THREATEN and via == "xcomp":
            return "threatened"
        if lemma in INTEND and via in ("xcomp", "pcomp", "prep"):
            return "intended"
        if lemma in ABILITY:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "hypothetical"
        if lemma in ONGOING and _present(node):
            return "ongoing"
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in node.children) and via == "xcomp":
            return "denied"
    if _progressive(trigger) and _present(trigger):
        return "ongoing"
    if clause is None and trigger.pos_ in ("NOUN", "PROPN"):
        clause = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if trigger.lemma_.lower() in ONGOING_NOUNS and clause is not None and (
            _present(clause) or _progressive(clause)):
        return "ongoing"
    return "occurred"
