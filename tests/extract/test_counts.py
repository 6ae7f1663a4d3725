import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.counts import _stated_count, fatalities_in


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked the village, killing 12 people.", 12),
    ("At least twelve soldiers were killed in the ambush.", 12),
    ("The clashes resulted in more than 20 pro-Houthi elements killed.", 20),
    ("The shelling left 3 civilians dead.", 3),
    ("5 fatalities.", 5),
    ("The death toll rose to 40 on Tuesday.", 40),
    ("Six Al Shabaab fighters were reported killed.", 6),      # five words before the verb
    ("4 Boko Haram militants were confirmed dead.", 4),
    ("No fatalities nor injuries were reported.", 0),
    ("A man was found dead on a road.", 1),
    ("Two people were injured in the blast.", None),
])
def test_fatalities(text, expected):
    assert fatalities_in(text) == expected


@pytest.mark.parametrize("text, dead", [
    ("Gunmen killed several villagers.", 10),                  # ACLED codes "several" as 10
    ("Dozens of people were killed in the attack.", 12),
    ("An unknown number of militants were killed.", 10),
    ("Fighters killed 3 soldiers and several civilians.", 3),   # a stated number comes first
    ("Hundreds of protesters gathered.", None),                 # a crowd, not the dead
    ("Many people were injured.", None),
])
def test_vague_amounts_count_as_acled_codes_them(text, dead):
    assert fatalities_in(text) == dead


_COUNT_WORDS = ["killed", "Killing", "dead", "died", "slain", "executed", "beheaded", "lost", "their", "lives",
                "bodies", "body", "of", "fatalities", "FATALITIES", "casualties", "death", "toll", "rose", "to",
                "no", "were", "was", "a", "man", "at", "least", "12", "three", "dozens", "several", "people",
                "shot", "stabbed", "injured", "wounded", "and", ",", ".", "8 May 2020", "fatally", "found"]


@given(st.lists(st.sampled_from(_COUNT_WORDS), max_size=12).map(" ".join))
def test_passages_without_a_death_word_are_skipped_only_when_no_rule_would_count(passage):
    # the gate on death words must never hide a count the rules would find
    assert fatalities_in(passage) == _stated_count(passage)


@pytest.mark.parametrize("text, dead", [
    ("Two soldiers and five militants died in the fighting near Mopti.", 7),
    ("The fighting near Mopti killed two soldiers and five militants.", 7),
    ("Gunmen killed 3 policemen, 2 guards and 4 civilians at the checkpoint.", 9),
    ("Raiders killed 3 herders and 40 cows near the river.", 3),               # cattle are no fatalities
    ("Four people were wounded and one person died in hospital.", 1),          # the wounded did not die
    ("Gunmen killed 2 soldiers and injured 5 others.", 2),
])
def test_the_dead_of_a_list_are_summed(text, dead):
    assert fatalities_in(text) == dead
