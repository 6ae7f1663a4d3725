"""Read queries over the store: event filters, sorting and paging, and the aggregates.

Filters always apply to the stored events (each article's coding). With
``unique=True`` (the default) the answer has one row per deduplicated event: the
cluster's representative event, with the cluster's counts under ``"cluster"``.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from typing import Any, Optional

from ..errors import StoreError
from ..geo.points import haversine_km
from .backend import SQLITE, Dialect, like_escaped

# each ends in a unique key, so that a page is the same on every run and database
SORTS = {
    "date": ("c.date_start, c.cluster_id", "e.date_start, e.doc_id, e.trigger_start, e.event_id"),
    "-date": ("c.date_start DESC, c.cluster_id", "e.date_start DESC, e.doc_id, e.trigger_start, e.event_id"),
    "fatalities": ("c.fatalities DESC, c.date_start, c.cluster_id",            # NULLs last
                   "e.fatalities DESC, e.date_start, e.event_id"),
    "confidence": ("c.confidence DESC, c.date_start, c.cluster_id", "e.confidence DESC, e.date_start, e.event_id"),
    "mentions": ("c.num_mentions DESC, c.date_start, c.cluster_id", "c.num_mentions DESC, e.date_start, e.event_id"),
}


def actor_names(dialect: Dialect) -> str:
    """SQL selecting the canonical names an actor filter matches (part of the name)."""
    return f"SELECT name FROM actors WHERE name {dialect.like} ? ESCAPE '\\'"

# sorts whose first key the clusters table has an index on (see schema v2, v5)
INDEXED_CLUSTER_SORTS = frozenset({"date", "-date", "fatalities", "mentions"})


@dataclass(frozen=True)
class EventFilter:
    event_type: Optional[str] = None        # PLOVER type
    acled_type: Optional[str] = None        # ACLED event type or sub-type
    actor: Optional[str] = None             # substring of a canonical actor name
    place: Optional[str] = None             # substring of the location name
    country: Optional[str] = None           # ISO3
    near: Optional[tuple[float, float]] = None   # (lat, lon) ...
    km: float = 25.0                        # ... within this many km
    since: Optional[str] = None             # YYYY-MM-DD, on the event's end date
    until: Optional[str] = None             # YYYY-MM-DD, on the event's start date
    status: Optional[str] = None
    min_confidence: Optional[float] = None
    text: Optional[str] = None              # substring of the evidence sentence
    doc_id: Optional[str] = None
    unique: bool = True                     # one row per deduplicated event
    sort: str = "date"
    limit: Optional[int] = 100             # None: all
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise StoreError(f"unknown sort {self.sort!r}; choose from {', '.join(SORTS)}")
        if (self.limit is not None and self.limit < 0) or self.offset < 0:
            raise StoreError("limit and offset must not be negative")


def distance_km(lat1, lon1, lat2, lon2):
    """SQL function: great-circle distance, NULL when a coordinate is missing."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def where_clause(f: EventFilter, table: str = "e", ordered_scan: bool = False,
                 dialect: Dialect = SQLITE) -> tuple[list[str], list[Any]]:
    """SQL conditions for a filter on the events (``e``) or the clusters (``c``) table.

    Both tables have the columns type, status, date, place and confidence filters use;
    actor and text conditions always look at events, so on clusters they become "has
    a report that matches". With ``ordered_scan`` those two are written so that SQLite
    cannot drive the query from their matches (a unary ``+``, a correlated EXISTS), which
    leaves it to read the clusters in the sort's index order and test each (see
    ``_ordered_scan``)."""
    t = table
    member = f"+{t}.cluster_id" if ordered_scan else f"{t}.cluster_id"
    where: list[str] = []
    args: list[Any] = []
    via_events: list[tuple[str, str]] = []   # (column, condition): what only events can answer
    via_args: list[Any] = []

    if f.event_type:
        where.append(f"{t}.event_type = ?")
        args.append(f.event_type.upper())
    if f.acled_type:
        where.append(f"({dialect.nocase_equals(f'{t}.acled_event_type')} OR "
                     f"{dialect.nocase_equals(f'{t}.acled_sub_event_type')})")
        args += [f.acled_type, f.acled_type]
    if f.place:
        where.append(f"{t}.location_name {dialect.like} ? ESCAPE '\\'")
        args.append(like_escaped(f.place))
    if f.country:
        where.append(f"{t}.country = ?")
        args.append(f.country.upper())
    if f.near is not None:
        lat, lon = f.near
        dlat = f.km / 111.0
        dlon = f.km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
        # the bounding box is cut out of the (lat, lon) index; the exact distance trims its corners
        where.append(f"{t}.lat BETWEEN ? AND ? AND {t}.lon BETWEEN ? AND ? AND distance_km({t}.lat, {t}.lon, ?, ?) <= ?")
        args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lon, f.km]
    if f.since:
        where.append(f"{t}.date_end >= ?")
        args.append(f.since)
    if f.until:
        where.append(f"{t}.date_start <= ?")
        args.append(f.until)
    if f.status:
        where.append(f"{t}.status = ?")
        args.append(f.status)
    if f.min_confidence is not None:
        where.append(f"{t}.confidence >= ?")
        args.append(f.min_confidence)
    if f.actor:
        if t == "e":
            where.append(f"e.event_id IN (SELECT event_id FROM event_actors WHERE name IN ({actor_names(dialect)}))")
        else:
            where.append(f"{member} IN (SELECT cluster_id FROM event_actors WHERE name IN ({actor_names(dialect)}))")
        args.append(like_escaped(f.actor))
    text_rows = None
    if f.text:
        text_rows, text_arg = dialect.text_rows(f.text)
        via_events.append(("rowid", f"IN ({text_rows})"))
        via_args.append(text_arg)
    if f.doc_id:
        via_events.append(("doc_id", "= ?"))
        via_args.append(f.doc_id)

    def on_events(alias: str, unindexed: bool = False) -> str:
        return " AND ".join(f"{'+' if unindexed else ''}{alias}.{column} {condition}"
                            for column, condition in via_events)

    if via_events and t == "e":
        where.append(on_events("e"))
    elif via_events and ordered_scan:
        # each cluster read in order asks for its own reports (the cluster id index), then
        # probes the matching rows; the '+' keeps SQLite from looping over those rows instead
        where.append(f"EXISTS (SELECT 1 FROM events x WHERE x.cluster_id = {t}.cluster_id AND "
                     f"{on_events('x', unindexed=True)})")
    elif text_rows and not f.doc_id:
        where.append(f"{t}.cluster_id IN (SELECT cluster_id FROM event_clusters WHERE event_rowid IN ({text_rows}))")
    elif via_events:
        where.append(f"{t}.cluster_id IN (SELECT x.cluster_id FROM events x WHERE {on_events('x')})")
    args += via_args
    return where, args


