import sqlite3
from datetime import date

from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.ingest import ingest
from sitrep.store.database import EventFilter, Store
from tests.conftest import EXAMPLES


def test_ingest_is_idempotent_and_queryable(tmp_path, coder):
    db = tmp_path / "s.db"
    with Store(db) as store:
        first = ingest(store, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
        counts = store.counts()
        second = ingest(store, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
        assert store.counts() == counts
    assert first.added == len(list(EXAMPLES.rglob("*.txt"))) + sum(
        1 for f in EXAMPLES.rglob("*.jsonl") for line in f.open() if line.strip())
    assert first.events == counts["events"] > counts["clusters"] > 0
    assert second.added == 0 and second.unchanged == first.added
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_filters(tmp_path, coder):
    with Store(tmp_path / "s.db") as store:
        ingest(store, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
        everything = store.events(EventFilter(limit=1000))
        assaults = store.events(EventFilter(event_type="ASSAULT", limit=1000))
        assert assaults and len(assaults) < len(everything)
        assert all(e["event_type"] == "ASSAULT" for e in assaults)
        houthi = store.events(EventFilter(actor="Houthi", limit=1000))
        assert houthi and all(any("Houthi" in a["name"] or "Houthi" in a["text"] for a in e["actors"])
                              for e in houthi)
        window = store.events(EventFilter(since="2023-06-01", until="2023-06-30", limit=1000))
        assert window and all(e["date"]["end"] >= "2023-06-01" and e["date"]["start"] <= "2023-06-30"
                              for e in window)
        one = store.event(everything[0]["event_id"])
        assert one["article_text"] and one["event_id"] == everything[0]["event_id"]


def test_changed_text_replaces_the_old_coding(tmp_path, coder):
    from sitrep.model import Article

    with Store(tmp_path / "s.db") as store:
        a = Article("doc", date(2020, 5, 1), "Rebels attacked an army base near Goma on Monday.")
        b = Article("doc", date(2020, 5, 1), "Police arrested ten opposition supporters in Kinshasa on Monday.")
        ingest(store, coder, [a])
        summary = ingest(store, coder, [b])
        assert summary.replaced == 1
        [event] = store.events(EventFilter(limit=10))
        assert event["acled_sub_event_type"] == "Arrests"


def test_bad_record_is_stored_as_an_error_and_the_rest_goes_on(tmp_path, coder):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"no date")
    good = tmp_path / "good.txt"
    good.write_text("date 2020-05-01\nGunmen killed three villagers near Beni on Sunday.", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest(store, coder, read_inputs([str(tmp_path)], ReadOptions()))
        assert summary.errors == 1 and summary.added == 1
        assert store.counts()["events"] >= 1
