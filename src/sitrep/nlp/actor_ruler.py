"""The actor ruler: the lexicon's aliases as fixed entities, set before the NER runs.

It does what spaCy's ``entity_ruler`` does with phrase patterns matched on LOWER and
``overwrite_ents`` (longest match first, then the earliest; a match replaces the
entities it overlaps) and nothing else. The stock ruler re-counts all its patterns
twice per document (``__len__``, to warn when it has none) and runs an empty token
matcher: with the lexicon's twenty thousand aliases that was a tenth of the parse.
Where no alias matches as written, a transliterated spelling of one may
(``nlp/transliterations.py``: "Jabhat an-Nusrah" for "Jabhat al-Nusra").
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .transliterations import TransliterationIndex

FACTORY = "sitrep_actor_ruler"
_ID_SEPARATOR = "||"


class ActorRuler:
    """A pipeline component: phrase patterns {"label", "pattern", "id"?} as entities."""

    def __init__(self, nlp: Language, name: str = "actor_ruler"):
        self.name = name
        self._tokenizer = nlp.tokenizer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match key -> (label, entity id or "")
        self._labels: dict[int, tuple[str, str]] = {}
        self.transliterations = TransliterationIndex()

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        grouped: dict[str, tuple[str, str, list[str]]] = {}
        for pattern in patterns:
            label, ent_id = pattern["label"], pattern.get("id") or ""
            key = f"{label}{_ID_SEPARATOR}{ent_id}" if ent_id else label
            grouped.setdefault(key, (label, ent_id, []))[2].append(pattern["pattern"])
            if ent_id:
                self.transliterations.add(pattern["pattern"], (label, ent_id))
        for key, (label, ent_id, texts) in grouped.items():
            self.matcher.add(key, list(self._tokenizer.pipe(texts)))
            self._labels[self.matcher.vocab.strings[key]] = (label, ent_id)

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, doc: Doc) -> Doc:
        matches = {(key, start, end) for key, start, end in self.matcher(doc) if start != end}
        # longest first, then the earliest, as the stock ruler orders them
        ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        entities = list(doc.ents)
        added: list[Span] = []
        taken: set[int] = set()
        for key, start, end in ordered:
            if start in taken or end - 1 in taken:
                continue
            label, ent_id = self._labels[key]
            added.append(Span(doc, start, end, label=label, span_id=ent_id) if ent_id
                         else Span(doc, start, end, label=label))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            taken.update(range(start, end))
        # the entities preset with an id (the masked acronyms) stay as they are
        taken.update(i for e in entities if e.ent_id_ for i in range(e.start, e.end))
        for start, end, (label, ent_id) in self.transliterations.matches(doc, taken):
            added.append(Span(doc, start, end, label=label, span_id=ent_id))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
        if added:
            doc.ents = entities + added
        return doc


@Language.factory(FACTORY)
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def add_actor_ruler(nlp: Language, patterns: Iterable[dict], before: Optional[str] = "ner") -> ActorRuler:
    ruler = nlp.add_pipe(FACTORY, name="actor_ruler", before=before)
    ruler.add_patterns(patterns)
    return ruler
