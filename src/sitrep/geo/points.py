"""Where places are put and how far apart they lie.

The gazetteer places a division at a point of its own (GeoNames' points for
divisions are not in the packages it is built from); the resolver, the evaluations
and the store measure distances between points. Both live here, so that every
distance in the project is measured one way.
"""
from __future__ import annotations

import math
from typing import Protocol

EARTH_RADIUS_KM = 6371.0088
# a division's point with none of its towns this near lies off its land
OFF_LAND_KM = 60.0


class Located(Protocol):
    lat: float
    lon: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def approximate_km(a: Located, b: Located) -> float:
    """Equirectangular distance: exact enough below a few hundred km, and cheap."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(b.lon - a.lon) * math.cos(mean_lat)
    dy = math.radians(b.lat - a.lat)
    return EARTH_RADIUS_KM * math.hypot(dx, dy)


def middle(values: list[float]) -> float:
    """The middle of the range of a division's towns. GeoNames places a division near
    the middle of its extent; the whole range came closest to GeoNames' points of the
    evaluation's divisions (935 of 990 first-level divisions within 161 km, against 889
    with the 10th-90th percentile range)."""
    return (min(values) + max(values)) / 2


def division_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Where a first-level division is placed: the middle of its towns' range, unless
    no town of it lies within ``OFF_LAND_KM`` of that middle, which is then off its
    land (Florida's falls in the Gulf of Mexico, a bent or coastal division's in the
    sea); then at its town nearest the middle."""
    lat, lon = middle(lats), middle(lons)
    km, nearest = min((haversine_km(lat, lon, la, lo), (la, lo)) for la, lo in zip(lats, lons))
    return nearest if km > OFF_LAND_KM else (lat, lon)
