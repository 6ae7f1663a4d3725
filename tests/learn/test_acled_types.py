"""The learned ACLED sub-types over the rules' events, with models fitted here to
texts written for the test (the shipped model is measured by `sitrep eval acled`)."""
from datetime import date

from sitrep.evaluation.acled import evaluate_acled
from sitrep.learn.acled_types import AcledTyper, ActorTypeRules, event_context, train_acled_subtypes, trained_on
from sitrep.learn.linear import train_softmax
from sitrep.model import Article

RIOT = "Riots|Violent demonstration"
PROTEST = "Protests|Peaceful protest"


def _model():
    texts = ["residents protested and burned tyres on the main road", "a crowd protested and burned tyres",
             "youths protested and threw stones and burned tyres", "traders protested quietly outside the market",
             "nurses protested quietly about pay", "farmers protested quietly at the ministry"] * 2
    return train_softmax(texts, [RIOT] * 3 + [PROTEST] * 3 + [RIOT] * 3 + [PROTEST] * 3, epochs=20)


def test_a_sure_model_gives_the_sub_type_and_says_so(coder):
    text = "On 3 May 2020, residents of Kisumu protested and burned tyres on the main road."
    article = Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)
    rules = coder.with_acled_model(None).code_one(article).events[0]
    learned = coder.with_acled_model(_model()).code_one(article).events[0]
    assert rules.coding.acled_by == "rules"
    assert (learned.coding.acled_event_type, learned.coding.acled_sub_event_type) == ("Riots", "Violent demonstration")
    assert learned.coding.acled_by == ("rules" if rules.coding.acled_sub_event_type == "Violent demonstration" else "model")
    # the rest of the event is the rules'
    assert learned.trigger == rules.trigger and learned.actors == rules.actors


def test_an_unsure_model_leaves_the_rules_alone(coder, parse):
    text = "On 3 May 2020, residents of Kisumu protested and burned tyres on the main road."
    events = coder.with_acled_model(None).code_one(Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)).events
    never_sure = AcledTyper(_model(), ActorTypeRules.load(), threshold=1.01)
    assert never_sure.retype(parse(text), text, events) == tuple(events)


def test_the_context_is_the_sentence_and_the_next_ones_in_its_paragraph(parse):
    text = "Troops attacked. Two died. Five fled. Nine hid. Ten ran. Six wept.\n\nA new paragraph."
    sentences = list(parse(text).sents)
    assert event_context(text, 0, sentences) == "Troops attacked. Two died. Five fled. Nine hid. Ten ran."
    assert event_context(text, text.index("Six"), sentences) == "Six wept."


SAMPLE = "data_id,event_date,event_type,sub_event_type,inter1,latitude,longitude,notes,fatalities\n" + "".join(
    f'{n},{n % 9 + 1}-May-20,{kind.split("|")[0]},{kind.split("|")[1]},{inter},-1.28,36.82,"On {n % 9 + 1} May 2020, {words}",0\n'
    for n, (kind, inter, words) in enumerate(
        [(RIOT, 5, "residents of Nairobi protested and burned tyres on a road."),
         (PROTEST, 6, "traders in Nairobi protested quietly outside the market.")] * 6))


def test_scored_on_its_own_training_file_the_model_is_cross_fitted(tmp_path, coder):
    path = tmp_path / "acled.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    model = train_acled_subtypes(path)
    assert trained_on(model, path) and model.meta["records"] == 12
    report = evaluate_acled(coder.with_acled_model(model), path)
    assert report["learned_model"] == "cross-fitted (out of fold)"
    other = tmp_path / "other.csv"
    other.write_text(SAMPLE.replace("Nairobi", "Mombasa"), encoding="utf-8")
    assert evaluate_acled(coder.with_acled_model(model), other)["learned_model"] == "acled.csv"
    assert evaluate_acled(coder.with_acled_model(None), other)["learned_model"] == "none"


def _tyres_model():
    """Sure that lighting tyres is a violent demonstration, sitting quietly a protest."""
    texts = ["residents lit tyres on the road", "a crowd lit tyres", "youths lit tyres at a junction",
             "traders sat quietly outside the market", "nurses sat quietly at the hospital",
             "farmers sat quietly at the ministry"] * 2
    return train_softmax(texts, ([RIOT] * 3 + [PROTEST] * 3) * 2, epochs=20)


def test_a_report_the_rules_find_no_event_in_gets_one_from_a_sure_model(coder):
    text = "On 3 May 2020, in Kisumu, residents lit tyres on the main road."
    model = _tyres_model()
    article = Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)
    assert coder.with_acled_model(None).code_one(article).events == ()     # the rules see no event here
    [event] = coder.with_acled_model(model).code_one(article).events
    assert (event.coding.acled_by, event.coding.acled_sub_event_type) == ("model", "Violent demonstration")
    assert event.coding.event_type == "PROTEST"      # the trigger lexicon's kind of riot
    assert event.trigger.text == "lit" and event.location is not None and event.location.name == "Kisumu"
    assert event.date.start == date(2020, 5, 3)
    # a model torn three ways (the same words with three labels) proposes nothing
    unsure = train_softmax(["residents lit tyres"] * 6, [RIOT, PROTEST, "Battles|Armed clash"] * 2, epochs=5)
    assert unsure.predict(text)[1] < 0.5
    assert coder.with_acled_model(unsure).code_one(article).events == ()


