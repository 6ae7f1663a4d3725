"""Actors named by title, institution, place and tenure, on texts written for these tests."""
from datetime import date
from dataclasses import replace

import pytest


def _actors(out):
    return [a for e in out["events"] for a in e["actors"]]


def _only_source(out):
    """The one source actor of the coded text (unpacking fails if there are more or none)."""
    [source] = [a for a in _actors(out) if a["role"] == "source"]
    return source


@pytest.mark.parametrize("text,name,country,sector", [
    ("US Senator Marco Rubio criticised the deal.", "Marco Rubio", "USA", "LEG"),
    ("French President Emmanuel Macron condemned the attack.", "Emmanuel Macron", "FRA", "GOV"),
    ("Maj. Gen. Peter Odhiambo threatened the rebels.", "Peter Odhiambo", None, "MIL"),
])
def test_a_title_gives_a_person_office_and_country(code_text, text, name, country, sector):
    out = code_text(text, pub="2022-05-01")
    [person] = [a for a in _actors(out) if a["name"] == name]
    assert person["sector"] == sector
    if country:
        assert person["country"] == country


def test_a_name_without_a_title_claims_nothing(code_text):
    out = code_text("Martin Kellerby criticised the deal.", pub="2022-05-01")
    [person] = [a for a in _actors(out) if a["role"] == "source"]
    assert person["country"] is None and person["sector"] is None


def test_a_former_minister_is_an_elite_not_the_government(code_text):
    out = code_text("A former Kenyan minister criticised the police.", pub="2022-05-01")
    source = _only_source(out)
    assert source["sector"] == "ELI" and source["country"] == "KEN"


def test_a_region_as_modifier_gives_the_country(code_text):
    out = code_text("Rakhine rebels attacked a border post.", pub="2022-05-01")
    source = _only_source(out)
    assert source["country"] == "MMR" and source["sector"] == "REB"


@pytest.mark.parametrize("text", [
    # the tagger reads a division's name it does not know as a common noun
    "Rakhine villagers fled the fighting.",
    # "Kachin" is the state's own name and an alternate name of a Ukrainian hamlet
    "Kachin rebels attacked a border post.",
])
def test_a_division_modifier_the_tagger_misreads_or_a_hamlet_shares_gives_the_country(code_text, text):
    out = code_text(text, pub="2022-05-01")
    source = _only_source(out)
    assert source["country"] == "MMR"


@pytest.mark.parametrize("text", ["Security forces fired on the crowd.", "Farmers blocked the road."])
def test_a_capitalised_common_noun_is_no_place_modifier(code_text, text):
    out = code_text(text, pub="2022-05-01")
    assert all(a["country"] is None for a in _actors(out) if a["role"] == "source")


def test_warplanes_of_a_country_are_its_military(code_text):
    out = code_text("Two Chinese warplanes entered the zone and fired on a boat.", pub="2022-05-01")
    assert any(a["name"] == "Military Forces of China" for a in _actors(out))


def test_state_forces_abroad_are_external_unless_the_story_has_places_at_home():
    from sitrep.extract.location import with_inter_for_location
    from sitrep.model import Actor, Evidence

    police = Actor("Police Forces of Afghanistan", "AFG", "COP", 1, "agent", Evidence(0, 6, "police"))
    # US forces in Deir ez-Zor, a story with no place in the US: external
    assert with_inter_for_location(replace(police, country="USA"), "SYR", frozenset({"SYR"}), {"SYR": 1}).acled_inter == 8
    # Afghan police in a village the gazetteer put in Greece, in a story set in Uruzgan: at home
    assert with_inter_for_location(police, "GRC", frozenset({"AFG", "GRC"}), {"AFG": 1, "GRC": 1}).acled_inter == 1
    # ... but a country the story names twice is where they went ("Abha airport in Saudi Arabia")
    assert with_inter_for_location(police, "SAU", frozenset({"AFG", "SAU"}), {"AFG": 3, "SAU": 2}).acled_inter == 8
    assert with_inter_for_location(police, "AFG").acled_inter == 1
    rebels = replace(police, sector="REB", acled_inter=2)
    assert with_inter_for_location(rebels, "PAK").acled_inter == 2


