"""Places named together lie together: a town's reading near the article's other
places is more likely than a namesake far away.

Local news name their towns without a state ("Alexandria", "Douglas County"); the
other places of the same report ("Fargo", "Otter Tail County") say which of the
namesakes is meant. Each place's first reading serves as an anchor; a candidate
gains support from the nearest anchor of another name, by distance.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence

from .gazetteer import Candidate

LOCAL_FEATURES = ("PPL", "ADM2")
# (distance in km, support): within 50 km a neighbour, within 400 km the same region
SUPPORT_BY_DISTANCE = ((50.0, 0.3), (150.0, 0.2), (400.0, 0.1))
MAX_ANCHORS = 25


def approximate_km(a: Candidate, b: Candidate) -> float:
    """Equirectangular distance: exact enough below a few hundred km, and cheap."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(b.lon - a.lon) * math.cos(mean_lat)
    dy = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(dx, dy)


def anchors_of(first_readings: Sequence[Optional[Candidate]], keys: Sequence[str]) -> list[tuple[str, Candidate]]:
    """The first readings that are towns or districts, one per name, in text order."""
    seen: set[str] = set()
    anchors = []
    for key, reading in zip(keys, first_readings):
        if reading is None or reading.feature_code not in LOCAL_FEATURES or key in seen:
            continue
        seen.add(key)
        anchors.append((key, reading))
    return anchors[:MAX_ANCHORS]


def nearby_support(cand: Candidate, key: str, anchors: Sequence[tuple[str, Candidate]]) -> float:
    """Support for a town or district reading from the nearest place of another name;
    for a first-level division, from a place of another name inside it (without it, a
    "California" near the article's other towns would win over the state)."""
    if cand.feature_code == "ADM1":
        holds = any(other != key and anchor.country2 == cand.country2 and anchor.admin1_code == cand.admin1_code
                    for other, anchor in anchors)
        return SUPPORT_BY_DISTANCE[0][1] if holds else 0.0
    if cand.feature_code not in LOCAL_FEATURES:
        return 0.0
    nearest = min((approximate_km(cand, anchor) for other, anchor in anchors if other != key), default=None)
    if nearest is None:
        return 0.0
    return next((support for km, support in SUPPORT_BY_DISTANCE if nearest <= km), 0.0)
