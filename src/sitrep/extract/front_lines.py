"""Fire nobody claims on a front line: the side facing the place it landed near.

"The OSCE SMM observed a total of 12 explosions involving unknown weapons near
Holubivske." The sentence names no doer. On a front line whose holders are known
(``lexicon/front_lines.py``) ACLED codes such fire to the side facing the place: near
a place the separatists hold it was the government's forces, near any other place of
the line's divisions it was the separatists.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon.front_lines import front_lines
from ..model import Event


# the place the fire landed near, as the sentence says it: "near Zolote-5", "in the area
# of Holubivske", "on the outskirts of Horlivka"; a name after a comma ("Vodyane,
# Donetsk") is the division, and is not taken
_NEAR_NAME = re.compile(
    r"\b(?:near|in|at|around|outside|towards?|on)\s+(?:the\s+)?"
    r"(?:(?:area|outskirts|village|town|city|settlement|vicinity)\s+of\s+)?"
    r"([A-Z][\w'’]*(?:[- ](?:[A-Z][\w'’]*|\d+(?:/\d+)?))*)")


def _names_in(sentence: str) -> list[str]:
    """The place names the sentence puts after 'near', 'in', 'at' ..., whole and word
    by word: the candidates for where the fire landed, resolved by the gazetteer or not."""
    out = []
    for match in _NEAR_NAME.finditer(sentence):
        run = match.group(1)
        out.append(run)
        out.extend(run.split())
    return out


def front_line_doer(event: Event, paragraph: str) -> Optional[str]:
    """The lexicon id of the side that fired, for an event no one is said to have
    carried out, when it lies on a known front line; else None."""
    for line in front_lines():
        if line.covers(event, paragraph):
            names = _names_in(event.sentence.text)
            if event.location is not None and event.location.precision not in ("province", "region", "country"):
                names.append(event.location.name)
            return line.facing(line.holder_of(names))
    return None
