"""The indexed attribute rules must annotate exactly as spaCy's own AttributeRuler."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.nlp.attribute_rules import IndexedAttributeRules, UnsupportedRule, index_attribute_rules
from sitrep.nlp.spacy_model import MODEL_PACKAGE

from ..conftest import EXAMPLES

# the rules that test two tokens, a dependency, whitespace or a pattern, and words the
# tag map alone decides
WRITTEN = [
    "I ain't gonna go, y'all. We gotta leave; let's go. C'mon, there is nothin' left.",
    "There's a dog and there are cats. He gets it, she got it, they did have it.",
    "What do you want?  Which one did he take? Does he know that she had left?\n\nYes.",
    "IS fighters seized Palmyra from government forces on Sunday, the Observatory said.",
]
WORDS = ["ai", "n't", "gon", "na", "got", "ta", "let", "'s", "c'm", "on", "y'", "y", "all", "there", "is",
         "are", "was", "were", "'re", "do", "does", "did", "'d", "have", "has", "had", "gets", "nothin'",
         "that", "which", "the", "a", "fighters", "seized", "Palmyra", "police", "said", "  ", "\n", ",", ".",
         "?", "'", "-", "20", "killed", "US", "It", "what", "who", "whose", "to", "be", "been"]


@pytest.fixture(scope="module")
def models():
    spacy = pytest.importorskip("spacy")
    theirs = spacy.load(MODEL_PACKAGE)
    ours = IndexedAttributeRules()
    ours.copy_rules(theirs.get_pipe("attribute_ruler"))
    return theirs, ours


def _annotations(doc):
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _both(models, text: str):
    theirs, ours = models
    parsed = theirs(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    a, b = parsed.copy(), parsed.copy()
    theirs.get_pipe("attribute_ruler")(a)
    ours(b)
    return _annotations(a), _annotations(b)


def test_the_examples_and_written_sentences_are_annotated_as_spacy_does(models):
    texts = [a.text for a in read_inputs([str(EXAMPLES)], ReadOptions())] + WRITTEN
    changed = 0
    for text in texts:
        spacy_says, we_say = _both(models, text)
        assert we_say == spacy_says, text
        parsed = models[0](text, disable=["attribute_ruler", "lemmatizer", "ner"])
        changed += sum(1 for t in parsed if not t.pos_)
    # the rules do set what the parse leaves empty (else the comparison proves nothing)
    assert changed > 100


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_any_run_of_the_rules_words_is_annotated_as_spacy_does(models, words):
    spacy_says, we_say = _both(models, " ".join(words))
    assert we_say == spacy_says


def test_a_multi_token_rule_sets_the_token_its_index_names(models):
    # "gonna": rule 1 gives "gon" the lemma "go", rule 2 gives "na" the lemma "to"
    _, ours = models
    spacy_says, we_say = _both(models, "We are gonna win.")
    assert we_say == spacy_says
    assert [a[3] for a in we_say][2:4] == ["go", "to"]


def test_a_rule_of_an_unknown_kind_is_refused_and_the_pipeline_left_as_it_was(models):
    class Ruler:
        patterns = [{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}, "index": 0}]
        attrs = [{}]
        indices = [0]

    with pytest.raises(UnsupportedRule):
        IndexedAttributeRules().copy_rules(Ruler())

    class Nlp:
        pipe_names = ["attribute_ruler"]

        def get_pipe(self, name):
            return Ruler()

        def replace_pipe(self, *args):
            raise AssertionError("the pipeline must not be touched")

    with pytest.raises(UnsupportedRule):
        index_attribute_rules(Nlp())


def test_the_coders_pipeline_runs_the_indexed_rules(resources):
    assert isinstance(resources.nlp.get_pipe("attribute_ruler"), IndexedAttributeRules)
