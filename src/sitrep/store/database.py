"""The event store: one SQLite file (default ``./sitrep.db``) in WAL mode, or a
PostgreSQL database for a store that several users share (``backend.py``).

Each article is written in one transaction, together with the deduplication of its
events, so an interrupted ingest (Ctrl-C, kill -9) never leaves half an article; a
re-run skips what is stored. Re-ingesting the same text (same doc id, same content
hash) is a no-op, and a changed text replaces the old coding of that article.
The schema and its migrations are in ``schema.py``; the read queries in ``queries.py``.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional
from urllib.parse import urlsplit

from ..errors import StoreError
from . import queries
from .dedup import DedupRule, EventKey, choose_cluster, claim_of, event_family, key_of, specific_participants
from . import postgres_schema
from .backend import POSTGRES, SQLITE, PostgresConnection, database_errors, is_postgres_url
from .queries import EventFilter
from .schema import SCHEMA_VERSION, migrate

if TYPE_CHECKING:  # the read side (sitrep events, the web API) never needs the model
    from ..model import CodedArticle

DEFAULT_DB = "sitrep.db"
_CLUSTER_COLUMNS = ("cluster_id", "representative", "date_start", "date_end", "num_mentions", "num_articles",
                    "num_sources", "fatalities", "confidence", "event_type", "acled_event_type",
                    "acled_sub_event_type", "status", "location_name", "lat", "lon", "country")
__all__ = ["DEFAULT_DB", "EventFilter", "IngestResult", "SCHEMA_VERSION", "Store", "content_hash"]


def content_hash(text: str) -> str:
    import hashlib  # not at the top: the read commands never hash

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    action: str            # "added" | "replaced" | "unchanged" | "error"
    events: int
    error: Optional[str] = None


def _rounded(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 5)


def _without_password(url: str) -> str:
    """A database URL fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")).geturl()


def source_of(meta: dict[str, str]) -> Optional[str]:
    """Who published the article: a 'source' field, else the url's host."""
    for key in ("source", "publisher", "outlet"):
        if meta.get(key):
            return meta[key]
    host = urlsplit(meta.get("url", "")).hostname
    return host.removeprefix("www.") if host else None


