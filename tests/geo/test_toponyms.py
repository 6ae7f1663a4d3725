import pytest

from sitrep.coder import toponym_resolver


def _places(resources, parse, text):
    resolver = toponym_resolver(resources)
    places, main = resolver.resolve(parse(text), text)
    return {p.evidence.text: p for p in places}, main


def test_palmyra_in_a_syrian_story_is_tadmur(resources, parse):
    places, main = _places(resources, parse, "Fighting in Syria. IS seized Palmyra from government forces.")
    assert main == "SYR"
    assert places["Palmyra"].geonameid == 163808 and places["Palmyra"].precision == "town"


def test_hints_regions_and_sites(resources, parse):
    text = ("Raids hit Deir al-Zor province in northern Syria. "
            "IS killed civilians in Palmyra's Roman Theatre.")
    places, _ = _places(resources, parse, text)
    assert places["Deir al-Zor"].precision == "province" and places["Deir al-Zor"].geonameid == 170792
    assert places["northern Syria"].precision == "region"
    site = next(p for p in places.values() if p.precision == "site")
    assert site.parent_geonameid == 163808 and "Roman Theatre" in site.name


def test_small_foreign_homonym_without_context_is_dropped(resources, parse):
    places, _ = _places(resources, parse, "Protesters gathered in Paris. Talks with Mr Four continued.")
    assert "Four" not in places
    assert places["Paris"].country == "FRA"


def test_short_forms_and_demonyms_name_countries_but_not_event_places(resources, parse, code_text):
    places, _ = _places(resources, parse, "The U.S. and Britain condemned a Russian missile strike on Kharkiv.")
    assert places["U.S."].country == "USA" and not places["U.S."].adjectival
    assert places["Britain"].country == "GBR"
    assert places["Russian"].country == "RUS" and places["Russian"].adjectival
    out = code_text("A Russian missile strike hit Kharkiv on Sunday, killing six people.", pub="2024-05-20")
    [strike] = [e for e in out["events"] if e["acled_event_type"] == "Explosions/Remote violence"]
    assert strike["location"]["name"] == "Kharkiv"


def test_a_place_that_describes_an_actor_is_adjectival(resources, parse):
    places, _ = _places(resources, parse, "A UK-based monitor said US-backed fighters entered Raqqa.")
    assert places["UK"].adjectival and places["US"].adjectival
    assert not places["Raqqa"].adjectival


def test_continents_resolve(resources, parse):
    places, _ = _places(resources, parse, "Migrants crossed from Africa to Europe.")
    assert places["Europe"].precision == "region" and places["Africa"].feature_code == "CONT"


def test_a_national_actor_named_in_the_text_is_country_context(code_text):
    # "Ad Dali" has namesakes elsewhere; the Houthis place the story in Yemen
    out = code_text("Houthi forces shelled villages in Ad Dali on Saturday.", pub="2020-05-04")
    [dali] = [p for p in out["places"] if p["text"] == "Ad Dali" or p["text"] == "Dali"]
    assert dali["country"] == "YEM"


def test_a_county_hint_picks_the_county_not_the_town(code_text):
    out = code_text("The fire spread across Laurel County, Kentucky, on Monday.", pub="2020-05-04")
    [laurel] = [p for p in out["places"] if p["text"].startswith("Laurel")]
    assert laurel["feature_code"] == "ADM2" and laurel["precision"] == "district"
    assert laurel["country"] == "USA"


@pytest.mark.parametrize("text,absent", [
    ("Employees demonstrated outside the depot in Cape Town on Monday.", "Town"),
    ("Boko Haram looted a camp in Kolofata town (Mayo-Sava, Extreme-Nord).", "Sava"),
    ("Militants attacked a police post in the Rahim Khail area of Gardez city.", "Khail"),
])
def test_no_place_from_a_generic_word_or_a_piece_of_a_name(code_text, text, absent):
    out = code_text(text, pub="2020-05-04")
    assert absent not in [p["text"] for p in out["places"]]


