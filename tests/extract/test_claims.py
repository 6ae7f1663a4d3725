"""Perpetrators the report names outside the event's own clause (extract/claims.py)."""
from datetime import date

import pytest


def _sources(out):
    return [[a["name"] for a in e["actors"] if a["role"] == "source"] for e in out["events"]]


@pytest.mark.parametrize("text, doer", [
    ("A roadside bomb killed five civilians in Ghazni. Local officials said the Taliban planted the bomb.",
     "Taliban"),
    ("An IED exploded near a convoy in Afgooye. Al Shabaab claimed responsibility for the attack.", "Al Shabaab"),
    ("Two policemen were killed by a Taliban-planted landmine in Kandahar.", "Taliban"),
    ("Two farmers were killed in an attack attributed to ADF fighters in Beni.", "Allied Democratic Forces"),
    ("A grenade was hurled by Al Shabaab militants at a checkpoint in Kismayo.", "Al Shabaab"),
])
def test_a_claim_or_attribution_names_the_doer(code_text, text, doer):
    sources = _sources(code_text(text, pub="2020-05-10"))
    assert sources and sources[0] == [doer], sources


@pytest.mark.parametrize("text, claimant", [
    ("Al Shabaab claimed to have killed two soldiers.", "Al Shabaab"),
    ("The army claimed to have thwarted an attack of Al Shabaab.", None),    # foiling an attack is no attack
    ("Police placed the suspects under arrest.", None),                    # no weapon, no claim
])
def test_what_counts_as_a_claim(resources, text, claimant):
    from sitrep.extract.claims import claimed_perpetrator
    from sitrep.extract.coref import ActorIndex
    from sitrep.nlp.spacy_model import masked_doc

    doc = next(iter(resources.nlp.pipe([masked_doc(resources.nlp, resources.actors, text)])))
    actors = resources.actor_finder().find(doc, text, date(2020, 5, 10), "SOM")
    found = claimed_perpetrator(doc, ActorIndex(actors, text, doc), 0, len(text))
    assert (found.name if found else None) == claimant


def test_the_one_a_passive_happened_to_is_its_target(code_text):
    out = code_text("Afghan forces suffered casualties after being hit by a Taliban-planted IED in Logar.",
                    pub="2020-05-10")
    [event] = [e for e in out["events"] if e["acled_event_type"]]
    roles = {(a["role"], a["name"]) for a in event["actors"]}
    assert ("source", "Taliban") in roles and ("target", "Military Forces of Afghanistan") in roles
