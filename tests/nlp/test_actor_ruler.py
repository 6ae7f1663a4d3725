"""The actor ruler must set the very entities spaCy's own entity_ruler sets."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from sitrep.nlp.actor_ruler import ActorRuler

PATTERNS = [
    {"label": "ORG", "pattern": "Islamic State", "id": "is"},
    {"label": "ORG", "pattern": "Islamic State of Iraq", "id": "isi"},
    {"label": "ORG", "pattern": "the State", "id": "state"},
    {"label": "PERSON", "pattern": "Bashar al-Assad", "id": "assad"},
    {"label": "GPE", "pattern": "transnistria"},
]
WORDS = ["Islamic", "State", "of", "Iraq", "the", "Bashar", "al-Assad", "Transnistria", "fighters", "in", "said"]


def _stock_and_ours():
    stock = spacy.blank("en")
    stock.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}).add_patterns(PATTERNS)
    ours = spacy.blank("en")
    ruler = ActorRuler(ours)
    ruler.add_patterns(PATTERNS)
    return stock, ours, ruler


def _ents(doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_longest_match_wins_and_ids_are_kept():
    _, ours, ruler = _stock_and_ours()
    doc = ruler(ours.make_doc("Islamic State of Iraq fighters met Bashar al-Assad in Transnistria."))
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Islamic State of Iraq", "ORG", "isi") in found
    assert ("Bashar al-Assad", "PERSON", "assad") in found
    assert ("Transnistria", "GPE", "") in found
    assert len(ruler) == len(PATTERNS)


def _with_preset(nlp, text, preset):
    # the parse's own preset entities (masked acronyms), which a match may overwrite
    doc = nlp.make_doc(text)
    if preset is not None and preset < len(doc):
        doc.set_ents([Span(doc, preset, preset + 1, label="ORG")])
    return doc


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.one_of(st.none(), st.integers(0, 13)))
def test_the_same_entities_as_spacys_entity_ruler(words, preset):
    stock, ours, ruler = _stock_and_ours()
    text = " ".join(words)
    expected = stock.get_pipe("entity_ruler")(_with_preset(stock, text, preset))
    assert _ents(ruler(_with_preset(ours, text, preset))) == _ents(expected)
