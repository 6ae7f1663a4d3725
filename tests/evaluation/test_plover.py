from sitrep.evaluation.plover import evaluate_plover, load_plover
from tests.conftest import require_evaldata

SAMPLE = """[
{"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
{"id": "R1", "date": "2000-01-01", "event": "FIGHT", "eventText": "attacked",
 "source": [{"actorText": "Al Shabaab", "code": "SOM", "sector": "REB"}],
 "target": [{"actorText": "Kenyan soldiers", "code": "KEN", "sector": "MIL"}],
 "text": "Al Shabaab militants attacked Kenyan soldiers near Mandera on Tuesday."},
{"id": "R2", "date": "2000-01-01", "event": "DEMAND", "eventText": "demanded", "mode": "",
 "source": [{"actorText": "Ghana", "code": "GHA"}], "target": "diplomatic",
 "text": "Ghana demanded that Togo reopen the border."},
]
"""


def test_loader_maps_legacy_types_and_skips_documentation(tmp_path):
    path = tmp_path / "gsr.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    records = load_plover(path)
    assert [r.event_type for r in records] == ["ASSAULT", "REQUEST"]
    assert records[0].source_countries == {"SOM"} and records[1].target_countries == frozenset()


def test_scoring_on_a_written_sample(tmp_path, coder):
    path = tmp_path / "gsr.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    report = evaluate_plover(coder, path)
    assert report["records"] == 2
    assert report["metrics"]["type"] == 1.0
    assert report["metrics"]["target_country"] == 1.0      # Kenyan soldiers: KEN
    assert report["scored"]["target_country"] == 1


def test_real_file_runs(coder):
    path = require_evaldata("plover", "PLOVER_GSR_CAMEO.txt")
    report = evaluate_plover(coder, path, limit=30)
    assert report["records"] == 30 and 0.0 <= report["metrics"]["type"] <= 1.0
