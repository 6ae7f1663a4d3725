"""State bodies known by their own names, their officers, and the country of a phrase
that names no actor; on texts written for these tests."""
from datetime import date

import pytest

ON = date(2021, 6, 1)


@pytest.fixture(scope="module")
def actors_in(resources, parse):
    finder = resources.actor_finder()

    def run(text: str, main_country=None):
        return finder.find(parse(text), text, ON, main_country)

    return run


@pytest.mark.parametrize("text,name,country", [
    ("The Storting passed the budget.", "Legislature of Norway", "NOR"),
    ("The Sejm rejected the bill.", "Legislature of Poland", "POL"),
    ("The Saeima approved the treaty.", "Legislature of Latvia", "LVA"),
    ("The Knesset dissolved itself.", "Legislature of Israel", "ISR"),
    ("Downing Street denied the report.", "Government of United Kingdom", "GBR"),
    ("The Elysee denied the report.", "Government of France", "FRA"),
    ("The Proud Boys marched downtown.", "Proud Boys", "USA"),
    ("KCNA reported the launch.", "Korean Central News Agency", "PRK"),
])
def test_a_body_known_by_its_own_name(actors_in, text, name, country):
    [actor] = [a for a in actors_in(text) if a.name == name]
    assert actor.country == country


def test_a_legislature_is_a_state_body_of_legislators(resources):
    entry = resources.actors.by_alias("Folketing")
    assert (entry.name, entry.country, entry.sector, entry.inter) == ("Legislature of Denmark", "DNK", "LEG", 1)


def test_a_news_agency_acronym_is_not_a_town(actors_in):
    # "SANA" written so is the agency; the town of Sanaa is a place, no actor
    [agency] = [a for a in actors_in("SANA said rebels shelled the town.") if a.evidence.text == "SANA"]
    assert agency.country == "SYR" and agency.sector == "JRN"


def test_the_officer_of_a_legislature_is_a_legislator_of_its_country(actors_in):
    [speaker] = [a for a in actors_in("The speaker of the Storting condemned the attack.", "SWE")
                 if a.evidence.text.startswith("speaker")]
    assert (speaker.country, speaker.sector, speaker.acled_inter) == ("NOR", "LEG", 1)


def test_the_officer_of_an_international_body_has_no_country_but_its_family(resources, actors_in):
    from sitrep.evaluation.actors import _country_code

    [officer] = [a for a in actors_in("The president of the European Commission met farmers.", "FRA")
                 if a.evidence.text.startswith("president")]
    # not the story's country: the body is the EU's
    assert officer.country is None and officer.lexicon_id == "european_commission"
    assert _country_code(resources, officer) == "EUR"


def test_a_spokesman_for_a_group_is_of_the_groups_country(actors_in):
    [spokesman] = [a for a in actors_in("A spokesman for Hezbollah denied it.", "ISR")
                   if a.evidence.text.lower().startswith("spokesman")]
    assert spokesman.country == "LBN"


@pytest.mark.parametrize("text,country", [
    ("a Libyan oil terminal", "LBY"),
    ("a crowded market in Nairobi", "KEN"),
    ("the Queensland Cane Growers Council", "AUS"),
    ("an Antarctica research station", None),
    ("a US-backed radio station", None),
    ("a quiet island", None),
])
def test_the_country_a_phrase_without_an_actor_is_about(resources, parse, text, country):
    from sitrep.extract.phrase_country import country_in_phrase

    assert country_in_phrase(resources.actor_finder(), parse(text)) == country
