"""Events: triggers with their coding, actors, place, date, status and counts.

For each trigger (see ``triggers``) this stage asks ``roles`` who acted on whom,
``modality`` for the status, ``dating`` for the date, ``counts`` for fatalities,
and picks the place where it happened (not every place in the sentence). Mentions
of one occurrence in an article are merged into one event.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Optional, Sequence

from ..lexicon.triggers import TriggerEntry, TriggerLexicon
from ..model import Actor, ActorRole, Event, EventCoding, Evidence, Place, TimeSpan
from .actors import ActorFinder, country_name
from .coref import ActorIndex
from .implied import ImpliedDoers
from .coding import (PRESSURE_ACLED_TYPES, PRESSURE_TYPES, VIOLENT_TYPES, acled_at_demonstration,
                     during_a_demonstration, fire_went_both_ways, is_crowd, is_institution, is_plural_crowd,
                     is_state_force, kind_of_fire, paragraph_from, promise_or_refusal, protests_behind_arrests,
                     refine_protest, target_kind, told_from, vowed)
from .counts import fatalities_in
from .dating import EventDater
from .location import PlaceLookup, with_inter_for_location
from .mentions import counts_told_later, merge_mentions
from .modality import announced_intent, status_of
from .roles import RoleFinder, Roles
from .text import paragraph_bounds
from .triggers import (TriggerFinder, TriggerMatch, acts_as_verb, is_mining_site, names_participants,
                       refers_back, reported_occurrence, said_to_happen)

DIRECT_FIRE = {"arm", "arms", "rifle", "gun", "pistol", "kalashnikov", "ak-47", "sniper"}
AIR_WORDS = {"warplane", "jet", "aircraft", "helicopter", "drone", "airforce", "bomber", "gunship", "uav"}
WEAPON_ENTRIES = ("air_strike", "shelling", "remote_explosive", "suicide_bomb", "grenade")
CROWD_VIOLENCE = ("attack", "kill", "fire", "destroy_property", "mob_violence")
GENERIC_ENTRIES = ("attack", "kill", "armed_clash")
FIRE_ENTRIES = ("fire", "burst_of_fire", "shelling")
CROWD_SPEECH = ("request", "accuse", "reject")


class EventExtractor:
    def __init__(self, triggers: TriggerLexicon, finder: ActorFinder):
        self.trigger_finder = TriggerFinder(triggers)
        self.triggers = triggers
        self.actor_finder = finder
        self.implied = ImpliedDoers(triggers, finder)

    def extract(self, doc, text: str, doc_id: str, actors: Sequence[Actor], places: Sequence[Place],
                times, pub_date, main_country: Optional[str] = None) -> tuple[Event, ...]:
        index = ActorIndex(actors, text, doc)
        place_at = PlaceLookup(places)
        matches = self.trigger_finder.find(doc, lambda tok: place_at.covering(tok) is not None)
        roles = RoleFinder(index, {m.token_i for m in matches}, self.actor_finder.forces_of,
                           self.actor_finder.state_of)
        dater = EventDater(doc, text, times, pub_date)
        topic = _topic_actor(actors)
        anchor_dates: dict[int, TimeSpan] = {}
        events: list[Event] = []
        for match in matches:
            tok = doc[match.token_i]
            found = _roles_of(roles, tok, match.entry, match.verbal)
            if match.entry.plover == "PROTEST" and found.target is None:
                found = replace(found, target=roles.targets.authority_addressed(tok, found.source))
            variants = [found]
            if not match.verbal and found.source is None:
                extra = roles.noun_sources_by_apposition(tok)
                if extra:
                    variants = [replace(found, source=s) for s in extra]
            for arg in variants:
                event = self._event(match, tok, arg, text, doc_id, place_at, dater, anchor_dates, topic,
                                    main_country)
                if event is not None:
                    events.append(event)
        referring = frozenset(m.start for m in matches if refers_back(doc[m.token_i]))
        merged = protests_behind_arrests(counts_told_later(merge_mentions(events, text, referring), text),
                                         self.triggers.entries["protest"].coding())
        return _unique_ids(self.implied.add_to(merged, main_country, doc, index, text), doc_id)

    def event_at(self, doc, text: str, doc_id: str, tok, entry: TriggerEntry, actors: Sequence[Actor],
                 places: Sequence[Place], times, pub_date, main_country: Optional[str] = None) -> Optional[Event]:
        """An event of ``entry``'s kind at a word no trigger matched (the learned model's
        reading of a sentence, ``learn.acled_types``), with its actors, place, date and
        counts found as for any trigger's; kept even if it names no participant."""
        index = ActorIndex(actors, text, doc)
        place_at = PlaceLookup(places)
        roles = RoleFinder(index, {tok.i}, self.actor_finder.forces_of, self.actor_finder.state_of)
        verbal = tok.pos_ in ("VERB", "AUX") or acts_as_verb(tok)
        found = _roles_of(roles, tok, entry, verbal)
        match = TriggerMatch(tok.i, tok.idx, tok.idx + len(tok), entry, verbal)
        event = self._event(match, tok, found, text, doc_id, place_at, EventDater(doc, text, times, pub_date), {},
                            _topic_actor(actors), main_country, proposed=True)
        if event is None:
            return None
        return self.implied.add_to([event], main_country, doc, index, text)[0]

    def _event(self, match: TriggerMatch, tok, arg: Roles, text, doc_id, place_at, dater, anchor_dates,
               topic, main_country: Optional[str], proposed: bool = False) -> Optional[Event]:
        status = status_of(tok)
        location, reason = place_at.for_trigger(tok, text)
        loc_country = location.country if location else None
        if arg.source is None and arg.target is None and not proposed:
            # no participant named: keep it only as a report of violence at a stated place
            # ("19 explosions near Dolomytne", "armed clashes were reported in Morelia")
            stated_place = reason in ("argument of the trigger", "attached to a governing word",
                                      "named in the sentence")
            reported = reported_occurrence(tok)
            # a weapon going off is reported even where the village is not in the gazetteer
            weapon_report = (match.entry.id in WEAPON_ENTRIES + ("fire", "burst_of_fire") and reported
                             and tok.pos_ in ("NOUN", "PROPN"))
            # "Imbonerakure tortured a CNL member": the clause names a doer and a done-to
            # that the lexicon does not know; it still reports an event
            unresolved = bool(match.entry.acled[0]) and match.verbal and names_participants(tok)
            # "a shoot-out broke out", "clashes took place": the clause says it happened
            happened = bool(match.entry.acled[0]) and said_to_happen(tok)
            if match.entry.plover != "PROTEST" and not weapon_report and not unresolved and not happened and not (
                    stated_place and match.entry.acled[0] and reported):
                return None
        entry = self._weapon_entry(tok, match.entry, text)
        casualties_of_fighting = entry.id == "kill" and self._outcome_of_fighting(tok)
        if casualties_of_fighting:
            # "killed in clashes", "killed after exchanging fire with police": the dead are
            # the fight's casualties, whoever they were, and the event is the fight
            entry = self.triggers.entries["armed_clash"]
        if entry.id in CROWD_SPEECH and status == "occurred" and is_plural_crowd(arg.source, tok.doc):
            # "protesters demanding ...", "workers denounced the non-payment of salaries":
            # what a crowd demands in public, it demands by demonstrating
            entry = self.triggers.entries["protest"]
        # "Government regains territory" is a state retaking ground at home; a foreign
        # army taking ground abroad is coded like any other armed actor doing so
        source_is_state = bool(arg.source and (arg.source.sector in ("GOV", "MIL", "COP")
                                               or arg.source.acled_inter == 1)
                               and (loc_country is None or arg.source.country in (None, loc_country)))
        coding = entry.coding(source_is_state, None if casualties_of_fighting else target_kind(arg.target, tok))
        coding, status = promise_or_refusal(coding, status)
        if coding.event_type == "PROTEST" and is_institution(arg.source):
            # "Serbia lodged an official protest", "a rights group protested": a complaint
            # (CAMEO 11), not a crowd in the street
            coding = replace(coding, event_type="ACCUSE", mode=None, cameo_root="11", acled_event_type=None,
                             acled_sub_event_type=None)
        elif coding.event_type in VIOLENT_TYPES and status == "intended" and vowed(tok):
            # "Albanians have sworn to fight until ...": a vow to use force is a threat
            coding = replace(coding, event_type="THREATEN", cameo_root="13")
            status = "threatened"
        elif coding.event_type in PRESSURE_TYPES and coding.acled_event_type in PRESSURE_ACLED_TYPES and (
                status == "threatened" or (status == "intended" and announced_intent(tok))):
            # "said they would boycott", "will extend the curfew": pressure announced is a
            # threat (CAMEO 13), and nothing ACLED counts yet
            coding = replace(coding, event_type="THREATEN", cameo_root="13", acled_event_type=None,
                             acled_sub_event_type=None)
            status = "threatened"
        if coding.event_type == "PROTEST" or entry.id == "protest":
            # what the police and the crowd did is often told in the next sentence
            coding = refine_protest(coding, paragraph_from(text, told_from(tok, text)))
        elif coding.event_type in VIOLENT_TYPES and during_a_demonstration(tok):
            # "47 prisoners were killed by guards during a demonstration": ACLED codes
            # violence at a demonstration as the demonstration, a riot or force against it
            acled = acled_at_demonstration(coding, is_state_force(arg.source), tok, text)
            if acled is not None:
                coding = replace(coding, acled_event_type=acled[0], acled_sub_event_type=acled[1])
        elif entry.id == "armed_clash" and is_crowd(arg.source):
            # "clashes between Palestinians and Israeli forces", "a clash between two farmer
            # groups": a crowd is no armed party
            coding = replace(coding, acled_event_type="Riots", acled_sub_event_type="Mob violence")
        elif is_crowd(arg.source) and entry.id in CROWD_VIOLENCE:
            # "a mob attacked", "beaten to death by a group of men", "rioters burned two ATMs"
            sub_type = "Violent demonstration" if entry.id == "destroy_property" else "Mob violence"
            coding = replace(coding, acled_event_type="Riots", acled_sub_event_type=sub_type)
        if coding.event_type == "PROTEST" and is_state_force(arg.source) and (
                is_crowd(arg.target) or (arg.target is not None and arg.target.acled_inter == 6)):
            # "police dispersed the demonstrators": the crowd demonstrated, the police
            # intervened in it
            arg = replace(arg, source=arg.target, target=arg.source)
        rioting_crowd = coding.acled_event_type == "Riots" and is_crowd(arg.source)
        if rioting_crowd or (coding.event_type == "PROTEST" and (arg.source is None or arg.source.lexicon_id is None
                                                                 or arg.source.sector == "PTY")):
            # whoever demonstrates is, for the dataset, a protester; a crowd that riots or
            # lynches is a rioter (ACLED's "Rioters (country)")
            crowd = self._crowd(tok, text, coding, loc_country or main_country)
            if arg.source is not None:
                # the crowd keeps what PLOVER says its people are ("farmers": AGR)
                crowd = replace(crowd, evidence=arg.source.evidence,
                                sector=arg.source.sector if is_crowd(arg.source) else crowd.sector)
            arg = replace(arg, source=crowd)
        target = arg.target
        confidence = 0.5
        if (target is None and topic is not None and coding.event_type in VIOLENT_TYPES and arg.source
                and arg.source.name != topic.name and entry.id in ("armed_clash", "seize_territory", "attack", "fire")):
            # an operation with no stated target is aimed at the article's main armed actor
            target = topic
            confidence -= 0.1
        date_span, date_conf = dater.date_for(tok, status, anchor_dates)
        if date_span.method != "publication" and dater.anchor_for(tok) is None:
            anchor_dates.setdefault(tok.sent.start, date_span)
        supporters = list(arg.supporters)
        for backer in (arg.source.backers if arg.source else ()) + self._trigger_backers(tok, text):
            if all(s.name != backer.name for s in supporters) and (not arg.source or backer.name != arg.source.name):
                supporters.append(backer)

        def at_home_or_abroad(actor: Actor) -> Actor:
            return with_inter_for_location(actor, loc_country, place_at.inside_countries, place_at.country_mentions)

        actor_roles = []
        if arg.source:
            actor_roles.append(ActorRole("source", at_home_or_abroad(arg.source)))
        if target:
            actor_roles.append(ActorRole("target", at_home_or_abroad(target)))
        actor_roles.extend(ActorRole("supporter", at_home_or_abroad(s)) for s in supporters)
        sent = tok.sent
        fatalities = None
        if coding.event_type in VIOLENT_TYPES:
            fatalities = fatalities_in(text[sent.start_char: sent.end_char])
        confidence += 0.15 * bool(arg.source) + 0.1 * bool(target) + 0.1 * bool(location) + 0.1 * date_conf
        if not match.verbal and arg.source is None:
            confidence -= 0.15
        if arg.source is None and arg.target is None:
            confidence -= 0.2
        trigger_ev = Evidence(match.start, match.end, text[match.start:match.end])
        return Event(
            event_id=_event_id(doc_id, match.start), coding=coding, status=status,
            actors=tuple(actor_roles), location=location, date=date_span, fatalities=fatalities,
            sentence=Evidence(sent.start_char, sent.end_char, text[sent.start_char:sent.end_char].strip()),
            trigger=trigger_ev, confidence=round(max(0.05, min(1.0, confidence)), 3),
            location_reason=reason, mentions=(trigger_ev,),
        )

    def _crowd(self, tok, text: str, coding: EventCoding, country: Optional[str]) -> Actor:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        anchor = subj if subj is not None else tok
        start = anchor.left_edge.idx if subj is not None else tok.idx
        end = anchor.idx + len(anchor)
        rioting = coding.acled_event_type == "Riots"
        name = f"{'Rioters' if rioting else 'Protesters'} ({country_name(self.actor_finder.gazetteer, country)})"
        return Actor(name=name, country=country, sector="CVL", acled_inter=5 if rioting else 6, kind="agent",
                     evidence=Evidence(start, end, text[start:end]))

    def _trigger_backers(self, tok, text: str) -> tuple[Actor, ...]:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return ()
        return self.actor_finder.backers_of(tok, tok.left_edge.i, text)

    def _outcome_of_fighting(self, tok) -> bool:
        """Is the trigger ("killed") told as the outcome of fighting: "in clashes",
        "during the fighting", "after exchanging fire"?"""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in OUTCOME_PREPS):
            for node in (g for g in prep.children if g.dep_ in ("pobj", "pcomp")):
                if node.pos_ == "VERB":
                    if any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in node.children):
                        return True
                    found = self.triggers.for_verb(node.lemma_.lower(), node.lower_)
                else:
                    found = self.triggers.for_noun(node.lemma_.lower())
                    if node.lemma_.lower() in ("exchange", "shootout", "gunfight", "firefight"):
                        return True     # "killed in an exchange of fire"
                if found is not None and found.id == "armed_clash":
                    return True
        return False

    def _weapon_entry(self, tok, entry: TriggerEntry, text: str) -> TriggerEntry:
        """'killed in an airstrike', 'attack with a grenade', 'an IED killed': type by weapon."""
        if entry.id in FIRE_ENTRIES or (entry.id == "remote_explosive" and tok.lemma_.lower() == "explosion"):
            # firing, projectiles, explosions with no device named: the weapons say which fire
            if entry.id == "fire" and _fired_from_the_air(tok):
                return self.triggers.entries["air_strike"]
            kind = kind_of_fire(tok.sent.text, _next_sentence_in_paragraph(tok, text))
            if kind == "clash" and entry.id not in ("fire", "burst_of_fire"):
                return self.triggers.entries["fire"]
            if kind == "shelling":
                return self.triggers.entries["shelling"]
            return entry
        if entry.id not in GENERIC_ENTRIES or fire_went_both_ways(tok.sent.text, _next_sentence_in_paragraph(tok, text)):
            # "clashed, exchanging artillery fire": an exchange is a clash, whatever the weapons
            return entry
        candidates = [c for c in tok.children if c.dep_ in ("nsubj", "agent", "prep", "dobj")]
        if _fired_from_the_air(tok):
            return self.triggers.entries["air_strike"]
        objects = [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree]
        if any(t.lemma_.lower() in DIRECT_FIRE for t in objects):
            # "fired mortars, heavy machine guns and small arms": direct fire makes it a
            # clash; only heavy weapons make it shelling
            return entry
        if tok.dep_ in ("advcl", "conj", "xcomp") and not any(c.dep_ == "nsubj" for c in tok.children):
            # "a missile strike hit X, killing six": the weapon is the governing verb's subject
            candidates += [c for c in tok.head.children if c.dep_ == "nsubj"]
        verbs = [tok] + [c for c in tok.children if c.dep_ == "conj"]
        for clause in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
            # "killed (and wounded) when their vehicle was hit by a roadside bomb"
            candidates += [c for c in clause.children if c.dep_ in ("nsubj", "agent")]
        # "targeted LNA positions with heavy artillery fire": the parser hangs "with" on the object
        candidates += [p for c in tok.children if c.dep_ == "dobj" for p in c.children
                       if p.dep_ == "prep" and p.lower_ == "with"]
        for child in candidates:
            nodes = [child] + [g for g in child.children if g.dep_ == "pobj"]
            for node in nodes:
                for sub in (node, *[m for m in node.children if m.dep_ == "compound"]):
                    if is_mining_site(sub):
                        continue
                    weapon = self.triggers.for_noun(sub.lemma_.lower())
                    if weapon is not None and weapon.id in WEAPON_ENTRIES:
                        return weapon
        return entry


