import pytest

from sitrep.extract.counts import fatalities_in


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked the village, killing 12 people.", 12),
    ("At least twelve soldiers were killed in the ambush.", 12),
    ("The clashes resulted in more than 20 pro-Houthi elements killed.", 20),
    ("The shelling left 3 civilians dead.", 3),
    ("5 fatalities.", 5),
    ("The death toll rose to 40 on Tuesday.", 40),
    ("No fatalities nor injuries were reported.", 0),
    ("A man was found dead on a road.", 1),
    ("Two people were injured in the blast.", None),
    ("Dozens of people were killed.", None),
])
def test_fatalities(text, expected):
    assert fatalities_in(text) == expected
