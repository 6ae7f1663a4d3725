import pytest

from sitrep.errors import PipelineError
from sitrep.nlp.pipeline import Pipeline


class _Stage:
    def __init__(self, name, requires, assigns):
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, state):
        return state


def test_stages_must_come_after_what_they_require():
    with pytest.raises(PipelineError, match="events"):
        Pipeline(None, [_Stage("events", ("doc", "actors"), ("events",)), _Stage("actors", ("doc",), ("actors",))])
    Pipeline(None, [_Stage("actors", ("doc",), ("actors",)), _Stage("events", ("doc", "actors"), ("events",))])


def test_default_stages_declare_a_valid_order(coder):
    names = [name for name, _, _ in coder.pipeline.describe()]
    assert names.index("places") < names.index("actors") < names.index("events") < names.index("relations")


def test_masking_keeps_offsets_and_marks_the_actor(parse):
    text = "Though IS has faced pressure, IS fighters killed civilians."
    doc = parse(text)
    assert len(doc.text) == len(text)
    ents = [(text[e.start_char:e.end_char], e.ent_id_) for e in doc.ents]
    assert ("IS", "islamic_state") in ents
    faced = next(t for t in doc if t.text == "faced")
    assert any(c.dep_ == "nsubj" and text[c.idx:c.idx + 2] == "IS" for c in faced.children)


def test_all_caps_is_is_left_alone(parse):
    doc = parse("WHAT IS THE PLAN FOR SYRIA")
    assert all(not e.ent_id_ for e in doc.ents)
