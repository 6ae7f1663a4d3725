from hypothesis import given
from hypothesis import strategies as st

from sitrep.geo.names import fold, is_latin


def test_transliterations_of_the_article_meet():
    assert fold("Deir al-Zor") == fold("Deir ez-Zor") == fold("Deir el-Zor")
    assert fold("Dayr az Zawr") == "dayr al zawr"


def test_diacritics_and_apostrophes_fold():
    assert fold("Ḩalab") == "halab"
    assert fold("Ma'rib") == fold("Marib")


def test_a_single_word_is_not_an_article():
    assert fold("As") == "as"


@given(st.text())
def test_fold_is_idempotent(name):
    assert fold(fold(name)) == fold(name)


def test_latin_script_detection():
    assert is_latin("Ḩimş") and is_latin("Tadmur")
    assert not is_latin("دير الزور")
