"""Typed, frozen records passed between pipeline stages.

Every record that carries a claim about the text also carries the character
offsets of the span that supports it (offsets index ``Article.text``, i.e. the
text after the leading ``date YYYY-MM-DD`` marker has been removed).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

EVENT_STATUSES = (
    "occurred", "ongoing", "intended", "threatened", "requested", "denied", "hypothetical",
)
ACTOR_ROLES = ("source", "target", "supporter")
PLACE_PRECISIONS = ("site", "town", "district", "province", "region", "country")
DATE_PRECISIONS = ("day", "week", "month", "year")
DATE_METHODS = ("explicit", "relative", "publication")


@dataclass(frozen=True)
class Evidence:
    """A span of the article text that supports a field."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One dated report, cleaned: ``text`` no longer holds the date marker."""

    doc_id: str
    pub_date: date
    text: str
    # (key, value) pairs carried through from the input (title, url, source ...)
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RecordError:
    """A bad input record: it yields an error object and no events."""

    doc_id: str
    message: str
    pub_date: Optional[date] = None


@dataclass(frozen=True)
class Actor:
    """A resolved actor: canonical identity plus the mention that names it."""

    name: str
    country: Optional[str]          # ISO3, None for transnational groups
    sector: Optional[str]           # PLOVER sector (GOV MIL REB ...)
    acled_inter: Optional[int]      # ACLED actor type 1..8
    kind: str                       # "group" | "person" | "state" | "agent"
    evidence: Evidence
    lexicon_id: Optional[str] = None
    backers: tuple["Actor", ...] = ()   # actors the text says back it ("US-backed")


@dataclass(frozen=True)
class ActorRole:
    role: str                       # one of ACTOR_ROLES
    actor: Actor


@dataclass(frozen=True)
class Place:
    """A place mention resolved against the gazetteer."""

    evidence: Evidence
    name: str
    geonameid: Optional[int]
    lat: float
    lon: float
    country: Optional[str]          # ISO3
    admin1: Optional[str]
    feature_code: str               # GeoNames-style: PPL, ADM1, PCLI, RGN, SITE ...
    precision: str                  # one of PLACE_PRECISIONS
    score: float = 1.0
    parent_geonameid: Optional[int] = None   # a site's enclosing place
    # "Russian", "Syrian": a demonym refers to its country but never says where an event was
    adjectival: bool = False


@dataclass(frozen=True)
class TimeSpan:
    """A normalised date window with the expression that gave it."""

    start: date
    end: date
    precision: str                  # one of DATE_PRECISIONS
    method: str                     # one of DATE_METHODS
    evidence: Optional[Evidence] = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"TimeSpan start {self.start} after end {self.end}")


@dataclass(frozen=True)
class Quote:
    quote: str
    start: int
    end: int
    speaker: str
    speaker_text: Optional[str]
    anonymous: bool
    affiliation: Optional[str]


@dataclass(frozen=True)
class EventCoding:
    """What kind of event a trigger denotes, in the three ontologies."""

    event_type: str                 # PLOVER type
    mode: Optional[str]
    acled_event_type: Optional[str]
    acled_sub_event_type: Optional[str]
    cameo_root: Optional[str]
    # who gave the ACLED type: the trigger's rules, or the learned model (learn.acled_types)
    acled_by: str = "rules"


@dataclass(frozen=True)
class Event:
    event_id: str
    coding: EventCoding
    status: str
    actors: tuple[ActorRole, ...]
    location: Optional[Place]
    date: TimeSpan
    fatalities: Optional[int]
    sentence: Evidence
    trigger: Evidence
    confidence: float
    location_reason: Optional[str] = None
    # every mention of this occurrence in the article (the trigger's first)
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A backing or alliance relation stated in the text ("US-backed militias")."""

    backer: str
    backed: str
    kind: str                       # "backs" | "allied"
    evidence: Evidence


@dataclass(frozen=True)
class CodedArticle:
    """The result of coding one article (or the error that stopped it)."""

    doc_id: str
    pub_date: Optional[date]
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    relations: tuple[Relation, ...] = ()
    error: Optional[str] = None
    article: Optional[Article] = field(default=None, compare=False)
