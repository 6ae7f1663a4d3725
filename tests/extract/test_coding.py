"""Context that changes an event's ACLED type (extract/coding.py), on sentences written
for these tests."""

import pytest

from sitrep.extract.coding import refine_protest
from sitrep.model import EventCoding

PEACEFUL = EventCoding(event_type="PROTEST", mode="demo", acled_event_type="Protests",
                       acled_sub_event_type="Peaceful protest", cameo_root="14")


@pytest.mark.parametrize("sentence", [
    "Residents demonstrated and set the barricades on fire on the main road.",
    "A crowd set on fire barricades across the streets of the town.",
    "Hundreds of traders lit tyres and blocked the road near the market.",
    "Workers blocked the highway with burning tyres to demand their wages.",
    "Students marched to the ministry and threw rocks at passing cars.",
])
def test_a_crowd_that_burns_or_throws_riots(sentence):
    coding = refine_protest(PEACEFUL, sentence)
    assert (coding.acled_event_type, coding.acled_sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize("sentence", [
    "Nurses demonstrated quietly outside the hospital to demand their wages.",
    "Residents lit candles for the victims in front of the town hall.",
])
def test_a_quiet_crowd_protests(sentence):
    assert refine_protest(PEACEFUL, sentence) == PEACEFUL
