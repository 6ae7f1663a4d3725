"""Temporal expressions: find them in the text and normalise them to date windows.

Everything is resolved against the publication date. News speaks of the past:
"in December" in a January report is last December, "on Friday" is the most recent
Friday on or before the publication date. Anchored expressions ("eight months
after ...") carry an offset that the event-dating stage applies to another event's
date (see ``sitrep.extract.dating``). spaCy DATE entities that no pattern here
covers go to ``dateparser`` (PREFER_DATES_FROM='past', RELATIVE_BASE=pub date).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Iterable, Iterator, Optional

from ..model import Evidence, TimeSpan
from ..nlp.pipeline import TimeMention
from .time_rules import (CUES, MONTHS, PATTERNS, SCANNERS, _month_window, _normalise, _shift_months, duration_value,
                         shift, window_value)

__all__ = ["find_times", "normalise", "shift", "tense_at", "PATTERNS"]


def normalise(name: str, m: re.Match, pub: date, tense: Optional[str] = None):
    """One pattern match -> a TimeMention; ("anchored", amount, unit, direction) for an
    anchored offset; None when the match is not a real date. ``tense`` of the clause
    around it ("future": "will meet on Tuesday"; "past": "seized ... in March")."""
    g = {k: v for k, v in m.groupdict().items() if v}
    if tense:
        g[tense] = "1"
    try:
        span = _normalise(name, g, pub)
    except ValueError:          # 31 February and the like
        return None
    if span is None or span[0] == "anchored":
        return span
    if span[0] in ("duration", "reference"):
        kind, value, window = span
        if window is not None:          # "now": the publication day, backed by the word
            window = TimeSpan(window.start, window.end, window.precision, window.method,
                              Evidence(m.start(), m.end(), m.group(0)))
        return TimeMention(window, m.start(), m.end(), value=value, kind=kind)
    start, end, precision, method = span[:4]
    value = span[4] if len(span) > 4 else window_value(start, end, precision)
    if method == "relative" and start <= pub < end and name not in _FORWARD:
        end = pub       # "in January" said on 10 January: the part of January so far
    ev = Evidence(m.start(), m.end(), m.group(0))
    return TimeMention(TimeSpan(start, end, precision, method, ev), m.start(), m.end(), value=value)


_FORWARD = ("last_unit", "part_rel_year", "season", "quarter_ref", "weekend", "yesterday")   # may look ahead ("next week")
_TENSED = ("weekday", "dmy", "mdy", "wd_mdy", "wd_dmy", "range_dmy", "range_dd_mon", "range_mon_dd", "in_month", "part_month")
def _ends_clause(text: str, end: int) -> bool:
    rest = text[end:end + 3].lstrip(" ")
    return not rest or rest[0] in ".,;:)\n\"'"


def _counted_from_publication(m: re.Match, amount: int, unit: str, direction: str, pub: date) -> TimeMention:
    sign = -1      # only "earlier" / "before": "later" counts from the story's time, not today
    ev = Evidence(m.start(), m.end(), m.group(0))
    if unit in ("month", "year"):
        d = _shift_months(pub, sign * amount * (12 if unit == "year" else 1))
        value = str(d.year) if unit == "year" else f"{d.year}-{d.month:02d}"
        start, end = (date(d.year, 1, 1), date(d.year, 12, 31)) if unit == "year" else _month_window(d.year, d.month)
        precision = unit
    else:
        d = pub + timedelta(days=sign * amount * (7 if unit == "week" else 1))
        value, start, end, precision = d.isoformat(), d, d, "day"
    return TimeMention(TimeSpan(start, end, precision, "relative", ev), m.start(), m.end(), value=value)


_YEAR_BACK = re.compile(r"^(?:a|one)\s+year\s+(?:ago|earlier)$|^year[\s-](?:ago|earlier)$", re.I)


def _quarter_granularity(found: list[TimeMention], text: str) -> list[TimeMention]:
    """In a passage about a quarter, "a year ago" / "a year earlier" is that quarter a
    year before (the granularity of the period being compared)."""
    quarters = [m for m in found if m.value and re.fullmatch(r"\d{4}-Q[1-4]", m.value)
                and not re.search(r"ago|earlier", text[m.start:m.end], re.I)]
    if not quarters:
        return found
    out = []
    for m in found:
        if _YEAR_BACK.match(text[m.start:m.end].strip()):
            sent_start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
            sent_end = min((i for i in (text.find(".", m.end), text.find("\n", m.end)) if i >= 0), default=len(text))
            # the quarter may be named a sentence or two before ("In the third quarter, ...")
            near = [q for q in quarters if max(0, sent_start - 400) <= q.start < sent_end]
            if near:
                year, q = near[-1].value.split("-Q")
                start = date(int(year) - 1, 3 * int(q) - 2, 1)
                span = TimeSpan(start, _month_window(start.year, 3 * int(q))[1], "month", "relative",
                                Evidence(m.start, m.end, text[m.start:m.end]))
                m = TimeMention(span, m.start, m.end, value=f"{int(year) - 1}-Q{q}")
        out.append(m)
    return out


FUTURE_AUX = {"will", "'ll", "shall", "wo"}
FUTURE_MARKERS = {"scheduled", "due", "expected", "set", "planned", "slated", "going"}


def tense_at(doc, start: int, end: int) -> Optional[str]:
    """'future', 'past' or None: the tense of the clause governing [start, end)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            children = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            if children & FUTURE_AUX or node.lower_ in FUTURE_MARKERS or node.head.lower_ in FUTURE_MARKERS:
                return "future"
            if node.tag_ == "VBD" or (node.tag_ == "VBN" and children & {"had", "has", "have", "was", "were"}):
                return "past"
            if node.tag_ in ("VBZ", "VBP") or (node.tag_ == "VBG" and children & {"is", "are", "am"}):
                # "the talks resume Tuesday", "is due Feb. 1": a schedule, either way from today
                return "present"
            return None
        if node.head.i == node.i:
            break
        node = node.head
    return None