@pytest.mark.parametrize("text,name", [
    ("Kyiv police arrested two men on Monday.", "Police Forces of Ukraine"),
    # Madras: Chennai (4.7 million) and two villages abroad; the city is meant
    ("Madras police arrested two men on Monday.", "Police Forces of India"),
])
def test_a_city_as_modifier_gives_the_country(code_text, text, name):
    out = code_text(text, pub="2022-05-01")
    assert name in {a["name"] for a in _actors(out) if a["role"] == "source"}


@pytest.mark.parametrize("text,name,sector", [
    ("The CIA accused Iran of plotting attacks.", "Central Intelligence Agency", "SPY"),
    ("The Knesset rejected the plan.", "Legislature of Israel", "LEG"),
    ("People's Liberation Army troops fired on Indian soldiers.", "Military Forces of China", "MIL"),
])
def test_state_institutions_known_by_their_own_names(code_text, text, name, sector):
    out = code_text(text, pub="2022-05-01")
    [source] = [a for a in _actors(out) if a["role"] == "source"][:1]
    assert (source["name"], source["sector"]) == (name, sector)


def test_a_two_word_country_as_modifier_is_read_whole(code_text):
    out = code_text("Ivory Coast rebels rejected the peace plan on Friday.", pub="2003-05-01")
    assert {a["country"] for a in _actors(out) if a["role"] == "source"} == {"CIV"}


@pytest.mark.parametrize("text", [
    "Clan militias clashed with government forces near Galkayo on Monday.",
    "On Monday, militiamen from the Ayr clan clashed with government forces near Galkayo.",
    "Tribesmen clashed with government forces near Galkayo on Monday.",
])
def test_armed_groups_of_a_clan_or_community_are_identity_militias(code_text, text):
    out = code_text(text, pub="2020-05-05")
    [source] = [a for a in _actors(out) if a["role"] == "source"][:1]
    assert source["acled_inter"] == 4 and source["name"].startswith("Communal Militia")


def test_a_militia_of_no_community_stays_a_political_militia(code_text):
    out = code_text("Militiamen clashed with government forces near Galkayo on Monday.", pub="2020-05-05")
    [source] = [a for a in _actors(out) if a["role"] == "source"][:1]
    assert source["acled_inter"] == 3


@pytest.mark.parametrize("text,name,inter", [
    ("Imbonerakure attacked three opposition supporters in Mwaro on Friday.", "Imbonerakure", 3),
    ("New People's Army rebels ambushed a police patrol in Samar on Friday.", "New People's Army", 2),
    ("Maoist rebels attacked a police camp in Dantewada on Friday.", "CPI (Maoist)", 2),
])
def test_frequent_armed_actors_of_the_acled_theatres(code_text, text, name, inter):
    out = code_text(text, pub="2020-05-09")
    [source] = [a for a in _actors(out) if a["role"] == "source"][:1]
    assert (source["name"], source["acled_inter"]) == (name, inter)


@pytest.mark.parametrize("text, country, sector", [
    ("A Nigerian army unit attacked the village.", "NGA", "MIL"),         # the agent word modifies "unit"
    ("The Ethiopia state news agency criticised the ban.", "ETH", "GOV"),   # a country deeper in the phrase; state media speak for the state
    ("Syrian mercenaries attacked the village.", "SYR", "UAF"),
    ("Sweden's central bank criticised the plan.", "SWE", "GOV"),          # a two-word agent with an adjective
    ("Burkina Faso's ruling junta criticised the plan.", "BFA", "GOV"),   # a possessor of two words
    ("Police in Kabul arrested two men.", "AFG", "COP"),                    # a place the agent is in
])
def test_agents_take_the_country_their_noun_phrase_names(code_text, text, country, sector):
    out = code_text(text, pub="2022-05-01")
    source = _only_source(out)
    assert (source["country"], source["sector"]) == (country, sector)


