"""Whose side a person speaks or fights for, as the text says it around them.

"a commander in the pro-Assad alliance", "a fighter of the alliance supporting
President Bashar al-Assad": the words after the person's noun name the group they
belong to (``extract/actors.py`` names the person by it, ``extract/quotes.py`` the
speaker).
"""
from __future__ import annotations

from typing import Optional

from ..lexicon.actors import ActorEntry, ActorLexicon


def affiliation_of(tok, text: str, lexicon: ActorLexicon) -> Optional[str]:
    """'commander in the pro-Assad alliance' -> 'pro-Assad alliance'."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "with", "from", "for"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.ent_id_ and obj.ent_id_ in lexicon.actors:
                    return lexicon.actors[obj.ent_id_].name
                if obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    continue
                words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ != "det"]
                phrase = text[words[0].idx: obj.idx + len(obj)] if words else obj.text
                supported = _supported_party(obj, lexicon)
                if supported:
                    return f"alliance supporting {supported}"
                return phrase
    return None


def _supported_party(obj, lexicon: ActorLexicon) -> Optional[str]:
    """'alliance of forces fighting in support of President Bashar al-Assad' -> 'Bashar al-Assad'."""
    for t in obj.subtree:
        if t.lower_ == "support" and any(c.lower_ == "of" for c in t.children):
            for ent in obj.doc.ents:
                if ent.start > t.i and ent.start <= obj.right_edge.i and ent.label_ in ("PERSON", "ORG", "GPE"):
                    entry = lexicon.actors.get(ent.ent_id_) if ent.ent_id_ else None
                    return entry.name if entry else ent.text
    return None


# bodies whose officers hold the body's own sector: the speaker of a parliament is a
# legislator (PLOVER's LEG), the president of a court a judge (JUD)
SECTOR_OF_OFFICERS = frozenset({"LEG", "JUD"})


def body_of(tok, lexicon: ActorLexicon) -> Optional[ActorEntry]:
    """The named body an officer is "of" or "for": 'the speaker of the Storting' ->
    Legislature of Norway, 'a spokesman for Hamas' -> Hamas. Only an organisation of
    the lexicon counts; a country ("president of Chile") is read as a country is."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for obj in child.children:
                entry = lexicon.actors.get(obj.ent_id_) if obj.dep_ == "pobj" and obj.ent_id_ else None
                if entry is not None and entry.kind == "group":
                    return entry
    return None
