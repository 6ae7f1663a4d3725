"""Where an event happened: the tiers of PlaceLookup.for_trigger, on texts written for these tests."""
import pytest


def _located(code_text, text):
    out = code_text(text, pub="2020-05-10")
    return [(e["acled_event_type"], e["location"] and e["location"]["name"], e["location"] and e["location"]["text"])
            for e in out["events"]]


@pytest.mark.parametrize("text, place", [
    # the trigger's own argument before a place merely named in the sentence
    ("Gunmen killed two farmers in Kaduna, a week after talks in Abuja.", "Kaduna"),
    # a clause nested in the argument tells of another event
    ("Two soldiers were killed in an attack near Gao, which was followed by a blast in Bamako.", "Gao"),
    # a parenthesised division belongs to the argument
    ("Forces fired mortars at Hays city (Hays, Al Hudaydah).", "Hays"),
])
def test_the_event_is_where_its_arguments_say(code_text, text, place):
    located = _located(code_text, text)
    assert located and located[0][2] == place, located


def test_where_a_victim_came_from_is_not_an_argument_place(resources):
    from sitrep.extract.location import PlaceLookup

    text = "A driver from Abidjan was shot by police in Bouake."
    doc = next(iter(resources.nlp.pipe([text])))
    places, _ = resources_places(resources, doc, text)
    place, reason = PlaceLookup(places).for_trigger(next(t for t in doc if t.lower_ == "shot"), text)
    assert (place.evidence.text, reason) == ("Bouake", "argument of the trigger")


def resources_places(resources, doc, text):
    from sitrep.coder import toponym_resolver

    return toponym_resolver(resources).resolve(doc, text)