class Store:
    """An event store in an SQLite file (a path; the default) or in a PostgreSQL
    database (a ``postgresql://`` URL, for a store several users and processes share)."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False, rule: Optional[DedupRule] = None):
        self.readonly = readonly
        if is_postgres_url(path):
            self.location = _without_password(str(path))
            self.dialect = POSTGRES
            self.con = self._open_postgres(str(path))
        else:
            self.path = Path(path)
            self.location = str(self.path)
            self.dialect = SQLITE
            self.con = self._open_sqlite()
        # the rule a store was last clustered with stays its rule, unless one is given
        self.rule = rule or self._stored_rule()

    def _open_sqlite(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}")
                con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                      check_same_thread=False)
            else:
                con = sqlite3.connect(self.path, isolation_level=None)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA synchronous=NORMAL")
                migrate(con)
            con.execute("PRAGMA foreign_keys=ON")
            version = con.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if self.readonly and version != SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema version {version}; run 'sitrep ingest' once to migrate")
        con.create_function("distance_km", 4, queries.distance_km, deterministic=True)
        con.row_factory = sqlite3.Row
        return con

    def _open_postgres(self, url: str) -> PostgresConnection:
        try:
            con = PostgresConnection(url, readonly=self.readonly)
        except ImportError as exc:
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'sitrep[postgres]'") from exc
        except database_errors(POSTGRES) as exc:
            raise StoreError(f"cannot open store {self.location}: {exc}") from exc
        try:
            if not self.readonly:
                postgres_schema.migrate(con, SCHEMA_VERSION)
            version = postgres_schema.version(con)
        except (ValueError, *database_errors(POSTGRES)) as exc:
            con.close()
            raise StoreError(f"cannot open store {self.location}: {exc}") from exc
        if self.readonly and version != SCHEMA_VERSION:
            con.close()
            raise StoreError(f"store {self.location} has schema version {version}; "
                             "run 'sitrep ingest' once to create or migrate it")
        return con

    def _stored_rule(self) -> DedupRule:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'dedup_rule'").fetchone()
        return DedupRule(**json.loads(row[0])) if row else DedupRule()

    def close(self) -> None:
        if not self.readonly and self.dialect is SQLITE:
            # keeps the planner's statistics fresh after writes (cheap when nothing changed)
            self.con.execute("PRAGMA optimize")
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _begin_write(self) -> None:
        for statement in self.dialect.begin_write:
            self.con.execute(statement)

    def known_hash(self, doc_id: str) -> Optional[str]:
        row = self.con.execute("SELECT content_hash FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    # -- writing -------------------------------------------------------------------
    def save(self, coded: CodedArticle) -> IngestResult:
        """Write one coded article atomically (replacing an older coding of it) and deduplicate its events."""
        from ..output import article_json

        text = coded.article.text if coded.article else ""
        digest = content_hash(text) if coded.article else None
        previous = self.known_hash(coded.doc_id)
        if previous is not None and previous == digest and coded.error is None:
            return IngestResult(coded.doc_id, "unchanged", 0)
        body = article_json(coded)
        meta = dict(coded.article.meta) if coded.article else {}
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            self._begin_write()
            touched = {r[0] for r in self.con.execute(
                "SELECT DISTINCT cluster_id FROM events WHERE doc_id = ?", (coded.doc_id,))}
            self.con.execute("DELETE FROM articles WHERE doc_id = ?", (coded.doc_id,))
            seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
            self.con.execute(
                "INSERT INTO articles (doc_id, content_hash, pub_date, text, meta, error, ingested_at, title, url, "
                "source, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (coded.doc_id, digest, body["pub_date"], text, json.dumps(meta), coded.error, now,
                 meta.get("title"), meta.get("url"), source_of(meta), seq))
            for ev in body["events"]:
                cluster_id = self._cluster_for(key_of(ev, coded.doc_id), seq)
                touched.add(cluster_id)
                self._insert_event(coded.doc_id, ev, cluster_id)
            self._insert_article_rows(coded.doc_id, body)
            for cluster_id in touched:
                self._refresh_cluster(cluster_id)
            self.con.execute("COMMIT")
        except database_errors(self.dialect) as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot store {coded.doc_id}: {exc}") from exc
        action = "error" if coded.error else ("replaced" if previous is not None else "added")
        return IngestResult(coded.doc_id, action, len(body["events"]), coded.error)

    def _insert_event(self, doc_id: str, ev: dict[str, Any], cluster_id: str) -> None:
        loc = ev["location"] or {}
        d = ev["date"]
        self.con.execute(
            "INSERT INTO events (event_id, doc_id, event_type, mode, acled_event_type, "
            "acled_sub_event_type, cameo_root, status, date_start, date_end, date_precision, date_method, "
            "location_name, geonameid, lat, lon, country, admin1, geo_precision, fatalities, "
            "trigger_start, trigger_end, confidence, cluster_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev["event_id"], doc_id, ev["event_type"], ev["mode"], ev["acled_event_type"],
             ev["acled_sub_event_type"], ev["cameo_root"], ev["status"], d["start"], d["end"], d["precision"],
             d["method"], loc.get("name"), loc.get("geonameid"), loc.get("lat"), loc.get("lon"),
             loc.get("country"), loc.get("admin1"), loc.get("precision"), ev["fatalities"],
             ev["evidence"]["start"], ev["evidence"]["end"], ev["confidence"], cluster_id))
        rowid = self.con.execute("SELECT rowid FROM events WHERE event_id = ?", (ev["event_id"],)).fetchone()[0]
        self.con.execute("INSERT INTO event_bodies VALUES (?, ?)", (ev["event_id"], json.dumps(ev)))
        self.con.execute("INSERT INTO event_text (rowid, sentence) VALUES (?, ?)", (rowid, ev["sentence"]))
        self.con.executemany(
            "INSERT INTO actors VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(a["name"], a["country"], a["sector"], a["acled_inter"]) for a in ev["actors"] if a["name"]])
        self.con.executemany(
            "INSERT INTO event_actors (event_id, role, name, text, country, sector, acled_inter, start, \"end\", "
            "cluster_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(ev["event_id"], a["role"], a["name"], a["text"], a["country"], a["sector"], a["acled_inter"],
              a["start"], a["end"], cluster_id) for a in ev["actors"]])

    def _insert_article_rows(self, doc_id: str, body: dict[str, Any]) -> None:
        self.con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, p["text"], p["name"], p["geonameid"], p["lat"], p["lon"], p["country"],
              p["admin1"], p["precision"], p["start"], p["end"]) for p in body["places"]])
        self.con.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, q["speaker"], q["speaker_text"], int(q["anonymous"]), q["affiliation"],
              q["quote"], q["start"], q["end"]) for q in body["quotes"]])
        self.con.executemany(
            "INSERT INTO relations VALUES (?,?,?,?,?,?,?)",
            [(doc_id, r["backer"], r["backed"], r["kind"], r["text"], r["start"], r["end"])
             for r in body["relations"]])

    # -- deduplication ---------------------------------------------------------------
    _KEY_COLUMNS = ("SELECT e.event_id, e.doc_id, e.event_type, e.acled_event_type, e.status, e.date_start, "
                    "e.date_end, e.date_precision, e.date_method, e.lat, e.lon, e.geonameid, e.geo_precision, e.cluster_id "
                    "FROM events e JOIN articles a USING (doc_id) ")

    def _key(self, r: sqlite3.Row) -> EventKey:
        roles = self.con.execute("SELECT role, name FROM event_actors WHERE event_id = ? AND role != 'supporter'",
                                 (r["event_id"],)).fetchall()
        return EventKey(r["event_id"], r["doc_id"], event_family(r["event_type"], r["acled_event_type"]),
                        claim_of(r["status"]), date.fromisoformat(r["date_start"]), date.fromisoformat(r["date_end"]),
                        r["lat"], r["lon"], r["geonameid"],
                        specific_participants(n for role, n in roles if role == "source"),
                        specific_participants(n for _, n in roles),
                        exact_day=r["date_precision"] == "day" and r["date_method"] == "explicit",
                        place_precision=r["geo_precision"])

    def _candidates(self, new: EventKey, seq: int) -> dict[str, list[EventKey]]:
        """Clusters (up to article ``seq``) with a member that could match ``new``: all their members."""
        if new.lat is None or not new.dateable(self.rule):
            return {}
        slack = self.rule.date_slack_days
        margin = self.rule.lat_margin()
        rows = self.con.execute(
            self._KEY_COLUMNS + "WHERE e.date_start <= ? AND e.date_end >= ? "
            "AND e.lat BETWEEN ? AND ? AND a.seq <= ? AND e.cluster_id IS NOT NULL AND e.event_id != ?",
            ((new.end + timedelta(days=slack)).isoformat(), (new.start - timedelta(days=slack)).isoformat(),
             new.lat - margin, new.lat + margin, seq, new.event_id)).fetchall()
        clusters: dict[str, list[EventKey]] = {}
        for cluster_id in {r["cluster_id"] for r in rows}:
            clusters[cluster_id] = [self._key(m) for m in self.con.execute(
                self._KEY_COLUMNS + "WHERE e.cluster_id = ? AND a.seq <= ?", (cluster_id, seq))]
        return clusters

    def _cluster_for(self, new: EventKey, seq: int) -> str:
        return choose_cluster(new, self._candidates(new, seq), self.rule) or new.event_id

    def _refresh_cluster(self, cluster_id: str) -> None:
        """Recompute one cluster's row from its events (or drop it when none is left)."""
        stats = self.con.execute(
            "SELECT count(*), count(DISTINCT e.doc_id), count(DISTINCT coalesce(a.source, e.doc_id)), "
            "max(e.fatalities), max(e.confidence) FROM events e JOIN articles a USING (doc_id) "
            "WHERE e.cluster_id = ?", (cluster_id,)).fetchone()
        if not stats[0]:
            self.con.execute("DELETE FROM clusters WHERE cluster_id = ?", (cluster_id,))
            return
        # the representative: the most precisely dated, then most confident, then first reported mention
        rep = self.con.execute(
            "SELECT e.event_id, e.date_start, e.date_end, e.event_type, e.acled_event_type, e.acled_sub_event_type, "
            "e.status, e.location_name, e.lat, e.lon, e.country FROM events e JOIN articles a USING (doc_id) "
            "WHERE e.cluster_id = ? ORDER BY "
            + self.dialect.order_by(f"{self.dialect.days_between('e.date_start', 'e.date_end')}, e.confidence DESC, "
                                    "a.seq, e.trigger_start") + " LIMIT 1", (cluster_id,)).fetchone()
        values = (cluster_id, rep[0], rep[1], rep[2], *stats, *tuple(rep)[3:])
        self.con.execute(
            f"INSERT INTO clusters ({', '.join(_CLUSTER_COLUMNS)}) VALUES ({', '.join('?' * len(values))}) "
            "ON CONFLICT (cluster_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in _CLUSTER_COLUMNS[1:]), values)

    def rebuild_clusters(self) -> int:
        """Re-run deduplication over the whole store in ingest order; return the number of clusters."""
        try:
            self._begin_write()
            self.con.execute("UPDATE events SET cluster_id = NULL")
            self.con.execute("DELETE FROM clusters")
            rows = self.con.execute(
                "SELECT b.body, e.doc_id, a.seq FROM events e JOIN articles a USING (doc_id) "
                "JOIN event_bodies b USING (event_id) "
                "ORDER BY a.seq, e.trigger_start").fetchall()
            for row in rows:
                key = key_of(json.loads(row["body"]), row["doc_id"])
                cluster_id = self._cluster_for(key, row["seq"])
                self.con.execute("UPDATE events SET cluster_id = ? WHERE event_id = ?", (cluster_id, key.event_id))
                self.con.execute("UPDATE event_actors SET cluster_id = ? WHERE event_id = ?",
                                 (cluster_id, key.event_id))
            for (cluster_id,) in self.con.execute("SELECT DISTINCT cluster_id FROM events").fetchall():
                self._refresh_cluster(cluster_id)
            self.con.execute("INSERT INTO meta VALUES ('dedup_rule', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (json.dumps(dataclasses.asdict(self.rule)),))
            self.con.execute("COMMIT")
        except database_errors(self.dialect) as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot rebuild clusters: {exc}") from exc
        return self.con.execute("SELECT count(*) FROM clusters").fetchone()[0]

    # -- queries -------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        return queries.select_events(self.con, f, dialect=self.dialect)

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        return queries.count_events(self.con, f, self.dialect)

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        return queries.event_detail(self.con, event_id)

    def actors(self, name: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actors by how many (deduplicated) events they take part in, with their roles."""
        return queries.grouped(
            self.con, "SELECT name, max(ea.country) AS country, max(sector) AS sector, max(acled_inter) AS acled_inter, "
            "count(DISTINCT e.cluster_id) AS events, count(DISTINCT ea.event_id) AS mentions, "
            + ", ".join(f"sum(CASE WHEN role = '{role}' THEN 1 ELSE 0 END) AS as_{role}"
                        for role in ("source", "target", "supporter"))
            + " FROM event_actors ea JOIN events e USING (event_id)",
            "", ("name", "text"), name,
            "GROUP BY name ORDER BY events DESC, name", limit, self.dialect)

    def relations(self, actor: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Backing and alliance relations, with how many articles state each and one example."""
        return queries.grouped(
            self.con, "SELECT backer, kind, backed, count(DISTINCT doc_id) AS articles, min(text) AS example "
            "FROM relations", "", ("backer", "backed"), actor,
            "GROUP BY backer, kind, backed ORDER BY articles DESC, backer", limit, self.dialect)

    def places(self, name: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Places where events happened, with their event counts."""
        rows = queries.grouped(
            self.con, "SELECT location_name AS name, geonameid, max(country) AS country, max(admin1) AS admin1, "
            "max(geo_precision) AS precision, avg(lat) AS lat, avg(lon) AS lon, count(*) AS events FROM events",
            "location_name IS NOT NULL", ("location_name",), name,
            "GROUP BY location_name, geonameid ORDER BY events DESC, name", limit, self.dialect)
        return [{**r, "lat": _rounded(r["lat"]), "lon": _rounded(r["lon"])} for r in rows]

    def timeline(self, period: str = "month", by: str = "acled_event_type",
                 f: Optional[EventFilter] = None) -> list[dict[str, Any]]:
        """Deduplicated event counts per day, week or month, by PLOVER or ACLED type."""
        return queries.timeline(self.con, period, by, f, self.dialect)

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "clusters", "event_actors", "places", "quotes", "relations")}

    def integrity(self) -> str:
        """'ok', or what is wrong: SQLite's page-level check, then (both databases) rows
        that lost what they belong to."""
        if self.dialect is SQLITE:
            found = self.con.execute("PRAGMA integrity_check").fetchone()[0]
            if found != "ok":
                return found
        orphans = {
            "events without their article": "SELECT count(*) FROM events e LEFT JOIN articles a USING (doc_id) "
                                            "WHERE a.doc_id IS NULL",
            "events without a body": "SELECT count(*) FROM events e LEFT JOIN event_bodies b USING (event_id) "
                                     "WHERE b.event_id IS NULL",
            "events without a cluster": "SELECT count(*) FROM events e LEFT JOIN clusters c USING (cluster_id) "
                                        "WHERE c.cluster_id IS NULL",
        }
        problems = [f"{n} {what}" for what, sql in orphans.items() if (n := self.con.execute(sql).fetchone()[0])]
        return "; ".join(problems) or "ok"

    def iter_articles(self) -> Iterator[Any]:
        yield from self.con.execute("SELECT * FROM articles ORDER BY doc_id")
