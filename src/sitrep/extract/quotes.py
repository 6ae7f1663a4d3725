"""Direct quotes with their speaker, anonymity and affiliation.

A quote is text between quotation marks that reads like speech (not a scare quote
like "every air force"). Its speaker is the subject of the nearest speech verb in
the same paragraph ("...," said the commander / X said: "..."). A paragraph that
is nothing but an unattributed quote continues the previous quote.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..lexicon.actors import ActorLexicon, is_civilian
from ..model import Quote
from .affiliations import affiliation_of
from .coref import ActorIndex
from .text import paragraph_bounds

SPEECH_VERBS = {"say", "tell", "add", "state", "declare", "explain", "note", "claim", "insist", "announce",
                "write", "warn", "tweet", "recall", "argue", "stress", "quote", "report", "confirm"}
ANONYMITY = re.compile(r"declined to be (?:identified|named)|condition of anonymity|asked not to be "
                       r"(?:identified|named)|not authori[sz]ed to|requested anonymity|speaking anonymously|"
                       r"who did not want to be named|unnamed|anonymous", re.I)
_QUOTE = re.compile(r"\u201c([^\u201d]{2,}?)\u201d|\"([^\"\n]{2,}?)\"")


def _looks_like_speech(inner: str) -> bool:
    words = inner.split()
    return len(words) >= 6 or (len(words) >= 3 and inner.rstrip()[-1:] in ",.?!;:")


class QuoteFinder:
    def __init__(self, lexicon: ActorLexicon):
        self.lexicon = lexicon

    def find(self, doc, text: str, index: ActorIndex) -> tuple[Quote, ...]:
        quotes: list[Quote] = []
        for m in _QUOTE.finditer(text):
            group = 1 if m.group(1) is not None else 2
            inner, start, end = m.group(group), m.start(group), m.end(group)
            if not _looks_like_speech(inner):
                continue
            verb = self._speech_verb(doc, text, m.start(), m.end())
            if verb is None:
                if quotes and self._stands_alone(text, m.start(), m.end()):
                    prev = quotes.pop()
                    joined = text[prev.start:prev.end] + " \u2026 " + inner
                    quotes.append(replace(prev, quote=joined, end=end))
                continue
            speaker_tok = self._speaker_token(verb)
            quotes.append(self._quote(inner, start, end, verb, speaker_tok, text, index))
        return tuple(quotes)

    @staticmethod
    def _stands_alone(text: str, start: int, end: int) -> bool:
        p_start, p_end = paragraph_bounds(text, start, end)
        return not text[p_start:start].strip() and not text[end:p_end].strip(" .")

    def _speech_verb(self, doc, text: str, q_start: int, q_end: int):
        p_start, p_end = paragraph_bounds(text, q_start, q_end)
        best, best_dist = None, None
        for tok in doc:
            if tok.idx < p_start or tok.idx >= p_end or q_start <= tok.idx < q_end:
                continue
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB" or tok.lower_ == "according":
                dist = q_start - tok.idx if tok.idx < q_start else tok.idx - q_end
                if best_dist is None or dist < best_dist:
                    best, best_dist = tok, dist
        return best

    @staticmethod
    def _speaker_token(verb):
        if verb.lower_ == "according":
            for child in verb.subtree:
                if child.dep_ == "pobj":
                    return child
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        return None

    def _quote(self, inner: str, start: int, end: int, verb, tok, text: str, index: ActorIndex) -> Quote:
        if tok is None:
            return Quote(quote=inner, start=start, end=end, speaker="unknown", speaker_text=None,
                         anonymous=True, affiliation=None)
        sent = tok.sent
        explicit_anonymous = bool(ANONYMITY.search(text[sent.start_char:sent.end_char]))
        person = next((e for e in tok.doc.ents if e.label_ == "PERSON" and e.start <= tok.i < e.end
                       and not e.ent_id_), None)
        np_start = tok.left_edge.idx if tok.left_edge.i >= tok.i - 4 else tok.idx
        speaker_text = text[np_start: tok.idx + len(tok)]
        affiliation = self._affiliation(tok, text)
        if person is not None:
            speaker_text = text[person.start_char:person.end_char]
            return Quote(quote=inner, start=start, end=end, speaker=speaker_text, speaker_text=speaker_text,
                         anonymous=explicit_anonymous, affiliation=affiliation)
        actor = index.resolve(tok)
        if actor is None:
            return Quote(quote=inner, start=start, end=end, speaker=speaker_text, speaker_text=speaker_text,
                         anonymous=True, affiliation=affiliation)
        named = actor.lexicon_id is not None or actor.kind == "state"
        if actor.kind == "agent" and is_civilian(actor):
            actor = replace(actor, name=tok.lemma_.capitalize())
        if affiliation is None and "(" in actor.name:
            affiliation = actor.name[actor.name.index("(") + 1: actor.name.rindex(")")]
        return Quote(quote=inner, start=start, end=end, speaker=actor.name, speaker_text=speaker_text,
                     anonymous=explicit_anonymous or not named, affiliation=affiliation)

    def _affiliation(self, tok, text: str) -> Optional[str]:
        # "Rami Abdulrahman, director of the Syrian Observatory for Human Rights"
        for child in tok.children:
            if child.dep_ == "appos":
                for t in child.subtree:
                    if t.ent_id_ and t.ent_id_ in self.lexicon.actors:
                        return self.lexicon.actors[t.ent_id_].name
                    if t.ent_type_ == "ORG":
                        ent = next(e for e in tok.doc.ents if e.start <= t.i < e.end)
                        return ent.text
        return affiliation_of(tok, text, self.lexicon)
