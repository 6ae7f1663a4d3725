from pathlib import Path

from sitrep.evaluation.timebank import evaluate_time, parse_tml
from tests.conftest import require_evaldata

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Rebels attacked the town on <TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3> &amp; again
<TIMEX3 tid="t2" type="DATE" value="1998-01-07">yesterday</TIMEX3>, after <TIMEX3 tid="t3" type="DURATION" value="P4Y">four years</TIMEX3> of war.
</TEXT>
</TimeML>
"""


def test_parse_keeps_offsets_and_the_creation_time(tmp_path):
    path = tmp_path / "AQ" / "t1.tml"
    path.parent.mkdir()
    path.write_text(TML, encoding="utf-8")
    doc = parse_tml(path)
    assert str(doc.dct) == "1998-01-08"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Tuesday", "yesterday", "four years"]
    assert "&amp;" not in doc.text


def test_scores_a_written_document(tmp_path, resources):
    path = tmp_path / "AQ" / "t1.tml"
    path.parent.mkdir()
    path.write_text(TML, encoding="utf-8")
    report = evaluate_time(resources, tmp_path)
    assert report["gold_timexes"] == 3
    assert report["span"]["recall"] == 1.0
    assert report["value"]["f1"] == 1.0


def test_real_corpus_runs(resources):
    root = require_evaldata("time", "TBAQ-cleaned")
    report = evaluate_time(resources, Path(root), limit=5)
    assert report["documents"] == 5 and 0 < report["span"]["f1"] <= 1
