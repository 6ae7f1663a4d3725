"""Who did it and to whom (extract/roles.py): targets of non-violent and violent
acts and the doers of harms, on sentences written for these tests."""

import pytest


def _target_actors(out, trigger):
    event = next(e for e in out["events"] if e["trigger"] == trigger)
    return [a for a in event["actors"] if a["role"] == "target"]


def _targets(out, trigger):
    return [(a["name"], a["country"]) for a in _target_actors(out, trigger)]


@pytest.mark.parametrize("text,trigger,country", [
    # whose request, itself an event, is rejected
    ("The government of Yemen rejected a Kenyan request to extradite the suspect.", "rejected", "KEN"),
    # the beneficiary inside the complement's object ("dollars of aid for X")
    ("Danish ministers agreed on Monday to provide 20 million dollars of aid for Malawi.", "agreed", "MWI"),
    # what is delivered goes to its recipient
    ("Norway delivered food aid to Sudan last month.", "delivered food aid", "SDN"),
    # the other party of a meeting, and of evidence shared (with a country the tagger calls a person)
    ("Egyptian diplomats held a meeting with the foreign minister of Ghana on Friday.", "meeting", "GHA"),
    ("Canada shared evidence with Jordan about the attack.", "shared evidence", "JOR"),
    # troops offered to a country's president: not the doer's own troops
    ("Chad offered its soldiers to the president of Niger.", "offered", "NER"),
])
def test_whom_a_non_violent_act_is_aimed_at(code_text, text, trigger, country):
    out = code_text(text, pub="1995-05-12")
    assert [c for _, c in _targets(out, trigger)] == [country]


def test_what_the_doer_moves_of_its_own_is_not_the_target(code_text):
    out = code_text("Chad offered its soldiers to the president of Niger.", pub="1995-05-12")
    assert all(c != "TCD" for _, c in _targets(out, "offered"))


def test_a_country_a_non_violent_act_is_done_in_is_its_target(code_text):
    out = code_text("Thousands of students demonstrated on Tuesday in Kenya.", pub="1995-05-12")
    assert _targets(out, "demonstrated") == [("Government of Kenya", "KEN")]


def test_a_country_violence_is_done_in_is_not_its_target(code_text):
    out = code_text("Gunmen shot dead a farmer in Nigeria on Tuesday.", pub="2020-05-12")
    event = next(e for e in out["events"] if e["acled_event_type"])
    assert all(a["name"] != "Government of Nigeria" for a in event["actors"])


def test_a_clash_with_police_in_a_demonstration_is_no_armed_clash(code_text):
    out = code_text("On 7 May 2020, five workers were injured in a clash with police forces in Gazipur city "
                    "during their demonstration demanding unpaid wages.", pub="2020-05-12")
    assert {e["acled_event_type"] for e in out["events"]} & {"Riots", "Protests"}
    assert "Battles" not in {e["acled_event_type"] for e in out["events"]}


def test_a_later_non_violent_act_does_not_keep_a_death_count_from_the_killing(code_text):
    out = code_text("On 6 May 2020, in Tumeremo, a miner and members of his union were killed by unidentified "
                    "armed men. The victims were killed after the union rejected a meeting with the armed men. "
                    "2 fatalities", pub="2020-05-12")
    killing = next(e for e in out["events"] if e["acled_event_type"])
    assert killing["fatalities"] == 2


@pytest.mark.parametrize("text,source,target_inter", [
    ("On 9 June 2020, two militants were killed during clashes with the army in Kupwara.",
     "Military Forces of India", 2),
    ("On 9 June 2020, two militants were killed in a shoot-out with police in Srinagar.", "Police Forces of India", 2),
    ("On 9 June 2020, a drug trafficker was killed in Recife after exchanging fire with military police "
     "forces during a patrol.", "Police Forces of Brazil", 3),
])
def test_whom_the_harmed_fought_harmed_them(code_text, text, source, target_inter):
    out = code_text(text, pub="2020-06-12")
    killing = next(e for e in out["events"] if e["trigger"] == "killed")
    assert [a["name"] for a in killing["actors"] if a["role"] == "source"] == [source]
    assert [a["acled_inter"] for a in killing["actors"] if a["role"] == "target"] == [target_inter]


def test_a_passive_the_parser_gives_no_subject_still_has_whom_the_harmed_fought(code_text):
    # ("a drug trafficker" parsed as an apposition of the state before it)
    out = code_text("On 5 June 2020, in Recife, Pernambuco, a drug trafficker was killed after exchanging fire "
                    "with military police forces during a patrol.", pub="2020-06-12")
    killing = next(e for e in out["events"] if e["trigger"] == "killed")
    assert [a["name"] for a in killing["actors"] if a["role"] == "source"] == ["Police Forces of Brazil"]


def test_a_verb_the_parser_hangs_on_a_list_of_places_has_the_actors_before_it(code_text):
    out = code_text("On 2 June 2020, near Kyauk Taw Bridge, Ponnagyun Township, Sittwe District, Rakhine State, the Myanmar "
                    "military and AA clashed.", pub="2020-06-05")
    clash = next(e for e in out["events"] if e["trigger"] == "clashed")
    assert [(a["role"], a["name"]) for a in clash["actors"]] == [
        ("source", "Military Forces of Myanmar"), ("target", "Arakan Army")]


