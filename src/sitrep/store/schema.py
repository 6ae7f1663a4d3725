"""The store's schema and its migrations.

The schema version lives in SQLite's ``PRAGMA user_version``. Opening a store runs
every migration above that version, each in its own transaction, so an old store is
upgraded in place and a new one is built by the same steps. A migration is never
edited once released: change the schema by appending one.

Tables (every row that makes a claim carries the offsets of its evidence span):

- ``articles``: one per report, with its content hash, source, url and title;
- ``events``: one per event an article reports (an "event mention" in GDELT's
  terms): the columns filters use, and the ``cluster_id`` it was deduplicated into;
- ``event_bodies``: each event's full contract JSON, kept apart so that filtering
  scans narrow rows (v3);
- ``event_text``: the evidence sentences in an FTS5 trigram index, so a substring
  search (``--text``) is an index lookup, not a scan (v3);
- ``clusters``: one per real-world event, with ``num_mentions``, ``num_articles``
  and ``num_sources`` over its events, its representative event, and (v5) that
  event's type, status, place and confidence for filtering;
- ``actors``: each canonical actor once (v4);
- ``event_clusters``: each event's cluster by its rowid, kept by triggers (v6);
- ``event_actors``, ``places``, ``quotes``, ``relations``: per event or article.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    doc_id TEXT PRIMARY KEY, content_hash TEXT, pub_date TEXT, text TEXT, meta TEXT,
    error TEXT, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    event_type TEXT, mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT, cameo_root TEXT,
    status TEXT, date_start TEXT, date_end TEXT, date_precision TEXT, date_method TEXT,
    location_name TEXT, geonameid INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    geo_precision TEXT, fatalities INTEGER, sentence TEXT, trigger_start INTEGER, trigger_end INTEGER,
    confidence REAL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start);
CREATE INDEX IF NOT EXISTS events_type ON events (event_type, acled_event_type);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE, role TEXT, name TEXT,
    text TEXT, country TEXT, sector TEXT, acled_inter INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id);
CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors (name);
CREATE TABLE IF NOT EXISTS places (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, text TEXT, name TEXT,
    geonameid INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT, precision TEXT,
    start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, speaker TEXT,
    speaker_text TEXT, anonymous INTEGER, affiliation TEXT, quote TEXT, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS relations (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, backer TEXT, backed TEXT,
    kind TEXT, text TEXT, start INTEGER, "end" INTEGER);
"""

# v2: article provenance columns, deduplication into clusters, indexes for the
# filters that 100,000-event stores need (place, country, coordinates, docs of a table).
_V2 = """
ALTER TABLE articles ADD COLUMN title TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN source TEXT;
ALTER TABLE articles ADD COLUMN seq INTEGER;
UPDATE articles SET seq = rowid;
ALTER TABLE events ADD COLUMN cluster_id TEXT;
UPDATE events SET cluster_id = event_id;
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_country ON events (country, date_start);
CREATE INDEX events_lat ON events (lat);
CREATE INDEX places_doc ON places (doc_id);
CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE INDEX relations_doc ON relations (doc_id);
CREATE TABLE clusters (
    cluster_id TEXT PRIMARY KEY, representative TEXT NOT NULL, date_start TEXT, date_end TEXT,
    num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
    fatalities INTEGER, confidence REAL);
CREATE INDEX clusters_date ON clusters (date_start);
INSERT INTO clusters
    SELECT e.event_id, e.event_id, e.date_start, e.date_end, 1, 1, 1, e.fatalities, e.confidence FROM events e;
"""

# v3: bodies and sentences out of the events table (a 100,000-event scan read 120 MB
# of JSON for filters that need none of it); indexes for the ACLED type filter.
_V3 = """
CREATE TABLE event_bodies (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE, body TEXT NOT NULL);
INSERT INTO event_bodies SELECT event_id, body FROM events;
CREATE VIRTUAL TABLE event_text USING fts5(sentence, tokenize='trigram');
INSERT INTO event_text (rowid, sentence) SELECT rowid, coalesce(sentence, '') FROM events;
CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_text WHERE rowid = old.rowid;
END;
ALTER TABLE events DROP COLUMN body;
ALTER TABLE events DROP COLUMN sentence;
CREATE INDEX events_acled_type ON events (acled_event_type COLLATE NOCASE);
CREATE INDEX events_acled_sub_type ON events (acled_sub_event_type COLLATE NOCASE);
"""

# v4: the distinct actors, so that an actor filter looks names up in a few hundred
# rows instead of scanning every event's actors (70 ms at 100,000 events).
_V4 = """
CREATE TABLE actors (name TEXT PRIMARY KEY, country TEXT, sector TEXT, acled_inter INTEGER);
INSERT OR IGNORE INTO actors SELECT name, country, sector, acled_inter FROM event_actors WHERE name IS NOT NULL;
"""

