"""Issue #2 acceptance: what a careful analyst reads in the seed report.

Places within 30 km of their true position, date windows, statuses, actors.
Skipped when ../shared/seeds is absent.
"""
from datetime import date

from sitrep.geo.points import haversine_km

TADMUR = (34.5624, 38.28402)
DEIR_EZ_ZOR = (35.33588, 40.14084)
RAQQA = (35.95283, 39.00788)


def _near(event, where, km=30):
    loc = event["location"]
    return loc is not None and haversine_km(loc["lat"], loc["lon"], *where) <= km


def _names(event, role):
    return {a["name"] for a in event["actors"] if a["role"] == role}


def _find(out, **want):
    for e in out["events"]:
        if all(e.get(k) == v for k, v in want.items()):
            yield e


def _day(s):
    return date.fromisoformat(s)


def test_is_seizes_palmyra_from_government_forces_in_december(seed_output):
    [e] = [e for e in _find(seed_output, event_type="COERCE", mode="seize", status="occurred")
           if "Islamic State" in _names(e, "source") and _near(e, TADMUR) and e["acled_event_type"] == "Battles"]
    assert e["acled_sub_event_type"] == "Non-state actor overtakes territory"
    assert any("Syria" in n for n in _names(e, "target"))
    assert e["date"]["start"] == "2016-12-01" and e["date"]["end"] == "2016-12-31"


def test_government_retakes_palmyra_with_russian_air_support_in_spring_2016(seed_output):
    [e] = [e for e in _find(seed_output, acled_sub_event_type="Government regains territory")]
    assert _names(e, "source") == {"Bashar al-Assad"}
    assert "Russian air force" in _names(e, "supporter")
    assert _near(e, TADMUR)
    assert _day(e["date"]["start"]) <= date(2016, 3, 31) and _day(e["date"]["end"]) >= date(2016, 4, 1)
    assert _day(e["date"]["end"]) <= date(2016, 5, 31)


def test_is_executes_civilians_in_the_roman_theatre_last_week(seed_output):
    [e] = [e for e in _find(seed_output, acled_event_type="Violence against civilians")]
    assert "Islamic State" in _names(e, "source") and any("Civilians" in n for n in _names(e, "target"))
    assert e["location"]["precision"] == "site" and _near(e, TADMUR)
    assert (e["date"]["start"], e["date"]["end"]) == ("2017-01-16", "2017-01-22")


def test_is_destroys_palmyra_monuments_by_friday(seed_output):
    [e] = [e for e in _find(seed_output, acled_sub_event_type="Looting/property destruction")]
    assert "Islamic State" in _names(e, "source") and _near(e, TADMUR)
    assert e["date"]["end"] <= "2017-01-20"


def test_is_intends_to_take_deir_al_zor_city(seed_output):
    found = [e for e in _find(seed_output, status="intended") if "Islamic State" in _names(e, "source")
             and _near(e, DEIR_EZ_ZOR, km=5) and e["location"]["precision"] == "town"]
    assert any(e["event_type"] == "COERCE" for e in found)


def test_us_special_forces_raid_is_in_deir_al_zor_province(seed_output):
    [e] = [e for e in _find(seed_output, trigger="raids")]
    assert _names(e, "source") == {"US special forces"} and _names(e, "target") == {"Islamic State"}
    assert e["location"]["precision"] == "province" and e["location"]["geonameid"] == 170792
    assert e["status"] == "occurred"


def test_us_backed_kurdish_led_campaign_around_raqqa_is_ongoing(seed_output):
    found = [e for e in _find(seed_output, status="ongoing")
             if "Syrian Democratic Forces" in _names(e, "source") and _near(e, RAQQA)]
    assert found
    assert any("United States" in _names(e, "supporter") and "Islamic State" in _names(e, "target")
               for e in found)
    assert all(e["date"]["end"] == "2017-01-23" for e in found)


def test_turkish_backed_rebels_fight_is_in_the_north(seed_output):
    [e] = [e for e in seed_output["events"] if "Turkey" in _names(e, "supporter")]
    assert any("Rebel" in n for n in _names(e, "source")) and _names(e, "target") == {"Islamic State"}
    assert e["location"]["precision"] == "region" and e["status"] == "ongoing"


def test_pro_assad_commander_requests_the_us_led_alliance_to_strike_is(seed_output):
    [request] = list(_find(seed_output, event_type="REQUEST"))
    assert any("pro-Assad" in n for n in _names(request, "source"))
    assert _names(request, "target") == {"US-led coalition"}
    [strike] = list(_find(seed_output, status="requested"))
    assert _names(strike, "source") == {"US-led coalition"} and _names(strike, "target") == {"Islamic State"}


def test_asserting_itself_is_not_an_event(seed_output):
    assert not any(e["trigger"].startswith("assert") for e in seed_output["events"])
    assert len(seed_output["events"]) <= 15


def test_three_quotes_two_anonymous_commanders_one_named_director(seed_output):
    quotes = seed_output["quotes"]
    assert len(quotes) == 3
    assert [q["anonymous"] for q in quotes] == [True, False, True]
    assert quotes[1]["speaker"] == "Rami Abdulrahman"
    assert quotes[1]["affiliation"] == "Syrian Observatory for Human Rights"
    assert all("ommander" in quotes[i]["speaker"] for i in (0, 2))


def test_places_resolve_to_geonames_ids(seed_output):
    ids = {p["geonameid"] for p in seed_output["places"]}
    assert {170794, 163808, 172955} <= ids


def test_who_backs_whom(seed_output):
    rel = {(r["backer"], r["backed"]) for r in seed_output["relations"]}
    assert ("Hezbollah", "Government of Syria") in rel
    assert ("Russian air force", "Government of Syria") in rel
    assert any(b == "Government of Syria" and "ilitia" in a for a, b in rel)        # Iranian-backed Shia militias
    assert ("United States", "Syrian Democratic Forces") in rel
    assert any(a == "Turkey" and "Rebel" in b for a, b in rel)
    assert any(a == "Iran" and "ilitia" in b for a, b in rel)


def test_every_span_is_the_text_it_claims(seed_output, coder):
    from tests.conftest import SEED
    from sitrep.io.readers import split_date_marker

    _, text = split_date_marker(SEED.read_text(encoding="utf-8"))
    for e in seed_output["events"]:
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["trigger"]
        for a in e["actors"]:
            assert text[a["start"]:a["end"]] == a["text"]
    for p in seed_output["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    for q in seed_output["quotes"]:
        assert text[q["start"]:q["end"]].startswith(q["quote"][:20])


def test_event_ids_are_unique(seed_output):
    # one trigger with two coordinated subjects gives two events; each needs its own id
    ids = [e["event_id"] for e in seed_output["events"]]
    assert len(ids) == len(set(ids))