@pytest.mark.parametrize("text,trigger,source", [
    # the passive subject of a verb laying the act on it did it
    ("On 2 June 2020, police in Polokwane are accused of assaulting a taxi driver.", "assaulting",
     "Police Forces of South Africa"),
    # a verb the parser took for a noun, its subject parsed as a compound
    ("On 9 June 2020, a regime sniper shot and killed a civilian in Aleppo.", "shot", "Military Forces of Syria"),
    # prison services are a state's police
    ("On 6 June 2020, prison guards beat a journalist in Abidjan.", "beat", "Police Forces of Ivory Coast"),
])
def test_who_did_it(code_text, text, trigger, source):
    out = code_text(text, pub="2020-06-12")
    event = next(e for e in out["events"] if e["trigger"] == trigger)
    assert [a["name"] for a in event["actors"] if a["role"] == "source"] == [source]


def test_those_reported_killed_are_the_target(code_text):
    out = code_text("On 9 June 2020, twelve Houthi fighters were reported killed in Marib.", pub="2020-06-12")
    killing = next(e for e in out["events"] if e["trigger"] == "killed")
    assert [a["name"] for a in killing["actors"] if a["role"] == "target"] == ["Houthis"]


def _sources(out, trigger):
    event = next(e for e in out["events"] if e["trigger"] == trigger)
    return [a["name"] for a in event["actors"] if a["role"] == "source"]


def test_an_armed_partys_attack_of_is_its_own_and_its_repeller_the_target(code_text):
    out = code_text("On 5 May 2020, Afghan forces thwarted an attack of Taliban militants on a checkpoint in Kandahar.")
    assert _sources(out, "attack") == ["Taliban"]
    assert [n for n, _ in _targets(out, "attack")] == ["Military Forces of Afghanistan"]


def test_an_attack_of_unarmed_people_is_not_theirs(code_text):
    out = code_text("On 5 May 2020, gunmen carried out an attack of villagers near Kandahar.")
    assert _sources(out, "attack") == ["Unidentified Armed Group (Afghanistan)"]


@pytest.mark.parametrize("text,trigger,country", [
    # whom the call is made on, not what the called-on must move
    ("Kenya called on Uganda to withdraw its troops.", "called on", "UGA"),
    # what is called for is no party; whom it is aimed at is
    ("Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria.", "called for", "NGA"),
])
def test_whom_a_call_is_aimed_at(code_text, text, trigger, country):
    out = code_text(text, pub="1995-05-12")
    assert [c for _, c in _targets(out, trigger)] == [country]


def test_a_protest_naming_no_target_is_aimed_at_the_authority_its_sentence_names(code_text):
    out = code_text("Thousands marched in Karam in defiance of Chinese authorities to demand reforms.")
    [e] = [e for e in out["events"] if e["event_type"] == "PROTEST"]
    assert [(a["role"], a["country"]) for a in e["actors"] if a["role"] == "target"] == [("target", "CHN")]
    # whoever speaks of the protests is not whom they are aimed at
    out = code_text("Lukashenko condemned the protests.", pub="2021-03-01")
    assert all(a["role"] != "target" for e in out["events"] if e["event_type"] == "PROTEST" for a in e["actors"])


@pytest.mark.parametrize("text,country", [
    ("Israeli tanks fired four shells at targets near Karam.", "ISR"),
    ("Turkish drones struck positions near Karam.", "TUR"),
])
def test_a_states_armour_and_aircraft_are_its_forces(code_text, text, country):
    [e] = code_text(text)["events"]
    source = next(a for a in e["actors"] if a["role"] == "source")
    assert (source["country"], source["sector"]) == (country, "MIL")


def test_an_acronym_is_no_town_and_an_armoured_carrier_is_an_armed_target(code_text):
    # "APC" is also a Hungarian village: an organisation-like acronym is not its people
    out = code_text("On 2 May 2020, Taliban militants attacked an Afghan military APC in Balkh.", pub="2020-05-03")
    [e] = out["events"]
    assert e["acled_event_type"] == "Battles"
    assert all(not a["name"].startswith("Civilians") for a in e["actors"])


@pytest.mark.parametrize("text, trigger, target", [
    ("The assassination of Rafael Moreno shocked the capital.", "assassination", "Rafael Moreno"),
    ("Residents mourned after the abduction of two teachers near the school.", "abduction", "teachers"),
    ("The killing of a farmer by gunmen angered the village.", "killing", "farmer"),
])
def test_the_of_phrase_of_an_act_done_to_someone_names_who_suffered_it(code_text, text, trigger, target):
    out = code_text(text, pub="2020-05-12")
    assert any(target in a["text"] for a in _target_actors(out, trigger))


def test_the_of_phrase_of_an_attack_is_still_its_doer(code_text):
    out = code_text("Soldiers repelled an attack of the rebels on the base.", pub="2020-05-12")
    assert all("rebels" not in a["text"] for a in _target_actors(out, "repelled"))


def test_an_agent_no_word_places_is_of_its_sentences_country(code_text):
    text = ("The assassination of a judge shocked Colombia on Monday. "
            "In Nigeria, gunmen killed two farmers near Kano on Tuesday.")
    out = code_text(text, pub="2020-05-12")
    event = next(e for e in out["events"] if e["trigger"] == "killed")
    assert {a["country"] for a in event["actors"]} == {"NGA"}
