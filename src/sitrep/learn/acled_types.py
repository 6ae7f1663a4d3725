"""ACLED sub-event types learned from ACLED's own coding, over the rules' events.

The rules (``extract.events``) find each event and type it from its trigger. ACLED's
types also hang on things a trigger does not show: "clashes" with a party's supporters
are a riot, "shots fired" by an unknown party at a checkpoint an armed clash, and so
on through 25 sub-types. A linear model (``learn.linear``) fitted to the ACLED 2020
dev notes reads the words around an event and, where it is sure (probability at
least ``OVERRIDE_PROBABILITY``), gives the event its sub-type and the type above it.
An article whose events the rules could give no ACLED type at all ("the two sides
agreed ...") has its first event typed by the model at ``UNTYPED_PROBABILITY``; one
whose rules found no event that happened gets one at the head of its first clause
("human remains were found ..."), built by the events stage. An
event the model changed says so (``EventCoding.acled_by == "model"``); its actors,
place, date and counts stay the rules'.

The model is trained by ``sitrep train acled-types`` (``scripts/train_acled_types.py``
calls the same function) and shipped as package data. It stores hashed-feature
weights only. ``sitrep eval acled`` on the file it was trained on scores each record
with a model fitted without that record's fold (``cross_fitted_models``), so the
figure it reports is an out-of-sample one.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from ..extract.coding import fire_went_both_ways
from ..lexicon.actors import load_yaml
from ..model import Event
from .linear import HASH_BITS, SoftmaxModel, train_softmax

# builds an event of an ACLED type at a clause's head word: (token, type, sub-type)
ProposeFn = Callable[[object, str, str], Optional[Event]]
MODEL_FILE = "acled_subtypes-v1.npz"
OVERRIDE_PROBABILITY = 0.8
# an article whose events the rules gave no ACLED type: its first event takes the
# model's type at this probability
UNTYPED_PROBABILITY = 0.5
# the event's sentence and the ones after it in its paragraph, as in the notes the
# model learned from: ACLED's notes put the toll, the weapon and the crowd's conduct
# in the sentences that follow the event's (4 after: 2020 cross-fitted type +15
# records over 2; the whole rest of the paragraph, +1 more)
SENTENCES_AFTER = 4
# the types an exchange of fire cannot be (ACLED: two sides firing is an armed clash)
ONE_SIDED_TYPES = ("Explosions/Remote violence", "Violence against civilians")
FOLDS = 5
EPOCHS = 30
SEED = 0


def default_model_path() -> Path:
    return Path(str(files("sitrep") / "data" / "models" / MODEL_FILE))


def load_default_model() -> Optional[SoftmaxModel]:
    path = default_model_path()
    return SoftmaxModel.load(path) if path.exists() else None


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def label_of(event_type: str, sub_event_type: str) -> str:
    return f"{event_type}|{sub_event_type}"


def fold_of(index: int) -> int:
    """Records are dealt into folds by their position in the file."""
    return index % FOLDS


def _labelled_notes(path: Path) -> list[tuple[int, str, str]]:
    """(fold, note, label) of every note with a sub-type, in file order."""
    from ..evaluation.acled import load_acled

    return [(fold_of(n), gold.notes, label_of(gold.event_type, gold.sub_event_type))
            for n, gold in enumerate(load_acled(path)) if gold.sub_event_type]


def _fit(notes: list[tuple[int, str, str]], path: Path, digest: str, exclude_fold: Optional[int]) -> SoftmaxModel:
    kept = [(text, label) for fold, text, label in notes if fold != exclude_fold]
    if not kept:
        raise ValueError(f"{path} has no notes with a sub-event type to learn from")
    meta = {"trained_on": Path(path).name, "sha256": digest, "records": len(kept),
            "excluded_fold": exclude_fold, "folds": FOLDS, "epochs": EPOCHS, "seed": SEED, "hash_bits": HASH_BITS}
    return train_softmax([t for t, _ in kept], [lab for _, lab in kept], epochs=EPOCHS, seed=SEED, meta=meta)


def train_acled_subtypes(path: Path, exclude_fold: Optional[int] = None) -> SoftmaxModel:
    """Fit the model to an ACLED file with sub-types (the 2020 column set)."""
    return _fit(_labelled_notes(path), path, file_digest(path), exclude_fold)


def trained_on(model: Optional[SoftmaxModel], path: Path) -> bool:
    return model is not None and model.meta.get("sha256") == file_digest(path)


def cross_fitted_models(path: Path) -> list[SoftmaxModel]:
    """One model per fold, each fitted without that fold's records (the file read once)."""
    notes, digest = _labelled_notes(path), file_digest(path)
    return [_fit(notes, path, digest, k) for k in range(FOLDS)]


