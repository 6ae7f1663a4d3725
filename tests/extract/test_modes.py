"""How an event was done: its PLOVER mode (extract/modes.py, data/plover_modes.yaml), on
sentences written for these tests."""

import pytest
from hypothesis import given, strategies as st

from sitrep.lexicon.modes import ModeRule, mode_table
from sitrep.extract.modes import _any_cue
from sitrep.lexicon.triggers import PLOVER_TYPES


def _modes(code_text, text, event_type):
    return [e["mode"] for e in code_text(text)["events"] if e["event_type"] == event_type]


@pytest.mark.parametrize("text, event_type, mode", [
    ("Government artillery shelled the rebel-held town of Karam on Monday.", "ASSAULT", "heavy-weapons"),
    # the bombs of warplanes are heavy weapons; a bomb on the road is an explosive
    ("Army warplanes bombed a market in the town of Karam on Monday.", "ASSAULT", "heavy-weapons"),
    ("A roadside bomb killed two soldiers near the town of Karam on Monday.", "ASSAULT", "explosives"),
    ("Two suicide bombers blew themselves up at a checkpoint in Karam on Monday.", "ASSAULT", "suicide-attack"),
    ("Gunmen shot dead the district governor outside his home in Karam on Monday.", "ASSAULT", "assassinate"),
    ("Militiamen armed with machetes attacked the village of Karam on Monday.", "ASSAULT", "primitive"),
    ("Gunmen kidnapped three aid workers near Karam on Monday.", "ASSAULT", "abduct"),
    ("Hundreds of prisoners began a hunger strike on Monday to protest their conditions.", "PROTEST", "hunger"),
    ("Traders blocked the main road into the capital on Monday to protest new taxes.", "PROTEST", "obstruct"),
    # the act done to protest is how the protest was made
    ("Dock workers walked out on Monday to protest against the sale of the port.", "PROTEST", "boycott"),
    ("Police imposed a curfew on the town of Karam on Monday.", "COERCE", "curfew"),
    ("Police arrested twelve opposition activists in the capital on Monday.", "COERCE", "arrest"),
    # a threat's mode is what it threatens
    ("The governor threatened to impose a curfew on the town on Monday.", "THREATEN", "restrict"),
    ("The rebels threatened to attack the capital if talks failed.", "THREATEN", "violence"),
    ("The president telephoned his Kenyan counterpart on Monday to discuss the border.", "CONSULT", "phone"),
])
def test_the_words_of_the_clause_give_the_mode(code_text, text, event_type, mode):
    assert mode in _modes(code_text, text, event_type)


def test_another_clause_is_not_read_for_the_mode(code_text):
    # the riots of last year are told in a clause about the place, not about this protest
    text = "Hundreds of residents demonstrated on Monday in Karam, where riots killed 24 people last year."
    assert _modes(code_text, text, "PROTEST")[0] == "demo"


def test_one_sentence_gives_each_event_its_own_mode(code_text):
    text = "Police opened fire on demonstrators in the capital on Monday and arrested twelve of them."
    out = code_text(text)["events"]
    modes = {e["event_type"]: e["mode"] for e in out}
    assert modes.get("COERCE") == "arrest"
    assert modes.get("ASSAULT") == "firearms"


def test_a_crowd_read_as_violent_riots_even_if_it_marched(code_text):
    out = code_text("Hundreds of youths marched through the town of Karam and set tyres on fire on Monday.")
    [protest] = [e for e in out["events"] if e["event_type"] == "PROTEST"]
    assert protest["acled_sub_event_type"] == "Violent demonstration" and protest["mode"] == "riot"


def test_killing_an_officer_among_others_is_no_assassination(code_text):
    modes = _modes(code_text, "Rebels killed an army commander and several soldiers near Karam on Monday.", "ASSAULT")
    assert "assassinate" not in modes


def test_a_triggers_default_mode_is_no_evidence(code_text):
    # the lexicon files an offensive with the fights, whose default is firearms; the
    # words say nothing of the weapons
    modes = _modes(code_text, "Rebels launched an offensive on the town of Karam on Monday.", "ASSAULT")
    assert modes == [None]


def test_an_event_with_no_cue_has_no_mode(code_text):
    modes = _modes(code_text, "Rebels attacked an army base near the town of Karam on Monday.", "ASSAULT")
    assert modes == [None]


def test_every_mode_type_is_a_plover_type_and_every_older_name_maps_to_a_mode():
    table = mode_table()
    assert set(table.rules) <= set(PLOVER_TYPES)
    for event_type, rules in table.rules.items():
        names = [rule.mode for rule in rules]
        assert len(names) == len(set(names)), event_type
    for event_type, names in table.legacy.items():
        assert set(names.values()) <= set(table.modes_of(event_type)), event_type
    assert table.current_name("PROTEST", "strike-hun") == "hunger"
    assert table.current_name("ASSAULT", "firearms") == "firearms"


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
_OTHER = st.text(alphabet="klmnopqrst", min_size=1, max_size=8)


@given(st.lists(_WORD, min_size=1, max_size=4), st.lists(_OTHER, max_size=3), st.lists(_OTHER, max_size=3))
def test_a_phrase_cue_matches_its_words_in_a_row_wherever_they_stand(phrase, before, after):
    rule = ModeRule.from_cues("m", [" ".join(phrase)])
    tokens = before + phrase + after
    assert _any_cue(rule, [(i, w, w) for i, w in enumerate(tokens)])
    if len(phrase) > 1:
        # a word between two of the phrase's words breaks it
        gapped = before + phrase[:1] + ["zzz"] + phrase[1:] + after
        assert not _any_cue(rule, [(i, w, w) for i, w in enumerate(gapped)])


def test_a_prefix_cue_matches_a_words_beginning_in_its_text_or_lemma():
    rule = ModeRule.from_cues("m", ["gun*"])
    assert _any_cue(rule, [(0, "gunmen", "gunman")])
    assert _any_cue(rule, [(0, "guns", "gun")])
    assert not _any_cue(rule, [(0, "begun", "begin")])


def test_a_hyphenated_cue_matches_the_tokens_it_is_split_into():
    rule = ModeRule.from_cues("m", ["sit-in"])
    assert _any_cue(rule, [(0, "a", "a"), (1, "sit", "sit"), (2, "-", "-"), (3, "in", "in")])
    assert not _any_cue(rule, [(1, "sit", "sit"), (3, "in", "in")])