def test_cape_town_keeps_its_whole_name(code_text):
    out = code_text("Employees demonstrated outside the depot in Cape Town on Monday.", pub="2020-05-04")
    assert [p["name"] for p in out["places"]] == ["Cape Town"]


def test_a_country_modifying_a_noun_is_no_event_place(code_text):
    out = code_text("Protesters angry at the US dollar exchange rate blocked a road on Monday.", pub="2020-05-04")
    us = [p for p in out["places"] if p["text"] == "US"]
    assert us and us[0]["adjectival"]
    assert all(e["location"] is None or e["location"]["text"] != "US" for e in out["events"])


def test_an_alternate_name_supports_no_wrong_continent(code_text):
    # "Cercado" is only an alternate name of a Brazilian town; the note is about Venezuela
    out = code_text("On 6 May 2020, in Guarenas, moto-taxi drivers protested near the service station El "
                    "Cercado.", pub="2020-05-08")
    assert {p["country"] for p in out["places"]} == {"VEN"}


def test_regions_and_seas_resolve_without_a_geonames_id(resources, parse):
    text = "Fighting in Darfur worried European envoys; ships left the Black Sea."
    places, _ = _places(resources, parse, text)
    darfur, black_sea, european = places["Darfur"], places["Black Sea"], places["European"]
    assert (darfur.country, darfur.precision, darfur.geonameid) == ("SDN", "region", None)
    assert black_sea.precision == "region" and black_sea.country is None
    assert black_sea.parent_geonameid is None
    assert european.name == "Europe" and european.adjectival


def test_a_region_outranks_a_namesake_town(resources, parse):
    places, _ = _places(resources, parse, "Hopes for peace spread over the Middle East.")
    assert places["Middle East"].feature_code == "RGN"


@pytest.mark.parametrize("text, name, feature", [
    ("It is the United Kingdom's first case.", "United Kingdom", "PCLI"),         # possessive inside the entity
    ("Cholera reached Port-au-Prince on Monday.", "Port-au-Prince", "PPL"),      # cut apart by the parser
    ("Floods hit North Carolina and West Virginia.", "North Carolina", "ADM1"),  # a direction word in the name
    ("Floods hit North Carolina and West Virginia.", "West Virginia", "ADM1"),
    ("Bird flu was found in North America.", "North America", "CONT"),
    ("Horses were kept in quarantine in NSW.", "NSW", "ADM1"),
])
def test_names_written_in_ways_the_parser_splits(resources, parse, text, name, feature):
    places, _ = _places(resources, parse, text)
    assert places[name].feature_code == feature


def test_a_direction_word_before_a_plain_name_is_still_a_region(resources, parse):
    places, _ = _places(resources, parse, "Fighting continued in northern Syria.")
    assert places["northern Syria"].precision == "region"


def test_a_dateline_names_the_place_the_report_comes_from(resources, parse):
    places, _ = _places(resources, parse, "BEIRUT: The body of a man was found near a church.")
    assert places["BEIRUT"].country == "LBN"
    places, _ = _places(resources, parse, "IMPORTANT: the meeting is off.")
    assert "IMPORTANT" not in places


def test_a_place_before_a_local_office_in_a_person_name(resources, parse):
    places, _ = _places(resources, parse, "He was shot, according to Anderson County Sheriff Greg Taylor.")
    assert places["Anderson County"].feature_code == "ADM2"


def test_a_facility_the_gazetteer_lacks_is_a_site_of_the_town_named_before_it(resources, parse):
    text = "Fans gathered in Brooklyn on Sunday. The concert at the Barclays Center was cancelled."
    places, _ = _places(resources, parse, text)
    site, town = places["Barclays Center"], places["Brooklyn"]
    assert (site.precision, site.geonameid, site.parent_geonameid) == ("site", None, town.geonameid)
    assert (site.lat, site.lon) == (town.lat, town.lon) and site.score < 0.5


def test_no_site_without_a_town_to_put_it_in(resources, parse):
    places, _ = _places(resources, parse, "The concert at the Barclays Center was cancelled.")
    assert "Barclays Center" not in places


