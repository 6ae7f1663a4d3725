"""A story's local vocabulary sets it in a country (data/registers.yaml)."""
import pytest

from sitrep.coder import toponym_resolver
from sitrep.geo.registers import register_countries, registers


def _place(resources, parse, text, name):
    places, main = toponym_resolver(resources).resolve(parse(text), text)
    return next(p for p in places if p.evidence.text == name), main


def test_every_register_names_a_country_and_cues():
    assert registers().registers
    for register in registers().registers:
        assert len(register.country) == 3 and register.country.isupper()
        assert register.cues


@pytest.mark.parametrize("text, country", [
    ("The Sheriff's Office said the man was held in the County Jail.", "USA"),
    ("He was fined £400 at the Magistrates' Court.", "GBR"),
    ("The panchayat met on Monday.", "IND"),
])
def test_a_countrys_local_vocabulary_is_found(text, country):
    assert set(register_countries(text)) == {country}


def test_one_cue_counts_once_however_often_and_more_cues_weigh_more():
    one = register_countries("The Police Department said so. The Police Department agreed.")
    two = register_countries("The Police Department and the Fire Department said so.")
    assert one["USA"] < two["USA"]


def test_shared_words_are_no_cue():
    assert not register_countries("The county council and the high school paid $400.")


def test_a_namesake_of_a_world_city_in_american_local_news_is_the_american_town(resources, parse):
    plain = "Athens hosted the meeting on Monday, and officials said the repairs would take a week."
    local = ("Athens hosted the meeting on Monday. The Police Department and the Board of Education "
             "said the repairs would take a week.")
    abroad, _ = _place(resources, parse, plain, "Athens")
    at_home, main = _place(resources, parse, local, "Athens")
    assert abroad.country == "GRC"
    assert at_home.country == "USA" and main == "USA"


def test_a_country_named_outweighs_the_vocabulary(resources, parse):
    text = ("Officials in Greece said Athens would host the talks. "
            "The Police Department said roads would close.")
    athens, main = _place(resources, parse, text, "Athens")
    assert athens.country == "GRC" and main == "GRC"


def test_a_country_named_in_another_countrys_local_news_is_its_town(resources, parse):
    local = ("A 36-year-old Palestine man was arrested on Friday. The Sheriff's Office said he was "
             "held in the County Jail.")
    plain = "A 36-year-old Palestine man was arrested on Friday. He was held in jail."
    town, _ = _place(resources, parse, local, "Palestine")
    country, _ = _place(resources, parse, plain, "Palestine")
    assert town.country == "USA" and town.feature_code == "PPL"
    assert country.country == "PSE"


def test_one_cue_does_not_make_a_country_a_town(resources, parse):
    text = "Jordan sent aid on Friday, the Police Department said."
    jordan, _ = _place(resources, parse, text, "Jordan")
    assert jordan.country == "JOR"


@pytest.mark.parametrize("amount", ["£40", "£1,200.50", "£3m", "£2bn"])
def test_a_price_in_pounds_is_a_cue_however_written(amount):
    assert register_countries(f"The council paid {amount} for the repairs.") == {"GBR": 1}