@pytest.mark.parametrize("text, pub, name, country, sector, inter", [
    ("Macron condemned the attack.", "2018-03-01", "Emmanuel Macron", "FRA", "GOV", 1),
    ("Lukashenko condemned the protests.", "2021-03-01", "Alexander Lukashenko", "BLR", "GOV", 1),
    ("Imran Khan condemned the attack.", "2023-03-01", "Imran Khan", "PAK", "OPP", None),    # out of office
    ("Jens Stoltenberg condemned the attack.", "2020-03-01", "Jens Stoltenberg", None, "IGO", None),
])
def test_leaders_hold_their_office_on_the_day(code_text, text, pub, name, country, sector, inter):
    out = code_text(text, pub=pub)
    [person] = [a for a in _actors(out) if a["name"] == name]
    assert (person["country"], person["sector"], person["acled_inter"]) == (country, sector, inter)


@pytest.mark.parametrize("text, country, sector", [
    ("Ukrainian farmers protested in Kyiv.", "UKR", "AGR"),
    ("Doctors protested in Nairobi.", "KEN", "MED"),
    ("Kenyan journalists protested in Nairobi.", "KEN", "JRN"),
    ("Somali refugees protested in Dadaab.", "KEN", "REF"),   # protesters where they protest
    ("Muslim leaders condemned the attack in Paris.", "FRA", "REL"),
    ("A paramilitary group attacked the village in Cauca.", "COL", "PRM"),
])
def test_civilians_and_groups_take_plover_sectors(code_text, text, country, sector):
    out = code_text(text, pub="2022-05-01")
    sources = [a for a in _actors(out) if a["role"] == "source"]
    assert any(a["country"] == country and a["sector"] == sector for a in sources), sources


def test_civilians_by_trade_stay_civilians_for_acled(code_text):
    out = code_text("Gunmen killed two farmers in Zamfara.", pub="2022-05-01")
    [event] = out["events"]
    assert event["acled_event_type"] == "Violence against civilians"
    [target] = [a for a in event["actors"] if a["role"] == "target"]
    assert (target["sector"], target["acled_inter"]) == ("AGR", 7)


def test_a_country_acting_has_no_sector_and_its_capital_is_its_government(code_text):
    out = code_text("Turkey condemned the strike. Moscow rejected the proposal.", pub="2022-05-01")
    sources = {a["text"]: a for a in _actors(out) if a["role"] == "source"}
    assert (sources["Turkey"]["country"], sources["Turkey"]["sector"]) == ("TUR", None)
    assert (sources["Moscow"]["country"], sources["Moscow"]["sector"]) == ("RUS", "GOV")


def test_a_breakaway_region_is_a_pre_state_of_the_country_it_left(code_text):
    out = code_text("Abkhazia rejected the proposal.", pub="2022-05-01")
    source = _only_source(out)
    assert (source["country"], source["sector"]) == ("GEO", "PRE")


def test_a_country_acronym_is_one_only_in_capitals(resources):
    finder = resources.actor_finder()
    assert finder.country_of_word("CAR") == "CAF" and finder.country_of_word("car") is None
    assert finder.country_of_word("US") == "USA" and finder.country_of_word("us") is None