@pytest.mark.parametrize("text, name", [
    ("He was taken away by Coles County Police on Friday.", "Coles County"),       # inside a place entity
    ("The driver, Thomas Wayne Hellinghausen, 22, of Winfield, fled.", "Winfield"),  # where someone lives
    ("Tillsonburg Mayor Stephen Molnar said the council would act.", "Tillsonburg"),  # before a local office
])
def test_small_towns_named_the_way_local_news_name_them(resources, parse, text, name):
    places, _ = _places(resources, parse, text)
    assert name in places


def test_police_is_no_town_and_a_person_is_no_part_of_a_name_run(resources, parse):
    places, _ = _places(resources, parse, "Investigators and Brownsboro Police went there. Deputy David Ro arrived.")
    assert "Police" not in places and "David" not in places


def test_a_nigerian_lga_is_the_district(resources, parse):
    places, _ = _places(resources, parse, "They fled Umemger village of Guma LGA in Benue State.")
    assert places["Guma"].feature_code == "ADM2" and places["Guma"].country == "NGA"


def test_a_surname_said_alone_is_the_person_not_a_town(resources):
    from sitrep.coder import toponym_resolver

    text = ("The driver Ashley Sutton will defend his title. Sutton won in Kent last year. "
            "The race moves to Sutton next month.")
    doc = next(iter(resources.nlp.pipe([text])))
    places, _ = toponym_resolver(resources).resolve(doc, text)
    found = [(p.evidence.start, p.evidence.text) for p in places]
    assert (text.index("Sutton won"), "Sutton") not in found
    assert (text.index("Kent"), "Kent") in found
    # a locative cue still makes it a place: "to Sutton"
    assert (text.index("Sutton next"), "Sutton") in found


def _place_texts(resources, text):
    from sitrep.coder import toponym_resolver

    doc = next(iter(resources.nlp.pipe([text])))
    places, main = toponym_resolver(resources).resolve(doc, text)
    return [p.evidence.text for p in places], main


def test_a_bare_direction_or_state_word_is_no_place(resources):
    found, _ = _place_texts(resources, "The Western Trust and the Republic opened a clinic in Derry.")
    assert "Western" not in found and "Republic" not in found and "Derry" in found


def test_names_in_parentheses_after_a_place_are_its_divisions(resources):
    found, main = _place_texts(resources, "Villagers demonstrated in Thor village, Thies subdivision "
                                          "(Keur Moussa, Thies) against the decision.")
    assert main == "SEN" and found.count("Thies") == 2


@pytest.mark.parametrize("text, word, country", [
    ("He condemned the anti-Russian policy of the government.", "Russian", "RUS"),
    ("Shelling hit towns along the Syrian-Turkish border.", "Turkish", "TUR"),
    ("A ticket to the museum costs 200 Egyptian pounds.", "Egyptian", "EGY"),
    ("A spokeswoman for the watchdog Chinese Labour Watch said so.", "Chinese", "CHN"),
])
def test_a_demonym_inside_a_compound_or_a_name_is_an_adjectival_place(resources, parse, text, word, country):
    places, _ = _places(resources, parse, text)
    assert places[word].country == country and places[word].adjectival


def test_a_surname_that_is_a_demonym_is_no_place(resources, parse):
    places, _ = _places(resources, parse, "Prime Minister Bill English said the budget was sound.")
    assert "English" not in places


@pytest.mark.parametrize("text, word", [
    ("The pipeline contract is worth two billion US dollars.", "US"),
    ("He trained at the Naval War College of America before retiring.", "America"),
])
def test_a_country_word_inside_a_name_or_an_amount_is_an_adjectival_place(resources, parse, text, word):
    places, _ = _places(resources, parse, text)
    assert places[word].country == "USA" and places[word].adjectival


def test_us_in_lower_case_is_no_country(resources, parse):
    places, _ = _places(resources, parse, "Let us go to the market.")
    assert not places


def test_a_town_named_like_a_country_beside_the_storys_towns_is_that_town(resources, parse):
    places, _ = _places(resources, parse, "Residents of Zionsville and Lebanon will share a new trash service, "
                                          "the Lebanon street superintendent said.")
    assert places["Lebanon"].country == "USA" and places["Lebanon"].precision == "town"


