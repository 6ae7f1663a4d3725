"""The embedded event store: one SQLite file (default ``./sitrep.db``) in WAL mode.

Each article is written in one transaction, so an interrupted ingest never leaves
half an article; re-ingesting the same text (same doc id, same content hash) is a
no-op, and a changed text replaces the old coding of that article.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import StoreError
from ..model import CodedArticle
from ..output import article_json

SCHEMA_VERSION = 1
DEFAULT_DB = "sitrep.db"

_SCHEMA = """
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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EventFilter:
    event_type: Optional[str] = None        # PLOVER type
    acled_type: Optional[str] = None
    actor: Optional[str] = None             # substring of a canonical name or span text
    place: Optional[str] = None             # substring of the location name
    country: Optional[str] = None           # ISO3
    since: Optional[str] = None             # YYYY-MM-DD, on the event's end date
    until: Optional[str] = None             # YYYY-MM-DD, on the event's start date
    status: Optional[str] = None
    min_confidence: Optional[float] = None
    limit: int = 100


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    action: str            # "added" | "replaced" | "unchanged" | "error"
    events: int
    error: Optional[str] = None


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        try:
            self.con = sqlite3.connect(self.path, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA foreign_keys=ON")
            self.con.execute("PRAGMA synchronous=NORMAL")
            self.con.executescript(_SCHEMA)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.con.row_factory = sqlite3.Row

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_hash(self, doc_id: str) -> Optional[str]:
        row = self.con.execute("SELECT content_hash FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def save(self, coded: CodedArticle) -> IngestResult:
        """Write one coded article atomically (replacing an older coding of it)."""
        text = coded.article.text if coded.article else ""
        digest = content_hash(text) if coded.article else None
        previous = self.known_hash(coded.doc_id)
        if previous is not None and previous == digest and coded.error is None:
            return IngestResult(coded.doc_id, "unchanged", 0)
        body = article_json(coded)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM articles WHERE doc_id = ?", (coded.doc_id,))
            meta = dict(coded.article.meta) if coded.article else {}
            self.con.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?)",
                             (coded.doc_id, digest, body["pub_date"], text, json.dumps(meta), coded.error, now))
            for ev in body["events"]:
                self._insert_event(coded.doc_id, ev)
            self.con.executemany(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(coded.doc_id, p["text"], p["name"], p["geonameid"], p["lat"], p["lon"], p["country"],
                  p["admin1"], p["precision"], p["start"], p["end"]) for p in body["places"]])
            self.con.executemany(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
                [(coded.doc_id, q["speaker"], q["speaker_text"], int(q["anonymous"]), q["affiliation"],
                  q["quote"], q["start"], q["end"]) for q in body["quotes"]])
            self.con.executemany(
                "INSERT INTO relations VALUES (?,?,?,?,?,?,?)",
                [(coded.doc_id, r["backer"], r["backed"], r["kind"], r["text"], r["start"], r["end"])
                 for r in body["relations"]])
            self.con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot store {coded.doc_id}: {exc}") from exc
        action = "error" if coded.error else ("replaced" if previous is not None else "added")
        return IngestResult(coded.doc_id, action, len(body["events"]), coded.error)

    def _insert_event(self, doc_id: str, ev: dict[str, Any]) -> None:
        loc = ev["location"] or {}
        d = ev["date"]
        self.con.execute(
            "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev["event_id"], doc_id, ev["event_type"], ev["mode"], ev["acled_event_type"],
             ev["acled_sub_event_type"], ev["cameo_root"], ev["status"], d["start"], d["end"], d["precision"],
             d["method"], loc.get("name"), loc.get("geonameid"), loc.get("lat"), loc.get("lon"),
             loc.get("country"), loc.get("admin1"), loc.get("precision"), ev["fatalities"], ev["sentence"],
             ev["evidence"]["start"], ev["evidence"]["end"], ev["confidence"], json.dumps(ev)))
        self.con.executemany(
            "INSERT INTO event_actors VALUES (?,?,?,?,?,?,?,?,?)",
            [(ev["event_id"], a["role"], a["name"], a["text"], a["country"], a["sector"], a["acled_inter"],
              a["start"], a["end"]) for a in ev["actors"]])

    # -- queries -------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        where, args = [], []
        if f.event_type:
            where.append("e.event_type = ?")
            args.append(f.event_type.upper())
        if f.acled_type:
            where.append("(e.acled_event_type = ? COLLATE NOCASE OR e.acled_sub_event_type = ? COLLATE NOCASE)")
            args += [f.acled_type, f.acled_type]
        if f.actor:
            where.append("e.event_id IN (SELECT event_id FROM event_actors WHERE name LIKE ? OR text LIKE ?)")
            args += [f"%{f.actor}%", f"%{f.actor}%"]
        if f.place:
            where.append("e.location_name LIKE ?")
            args.append(f"%{f.place}%")
        if f.country:
            where.append("e.country = ?")
            args.append(f.country.upper())
        if f.since:
            where.append("e.date_end >= ?")
            args.append(f.since)
        if f.until:
            where.append("e.date_start <= ?")
            args.append(f.until)
        if f.status:
            where.append("e.status = ?")
            args.append(f.status)
        if f.min_confidence is not None:
            where.append("e.confidence >= ?")
            args.append(f.min_confidence)
        sql = "SELECT e.body, e.doc_id FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start, e.doc_id, e.trigger_start LIMIT ?"
        args.append(f.limit)
        out = []
        for row in self.con.execute(sql, args):
            ev = json.loads(row["body"])
            ev["doc_id"] = row["doc_id"]
            out.append(ev)
        return out

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        row = self.con.execute(
            "SELECT e.body, e.doc_id, a.text, a.pub_date FROM events e JOIN articles a USING (doc_id) "
            "WHERE e.event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        ev = json.loads(row["body"])
        ev.update(doc_id=row["doc_id"], article_text=row["text"], pub_date=row["pub_date"])
        return ev

    def _grouped(self, select: str, where: str, columns: tuple[str, ...], needle: Optional[str],
                 group_order: str, limit: int) -> list[dict[str, Any]]:
        """Run an aggregate query, optionally keeping rows where any of ``columns`` contains ``needle``."""
        clauses, args = ([where] if where else []), []
        if needle:
            clauses.append("(" + " OR ".join(f"{c} LIKE ?" for c in columns) + ")")
            args += [f"%{needle}%"] * len(columns)
        sql = select + (" WHERE " + " AND ".join(clauses) if clauses else "") + f" {group_order} LIMIT ?"
        return [dict(r) for r in self.con.execute(sql, args + [limit])]

    def actors(self, name: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actors by how many events they take part in, with their roles."""
        return self._grouped(
            "SELECT name, country, sector, acled_inter, count(DISTINCT event_id) AS events, "
            "sum(role = 'source') AS as_source, sum(role = 'target') AS as_target, "
            "sum(role = 'supporter') AS as_supporter FROM event_actors", "", ("name", "text"), name,
            "GROUP BY name ORDER BY events DESC, name", limit)

    def relations(self, actor: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Backing and alliance relations, with how many articles state each and one example."""
        return self._grouped(
            "SELECT backer, kind, backed, count(DISTINCT doc_id) AS articles, min(text) AS example FROM relations",
            "", ("backer", "backed"), actor, "GROUP BY backer, kind, backed ORDER BY articles DESC, backer", limit)

    def places(self, name: Optional[str] = None, limit: int = 100) -> list[dict[str, Any]]:
        """Places where events happened, with their event counts."""
        return self._grouped(
            "SELECT location_name AS name, geonameid, country, admin1, geo_precision AS precision, "
            "round(avg(lat), 5) AS lat, round(avg(lon), 5) AS lon, count(*) AS events FROM events",
            "location_name IS NOT NULL", ("location_name",), name,
            "GROUP BY location_name, geonameid ORDER BY events DESC, name", limit)

    def timeline(self, period: str = "month", by: str = "acled_event_type") -> list[dict[str, Any]]:
        """Event counts per day, week or month, by PLOVER or ACLED type."""
        bucket = {"day": "date_start", "week": "strftime('%Y-W%W', date_start)",
                  "month": "substr(date_start, 1, 7)"}.get(period)
        column = {"acled_event_type": "acled_event_type", "event_type": "event_type"}.get(by)
        if bucket is None or column is None:
            raise StoreError(f"timeline: unknown period {period!r} or grouping {by!r}")
        sql = (f"SELECT {bucket} AS period, coalesce({column}, '(none)') AS type, count(*) AS events, "
               f"sum(coalesce(fatalities, 0)) AS fatalities FROM events GROUP BY period, type ORDER BY period, type")
        return [dict(r) for r in self.con.execute(sql)]

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "event_actors", "places", "quotes", "relations")}

    def iter_articles(self) -> Iterator[sqlite3.Row]:
        yield from self.con.execute("SELECT * FROM articles ORDER BY doc_id")
