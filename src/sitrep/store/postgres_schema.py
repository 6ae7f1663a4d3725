"""The store's schema in PostgreSQL: the same tables, columns and column order as the
SQLite schema at the version given below (``schema.py``), written in PostgreSQL's
terms, so that the store's SQL runs unchanged on either.

Where SQLite needs machinery, PostgreSQL has its own:

- the evidence sentences' substring index (SQLite: an FTS5 trigram table) is a GIN
  trigram index from the ``pg_trgm`` extension; without the right to create the
  extension the store still works, and ``--text`` scans;
- ``rowid`` (SQLite's implicit row number, which ties ``event_text`` to ``events``) is
  an explicit identity column;
- ``event_clusters`` (SQLite: a table kept by triggers) is a view;
- ``distance_km`` (SQLite: a Python function) is an SQL function.

The version lives in ``meta.schema_version``. A PostgreSQL store starts at the SQLite
version below; a later SQLite migration gets its PostgreSQL twin appended here.
"""
from __future__ import annotations

from .backend import PostgresConnection

BASE_VERSION = 6       # the SQLite schema version this DDL equals

_BASE = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
    doc_id TEXT PRIMARY KEY, content_hash TEXT, pub_date TEXT, text TEXT, meta TEXT,
    error TEXT, ingested_at TEXT NOT NULL, title TEXT, url TEXT, source TEXT, seq INTEGER);
CREATE INDEX articles_seq ON articles (seq);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    event_type TEXT, mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT, cameo_root TEXT,
    status TEXT, date_start TEXT, date_end TEXT, date_precision TEXT, date_method TEXT,
    location_name TEXT, geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT,
    admin1 TEXT, geo_precision TEXT, fatalities INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    confidence DOUBLE PRECISION, cluster_id TEXT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_type ON events (event_type, acled_event_type);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_country ON events (country, date_start);
CREATE INDEX events_lat_lon ON events (lat, lon);
CREATE INDEX events_acled_type ON events (lower(acled_event_type));
CREATE INDEX events_acled_sub_type ON events (lower(acled_sub_event_type));
CREATE TABLE event_bodies (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE, body TEXT NOT NULL);
CREATE TABLE event_text (
    rowid BIGINT PRIMARY KEY REFERENCES events(rowid) ON DELETE CASCADE, sentence TEXT);
CREATE VIEW event_clusters AS SELECT rowid AS event_rowid, cluster_id FROM events;
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE, role TEXT, name TEXT,
    text TEXT, country TEXT, sector TEXT, acled_inter INTEGER, start INTEGER, "end" INTEGER,
    cluster_id TEXT);
CREATE INDEX event_actors_event ON event_actors (event_id);
CREATE INDEX event_actors_name_cluster ON event_actors (name, cluster_id, event_id);
CREATE TABLE actors (name TEXT PRIMARY KEY, country TEXT, sector TEXT, acled_inter INTEGER);
CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, text TEXT, name TEXT,
    geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    precision TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX places_doc ON places (doc_id);
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, speaker TEXT,
    speaker_text TEXT, anonymous INTEGER, affiliation TEXT, quote TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE TABLE relations (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE, backer TEXT, backed TEXT,
    kind TEXT, text TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX relations_doc ON relations (doc_id);
CREATE TABLE clusters (
    cluster_id TEXT PRIMARY KEY, representative TEXT NOT NULL, date_start TEXT, date_end TEXT,
    num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
    fatalities INTEGER, confidence DOUBLE PRECISION, event_type TEXT, acled_event_type TEXT,
    acled_sub_event_type TEXT, status TEXT, location_name TEXT, lat DOUBLE PRECISION,
    lon DOUBLE PRECISION, country TEXT);
CREATE INDEX clusters_date_page ON clusters (date_start, cluster_id, representative);
CREATE INDEX clusters_acled_type ON clusters (lower(acled_event_type), date_start, date_end);
CREATE INDEX clusters_acled_sub_type ON clusters (lower(acled_sub_event_type), date_start, date_end);
CREATE INDEX clusters_type ON clusters (event_type, date_start, date_end);
CREATE INDEX clusters_country ON clusters (country, date_start, date_end);
CREATE INDEX clusters_lat_lon ON clusters (lat, lon);
CREATE INDEX clusters_fatalities ON clusters (fatalities);
CREATE INDEX clusters_mentions ON clusters (num_mentions);
CREATE FUNCTION distance_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION, lat2 DOUBLE PRECISION,
                            lon2 DOUBLE PRECISION) RETURNS DOUBLE PRECISION
    LANGUAGE sql IMMUTABLE RETURNS NULL ON NULL INPUT AS $$
    SELECT 2 * 6371.0088 * asin(least(1.0, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2)))
$$;
"""

# PostgreSQL twins of SQLite migrations after BASE_VERSION, by the version they bring
MIGRATIONS: dict[int, str] = {}


def _statements(script: str) -> list[str]:
    """Split on ';' at a line's end (a function body's own ';' sits inside $$ ... $$)."""
    out, buffer, in_body = [], [], False
    for line in script.strip().splitlines():
        buffer.append(line)
        in_body ^= line.count("$$") % 2 == 1
        if line.rstrip().endswith(";") and not in_body:
            out.append("\n".join(buffer))
            buffer = []
    return out


def version(con: PostgresConnection) -> int:
    """The store's schema version, 0 for a database without one."""
    exists = con.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: PostgresConnection, target: int) -> int:
    """Create or upgrade the schema to ``target`` (one writer at a time); return the version found."""
    con.execute("BEGIN")
    try:
        # two processes opening a new database at once: the second waits, then finds it built
        con.execute("SELECT pg_advisory_xact_lock(hashtext('sitrep-store-schema'))")
        found = version(con)
        if found > target:
            raise ValueError(f"store has schema version {found}, newer than this sitrep ({target})")
        if found == 0:
            for statement in _statements(_BASE):
                con.execute(statement)
            found_after = BASE_VERSION
        else:
            found_after = found
        for step in range(found_after + 1, target + 1):
            for statement in _statements(MIGRATIONS[step]):
                con.execute(statement)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE "
                    "SET value = excluded.value", (str(target),))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    _try_trigram_index(con)
    return found


def _try_trigram_index(con: PostgresConnection) -> None:
    """The substring index needs pg_trgm, which only a privileged role may create."""
    import psycopg

    try:
        con.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        con.execute("CREATE INDEX IF NOT EXISTS event_text_trigram ON event_text USING gin (sentence gin_trgm_ops)")
    except psycopg.Error:
        pass  # --text then scans the sentences; everything else is unaffected
