"""sitrep: dated news reports on armed conflict in; a structured, geolocated, dated,
sourced event dataset out.

Public API::

    from sitrep import Coder, Article, read_inputs, ReadOptions, article_json
    coder = Coder()                       # loads spaCy, the gazetteer and lexicons once
    for coded in coder.code(read_inputs(["report.txt"], ReadOptions())):
        print(article_json(coded))
"""
from .errors import PipelineError, ResourceError, SitrepError, StoreError, UsageError

__version__ = "0.1.0"


_MODEL = ("Actor", "ActorRole", "Article", "CodedArticle", "Event", "EventCoding", "Evidence", "Place", "Quote",
          "RecordError", "Relation", "TimeSpan")


def __getattr__(name):
    # imports only when asked for: spaCy is heavy, and `sitrep events` should start fast
    if name in _MODEL:
        from . import model

        return getattr(model, name)
    if name in ("Coder", "Resources"):
        from . import coder

        return getattr(coder, name)
    if name in ("read_inputs", "ReadOptions"):
        from .io import readers

        return getattr(readers, name)
    if name == "article_json":
        from .output import article_json

        return article_json
    raise AttributeError(name)


__all__ = [
    "Coder", "Resources", "read_inputs", "ReadOptions", "article_json",
    "Actor", "ActorRole", "Article", "CodedArticle", "Event", "EventCoding", "Evidence", "Place", "Quote",
    "RecordError", "Relation", "TimeSpan",
    "SitrepError", "UsageError", "ResourceError", "StoreError", "PipelineError",
]
