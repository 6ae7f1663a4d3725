"""The coder: articles in, coded articles out.

``Resources`` loads every model and lexicon once; ``default_stages`` lists the
pipeline's stages with what each requires and assigns; ``Coder`` runs them over
batches and never lets one bad record stop the rest.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .extract.actors import ActorFinder, country_name
from .extract.coref import ActorIndex
from .extract.events import EventExtractor
from .extract.location import sentence_countries
from .extract.modes import ModeReader
from .extract.quotes import QuoteFinder
from .extract.relations import RelationFinder
from .extract.times import find_times
from .geo.gazetteer import Gazetteer, ProgressFn
from .geo.toponyms import ToponymResolver
from .lexicon.actors import ActorLexicon
from .lexicon.phoenix import PhoenixIndex
from .learn.acled_types import AcledTyper, ActorTypeRules, load_default_model
from .learn.linear import SoftmaxModel
from .lexicon.triggers import TriggerLexicon
from .model import Article, CodedArticle, RecordError
from .nlp.pipeline import DocState, Pipeline, with_fields
from .nlp.spacy_model import load_spacy, masked_doc

log = logging.getLogger("sitrep")


@dataclass(frozen=True)
class Resources:
    """Everything loaded once per process: spaCy, the gazetteer, the lexicons."""

    nlp: object
    gazetteer: Gazetteer
    actors: ActorLexicon
    triggers: TriggerLexicon
    # the Phoenix dictionaries, when 'sitrep setup' found and compiled them
    phoenix: Optional[PhoenixIndex] = None
    # ACLED sub-types learned from ACLED's coding (package data; None: the rules alone)
    acled_model: Optional[SoftmaxModel] = None
    # which actor types may do each ACLED event type (the learned stage's guard)
    acled_actor_types: Optional[ActorTypeRules] = None

    @classmethod
    def load(cls, gazetteer_path: Optional[Path] = None, progress: Optional[ProgressFn] = None) -> "Resources":
        actors = ActorLexicon.load()
        gazetteer = Gazetteer.open(gazetteer_path, progress)
        return cls(nlp=load_spacy(actors), gazetteer=gazetteer, actors=actors, triggers=TriggerLexicon.load(),
                   phoenix=PhoenixIndex.open_if_built(gazetteer.country_codes()),
                   acled_model=load_default_model(), acled_actor_types=ActorTypeRules.load())

    def actor_finder(self) -> ActorFinder:
        return ActorFinder(self.actors, self.gazetteer, self.phoenix)


def toponym_resolver(res: Resources, finder: Optional[ActorFinder] = None) -> ToponymResolver:
    """The place resolver the pipeline uses (and ``sitrep eval places`` measures)."""
    finder = finder or res.actor_finder()
    return ToponymResolver(res.gazetteer, finder.country_of_word, res.actors.country_of_actor,
                           res.actors.identity_group, res.actors.fights_at_home)


# -- stages ---------------------------------------------------------------------------
class PlacesStage:
    name, requires, assigns = "places", ("doc",), ("places", "main_country")

    def __init__(self, res: Resources, finder: ActorFinder):
        self.resolver = toponym_resolver(res, finder)

    def __call__(self, state: DocState) -> DocState:
        places, main = self.resolver.resolve(state.doc, state.article.text)
        return with_fields(state, places=tuple(places), main_country=main)


class ActorsStage:
    name, requires, assigns = "actors", ("doc", "places"), ("actors",)

    def __init__(self, finder: ActorFinder):
        self.finder = finder

    def __call__(self, state: DocState) -> DocState:
        place_spans = [(p.evidence.start, p.evidence.end) for p in state.places if not p.adjectival]
        found = self.finder.find(state.doc, state.article.text, state.article.pub_date, state.main_country,
                                 sentence_countries(state.doc, state.places))
        # a mention that is nothing but a place name is not an actor ("Palmyra" tagged as a
        # person), unless it is a country acting ("Turkey backs ..."); a place that only
        # modifies an actor ("US-backed militias") leaves the actor alone
        kept = tuple(a for a in found if a.kind == "state" or not any(
            s <= a.evidence.start and a.evidence.end <= e for s, e in place_spans))
        return with_fields(state, actors=kept)


class TimesStage:
    name, requires, assigns = "times", ("doc",), ("times",)

    def __call__(self, state: DocState) -> DocState:
        date_ents = [(e.start_char, e.end_char) for e in state.doc.ents if e.label_ == "DATE"]
        found = find_times(state.article.text, state.article.pub_date, date_ents, state.doc)
        return with_fields(state, times=found)


class QuotesStage:
    name, requires, assigns = "quotes", ("doc", "actors"), ("quotes",)

    def __init__(self, res: Resources):
        self.finder = QuoteFinder(res.actors)

    def __call__(self, state: DocState) -> DocState:
        index = ActorIndex(state.actors, state.article.text, state.doc)
        return with_fields(state, quotes=self.finder.find(state.doc, state.article.text, index))


class EventsStage:
    name, requires, assigns = "events", ("doc", "actors", "places", "main_country", "times"), ("events",)

    def __init__(self, extractor: EventExtractor):
        self.extractor = extractor

    def __call__(self, state: DocState) -> DocState:
        a = state.article
        events = self.extractor.extract(state.doc, a.text, a.doc_id, state.actors, state.places,
                                        state.times, a.pub_date, state.main_country)
        return with_fields(state, events=events)


class AcledTypesStage:
    """Sub-types the learned model is sure of, over the rules' (learn.acled_types)."""
    name, requires, assigns = "acled_types", ("doc", "events", "actors", "places", "times"), ("events",)

    def __init__(self, model: SoftmaxModel, extractor: EventExtractor, rules: Optional[ActorTypeRules] = None):
        self.typer = AcledTyper(model, rules or ActorTypeRules.load())
        # the events stage's own extractor builds the events the model proposes
        self.extractor = extractor

    def __call__(self, state: DocState) -> DocState:
        a = state.article

        def propose(tok, event_type: str, sub_type: str):
            entry = self.extractor.triggers.entry_for_acled(event_type, sub_type)
            if entry is None:
                return None
            return self.extractor.event_at(state.doc, a.text, a.doc_id, tok, entry, state.actors, state.places,
                                           state.times, a.pub_date, state.main_country)

        return with_fields(state, events=self.typer.retype(state.doc, a.text, state.events, propose))


