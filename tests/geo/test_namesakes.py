"""Namesakes: names the gazetteer reads as a place the text does not mean."""
from collections import Counter

from sitrep.geo.gazetteer import Candidate
from sitrep.geo.namesakes import acronym, far_namesakes, own_evidence
from sitrep.geo.recognition import ToponymSpan


def _span(key, start=0):
    return ToponymSpan(start, start + len(key), key, None, None, None, start, start + len(key), cued=True)


NIGERIA = Candidate(1, "Nigeria", 10.0, 8.0, "NG", "NGA", None, None, "PCLI", 10**8)
INDIAN_TOWN = Candidate(2, "Kuda", 23.1, 71.7, "IN", "IND", "09", None, "PPL", 16000)
CAMEROON_TOWN = Candidate(3, "Mora", 11.05, 14.14, "CM", "CMR", "04", None, "PPL", 40000)
INDIAN_CITY = Candidate(4, "Pune", 18.52, 73.86, "IN", "IND", "16", None, "PPL", 3_000_000)


def test_acronyms_are_short_and_in_capitals():
    assert acronym("JAS") and acronym("ADF") and not acronym("Boko Haram") and not acronym("Taliban")


def test_a_name_with_one_country_is_evidence_for_it():
    assert own_evidence([INDIAN_TOWN]) == Counter({"IND": 2})
    assert own_evidence([INDIAN_TOWN, CAMEROON_TOWN]) == Counter()


def test_only_small_towns_far_from_the_groups_country_are_namesakes():
    kuda, mora, pune = _span("kuda"), _span("mora", 10), _span("pune", 20)
    candidates = {kuda.reading: [INDIAN_TOWN], mora.reading: [CAMEROON_TOWN], pune.reading: [INDIAN_CITY]}
    spans = [kuda, mora, pune]
    context = Counter({"NGA": 1, "IND": 2, "CMR": 2})      # each name's own evidence, and the group
    # Mora is near Nigeria, Pune a city: only Kuda is a namesake, and only while no
    # other name of the story is in India
    assert far_namesakes([kuda, mora], candidates, context, [NIGERIA]) == {kuda.reading}
    assert far_namesakes(spans, candidates, context, [NIGERIA]) == set()
    assert far_namesakes([kuda], candidates, context, []) == set()
    # a demonym or an actor of India in the story keeps the town
    assert far_namesakes([kuda], candidates, Counter({"IND": 3}), [NIGERIA]) == set()
