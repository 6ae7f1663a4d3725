"""Read dated reports from files, directories, JSON Lines and stdin.

Readers never raise on a bad record: they yield a :class:`RecordError` for it and
go on, so one broken file cannot stop a batch. Only misuse (a path that does not
exist) raises :class:`UsageError`.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import UsageError
from ..model import Article, RecordError
from .formats import CSV_SUFFIXES, HTML_SUFFIXES, CsvColumns, read_csv_text, read_html_text

# Reports longer than this are refused: a news report is a few thousand characters,
# and a 10 MB "article" is almost always a mis-fed file.
DEFAULT_MAX_CHARS = 200_000
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + HTML_SUFFIXES

_DATE_MARKER = re.compile(r"\A\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\r?\n?")

Record = Union[Article, RecordError]


@dataclass(frozen=True)
class ReadOptions:
    default_date: Optional[date] = None
    max_chars: int = DEFAULT_MAX_CHARS
    stdin_format: str = "text"       # "text", "jsonl", "csv" or "html"
    csv_columns: CsvColumns = CsvColumns()


def parse_iso_date(value: str) -> date:
    """Parse YYYY-MM-DD strictly; raise ValueError otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return date.fromisoformat(value)


def split_date_marker(raw: str) -> tuple[Optional[date], str]:
    """Strip a leading ``date YYYY-MM-DD`` marker.

    Returns the date (None without a marker) and the article text: the rest of the
    input with leading whitespace removed. All offsets index this text.
    """
    match = _DATE_MARKER.match(raw)
    if not match:
        return None, raw.lstrip("\ufeff")
    try:
        found = parse_iso_date(match.group(1))
    except ValueError:
        return None, raw
    return found, raw[match.end():].lstrip()


def article_from_text(doc_id: str, raw: str, options: ReadOptions,
                      meta: tuple[tuple[str, str], ...] = ()) -> Record:
    """Build an Article from text in the seed format or plain text with a default date."""
    if len(raw) > options.max_chars:
        return RecordError(doc_id, f"article is {len(raw)} characters, over the limit of {options.max_chars}")
    marker_date, text = split_date_marker(raw)
    pub_date = marker_date or options.default_date
    if pub_date is None:
        return RecordError(doc_id, "no publication date: begin the text with 'date YYYY-MM-DD' or pass --date")
    if not text.strip():
        return RecordError(doc_id, "empty article", pub_date)
    return Article(doc_id=doc_id, pub_date=pub_date, text=text, meta=meta)


def _decode(doc_id: str, data: bytes) -> Union[str, RecordError]:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(doc_id, f"not UTF-8 (byte {exc.start})")


def article_from_json(obj: object, fallback_id: str, options: ReadOptions) -> Record:
    """One JSON Lines record: {"id", "date", "text", ...other fields carried through}."""
    if not isinstance(obj, dict):
        return RecordError(fallback_id, "JSON record is not an object")
    doc_id = str(obj.get("id") or fallback_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return RecordError(doc_id, "JSON record has no 'text' string")
    raw_date = obj.get("date")
    pub_date = options.default_date
    if raw_date:
        try:
            pub_date = parse_iso_date(str(raw_date)[:10])
        except ValueError:
            return RecordError(doc_id, f"bad date {raw_date!r}: expected YYYY-MM-DD")
    meta = tuple((str(k), str(v)) for k, v in obj.items()
                 if k not in ("id", "date", "text") and isinstance(v, (str, int, float)))
    record = article_from_text(doc_id, text, ReadOptions(pub_date, options.max_chars), meta)
    return record


def read_jsonl_stream(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Record]:
    for lineno, line in enumerate(stream, start=1):
        fallback = f"{name}:{lineno}"
        if not line.strip():
            continue
        decoded = _decode(fallback, line)
        if isinstance(decoded, RecordError):
            yield decoded
            continue
        try:
            obj = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield RecordError(fallback, f"invalid JSON: {exc.msg}")
            continue
        yield article_from_json(obj, fallback, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Record]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, path.name, options)
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield RecordError(path.name, f"cannot read: {exc.strerror}")
        return
    # Refuse before reading: a huge file should not be loaded into memory at all. A CSV
    # holds many articles (each checked on its own); an HTML page is mostly markup.
    suffix = path.suffix.lower()
    limit = None if suffix in CSV_SUFFIXES else options.max_chars * (25 if suffix in HTML_SUFFIXES else 4)
    if limit is not None and size > limit:
        yield RecordError(path.name, f"file is {size} bytes, over the limit")
        return
    decoded = _decode(path.name, path.read_bytes())
    if isinstance(decoded, RecordError):
        yield decoded
        return
    yield from _parse_decoded(decoded, path.name, path.suffix.lower(), options)


def _parse_decoded(decoded: str, name: str, suffix: str, options: ReadOptions) -> Iterator[Record]:
    if suffix in CSV_SUFFIXES:
        yield from read_csv_text(decoded, name, options, delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix in HTML_SUFFIXES:
        yield read_html_text(decoded, name, options)
    else:
        yield article_from_text(name, decoded, options)


def iter_paths(path: Path) -> Iterator[Path]:
    """A file, or every text/JSONL file under a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES:
                yield child
    elif path.is_file():
        yield path
    else:
        raise UsageError(f"no such file or directory: {path}")


def read_inputs(inputs: Iterable[str], options: ReadOptions,
                stdin: Optional[BinaryIO] = None) -> Iterator[Record]:
    """Yield one record per article from paths, directories or ``-`` (stdin)."""
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if options.stdin_format == "jsonl":
                yield from read_jsonl_stream(stream, "stdin", options)
                continue
            decoded = _decode("stdin", stream.read())
            if isinstance(decoded, RecordError):
                yield decoded
            else:
                yield from _parse_decoded(decoded, "stdin", f".{options.stdin_format}", options)
            continue
        for path in iter_paths(Path(item)):
            yield from read_file(path, options)


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise UsageError up front for a path that does not exist."""
    for item in inputs:
        if item != "-" and not Path(item).exists():
            raise UsageError(f"no such file or directory: {item}")
