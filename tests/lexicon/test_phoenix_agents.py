"""The Phoenix agents parser, on lines written for this test."""
from hypothesis import given
from hypothesis import strategies as st

from sitrep.lexicon.phoenix_agents import PhoenixAgent, parse_agents


def test_substitution_sets_expand_where_they_stand():
    lines = ["!FOLK! = MAN, WOMAN", "HARBOUR!FOLK! [~AGR]", "!FOLK! OF_THE_PORT [~BUS]"]
    assert {a.phrase for a in parse_agents(lines)} == {
        "harbourman", "harbourwoman", "man of the port", "woman of the port"}


def test_plural_forms_and_codes():
    agents = list(parse_agents(["CHAMBER_OF_TRADE {CHAMBERS_OF_TRADE} [~BUS]", "ARMED_SECT [~INSREL]"]))
    assert [a.phrase for a in agents] == ["chamber of trade", "chambers of trade", "armed sect"]
    assert agents[-1].sector == "REB"      # CAMEO's insurgents are PLOVER's rebels


def test_lines_without_a_code_are_skipped():
    assert list(parse_agents(["# only a comment", "", "NO_CODE_HERE", "   "])) == []


def test_sector_is_the_first_role():
    assert PhoenixAgent("defence minister", "GOVMIL").sector == "GOV"


@given(st.lists(st.text(alphabet="AB_!{}[]~=, #", max_size=25), max_size=15))
def test_the_parser_never_fails_on_garbage(lines):
    for agent in parse_agents(lines):
        assert agent.phrase and "!" not in agent.phrase
