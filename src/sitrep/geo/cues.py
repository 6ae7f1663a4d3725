"""What the words around a name say about it: a cue that it is a place ("in X", "the
town of X", "X, Idlib", the divisions in parentheses after a place), that it is a
person's surname, that it is cut out of a hyphenated name, that it stands in a
title-case headline, or that it modifies a noun or an actor ("the US dollar",
"UK-based"). Used by :mod:`sitrep.geo.recognition` and :mod:`sitrep.geo.toponyms`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .names import fold

if TYPE_CHECKING:
    from .recognition import ToponymSpan

# nouns that name a kind of place ("the town of X")
PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "area", "municipality", "county",
               "governorate", "state", "suburb", "neighbourhood", "neighborhood", "camp", "outskirts", "settlement",
               "hamlet", "locality", "quarter", "countryside", "vicinity", "suburbs", "environs"}
RESIDENT_NOUNS = {"resident", "native", "mayor", "citizen", "people", "residents", "natives", "citizens"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "across", "towards", "toward", "from", "into"}
# a country used as a noun's modifier ("US dollar", "Syria war") names no place where something happened
MODIFIER_DEPS = ("compound", "amod", "nmod")
# words a title-case headline may leave in lower case
HEADLINE_LOWER_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "as", "with", "from"}


def cuts_hyphenated_word(doc, start: int, end: int) -> bool:
    """Does tokens[start:end] begin or end inside a hyphenated name ("Mayo-Sava")? A
    name glued to a common word is whole ("Gori-based", "Kabul-bound")."""
    def glued(i: int, other: int) -> bool:      # a hyphen without spaces, a capitalised word across it
        return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
                and not doc[i].whitespace_ and doc[other].text[:1].isupper())
    return glued(start - 1, start - 2) or glued(end, end + 1)


def site_after(doc, text: str, last_i: int) -> tuple[Optional[str], int]:
    """'Palmyra's Roman Theatre' split by the NER: the named thing after the possessive."""
    if last_i + 2 >= len(doc) or doc[last_i + 1].text not in ("'s", "\u2019s"):
        return None, 0
    first = doc[last_i + 2]
    # "Lebanon's Hezbollah" is an actor, not a site; only facilities or unnamed things
    if not first.text[:1].isupper() or first.ent_type_ not in ("FAC", "LOC", ""):
        return None, 0
    j = first.i
    while j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ in ("PROPN", "NOUN"):
        j += 1
    return text[first.idx: doc[j].idx + len(doc[j])], j + 1


def after_a_place(prev, before_prev) -> bool:
    """'Thor village, Thies', 'Aleppo, Idlib': a name after a place and a comma is the
    division holding it, or the next place of a list."""
    return (prev is not None and prev.text == "," and before_prev is not None
            and (before_prev.lower_ in PLACE_NOUNS or (before_prev.pos_ == "PROPN" and before_prev.ent_type_ in
                                                       ("GPE", "LOC", "FAC"))))


def in_place_parentheses(doc, first_i: int) -> bool:
    """'in Buurane village (Jowhar, Middle Shabelle)': the names in parentheses after a
    place name are the divisions holding it, as reports and ACLED's notes write them."""
    j = first_i - 1
    while j >= 0 and first_i - j <= 6 and doc[j].text != "(":
        if doc[j].text in (")", ".", ";"):
            return False
        j -= 1
    return j >= 1 and doc[j].text == "(" and doc[j - 1].pos_ in ("PROPN", "NOUN")


def surnames_of(doc) -> frozenset[str]:
    """The last names of the people the text names in full ("Ashley Sutton"): said
    alone later ("Sutton would storm to the title"), they are that person, not a town."""
    return frozenset(fold(ent[-1].text) for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].pos_ == "PROPN")


def is_a_surname(doc, start: int, end: int, surnames: frozenset[str]) -> bool:
    """Is tokens[start:end] one word that is a surname of the text, with nothing saying
    it is a place ("in Sutton", "the town of Sutton")?"""
    if end - start != 1 or fold(doc[start].text) not in surnames:
        return False
    prev = doc[start - 1] if start > 0 else None
    return not locative_cue(prev, doc[start - 2] if start > 1 else None)


def in_headline(doc, i: int) -> bool:
    """Is token ``i`` in a sentence written in title case, as headlines are ("Former
    Pilot Wins Mayor Race")? Short function words may stay lower case."""
    words = [t for t in doc[i].sent if t.is_alpha and t.lower_ not in HEADLINE_LOWER_WORDS]
    return len(words) >= 4 and all(t.text[:1].isupper() for t in words)


# bodies and kin named after a place or a person: "Al-Masalemah family"
NAMED_BODY_NOUNS = {"family", "families", "clan", "tribe", "association", "company", "group", "foundation",
                    "brigade", "battalion", "party", "movement", "newspaper", "channel", "society"}


def placed_by_syntax(doc, first_i: int, following) -> bool:
    """Does the syntax say the name starting at token ``first_i`` is a place ("in
    Ar-Raqqa"), and not a family's or a body's name ("from Al-Masalemah family")?"""
    prev = doc[first_i - 1] if first_i > 0 else None
    before_prev = doc[first_i - 2] if first_i > 1 else None
    return locative_cue(prev, before_prev) and not (following is not None and following.lower_ in NAMED_BODY_NOUNS)


def locative_cue(prev, before_prev) -> bool:
    """'in X', 'near X', 'the town of X': the syntax says X is a place."""
    if prev is None:
        return False
    if prev.lower_ in LOCATIVE_PREPS:
        return True
    if prev.lower_ != "of" or before_prev is None:
        return False
    # "the town of X"; "Jane Doe, 22, of X" and "a resident of X": where someone lives
    return (before_prev.lemma_.lower() in PLACE_NOUNS or before_prev.text == ","
            or before_prev.lemma_.lower() in RESIDENT_NOUNS)


def span_end_token(doc, span: ToponymSpan) -> int:
    """Index of the token just after a span's name."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.end if found is not None else len(doc)


def modifies_noun(doc, span: ToponymSpan) -> bool:
    """'the US dollar', 'the Syria conflict': a country name modifying a common noun."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found is not None and found.root.dep_ in MODIFIER_DEPS and found.root.head.pos_ == "NOUN"


def modifies_actor(doc, end: int) -> bool:
    """'UK-based organisation', 'US-backed militias': the place describes an actor."""
    return (end + 1 < len(doc) and doc[end].text == "-"
            and doc[end + 1].lower_ in ("based", "backed", "led", "born", "headquartered", "sponsored", "funded"))


# offices of a state or province: a name before them is the division, not its namesake city
STATE_OFFICE_WORDS = {"governor", "gov.", "legislature", "legislators", "lawmakers", "attorney", "statehouse"}


def state_office_follows(doc, last_i: int) -> bool:
    """Is the name ending at token ``last_i`` followed, directly or after "'s", by a
    state's office ("New York's governor", "Georgia Gov. Smith")?"""
    k = last_i + 1
    if k < len(doc) and doc[k].lower_ in ("'s", "\u2019s"):
        k += 1
    return k < len(doc) and doc[k].lower_ in STATE_OFFICE_WORDS
