import json

from sitrep.evaluation.muc import evaluate_muc, score_document
from tests.conftest import require_evaldata

REPORT = {"docid": "D1", "doctext": "guerrillas of the farabundo marti national liberation front killed two "
          "peasants in san miguel on monday, the army said.",
          "extracts": {"PerpInd": [[["guerrillas", 0]]],
                       "PerpOrg": [[["farabundo marti national liberation front", 18], ["fmln", 0]]],
                       "Victim": [[["peasants", 77]]], "Target": [], "Weapon": []}}


def test_entities_match_once_by_any_mention():
    gold = [["farabundo marti national liberation front", "fmln"], ["army"]]
    one = frozenset
    assert score_document({one({"fmln"}), one({"army"}), one({"navy"})}, gold) == (2, 3, 2)
    # two predictions of one entity: one is right, the other is a false positive
    assert score_document({one({"fmln"}), one({"farabundo marti national liberation front"})}, gold) == (1, 2, 2)
    assert score_document({one({"guerrillas", "fmln"})}, gold) == (1, 1, 2)


def test_scoring_on_a_written_report(tmp_path, coder):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(REPORT) + "\n", encoding="utf-8")
    metrics = evaluate_muc(coder, path)["metrics"]
    assert metrics["PerpOrg"]["recall"] == 1.0 and metrics["PerpOrg"]["gold"] == 1
    assert metrics["PerpInd"]["recall"] == 1.0
    assert metrics["Victim"]["recall"] == 1.0


def test_real_file_runs(coder):
    path = require_evaldata("muc4", "dev.json")
    report = evaluate_muc(coder, path, limit=10)
    assert report["documents"] == 10
    assert all(0.0 <= m["f1"] <= 1.0 for m in report["metrics"].values())


def test_an_organisations_members_are_individuals_and_it_is_one_organisation(tmp_path, coder):
    # "FMLN rebels" twice and "the FMLN": the individuals, and one organisation
    report = {"docid": "D2", "doctext": "fmln rebels attacked an army post in san miguel on monday. later fmln "
              "rebels killed two peasants near the town. the fmln attacked a bridge.",
              "extracts": {"PerpInd": [[["fmln rebels", 0]]], "PerpOrg": [[["fmln", 0]]], "Victim": [],
                           "Target": [], "Weapon": []}}
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(report) + "\n", encoding="utf-8")
    metrics = evaluate_muc(coder, path)["metrics"]
    assert (metrics["PerpOrg"]["predicted"], metrics["PerpOrg"]["recall"]) == (1, 1.0)
    assert metrics["PerpInd"]["recall"] == 1.0
