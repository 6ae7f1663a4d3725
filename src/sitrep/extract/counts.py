"""Counts: how many died, from the words around an event.

"killing 12", "at least twelve people were killed", "left 3 dead", "5 fatalities",
"death toll rose to 40", "no casualties". Words count as numbers up to twenty and
"a dozen"; vague amounts ("dozens") are not counts.
"""
from __future__ import annotations

import re
from typing import Optional

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "a hundred": 100, "one hundred": 100,
}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")"
_QUAL = r"(?:at least |some |around |about |nearly |almost |more than |over |up to |an estimated |approximately )?"
_DEATH = r"(?:killed|dead|died|slain|executed|massacred|murdered|shot dead|beheaded|lost their lives|perished)"
_FATALITY_PATTERNS = [re.compile(p, re.I) for p in (
    rf"\b(?:killing|killed|kills|kill|executing|executed|massacring)\s+{_QUAL}{_NUM}\b",
    rf"\b{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,4}}?(?:were|was|have been|had been|are|is|been)?\s*(?:reportedly\s+)?{_DEATH}\b",
    rf"\b{_QUAL}{_NUM}\s+(?:fatalities|deaths|dead|bodies|people dead|casualties)\b",
    rf"\bleaving\s+{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,2}}?dead\b",
    rf"\bleft\s+{_QUAL}{_NUM}\s+(?:[\w-]+\s+){{0,2}}?dead\b",
    rf"\bdeath toll\s+(?:\w+\s+){{0,4}}?{_NUM}\b",
    rf"\b(?:the )?(?:body|bodies) of\s+{_QUAL}{_NUM}\b",
)]
_NONE = re.compile(r"\bno (?:fatalities|casualties|deaths|one was killed|one killed|injuries or fatalities)\b|"
                   r"\bwithout (?:casualties|fatalities)\b|\bno (?:fatalities|deaths) (?:were )?reported\b", re.I)
_SINGLE = re.compile(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:was|has been|had been)\s+(?:reportedly\s+)?{_DEATH}\b|"
                     r"\b(?:was|were) found dead\b|\bkilling (?:a|an|one) \w+", re.I)


def to_int(token: str) -> Optional[int]:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return WORDS.get(token)


def fatalities_in(text: str) -> Optional[int]:
    """The death count stated in a passage; 0 when it says none died; None if silent."""
    best: Optional[int] = None
    for pattern in _FATALITY_PATTERNS:
        for m in pattern.finditer(text):
            value = to_int(m.group(1))
            if value is not None and value < 100_000:
                best = value if best is None else max(best, value)
    if best is not None:
        return best
    if _SINGLE.search(text):
        return 1
    if _NONE.search(text):
        return 0
    return None