def _cluster_json(row: Any) -> dict[str, Any]:
    return {"cluster_id": row["cluster_id"], "num_mentions": row["num_mentions"],
            "num_articles": row["num_articles"], "num_sources": row["num_sources"],
            "fatalities": row["c_fatalities"]}


def _capped_matches(con: Any, f: EventFilter, cap: int, dialect: Dialect) -> int:
    """How many stored rows the actor or text condition matches, counting no further than ``cap``."""
    counts = []
    if f.actor:
        counts.append(con.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE name IN ({actor_names(dialect)}) LIMIT ?)",
            (like_escaped(f.actor), cap)).fetchone()[0])
    if f.text:
        rows, arg = dialect.text_rows(f.text)
        counts.append(con.execute(f"SELECT count(*) FROM ({rows} LIMIT ?)", (arg, cap)).fetchone()[0])
    return min(counts) if counts else 0


def _ordered_scan(con: Any, f: EventFilter, dialect: Dialect = SQLITE) -> bool:
    """Whether a deduplicated page with an actor or text condition is cheaper to find by
    reading the clusters in sort order, testing each, than by looking up every match
    and sorting them all. The scan reads about (offset + limit) * clusters / matches
    rows before the page is full; the lookup reads every match: so scan when the
    matches outnumber sqrt((offset + limit) * clusters). (A common actor at 100,000
    events: 53 ms by lookup, 3 ms by scan; a rare one: 0.1 ms by lookup, 111 ms by scan.)"""
    if not (f.actor or f.text) or f.sort not in INDEXED_CLUSTER_SORTS or f.limit is None \
            or not dialect.planner_hints:
        return False
    clusters = con.execute("SELECT coalesce(max(rowid), 0) FROM clusters").fetchone()[0]
    needed = math.isqrt((f.offset + f.limit) * clusters) + 1
    return _capped_matches(con, f, needed, dialect) >= needed


