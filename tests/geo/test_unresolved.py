"""Places the gazetteer lacks, named in a place's slot (geo/unresolved.py)."""
import pytest

from sitrep.geo.unresolved import UNRESOLVED_FEATURE


def _places(resources, text):
    from sitrep.coder import toponym_resolver

    doc = next(iter(resources.nlp.pipe([text])))
    places, _ = toponym_resolver(resources).resolve(doc, text)
    return places


@pytest.mark.parametrize("text, name, holder, precision", [
    ("Three civilians were killed during the shelling on Khanasir town in the countryside of Aleppo.",
     "Khanasir", "Aleppo", "district"),
    ("A roadside bomb detonated in the town of Mussaiyab, some 80 km south of Baghdad.",
     "Mussaiyab", "Baghdad", "district"),
    ("In Contagem, Minas Gerais, a man was shot in the Jardim Laguna neighborhood.",
     "Jardim Laguna", "Contagem", "district"),
])
def test_a_name_in_a_place_slot_is_placed_in_what_holds_it(resources, text, name, holder, precision):
    [place] = [p for p in _places(resources, text) if p.feature_code == UNRESOLVED_FEATURE]
    assert place.evidence.text == name and place.name == f"{name}, {holder}"
    assert place.precision == precision and place.geonameid is None and place.score < 0.5


def test_no_place_of_its_own_for_names_out_of_a_place_slot(resources):
    places = _places(resources, "Tawfik met Grannum in March at Google, said Reuters in Kabul.")
    assert not [p for p in places if p.feature_code == UNRESOLVED_FEATURE]


def test_an_event_is_where_the_unknown_village_is(code_text):
    out = code_text("Gunmen attacked the village of Tieba (Bankass, Mopti), killing two.", pub="2020-05-10")
    [event] = [e for e in out["events"] if e["acled_event_type"]]
    assert event["location"]["text"] == "Tieba" and event["location"]["precision"] == "district"


def test_a_name_whose_sentence_names_no_place_is_in_the_storys_home_town(resources):
    text = ("Flooding closed roads in Grand Forks on Monday. Grand Forks officials opened shelters. "
            "Volunteers evacuated the neighbourhood of Sorlie Heights.")
    [place] = [p for p in _places(resources, text) if p.feature_code == UNRESOLVED_FEATURE]
    assert place.name == "Sorlie Heights, Grand Forks" and place.precision == "district"


def test_no_home_town_when_two_towns_are_named_as_often(resources):
    from sitrep.geo.unresolved import home_town

    places = [p for p in _places(resources, "Storms hit Fargo and Moorhead. Fargo and Moorhead closed schools.")
              if p.feature_code != UNRESOLVED_FEATURE]
    assert home_town(places) is None
    assert home_town(places + places[:1]) is not None


def test_a_division_named_by_its_adjective_holds_an_unknown_name(resources):
    text = "Dagestani protesters gathered outside a school in the city's Zarechny district on Monday."
    [place] = [p for p in _places(resources, text) if p.feature_code == UNRESOLVED_FEATURE]
    assert place.country == "RUS" and place.precision == "province" and place.name.startswith("Zarechny")