def _roles_of(roles: RoleFinder, tok, entry: TriggerEntry, verbal: bool) -> Roles:
    """Who did it and to whom, read as the kind of event says: a place taken is no
    target ("seized Palmyra"), a weapon's owner fired it ("a Russian missile")."""
    if verbal:
        return roles.verb_roles(tok, object_is_place="place" in entry.needs, violent=entry.plover in VIOLENT_TYPES)
    return roles.noun_roles(tok, weapon=entry.id in WEAPON_ENTRIES)


def _next_sentence_in_paragraph(tok, text: str) -> str:
    """The sentence after ``tok``'s, or "" when its paragraph ends first (``text``: the article's)."""
    doc, sent = tok.doc, tok.sent
    _, paragraph_end = paragraph_bounds(text, tok.idx)
    if sent.end >= len(doc) or doc[sent.end].idx >= paragraph_end:
        return ""
    return doc[sent.end].sent.text


def _fired_from_the_air(tok) -> bool:
    """"the Nigerian Air Force attacked", "warplanes hit": an air strike."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(t.lemma_.lower() in AIR_WORDS or (
        t.lemma_.lower() == "force" and any(c.lower_ == "air" for c in t.children)) for t in subject.subtree)


OUTCOME_PREPS = {"in", "during", "amid", "after", "following"}


def _topic_actor(actors: Sequence[Actor]) -> Optional[Actor]:
    """The article's dominant armed non-state actor (named at least three times)."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for a in actors:
        if a.lexicon_id and a.sector in ("REB", "PRM"):
            counts[a.name] = counts.get(a.name, 0) + 1
            first.setdefault(a.name, a)
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return first[name] if count >= 3 else None


def _unique_ids(events: Sequence[Event], doc_id: str) -> tuple[Event, ...]:
    """One trigger can report two events ("X and Y attacked"): the second gets its own id."""
    seen: set[str] = set()
    out = []
    for event in events:
        n = 1
        while event.event_id in seen:
            event = replace(event, event_id=_event_id(doc_id, event.trigger.start, n))
            n += 1
        seen.add(event.event_id)
        out.append(event)
    return tuple(out)


def _event_id(doc_id: str, start: int, ordinal: int = 0) -> str:
    key = f"{doc_id}\x00{start}" + (f"\x00{ordinal}" if ordinal else "")
    digest = hashlib.sha1(key.encode()).hexdigest()[:10]
    return f"ev-{digest}"
