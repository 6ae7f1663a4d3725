"""Unclaimed fire on a known front line is the side facing its place (extract/front_lines.py)."""
import pytest


def _violence(out):
    return [e for e in out["events"] if e["acled_event_type"] in ("Explosions/Remote violence", "Battles")]


def _source(event):
    return next(a for a in event["actors"] if a["role"] == "source")


@pytest.mark.parametrize("village, side, inter", [
    ("Horlivka", "Military Forces of Ukraine", 1),      # held by the separatists: the government fired
    ("Zolote-5", "Military Forces of Ukraine", 1),      # a held village the gazetteer lacks
    ("Svitlodarsk", "NAF", 2),                          # held by the government: the separatists fired
])
def test_fire_near_a_place_is_the_other_sides(code_text, village, side, inter):
    out = code_text(f"On 7 May 2020, the OSCE SMM observed a total of 9 explosions involving unknown weapons "
                    f"near {village}.", pub="2020-05-10")
    [event] = _violence(out)
    assert (_source(event)["name"], _source(event)["acled_inter"]) == (side, inter)
    # explosions with no device named are shelling there, not a roadside bomb
    assert event["acled_sub_event_type"] == "Shelling/artillery/missile attack"


def test_a_named_doer_is_kept(code_text):
    out = code_text("On 9 May 2020, the NAF rebel forces fired 82mm mortars at the governmental positions near "
                    "Horlivka, Donetsk.", pub="2020-05-10")
    assert _source(_violence(out)[0])["name"] == "NAF"


@pytest.mark.parametrize("text, pub", [
    # before the line held, and after it broke: no front-line attribution
    ("On 7 May 2014, explosions were heard near Horlivka.", "2014-05-10"),
    ("On 7 May 2023, explosions were heard near Horlivka.", "2023-05-10"),
    # elsewhere: ACLED's unidentified armed group
    ("On 7 May 2020, several explosions were heard in Manbij city.", "2020-05-10"),
])
def test_off_the_line_the_doer_stays_unidentified(code_text, text, pub):
    events = _violence(code_text(text, pub=pub))
    assert events and all(_source(e)["name"].startswith("Unidentified Armed Group") for e in events)
