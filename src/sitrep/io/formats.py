"""Readers for CSV files with chosen columns and for HTML pages.

CSV: one article per row; the text, date and id columns are named by
:class:`CsvColumns` (``--text-column`` ...); every other non-empty column is carried
through as metadata (``title``, ``url`` and ``source`` are used by the store).

HTML: the main text is extracted with trafilatura (boilerplate, menus and comments
dropped); the publication date, title, url and site name come from the page's
metadata, and ``--date`` is only the fallback.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterator, Optional

from ..model import RecordError

if TYPE_CHECKING:  # readers imports this module; the types only are needed here
    from .readers import ReadOptions, Record

CSV_SUFFIXES = (".csv", ".tsv")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class CsvColumns:
    text: str = "text"
    date: str = "date"
    id: str = "id"


def _flexible_date(value: str) -> Optional[date]:
    """ISO dates first; anything else ('15 February 2021', '02/15/2021') through dateparser."""
    from .readers import parse_iso_date

    value = (value or "").strip()
    if not value:
        return None
    try:
        return parse_iso_date(value[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def read_csv_text(decoded: str, name: str, options: "ReadOptions", delimiter: str = ",") -> Iterator["Record"]:
    from .readers import ReadOptions, article_from_text

    columns = options.csv_columns
    reader = csv.DictReader(io.StringIO(decoded, newline=""), delimiter=delimiter)
    if reader.fieldnames is None or columns.text not in reader.fieldnames:
        yield RecordError(name, f"CSV has no text column {columns.text!r} (choose one with --text-column)")
        return
    for rowno, row in enumerate(reader, start=2):
        doc_id = (row.get(columns.id) or "").strip() or f"{name}:{rowno}"
        raw_date = row.get(columns.date) or ""
        pub_date = _flexible_date(raw_date) if raw_date else None
        if raw_date and pub_date is None:
            yield RecordError(doc_id, f"bad date {raw_date!r} in column {columns.date!r}")
            continue
        meta = tuple((k, v) for k, v in row.items()
                     if k not in (columns.text, columns.date, columns.id) and k and isinstance(v, str) and v)
        yield article_from_text(doc_id, row.get(columns.text) or "",
                                ReadOptions(pub_date or options.default_date, options.max_chars), meta)


def read_html_text(decoded: str, name: str, options: "ReadOptions") -> "Record":
    import trafilatura

    from .readers import ReadOptions, article_from_text

    text = trafilatura.extract(decoded, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        return RecordError(name, "no main text found in the HTML page")
    metadata = trafilatura.extract_metadata(decoded)
    meta: list[tuple[str, str]] = []
    pub_date = None
    if metadata is not None:
        pub_date = _flexible_date(metadata.date or "")
        for key, value in (("title", metadata.title), ("url", metadata.url), ("source", metadata.sitename)):
            if value:
                meta.append((key, value))
    return article_from_text(name, text, ReadOptions(pub_date or options.default_date, options.max_chars),
                             tuple(meta))
