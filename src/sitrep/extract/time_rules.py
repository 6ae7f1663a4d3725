"""Patterns for temporal expressions and the rules that turn a match into a date window.

Kept apart from ``times`` (which finds expressions in a text and applies context:
tense, anchors, quarter granularity) so that each stays readable: this module is the
table of expressions and what each one means against a publication date.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from ..model import TimeSpan

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
    "a couple of": 2, "two or three": 3, "fifteen": 15, "twenty": 20, "thirty": 30,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_MON = r"(?P<mon>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"

# Order matters: earlier patterns win where matches overlap at the same start.
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I)) for name, rx in [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("range_dmy", rf"\b(?:between|from)\s+{_DAY}\s+(?:and|to|-)\s+{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b"),
    ("range_mon_dd", rf"\b{_MON}\s+{_DAY}\s+(?:and|to|-|\u2013)\s+{_DAY2}(?!\d)(?:,?\s+{_YEAR})?\b"),
    ("range_dd_mon", rf"\b{_DAY}\s*[-\u2013]\s*{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b"),
    ("wd_mdy", rf"\b{_WD},?\s+{_MON}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b"),
    ("wd_dmy", rf"\b{_WD},?\s+{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"),
    ("dmy", rf"\b(?:(?P<since>since)\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"),
    ("mdy", rf"\b(?:(?P<since>since)\s+)?{_MON}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b"),
    ("part_month", rf"\b(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+{_MON}"
                   rf"(?:,?\s+(?:of\s+)?{_YEAR})?\b"),
    ("month_year", rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b"),
    ("month_rel_year", rf"\b(?:in\s+)?{_MON}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    ("in_month", rf"\b(?P<prep>in|since|during|by|until|last|this|next|of)\s+{_MON}(?![\w-])(?!,?\s+(?:of\s+)?(?:19|20)\d\d)(?!\.?\s+[0-3]?\d\b)"),
    ("since_year", rf"\b(?P<prep>since|in|during|by|until|throughout)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b"),
    ("weekday", rf"\b(?:(?P<rel>last|this|past|on|late\s+on|early\s+on)\s+)?{_WD}"
                r"(?:\s+(?P<tod>night|morning|evening|afternoon))?\b"),
    ("yesterday", r"\b(?P<word>yesterday|today|tomorrow|overnight|tonight|this\s+morning|this\s+evening|this\s+afternoon|"
                  r"last\s+night)\b(?:\s+(?P<tod>morning|afternoon|evening|night))?"),
    ("part_rel_year", r"\b(?P<part>early|late|later|earlier|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
                      r"[\s-]+(?P<rel>next|this|last)\s+year\b"),
    ("last_unit", r"\b(?P<rel>last|this|past|previous|next|coming|earlier\s+this|later\s+this)\s+"
                  r"(?P<unit>week|month|year)\b"),
    ("part_year", rf"\b(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
                  rf"[\s-]+{_YEAR}\b"),
    ("decade", r"\b(?:the\s+)?(?P<part>early|late|mid)?[\s-]*(?P<century>19|20)?'?(?P<decade>\d)0s\b"),
    ("season", r"\b(?P<rel>this|last|next|the|early|late)\s+(?P<season>spring|summer|fall|autumn|winter)"
               r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b"),
    ("quarter_ref", r"\b(?P<which>the\s+(?:latest\s+|recent\s+|last\s+|past\s+|current\s+|)quarter|"
                    r"the\s+year[\s-](?:ago|earlier)\s+(?:quarter|period)|year[\s-](?:earlier|ago))\b"
                    r"(?!\s+(?:ago|earlier))"),
    ("recent", r"\b(?:in\s+)?recent\s+(?P<unit>day|week|month|year)s\b"),
    ("weekend", r"\b(?P<rel>the|this|last|next|past)\s+weekend\b"),
    ("plural_duration", r"\b(?:for|over|within|in)\s+(?P<unit>day|week|month|year|decade|hour|minute)s\b"),
    ("vague_duration", r"\b(?P<amount>several|a few|some|many|a number of)\s+(?P<unit>day|week|month|year|decade)s\b"),
    ("ago", rf"\b(?:(?:nearly|almost|about|some|more than|over|roughly)\s+)?{_NUM}\s+{_UNIT}\s+(?:or\s+so\s+)?ago\b"),
    ("past_n", rf"\b(?:the\s+)?(?:past|last)\s+{_NUM}\s+{_UNIT}\b"),
    ("anchored", rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>after|before|later|earlier)\b"),
    ("quarter", rf"\b(?:(?P<rel>this|last|next)\s+year's\s+|(?P<year2>(?:19|20)\d\d)\s+)?"
                rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+{_YEAR})?"),
    ("year_period", r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:quarter|period)\b"),
    ("reference", r"\b(?P<ref>now|currently|nowadays|at present|recently|the past|the future)\b"
                  r"(?!\s+(?:\d+\s+|few\s+|several\s+)?(?:day|week|month|year|decade)s?\b)"),
    ("duration", r"\b(?:(?:the\s+)?(?:past|last|next|first|coming|previous)\s+)?(?P<num>\d+|"
                 + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
                 + r")[\s-]+(?P<unit>second|minute|hour|day|week|month|year|decade|century)s?\b"
                 # "a 6-year-old", "44 years old": ages, not durations; "a second time": an ordinal
                 r"(?![\s-]+old\b)(?<!\ba\ssecond)"),
    ("bare_year", r"(?<![\$\d.,-])\b(?P<year>(?:1[6-9]|20)\d\d)\b(?![\d%,.-]?\d)(?!\s*(?:percent|%|people|tons|troops))"),
]]

# The same patterns without re.I, for scanning the lowercased text: about twice as fast.
# Their sources are written in lower case (tests/extract/test_times.py keeps them so),
# so on a lowercased text they find what the case-blind patterns find.
SCANNERS: tuple[re.Pattern, ...] = tuple(re.compile(pattern.pattern) for _, pattern in PATTERNS)

# Words a pattern cannot match without, in the lowercased text: a pattern none of whose
# cues occurs is not run (most notes name no month, no decade, nothing "ago").
_MONTH_CUES = tuple(sorted({name[:3] for name in MONTHS}))     # every month's name starts so
_YEAR_CUES = ("19", "20")
CUES: dict[str, tuple[str, ...]] = {
    "iso": _YEAR_CUES, "range_dmy": _MONTH_CUES, "range_mon_dd": _MONTH_CUES, "range_dd_mon": _MONTH_CUES,
    "wd_mdy": _MONTH_CUES, "wd_dmy": _MONTH_CUES, "dmy": _MONTH_CUES, "mdy": _MONTH_CUES,
    "part_month": _MONTH_CUES, "month_year": _MONTH_CUES, "month_rel_year": _MONTH_CUES, "in_month": _MONTH_CUES,
    "since_year": _YEAR_CUES, "weekday": ("day",),
    "yesterday": ("yesterday", "today", "tomorrow", "overnight", "tonight", "this", "last"),
    "part_rel_year": ("year",), "last_unit": ("week", "month", "year"), "part_year": _YEAR_CUES,
    "decade": ("0s",), "season": tuple(SEASONS), "quarter_ref": ("quarter", "year"), "recent": ("recent",),
    "weekend": ("weekend",), "plural_duration": ("days", "weeks", "months", "years", "decades", "hours", "minutes"),
    "vague_duration": ("days", "weeks", "months", "years", "decades"), "ago": ("ago",), "past_n": ("past", "last"),
    "anchored": ("after", "before", "later", "earlier"), "quarter": ("quarter",), "year_period": ("quarter", "period"),
    "reference": ("now", "current", "present", "recent", "past", "future"),
    "duration": ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur"),
    "bare_year": ("16", "17", "18", "19", "20"),
}

_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "last night": "NI", "this morning": "MO", "this evening": "EV", "this afternoon": "AF"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_REFERENCE = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
              "at present": "PRESENT_REF", "recently": "PAST_REF", "the past": "PAST_REF",
              "the future": "FUTURE_REF"}
_UNIT_CODE = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y",
              "decade": "DE", "century": "CE"}


def _with_part_of_day(day: date, part: Optional[str]) -> str:
    """TIMEX3 value of a day, with a part of day when one is named: 1998-08-18TMO."""
    code = _PART_OF_DAY.get((part or "").lower())
    return f"{day.isoformat()}T{code}" if code else day.isoformat()


def duration_value(amount: int, unit: str) -> str:
    """TIMEX3 duration: 4 years -> P4Y, 5 hours -> PT5H."""
    code = _UNIT_CODE[unit]
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


def window_value(start: date, end: date, precision: str) -> str:
    """TIMEX3 value of a date window at its precision."""
    if precision == "day":
        return start.isoformat()
    if precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{start.year}-{start.month:02d}"
    return str(start.year)


def _year_part(year: int, part: str):
    """'early 1990', 'the end of next year': a part of a year, valued as the year."""
    if part == "early" or "beginning" in part or "start" in part:
        start, end = date(year, 1, 1), date(year, 4, 30)
    elif part in ("mid", ) or "middle" in part:
        start, end = date(year, 5, 1), date(year, 8, 31)
    elif part in ("late", "later") or "end" in part:
        start, end = date(year, 9, 1), date(year, 12, 31)
    else:
        start, end = date(year, 1, 1), date(year, 12, 31)
    return start, end, "year", "explicit", str(year)


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# a year-less date is read as the nearest such date, but news speaks of the past:
# a future reading must be this many times nearer than the past one to win
FUTURE_PENALTY = 3.0


def _past_year_for(month: int, day: Optional[int], pub: date, future: bool = False, past: bool = False,
                   present: bool = False) -> int:
    """Year of a year-less (month, day): the nearest occurrence, with a bias to the past
    ("in December" in a January report is last December; "Nov. 10" in a Nov. 2 report
    is next week). With ``future`` (the clause is in the future tense) the next one."""
    def probe(year: int) -> date:
        return date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))

    if day is None and month == pub.month:
        return pub.year
    best, best_cost = pub.year, None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        d = probe(year)
        gap = (d - pub).days
        if (future and gap < 0) or (past and gap > 0):
            continue
        cost = abs(gap) * (FUTURE_PENALTY if gap > 0 and not future and not present else 1.0)
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def _num(value: str) -> int:
    return int(value) if value.isdigit() else NUMBER_WORDS.get(value.lower(), 1)


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(span: TimeSpan, amount: int, unit: str, direction: str) -> TimeSpan:
    """Shift a window by an anchored offset, widening it by one unit for vagueness."""
    sign = -1 if direction in ("after", "later") else 1
    if unit == "month":
        start, end = _shift_months(span.start, sign * amount), _shift_months(span.end, sign * amount)
        start = _shift_months(start, -1).replace(day=1)
        precision = "month"
    elif unit == "year":
        start, end = _shift_months(span.start, sign * 12 * amount), _shift_months(span.end, sign * 12 * amount)
        precision = "year"
    else:
        days = amount * (7 if unit == "week" else 1)
        start = span.start + timedelta(days=sign * days - (7 if unit == "week" else 1))
        end = span.end + timedelta(days=sign * days)
        precision = "week" if unit == "week" else "day"
    return TimeSpan(min(start, end), max(start, end), precision, "relative", span.evidence)



def _normalise(name: str, g: dict, pub: date):
    if name == "iso":
        d = date(int(g["year"]), int(g["month"]), int(g["day"]))
        return d, d, "day", "explicit"
    if name in ("range_dmy", "range_dd_mon", "range_mon_dd"):
        month = MONTHS[g["mon"].lower()]
        year = int(g["year"]) if "year" in g else _past_year_for(month, int(g["day"]), pub, "future" in g, "past" in g, "present" in g)
        a, b = date(year, month, int(g["day"])), date(year, month, int(g["day2"]))
        return min(a, b), max(a, b), "day", "explicit" if "year" in g else "relative"
    if name in ("dmy", "mdy", "wd_mdy", "wd_dmy"):
        month, day = MONTHS[g["mon"].lower()], int(g["day"])
        if not 1 <= day <= 31:
            return None
        year = int(g["year"]) if "year" in g else _past_year_for(month, day, pub, "future" in g, "past" in g, "present" in g)
        d = date(year, month, day)
        method = "explicit" if "year" in g else "relative"
        if "since" in g:
            return d, max(d, pub), "day", method
        return d, d, "day", method
    if name in ("part_month", "month_year", "in_month"):
        month = MONTHS[g["mon"].lower()]
        if name == "in_month" and g["mon"].lower() in ("may", "march") and g["mon"][0].islower():
            return None     # the verbs "may" and "march"
        prep = (g.get("prep") or "").lower()
        if "year" in g:
            year = int(g["year"])
        elif prep == "this":
            year = pub.year
        else:
            # "last December" / "since March" look back; "next April" looks ahead; "by
            # August" / "until May" name a deadline: the nearest, either way
            year = _past_year_for(month, None, pub, "future" in g or prep == "next",
                                  "past" in g or prep in ("last", "since"),
                                  present=prep in ("by", "until") and "past" not in g)
            if prep == "last" and month == pub.month:
                year -= 1
        start, end = _month_window(year, month)
        part = (g.get("part") or "").lower()
        if part == "early" or "beginning" in part or "start" in part:
            end = date(year, month, 10)
        elif part == "mid":
            start, end = date(year, month, 11), date(year, month, 20)
        elif part == "late" or "end" in part:
            start = date(year, month, 21)
        return start, end, "month", "explicit" if "year" in g else "relative"
    if name == "month_rel_year":
        month = MONTHS[g["mon"].lower()]
        year = pub.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        start, end = _month_window(year, month)
        return start, end, "month", "relative"
    if name == "since_year":
        year = int(g["year"])
        if g["prep"].lower() == "since":
            return date(year, 1, 1), max(pub, date(year, 1, 1)), "year", "explicit"
        return date(year, 1, 1), date(year, 12, 31), "year", "explicit"
    if name == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if "future" in g and rel not in ("last", "past"):
            ahead = (target - pub.weekday()) % 7 or 7
            d = pub + timedelta(days=ahead)
            return d, d, "day", "relative"
        if "present" in g and rel not in ("last", "past"):
            ahead, behind = (target - pub.weekday()) % 7, (pub.weekday() - target) % 7
            d = pub + timedelta(days=ahead) if ahead <= behind else pub - timedelta(days=behind)
            return d, d, "day", "relative"
        back = (pub.weekday() - target) % 7
        if rel in ("last", "past") and back == 0:
            back = 7
        d = pub - timedelta(days=back)
        return d, d, "day", "relative"
    if name == "yesterday":
        word = " ".join(g["word"].lower().split())
        part = word if word in _PART_OF_DAY else None     # "tonight", "this morning", "last night"
        if word in ("yesterday", "last night"):
            d = pub - timedelta(days=1)
            return d, d, "day", "relative", _with_part_of_day(d, part)
        if word == "overnight":
            return pub - timedelta(days=1), pub, "day", "relative"
        if word == "tomorrow":
            d = pub + timedelta(days=1)
            return d, d, "day", "relative", _with_part_of_day(d, part)
        return pub, pub, "day", "relative", _with_part_of_day(pub, part)
    if name == "part_rel_year":
        year = pub.year + {"next": 1, "this": 0, "last": -1}[g["rel"].lower()]
        return _year_part(year, g["part"].lower())
    if name == "part_year":
        return _year_part(int(g["year"]), g["part"].lower())
    if name == "decade":
        century = g.get("century") or ("19" if int(g["decade"]) > (pub.year % 100) // 10 else "20")
        first = int(f"{century}{g['decade']}0")
        if first > pub.year:
            return None
        return date(first, 1, 1), date(first + 9, 12, 31), "year", "explicit", f"{century}{g['decade']}X"
    if name == "season":
        code = SEASONS[g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        year = int(g["year"]) if "year" in g else pub.year + {"last": -1, "next": 1}.get(rel, 0)
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        start = date(year, start_month, 1)
        end = _month_window(year + (1 if code == "WI" else 0), 2 if code == "WI" else start_month + 2)[1]
        return start, end, "month", "explicit" if "year" in g else "relative", f"{year}-{code}"
    if name == "year_period":
        # "the 1988 quarter": the quarter being reported on, in that year
        q_now = (pub.month - 1) // 3 + 1
        q = q_now - 1 if q_now > 1 else 4
        year = int(g["year"])
        start = date(year, 3 * q - 2, 1)
        return start, _month_window(year, 3 * q)[1], "month", "explicit", f"{year}-Q{q}"
    if name == "quarter_ref":
        # the most recently completed quarter; "year-ago" / "year-earlier": the same quarter a year before
        q_now = (pub.month - 1) // 3 + 1
        year, q = (pub.year, q_now - 1) if q_now > 1 else (pub.year - 1, 4)
        if "current" in g["which"].lower():
            year, q = pub.year, q_now
        if "ago" in g["which"].lower() or "earlier" in g["which"].lower():
            year -= 1
        start = date(year, 3 * q - 2, 1)
        return start, _month_window(year, 3 * q)[1], "month", "relative", f"{year}-Q{q}"
    if name == "recent":
        return ("reference", "PAST_REF", None)
    if name == "weekend":
        rel = g["rel"].lower()
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if rel == "next":
            saturday += timedelta(days=7)
        elif rel in ("last", "past") and pub.weekday() >= 5:
            saturday -= timedelta(days=7)
        year, week, _ = saturday.isocalendar()
        return saturday, min(pub, saturday + timedelta(days=1)) if rel != "next" else saturday + timedelta(days=1), \
            "week", "relative", f"{year}-W{week:02d}-WE"
    if name == "plural_duration":
        return ("duration", f"PX{_UNIT_CODE[g['unit'].lower()]}", None)
    if name == "vague_duration":
        return ("duration", f"PX{_UNIT_CODE[g['unit'].lower()]}", None)
    if name == "last_unit":
        rel, unit = " ".join(g["rel"].lower().split()), g["unit"].lower()
        if rel in ("next", "coming"):
            if unit == "week":
                start = pub - timedelta(days=pub.weekday()) + timedelta(days=7)
                return start, start + timedelta(days=6), "week", "relative"
            if unit == "month":
                nxt = _shift_months(pub.replace(day=1), 1)
                return _month_window(nxt.year, nxt.month) + ("month", "relative")
            return date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), "year", "relative"
        current = rel in ("this", "earlier this", "later this")
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday())
            if current:
                return monday, pub, "week", "relative"
            start = monday - timedelta(days=7)
            return start, start + timedelta(days=6), "week", "relative"
        if unit == "month":
            if current:
                return pub.replace(day=1), pub, "month", "relative"
            prev = _shift_months(pub.replace(day=1), -1)
            return _month_window(prev.year, prev.month) + ("month", "relative")
        if current:
            return date(pub.year, 1, 1), pub, "year", "relative"
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year", "relative"
    if name in ("ago", "past_n"):
        n, unit = _num(g["num"]), g["unit"].lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        if name == "past_n":
            return pub - timedelta(days=days), pub, unit, "relative", duration_value(n, unit)
        d = pub - timedelta(days=days)
        precision = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
        if precision == "day":
            return d, d, "day", "relative"
        if precision == "week":
            # "two weeks ago": about that day
            return d - timedelta(days=3), min(pub, d + timedelta(days=3)), "week", "relative", d.isoformat()
        if unit in ("month", "year"):
            # calendar arithmetic: "five months ago" on 31 March is October
            d = _shift_months(pub, -n * (12 if unit == "year" else 1))
            value = str(d.year) if unit == "year" else f"{d.year}-{d.month:02d}"
            return d - timedelta(days=days // 4), min(pub, d + timedelta(days=days // 4)), precision, "relative", value
        return d - timedelta(days=days // 4), min(pub, d + timedelta(days=days // 4)), precision, "relative"
    if name == "anchored":
        return ("anchored", _num(g["num"]), g["unit"].lower(), g["dir"].lower())
    if name == "quarter":
        q = _ORDINALS[g["ord"].lower()]
        if "year" in g or "year2" in g:
            year = int(g.get("year") or g["year2"])
        elif "rel" in g:
            year = pub.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        else:
            year = pub.year if date(pub.year, 3 * q - 2, 1) <= pub else pub.year - 1
        start = date(year, 3 * q - 2, 1)
        end = _month_window(year, 3 * q)[1]
        return start, end, "month", "explicit" if "year" in g else "relative", f"{year}-Q{q}"
    if name == "reference":
        value = _REFERENCE[" ".join(g["ref"].lower().split())]
        window = TimeSpan(pub, pub, "day", "relative") if value == "PRESENT_REF" else None
        return ("reference", value, window)
    if name == "duration":
        return ("duration", duration_value(_num(g["num"]), g["unit"].lower()), None)
    if name == "bare_year":
        year = int(g["year"])
        if year > pub.year + 10:        # "2050 targets" is not a report date
            return None
        return date(year, 1, 1), date(year, 12, 31), "year", "explicit"
    return None
