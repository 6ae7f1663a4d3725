"""The exception hierarchy of sitrep's public API.

Everything the library raises on purpose derives from :class:`SitrepError`, so
callers can catch one class; the CLI maps these to one-line messages.
"""


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class UsageError(SitrepError):
    """A caller passed an argument that makes no sense (bad path, bad date ...)."""


class ResourceError(SitrepError):
    """A bundled resource (lexicon, gazetteer, spaCy model) is missing or broken."""


class StoreError(SitrepError):
    """The event store cannot be opened, migrated or written."""


class PipelineError(SitrepError):
    """Stages were assembled in an order that does not satisfy their requirements."""