def select_events(con: Any, f: EventFilter, ordered_scan: Optional[bool] = None,
                  dialect: Dialect = SQLITE) -> list[dict[str, Any]]:
    """One page of events. The page is chosen on the narrow tables first; only its rows'
    bodies and articles are then read (sorting bodies of every match is what made
    deep pages slow). The deduplicated list filters the clusters table itself, read in
    sort order or through the matches (``ordered_scan``: None lets ``_ordered_scan`` choose)."""
    cluster_order, event_order = SORTS[f.sort]
    if f.unique:
        scan = _ordered_scan(con, f, dialect) if ordered_scan is None else ordered_scan
        where, args = where_clause(f, "c", ordered_scan=scan, dialect=dialect)
        sql = "SELECT c.representative FROM clusters c"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {dialect.order_by(cluster_order)} LIMIT ? OFFSET ?"
    else:
        where, args = where_clause(f, "e", dialect=dialect)
        sql = "SELECT e.event_id FROM events e"
        if f.sort == "mentions":
            sql += " JOIN clusters c ON c.cluster_id = e.cluster_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {dialect.order_by(event_order)} LIMIT ? OFFSET ?"
    page = [r[0] for r in con.execute(sql, args + [dialect.no_limit if f.limit is None else f.limit, f.offset])]
    return events_by_id(con, page)


def events_by_id(con: Any, event_ids: list[str]) -> list[dict[str, Any]]:
    """Events with their cluster and article, in the order of ``event_ids``."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in (event_ids[i:i + 500] for i in range(0, len(event_ids), 500)):
        marks = ",".join("?" * len(chunk))
        for row in con.execute(
                "SELECT e.event_id, c.cluster_id, c.num_mentions, c.num_articles, c.num_sources, "
                "c.fatalities AS c_fatalities, b.body, e.doc_id, a.title, a.url, a.source, a.pub_date "
                "FROM events e JOIN clusters c ON c.cluster_id = e.cluster_id "
                "JOIN articles a ON a.doc_id = e.doc_id JOIN event_bodies b ON b.event_id = e.event_id "
                f"WHERE e.event_id IN ({marks})", chunk):
            ev = json.loads(row["body"])
            ev["doc_id"] = row["doc_id"]
            ev["cluster"] = _cluster_json(row)
            ev["article"] = {"title": row["title"], "url": row["url"], "source": row["source"],
                             "pub_date": row["pub_date"]}
            found[row["event_id"]] = ev
    return [found[i] for i in event_ids if i in found]


def count_events(con: Any, f: EventFilter, dialect: Dialect = SQLITE) -> int:
    if f.unique and (f.actor or f.text or f.doc_id) \
            and not where_clause(replace(f, actor=None, text=None, doc_id=None), "c")[0]:
        return _count_clusters_of_reports(con, f, dialect)
    table = "c" if f.unique else "e"
    where, args = where_clause(f, table, dialect=dialect)
    sql = f"SELECT count(*) FROM {'clusters' if f.unique else 'events'} {table}"
    sql += " WHERE " + " AND ".join(where) if where else ""
    return con.execute(sql, args).fetchone()[0]


def _count_clusters_of_reports(con: Any, f: EventFilter, dialect: Dialect) -> int:
    """Count the clusters of the reports an actor, text or article condition matches,
    from the narrow tables that carry each report's cluster, never visiting clusters."""
    if f.actor and not (f.text or f.doc_id):
        sql = f"SELECT count(DISTINCT cluster_id) FROM event_actors WHERE name IN ({actor_names(dialect)})"
        args: list[Any] = [like_escaped(f.actor)]
    elif f.text and not (f.actor or f.doc_id):
        rows, arg = dialect.text_rows(f.text)
        sql, args = f"SELECT count(DISTINCT cluster_id) FROM event_clusters WHERE event_rowid IN ({rows})", [arg]
    else:
        where, args = where_clause(f, "e", dialect=dialect)
        sql = "SELECT count(DISTINCT e.cluster_id) FROM events e WHERE " + " AND ".join(where)
    return con.execute(sql, args).fetchone()[0]


