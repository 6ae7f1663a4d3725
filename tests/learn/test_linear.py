"""The hashed-feature softmax model, on texts written for this test."""
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from sitrep.learn.linear import SoftmaxModel, hashed_features, train_softmax

TEXTS = ["rebels attacked the army base", "rebels attacked a police post", "the army base was attacked by rebels",
         "students marched peacefully in the capital", "teachers marched peacefully for pay",
         "workers marched peacefully outside parliament"] * 3
LABELS = ["clash"] * 3 + ["march"] * 3
LABELS = LABELS * 3


def test_it_learns_to_tell_two_kinds_apart():
    model = train_softmax(TEXTS, LABELS, epochs=10)
    assert model.predict("rebels attacked an army post")[0] == "clash"
    label, probability = model.predict("nurses marched peacefully")
    assert label == "march" and 0.5 < probability <= 1.0


def test_training_is_reproducible():
    a, b = train_softmax(TEXTS, LABELS, epochs=5, seed=3), train_softmax(TEXTS, LABELS, epochs=5, seed=3)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.feature_ids, b.feature_ids)


def test_rare_features_keep_no_row():
    model = train_softmax(TEXTS[:6] + ["a unique zebra word"], LABELS[:6] + ["march"], epochs=1, min_df=2)
    assert not set(hashed_features("zebra")) & set(model.feature_ids.tolist())


def test_save_and_load_round_trip(tmp_path):
    model = train_softmax(TEXTS, LABELS, epochs=5, meta={"trained_on": "written sample"})
    model.save(tmp_path / "m.npz")
    loaded = SoftmaxModel.load(tmp_path / "m.npz")
    assert loaded.classes == model.classes and loaded.meta == {"trained_on": "written sample"}
    for text in ("rebels attacked", "teachers marched", "nothing known here"):
        assert loaded.predict(text)[0] == model.predict(text)[0]
        # weights are stored at half precision
        assert abs(loaded.predict(text)[1] - model.predict(text)[1]) < 0.01


@given(st.text(max_size=200))
def test_features_are_sorted_distinct_and_in_range(text):
    ids = hashed_features(text)
    assert ids == sorted(set(ids)) and all(0 <= i < 1 << 20 for i in ids)


@given(st.text(alphabet="abcXYZ 0123.,-", max_size=80))
def test_case_and_the_value_of_numbers_do_not_matter(text):
    ids = hashed_features(text)
    assert hashed_features(text.swapcase()) == ids
    assert hashed_features(text.replace("1", "7")) == ids


def test_a_model_with_no_feature_rows_falls_back_on_its_bias():
    model = train_softmax(["alpha", "beta"], ["a", "b"], epochs=2, min_df=5)
    assert len(model.feature_ids) == 0
    label, probability = model.predict("alpha beta gamma")
    assert label in ("a", "b") and 0.0 < probability <= 1.0
    assert model.predict("")[0] in ("a", "b")
