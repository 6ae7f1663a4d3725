"""Ingest: read, skip what is already stored unchanged, code, store — article by article."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from ..model import Article, RecordError
from .database import Store, content_hash


@dataclass
class IngestSummary:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: int = 0
    events: int = 0
    error_messages: list[tuple[str, str]] = field(default_factory=list)


def ingest(store: Store, coder, records: Iterable[Union[Article, RecordError]],
           progress: Optional[Callable[[int, int, float], None]] = None) -> IngestSummary:
    """Code and store every record; bad records are stored as errors, never fatal."""
    summary = IngestSummary()
    started = time.monotonic()

    def fresh() -> Iterator[Union[Article, RecordError]]:
        for record in records:
            if isinstance(record, Article) and store.known_hash(record.doc_id) == content_hash(record.text):
                summary.unchanged += 1
                continue
            yield record

    done = 0
    for coded in coder.code(fresh()):
        result = store.save(coded)
        done += 1
        if result.action == "error":
            summary.errors += 1
            summary.error_messages.append((coded.doc_id, coded.error or ""))
        elif result.action == "replaced":
            summary.replaced += 1
        elif result.action == "added":
            summary.added += 1
        summary.events += result.events
        if progress is not None:
            progress(done, summary.events, done / max(1e-6, time.monotonic() - started))
    return summary
