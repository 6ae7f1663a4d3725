"""The doers a report implies: who did it when the clause names no one.

ACLED codes violence with no named perpetrator to whoever the paragraph says claimed
or planted it; on a front line whose holders are known, to the side facing the place;
else to an unidentified armed group (a communal militia where the words say the
fighting was between communities). Arrests no one is said to have made were made by
the country's police. The implied actor is marked ``kind="implied"`` and its evidence
is the trigger, the words that imply it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..lexicon.triggers import TriggerLexicon
from ..model import Actor, ActorRole, Event, Evidence
from .actors import ActorFinder, country_name
from .agents import IDENTITY_WORDS
from .claims import claimed_perpetrator
from .coref import ActorIndex
from .front_lines import front_line_doer
from .text import paragraph_bounds

IMPLIED_PERPETRATOR_TYPES = ("Violence against civilians", "Explosions/Remote violence", "Battles")
# the sides of a feud ACLED codes as communal militias (inter 4)
FEUDING_GROUPS = frozenset({"family", "clan", "sub-clan", "subclan", "tribe", "community"})


class ImpliedDoers:
    """Adds the implied source to the events that name none."""

    def __init__(self, triggers: TriggerLexicon, finder: ActorFinder):
        self.triggers = triggers
        self.finder = finder
        # the agents an implied doer is named after, looked up once
        self._agents = {a.id: a for a in finder.lexicon.agents}

    def add_to(self, events: list[Event], main_country: Optional[str], doc, index: ActorIndex,
               text: str) -> list[Event]:
        """Violence whose clause names no doer: the doer its paragraph says claimed or
        planted it (``claims.py``); else, on a front line whose holders are known, the side
        facing the place (``front_lines.py``); else, ACLED's convention, an unidentified
        armed group of the country it happened in. Arrests no one is said to have made were
        made by the country's police. The implied actor is marked ``kind="implied"`` and
        its evidence is the trigger, the words that imply it."""
        out = []
        for event in events:
            country = event.location.country if event.location else main_country
            if (event.coding.acled_sub_event_type == "Arrests" and event.status in ("occurred", "ongoing")
                    and not any(r.role == "source" for r in event.actors)):
                # "55 people were arrested": ACLED's arrests are made by the country's police
                police = self._agents["police"]
                doer = self._implied_agent(police, country, event, police.inter if country else None)
                out.append(replace(event, actors=(ActorRole("source", doer),) + event.actors))
                continue
            if (event.coding.acled_event_type in IMPLIED_PERPETRATOR_TYPES and event.status in ("occurred", "ongoing")
                    and not any(r.role == "source" for r in event.actors)):
                start, end = paragraph_bounds(text, event.sentence.start)
                claimant = claimed_perpetrator(doc, index, start, end)
                if claimant is not None and all(r.actor.name != claimant.name for r in event.actors):
                    out.append(replace(event, actors=(ActorRole("source", claimant),) + event.actors))
                    continue
                side = front_line_doer(event, text[start:end])
                if side is not None:
                    out.append(self._on_front_line(event, self._implied_side(side, event)))
                    continue
                # "clan-based clashes", "inter-communal fighting": the fighters are a communal militia
                implied = self._agents["identity_militia" if says_communal(doc, event.trigger)
                                       else "unidentified_armed_group"]
                doer = self._implied_agent(implied, country, event, implied.inter)
                event = replace(event, actors=(ActorRole("source", doer),) + event.actors)
            out.append(event)
        return out

    def _implied_agent(self, agent, country: Optional[str], event: Event, inter: Optional[int]) -> Actor:
        """The doer the report implies, an agent of the event's country; its evidence is
        the trigger, the words that imply it."""
        return Actor(name=agent.name.format(country=country_name(self.finder.gazetteer, country)),
                     country=country, sector=agent.sector, acled_inter=inter, kind="implied",
                     evidence=event.trigger)

    def _on_front_line(self, event: Event, side: Actor) -> Event:
        """Unclaimed fire on a front line, by the side facing its place; explosions no
        device is named for are that side's shelling, as ACLED codes them there."""
        coding = event.coding
        if coding.acled_sub_event_type == "Remote explosive/landmine/IED" and event.trigger.text.lower().startswith(
                "explosion"):
            coding = self.triggers.entries["shelling"].coding(side.acled_inter == 1, None)
        return replace(event, coding=coding, actors=(ActorRole("source", side),) + event.actors)

    def _implied_side(self, lexicon_id: str, event: Event) -> Actor:
        entry = self.finder.lexicon.actors[lexicon_id]
        return Actor(name=entry.name, country=entry.country, sector=entry.sector, acled_inter=entry.inter,
                     kind="implied", lexicon_id=entry.id, evidence=event.trigger)


def says_communal(doc, trigger: Evidence) -> bool:
    """Do the words before the trigger say the violence was between communities
    ("clan-based clashes", "inter-clan fighting", "ethnic clashes")?"""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[max(0, span.start - 4): span.start]
    if any(part in IDENTITY_WORDS for t in before for part in t.lower_.split("-")):
        return True
    # "clashes between two armed families", "two rival clans engaged in clashes": the
    # sides the sentence names are families, clans or tribes
    sentence = span.sent
    return any(t.lemma_.lower() in FEUDING_GROUPS and (_between_whom(t) or _subject_of(t, span))
               for t in sentence)


def _between_whom(tok) -> bool:
    """Is ``tok`` one of the sides after a "between" (of its own sentence: a parse
    tree ends with its sentence)?"""
    return tok.dep_ in ("pobj", "conj") and any(a.lower_ == "between" for a in tok.ancestors)


def _subject_of(tok, span) -> bool:
    """Is ``tok`` the subject of the clause the trigger ``span`` is in?"""
    return tok.dep_ == "nsubj" and any(span.start <= c.i < span.end for c in tok.head.subtree)