def test_a_country_named_with_its_own_places_stays_the_country(resources, parse):
    places, _ = _places(resources, parse, "Israeli jets struck targets near Tyre in Lebanon.")
    assert places["Lebanon"].country == "LBN" and places["Lebanon"].precision == "country"


def test_a_common_word_inside_a_name_is_no_place(resources, parse):
    places, _ = _places(resources, parse, "Lawyers protested in front of the Court of First Instance in Mahdia.")
    assert "First" not in places and "Mahdia" in places


def test_a_demonym_and_a_town_of_its_spelling_are_asked_apart(resources, parse):
    # "Canadian" the demonym and "Canadian" heading a firm's name are two readings: the
    # town of Canadian, Texas, for the one must not leak into the other
    text = ("A Canadian official in Toronto said the list is long. Canadian Blood Services "
            "runs the registry.")
    places, _ = _places(resources, parse, text)
    demonym = next(p for p in places.values() if p.evidence.text == "Canadian" and p.adjectival)
    assert demonym.country == "CAN" and demonym.feature_code == "PCLI"


def test_a_namesake_nothing_in_the_story_locates_is_not_confident(resources, parse):
    # Richmond, Virginia and Richmond, California (and Richmond in England, Canada ...):
    # the likelier reading, but one the text gives no ground to be sure of
    places, _ = _places(resources, parse, "A fire in Richmond destroyed two homes on Tuesday.")
    assert places["Richmond"].score <= 0.4


def test_a_namesake_the_text_locates_keeps_its_confidence(resources, parse):
    places, _ = _places(resources, parse, "A fire in Richmond, Virginia destroyed two homes on Tuesday.")
    assert places["Richmond"].admin1 == "Virginia" and places["Richmond"].score > 0.5


def test_a_story_that_names_two_countries_leans_less_on_the_first(resources, parse):
    # Toronto, Ohio is a US town; with Canada as present in the story as the United
    # States, Toronto is the Canadian city
    text = ("TORONTO - A Toronto man needs a kidney, his family said. Canadians wait for years. "
            "Donors in Canada are few. A New Jersey man and a Washington woman were matched in "
            "the United States.")
    places, _ = _places(resources, parse, text)
    assert all(p.country == "CAN" for p in places.values() if p.evidence.text in ("TORONTO", "Toronto"))


def test_georgia_among_georgia_towns_is_the_state_as_modifier_too(resources, parse):
    text = ("Lawmakers in Atlanta debated the bill. Officials in Macon and Valdosta said Georgia "
            "cities need the money, and the Georgia Municipal Association agreed.")
    resolver = toponym_resolver(resources)
    places, main = resolver.resolve(parse(text), text)
    georgias = [p for p in places if p.evidence.text == "Georgia"]
    assert main == "USA" and len(georgias) == 2
    assert all(p.country == "USA" and p.feature_code == "ADM1" for p in georgias)


def test_a_county_in_the_storys_state_is_that_states(resources, parse):
    # thirty states have a Washington County, Oregon's the largest
    places, _ = _places(resources, parse, "Vermont officials said the flood closed roads in Washington County.")
    assert places["Washington County"].country == "USA" and places["Washington County"].admin1 == "Vermont"


def test_a_division_named_alone_says_where_the_story_is(resources, parse):
    # "Texas" has no rival of any size: the story is American, so "Paris" is the Texas town
    places, main = _places(resources, parse, "Storms hit Paris overnight. Texas officials said Dallas was spared.")
    assert main == "USA" and places["Paris"].country == "USA" and places["Paris"].admin1 == "Texas"


@pytest.mark.parametrize("text, name, division", [
    # "Wyoming" is also a Michigan city of 75,000; "Wales" also a village in Yorkshire,
    # which "England" named beside it would put in the story's own division
    ("Snow closed roads across Wyoming on Tuesday, federal officials said.", "Wyoming", "Wyoming"),
    ("Floods hit parts of England and Wales overnight.", "Wales", "Wales"),
])
def test_a_division_named_alone_is_the_division_not_a_namesake_town_elsewhere(resources, parse, text, name,
                                                                                division):
    places, _ = _places(resources, parse, text)
    assert places[name].feature_code == "ADM1" and places[name].admin1 == division


