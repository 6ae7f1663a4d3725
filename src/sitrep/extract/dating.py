"""Decide each event's date — the stage a newcomer looks for.

Order of preference for a trigger:
1. an anchored expression it falls under ("eight months after he had retaken") —
   the date of the sentence's other event, shifted, with a wider window;
2. the temporal expression nearest to it in the dependency tree, in its sentence;
3. for an event told as having happened, the narrative's reference time: the last
   calendar date stated earlier in its paragraph ("On 5 May, ... . Police arrested
   two men."), since a report keeps its time until it names another;
4. the publication date (method "publication", lower confidence); an ongoing
   event gets an open window ending at the publication date.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Optional, Sequence

from ..model import TimeSpan
from ..nlp.pipeline import TimeMention
from .text import paragraph_bounds
from .times import shift

ONGOING_LOOKBACK_DAYS = 30
# the reference time carries forward only from a calendar date, not from "since 2014"
# or a duration, and only to events told as past
REFERENCE_PRECISIONS = ("day", "week", "month")


def _ancestors(tok) -> list:
    chain = [tok]
    # spaCy makes a new Token on every access: compare indices, not objects
    while chain[-1].head.i != chain[-1].i and len(chain) < 50:
        chain.append(chain[-1].head)
    return chain


def tree_distance(a, b) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up_a = _ancestors(a)
    index_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(_ancestors(b)):
        if t.i in index_a:
            return index_a[t.i] + n
    return 99


def _root_of(doc, mention: TimeMention):
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


class EventDater:
    def __init__(self, doc, text: str, times: Sequence[TimeMention], pub_date: date):
        self.doc = doc
        self.text = text           # the article's: doc.text is rebuilt from the tokens on every read
        self.times = times
        self.pub_date = pub_date

    def in_sentence(self, sent) -> list[TimeMention]:
        return [t for t in self.times if sent.start_char <= t.start < sent.end_char]

    def anchor_for(self, trigger) -> Optional[TimeMention]:
        """An anchored expression governing this trigger ('N months after <trigger clause>')."""
        for t in self.in_sentence(trigger.sent):
            if t.anchored and t.end <= trigger.idx:
                return t
        return None

    def explicit_for(self, trigger) -> Optional[TimeMention]:
        """The nearest non-anchored expression in the trigger's sentence, by tree distance."""
        best, best_distance = None, None
        for t in self.in_sentence(trigger.sent):
            if t.anchored or t.span is None:       # durations ("four years") date nothing
                continue
            root = _root_of(self.doc, t)
            if root is None:
                continue
            distance = tree_distance(trigger, root)
            if best_distance is None or distance < best_distance:
                best, best_distance = t, distance
        return best

    def reference_time(self, trigger) -> Optional[TimeMention]:
        """The last calendar date stated before the trigger's sentence in its paragraph."""
        sent = trigger.sent
        para_start, _ = paragraph_bounds(self.text, sent.start_char)
        before = [t for t in self.times if para_start <= t.start < sent.start_char and not t.anchored
                  and t.span is not None and t.kind == "date" and t.span.precision in REFERENCE_PRECISIONS
                  and t.span.method != "publication" and t.span.end <= self.pub_date]
        return before[-1] if before else None

    def publication(self, status: str) -> TimeSpan:
        if status == "ongoing":
            return TimeSpan(self.pub_date - timedelta(days=ONGOING_LOOKBACK_DAYS), self.pub_date, "month",
                            "publication")
        return TimeSpan(self.pub_date, self.pub_date, "day", "publication")

    def date_for(self, trigger, status: str, anchor_dates: dict[int, TimeSpan]) -> tuple[TimeSpan, float]:
        """The event's date window and how sure we are (0..1).

        ``anchor_dates`` maps sentence start -> a date already decided for an earlier
        event of that sentence, which anchored expressions shift.
        """
        anchor = self.anchor_for(trigger)
        if anchor is not None:
            base = anchor_dates.get(trigger.sent.start)
            if base is not None:
                shifted = shift(base, anchor.anchor_amount or 1, anchor.anchor_unit or "month",
                                anchor.anchor_direction or "after")
                return replace(shifted, evidence=anchor.span.evidence), 0.6
        found = self.explicit_for(trigger)
        if found is not None:
            span = found.span
            if status == "ongoing" and span.end < self.pub_date and span.precision != "day":
                span = replace(span, end=self.pub_date)
            return span, 0.9 if span.method == "explicit" else 0.8
        if status == "occurred":
            carried = self.reference_time(trigger)
            if carried is not None:
                return carried.span, 0.6
        return self.publication(status), 0.3
