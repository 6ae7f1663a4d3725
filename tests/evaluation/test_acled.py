from datetime import date

from sitrep.evaluation.acled import evaluate_acled, load_acled
from sitrep.geo.points import haversine_km
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
    # the actor-type confusion counts every record once, by gold actor1 inter
    assert sum(report["inter1_confusion"].values()) == 2
    assert report["inter1_confusion"].get("6 -> 6") == 1


LEGACY = """EVENT_DATE,EVENT_TYPE,ACTOR1,INTER1,ACTOR2,INTER2,LATITUDE,LONGITUDE,NOTES,FATALITIES
05/01/2016,Violence against civilians,Police Forces of Kenya,1,Protesters (Kenya),6,-1.2833,36.8167,"Police shot dead two protesters in Nairobi during a march against land grabbing.",2
06/01/2016,Violence against civilians,Rioters (Kenya),5,Civilians (Kenya),7,-1.2833,36.8167,"A mob beat a suspected thief to death in Nairobi.",1
07/01/2016,Violence against civilians,Unidentified Armed Group (Kenya),3,Civilians (Kenya),7,-1.2833,36.8167,"Gunmen shot dead a trader in Nairobi.",1
"""


def test_legacy_events_the_2019_codebook_moved_accept_the_new_type_with_its_sub_type(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_text(LEGACY, encoding="utf-8")
    force, mob, attack = load_acled(path)
    assert force.legacy_types == ("Violence against civilians",)
    assert force.recoded == (("Protests", "Excessive force against protesters"),)
    assert mob.recoded == (("Riots", "Mob violence"),)
    assert attack.recoded == ()


def test_recoded_legacy_events_are_scored_apart(tmp_path, coder):
    path = tmp_path / "legacy.csv"
    path.write_text(LEGACY, encoding="utf-8")
    metrics = evaluate_acled(coder, path)["metrics"]
    # the mob's killing is coded as the 2019 codebook codes it (Riots: Mob violence),
    # which only the recoded figure accepts
    assert metrics["type_strict"] < metrics["type"]


DISPERSED = """EVENT_DATE,EVENT_TYPE,ACTOR1,INTER1,ACTOR2,INTER2,LATITUDE,LONGITUDE,NOTES,FATALITIES
05/01/2016,Violence against civilians,Police Forces of Kenya,1,Protesters (Kenya),6,-1.2833,36.8167,"Police dispersed protesters with tear gas in Nairobi.",0
"""


def test_a_recoded_legacy_event_has_the_new_type_whatever_sub_type_is_read(tmp_path, coder):
    path = tmp_path / "legacy.csv"
    path.write_text(DISPERSED, encoding="utf-8")
    report = evaluate_acled(coder, path)
    # read as "Protests: Protest with intervention", not as excessive force: the type
    # the 2019 codebook gives the event is still Protests
    assert report["confusion"] == {"Violence against civilians -> Protests": 1}
    assert report["metrics"]["type_strict"] == 0.0 and report["metrics"]["type"] == 1.0


def test_haversine():
    assert abs(haversine_km(0, 0, 0, 1) - 111.2) < 0.5


def test_real_file_runs(coder):
    path = require_evaldata("acled", "acled_2016-01_2016-05_africa.csv")
    report = evaluate_acled(coder, path, limit=40)
    assert report["records"] == 40 and "sub_type" not in report["metrics"]
    assert 0.0 <= report["metrics"]["type"] <= 1.0