def test_a_division_named_like_its_countrys_capital_is_still_the_capital(resources, parse):
    places, _ = _places(resources, parse, "Officials in Washington said the talks would resume.")
    assert places["Washington"].feature_code == "PPL" and places["Washington"].admin1 == "District of Columbia"


@pytest.mark.parametrize("text, name", [
    # the press drops the long form's article
    ("Cases rose in the Democratic Republic of Congo, officials said.", "Democratic Republic of Congo"),
    # the NER cuts the name after "the": "the Democratic Republic of the" + "Congo"
    ("Ebola spread in the Democratic Republic of the Congo last year.", "Democratic Republic of the Congo"),
])
def test_a_long_country_name_is_read_whole(resources, parse, text, name):
    places, _ = _places(resources, parse, text)
    assert places[name].country == "COD" and places[name].feature_code == "PCLI"
    assert "Congo" not in places


def test_a_capitalised_direction_word_may_begin_a_towns_name(resources, parse):
    places, _ = _places(resources, parse, "A barn burned down in East Hampton on Sunday night.")
    assert places["East Hampton"].name == "East Hampton" and places["East Hampton"].precision == "town"


def test_two_names_with_readings_side_by_side_choose_those(resources, parse):
    places, _ = _places(resources, parse, "Deputies in Henderson County arrested a man from Athens on Friday.")
    assert places["Athens"].country == "USA" and places["Athens"].admin1 == "Texas"
    assert places["Henderson County"].admin1 == "Texas"


def test_a_county_name_inside_a_longer_name_is_no_county(resources, parse):
    places, _ = _places(resources, parse, "The choir sang at the Carnegie Concert Hall on Friday.")
    assert not any(p.feature_code == "ADM2" for p in places.values())


def test_co_after_a_name_asks_for_the_county(resources, parse):
    places, _ = _places(resources, parse, "Deputies in Shelby Co. searched the woods for the boy.")
    assert places["Shelby"].feature_code == "ADM2" and places["Shelby"].precision == "district"


def test_demonyms_of_divisions_and_two_word_demonyms(resources, parse):
    places, _ = _places(resources, parse,
                        "Ontarians will pay more for fuel, while Dagestani police and Sri Lankan troops stood by.")
    assert places["Ontarians"].name == "Ontario" and places["Ontarians"].adjectival
    assert places["Dagestani"].country == "RUS" and places["Dagestani"].feature_code == "ADM1"
    assert places["Sri Lankan"].country == "LKA" and places["Sri Lankan"].adjectival


def test_names_that_lie_together_outweigh_the_ledes_bigger_namesake(resources, parse):
    # Boston, Massachusetts is the bigger Boston, but Spalding lies beside Boston, Lincolnshire
    places, _ = _places(resources, parse, "Floods hit Boston on Sunday, and the road to Spalding was closed.")
    assert places["Boston"].country == "GBR" and places["Spalding"].country == "GBR"


def test_a_name_in_a_list_of_states_is_a_state(resources, parse):
    places, _ = _places(resources, parse, "Flu cases rose in Ohio, Oregon, Utah and Idaho.")
    assert places["Oregon"].feature_code == "ADM1" and places["Oregon"].name == "Oregon"
    assert places["Utah"].feature_code == "ADM1"


