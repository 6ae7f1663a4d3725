"""The PostgreSQL backend answers as the SQLite store does, on a real server.

The server is started by the tests on loopback from Debian's package (tests/
postgres_server.py); without one these tests skip and say why.
"""
import json
from dataclasses import replace

import pytest

from sitrep.cli import main
from sitrep.errors import StoreError
from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.database import EventFilter, Store
from sitrep.store.ingest import ingest
from tests.conftest import EXAMPLES

FILTERS = [
    EventFilter(limit=None), EventFilter(unique=False, limit=None), EventFilter(event_type="assault"),
    EventFilter(acled_type="battles"), EventFilter(acled_type="Air/drone strike"), EventFilter(actor="houthi"),
    EventFilter(actor="Forces", sort="-date"), EventFilter(place="a", sort="fatalities"),
    EventFilter(country="SDN", unique=False), EventFilter(near=(15.35, 44.2), km=300),
    EventFilter(since="2023-06-01", until="2023-12-31"), EventFilter(status="occurred", min_confidence=0.5),
    EventFilter(text="KILLED"), EventFilter(text="ma", unique=False), EventFilter(text="50%"),
    EventFilter(sort="mentions"), EventFilter(sort="confidence", limit=5, offset=3),
    EventFilter(unique=False, sort="fatalities", limit=7),
]


@pytest.fixture(scope="module")
def coded(coder):
    return list(coder.code(read_inputs([str(EXAMPLES)], ReadOptions())))


@pytest.fixture(scope="module")
def stores(coded, postgres_database, tmp_path_factory):
    lite = Store(tmp_path_factory.mktemp("pg") / "s.db")
    pg = Store(postgres_database())
    for article in coded:
        lite.save(article)
        pg.save(article)
    yield lite, pg
    lite.close()
    pg.close()


def ids(events):
    return [(e["event_id"], e["cluster"]["cluster_id"], e["cluster"]["num_mentions"]) for e in events]


@pytest.mark.parametrize("f", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_every_filter_gives_the_same_events(stores, f):
    lite, pg = stores
    assert ids(pg.events(f)) == ids(lite.events(f))
    assert pg.count_events(replace(f, limit=None)) == lite.count_events(replace(f, limit=None))


def test_the_same_dataset(stores):
    lite, pg = stores
    assert pg.counts() == lite.counts() and pg.counts()["clusters"] > 0
    assert pg.integrity() == lite.integrity() == "ok"
    # the tests' role may create pg_trgm, so --text has its substring index
    assert pg.con.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'event_text_trigram'").fetchone()[0] == 1
    for period in ("day", "week", "month"):
        assert pg.timeline(period, "event_type") == lite.timeline(period, "event_type")
    assert pg.actors() == lite.actors() and pg.actors("houthi") == lite.actors("houthi")
    assert pg.relations() == lite.relations()
    assert pg.places() == lite.places()
    first = lite.events(EventFilter(limit=1))[0]
    assert pg.event(first["event_id"]) == lite.event(first["event_id"])
    assert pg.event(first["cluster"]["cluster_id"]) == lite.event(first["cluster"]["cluster_id"])


def test_week_labels_follow_sqlite_on_awkward_days(stores):
    """New Year's days before the first Monday, a Monday, and a leap day."""
    lite, pg = stores
    for day in ("2023-01-01", "2023-01-02", "2024-02-29", "2024-12-31", "2027-01-03", "2027-01-04"):
        literal = f"'{day}'"
        assert pg.con.execute(f"SELECT {pg.dialect.week(literal)}").fetchone()[0] == \
            lite.con.execute(f"SELECT {lite.dialect.week(literal)}").fetchone()[0]


def test_reingest_is_idempotent_and_rebuild_keeps_the_clusters(stores, coded):
    _, pg = stores
    before = pg.counts()
    assert {pg.save(article).action for article in coded} == {"unchanged"}
    assert pg.counts() == before
    assert pg.rebuild_clusters() == before["clusters"]
    assert pg.integrity() == "ok"


def test_two_writers_share_one_database(coded, postgres_database):
    url = postgres_database()
    with Store(url) as one, Store(url) as two:
        for i, article in enumerate(coded):
            (one if i % 2 else two).save(article)
        assert one.counts() == two.counts() and one.counts()["articles"] == len(coded)


def test_read_only_and_bad_urls_are_store_errors(postgres_database, coded):
    url = postgres_database()
    with pytest.raises(StoreError, match="schema version"):
        Store(url, readonly=True)            # nothing created yet
    Store(url).close()
    with Store(url, readonly=True) as reader:
        with pytest.raises(StoreError):
            reader.save(coded[0])
    with pytest.raises(StoreError, match="cannot open"):
        Store(url.rsplit("/", 1)[0] + "/no_such_database")


def test_cli_and_api_take_a_url(postgres_database, coder, monkeypatch, capsys):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    monkeypatch.setattr("sitrep.cli._coder", lambda: coder)
    url = postgres_database()
    assert main(["ingest", "--db", url, str(EXAMPLES / "001_yemen_marib.txt")]) == 0
    capsys.readouterr()
    assert main(["events", "--db", url, "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed
    body = TestClient(create_app(url)).get("/api/events").json()
    assert body["total"] == len(listed) and {e["event_id"] for e in body["events"]} == {e["event_id"] for e in listed}
