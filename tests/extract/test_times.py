from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.time_rules import CUES, PATTERNS, SCANNERS
from sitrep.extract.times import _matches, find_times, shift

PUB = date(2017, 1, 23)   # a Monday


def _one(text, pub=PUB):
    [mention] = find_times(text, pub)
    return mention.span


@pytest.mark.parametrize("text,start,end,precision", [
    ("in December", date(2016, 12, 1), date(2016, 12, 31), "month"),
    ("last week", date(2017, 1, 16), date(2017, 1, 22), "week"),
    ("on Friday", date(2017, 1, 20), date(2017, 1, 20), "day"),
    ("last Monday", date(2017, 1, 16), date(2017, 1, 16), "day"),
    ("yesterday", date(2017, 1, 22), date(2017, 1, 22), "day"),
    ("On 9 May 2020", date(2020, 5, 9), date(2020, 5, 9), "day"),
    ("May 9, 2020", date(2020, 5, 9), date(2020, 5, 9), "day"),
    ("between 1 and 5 January", date(2017, 1, 1), date(2017, 1, 5), "day"),
    ("Nov. 10", date(2016, 11, 10), date(2016, 11, 10), "day"),
    ("in March last year", date(2016, 3, 1), date(2016, 3, 31), "month"),
    ("since 2014", date(2014, 1, 1), PUB, "year"),
    ("earlier this month", date(2017, 1, 1), PUB, "month"),
    ("in May 2019", date(2019, 5, 1), date(2019, 5, 31), "month"),
    ("early December", date(2016, 12, 1), date(2016, 12, 10), "month"),
    ("2016-11-30", date(2016, 11, 30), date(2016, 11, 30), "day"),
])
def test_expressions_resolve_against_the_publication_date(text, start, end, precision):
    span = _one(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_a_date_a_week_ahead_is_read_as_coming(parse):
    # "Nov. 10" in a Nov. 2 report: next week, not a year ago
    [m] = find_times("Talks resume Nov. 10", date(1989, 11, 2))
    assert m.span.start == date(1989, 11, 10)


def test_tense_decides_weekdays_and_year_less_dates(parse):
    text = "The council will meet on Tuesday. The rebels seized the town in March."
    pub = date(2021, 2, 15)     # a Monday
    future_meeting, seizure = find_times(text, pub, doc=parse(text))
    assert future_meeting.span.start == date(2021, 2, 16)
    assert seizure.span.start == date(2020, 3, 1)


def test_durations_have_a_value_but_no_window():
    [m] = find_times("the talks lasted four years", PUB)
    assert m.span is None and m.value == "P4Y" and m.kind == "duration"


def test_anchored_expression_is_marked_not_resolved():
    [m] = find_times("just eight months after he had retaken it", PUB)
    assert m.anchored and (m.anchor_amount, m.anchor_unit, m.anchor_direction) == (8, "month", "after")


def test_shift_moves_back_and_widens():
    december = _one("in December")
    shifted = shift(december, 8, "month", "after")
    assert shifted.start == date(2016, 3, 1) and shifted.end == date(2016, 4, 30)


def test_modal_may_is_not_a_month():
    assert find_times("They may march on the capital", PUB) == ()


PAST_FORMS = st.sampled_from([
    "in {month}", "on {weekday}", "last {weekday}", "{day} {month}", "{month} {day}", "early {month}",
    "last week", "last month", "last year", "yesterday", "{n} days ago", "{n} weeks ago", "earlier this month",
])
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=150, deadline=None)
@given(pub=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), form=PAST_FORMS,
       month=st.sampled_from(MONTHS), weekday=st.sampled_from(WEEKDAYS), day=st.integers(1, 28),
       n=st.integers(1, 12))
def test_past_tense_never_dates_after_publication_and_start_before_end(parse, pub, form, month, weekday, day, n):
    expression = form.format(month=month, weekday=weekday, day=day, n=n)
    text = f"Rebels attacked the town {expression}."
    for mention in find_times(text, pub, doc=parse(text)):
        assert mention.span.start <= mention.span.end
        assert mention.span.end <= pub


def test_every_window_carries_its_words():
    for m in find_times("right now, yesterday, in December, last week, on Friday", PUB):
        assert m.span is not None and m.span.evidence is not None
        assert m.span.evidence.text.strip()


_DATE_WORDS = ["In", "on", "the", "early", "late", "mid", "1990s", "'90s", "2016", "1987", "May", "SEPT.", "Jan",
               "December", "9", "21st", "Friday", "monday", "last", "this", "next", "week", "months", "years",
               "ago", "three", "a", "few", "after", "earlier", "since", "quarter", "second", "summer", "weekend",
               "recently", "now", "yesterday", "night", "-", ",", "of", "between", "and", "2020-05-09", "İ"]


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=10).map(" ".join))
def test_the_fast_scan_finds_what_each_pattern_finds(text):
    # find_times scans the lowercased text case-sensitively and skips a pattern none of
    # whose cue words occurs: neither may lose a match of the case-blind pattern
    lowered = text.lower()
    for order, (name, pattern) in enumerate(PATTERNS):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches(pattern, SCANNERS[order], text, lowered)] == expected, name
        if expected:
            assert any(cue in lowered for cue in CUES[name]), name


def test_every_pattern_is_written_in_lower_case_and_has_cues():
    assert set(CUES) == {name for name, _ in PATTERNS}
    for name, pattern in PATTERNS:
        assert pattern.pattern.replace("(?P<", "").islower(), name