@pytest.mark.parametrize("text, name", [
    ("Tiv militias attacked two villages in Donga, Taraba.", "Tiv Ethnic Militia (Nigeria)"),
    ("Fulani herdsmen killed 12 villagers in Agatu, Benue.", "Fulani Ethnic Militia (Nigeria)"),
    ("Armed pastoralists attacked two farmers in Goz Beina, North Darfur.", "Communal Militia (Sudan)"),
    ("Militias from Umumubu and Omor clashed in Ayamelum, Anambra.", "Communal Militia (Nigeria)"),
    ("Clan-based clashes erupted near Galkayo, Mudug.", "Communal Militia (Somalia)"),
    # the feuding sides named as families or clans, armed or "between" whom it happened
    ("Two armed families clashed in Baidoa, Bay, over a well.", "Communal Militia (Somalia)"),
    ("Heavy fighting erupted between two rival clans near Beledweyne, Hiraan.", "Communal Militia (Somalia)"),
])
def test_armed_men_of_a_community_are_an_identity_militia(code_text, text, name):
    out = code_text(text, pub="2020-05-10")
    sources = [a for e in out["events"] for a in e["actors"] if a["role"] == "source"]
    assert any(a["name"] == name and a["acled_inter"] == 4 for a in sources), sources


def test_a_community_named_as_victims_stays_civilian(code_text):
    out = code_text("Gunmen killed three Fulani villagers in Zamfara.", pub="2020-05-10")
    targets = [a for e in out["events"] for a in e["actors"] if a["role"] == "target"]
    assert targets and all(a["acled_inter"] == 7 for a in targets)


def test_parties_are_pty_and_their_supporters_protest_or_riot(code_text):
    out = code_text("BNP activists protested in Dhaka. Supporters of the CNL and the CNDD-FDD fought each other "
                    "in Ntega, Kirundo.", pub="2020-05-10")
    kinds = {(e["acled_event_type"], a["name"], a["sector"], a["acled_inter"])
             for e in out["events"] for a in e["actors"] if a["role"] == "source"}
    assert ("Protests", "Protesters (Bangladesh)", "PTY", 6) in kinds
    assert any(t == "Riots" and inter == 5 for t, _, _, inter in kinds), kinds


def test_a_party_name_is_its_country_and_pty(resources):
    from sitrep.evaluation.actors import resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), "the Bharatiya Janata Party")
    assert (actor.country, actor.sector) == ("IND", "PTY")


@pytest.mark.parametrize("text, country", [("Transnistria", "MDA"), ("Somaliland", "SOM")])
def test_a_breakaway_region_the_model_does_not_know_is_still_a_pre_state(resources, text, country):
    from sitrep.evaluation.actors import resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), f"{text} held elections.")
    assert actor is not None and (actor.country, actor.sector) == (country, "PRE")


@pytest.mark.parametrize("text, on, sector, country", [
    ("a senior military intelligence agency officer", "2022-01-01", "SPY", None),
    ("a former FBI agent", "2022-01-01", "ELI", "USA"),           # out of the agency: an elite
    ("Taliban", "2020-05-01", "REB", "AFG"),                      # an insurgency ...
    ("Taliban", "2022-05-01", "GOV", "AFG"),                      # ... Afghanistan's government since August 2021
])
def test_sectors_of_officials_crowds_and_dated_groups(resources, text, on, sector, country):
    from datetime import date

    from sitrep.evaluation.actors import resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), text, "", date.fromisoformat(on))
    assert actor is not None and (actor.sector, actor.country) == (sector, country), actor


def test_a_plural_agent_the_tagger_took_for_a_name_is_still_the_agent(code_text):
    out = code_text("On 3 June 2021, Malay Muslim Separatists shot dead two rangers in Narathiwat, Thailand.")
    sources = [a for e in out["events"] for a in e["actors"] if a["role"] == "source"]
    assert sources and sources[0]["acled_inter"] == 2 and sources[0]["country"] == "THA"


def test_a_crowd_the_model_tags_as_a_person_is_still_a_crowd(resources):
    from datetime import date

    from spacy.tokens import Span

    text = "Antinuclear protesters gathered outside the plant."
    doc = resources.nlp(text)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]      # the model's mistake, made sure of
    found = resources.actor_finder().find(doc, text, date(2022, 1, 1), None)
    assert [(a.name, a.sector) for a in found] == [("Protesters (Unknown)", "CVL")]


