from sitrep.evaluation.places import evaluate_places, load_geo
from tests.conftest import require_evaldata


def test_gwn_loads_and_scores(resources):
    require_evaldata("geo", "GWN.xml")
    docs = list(load_geo("gwn"))
    assert len(docs) == 200 and all(g.end > g.start for d in docs for g in d.toponyms)
    report = evaluate_places(resources, "gwn", limit=10)
    assert report["documents"] == 10 and 0 <= report["accuracy_161km"] <= report["accuracy_161km_on_matched"] <= 1
    assert 0 <= report["far_errors_confident"] <= report["far_errors"]
    assert 0 <= report["confident_share"] <= 1 and 0 <= report["confident_accuracy_161km"] <= 1


def test_patches_move_lgl_coordinates():
    require_evaldata("geo", "lgl.xml")
    from sitrep.evaluation.places import _patches

    patches = _patches("lgl")
    assert patches and all(len(old) == 2 and len(new) == 2 for old, new in patches.values())