def find_times(text: str, pub: date, extra_spans: Iterable[tuple[int, int]] = (),
               doc=None) -> tuple[TimeMention, ...]:
    """All temporal expressions in ``text``, non-overlapping, in text order.

    ``doc`` (the parse) lets tense decide year-less dates and weekdays."""
    found: list[TimeMention] = []
    occupied: list[tuple[int, int]] = []
    lowered = text.lower()
    cued: dict[tuple[str, ...], bool] = {}
    matches = []
    for order, (name, pattern) in enumerate(PATTERNS):
        cues = CUES[name]
        if cues not in cued:
            cued[cues] = any(cue in lowered for cue in cues)
        if not cued[cues]:
            continue
        for m in _matches(pattern, SCANNERS[order], text, lowered):
            matches.append((m.start(), -(m.end() - m.start()), order, name, m))
    for start, _neg_len, _order, name, m in sorted(matches):
        if any(s < m.end() and start < e for s, e in occupied):
            continue
        tense = tense_at(doc, m.start(), m.end()) if name in _TENSED else None
        result = normalise(name, m, pub, tense)
        if (isinstance(result, tuple) and result and result[0] == "anchored" and result[3] in ("earlier", "before")
                and _ends_clause(text, m.end())):
            # "a year earlier." with no clause after it: a date counted from publication
            _, amount, unit, direction = result
            found.append(_counted_from_publication(m, amount, unit, direction, pub))
            occupied.append((m.start(), m.end()))
            continue
        if isinstance(result, tuple) and result and result[0] == "anchored":
            _, amount, unit, direction = result
            placeholder = TimeSpan(pub, pub, "day", "relative", Evidence(m.start(), m.end(), m.group(0)))
            found.append(TimeMention(placeholder, m.start(), m.end(), value=duration_value(amount, unit),
                                     kind="anchored", anchor_direction=direction, anchor_amount=amount, anchor_unit=unit))
        elif result is not None:
            found.append(result)
        else:
            continue
        occupied.append((m.start(), m.end()))
    found = _quarter_granularity(found, text)
    for start, end in extra_spans:
        if any(s < end and start < e for s, e in occupied):
            continue
        mention = parse_with_dateparser(text[start:end], start, pub)
        if mention is not None:
            found.append(mention)
            occupied.append((start, end))
    return tuple(sorted(found, key=lambda t: t.start))


# only phrases that name a month or a four-digit year: "44" is an age, not a date
_DATEPARSER_WORTHY = re.compile(r"\b(?:19|20)\d\d\b|" + "|".join(m for m in MONTHS if len(m) > 3), re.I)


def _matches(pattern: re.Pattern, scanner: re.Pattern, text: str, lowered: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, found by the faster case-sensitive ``scanner`` on the
    lowercased text; each hit is matched again on the text itself for its groups."""
    if len(lowered) != len(text):       # a letter whose lower case is longer ("İ"): offsets differ
        yield from pattern.finditer(text)
        return
    for hit in scanner.finditer(lowered):
        m = pattern.match(text, hit.start())
        if m is not None:
            yield m


def parse_with_dateparser(phrase: str, start: int, pub: date) -> Optional[TimeMention]:
    """Fallback for expressions no pattern covers (only phrases with a digit or month name)."""
    if not _DATEPARSER_WORTHY.search(phrase):
        return None
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
                "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, RecursionError):
        return None
    if parsed is None:
        return None
    d = parsed.date()
    if d > pub:
        return None
    precision = "day" if re.search(r"\b[0-3]?\d\b(?!\d)", phrase) else "month"
    if precision == "month":
        s, e = _month_window(d.year, d.month)
    else:
        s = e = d
    ev = Evidence(start, start + len(phrase), phrase)
    return TimeMention(TimeSpan(s, min(e, max(pub, s)), precision, "explicit", ev), start, start + len(phrase),
                       value=window_value(s, e, precision))