def test_a_capital_as_subject_is_its_government(code_text):
    out = code_text("Tehran condemned the sanctions on Monday.", pub="2022-05-01")
    source = _only_source(out)
    assert (source["country"], source["sector"]) == ("IRN", "GOV")


def test_a_town_under_a_preposition_is_a_place_not_an_actor(code_text):
    out = code_text("Protesters marched in Mariupol on Monday.", pub="2022-05-01")
    assert not [a for a in _actors(out) if a["country"] == "UKR" and a["sector"] == "CVL" and a["text"] == "Mariupol"]
    assert any(p["name"] == "Mariupol" for p in out["places"])


def test_a_town_alone_as_an_actor_is_its_people(resources):
    from sitrep.evaluation.actors import resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), "Mariupol")
    assert (actor.country, actor.sector, actor.acled_inter) == ("UKR", "CVL", 7)


def test_a_demonym_alone_is_its_state(resources):
    from sitrep.evaluation.actors import resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), "British")
    assert (actor.country, actor.sector, actor.kind) == ("GBR", None, "state")


PHOENIX_AGENTS = "NOTARY [~JUD]\nCANNONEER [~MIL]\nPASSERBY [~CVL]\n"


@pytest.fixture
def finder_with_agents(tmp_path, resources):
    from sitrep.extract.actors import ActorFinder
    from sitrep.lexicon.phoenix import AGENTS_FILE, PHOENIX_FILES, PhoenixIndex, build_phoenix_index

    for name in PHOENIX_FILES:
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / AGENTS_FILE).write_text(PHOENIX_AGENTS, encoding="utf-8")
    index = PhoenixIndex(build_phoenix_index(tmp_path, tmp_path / "p.sqlite"), resources.gazetteer.country_codes())
    return ActorFinder(resources.actors, resources.gazetteer, index)


def test_a_role_noun_only_the_phoenix_agents_know_gets_their_sector(resources, finder_with_agents, parse):
    from datetime import date

    text = "A Kenyan notary complained."
    [notary] = finder_with_agents.find(parse(text), text, date(2022, 5, 1), None)
    assert (notary.sector, notary.country, notary.acled_inter) == ("JUD", "KEN", 1)
    # without the dictionary, no actor
    from sitrep.extract.actors import ActorFinder

    bare = ActorFinder(resources.actors, resources.gazetteer, None)
    assert bare.find(parse(text), text, date(2022, 5, 1), None) == ()


def test_the_phoenix_military_and_civilian_nouns_are_left_to_the_curated_agents(finder_with_agents, parse):
    from datetime import date

    for text in ("A cannoneer fired.", "A passerby fell."):
        assert all(a.evidence.text not in ("cannoneer", "passerby")
                   for a in finder_with_agents.find(parse(text), text, date(2022, 5, 1), None))


@pytest.mark.parametrize("text", ["European Union lawmakers", "the EU legislature"])
def test_a_named_body_s_legislature_is_its_legislature(resources, text):
    from sitrep.evaluation.actors import _country_code, resolve_actor_text

    actor = resolve_actor_text(resources, resources.actor_finder(), text)
    assert actor.sector == "LEG" and _country_code(resources, actor) == "EUR"


def test_a_title_is_not_read_as_a_place(resources, parse):
    # "Minister" is also a GeoNames alternate name of Minster, Ohio: a title word
    # before an office noun must not make the officer American
    text = "Deputy Minister of Defense Colonel-General Ivan Petrov"
    found = resources.actor_finder().find(parse(text), text, date(2022, 5, 1), None)
    assert found and all(a.country != "USA" for a in found)


def test_a_country_name_with_its_of_phrase_modifies_an_agent(code_text):
    # read word by word, "Republic" is a town in Missouri
    out = code_text("Republic of Korea marines fired on a boat.", pub="2022-05-01")
    source = _only_source(out)
    assert source["country"] == "KOR" and source["sector"] == "MIL"


