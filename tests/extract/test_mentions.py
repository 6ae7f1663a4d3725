"""One event per occurrence (extract/mentions.py): tolls told later, and one fight told
from both sides, on texts written for these tests."""


def _violent(out):
    return [e for e in out["events"] if e["acled_event_type"] in ("Battles", "Violence against civilians",
                                                                    "Explosions/Remote violence")]


def test_harm_told_later_with_no_doer_is_the_fights_toll(code_text):
    out = code_text("On 8 June 2020, soldiers clashed with Al Shabaab militants near Jowhar. "
                    "Six Al Shabaab fighters were reported killed.", pub="2020-06-10")
    [fight] = _violent(out)
    assert fight["trigger"] == "clashed" and fight["fatalities"] == 6
    assert len(fight["mentions"]) == 2


def test_a_toll_the_report_does_not_tie_to_the_place_is_not_taken(code_text):
    out = code_text("On 8 June 2020, rebels fired mortars at army positions near Popasna. During the day, one "
                    "soldier was killed at an unspecified location.", pub="2020-06-10")
    first = next(e for e in out["events"] if e["acled_event_type"])
    assert first["fatalities"] is None


def test_a_toll_in_the_next_paragraph_is_not_taken(code_text):
    out = code_text("On 8 June 2020, warplanes carried out air strikes on rebel positions near Jowhar.\n\n"
                    "Six soldiers were killed in the fighting, officials said.", pub="2020-06-10")
    strike = next(e for e in out["events"] if e["trigger"] == "air strikes")
    assert strike["fatalities"] is None


def test_one_fight_told_from_both_sides_is_one_event(code_text):
    out = code_text("On 5 June 2020, SSPDF attacked NAS rebels near Yei. NAS claimed to have killed 4 SSPDF "
                    "soldiers.", pub="2020-06-08")
    [fight] = _violent(out)
    assert fight["fatalities"] == 4
    assert {(a["role"], a["name"]) for a in fight["actors"]} >= {
        ("source", "Military Forces of South Sudan"), ("target", "National Salvation Front")}


def test_a_noun_that_refers_back_is_the_earlier_events_mention(code_text):
    out = code_text("On 3 May 2020, hundreds of teachers protested in Nairobi over unpaid salaries. "
                    "The demonstration ended peacefully.", pub="2020-05-12")
    [protest] = [e for e in out["events"] if e["event_type"] == "PROTEST"]
    assert protest["trigger"] == "protested" and len(protest["mentions"]) == 2


def test_the_act_referred_back_to_keeps_its_coding_and_gains_the_referring_mentions_doer(code_text):
    out = code_text("On 7 May 2020, a roadside bomb exploded near an army convoy outside Afgooye. "
                    "Al Shabaab claimed responsibility for the attack.", pub="2020-05-08")
    [blast] = _violent(out)
    assert blast["acled_sub_event_type"] == "Remote explosive/landmine/IED"
    assert any(a["role"] == "source" and a["name"] == "Al Shabaab" for a in blast["actors"])


def test_a_noun_in_another_paragraph_is_its_own_event(code_text):
    out = code_text("On 3 May 2020, hundreds of teachers protested in Nairobi over unpaid salaries.\n\n"
                    "On 4 May 2020, the demonstration of nurses in Mombasa ended peacefully.", pub="2020-05-05")
    assert len([e for e in out["events"] if e["event_type"] == "PROTEST"]) == 2
