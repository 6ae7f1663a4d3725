import pytest

from sitrep.extract.modality import status_of


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,status", [
    ("IS was seeking to take the city.", "take", "intended"),
    ("The commander urged the coalition to attack IS.", "attack", "requested"),
    ("The group threatened to attack the base.", "attack", "threatened"),
    ("The army denied attacking the village.", "attacking", "denied"),
    ("The rebels did not attack the town.", "attack", "denied"),
    ("If they attacked, the town would fall.", "attacked", "hypothetical"),
    ("Kurdish forces are encircling Raqqa.", "encircling", "ongoing"),
    ("Rebels attacked the town on Monday.", "attacked", "occurred"),
    ("Villagers rallied in the town demanding the arrest of the killers.", "arrest", "requested"),
    ("The envoy called for a ceasefire in the north.", "ceasefire", "requested"),
    ("Traders called a strike in the town on Monday.", "strike", "occurred"),
    ("Residents demanded an inquiry into the killing of a trader.", "killing", "occurred"),
    # a future told in the past is intended; with a condition of its own, hypothetical
    ("The rebels said they would meet the mediator.", "meet", "intended"),
    ("The rebels said they would meet the mediator if he came alone.", "meet", "hypothetical"),
    # the light verb's tense is the act's: the aid is to come, the attack is past
    ("The agency will provide 300 tons of food aid to the camps.", "aid", "intended"),
    ("The police will investigate the attack on the market.", "attack", "occurred"),
])
def test_status(parse, text, word, status):
    assert status_of(_trigger(parse(text), word)) == status


def test_future_refusal_and_willingness(parse):
    from sitrep.extract.modality import status_of

    doc = parse("Norway will send troops. The sides failed to reach a deal. Oslo is willing to send aid.")
    by_word = {t.text: t for t in doc}
    assert status_of(by_word["send"]) == "intended"
    assert status_of(by_word["reach"]) == "denied"
    assert status_of([t for t in doc if t.text == "send"][1]) == "intended"


@pytest.mark.parametrize("text,word", [
    ("The gang announced a curfew as part of planned attacks on a rival gang.", "attacks"),
    ("He called on the groups to reaffirm their commitment to fight the cartel.", "fight"),
    ("The rebels announced a plan to attack the city.", "attack"),
])
def test_an_act_planned_or_committed_to_is_intended(parse, text, word):
    assert status_of(_trigger(parse(text), word)) == "intended"
