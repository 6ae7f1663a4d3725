"""Folding of place names so that spelling variants meet in one key.

"Deir al-Zor", "Deir ez-Zor" and "Dayr az Zawr" differ by the transliteration of
the Arabic article; "Ḩalab" and "Halab" by diacritics. We fold both the gazetteer
and the text with the same function, so any variant GeoNames lists is found.
"""
from __future__ import annotations

import re
from typing import Optional

from unidecode import unidecode

# Transliterations of the Arabic article (assimilated forms included).
_ARTICLES = frozenset({
    "al", "el", "ad", "ar", "as", "az", "ez", "an", "at", "ash", "adh", "ath",
    "es", "er", "ed", "en", "et", "ul", "ud", "ur", "us", "uz", "ed", "ad",
})
_DROP = re.compile(r"[\u2019\u2018'`\u02bb\u02bc\u02be\u02bf\"]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.,/()]+")

PLACE_SUFFIXES = {
    "city": "town", "town": "town", "village": "town",
    "province": "province", "governorate": "province", "state": "province",
    "region": "province", "district": "district", "county": "district",
    "area": "district", "countryside": "province", "lga": "district",
    # "Loudon Co.", "Grant and Swift counties"
    "co.": "district", "counties": "district",
}
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "upper", "lower",
})


def fold(name: str) -> str:
    """Lower-case ASCII key with articles unified: 'Deir ez-Zor' -> 'deir al zor'."""
    # a fast path for the common case (the places and actors stages fold tens of words
    # per article): one ASCII word, which unidecode, splitting and the article leave as is
    if name.isascii() and name.isalpha():
        return name.lower()
    return folded_in_full(name)


def folded_in_full(name: str) -> str:
    """``fold`` without its fast path."""
    text = _DROP.sub("", unidecode(_DROP.sub("", name))).lower()
    tokens = [t for t in _SEPARATORS.split(text) if t]
    # The article only varies inside a name or at its start before another word.
    out = ["al" if (t in _ARTICLES and len(tokens) > 1) else t for t in tokens]
    return " ".join(out)


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (with or without diacritics)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or ch in "\u2019\u02bb\u02bc\u02be\u02bf"
               for ch in name)


# UTF-8 read as Windows-1252 ("Itâ€™s", or "Itâ s" once a byte is lost; "Ã©" for
# "é"): what is left of an apostrophe or a letter is no part of a place's name
_MIS_DECODED = re.compile(r"â(?:€|\s|$)|Ã[\u0080-\u00bf]")


def mis_decoded(name: str) -> bool:
    """Does ``name`` carry the debris of a text decoded with the wrong encoding?"""
    return _MIS_DECODED.search(name) is not None


def without_arabic_article(name: str) -> Optional[str]:
    """The folded key of a name written with a leading Arabic article and a hyphen,
    without the article ("Ar-Raqqa" -> "raqqa", "Ash-Shajara" -> "shajara"): the
    gazetteer may know the name only bare. None for other names."""
    head, hyphen, rest = name.partition("-")
    if not hyphen or head.lower() not in _ARTICLES or not rest[:1].isalpha():
        return None
    bare = fold(rest)
    return bare if len(bare) >= 4 else None


def without_article(text: str) -> str:
    """'The United States' -> 'United States': names are looked up without a leading 'the'."""
    return text[4:] if text[:4].lower() == "the " else text


def preferred_division_name(cols: list[str]) -> str:
    """The name news use for a division: GeoNames' own name ("Texas", not "Estado de
    Texas"), except
    - a strict Arabic romanisation ("Ḩamāh"), where the first plain ASCII alias reads
      better ("Hama", "Deir ez-Zor" for "Dayr az Zawr");
    - a name carrying a generic word in the local language ("Shandong Sheng",
      "Kharkivska oblast"): an alias that starts like it ("Kharkiv"), else the name
      without that word."""
    canonical = cols[0]
    aliases = [a for a in cols[5].split("|") if a and a.isascii() and not _GENERIC_NAME_WORDS.search(a)]
    if cols[1][:2] in _ARABIC_SPEAKING and (not canonical.isascii() or _ARABIC_ARTICLE.search(canonical)):
        return aliases[0] if aliases else canonical
    if not _LOCAL_GENERIC_WORDS.search(canonical):
        return canonical
    stem = fold(_LOCAL_GENERIC_WORDS.sub(" ", canonical))
    for alias in aliases:
        if fold(alias)[:4] == stem[:4]:
            return alias
    return " ".join(_LOCAL_GENERIC_WORDS.sub(" ", canonical).replace(",", " ").split()) or canonical


# ISO 3166-1 alpha-2 codes of the countries whose division names GeoNames romanises
# from Arabic
_ARABIC_SPEAKING = frozenset("SY IQ YE SA JO LB EG LY TN DZ MA SD AE OM QA BH KW PS MR".split())
_ARABIC_ARTICLE = re.compile(r"(^| )(a[dlnrstz]|ash|adh|ath) ", re.IGNORECASE)
_LOCAL_GENERIC_WORDS = re.compile(
    r"\b(sheng|zizhiqu|oblast|okrug|kray|novads|respublika|muhafazat|wilayat|estado|provincia|departamento|"
    r"región|région)\b'?", re.IGNORECASE)
_GENERIC_NAME_WORDS = re.compile(
    r"\b(governorate|province|provincia|region|región|région|state|estado|district|county|municipality|"
    r"department|departamento|prefecture|sheng|zizhiqu|oblast|okrug|kray|novads|respublika|muhafazat|"
    r"wilayat|land|of|de|del)\b", re.IGNORECASE)
