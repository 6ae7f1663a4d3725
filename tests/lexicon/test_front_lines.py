"""The front lines data file and what it says of a place (lexicon/front_lines.py)."""
from datetime import date

from sitrep.lexicon.front_lines import front_lines


def _donbas():
    return next(line for line in front_lines() if line.id == "donbas_contact_line")


def test_each_line_names_lexicon_actors_for_both_sides(resources):
    for line in front_lines():
        assert line.listed_holder in resources.actors.actors
        assert line.other_holder in resources.actors.actors
        assert line.start < line.end and line.held_places


def test_a_held_place_is_found_whatever_its_spelling():
    line = _donbas()
    assert line.holder_of(["Zolote-5"]) == "donbass_militia"
    assert line.holder_of(["zolote 5"]) == "donbass_militia"       # folded as the gazetteer folds
    assert line.holder_of(["Horlivka"]) == line.holder_of(["Gorlovka"]) == "donbass_militia"
    assert line.holder_of(["Avdiivka"]) == "ukrainian_armed_forces"
    assert line.facing("donbass_militia") == "ukrainian_armed_forces"


def test_observers_are_whole_words():
    line = _donbas()
    assert line.observed_in("The OSCE SMM observed 12 explosions.")
    assert not line.observed_in("The SMMS team met in Kyiv.")
    assert line.start <= date(2020, 5, 1) <= line.end
