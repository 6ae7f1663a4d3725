"""Small readings of a dependency parse shared by the role and target readers."""
from __future__ import annotations


def child_of(tok, *deps):
    """The first child of ``tok`` with one of ``deps``, or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def pobj_of(prep):
    """The object of a preposition, or None."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def is_backing_modifier(tok) -> bool:
    """'US' in 'US-backed': a backer named before the actor, not its owner."""
    doc = tok.doc
    return (tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-"
            and doc[tok.i + 2].lower_ in ("backed", "led", "supported", "sponsored"))