def test_a_place_of_two_words_in_a_militia_name_gives_its_country(code_text):
    # "Self Defense Forces" is a militia; "Puerto Boyaca" a Colombian town, read as one name
    out = code_text("Puerto Boyaca Self Defense Forces attacked a village.", pub="2022-05-01")
    source = _only_source(out)
    assert source["sector"] == "PRM" and source["country"] == "COL"


def test_somali_militia_of_the_curated_lexicon(code_text):
    out = code_text("Ahlu Sunna Wal Jama'a fighters attacked al-Shabaab in Guriel.", pub="2022-05-01")
    source = _only_source(out)
    assert source["name"] == "Ahlu Sunna Wal Jamaa" and source["country"] == "SOM"


def test_a_place_of_several_words_counts_under_its_own_name_only(code_text):
    # "White House" is also an alternate name of Casablanca (Dar el Beida)
    out = code_text("A former White House official criticised the plan.", pub="2022-05-01")
    source = _only_source(out)
    assert source["country"] == "USA"


def test_a_noun_the_agent_reader_skips_is_one_no_rule_reads(coder, parse, monkeypatch):
    # AgentReader.agent returns at once for a word no agent noun, phrase or role ends
    # with; read in full, such a word must give no agent either
    from pathlib import Path

    reader = next(s for s in coder.pipeline.stages if s.name == "actors").finder.agents
    texts = [path.read_text(encoding="utf-8") for path in
             sorted((Path(__file__).parents[2] / "examples").glob("*.txt"))]
    texts.append("An armed group attacked the village. A defense attorney, two farmer groups and "
                 "Muslim leaders condemned it, and gang members fled.")
    nouns = [tok for text in texts for tok in parse(text) if tok.pos_ in ("NOUN", "PROPN")]
    skipped = [tok for tok in nouns if not reader.could_be_agent(tok)]
    assert len(skipped) > 50
    monkeypatch.setattr(reader, "could_be_agent", lambda tok: True)
    assert any(reader.agent(tok, tok.doc.text, "SYR") for tok in nouns if tok.lower_ in ("group", "attorney"))
    for tok in skipped:
        assert reader.agent(tok, tok.doc.text, "SYR") is None, tok.text


# agents named by their role alone, on sentences written for these tests
@pytest.mark.parametrize("text,role,name_start,country,sector,inter", [
    # people named by nothing but being people: no sector of their own, civilians to ACLED
    ("Gunmen abducted three men near the market.", "target", "Civilians", None, "UNK", 7),
    ("A police inspector arrested two traders.", "source", "Police Forces", None, "COP", 1),
    # an institution is where its "of" phrase says
    ("Students of the University of Nairobi protested against the fees.", "source", "Protesters", "KEN", "EDU", 6),
    # a body an adjective calls legislative; a country named with its "of" phrase
    ("The legislative body of Kenya condemned the attack.", "source", "Legislature", "KEN", "LEG", 1),
    ("A parliamentary delegation criticised the police.", "source", "Legislature", None, "LEG", 1),
    ("The breakaway republic accused the army of shelling.", "source", "Breakaway State", None, "PRE", None),
])
def test_role_nouns_name_agents(code_text, text, role, name_start, country, sector, inter):
    out = code_text(text, pub="2022-05-01")
    [actor] = [a for a in _actors(out) if a["role"] == role][:1]
    assert actor["name"].startswith(name_start)
    assert (actor["country"], actor["sector"], actor["acled_inter"]) == (country, sector, inter)


def test_an_unidentified_man_is_still_a_civilian_victim(code_text):
    out = code_text("Gunmen shot dead a man in the market.", pub="2022-05-01")
    assert any(e["acled_sub_event_type"] == "Attack" for e in out["events"])


def test_a_long_capitalised_title_gives_the_office(code_text):
    out = code_text("Deputy Minister of Interior Major-General Samuel Otieno criticised the rebels.", pub="2022-05-01")
    [person] = [a for a in _actors(out) if a["name"] == "Samuel Otieno"]
    assert person["sector"] == "GOV"


