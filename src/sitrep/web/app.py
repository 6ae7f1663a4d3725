"""The read-only REST API and the dashboard, served by one FastAPI app.

Every endpoint is a GET over a store opened read-only (``mode=ro``): nothing here
can write. Parameters are declared with their types and ranges, so a bad one gets a
422 with FastAPI's message naming the parameter; an unknown event gets a 404.
The OpenAPI schema is at ``/openapi.json`` and its browsable form at ``/docs``.
"""

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError
from ..store.export import geojson_feature
from ..store.queries import SORTS, EventFilter
from ..store.backend import is_postgres_url
from ..store.database import Store

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000
_NEAR = re.compile(r"^\s*(-?\d+(\.\d+)?)\s*,\s*(-?\d+(\.\d+)?)\s*$")
STATUSES = Literal["occurred", "ongoing", "intended", "threatened", "requested", "denied", "hypothetical"]
SortKey = Literal[tuple(SORTS)]  # type: ignore[valid-type]


def event_filter(
    type: Annotated[Optional[str], Query(description="PLOVER event type, e.g. ASSAULT", max_length=40)] = None,
    acled_type: Annotated[Optional[str], Query(description="ACLED event type or sub-type", max_length=80)] = None,
    actor: Annotated[Optional[str], Query(description="part of an actor's name", max_length=120)] = None,
    place: Annotated[Optional[str], Query(description="part of the location's name", max_length=120)] = None,
    country: Annotated[Optional[str], Query(description="ISO3 code of the location", pattern="^[A-Za-z]{3}$")] = None,
    near: Annotated[Optional[str], Query(description="LAT,LON: events within km of this point")] = None,
    km: Annotated[float, Query(gt=0, le=20000, description="radius for near")] = 25.0,
    since: Annotated[Optional[date], Query(description="events ending on or after (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[date], Query(description="events starting on or before (YYYY-MM-DD)")] = None,
    status: Annotated[Optional[STATUSES], Query()] = None,
    min_confidence: Annotated[Optional[float], Query(ge=0, le=1)] = None,
    text: Annotated[Optional[str], Query(description="part of the evidence sentence", max_length=200)] = None,
    unique: Annotated[bool, Query(description="one row per deduplicated event (false: every report)")] = True,
    sort: Annotated[SortKey, Query()] = "date",
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventFilter:
    point = None
    if near:
        match = _NEAR.match(near)
        lat, lon = (float(match.group(1)), float(match.group(3))) if match else (None, None)
        if lat is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise HTTPException(422, detail=[{"loc": ["query", "near"], "type": "value_error",
                                              "msg": "near must be LAT,LON with -90<=LAT<=90, -180<=LON<=180"}])
        point = (lat, lon)
    if since and until and since > until:
        raise HTTPException(422, detail=[{"loc": ["query", "since"], "type": "value_error",
                                          "msg": "since is after until"}])
    return EventFilter(event_type=type, acled_type=acled_type, actor=actor, place=place, country=country,
                       near=point, km=km, since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None, status=status, min_confidence=min_confidence,
                       text=text, unique=unique, sort=sort, limit=limit, offset=offset)


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def create_app(db: str | Path) -> FastAPI:
    """The API and dashboard over the store at ``db`` (opened read-only per request)."""
    db_path = db if is_postgres_url(db) else Path(db)
    app = FastAPI(title="sitrep", version=__version__,
                  description="Read-only API over a sitrep event store: events with their evidence, actors, "
                              "who backs whom, places and timelines.")

    def store() -> Iterator[Store]:
        with Store(db_path, readonly=True) as s:
            yield s

    Db = Annotated[Store, Depends(store)]

    @app.exception_handler(StoreError)
    def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/api/events", summary="Events, filtered, sorted and paged")
    def events(db: Db, f: Filter) -> dict[str, Any]:
        return {"total": db.count_events(f), "limit": f.limit, "offset": f.offset, "events": db.events(f)}

    @app.get("/api/events.geojson", summary="Located events as a GeoJSON FeatureCollection")
    def events_geojson(db: Db, f: Filter) -> dict[str, Any]:
        features = [feature for feature in map(geojson_feature, db.events(f)) if feature is not None]
        return {"type": "FeatureCollection", "features": features}

    @app.get("/api/events/{event_id}", summary="One event (or cluster) with its article, quotes and other reports")
    def event(db: Db, event_id: Annotated[str, PathParam(max_length=80)]) -> dict[str, Any]:
        found = db.event(event_id)
        if found is None:
            raise HTTPException(404, detail=f"no event {event_id!r}")
        return found

    @app.get("/api/timeline", summary="Deduplicated event counts per period and type")
    def timeline(db: Db, f: Filter, period: Literal["day", "week", "month"] = "month",
                 by: Literal["acled_event_type", "event_type"] = "acled_event_type") -> list[dict[str, Any]]:
        return db.timeline(period, by, f)

    @app.get("/api/actors", summary="Actors by number of events")
    def actors(db: Db, name: Annotated[Optional[str], Query(max_length=120)] = None,
               limit: Limit = 100) -> list[dict[str, Any]]:
        return db.actors(name, limit)

    @app.get("/api/relations", summary="Who backs or is allied with whom, with the articles that say so")
    def relations(db: Db, actor: Annotated[Optional[str], Query(max_length=120)] = None,
                  limit: Limit = 100) -> list[dict[str, Any]]:
        return db.relations(actor, limit)

    @app.get("/api/places", summary="Places by number of events")
    def places(db: Db, name: Annotated[Optional[str], Query(max_length=120)] = None,
               limit: Limit = 100) -> list[dict[str, Any]]:
        return db.places(name, limit)

    @app.get("/api/stats", summary="Counts of the store's tables and its date range")
    def stats(db: Db) -> dict[str, Any]:
        first, last = db.con.execute("SELECT min(date_start), max(date_end) FROM clusters").fetchone()
        return {"counts": db.counts(), "first_date": first, "last_date": last,
                "acled_types": [r[0] for r in db.con.execute(
                    "SELECT DISTINCT acled_event_type FROM events WHERE acled_event_type IS NOT NULL ORDER BY 1")],
                "countries": [r[0] for r in db.con.execute(
                    "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1")]}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app