@pytest.mark.parametrize("text, name, country", [
    # a world city that nothing else locates beats a small namesake of the story's country
    ("The Dallas band played Houston and Austin before flying to London.", "London", "GBR"),
    # a name glued by a hyphen to a common word is whole
    ("Troops of the Gori-based artillery unit left.", "Gori", "GEO"),
    # a country the parser cut around "of the" is joined
    ("Measles spread in Burundi, Rwanda and Democratic Republic of the Congo.",
     "Democratic Republic of the Congo", "COD"),
    # a possessive inside a country's name is no site (not the "Republic of China")
    ("A spokesman for the Ministry of Commerce of the People's Republic of China spoke.",
     "People's Republic of China", "CHN"),
], ids=["world-city", "hyphen-glued", "cut-around-of-the", "possessive-in-a-name"])
def test_the_country_a_name_is_read_in(resources, parse, text, name, country):
    places, _ = _places(resources, parse, text)
    assert places[name].country == country


@pytest.mark.parametrize("text, words, name, precision", [
    ("Rep. Ann Carter, D-W. Va., opposed the bill.", "W. Va.", "West Virginia", "province"),
    ("The bill's sponsor, Sen. Paul Reed (R-Pa.), spoke first.", "Pa.", "Pennsylvania", "province"),
    ("State Sen. Lisa Grant, D-Calif, voted no.", "Calif", "California", "province"),
    ("Delegate Tom Hale, R-Kanawha, voted no.", "Kanawha", "Kanawha County", "district"),
])
def test_a_politicians_party_designation_names_their_state_or_district(resources, parse, text, words, name,
                                                                        precision):
    places, _ = _places(resources, parse, text)
    assert places[words].name == name and places[words].precision == precision



def test_a_headlines_place_before_an_office_is_found_inside_a_longer_capitalised_name(resources, parse):
    places, _ = _places(resources, parse, "Banker Ivanov Joins Sochi Mayor Race.")
    assert places["Sochi"].country == "RUS"


def test_a_surname_before_an_office_in_running_text_is_no_place(resources, parse):
    places, _ = _places(resources, parse, "The speech by Mary Ann Jones Mayor of the town was brief.")
    assert "Jones" not in places


def test_a_peoples_name_says_which_country_the_story_is_in(resources, parse):
    # Bor is a town in Serbia, Turkey, Russia and South Sudan; the Dinka and the Nuer live in one
    places, main = _places(resources, parse, "Clashes between Dinka and Nuer youths in Bor left five dead.")
    assert main == "SSD" and places["Bor"].country == "SSD"
    assert "Dinka" not in places        # the tagger's "building" is a people


def test_a_small_town_far_from_where_the_armed_group_fights_is_a_namesake(resources, parse):
    # the gazetteer's only Kuda is in India; Boko Haram fights in Nigeria and its neighbours
    text = "Boko Haram militants attacked the village of Kuda, killing 12 residents."
    places, main = _places(resources, parse, text)
    assert "Kuda" not in places and main != "IND"
    # a town near where the group fights stands
    places, main = _places(resources, parse, "Boko Haram militants attacked Maiduguri, killing 12 residents.")
    assert places["Maiduguri"].country == "NGA"


def test_an_acronym_is_no_evidence_of_where_a_group_fights(resources, parse):
    # "JAS" is one of Boko Haram's names, and other groups' too
    places, _ = _places(resources, parse, "JAS fighters attacked the village of Kuda, killing 12 residents.")
    assert places["Kuda"].country == "IND"


def test_a_name_before_a_states_office_is_the_state(resources, parse):
    # the city and the state share the name; a governor is the state's
    places, _ = _places(resources, parse, "New York's governor signed the budget on Monday.")
    assert places["New York"].feature_code == "ADM1"
    places, _ = _places(resources, parse, "The mayor spoke in New York on Monday.")
    assert places["New York"].feature_code == "PPL"


def test_a_place_written_with_its_article_is_found_bare(code_text):
    # the gazetteer names Raqqa without the article; "in Ar-Raqqa" says it is a place
    out = code_text("Gunmen shot and killed a civilian in Mansura in Ar-Raqqa.", pub="2020-05-04")
    assert ("Ar-Raqqa", "SYR") in [(p["text"], p["country"]) for p in out["places"]]


def test_a_body_named_with_an_article_is_no_place(code_text):
    out = code_text("Two men from Al-Bostan company were arrested in Damascus.", pub="2020-05-04")
    assert "Al-Bostan" not in [p["text"] for p in out["places"]]