def test_a_title_in_apposition_gives_office_and_country(code_text):
    out = code_text("Samuel Otieno, Kenya's deputy foreign minister, criticised the rebels.", pub="2022-05-01")
    [person] = [a for a in _actors(out) if a["name"] == "Samuel Otieno"]
    assert (person["country"], person["sector"]) == ("KEN", "GOV")


@pytest.mark.parametrize("text,country", [
    # a town after "of" places the office holder, not only a country's name
    ("The governor of Kandahar resigned.", "AFG"),
    # a country word modifying the body after "of"
    ("The leader of the Kenyan Farmers Union resigned.", "KEN"),
    # an institution after "at", by the town it is named after or by where it is said to be
    ("a lecturer at Kabul University", "AFG"),
    ("a surgeon at a hospital in Mosul", "IRQ"),
])
def test_the_body_or_place_after_a_preposition_gives_the_country(resources, text, country):
    from sitrep.evaluation.actors import resolve_actor_text
    actor = resolve_actor_text(resources, resources.actor_finder(), text)
    assert actor is not None and actor.country == country


def test_a_stated_country_outweighs_a_namesake_in_an_institutions_name(resources):
    # the Perth in Australia dwarfs the Scottish one; "in Scotland" says which is meant
    from sitrep.evaluation.actors import resolve_actor_text
    actor = resolve_actor_text(resources, resources.actor_finder(),
                               "A historian at the University of Perth in Scotland spoke.")
    assert actor is not None and actor.country == "GBR"


def test_a_person_named_after_a_place_is_no_place(resources):
    # "Avril" is also a French village: a person's name after "of" is no place
    from sitrep.evaluation.actors import resolve_actor_text
    actor = resolve_actor_text(resources, resources.actor_finder(),
                               "The cabinet of Prime Minister Jean-Pierre Avril resigned.")
    assert actor is None or actor.country != "FRA"


def test_a_country_the_tagger_takes_for_a_person_with_its_possessive_is_no_person(resources):
    # with a curly apostrophe the tagger reads "Burkina Faso’s" as a person's name
    from sitrep.evaluation.actors import resolve_actor_text
    actor = resolve_actor_text(resources, resources.actor_finder(), "Burkina Faso\u2019s exiled")
    assert actor is not None and actor.country == "BFA" and actor.kind != "person"


def test_a_continent_labelled_a_location_is_no_state(resources, parse):
    # Antarctica has a country code in GeoNames, but it is a continent and no state
    text = "Chile sent a team of scientists to Antarctica."
    found = resources.actor_finder().find(parse(text), text, date(2022, 5, 1), None)
    assert all(a.country != "ATA" for a in found)


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a village chief near Gao on Sunday.",
    "Gunmen shot dead the chief of Tungan Bako village in Zamfara on Sunday.",
    "Armed men killed the head of the Berom community in Jos on Sunday.",
])
def test_a_village_or_community_chief_is_a_civilian(code_text, text):
    out = code_text(text, pub="2019-05-01")
    [e] = [e for e in out["events"] if e["acled_event_type"]]
    [target] = [a for a in e["actors"] if a["role"] == "target"]
    assert (target["acled_inter"], e["acled_event_type"]) == (7, "Violence against civilians")


def test_a_chief_of_staff_is_no_village_chief(code_text):
    out = code_text("Gunmen killed the chief of army staff in Kabul on Sunday.", pub="2019-05-01")
    assert all(a["acled_inter"] != 7 for a in _actors(out) if a["role"] == "target")


def test_a_former_soldier_is_a_civilian_target(code_text):
    out = code_text("Militia members killed a former soldier in Bunia on Sunday.", pub="2019-05-01")
    [e] = [e for e in out["events"] if e["acled_event_type"]]
    [target] = [a for a in e["actors"] if a["role"] == "target"]
    assert (target["sector"], target["acled_inter"], e["acled_event_type"]) == ("ELI", 7, "Violence against civilians")