def event_detail(con: Any, event_id: str) -> Optional[dict[str, Any]]:
    """One event (by its id or its cluster's id) with its article, quotes and the other mentions."""
    row = con.execute(
        "SELECT b.body, e.doc_id, e.cluster_id, a.text, a.pub_date, a.title, a.url, a.source "
        "FROM events e JOIN articles a USING (doc_id) JOIN event_bodies b USING (event_id) WHERE e.event_id = ? "
        "UNION ALL SELECT b.body, e.doc_id, e.cluster_id, a.text, a.pub_date, a.title, a.url, a.source "
        "FROM clusters c JOIN events e ON e.event_id = c.representative JOIN articles a USING (doc_id) "
        "JOIN event_bodies b ON b.event_id = e.event_id "
        "WHERE c.cluster_id = ? LIMIT 1", (event_id, event_id)).fetchone()
    if row is None:
        return None
    ev = json.loads(row["body"])
    ev.update(doc_id=row["doc_id"], article_text=row["text"], pub_date=row["pub_date"],
              article={"doc_id": row["doc_id"], "title": row["title"], "url": row["url"], "source": row["source"],
                       "pub_date": row["pub_date"]})
    ev["quotes"] = [dict(q) for q in con.execute(
        "SELECT speaker, speaker_text, anonymous, affiliation, quote, start, \"end\" FROM quotes WHERE doc_id = ? "
        "ORDER BY start", (row["doc_id"],))]
    cluster = con.execute("SELECT * FROM clusters WHERE cluster_id = ?", (row["cluster_id"],)).fetchone()
    ev["cluster"] = dict(cluster) if cluster else None
    ev["cluster_mentions"] = [dict(m) for m in con.execute(
        "SELECT e.event_id, e.doc_id, a.source, a.title, a.pub_date, t.sentence, e.date_start, e.location_name "
        "FROM events e JOIN articles a USING (doc_id) JOIN event_text t ON t.rowid = e.rowid "
        "WHERE e.cluster_id = ? ORDER BY a.seq, e.trigger_start",
        (row["cluster_id"],))]
    return ev


def grouped(con: Any, select: str, where: str, columns: tuple[str, ...], needle: Optional[str],
            group_order: str, limit: int, dialect: Dialect = SQLITE) -> list[dict[str, Any]]:
    """Run an aggregate query, optionally keeping rows where any of ``columns`` contains ``needle``."""
    clauses, args = ([where] if where else []), []
    if needle:
        clauses.append("(" + " OR ".join(f"{c} {dialect.like} ? ESCAPE '\\'" for c in columns) + ")")
        args += [like_escaped(needle)] * len(columns)
    sql = select + (" WHERE " + " AND ".join(clauses) if clauses else "") + f" {group_order} LIMIT ?"
    return [dict(r) for r in con.execute(sql, args + [limit])]


def timeline(con: Any, period: str, by: str, f: Optional[EventFilter] = None,
             dialect: Dialect = SQLITE) -> list[dict[str, Any]]:
    """Deduplicated event counts per day, week or month, by PLOVER or ACLED type."""
    bucket = {"day": "c.date_start", "week": dialect.week("c.date_start"),
              "month": "substr(c.date_start, 1, 7)"}.get(period)
    column = {"acled_event_type": "c.acled_event_type", "event_type": "c.event_type"}.get(by)
    if bucket is None or column is None:
        raise StoreError(f"timeline: unknown period {period!r} or grouping {by!r}")
    where, args = where_clause(f, "c", dialect=dialect) if f is not None else ([], [])
    sql = (f"SELECT {bucket} AS period, coalesce({column}, '(none)') AS type, count(*) AS events, "
           f"sum(coalesce(c.fatalities, 0)) AS fatalities FROM clusters c")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY period, type ORDER BY period, type"
    return [dict(r) for r in con.execute(sql, args)]
