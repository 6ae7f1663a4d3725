from sitrep.evaluation.petrarch import evaluate_petrarch, load_petrarch
from tests.conftest import require_evaldata

SAMPLE = """<Validation>
# a comment line as the real files have
<Sentences>
<Sentence date = "20080804" id ="R1" category="AFP" sentence="true">
<EventCoding eventcode="190" sourcecode="---REB" targetcode="SYR" />
<Text>
Insurgents bombarded a government-held part of Aleppo overnight, killing at least eight people.
</Text>
</Sentence>
<!--
<Sentence date="20080804" id="DISABLED" category="AFP"><EventCoding eventcode="010"/><Text>x</Text></Sentence>
-->
<Sentence date="20080805" id="R2" category="AFP" sentence="true">
<EventCoding noevents = "True" />
<Text>The weather in Paris was mild on Tuesday.</Text>
</Sentence>
<Sentence date="20080805" id="R3" category="ERROR" sentence="true">
<EventCoding error = "True">
<Text>An expected coder error is skipped.</Text>
</Sentence>
<Sentence date="20080806" id="R4" category="AFP" sentence="true">
<EventCoding sourcecode="USAGOV" targetcode="RUS" eventcode="112" />
<Text>The United States accused Russia of violating the ceasefire.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_loader_reads_codings_and_skips_comments_and_errors(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    records = load_petrarch(path)
    assert [r.record_id for r in records] == ["R1", "R2", "R4"]
    assert records[0].codings[0].root == "19" and records[0].on.isoformat() == "2008-08-04"
    assert records[1].expects_nothing and not records[1].codings
    assert records[2].codings[0].source == "USAGOV"


def test_scoring_on_a_written_sample(tmp_path, coder):
    path = tmp_path / "records.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    report = evaluate_petrarch(coder, "gsr", path)
    assert report["metrics"]["cameo_root"] == 1.0           # 19 and 11 both found
    assert report["metrics"]["quiet"] == 1.0
    assert report["scored"]["source_country"] == 1          # ---REB names no country
    assert report["metrics"]["target_country"] == 1.0        # Syria, Russia


def test_real_files_run(coder):
    for name, which in (("PETR2_GSR_validation.xml", "gsr"), ("PETR.UnitTest.records.xml", "unit")):
        path = require_evaldata("petrarch", name)
        report = evaluate_petrarch(coder, which, path, limit=20)
        assert report["records"] == 20 and 0.0 <= report["metrics"]["cameo_root"] <= 1.0