@pytest.mark.parametrize("text,name,inter", [
    # the state's own gunmen, not a pro-government militia
    ("Regime snipers killed two civilians in Daraa on Friday.", "Military Forces of Syria", 1),
    ("Pro-government gunmen shot a trader in Aden on Friday.", "Unidentified Armed Group (Yemen)", 3),
    # coordinated passives share their "by": the soldiers did the killing too
    ("Two herders were killed and one was wounded by Malian soldiers near Mopti on Friday.",
     "Military Forces of Mali", 1),
])
def test_who_the_gunmen_are(code_text, text, name, inter):
    out = code_text(text, pub="2020-05-10")
    source = next(a for e in out["events"] for a in e["actors"] if a["role"] == "source")
    assert (source["name"], source["acled_inter"]) == (name, inter)


@pytest.mark.parametrize("text,name,inter", [
    # the parser files the hyphenated name as an adjective of "militiamen"
    ("Anti-Balaka militiamen killed three civilians in Bangui.", "Anti-Balaka", 3),
    ("CRPF personnel killed two rebels in Sukma.", "Police Forces of India", 1),
    ("MINUSCA peacekeepers exchanged fire with gunmen in Bangui.", "MINUSCA", 8),
])
def test_a_named_force_is_its_own_actor_with_its_acled_type(code_text, text, name, inter):
    source = next(a for a in _actors(code_text(text, pub="2016-03-05")) if a["role"] == "source")
    assert (source["name"], source["acled_inter"]) == (name, inter)


@pytest.fixture
def finder_with_a_person(tmp_path, resources):
    from sitrep.extract.actors import ActorFinder
    from sitrep.lexicon.phoenix import PHOENIX_FILES, PhoenixIndex, build_phoenix_index

    for name in PHOENIX_FILES:
        (tmp_path / name).write_text("PETER_KAMAU_ [KENELI]\n" if name == PHOENIX_FILES[0] else "", encoding="utf-8")
    index = PhoenixIndex(build_phoenix_index(tmp_path, tmp_path / "p.sqlite"), resources.gazetteer.country_codes())
    return ActorFinder(resources.actors, resources.gazetteer, index)


@pytest.mark.parametrize("text,country,sector,known", [
    # the dictionary says a Kenyan elite; the text's title says what he is now
    ("Kenyan President Peter Kamau met the envoy.", "KEN", "GOV", True),
    ("Peter Kamau met the envoy.", "KEN", "ELI", True),
    ("Former President Peter Kamau met the envoy.", "KEN", "ELI", True),
    # a title of another country: another man of that name
    ("President Peter Kamau of Uganda met the envoy.", "UGA", "GOV", False),
])
def test_a_known_persons_title_in_the_text_says_their_office(finder_with_a_person, parse, text, country, sector, known):
    from datetime import date

    [person] = [a for a in finder_with_a_person.find(parse(text), text, date(2022, 5, 1), None) if a.kind == "person"]
    assert (person.country, person.sector, person.lexicon_id is not None) == (country, sector, known)


def test_an_identity_groups_name_is_no_place(code_text):
    # "Nuer" folds to a Chinese village's name: the group's militia is of its own country
    source = _only_source(code_text("Nuer militia attacked a village in Warrap state.", pub="2020-05-01"))
    assert (source["name"], source["acled_inter"]) == ("Nuer Ethnic Militia (South Sudan)", 4)


def test_a_modifier_of_a_modifier_arms_the_group(code_text):
    # "Armed" hangs on "Afar", not on "men": armed Afar men are an Afar militia, no crowd
    source = _only_source(code_text("Armed Afar men attacked a village.", pub="2020-05-01"))
    assert (source["name"], source["acled_inter"]) == ("Afar Ethnic Militia (Ethiopia)", 4)
