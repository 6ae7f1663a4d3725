"""Landmarks (geo/landmarks.py): sites in their towns, found by their whole names."""
from sitrep.coder import toponym_resolver
from sitrep.geo.landmarks import LandmarkMatcher, landmarks


def _places(resources, parse, text):
    places, main = toponym_resolver(resources).resolve(parse(text), text)
    return {p.evidence.text: p for p in places}, main


def test_landmarks_are_sites_in_their_towns(resources, parse):
    places, _ = _places(resources, parse, "The White House said talks at the Kremlin had failed.")
    white_house, kremlin = places["White House"], places["Kremlin"]
    assert white_house.precision == "site" and white_house.country == "USA" and "Washington" in white_house.name
    assert kremlin.precision == "site" and kremlin.country == "RUS" and "Moscow" in kremlin.name


def test_a_landmark_does_not_say_where_the_story_is(resources, parse):
    places, main = _places(resources, parse, "The Kremlin denied that its jets had bombed Idlib.")
    assert places["Idlib"].country == "SYR" and main == "SYR"


def test_landmark_matcher_reads_whole_capitalised_names(resources):
    matcher = LandmarkMatcher(resources.gazetteer)
    assert [m.town.country3 for m in matcher.find("A Broadway show opened near Red Square.")] == ["USA", "RUS"]
    assert matcher.find("broadway and the Broadways of other towns") == []
    assert all(lm.town and lm.country for lm in landmarks())


def test_a_landmark_modifying_a_noun_names_a_body_not_a_place(resources, parse):
    places, _ = _places(resources, parse, "A Kremlin critic was arrested in Moscow on Monday.")
    assert places["Kremlin"].adjectival and not places["Moscow"].adjectival


def test_a_landmark_the_text_puts_in_another_countrys_town_is_a_site_there(resources, parse):
    places, _ = _places(resources, parse, "Deputies gathered at the White House in Moscow on Monday.")
    assert places["White House"].country == "RUS" and places["White House"].name == "White House, Moscow"


def test_a_landmark_alias_is_a_whole_name_only(resources, parse):
    places, _ = _places(resources, parse, "Tenants of Block No. 10 in Hubli protested on Monday.")
    assert all(p.country != "GBR" for p in places.values())
