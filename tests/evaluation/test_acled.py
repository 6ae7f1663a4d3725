from datetime import date

from sitrep.evaluation.acled import evaluate_acled, haversine_km, load_acled
from tests.conftest import require_evaldata

SAMPLE = """data_id,event_date,time_precision,event_type,sub_event_type,actor1,inter1,latitude,longitude,notes,fatalities,timestamp
1,9-May-20,1,Battles,Armed clash,Al Shabaab,2,-0.3582,42.5454,"On 9 May 2020, Al Shabaab militants attacked a military base in Kismayo, killing four soldiers.",4,1589229240
2,8-May-20,1,Protests,Peaceful protest,Protesters (Kenya),6,-1.2833,36.8167,"On 8 May 2020, traders protested in Nairobi against the closure of a market.",0,1589229240
"""


def test_loader_and_scoring_on_a_written_sample(tmp_path, coder):
    path = tmp_path / "sample.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    golds = list(load_acled(path))
    assert golds[0].event_date == date(2020, 5, 9) and golds[0].pub_date == date(2020, 5, 11)
    report = evaluate_acled(coder, path)
    assert report["records"] == 2
    assert report["metrics"]["type"] == 1.0 and report["metrics"]["fatalities_exact"] == 1.0
    assert report["metrics"]["date_exact"] == 1.0


def test_haversine():
    assert abs(haversine_km(0, 0, 0, 1) - 111.2) < 0.5


def test_real_file_runs(coder):
    path = require_evaldata("acled", "acled_2016-01_2016-05_africa.csv")
    report = evaluate_acled(coder, path, limit=40)
    assert report["records"] == 40 and "sub_type" not in report["metrics"]
    assert 0.0 <= report["metrics"]["type"] <= 1.0
