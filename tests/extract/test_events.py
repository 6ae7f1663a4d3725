"""Event coding on short texts written for these tests."""

import pytest


def _events(out):
    return {e["trigger"]: e for e in out["events"]}


def test_explicit_date_place_actors_and_fatalities(code_text):
    out = code_text("On 9 May 2020, Al Shabaab militants attacked a military base in Kismayo, killing "
                    "four soldiers.", pub="2020-05-11")
    e = _events(out)["attacked"]
    assert e["acled_event_type"] == "Battles" and e["acled_sub_event_type"] == "Armed clash"
    assert [a["name"] for a in e["actors"] if a["role"] == "source"] == ["Al Shabaab"]
    assert e["date"]["start"] == "2020-05-09" and e["date"]["method"] == "explicit"
    assert e["location"]["country"] == "SOM"
    assert e["fatalities"] == 4


def test_protest_with_intervention(code_text):
    out = code_text("Hundreds of protesters demonstrated in Accra on Tuesday; police dispersed them with "
                    "tear gas.", pub="2020-05-08")
    e = _events(out)["demonstrated"]
    assert e["acled_sub_event_type"] == "Protest with intervention"
    assert e["actors"][0]["acled_inter"] == 6


def test_weapon_decides_the_acled_sub_type(code_text):
    out = code_text("A Russian missile strike killed five civilians in Kharkiv on Sunday.", pub="2024-05-20")
    [e] = [e for e in out["events"] if e["acled_event_type"] == "Explosions/Remote violence"]
    assert e["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["actors"][0]["name"] == "Military Forces of Russia"


def test_foreign_forces_are_acled_external(code_text):
    out = code_text("US special forces raided an Islamic State hideout in Raqqa on Monday.", pub="2017-01-23")
    e = _events(out)["raided"]
    source = next(a for a in e["actors"] if a["role"] == "source")
    assert source["country"] == "USA" and source["acled_inter"] == 8


def test_a_trigger_without_any_participant_is_not_an_event(code_text):
    out = code_text("The base of operations lies in the desert.")
    assert out["events"] == []


def test_joint_act_has_both_parties(code_text):
    out = code_text("The army and the Rapid Support Forces agreed a ceasefire in Jeddah.", pub="2023-06-12")
    e = _events(out)["agreed"]
    roles = {a["role"]: a["name"] for a in e["actors"]}
    assert roles["target"] == "Rapid Support Forces"


def test_a_hyphenated_trigger_is_governed_by_its_clause(code_text):
    # "shoot - out" is split by the tokenizer; the clause governs "out", not "shoot"
    out = code_text("On 4 May 2020, it was reported that a shoot-out took place in a neighbourhood of "
                    "Belford Roxo.", pub="2020-05-11")
    e = _events(out)["shoot-out"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Battles", "Armed clash")


def test_a_clause_that_names_doer_and_victim_reports_an_event(code_text):
    # neither party is in the lexicon, but the clause says who did what to whom
    out = code_text("On 8 May 2020, Zorglub militiamen's cousins tortured a Vexor member.", pub="2020-05-12")
    e = _events(out)["tortured"]
    assert e["acled_event_type"] == "Violence against civilians"
    assert e["confidence"] < 0.5


def test_a_happening_verb_reports_its_subject(code_text):
    out = code_text("Heavy clashes broke out overnight.", pub="2020-05-12")
    assert _events(out)["clashes"]["acled_event_type"] == "Battles"


def test_the_same_noun_as_a_topic_is_no_event(code_text):
    out = code_text("The report discusses clashes and their causes.", pub="2020-05-12")
    assert "clashes" not in _events(out)


def test_a_later_sentence_keeps_the_paragraph_date(code_text):
    out = code_text("On 5 May 2020, soldiers raided a camp in Kismayo. Police arrested two men.",
                    pub="2020-05-12")
    arrest = _events(out)["arrested"]
    assert arrest["date"]["start"] == arrest["date"]["end"] == "2020-05-05"


def test_a_new_paragraph_does_not_keep_the_date(code_text):
    out = code_text("On 5 May 2020, soldiers raided a camp in Kismayo.\nPolice arrested two men.",
                    pub="2020-05-12")
    arrest = _events(out)["arrested"]
    assert arrest["date"]["method"] == "publication" and arrest["date"]["start"] == "2020-05-12"


def test_a_year_does_not_carry_forward(code_text):
    out = code_text("In 2019, the group seized a town. Police arrested two men.", pub="2020-05-12")
    assert _events(out)["arrested"]["date"]["method"] == "publication"


def test_a_crowd_demanding_in_public_is_a_protest(code_text):
    out = code_text("On 5 May 2020, hundreds of workers in Monclova demanded the payment of their salaries.",
                    pub="2020-05-12")
    e = _events(out)["demanded"]
    assert e["event_type"] == "PROTEST" and e["acled_event_type"] == "Protests"


def test_one_official_demanding_is_a_request(code_text):
    out = code_text("The minister demanded an inquiry into the killings.", pub="2020-05-12")
    assert _events(out)["demanded"]["event_type"] == "REQUEST"


def test_taking_to_the_streets_is_a_protest(code_text):
    out = code_text("On 8 May 2020, supporters of the opposition took to the streets of Lilongwe.", pub="2020-05-12")
    [e] = [e for e in out["events"] if e["event_type"] == "PROTEST"]
    assert e["trigger"].startswith("took")


def test_shot_and_killed_shares_its_object(code_text):
    # the police officer is the target of "shot" too, so the attack is on an armed actor
    out = code_text("On 28 April 2020, Al Shabaab militants shot and killed a police officer in Mogadishu.",
                    pub="2020-05-02")
    e = _events(out)["shot"]
    assert e["acled_event_type"] == "Battles"
    assert any(a["role"] == "target" and a["sector"] == "COP" for a in e["actors"])


def test_a_violent_demonstration_is_a_riot_even_when_met_with_lethal_force(code_text):
    out = code_text("On 7 May 2020, police used tear gas to disperse violent demonstrations by prisoners in "
                    "Misserete; guards killed one prisoner.", pub="2020-05-12")
    [e] = [e for e in out["events"] if e["trigger"] == "demonstrations"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Riots", "Violent demonstration")


def test_locals_beating_a_man_is_mob_violence(code_text):
    out = code_text("On 8 May 2020, a suspected thief was beaten up by locals in Manaus.", pub="2020-05-12")
    e = _events(out)["beaten"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Riots", "Mob violence")


def test_violence_without_a_named_doer_gets_an_implied_armed_group(code_text):
    out = code_text("On 3 May 2020, a man was shot dead in Morelia.", pub="2020-05-08")
    e = _events(out)["shot dead"]
    [source] = [a for a in e["actors"] if a["role"] == "source"]
    assert source["kind"] == "implied" and source["acled_inter"] == 3
    assert source["name"] == "Unidentified Armed Group (Mexico)"
    assert (source["start"], source["end"]) == (e["evidence"]["start"], e["evidence"]["end"])


def test_a_named_doer_is_never_replaced_by_an_implied_one(code_text):
    out = code_text("On 3 May 2020, Al Shabaab militants shot dead a man in Kismayo.", pub="2020-05-08")
    sources = [a for a in _events(out)["shot dead"]["actors"] if a["role"] == "source"]
    assert [a["kind"] for a in sources] != ["implied"] and len(sources) == 1


def test_the_victims_side_of_an_attack_is_the_same_event(code_text):
    out = code_text("On 2 May 2020, four policemen were killed following an attack by Taliban militants on a "
                    "check point in Tarinkot.", pub="2020-05-05")
    violent = [e for e in out["events"] if e["event_type"] == "ASSAULT"]
    assert len(violent) == 1
    [e] = violent
    assert [a["name"] for a in e["actors"] if a["role"] == "source"] == ["Taliban"]
    assert e["acled_event_type"] == "Battles" and e["fatalities"] == 4


def test_a_lynching_crowd_is_rioters(code_text):
    out = code_text("On 8 May 2020, villagers beat a suspected thief to death in Kibuye.", pub="2020-05-12")
    [e] = [e for e in out["events"] if e["acled_event_type"] == "Riots"]
    [source] = [a for a in e["actors"] if a["role"] == "source"]
    assert source["acled_inter"] == 5 and source["name"].startswith("Rioters")


def test_the_addressee_of_a_demand_is_its_target(code_text):
    out = code_text("Amnesty International demanded that the Sudanese government end curbs on the press.",
                    pub="2020-05-12")
    e = _events(out)["demanded"]
    assert [a["country"] for a in e["actors"] if a["role"] == "target"] == ["SDN"]


def test_a_threat_aims_at_the_object_of_its_complement(code_text):
    out = code_text("The parliament threatened on Monday to break relations with Russia.", pub="2020-05-12")
    e = _events(out)["threatened"]
    assert [a["country"] for a in e["actors"] if a["role"] == "target"] == ["RUS"]


def test_counted_nationals_are_civilians_of_their_country(code_text):
    out = code_text("Ghanaian authorities have deported 168 Liberians.", pub="2020-05-12")
    e = _events(out)["deported"]
    [target] = [a for a in e["actors"] if a["role"] == "target"]
    assert (target["country"], target["sector"]) == ("LBR", "CVL")


def test_a_capital_as_subject_stands_for_its_government(code_text):
    out = code_text("Washington demanded that Hamas renounce violence.", pub="2020-05-12")
    e = _events(out)["demanded"]
    assert [a["name"] for a in e["actors"] if a["role"] == "source"] == ["Government of United States"]


def test_a_thwarted_attack_is_a_clash(code_text):
    out = code_text("On 4 May 2020, government forces thwarted a Houthi attack on the Qaniyah front.", pub="2020-05-08")
    e = _events(out)["attack"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert [a["name"] for a in e["actors"] if a["role"] == "source"] == ["Houthis"]


def test_exchanging_fire_with_someone_names_the_other_side(code_text):
    out = code_text("Gunmen exchanged fire with police officers in Belo Horizonte on Monday.", pub="2020-05-08")
    e = _events(out)["exchanged fire"]
    assert any(a["role"] == "target" and a["sector"] == "COP" for a in e["actors"])


def test_deaths_in_clashes_are_the_clash(code_text):
    out = code_text("On 30 April 2020, one person was killed during inter-clan clashes near Salahad.", pub="2020-05-04")
    e = _events(out)["killed"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert e["fatalities"] == 1


def test_a_light_verb_gives_its_noun_a_doer(code_text):
    out = code_text("Judge Alejandro Rivera opened fraud investigations against 28 officials.", pub="2020-05-12")
    e = _events(out)["investigations"]
    assert e["event_type"] == "ACCUSE" and e["mode"] == "investigate"
    assert [a["sector"] for a in e["actors"] if a["role"] == "source"] == ["JUD"]


def test_arriving_on_a_visit_is_a_visit(code_text):
    out = code_text("Iraqi President Saddam Hussein arrived in Amman on a visit on Wednesday.", pub="2000-01-05")
    assert _events(out)["visit"]["event_type"] == "CONSULT"


def test_going_on_strike_is_no_attack(code_text):
    out = code_text("On 1 May 2020, school teachers went on strike in Hinche.", pub="2020-05-04")
    assert all(e["event_type"] != "ASSAULT" for e in out["events"])


@pytest.mark.parametrize("text", [
    "Transport owners observed a strike in Quetta on Monday against higher fuel prices.",
    "The nurses union held a three-day strike at the Mayo Hospital in Lahore on Monday.",
    "Lecturers began an indefinite strike in Nairobi on Monday.",
    "Opposition parties enforced a hartal across Dhaka on Sunday.",
])
def test_a_strike_called_held_or_lasting_is_a_work_stoppage(code_text, text):
    out = code_text(text, pub="2016-03-02")
    [e] = [e for e in out["events"] if e["trigger"].split()[-1] in ("strike", "hartal")]
    assert (e["event_type"], e["acled_event_type"]) == ("PROTEST", "Protests")


def test_a_strike_that_kills_is_still_an_attack(code_text):
    out = code_text("A US strike killed three al-Shabaab fighters near Jilib, Somalia, on Monday.", pub="2016-03-02")
    [e] = [e for e in out["events"] if "strike" in e["trigger"]]
    assert e["event_type"] == "ASSAULT"


def test_promised_support_is_an_agreement_to_cooperate(code_text):
    out = code_text("Portugal will support Turkey's bid to join the European Union.", pub="2000-01-05")
    e = _events(out)["support"]
    assert (e["event_type"], e["cameo_root"], e["status"]) == ("AGREE", "03", "intended")
    assert e["acled_event_type"] is None


def test_failing_to_agree_is_a_rejection(code_text):
    out = code_text("Greece and Turkey failed to reach agreement on the islands on Sunday.", pub="2000-01-05")
    e = _events(out)["agreement"]
    assert (e["event_type"], e["cameo_root"], e["status"]) == ("REJECT", "12", "occurred")


def test_a_reported_must_is_a_demand(code_text):
    out = code_text("A British minister reiterated that Libya must hand over the suspects.", pub="2000-01-05")
    e = _events(out)["reiterated"]
    assert e["event_type"] == "REQUEST"
    assert [a["country"] for a in e["actors"] if a["role"] == "target"] == ["LBY"]


def test_a_states_protest_is_a_complaint(code_text):
    out = code_text("Serbia lodged an official protest with Albania on Tuesday.", pub="2000-01-05")
    e = _events(out)["protest"]
    assert (e["event_type"], e["cameo_root"]) == ("ACCUSE", "11") and e["acled_event_type"] is None


def test_a_hunger_strike_is_a_protest(code_text):
    out = code_text("Up to 1,000 refugees began a hunger strike on Monday in Stockholm.", pub="2000-01-05")
    [e] = [e for e in out["events"] if "strike" in e["trigger"]]
    assert e["event_type"] == "PROTEST"


def test_a_vow_to_fight_is_a_threat(code_text):
    out = code_text("Ethnic Albanian rebels have sworn to fight until they control the villages.", pub="2000-01-05")
    e = _events(out)["fight"]
    assert (e["event_type"], e["status"]) == ("THREATEN", "threatened")


def test_damage_done_by_an_attack_is_the_attack(code_text):
    out = code_text("A Houthi drone attack on Abha airport last week damaged a civilian aircraft.", pub="2021-02-15")
    assert [e["trigger"] for e in out["events"]] == ["drone attack"]


def test_fire_from_a_distance_is_shelling_and_an_exchange_or_small_arms_a_clash(code_text):
    """ACLED: one-sided fire from heavy weapons (machine guns included) is shelling;
    small arms, or fire going both ways, make it an armed clash."""
    def kind(text):
        out = code_text(text, pub="2020-05-12")
        return [(e["acled_event_type"], e["acled_sub_event_type"]) for e in out["events"]][0]

    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    clash = ("Battles", "Armed clash")
    assert kind("On 9 May 2020, rebel forces fired heavy machine guns at army positions near Avdiivka.") == shelling
    assert kind("On 9 May 2020, rebel forces fired mortars and small arms at army positions near Avdiivka.") == clash
    assert kind("On 9 May 2020, rebel forces and the army exchanged artillery fire near Avdiivka.") == clash
    assert kind("On 9 May 2020, rebel forces fired mortars at army positions near Avdiivka. "
                "The soldiers returned fire.") == clash
    assert kind("On 9 May 2020, monitors observed 21 projectiles involving artillery near Avdiivka.") == shelling
    assert kind("On 9 May 2020, monitors observed 12 explosions and shots involving small arms near "
                "Avdiivka.") == clash


def test_the_next_paragraph_does_not_tell_how_fire_went(code_text):
    out = code_text("On 9 May 2020, rebel forces fired mortars at army positions near Avdiivka.\n\n"
                    "Elsewhere, soldiers returned fire at a checkpoint.", pub="2020-05-12")
    assert out["events"][0]["acled_sub_event_type"] == "Shelling/artillery/missile attack"


def test_whose_operation_a_compound_names_is_the_doer(code_text):
    out = code_text("On 5 May 2020, seven Taliban militants were killed during Police Special Units operations "
                    "in Ghor province.", pub="2020-05-12")
    e = next(e for e in out["events"] if e["trigger"] == "operations")
    assert [a["name"] for a in e["actors"] if a["role"] == "source"] == ["Police Forces of Afghanistan"]


@pytest.mark.parametrize("text,target", [
    ("Pakistan's president rejected a fresh offer from Afghanistan for direct talks.", "Government of Afghanistan"),
    ("The rebels rejected a Senegalese peace plan on Friday.", "Government of Senegal"),
    ("The German government welcomed Iran's latest statement.", "Government of Iran"),
])
def test_whose_thing_is_rejected_or_welcomed_is_the_target(code_text, text, target):
    out = code_text(text, pub="1990-05-12")
    e = out["events"][0]
    assert [a["name"] for a in e["actors"] if a["role"] == "target"] == [target]


def test_the_owner_of_what_force_hits_is_not_its_target(code_text):
    out = code_text("Gunmen attacked the house of a police officer in Kirkuk on Monday.", pub="2020-05-12")
    e = out["events"][0]
    assert e["acled_event_type"] == "Violence against civilians"


def test_a_clash_between_groups_of_civilians_is_mob_violence(code_text):
    out = code_text("On 9 May 2020, a farmer was killed in a clash between two farmer groups in Shamli "
                    "over a land dispute.", pub="2020-05-12")
    e = next(e for e in out["events"] if e["trigger"] == "clash")
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Riots", "Mob violence")
    assert e["actors"][0]["acled_inter"] == 5


def test_a_patrol_carried_out_is_a_change_of_activity_and_an_ambushed_one_a_target(code_text):
    out = code_text("On 7 May 2020, Turkish and Russian forces conducted a joint patrol on the M4 highway in Idlib.",
                    pub="2020-05-12")
    e = out["events"][0]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Strategic developments", "Change to group/activity")
    out = code_text("On 7 May 2020, gunmen ambushed an army patrol near Idlib, killing two soldiers.", pub="2020-05-12")
    assert {e["acled_event_type"] for e in out["events"]} == {"Battles"}


def test_deaths_in_an_exchange_of_fire_are_the_clash(code_text):
    out = code_text("On 8 May 2020, two villagers were killed in an exchange of fire in Dantewada.",
                    pub="2020-05-12")
    e = next(e for e in out["events"] if e["trigger"] == "killed")
    assert e["acled_event_type"] == "Battles"


def test_fire_on_what_is_said_to_be_civilian_is_an_attack_on_civilians(code_text):
    out = code_text("On 9 May 2020, soldiers opened fire on a civilian vehicle passing near an army base in Galkayo.",
                    pub="2020-05-12")
    assert out["events"][0]["acled_event_type"] == "Violence against civilians"


@pytest.mark.parametrize("text,sub_type", [
    ("On 27 April 2020, a soldier was killed and another wounded when their vehicle was hit by a roadside bomb "
     "in Ghor.", "Remote explosive/landmine/IED"),
    ("On 3 May 2020, GNA forces targeted LNA positions with heavy artillery fire south of Tripoli.",
     "Shelling/artillery/missile attack"),
    ("On 6 May 2020, a roadside RCIED targeted a police vehicle in Mogadishu.", "Remote explosive/landmine/IED"),
])
def test_the_weapon_is_found_where_the_parser_hangs_it(code_text, text, sub_type):
    out = code_text(text, pub="2020-05-12")
    assert out["events"][0]["acled_sub_event_type"] == sub_type


@pytest.mark.parametrize("text", [
    "On 29 April 2020, in Manaus, a man who had just punched a journalist was beaten up by locals.",
    "On 2 May 2020, opposition party members beat two election monitors in Dowa.",
])
def test_civilians_beating_someone_are_rioters(code_text, text):
    out = code_text(text, pub="2020-05-05")
    e = out["events"][0]
    assert (e["acled_event_type"], e["actors"][0]["acled_inter"]) == ("Riots", 5)


@pytest.mark.parametrize("text", [
    "On 6 May 2020, prisoners in Misserete demonstrated over a search of the cells. Chairs were burnt and "
    "property destroyed.",
    "On 2 May 2020, demonstrators blocked Arwa road in Aden, burning material, as they demanded the "
    "replacement of the district's director.",
])
def test_a_demonstration_that_burns_or_destroys_is_violent(code_text, text):
    out = code_text(text, pub="2020-05-09")
    e = out["events"][0]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text", [
    "On 9 May 2020, in Juiz de Fora, people did a motorcade to demand the re-opening of businesses.",
    "On 30 April 2020, in Porto Alegre, residents banged pots against the president.",
])
def test_motorcades_and_pot_banging_are_protests(code_text, text):
    out = code_text(text, pub="2020-05-10")
    assert out["events"][0]["acled_event_type"] == "Protests"


@pytest.mark.parametrize("text", [
    "The president vowed on Monday to fight corruption in the police.",
    "The government released 52 prisoners on Monday to advance the peace process.",
])
def test_fighting_corruption_or_advancing_a_process_is_no_battle(code_text, text):
    out = code_text(text, pub="2020-05-10")
    assert "Battles" not in {e["acled_event_type"] for e in out["events"]}


@pytest.mark.parametrize("text, trigger", [
    ("On 1 May 2020, police seized ammunition and six rifles in a house near Thala.", "seized"),
    ("On 8 May 2020, police commandos recovered arms in Imphal.", "recovered"),
    ("On 30 April 2020, soldiers discovered a weapons cache near Beni.", "discovered"),
])
def test_weapons_seized_or_found_are_a_disrupted_weapons_use(code_text, text, trigger):
    [e] = [e for t, e in _events(code_text(text, pub="2020-05-10")).items() if t.startswith(trigger)]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")


def test_seizing_a_town_is_no_disrupted_weapons_use(code_text):
    out = code_text("On 1 May 2020, rebels seized the town of Beni.", pub="2020-05-10")
    [e] = [e for t, e in _events(out).items() if t.startswith("seized")]
    assert e["acled_sub_event_type"] != "Disrupted weapons use"


@pytest.mark.parametrize("text, attacker, repeller", [
    ("On 4 June 2020, Iraqi troops repelled an IS attack near Baiji.", "Islamic State", "Military Forces of Iraq"),
    ("On 2 June 2020, Afghan security forces repelled an attack by Taliban militants near Herat.",
     "Taliban", "Military Forces of Afghanistan"),
    ("On 7 June 2020, Taliban militants repulsed an attack by Afghan forces near Kunduz.",
     "Military Forces of Afghanistan", "Taliban"),
])
def test_whoever_attacked_is_the_source_of_an_attack_repelled(code_text, text, attacker, repeller):
    [first, *_] = [e for e in code_text(text)["events"] if e["acled_event_type"]]
    roles = {a["role"]: a["name"] for a in first["actors"]}
    assert (roles.get("source"), roles.get("target")) == (attacker, repeller)


def test_a_subject_the_parser_hung_on_a_list_of_places_is_still_the_subject(code_text):
    out = code_text("On 3 June 2021, in Kyauktaw Town, Kyauktaw Township, Sittwe District, Rakhine State, "
                    "Myanmar military and AA clashed with heavy weapons.")
    [event] = [e for e in out["events"] if e["acled_event_type"]]
    roles = {a["role"]: a["name"] for a in event["actors"]}
    assert roles == {"source": "Military Forces of Myanmar", "target": "Arakan Army"}


def test_a_country_word_before_the_verb_is_no_subject(code_text):
    out = code_text("On 2 June 2021, in Puebla, Puebla, a group of employees of the firm Aceros Unidos "
                    "of Mexico protested demanding unpaid wages.")
    assert not any(a["name"] == "Government of Mexico" and a["role"] == "source"
                   for e in out["events"] for a in e["actors"])


def test_the_force_named_before_its_people_is_theirs(code_text):
    out = code_text("On 1 June 2021, police guards opened fire on detainees attempting to flee a jail in Hargeisa.")
    sources = [a["name"] for e in out["events"] for a in e["actors"] if a["role"] == "source"]
    assert sources and sources[0].startswith("Police Forces of")


def test_arrests_no_one_is_said_to_have_made_are_the_countrys_police(code_text):
    out = code_text("On 3 June 2021, at least 40 people were arrested in Minsk, Belarus, for joining a rally.")
    arrests = [e for e in out["events"] if e["acled_sub_event_type"] == "Arrests"]
    assert arrests
    source = next(a for a in arrests[0]["actors"] if a["role"] == "source")
    assert (source["name"], source["acled_inter"], source["kind"]) == ("Police Forces of Belarus", 1, "implied")


def test_an_event_proposed_at_a_word_reads_its_roles_as_a_trigger_does(coder, parse):
    # the learned stage proposes events at words (EventExtractor.event_at): a place taken
    # must be no target there either
    from datetime import date

    from sitrep.model import Article

    text = "Houthi fighters seized Marib on Sunday."
    pub = date(2021, 2, 9)
    coded = coder.with_acled_model(None).code_one(Article(doc_id="t", pub_date=pub, text=text))
    [taken] = [e for e in coded.events if e.trigger.text == "seized"]
    stage = next(s for s in coder.pipeline.stages if s.name == "events")
    doc = parse(text)
    tok = next(t for t in doc if t.text == "seized")
    places = coded.places
    actors = tuple(r.actor for e in coded.events for r in e.actors)
    proposed = stage.extractor.event_at(doc, text, "t", tok, stage.extractor.triggers.entries["seize_territory"],
                                        actors, places, (), pub)
    assert [(r.role, r.actor.name) for r in proposed.actors] == [(r.role, r.actor.name) for r in taken.actors]
    assert all(r.role != "target" for r in proposed.actors)


def test_a_word_outside_the_trigger_words_matches_no_entry(coder, parse):
    # the trigger finder skips such words without asking; asking must find nothing
    from pathlib import Path

    finder = next(s for s in coder.pipeline.stages if s.name == "events").extractor.trigger_finder
    examples = sorted((Path(__file__).parents[2] / "examples").glob("*.txt"))
    skipped = 0
    for path in examples:
        for tok in parse(path.read_text(encoding="utf-8")):
            if tok.lemma_.lower() not in finder.candidate_words and tok.lower_ not in finder.candidate_words:
                skipped += 1
                assert finder._match(tok, lambda t: True) is None, tok.text
    assert skipped > 100


@pytest.mark.parametrize("text, source", [
    # the tagger does not know "retook" and calls it a noun; the parser still gives it
    # a direct object, and the subject either as one or as a compound before it
    ("The Taliban retook Kunduz.", "Taliban"),
    ("IS retook Palmyra from the army.", "Islamic State"),
])
def test_a_verb_the_tagger_took_for_a_noun_is_still_a_trigger(code_text, text, source):
    out = code_text(text, pub="2017-01-23")
    [event] = [e for e in out["events"] if e["trigger"] == "retook"]
    assert event["acled_sub_event_type"] == "Non-state actor overtakes territory"
    assert [a["name"] for a in event["actors"] if a["role"] == "source"] == [source]


@pytest.mark.parametrize("text, trigger, country", [
    # the parser's dative "to" after the thing granted
    ("Tanzania granted citizenship to 200 Burundian refugees on Monday.", "granted", "BDI"),
    # a verb that addresses someone: its "to" is whom, not where
    ("Chile protested to Bolivia on Monday over the border closure.", "protested", "BOL"),
    # a noun's act carried out by a verb that takes the addressee
    ("Uganda issued a warning to Kenya on Monday.", "warning", "KEN"),
    # a country's name the model labels a location is the state
    ("Kenya imposed new sanctions on South Sudan on Monday.", "sanctions", "SSD"),
])
def test_whom_an_act_is_given_or_addressed_to_is_its_target(code_text, text, trigger, country):
    e = _events(code_text(text, pub="2022-05-12"))[trigger]
    assert [a["country"] for a in e["actors"] if a["role"] == "target"] == [country]


def test_a_named_source_is_not_its_own_target(code_text):
    # the minister has no country of their own: the story's, Syria's, which the visit is to
    e = _events(code_text("The minister's visit to Syria ended.", pub="2022-05-12"))["visit"]
    sources = {a["name"] for a in e["actors"] if a["role"] == "source"}
    assert not sources & {a["name"] for a in e["actors"] if a["role"] == "target"}


def test_the_attack_someone_was_hurt_in_is_an_event_on_them(code_text):
    out = code_text("On Friday a policeman was injured in a grenade attack in Baidoa.", pub="2022-05-12")
    e = _events(out)["grenade attack"]
    assert any(a["role"] == "target" and a["sector"] == "COP" for a in e["actors"])


def test_those_hurt_in_a_clash_are_no_one_sided_target(code_text):
    out = code_text("On Friday two farmers were injured in a clash between herders and farmers in Baidoa.",
                    pub="2022-05-12")
    assert all(e["acled_event_type"] != "Violence against civilians" for e in out["events"])


@pytest.mark.parametrize("text, trigger", [
    # CAMEO 055 and 056, PLOVER's SUPPORT: an apology, forgiveness, a welcome given
    ("Chile apologised to Bolivia on Monday for the border incident.", "apologised"),
    ("The president gave a warm welcome to the visiting Ghanaian leader on Monday.", "welcome"),
])
def test_apologies_and_welcomes_are_support(code_text, text, trigger):
    e = _events(code_text(text, pub="2022-05-12"))[trigger]
    assert e["event_type"] == "SUPPORT"


def test_the_crowd_the_police_dispersed_is_the_protests_source(code_text):
    out = code_text("Police dispersed the demonstrators with tear gas in Conakry on Monday.", pub="2016-03-02")
    [e] = [e for e in out["events"] if e["event_type"] == "PROTEST"]
    roles = {a["role"]: a["acled_inter"] for a in e["actors"]}
    assert roles == {"source": 6, "target": 1}


def test_arrested_protesters_are_a_protest_with_intervention(code_text):
    out = code_text("Police arrested 20 protesters in Kampala on Monday.", pub="2016-03-02")
    protest, arrest = out["events"]
    assert (protest["acled_event_type"], protest["acled_sub_event_type"]) == ("Protests", "Protest with intervention")
    assert {a["role"]: a["acled_inter"] for a in protest["actors"]} == {"source": 6, "target": 1}
    # the arrest is PLOVER's, and ACLED's only as the protest's intervention
    assert (arrest["event_type"], arrest["mode"], arrest["acled_event_type"]) == ("COERCE", "arrest", None)


def test_arrested_party_supporters_are_arrests(code_text):
    out = code_text("Police arrested 15 opposition supporters in Kampala on Monday.", pub="2016-03-02")
    assert [e["acled_sub_event_type"] for e in out["events"]] == ["Arrests"]


def test_an_event_before_the_verbs_is_not_done_by_its_subject(code_text):
    out = code_text("Authorities imposed a curfew in Kasese on Monday after the clashes.", pub="2016-03-02")
    assert all(e["event_type"] != "ASSAULT" or not any(a["role"] == "source" and a["sector"] == "GOV"
                                                     for a in e["actors"]) for e in out["events"])
    assert [e["acled_sub_event_type"] for e in out["events"] if e["acled_event_type"] == "Battles"] == []


@pytest.mark.parametrize("text, sub_type", [
    ("Two soldiers were wounded in a bomb attack in Gao on Monday.", "Remote explosive/landmine/IED"),
    ("A suicide bomb attack killed five people in Mogadishu on Monday.", "Suicide bomb"),
    ("Gunmen killed two people in a grenade attack in Mombasa on Monday.", "Grenade"),
])
def test_the_weapon_before_attack_names_its_kind(code_text, text, sub_type):
    out = code_text(text, pub="2016-03-02")
    [e] = [e for e in out["events"] if e["acled_event_type"]]
    assert e["acled_sub_event_type"] == sub_type


def test_a_defused_bomb_is_no_explosion(code_text):
    out = code_text("Soldiers defused a bomb planted near a market in Maiduguri on Monday.", pub="2016-03-02")
    assert [e["acled_sub_event_type"] for e in out["events"]] == ["Disrupted weapons use"]


@pytest.mark.parametrize("text, plover", [
    ("The envoy undertook a mediation mission between Ghana and Togo.", "CONSULT"),
    ("Kenya established diplomatic ties with Israel.", "SUPPORT"),
    ("The United States sent arms to Taiwan last year.", "AID"),
    ("Kenyan officials shared intelligence with Uganda about the attack.", "COOPERATE"),
])
def test_cameo_acts_of_cooperation(code_text, text, plover):
    out = code_text(text, pub="2000-01-05")
    assert [e["event_type"] for e in out["events"]][:1] == [plover]


def test_mortar_rounds_that_landed_are_shelling(code_text):
    out = code_text("Mortar rounds landed in a residential area of Mogadishu on Monday, wounding three.", pub="2016-03-02")
    assert [e["acled_sub_event_type"] for e in out["events"]] == ["Shelling/artillery/missile attack"]


def test_a_gold_mine_is_no_landmine(code_text):
    out = code_text("Gunmen stormed a gold mine near Arbinda on Monday and killed 20 miners.", pub="2016-03-02")
    assert all(e["acled_event_type"] != "Explosions/Remote violence" for e in out["events"])


@pytest.mark.parametrize("text", [
    "Opposition leader Raila Odinga called on the president to resign.",
    "Raila Odinga called for fresh elections on Monday.",
])
def test_a_call_on_or_for_parsed_with_a_preposition_is_a_request(code_text, text):
    assert [e["event_type"] for e in code_text(text)["events"]][:1] == ["REQUEST"]


def test_a_time_after_a_verb_is_no_particle_of_it(code_text):
    # "on Sunday" opens a time: "called ... for" is the phrase, not "called on"
    out = code_text("Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria.")
    assert [e["trigger"] for e in out["events"] if e["event_type"] == "REQUEST"] == ["called for"]
    out = code_text("The opposition leader called on Sunday for fresh elections.")
    assert [e["trigger"].split()[-1] for e in out["events"] if e["event_type"] == "REQUEST"] == ["for"]


@pytest.mark.parametrize("text", [
    "On 8 May 2020, community members set alight a tavern in the town of Karam.",
    "On 8 May 2020, residents set ablaze the house of a suspected witch in Karam.",
])
def test_setting_alight_or_ablaze_destroys(code_text, text):
    # the parser files "alight" as a dative: the phrase is found whatever the second word's label
    assert [e["trigger"] for e in code_text(text)["events"]][:1] in (["set alight"], ["set ablaze"])


@pytest.mark.parametrize("text", [
    "On 3 March 2016, youths threw stones at police in Karam.",
    "On 3 March 2016, an improvised explosive device went off near a market in Karam.",
])
def test_a_phrase_the_lexicon_writes_as_the_text_does_is_found(code_text, text):
    # spaCy's lemma of "stones" is "stone", of the modifier "improvised" "improvise": the
    # lexicon's phrase is matched as written too
    types = [e["acled_event_type"] for e in code_text(text, pub="2016-03-05")["events"]]
    assert types[:1] in (["Riots"], ["Explosions/Remote violence"])


def test_police_dispersing_a_crowd_is_a_protest_they_intervened_in(code_text):
    out = code_text("On 3 March 2016, police dispersed opposition supporters in Karam.", pub="2016-03-05")
    [e] = out["events"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Protests", "Protest with intervention")
    assert {a["role"]: a["acled_inter"] for a in e["actors"]} == {"source": 6, "target": 1}
    # no one to disperse: the gunmen scattering is no protest
    out = code_text("On 3 March 2016, the gunmen dispersed into the forest near Karam.", pub="2016-03-05")
    assert all(e["event_type"] != "PROTEST" for e in out["events"])


@pytest.mark.parametrize("text,trigger", [
    ("The opposition said it would boycott the elections in Karam.", "boycott"),
    ("The governor will extend the night-time curfew in Karam.", "extend"),
    ("The government plans to impose restrictions on trade with Karam.", "impose"),
])
def test_pressure_announced_is_a_threat(code_text, text, trigger):
    # CAMEO 13 (threaten to boycott, to impose a curfew or restrictions): nothing ACLED counts yet
    [e] = [e for e in code_text(text)["events"] if e["trigger"] == trigger]
    assert (e["event_type"], e["status"], e["acled_event_type"]) == ("THREATEN", "threatened", None)


def test_an_attempt_or_a_seizure_intended_is_no_threat(code_text):
    out = code_text("On 3 March 2016, police tried to disperse the protesters in Karam.", pub="2016-03-05")
    assert all(e["event_type"] != "THREATEN" for e in out["events"])
    out = code_text("The rebels intend to take the city of Karam.")
    assert [e["event_type"] for e in out["events"]] == ["COERCE"]


def test_working_people_striking_stop_work(code_text):
    [e] = code_text("On 3 March 2016, teachers struck for a third day in Karam.", pub="2016-03-05")["events"]
    assert (e["event_type"], e["acled_event_type"]) == ("PROTEST", "Protests")
    [e] = code_text("On 3 March 2016, a drone struck a car near Karam.", pub="2016-03-05")["events"]
    assert e["event_type"] == "ASSAULT"


@pytest.mark.parametrize("text,plover", [
    # CAMEO's verbs as the CAMEO-to-PLOVER table files them
    ("Kenya's government accepted a proposal for ending the dispute.", "AGREE"),
    ("Kenya's government accepted demands from the unions.", "CONCEDE"),
    ("Kenya's government lifted the curfew in Karam.", "RETREAT"),
    ("Kenya's government lifted the ban on the party.", "CONCEDE"),
    ("Kenya's government halted aid to Karam.", "SANCTION"),
    ("Kenya's government granted asylum to 18 rebels.", "AID"),
    ("Kenya's government has strengthened its forces in Karam.", "MOBILIZE"),
    ("Kenya's government complained to the United Nations over the raids.", "ACCUSE"),
    ("Kenya's government cancelled restrictions on the press.", "CONCEDE"),
    ("The rebels declared a unilateral ceasefire in Karam.", "RETREAT"),
    ("Five hundred rebels surrendered last week in Karam.", "RETREAT"),
    # a promise to lift (CAMEO 03), and a threat to withdraw the inspectors (CAMEO 13)
    ("President Uhuru Kenyatta said he is prepared to lift the ban on the party.", "AGREE"),
    ("The UN announced that it will withdraw its inspectors from Karam.", "THREATEN"),
])
def test_cameo_verbs_take_their_plover_types(code_text, text, plover):
    assert [e["event_type"] for e in code_text(text)["events"]][:1] == [plover]


def test_accepting_responsibility_is_no_agreement(code_text):
    out = code_text("The group accepted responsibility for the bombing in Karam.")
    assert all(e["event_type"] != "AGREE" for e in out["events"])


def test_a_truce_declared_is_an_acled_agreement_and_a_surrender_a_change_to_the_group(code_text):
    out = code_text("On 3 March 2016, the rebels declared a ceasefire in Karam.", pub="2016-03-05")
    assert [(e["event_type"], e["acled_sub_event_type"]) for e in out["events"]] == [("RETREAT", "Agreement")]
    out = code_text("On 3 March 2016, 50 rebels surrendered to the army in Karam.", pub="2016-03-05")
    assert out["events"][0]["acled_sub_event_type"] == "Change to group/activity"


def test_killing_armed_men_is_fighting_in_cameo(code_text):
    # ACLED's armed clash is CAMEO 19 (conventional military force), not 18 (assault)
    [e] = code_text("On 3 March 2016, rebels killed ten soldiers near Karam.", pub="2016-03-05")["events"]
    assert (e["acled_event_type"], e["cameo_root"]) == ("Battles", "19")
    [e] = code_text("On 3 March 2016, rebels killed ten villagers near Karam.", pub="2016-03-05")["events"]
    assert (e["acled_event_type"], e["cameo_root"]) == ("Violence against civilians", "18")


@pytest.mark.parametrize("text,acled", [
    # violence at a demonstration is the demonstration, in ACLED's coding
    ("On 2 May 2020, supporters of two candidates clashed during a demonstration in Karam.",
     ("Riots", "Violent demonstration")),
    ("On 2 May 2020, police opened fire during a demonstration in Karam, killing four protesters.",
     ("Protests", "Excessive force against protesters")),
    ("On 2 May 2020, gunmen killed four people at a market in Karam.", ("Violence against civilians", "Attack")),
])
def test_violence_at_a_demonstration_is_coded_as_the_demonstration(code_text, text, acled):
    e = code_text(text, pub="2020-05-03")["events"][0]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == acled


def test_a_cattle_or_refugee_camp_is_a_civilian_target(code_text):
    for text, acled in (("On 3 May 2020, raiders attacked a cattle camp near Karam.", "Violence against civilians"),
                        ("On 3 May 2020, gunmen attacked a refugee camp near Karam.", "Violence against civilians"),
                        ("On 3 May 2020, rebels attacked an army camp near Karam.", "Battles")):
        assert code_text(text, pub="2020-05-04")["events"][0]["acled_event_type"] == acled, text


def test_the_demonstration_referred_back_to_is_what_the_sentence_before_told(code_text):
    text = ("On 8 May 2020, residents set on fire barricades across the streets of Karam. "
            "The motives for the demonstration were not reported.")
    [e] = [e for e in code_text(text, pub="2020-05-09")["events"] if e["trigger"] == "demonstration"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Riots", "Violent demonstration")


def test_stoning_police_is_crowd_violence(code_text):
    out = code_text("On 8 May 2020, residents protested in Karam and stoned two police officers.", pub="2020-05-09")
    assert out["events"][0]["acled_event_type"] == "Riots"