class ModesStage:
    """Each event's PLOVER mode, read once its type and ACLED sub-type are settled."""
    name, requires, assigns = "modes", ("doc", "events"), ("events",)

    def __init__(self):
        self.reader = ModeReader()

    def __call__(self, state: DocState) -> DocState:
        return with_fields(state, events=self.reader.with_modes(state.doc, state.events))


class RelationsStage:
    name, requires, assigns = "relations", ("doc", "actors", "events"), ("relations",)

    def __init__(self, res: Resources):
        self.finder = RelationFinder(lambda iso3: country_name(res.gazetteer, iso3))

    def __call__(self, state: DocState) -> DocState:
        index = ActorIndex(state.actors, state.article.text, state.doc)
        found = self.finder.find(state.doc, state.article.text, state.actors, index, state.events)
        return with_fields(state, relations=found)


def default_stages(res: Resources) -> list:
    finder = res.actor_finder()     # stateless; one serves every stage
    extractor = EventExtractor(res.triggers, finder)
    learned = [AcledTypesStage(res.acled_model, extractor, res.acled_actor_types)] \
        if res.acled_model is not None else []
    return [PlacesStage(res, finder), ActorsStage(finder), TimesStage(), QuotesStage(res), EventsStage(extractor),
            *learned, ModesStage(), RelationsStage(res)]


# -- the coder ------------------------------------------------------------------------
class Coder:
    """Codes articles. Load once, call :meth:`code` on as many batches as you like."""

    def __init__(self, resources: Optional[Resources] = None, batch_size: int = 32):
        self.resources = resources or Resources.load()
        res = self.resources
        self.pipeline = Pipeline(res.nlp, default_stages(res), batch_size=batch_size,
                                 make_doc=lambda text: masked_doc(res.nlp, res.actors, text))

    def with_acled_model(self, model: Optional[SoftmaxModel]) -> "Coder":
        """The same coder with another learned sub-type model (None: the rules alone);
        the loaded resources are shared."""
        return Coder(replace(self.resources, acled_model=model), self.pipeline.batch_size)

    def code(self, records: Iterable[Union[Article, RecordError]]) -> Iterator[CodedArticle]:
        """One CodedArticle per record, in input order; bad records become errors."""
        pending: list[Union[Article, RecordError]] = []
        for record in records:
            pending.append(record)
            if len(pending) >= self.pipeline.batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def code_one(self, article: Article) -> CodedArticle:
        return next(iter(self._code_batch([article])))

    def _code_batch(self, batch: list[Union[Article, RecordError]]) -> Iterator[CodedArticle]:
        articles = [r for r in batch if isinstance(r, Article)]
        results: dict[int, CodedArticle] = {}
        try:
            for state in self.pipeline.run(articles):
                results[id(state.article)] = _coded(state)
        except Exception:     # one poisoned text must not take its batch with it
            log.warning("batch failed; coding its articles one by one", exc_info=True)
            for article in articles:
                results[id(article)] = self._code_alone(article)
        for record in batch:
            if isinstance(record, RecordError):
                yield CodedArticle(doc_id=record.doc_id, pub_date=record.pub_date, error=record.message)
            else:
                yield results[id(record)]

    def _code_alone(self, article: Article) -> CodedArticle:
        try:
            return _coded(next(iter(self.pipeline.run([article]))))
        except Exception as exc:  # report, keep going: the contract promises a per-record error
            log.warning("article %s failed", article.doc_id, exc_info=True)
            return CodedArticle(doc_id=article.doc_id, pub_date=article.pub_date,
                                error=f"internal error: {type(exc).__name__}: {exc}", article=article)


def _coded(state: DocState) -> CodedArticle:
    return CodedArticle(doc_id=state.article.doc_id, pub_date=state.article.pub_date, events=state.events,
                        places=state.places, quotes=state.quotes, relations=state.relations,
                        article=state.article)
