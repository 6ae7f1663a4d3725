"""The two databases a store can live in: SQLite (the default, one file) and PostgreSQL
(shared by several users and processes, ``--db postgresql://...``).

The store and its queries write one SQL for both, with ``?`` placeholders and the
syntax the two share (``ON CONFLICT`` upserts, ``CASE`` sums, a ``rowid`` column).
What differs is here: a ``Dialect`` says how each database spells the few things
they spell differently, and ``PostgresConnection`` gives psycopg the calls the store
makes on ``sqlite3`` (``execute``, ``executemany``, rows read by position or name).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def like_escaped(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class Dialect:
    name: str
    like: str                        # a case-insensitive LIKE
    begin_write: tuple[str, ...]     # the statements that open a write transaction
    planner_hints: bool              # whether queries steer the planner (SQLite's unary '+')
    no_limit: Optional[int]          # the LIMIT that means none

    def nocase_equals(self, column: str) -> str:
        """``column`` equals a parameter, ignoring case."""
        return f"{column} = ? COLLATE NOCASE" if self.name == "sqlite" else f"lower({column}) = lower(?)"

    def week(self, column: str) -> str:
        """'YYYY-Www' for an ISO date column: weeks begin on Monday, days before a year's
        first Monday are its week 00 (SQLite's %W, which PostgreSQL is made to follow)."""
        if self.name == "sqlite":
            return f"strftime('%Y-W%W', {column})"
        day = f"({column})::date"
        return (f"to_char({day}, 'YYYY') || '-W' || "
                f"lpad(((extract(doy FROM {day})::int + 7 - extract(isodow FROM {day})::int) / 7)::text, 2, '0')")

    def days_between(self, start: str, end: str) -> str:
        if self.name == "sqlite":
            return f"julianday({end}) - julianday({start})"
        return f"(({end})::date - ({start})::date)"

    def order_by(self, clause: str) -> str:
        """SQLite sorts NULLs first going up and last going down; PostgreSQL is told to."""
        if self.name == "sqlite":
            return clause
        return ", ".join(part + (" NULLS LAST" if part.endswith(" DESC") else " NULLS FIRST")
                         for part in clause.split(", "))

    def text_rows(self, text: str) -> tuple[str, str]:
        """SQL selecting the rowids of evidence sentences that contain ``text``
        (case-insensitively), and its argument."""
        if self.name != "sqlite":
            # pg_trgm's GIN index answers ILIKE, when the extension could be created
            return "SELECT rowid FROM event_text WHERE sentence ILIKE ? ESCAPE '\\'", like_escaped(text)
        if len(text.strip()) >= 3:
            # a quoted phrase against the FTS5 trigram index: a substring search
            return "SELECT rowid FROM event_text WHERE event_text MATCH ?", '"' + text.strip().replace('"', '""') + '"'
        # under three characters the trigram index cannot help: scan
        return "SELECT rowid FROM event_text WHERE sentence LIKE ? ESCAPE '\\'", like_escaped(text)


SQLITE = Dialect("sqlite", like="LIKE", begin_write=("BEGIN IMMEDIATE",), planner_hints=True, no_limit=-1)
# one writer at a time, as in SQLite: deduplication reads what the previous article wrote
POSTGRES = Dialect("postgresql", like="ILIKE", planner_hints=False, no_limit=None,
                   begin_write=("BEGIN", "SELECT pg_advisory_xact_lock(hashtext('sitrep-store-write'))"))


class Row(tuple):
    """A result row read by position (``row[0]``) or by column name (``row["name"]``),
    and turned into a dict by ``dict(row)``, as ``sqlite3.Row`` is."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> "Row":
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):  # type: ignore[override]
        return super().__getitem__(self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor) -> Callable[[Sequence[Any]], Row]:
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


def _placeholders(sql: str) -> str:
    # psycopg reads '%' as the start of a placeholder, so a literal one is doubled; the
    # store's SQL has no literal '?' (values always travel as parameters)
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresConnection:
    """A psycopg connection that takes the store's SQL. Statements run in autocommit
    mode, so the store's own BEGIN / COMMIT / ROLLBACK delimit its transactions, as
    with ``sqlite3.connect(isolation_level=None)``."""

    def __init__(self, url: str, readonly: bool = False):
        import psycopg  # optional: pip install 'sitrep[postgres]'

        self._con = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        if readonly:
            self._con.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, args: Sequence[Any] = ()):
        return self._con.execute(_placeholders(sql), tuple(args))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        cursor = self._con.cursor()
        rows = [tuple(r) for r in rows]
        if rows:
            cursor.executemany(_placeholders(sql), rows)
        return cursor

    def close(self) -> None:
        self._con.close()


def database_errors(dialect: Dialect) -> tuple[type[BaseException], ...]:
    """The exceptions a database raises for a failed statement."""
    if dialect.name == "sqlite":
        return (sqlite3.DatabaseError,)
    import psycopg

    return (psycopg.Error,)