@dataclass(frozen=True)
class ActorTypeRules:
    """Which ACLED actor types can be actor 1 of each event type, and the crowd names
    of the two crowd types (``data/acled_actor_types.yaml``, after ACLED's codebook)."""

    allowed: Mapping[str, frozenset[int]]
    crowd_names: Mapping[str, str]
    crowd_inter: Mapping[str, int]

    @classmethod
    def load(cls) -> "ActorTypeRules":
        data = load_yaml("acled_actor_types.yaml")
        return cls(allowed={k: frozenset(v) for k, v in data["actor_types"].items()},
                   crowd_names=dict(data["crowd_names"]), crowd_inter=dict(data["crowd_inter"]))

    def fits(self, event_type: str, event: Event) -> bool:
        """Can the event's source be actor 1 of this type? (No source: any type.)"""
        source = next((r.actor for r in event.actors if r.role == "source"), None)
        inter = source.acled_inter if source is not None else None
        return inter is None or inter in self.allowed.get(event_type, frozenset())

    def recast_crowd(self, event: Event, event_type: str) -> Event:
        """'Protesters (Kenya)' of an event now a riot are 'Rioters (Kenya)', and back."""
        new_name = self.crowd_names.get(event_type)
        if new_name is None:
            return event
        roles = []
        for role in event.actors:
            actor = role.actor
            old = next((n for n in self.crowd_names.values() if actor.name.startswith(n + " (")), None)
            if role.role == "source" and old is not None and old != new_name:
                actor = replace(actor, name=new_name + actor.name[len(old):],
                                acled_inter=self.crowd_inter[event_type])
                role = replace(role, actor=actor)
            roles.append(role)
        return replace(event, actors=tuple(roles))


@dataclass(frozen=True)
class AcledTyper:
    """Gives events the ACLED sub-type the model is sure of, where their source can
    be actor 1 of that type."""

    model: SoftmaxModel
    rules: ActorTypeRules
    threshold: float = OVERRIDE_PROBABILITY
    untyped_threshold: float = UNTYPED_PROBABILITY

    def retype(self, doc, text: str, events: Sequence[Event], propose: Optional[ProposeFn] = None) -> tuple[Event, ...]:
        # one reading per sentence, for its first typed event: the others in a sentence
        # ("police arrested five of the protesters") keep what their triggers say
        if not events and propose is None:
            return ()
        seen: set[int] = set()
        out = list(events)
        sentences = list(doc.sents)
        for n, event in enumerate(events):
            start = event.sentence.start
            if event.coding.acled_event_type is None or start in seen:
                continue
            seen.add(start)
            out[n] = self._typed(text, event, self.threshold, sentences)
        if not seen:
            # no event the rules could give an ACLED type ("the two sides agreed ..."):
            # the first that happened takes the model's, if the model is fairly sure
            first = next((n for n, e in enumerate(events) if e.status in ("occurred", "ongoing")), None)
            if first is not None:
                out[first] = self._typed(text, events[first], self.untyped_threshold, sentences)
            if propose is not None and (first is None or out[first].coding.acled_event_type is None):
                # (nor one the model types: "X had threatened to ..." later in a report
                # whose first clause is the event)
                out = self._proposed(text, out, propose, sentences)
        return tuple(out)

    def _proposed(self, text: str, events: list[Event], propose: ProposeFn, sentences: Sequence) -> list[Event]:
        """No event the rules found happened: the first sentence told as a clause ("two
        human heads were found ...") is one, of the kind the model reads in it, if the
        model is fairly sure. Its actors, place and date are found as for a trigger's."""
        sentence = next((s for s in sentences if s.root.pos_ in ("VERB", "AUX")), None)
        if sentence is None or any(e.trigger.start == sentence.root.idx for e in events):
            return events       # (the rules read that clause and found it did not happen)
        label, probability = self.model.predict(event_context(text, sentence.start_char, sentences))
        if probability < self.untyped_threshold:
            return events
        event_type, _, sub_type = label.partition("|")
        event = propose(sentence.root, event_type, sub_type)
        if event is None:
            return events
        coding = replace(event.coding, acled_event_type=event_type, acled_sub_event_type=sub_type, acled_by="model")
        event = replace(self.rules.recast_crowd(event, event_type), coding=coding,
                        confidence=round(event.confidence * probability, 3))
        return sorted(events + [event], key=lambda e: e.trigger.start)

    def _typed(self, text: str, event: Event, threshold: float, sentences: Sequence) -> Event:
        context = event_context(text, event.sentence.start, sentences)
        label, probability = self.model.predict(context)
        event_type, _, sub_type = label.partition("|")
        if probability < threshold or (event_type, sub_type) == (
                event.coding.acled_event_type, event.coding.acled_sub_event_type):
            return event
        if not self.rules.fits(event_type, event):
            return event
        if event.coding.acled_event_type == "Battles" and event_type in ONE_SIDED_TYPES and fire_went_both_ways(context):
            return event    # the codebook's own test: fire that went both ways is a battle
        event = self.rules.recast_crowd(event, event_type)
        return replace(event, coding=replace(event.coding, acled_event_type=event_type,
                                             acled_sub_event_type=sub_type, acled_by="model"))


def event_context(text: str, sentence_start: int, sentences: Sequence) -> str:
    """The sentence of ``sentences`` (a parse of ``text``) that holds ``sentence_start``,
    and up to SENTENCES_AFTER after it within its paragraph."""
    starts = [s.start_char for s in sentences]
    first = bisect_right(starts, sentence_start) - 1
    if first < 0:
        return ""
    last = first
    for n in range(first + 1, min(len(sentences), first + 1 + SENTENCES_AFTER)):
        between = text[sentences[last].start_char:sentences[n].start_char]
        if "\n\n" in between.rstrip(" \t")[-4:] or "\n\n" in text[sentences[last].end_char:sentences[n].start_char]:
            break       # a blank line between them: another paragraph
        last = n
    return text[sentences[first].start_char:sentences[last].end_char].strip()
