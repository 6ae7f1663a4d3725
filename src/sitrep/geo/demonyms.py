"""Demonyms and country words no other rule of ``recognition`` took, as adjectival places.

"the anti-Russian policy", "the Syrian-Turkish border", "8,000 Egyptian pounds", "the
BBC Russian Service", "US dollars", "the Culinary Institute of America": the country
(or region) is named, adjectivally -- a place of the story, never an event's place.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

# entities whose words may include a country's name without being a place themselves
NAME_LABELS = {"ORG", "MONEY", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "FAC"}


def _in_capitals(doc, tok) -> bool:
    """Whether the words around ``tok`` are in capitals too (a headline, "TELL US")."""
    around = [t for t in doc[max(tok.i - 2, 0):tok.i + 3] if t.is_alpha and t.i != tok.i]
    return bool(around) and all(t.text.isupper() for t in around)


class CountryWord(NamedTuple):
    start: int
    end: int
    country: Optional[str]          # ISO3 of the country named, or
    region: Optional[int]           # the id of the region named ("European")


def _two_word_demonym(doc, tok, gazetteer, covered: bytearray) -> Optional[CountryWord]:
    """'Sri Lankan', 'North Dakotan': a demonym of two capitalised words."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or not nxt.is_alpha or not nxt.text[:1].isupper() or not nxt.text[1:].islower():
        return None
    end = nxt.idx + len(nxt.text)
    if covered.find(1, nxt.idx, end) >= 0:
        return None
    words = tok.text + tok.whitespace_ + nxt.text
    code = gazetteer.demonym_country(words)
    if code is not None:
        return CountryWord(tok.idx, end, code, None)
    region = gazetteer.region_of_demonym(words)
    return CountryWord(tok.idx, end, None, region.geonameid) if region is not None else None


def demonyms_left(doc, spans: list, gazetteer, country_word) -> list[CountryWord]:
    """Demonyms and country words that no span of ``spans`` covers -- inside a name ("BBC Russian Service"), in a
    hyphenated compound ("anti-Russian", "the Syrian-Turkish border"), before a common
    noun ("Salvadoran migrant", "Egyptian pounds"): the country or region named
    adjectivally. A person's name ("Bill English") is left alone."""
    out = []
    # the characters the spans cover, one byte each: asked of every capitalised word
    # (a word past the last span's end finds nothing, as no span covers it)
    covered = bytearray(max((s.span_end for s in spans), default=0))
    for s in spans:
        covered[s.span_start:s.span_end] = b"\x01" * (s.span_end - s.span_start)
    skip_to = 0
    for tok in doc:
        if tok.i < skip_to or not tok.is_alpha or not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
            continue
        end = tok.idx + len(tok.text)
        if covered.find(1, tok.idx, end) >= 0:
            continue
        pair = _two_word_demonym(doc, tok, gazetteer, covered)
        if pair is not None:
            out.append(pair)
            skip_to = tok.i + 2
            continue
        if tok.text.isupper():
            # "US dollars", "US-based": a country's acronym, outside a headline in capitals
            code = country_word(tok.text) if len(tok) <= 3 and not _in_capitals(doc, tok) else None
        elif not tok.text[1:].islower():
            continue
        elif tok.ent_type_ in NAME_LABELS:
            # "the Culinary Institute of America": a country's name inside a name
            code = gazetteer.demonym_country(tok.text) or country_word(tok.text)
        else:
            code = gazetteer.demonym_country(tok.text)
        if code is not None:
            out.append(CountryWord(tok.idx, end, code, None))
            continue
        region = gazetteer.region_of_demonym(tok.text) if not tok.text.isupper() else None
        if region is not None:
            out.append(CountryWord(tok.idx, end, None, region.geonameid))
    return out
