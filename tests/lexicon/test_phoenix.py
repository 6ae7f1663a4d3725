"""The Phoenix dictionary compiler, on a dictionary written for this test (the real
files stay in ../shared; sitrep never copies them)."""
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sitrep.lexicon.phoenix import AGENTS_FILE, PHOENIX_FILES, PhoenixIndex, build_phoenix_index, parse_phoenix

SAMPLE = """# a comment line
JOHN_DOE_  # CountryInfo.txt
+PRESIDENT_DOE_
+J._DOE
\t[ATLELI 700101-051121]
\t[ATLGOV >051122]
\t[ATLELI]
BLUE_BRIGADE_ [ATLREB]
+BLUE_FIGHTERS_
WORLD_PEACE_BODY_ [IGOUNO]
SHARED_NAME [ATLGOV]
OTHER_ENTRY [BORGOV]
+SHARED_NAME
EAST_SIDE_FRONT_ [EAFREB]
GLOBAL_HOLY_ARMY_ [IMGMUSXYZ]
"""


def _index(tmp_path):
    for name in PHOENIX_FILES:
        (tmp_path / name).write_text(SAMPLE if name == PHOENIX_FILES[0] else "", encoding="utf-8")
    path = build_phoenix_index(tmp_path, tmp_path / "phoenix.sqlite")
    return PhoenixIndex(path, frozenset({"ATL", "BOR"}))


def test_parser_reads_names_aliases_and_dated_roles():
    entries = list(parse_phoenix(SAMPLE.splitlines()))
    doe = entries[0]
    assert doe.name == "JOHN DOE" and doe.aliases == ("PRESIDENT DOE", "J. DOE")
    assert [(r.code, r.since, r.until) for r in doe.roles] == [
        ("ATLELI", date(1970, 1, 1), date(2005, 11, 21)), ("ATLGOV", date(2005, 11, 22), None), ("ATLELI", None, None)]
    assert [e.name for e in entries][:5] == ["JOHN DOE", "BLUE BRIGADE", "WORLD PEACE BODY", "SHARED NAME", "OTHER ENTRY"]


def test_a_role_holds_only_on_its_dates(tmp_path):
    index = _index(tmp_path)
    assert index.lookup("President Doe", date(2010, 5, 1)).sector == "GOV"
    assert index.lookup("John Doe", date(1999, 5, 1)).sector == "ELI"
    assert index.lookup("John Doe", date(2010, 5, 1)).country == "ATL"


def test_groups_organisations_and_ambiguous_names(tmp_path):
    index = _index(tmp_path)
    assert (index.lookup("the Blue Fighters", date(2020, 1, 1)).sector) == "REB"
    body = index.lookup("World Peace Body", date(2020, 1, 1))
    assert body.country is None and body.sector == "IGO"
    assert index.lookup("Shared Name", date(2020, 1, 1)) is None      # two actors: no guess
    assert index.lookup("Nobody", date(2020, 1, 1)) is None


def test_a_region_code_stands_for_no_country_and_the_role_follows_it(tmp_path):
    index = _index(tmp_path)
    front = index.lookup("East Side Front", date(2020, 1, 1))
    assert (front.country, front.sector) == (None, "REB")
    # an international militarised group is a non-state armed group
    assert index.lookup("Global Holy Army", date(2020, 1, 1)).sector == "REB"


@given(st.lists(st.text(alphabet="ABC_+[]>-0123456789 \t#", max_size=30), max_size=20))
def test_the_parser_never_fails_on_garbage(lines):
    for entry in parse_phoenix(lines):
        assert entry.name


AGENTS = """# agents written for this test
!FOLK! = MAN, WOMAN
HARBOUR!FOLK! [~AGR]
COURT_CLERK [~JUD]   # a comment after the code
CHAMBER_OF_TRADE {CHAMBERS_OF_TRADE} [~BUS]
RIVER_BOARD [~ENV}
TWO_CODES [~GOV]
TWO_CODES [~CVL]
"""


def test_agents_are_compiled_with_their_sectors(tmp_path):
    (tmp_path / AGENTS_FILE).write_text(AGENTS, encoding="utf-8")
    index = _index(tmp_path)
    assert index.agent("court clerk").sector == "JUD"
    assert index.agent("harbourwoman").sector == "AGR"
    assert index.agent("chambers of trade").code == "BUS"
    assert index.agent("river board").sector == "ENV"
    assert index.agent("two codes") is None        # the dictionary gives it two: no guess
    assert index.agent("nobody") is None


def test_an_index_without_the_agents_file_has_no_agents(tmp_path):
    assert _index(tmp_path).agent("court clerk") is None
