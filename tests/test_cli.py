"""The command line, run in-process through ``sitrep.cli.main``."""
import json

import pytest

from sitrep.cli import main
from sitrep.lexicon.triggers import PLOVER_TYPES
from sitrep.model import ACTOR_ROLES, DATE_METHODS, DATE_PRECISIONS, EVENT_STATUSES, PLACE_PRECISIONS
from tests.conftest import EXAMPLES

CONTRACT_EVENT_KEYS = {"event_id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo_root",
                       "status", "actors", "location", "date", "fatalities", "sentence", "evidence", "confidence"}


@pytest.fixture(autouse=True)
def _shared_coder(monkeypatch, coder):
    monkeypatch.setattr("sitrep.cli._coder", lambda: coder)


def test_code_writes_one_contract_object_per_article(capsys, tmp_path):
    bad = tmp_path / "zz_bad.txt"
    bad.write_bytes(b"\xff\xfe")
    assert main(["code", str(EXAMPLES / "001_yemen_marib.txt"), str(bad)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    good, err = (json.loads(line) for line in lines)
    assert good["error"] is None and good["pub_date"] == "2021-02-15"
    assert {"doc_id", "pub_date", "events", "places", "quotes", "error"} <= set(good)
    for event in good["events"]:
        assert CONTRACT_EVENT_KEYS <= set(event)
        assert set(event["date"]) >= {"start", "end", "precision", "text", "method"}
        assert event["status"] in EVENT_STATUSES
        assert event["date"]["precision"] in DATE_PRECISIONS and event["date"]["method"] in DATE_METHODS
        assert event["event_type"] in PLOVER_TYPES
        assert all(a["role"] in ACTOR_ROLES for a in event["actors"])
        assert event["location"] is None or event["location"]["precision"] in PLACE_PRECISIONS
    assert err["events"] == [] and "UTF-8" in err["error"]


def test_code_reads_jsonl_from_stdin(capsys, monkeypatch):
    import io

    data = b'{"id": "a", "date": "2020-05-02", "text": "Protesters marched in Lagos on Friday."}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["code", "--format", "jsonl", "-"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["doc_id"] == "a" and out["events"][0]["event_type"] == "PROTEST"


@pytest.mark.parametrize("argv", [["code"], ["code", "--date", "2020-02-30", "x.txt"], ["nope"],
                                  ["events", "--since", "yesterday"], ["code", "does-not-exist.txt"],
                                  ["eval", "places", "--dataset", "gsr"], ["eval", "acled", "--dataset", "gwn"],
                                  ["eval", "muc", "--dataset", "dev", "--dataset", "train"]])
def test_misuse_is_one_line_and_exit_2(argv, capsys):
    try:
        status = main(argv)
    except SystemExit as exc:
        status = exc.code
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("sitrep: error:")


def test_ingest_events_show(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main(["ingest", "--db", db, str(EXAMPLES)]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--type", "ASSAULT"]) == 0
    table = capsys.readouterr().out
    assert "ASSAULT" in table or "Armed clash" in table
    assert main(["events", "--db", db, "--json", "--limit", "1"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    event_id = json.loads(line)["event_id"]
    assert main(["show", "--db", db, event_id]) == 0
    shown = capsys.readouterr().out
    assert "[trigger:" in shown and event_id in shown
    assert main(["show", "--db", db, "ev-nope"]) == 2


def test_train_writes_a_model_that_eval_scores_cross_fitted(tmp_path, capsys):
    from sitrep.learn.linear import SoftmaxModel
    from tests.learn.test_acled_types import SAMPLE

    data, out = tmp_path / "acled.csv", tmp_path / "model.npz"
    data.write_text(SAMPLE, encoding="utf-8")
    assert main(["train", "acled-types", "--file", str(data), "--out", str(out)]) == 0
    model = SoftmaxModel.load(out)
    assert model.meta["trained_on"] == "acled.csv" and len(model.classes) == 2
    capsys.readouterr()
    assert main(["eval", "acled", "--file", str(data), "--rules-only"]) == 0
    assert "learned sub-type model: none" in capsys.readouterr().out
