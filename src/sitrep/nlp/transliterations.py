"""Transliterated names: one key for the spellings of a name written from Arabic,
Persian or Somali into Latin letters ("Ahlu Sunna Wal Jama'a", "Ahl al-Sunnah
wa al-Jamaah", "Ahlu Sunnah Waljama").

The wire agencies spell such names as they hear them: with or without the article
("al-", "ash-"), its vowel run into the word before ("wal-" for "wa al-"), a final
"h", doubled letters, apostrophes and hyphens. :func:`transliteration_key` drops what
varies; :class:`TransliterationIndex` maps the keys of the lexicon's aliases to their
entries and finds them in a document, so that a spelling the phrase matcher misses
still names the actor. Keys are long (``MIN_KEY_LENGTH``) and must name one entry
only: a short or shared key would join names that differ.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

# the Arabic article in its assimilated forms ("ash-Sham", "ad-Dawla"), written apart
ARTICLES = frozenset({"al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez"})
# the words a transliterated name holds between its capitalised ones
CONNECTORS = ARTICLES | {"wa", "wal", "bin", "ibn", "bint", "abu", "-", "'", "\u2019"}
MIN_KEY_LENGTH = 10
MAX_NAME_TOKENS = 8

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bf\u02be]")
_NON_LETTERS = re.compile(r"[^a-z]+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWEL_SPELLINGS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"))


def _ascii_folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _word_key(word: str) -> str:
    word = _FINAL_H.sub("", word)
    for spelling, plain in _VOWEL_SPELLINGS:
        word = word.replace(spelling, plain)
    word = _DOUBLED.sub(r"\1", word)
    # a final vowel comes and goes with the case ending ("Ahlu"/"Ahl", "Sunna"/"Sunn")
    return word[:-1] if len(word) >= 4 and word[-1] in "aeiou" else word


def transliteration_key(text: str) -> str:
    """'Ahl al-Sunnah wa al-Jamaah' -> 'ahlsunwajam': letters only, without the
    article, a word's final "h" after a vowel and its final vowel, doubled letters
    and the "l" of "wal".
    A key is its own key (the rules are applied until nothing changes)."""
    key = None
    current = text
    while key != current:
        key = current
        words = _NON_LETTERS.split(_APOSTROPHES.sub("", _ascii_folded(key)))
        joined = "".join(_word_key(w) for w in words if w and w not in ARTICLES)
        current = _DOUBLED.sub(r"\1", joined.replace("wal", "wa"))
    return key


class TransliterationIndex:
    """Folded keys of names -> the one value (an entity label and id) each names."""

    def __init__(self) -> None:
        self._by_key: dict[str, Optional[tuple[str, str]]] = {}

    def add(self, name: str, value: tuple[str, str]) -> None:
        key = transliteration_key(name)
        if len(key) < MIN_KEY_LENGTH:
            return
        known = self._by_key.get(key, value)
        # a key two entries share names neither
        self._by_key[key] = value if known == value else None

    def add_all(self, names: Iterable[tuple[str, tuple[str, str]]]) -> None:
        for name, value in names:
            self.add(name, value)

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, text: str) -> Optional[tuple[str, str]]:
        return self._by_key.get(transliteration_key(text))

    def matches(self, doc, taken: set[int]) -> list[tuple[int, int, tuple[str, str]]]:
        """(start, end, value) of the names in ``doc``: runs of capitalised words and
        connectors, the longest first from each capitalised word, outside ``taken``."""
        found = []
        i = 0
        while i < len(doc):
            if i in taken or not doc[i].text[:1].isupper():
                i += 1
                continue
            end = i
            while end < len(doc) and end - i < MAX_NAME_TOKENS and end not in taken and (
                    doc[end].text[:1].isupper() or doc[end].lower_ in CONNECTORS):
                end += 1
            hit = next(((stop, value) for stop in range(end, i + 1, -1)
                        if doc[stop - 1].text[:1].isupper()
                        for value in [self._by_key.get(transliteration_key(doc[i:stop].text))] if value), None)
            if hit is not None:
                found.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return found
