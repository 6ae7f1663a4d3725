"""Places the gazetteer does not hold, named where the syntax puts a place.

"shelled the settlements of Arbin and Jobar", "killed in Khanasir town in the
southern countryside of Aleppo", "a roadside bomb in Mussaiyab, 80 km south of
Baghdad": villages and neighbourhoods too small for cities500, or spelled another
way. Dropping them leaves an event at the nearest place the gazetteer knows, with
the text of that place; keeping them says where the text says, at the coordinates
of the place that holds them, with a precision no finer than that place's district
and a low confidence.

A name counts when it is a proper noun that no place mention, actor or named
entity of another kind covers, in a place's slot:
- the object of "in", "near", "at", "outside", "around", "into" ("attacked in Arbin");
- the object of "of" after a kind of place ("the village of Tieba");
- a name before a kind of place ("Khanasir town", "Albuhrat neighbourhood").
Its container is the next known place of its sentence (within a few words), else
the last one before it, else the town the story is about.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..model import Evidence, Place
from .cues import PLACE_NOUNS
from .names import fold
from .recognition import COMPASS_WORDS, GENERIC_PLACE_WORDS

UNRESOLVED_FEATURE = "UNRESOLVED"
UNRESOLVED_CONFIDENCE = 0.2
SLOT_PREPS = {"in", "near", "at", "outside", "around", "into", "inside", "towards", "toward"}
# entity labels that say a name is something other than a place
OTHER_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                "LAW", "LANGUAGE", "WORK_OF_ART", "EVENT", "PRODUCT"}
# labels no slot overrides: dates, numbers, money
NOT_PLACES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
CONTAINER_WINDOW = 60           # characters between a name and the place that holds it
_COARSER = {"site": "district", "town": "district", "district": "district", "province": "province",
            "region": "region", "country": "country"}


def _slot(tok, depth: int = 0) -> Optional[str]:
    """'weak' after a locative preposition, 'strong' beside a kind of place, else None;
    the members of a list share their first member's slot ("Arbin, Hawsh Nasri and Jobar")."""
    if tok.dep_ == "conj" and depth < 4:
        return _slot(tok.head, depth + 1)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS:
        return "strong"
    if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in PLACE_NOUNS and tok.head.i == tok.i + 1:
        return "strong"
    if tok.dep_ == "pobj" and tok.head.lower_ in SLOT_PREPS:
        return "weak"
    return None


def _name_start(doc, last: int) -> int:
    """The first token of the proper-noun run that ends at ``last`` ("Dahiyat al-Assad")."""
    first = last
    while first > 0 and (doc[first - 1].pos_ == "PROPN" or (
            doc[first - 1].text in ("-", "al", "el", "ad", "ar", "as", "az", "ez") and first > 1
            and doc[first - 2].pos_ == "PROPN")) and not doc[first - 1].ent_id_ \
            and doc[first - 1].ent_type_ not in NOT_PLACES:
        first -= 1
    return first


def unresolved_mentions(doc, text: str, places: Sequence[Place]) -> list[tuple[int, int]]:
    """Character offsets of the names in a place's slot that no resolved place covers.
    Beside a kind of place the syntax outweighs the entity label the tagger guessed
    ("Khanasir town" tagged ORG); after a bare preposition it does not ("at Google")."""
    found = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_id_:
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue                # not the run's last word
        slot = _slot(tok)
        if slot is None:
            continue
        first = _name_start(doc, tok.i)
        start, end = doc[first].idx, tok.idx + len(tok)
        key = fold(text[start:end])
        if len(key) < 3 or key in GENERIC_PLACE_WORDS or key in COMPASS_WORDS or any(ch.isdigit() for ch in key):
            continue
        labels = {doc[i].ent_type_ for i in range(first, tok.i + 1)}
        if any(doc[i].ent_id_ for i in range(first, tok.i + 1)) or labels & NOT_PLACES or (
                slot == "weak" and labels & OTHER_LABELS):
            continue
        if all(end <= p.evidence.start or p.evidence.end <= start for p in places):
            found.append((start, end))
    return found


_RANK = {"site": 0, "town": 1, "district": 2, "province": 3, "region": 4, "country": 5}


def _container(start: int, end: int, places: Sequence[Place], sentence: tuple[int, int]) -> Optional[Place]:
    """The finest place named just after the name ("Al Jabaliyah area in western Yemen
    (At Tuhayat, Al Hudaydah)": At Tuhayat), else the finest named before it in the
    sentence ("in Contagem, Minas Gerais, ... in Jardim Laguna": Contagem)."""
    # a division named by its adjective ("Dagestani protesters ... the city's Zarechny district")
    # holds the name as well as one named outright
    known = [p for p in places if (not p.adjectival or p.feature_code == "ADM1")
             and p.feature_code != UNRESOLVED_FEATURE and sentence[0] <= p.evidence.start < sentence[1]]
    after = [p for p in known if end <= p.evidence.start <= end + CONTAINER_WINDOW]
    if after:
        return min(after, key=lambda p: (_RANK.get(p.precision, 9), p.evidence.start))
    before = [p for p in known if p.evidence.end <= start]
    return min(before, key=lambda p: (_RANK.get(p.precision, 9), -p.evidence.start)) if before else None


def home_town(places: Sequence[Place]) -> Optional[Place]:
    """The town a local story is about: named at least twice, and more often than any
    other town or district."""
    counts: dict[int, list[Place]] = {}
    for place in places:
        if place.precision in ("town", "district") and place.geonameid is not None and not place.adjectival:
            counts.setdefault(place.geonameid, []).append(place)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def places_in_containers(doc, text: str, places: Sequence[Place]) -> list[Place]:
    """The unresolved names of the text, each at the place of its sentence that holds it,
    else in the story's home town (``home_town``)."""
    out = []
    home = home_town(places)
    for start, end in unresolved_mentions(doc, text, places):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        holder = _container(start, end, places, (sent.start_char, sent.end_char)) or home
        if holder is None:
            continue
        out.append(Place(
            evidence=Evidence(start, end, text[start:end]), name=f"{text[start:end]}, {holder.name}",
            geonameid=None, lat=holder.lat, lon=holder.lon, country=holder.country, admin1=holder.admin1,
            feature_code=UNRESOLVED_FEATURE, precision=_COARSER.get(holder.precision, "region"),
            score=UNRESOLVED_CONFIDENCE, parent_geonameid=holder.geonameid))
    return out
