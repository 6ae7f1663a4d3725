"""Migrations: a version-1 store is upgraded in place; a newer store is refused."""
import sqlite3

import pytest

from sitrep.errors import StoreError
from sitrep.store import schema
from sitrep.store.database import EventFilter, Store


def _v1_store(path):
    con = sqlite3.connect(path)
    con.executescript(schema.MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO articles VALUES ('d', 'h', '2020-01-01', 'Rebels attacked Goma.', '{}', NULL, 'now')")
    body = ('{"event_id": "ev-1", "event_type": "ASSAULT", "mode": null, "acled_event_type": "Battles", '
            '"acled_sub_event_type": "Armed clash", "cameo_root": "19", "status": "occurred", "actors": [], '
            '"location": null, "date": {"start": "2020-01-01", "end": "2020-01-01", "precision": "day", '
            '"text": null, "method": "publication", "evidence": null}, "fatalities": null, '
            '"sentence": "Rebels attacked Goma.", "evidence": {"start": 7, "end": 15}, "confidence": 0.5}')
    con.execute("INSERT INTO events (event_id, doc_id, event_type, acled_event_type, status, date_start, date_end, "
                "confidence, body) VALUES ('ev-1', 'd', 'ASSAULT', 'Battles', 'occurred', '2020-01-01', "
                "'2020-01-01', 0.5, ?)", (body,))
    con.commit()
    con.close()


def test_v1_store_is_migrated_in_place(tmp_path):
    db = tmp_path / "old.db"
    _v1_store(db)
    with Store(db) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        [event] = store.events(EventFilter())
        assert event["event_id"] == "ev-1" and event["cluster"]["num_mentions"] == 1
        columns = {r[1] for r in store.con.execute("PRAGMA table_info(articles)")}
        assert {"title", "url", "source", "seq"} <= columns
    with Store(db) as again:                       # migrations run once
        assert again.counts()["clusters"] == 1


def test_newer_store_is_refused(tmp_path):
    db = tmp_path / "new.db"
    Store(db).close()
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_readonly_store_refuses_writes_and_missing_files(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    with Store(db, readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError):
            store.con.execute("DELETE FROM articles")
    with pytest.raises(StoreError):
        Store(tmp_path / "absent.db", readonly=True)
