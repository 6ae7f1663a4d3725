"""A reading near the article's other places gains support; a far namesake does not."""
from sitrep.geo.coherence import anchors_of, approximate_km, nearby_support
from sitrep.geo.gazetteer import Candidate


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
