"""Counts: how many died, from the words around an event.

"killing 12", "at least twelve people were killed", "left 3 dead", "5 fatalities",
"death toll rose to 40", "shot dead a guard" (1), "3 policemen, 2 militiamen and 1
soldier were killed" (6), "no casualties" (0). Words count as numbers up to fifty
and "a dozen". A vague amount ("dozens were killed", "killing several") counts as
ACLED codes it (``data/vague_counts.yaml``), only where no number is stated. Dates
are blanked first so that "On 8 May 2020, 8 militants were killed" counts 8, not 2020.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..lexicon.actors import load_yaml

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "a hundred": 100, "one hundred": 100,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")"
_QUAL = r"(?:at least |some |around |about |nearly |almost |more than |over |up to |an estimated |approximately )?"
_DEATH = (r"(?:killed|dead|died|slain|executed|massacred|murdered|shot dead|beheaded|lost their lives|perished|"
          r"shot to death|stabbed to death|beaten to death|burned to death|burnt to death)")
_FATALITY_PATTERNS = [re.compile(p, re.I) for p in (
    rf"\b(?:killing|killed|kills|kill|executing|executed|massacring|shot dead|shooting dead)\s+{_QUAL}{_NUM}\b",
    rf"\b{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,4}}?(?:were|was|have been|had been|are|is|been)?\s*(?:(?:reportedly|reported|confirmed)\s+)?{_DEATH}\b",
    rf"\b{_QUAL}{_NUM}\s+(?:fatalities|fatality|deaths|dead|bodies|people dead|casualties)\b",
    rf"\bleaving\s+{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,2}}?dead\b",
    rf"\bleft\s+{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,2}}?dead\b",
    rf"\bdeath toll\s+(?:\w+\s+){{0,4}}?{_NUM}\b",
    rf"\b(?:the )?(?:body|bodies|deaths?) of\s+{_QUAL}{_NUM}\b",
)]
_NONE = re.compile(r"\bno (?:fatalities|casualties|deaths|one was killed|one killed|injuries or fatalities)\b|"
                   r"\bwithout (?:casualties|fatalities)\b|\bno (?:fatalities|deaths) (?:were )?reported\b|"
                   r"\bneither (?:injuries|casualties) nor fatalities\b|\b0 fatalities\b", re.I)
_SINGLE = re.compile(
    rf"\b(?:a|an|one|the)\s+(?:[\w'-]+\s+){{0,3}}?(?:was|has been|had been)\s+(?:reportedly\s+)?{_DEATH}\b|"
    r"\b(?:was|were) found dead\b|\bkilling (?:a|an|one|the|him|her) ?\w*|"
    r"\b(?:shot|stabbed|beat|beaten|hacked|burned|burnt|strangled|tortured)\s+(?:him |her )?(?:to death|dead)\b|"
    r"\b(?:shot dead|stabbed to death|killed) (?:a|an|the|one)\b|\bfatally (?:shot|stabbed|wounded|injured)\b|"
    r"\b(?:the )?death of (?:a|an|one|the|his|her)\b|\b(?:the )?body of (?:a|an|one)\b", re.I)
# "3 local policemen, 2 militia members, and 1 soldier were killed", "two soldiers and
# five militants died"
# (an item's words are no verb: "3 people were injured and 1 person died" is one death)
_ITEM_WORD = r"\s+(?!(?:were|was|are|is|been|injured|wounded|hurt|arrested|missing|abducted)\b)[\w'-]+"
_LIST_BEFORE_DEATH = re.compile(
    rf"((?:\b{_NUM}\s+[\w'-]+(?:{_ITEM_WORD}){{0,3}}?(?:,\s*(?:and\s+)?|\s+and\s+)){{1,6}}"
    rf"\b{_NUM}\s+[\w'-]+(?:{_ITEM_WORD}){{0,3}}?)\s+(?:(?:were|have been|had been)\s+(?:reportedly\s+)?)?{_DEATH}",
    re.I)
# "killing two soldiers and five militants", "killed 3 policemen, 2 guards and 4 civilians"
_LIST_AFTER_KILLING = re.compile(
    rf"\b(?:killing|killed|kills|kill)\s+((?:{_QUAL}{_NUM}\s+[\w'-]+(?:\s+[\w'-]+){{0,2}}?"
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)){{1,6}}{_QUAL}{_NUM}\s+[\w'-]+)", re.I)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:\d{{4}})?|\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|"
                   r"\b(?:19|20)\d\d\b", re.I)
_LEADING_NUM = re.compile(rf"(?:^|,\s*(?:and\s+)?|\s+and\s+){_QUAL}\b{_NUM}\s+([\w'-]+)", re.I)
# "killing 3 herders and 40 cows": the animals are no fatalities
ANIMALS = {"cow", "cows", "cattle", "goat", "goats", "sheep", "camel", "camels", "animal", "animals", "livestock",
           "head", "donkey", "donkeys", "horse", "horses", "pig", "pigs", "chicken", "chickens"}


@lru_cache(maxsize=1)
def _vague_counts() -> tuple[dict[str, int], tuple[re.Pattern, ...]]:
    """ACLED's counts for vague amounts, and the patterns that find them (loaded once)."""
    counts = {k.lower(): int(v) for k, v in (load_yaml("vague_counts.yaml") or {}).items()}
    amount = "(" + "|".join(sorted(map(re.escape, counts), key=len, reverse=True)) + ")"
    patterns = tuple(re.compile(p, re.I) for p in (
        rf"\b(?:killing|killed|kills|kill|executing|executed|massacring)\s+{amount}\b",
        rf"\b{amount}\s+(?:[\w-]+\s+){{0,3}}?(?:were|was|have been|had been|are|been)?\s*(?:reportedly\s+)?{_DEATH}\b",
        rf"\b{amount}\s+(?:fatalities|deaths|dead|bodies)\b",
    ))
    return counts, patterns


def _vague_fatalities(text: str) -> Optional[int]:
    counts, patterns = _vague_counts()
    found = [counts[m.group(1).lower()] for pattern in patterns for m in pattern.finditer(text)]
    return max(found) if found else None


def to_int(token: str) -> Optional[int]:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return WORDS.get(token)


def _blank_dates(text: str) -> str:
    return _DATE.sub(lambda m: " " * len(m.group(0)), text)


# Every pattern above needs one of these stems; most passages have none and are skipped.
_DEATH_STEMS = re.compile(r"kill|dead|die|slain|execut|massacr|murder|behead|lives|perish|death|fatal|"
                          r"bod(?:y|ies)|casualt", re.I)


def fatalities_in(text: str) -> Optional[int]:
    """The death count stated in a passage; 0 when it says none died; None if silent."""
    if not _DEATH_STEMS.search(text):
        return None
    return _stated_count(text)


def _stated_count(text: str) -> Optional[int]:
    text = _blank_dates(text)
    best: Optional[int] = None
    for m in [*_LIST_BEFORE_DEATH.finditer(text), *_LIST_AFTER_KILLING.finditer(text)]:
        values = [to_int(n.group(1)) for n in _LEADING_NUM.finditer(m.group(1)) if n.group(2).lower() not in ANIMALS]
        total = sum(v for v in values if v is not None)
        if total:
            best = max(best or 0, total)
    for pattern in _FATALITY_PATTERNS:
        for m in pattern.finditer(text):
            value = to_int(m.group(1))
            if value is not None and value < 100_000:
                best = value if best is None else max(best, value)
    if best is not None:
        return best
    vague = _vague_fatalities(text)
    if vague is not None:
        return vague
    if _SINGLE.search(text):
        return 1
    if _NONE.search(text):
        return 0
    return None
