"""The article's other places: 'Town, Division' pairs, and readings near the other places."""
import pytest

from sitrep.geo.context import ReadingPairs, anchors_of, inside, nearby_support
from sitrep.geo.points import approximate_km
from sitrep.geo.gazetteer import Candidate
from sitrep.geo.names import fold


def _places(resources, parse, text):
    from sitrep.coder import toponym_resolver

    places, _ = toponym_resolver(resources).resolve(parse(text), text)
    return [(p.evidence.text, p.country, p.admin1, p.feature_code) for p in places]


@pytest.mark.parametrize("text, town, admin1", [
    ("He was born in Charleston, W.Va., and moved away.", "Charleston", "West Virginia"),
    ("The plant in Wheeling, W. Va. closed.", "Wheeling", "West Virginia"),
    ("A crash near Paris, Texas killed two.", "Paris", "Texas"),
    ("The meeting in Salem, Ore. ended.", "Salem", "Oregon"),
    ("Police in Halifax, N.S. said so.", "Halifax", "Nova Scotia"),
])
def test_a_town_is_read_inside_the_division_named_after_it(resources, parse, text, town, admin1):
    places = _places(resources, parse, text)
    found = next(p for p in places if p[0] == town)
    assert found[2] == admin1 and found[3] == "PPL"
    # the abbreviation or name after the comma is the division itself
    assert any(p[3] == "ADM1" and p[2] == admin1 for p in places if p[0] != town)


def test_the_division_is_read_as_the_one_that_holds_the_town(resources, parse):
    places = _places(resources, parse, "A visit to Tbilisi, Georgia and then to Atlanta, Georgia.")
    georgias = [p for p in places if p[0] == "Georgia"]
    assert [(p[1], p[3]) for p in georgias] == [("GEO", "PCLI"), ("USA", "ADM1")]


def test_a_list_of_places_is_not_a_pair(resources, parse):
    places = _places(resources, parse, "Shelling hit Aleppo, Idlib and Hama on Sunday.")
    assert [p[1] for p in places] == ["SYR", "SYR", "SYR"]
    assert all(p[3] == "PPL" for p in places)


def test_an_abbreviation_needs_a_period_a_place_label_or_a_town_before_it(resources, parse):
    places = _places(resources, parse, "Mass protests and a Miss Universe show.")
    assert places == []


def test_inside_is_about_containment_not_names(resources):
    g = resources.gazetteer
    georgia_state = next(c for c in g.lookup(fold("Georgia")) if c.feature_code == "ADM1")
    atlanta = next(c for c in g.lookup(fold("Atlanta")) if c.admin1_code == "GA")
    assert inside(atlanta, georgia_state)
    assert inside(atlanta, g.country("USA"))
    assert not inside(atlanta, g.country("GEO"))
    assert not inside(georgia_state, georgia_state)
    assert not inside(g.country("USA"), g.country("USA"))



def _town(gid, name, lat, lon, feature="PPL"):
    return Candidate(gid, name, lat, lon, "US", "USA", None, None, feature, 1000)


FARGO = _town(1, "Fargo", 46.877, -96.790)
ALEXANDRIA_MN = _town(2, "Alexandria", 45.885, -95.377)
ALEXANDRIA_VA = _town(3, "Alexandria", 38.805, -77.047)
MOORHEAD = _town(4, "Moorhead", 46.874, -96.767)


def test_distance_is_close_to_the_great_circle_at_short_range():
    assert 150 < approximate_km(FARGO, ALEXANDRIA_MN) < 170
    assert approximate_km(FARGO, FARGO) == 0


def test_support_falls_with_distance():
    anchors = [("fargo", FARGO)]
    near, far = (nearby_support(c, "alexandria", anchors) for c in (ALEXANDRIA_MN, ALEXANDRIA_VA))
    assert near > far == 0.0
    assert nearby_support(MOORHEAD, "moorhead", anchors) > near      # a neighbour, 2 km away


def test_a_name_is_no_anchor_for_itself_and_countries_get_no_support():
    assert nearby_support(ALEXANDRIA_MN, "alexandria", [("alexandria", ALEXANDRIA_MN)]) == 0.0
    country = _town(5, "United States", 39.76, -98.5, feature="PCLI")
    assert nearby_support(country, "united states", [("fargo", FARGO)]) == 0.0


def test_anchors_are_local_first_readings_one_per_name():
    country = _town(5, "United States", 39.76, -98.5, feature="PCLI")
    anchors = anchors_of([FARGO, None, country, FARGO], ["fargo", "x", "united states", "fargo"])
    assert anchors == [("fargo", FARGO)]


def test_a_division_holding_another_place_gets_the_support_its_towns_would():
    state = Candidate(10, "California", 37.0, -120.0, "US", "USA", "CA", "California", "ADM1", 10**7)
    fresno = Candidate(11, "Fresno", 36.75, -119.77, "US", "USA", "CA", None, "PPL", 500000)
    town = Candidate(12, "California", 38.3, -76.5, "US", "USA", "MD", None, "PPL", 13000)
    anchors = [("fresno", fresno), ("california", town)]
    assert nearby_support(state, "california", anchors) >= nearby_support(town, "california", anchors)
    assert nearby_support(state, "california", [("california", town)]) == 0.0


def test_readings_near_more_names_get_more_support():
    # three small towns a few km apart, each with a namesake far off
    a, b, c = _town(20, "Aville", 37.10, -101.20), _town(21, "Bton", 37.12, -101.05), _town(22, "Cburg", 37.20, -101.12)
    far_a = _town(23, "Aville", 35.00, -80.00)
    one = ReadingPairs({"aville": [a, far_a], "bton": [b]})
    two = ReadingPairs({"aville": [a, far_a], "bton": [b], "cburg": [c]})
    assert 0.0 == one.support(far_a, "aville") < one.support(a, "aville") < two.support(a, "aville")
    assert two.support(a, "aville") == two.support(b, "bton")