def test_a_later_act_the_model_cannot_type_does_not_stop_it_proposing_the_first_clause(coder):
    text = "On 3 May 2020, in Kisumu, residents lit tyres on the main road. The governor had threatened to close it."
    model = _tyres_model()
    article = Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)
    [threat] = coder.with_acled_model(None).code_one(article).events      # the rules see only the threat
    assert threat.trigger.text == "threatened" and threat.coding.acled_event_type is None
    events = coder.with_acled_model(model).code_one(article).events
    assert [(e.trigger.text, e.coding.acled_sub_event_type) for e in events] == [
        ("lit", "Violent demonstration"), ("threatened", None)]


def test_each_acled_sub_type_has_a_kind_in_the_trigger_lexicon(resources):
    from sitrep.lexicon.triggers import TriggerLexicon

    lexicon = resources.triggers
    assert lexicon.entry_for_acled("Explosions/Remote violence", "Suicide bomb").id == "suicide_bomb"
    # a sub-type no entry is coded as falls back to its type's first entry
    assert lexicon.entry_for_acled("Protests", "Excessive force against protesters").plover == "PROTEST"
    assert lexicon.entry_for_acled("No such type", "Nothing") is None
    assert isinstance(lexicon, TriggerLexicon)


def test_the_model_gives_no_type_the_source_cannot_be_actor_one_of(coder, parse):
    """ACLED ties types to actor types: a crowd's beating stays mob violence, however
    much its words read like an attack by an armed group."""
    text = "On 8 May 2020, villagers beat a suspected thief to death in Kibuye."
    attack = train_softmax(["villagers beat a suspected thief to death", "gunmen beat a man to death"] * 4,
                           ["Violence against civilians|Attack"] * 8, epochs=5)
    article = Article(doc_id="t", pub_date=date(2020, 5, 12), text=text)
    [event] = [e for e in coder.with_acled_model(attack).code_one(article).events if e.coding.acled_event_type]
    assert (event.coding.acled_event_type, event.coding.acled_by) == ("Riots", "rules")


def test_a_crowd_whose_protest_the_model_reads_as_a_riot_are_rioters(coder):
    text = "On 3 May 2020, traders protested in Kisumu against the closure of the market."
    article = Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)
    rules = coder.with_acled_model(None).code_one(article).events[0]
    assert rules.coding.acled_event_type == "Protests"
    riot = train_softmax(["traders protested in Kisumu against the closure"] * 6, [RIOT] * 6, epochs=5)
    learned = coder.with_acled_model(riot).code_one(article).events[0]
    [source] = [r.actor for r in learned.actors if r.role == "source"]
    assert learned.coding.acled_event_type == "Riots"
    assert source.name.startswith("Rioters (") and source.acled_inter == 5


def test_actor_type_rules_read_from_the_data_file():
    rules = ActorTypeRules.load()
    assert 7 not in rules.allowed["Violence against civilians"] and 6 in rules.allowed["Protests"]
    assert rules.crowd_names == {"Protests": "Protesters", "Riots": "Rioters"}


def test_the_shipped_model_is_what_the_training_script_makes():
    """Reproducible: re-fitting to the dev file gives the shipped weights exactly."""
    import numpy as np

    from sitrep.learn.acled_types import load_default_model
    from tests.conftest import require_evaldata

    path = require_evaldata("acled", "acled_2020-04-27_2020-05-09_global.csv")
    shipped, refitted = load_default_model(), train_acled_subtypes(path)
    assert trained_on(shipped, path) and shipped.classes == refitted.classes
    assert np.array_equal(shipped.feature_ids, refitted.feature_ids)
    assert np.array_equal(shipped.weights, refitted.weights.astype(np.float16).astype(np.float32))


def test_no_event_is_proposed_where_the_rules_read_a_clause_as_not_happening(coder, parse):
    from dataclasses import replace

    text = "On 3 May 2020, residents threatened to burn tyres on the main road in Kisumu."
    article = Article(doc_id="t", pub_date=date(2020, 5, 4), text=text)
    rules = coder.with_acled_model(None).code_one(article).events
    [threat] = [e for e in rules if e.trigger.text == "threatened"]
    # the threat as the only event, and as one that did not happen
    untyped = (replace(threat, status="hypothetical"),)
    riot = train_softmax(["residents threatened to burn tyres on the road"] * 6, [RIOT] * 6, epochs=5)
    asked = []
    typer = AcledTyper(riot, ActorTypeRules.load())
    assert typer.retype(parse(text), text, untyped, lambda *a: asked.append(a)) == untyped
    assert asked == []      # its clause's head is the threat's own trigger: nothing proposed
