"""'Town, Division': a town named with its state or country is read inside it."""
import pytest

from sitrep.geo.apposition import inside
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