# v5: a cluster carries its representative's type, status, place and confidence, so the
# deduplicated list is filtered, counted and paged on one narrow indexed table. (A
# cluster's reports share their type family, their dates within a day and their place
# within 25 km, so its representative speaks for it; actor and text filters still
# look at every report, through the cluster ids copied onto each event's actors.)
_V5 = """
ALTER TABLE clusters ADD COLUMN event_type TEXT;
ALTER TABLE clusters ADD COLUMN acled_event_type TEXT;
ALTER TABLE clusters ADD COLUMN acled_sub_event_type TEXT;
ALTER TABLE clusters ADD COLUMN status TEXT;
ALTER TABLE clusters ADD COLUMN location_name TEXT;
ALTER TABLE clusters ADD COLUMN lat REAL;
ALTER TABLE clusters ADD COLUMN lon REAL;
ALTER TABLE clusters ADD COLUMN country TEXT;
UPDATE clusters SET (event_type, acled_event_type, acled_sub_event_type, status, location_name, lat, lon, country) =
    (SELECT e.event_type, e.acled_event_type, e.acled_sub_event_type, e.status, e.location_name, e.lat, e.lon,
            e.country FROM events e WHERE e.event_id = clusters.representative);
CREATE INDEX clusters_acled_type ON clusters (acled_event_type COLLATE NOCASE, date_start, date_end);
CREATE INDEX clusters_acled_sub_type ON clusters (acled_sub_event_type COLLATE NOCASE, date_start, date_end);
CREATE INDEX clusters_type ON clusters (event_type, date_start, date_end);
CREATE INDEX clusters_country ON clusters (country, date_start, date_end);
ALTER TABLE event_actors ADD COLUMN cluster_id TEXT;
UPDATE event_actors SET cluster_id = (SELECT e.cluster_id FROM events e WHERE e.event_id = event_actors.event_id);
CREATE INDEX event_actors_name_cluster ON event_actors (name, cluster_id, event_id);
CREATE INDEX clusters_lat ON clusters (lat);
CREATE INDEX clusters_fatalities ON clusters (fatalities);
CREATE INDEX clusters_mentions ON clusters (num_mentions);
ANALYZE;
"""

# v6: each report's cluster by the rowid its evidence sentence has in event_text, in a
# two-column table, so a text search reaches clusters without reading the wide events
# rows (a common word at 100,000 events: 16 -> 9 ms). Triggers keep it in step. And the
# date index of clusters covers the default sort and the page's ids, so a page read in
# date order never visits the table (the text filter's page: 15 -> 9 ms); the coordinate
# indexes hold longitude too, so a --near box is cut out of the index (13 -> 4 ms).
_V6 = """
DROP INDEX clusters_date;
CREATE INDEX clusters_date_page ON clusters (date_start, cluster_id, representative);
DROP INDEX clusters_lat;
CREATE INDEX clusters_lat_lon ON clusters (lat, lon);
DROP INDEX events_lat;
CREATE INDEX events_lat_lon ON events (lat, lon);
CREATE TABLE event_clusters (event_rowid INTEGER PRIMARY KEY, cluster_id TEXT);
INSERT INTO event_clusters SELECT rowid, cluster_id FROM events;
CREATE TRIGGER events_cluster_insert AFTER INSERT ON events BEGIN
    INSERT OR REPLACE INTO event_clusters VALUES (new.rowid, new.cluster_id);
END;
CREATE TRIGGER events_cluster_update AFTER UPDATE OF cluster_id ON events BEGIN
    UPDATE event_clusters SET cluster_id = new.cluster_id WHERE event_rowid = new.rowid;
END;
CREATE TRIGGER events_cluster_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_clusters WHERE event_rowid = old.rowid;
END;
"""

MIGRATIONS: tuple[Callable[[sqlite3.Connection], None] | str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
SCHEMA_VERSION = len(MIGRATIONS)


def _legacy_version(con: sqlite3.Connection) -> int:
    """Stores written before ``user_version`` was used kept their version in ``meta``."""
    has_meta = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def _statements(script: str) -> list[str]:
    """Split a script into statements (a trigger's body holds semicolons of its own)."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out


def migrate(con: sqlite3.Connection) -> int:
    """Bring the schema to SCHEMA_VERSION; return the version found before."""
    found = con.execute("PRAGMA user_version").fetchone()[0] or _legacy_version(con)
    if found > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(f"store has schema version {found}, newer than this sitrep ({SCHEMA_VERSION})")
    for version in range(found + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS[version - 1]
        con.execute("BEGIN IMMEDIATE")
        try:
            if isinstance(step, str):
                for statement in _statements(step):
                    con.execute(statement)
            else:
                step(con)
            con.execute(f"PRAGMA user_version = {version}")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return found
