"""A pipeline of small stages, in the spirit of spaCy components.

Each stage declares the fields of :class:`DocState` it ``requires`` and the ones
it ``assigns``; :class:`Pipeline` checks the order once, at construction, so a
mis-ordered pipeline fails before it sees any text. Stages never mutate: they
return a new ``DocState`` with their fields filled in.

The order (see ``sitrep.coder.default_stages``):
parse -> places -> actors -> times -> quotes -> events -> acled_types (learned) -> modes
-> relations
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Optional, Protocol, Sequence

from ..errors import PipelineError
from ..model import Actor, Article, Event, Place, Quote, Relation, TimeSpan


@dataclass(frozen=True)
class TimeMention:
    """A temporal expression found in the text: its date window (None for a pure
    duration such as "four years") and its TIMEX3 value ("2016-12", "P4Y", "PAST_REF")."""

    span: Optional[TimeSpan]
    start: int
    end: int
    value: Optional[str] = None
    kind: str = "date"                         # "date" | "duration" | "reference" | "anchored"
    # anchored expressions ("eight months after ...") shift another event's date;
    # for them ``span`` is only a placeholder at the publication date
    anchor_direction: Optional[str] = None     # "after" | "before" | "later" | "earlier"
    anchor_amount: Optional[int] = None
    anchor_unit: Optional[str] = None          # "day" | "week" | "month" | "year"

    @property
    def anchored(self) -> bool:
        return self.anchor_direction is not None


@dataclass(frozen=True)
class DocState:
    """What the stages know about one article so far."""

    article: Article
    doc: Any = None                                   # spaCy Doc
    main_country: Optional[str] = None                # ISO3 the article is mostly about
    places: Optional[tuple[Place, ...]] = None
    actors: Optional[tuple[Actor, ...]] = None
    times: Optional[tuple[TimeMention, ...]] = None
    quotes: Optional[tuple[Quote, ...]] = None
    events: Optional[tuple[Event, ...]] = None
    relations: Optional[tuple[Relation, ...]] = None


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: DocState) -> DocState: ...


class Pipeline:
    """Runs stages in order over a batch; the parse is batched through ``nlp.pipe``."""

    def __init__(self, nlp, stages: Sequence[Stage], batch_size: int = 32,
                 make_doc: Optional[Callable[[str], Any]] = None):
        self.nlp = nlp
        self.make_doc = make_doc or (nlp.make_doc if nlp is not None else None)
        self.stages = tuple(stages)
        self.batch_size = batch_size
        available = {"article", "doc"}
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise PipelineError(f"stage {stage.name!r} requires {sorted(missing)}, "
                                    f"which no earlier stage assigns")
            available |= set(stage.assigns)

    def describe(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        return [(s.name, s.requires, s.assigns) for s in self.stages]

    def run(self, articles: Iterable[Article]) -> Iterable[DocState]:
        """Parse in batches, then run every stage on each parsed article."""
        texts = ((self.make_doc(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
            state = DocState(article=article, doc=doc)
            for stage in self.stages:
                state = stage(state)
            yield state


def with_fields(state: DocState, **values) -> DocState:
    """Return a copy of ``state`` with stage outputs filled in."""
    return replace(state, **values)
