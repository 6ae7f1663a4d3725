"""The Phoenix actor dictionaries, compiled into a cached SQLite index.

The Phoenix dictionaries of the Open Event Data Alliance (``Phoenix.Countries``,
``Phoenix.International`` and ``Phoenix.MilNonState`` ``.actors.txt``, MIT licence,
Copyright (c) 2014 Open Event Data Alliance; distributed with PETRARCH2) list some
27,000 actors in TABARI's format::

    ANGELA_MERKEL_  # a comment
    +CHANCELLOR_MERKEL_          <- another name of the same actor
    +MERKEL
        [DEUELI 720101-000101]   <- a CAMEO actor code valid between two dates
        [DEUGOV >051122]         <- ... or from a date on
        [DEUELI]                 <- ... or whenever no dated code applies

A code is a three-letter country (or IGO, NGO ...) followed by three-letter roles
(GOV, MIL, REB, ELI ...). sitrep does not ship these files, which it may not copy:
``sitrep setup`` compiles them, when it finds them, into ``phoenix-v1.sqlite`` in
the cache directory beside the gazetteer, and the actor finder consults that index
for people and organisations its own curated lexicon does not name. Without it the
coder runs on the curated lexicon alone.

Where the files are looked for: ``$SITREP_PHOENIX_DIR``, else the ``petrarch``
folder of the evaluation data (``sitrep.evaluation.acled.find_evaldata``).
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import ResourceError
from ..geo.names import fold, without_article
from .actors import RoleSpan
from .phoenix_agents import PhoenixAgent, parse_agents, sector_of_role

PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt")
AGENTS_FILE = "Phoenix.agents.txt"      # compiled too when it is there (lexicon.phoenix_agents)
INDEX_VERSION = 2
_ROLE = re.compile(r"\[([A-Z]{3,})\s*(?:>(\d{6,8})|<(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*\]")


@dataclass(frozen=True)
class PhoenixEntry:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSpan, ...]


@dataclass(frozen=True)
class PhoenixActor:
    """What the index says of a name on a date."""

    name: str
    code: str
    country: Optional[str]          # ISO3, None for IGOs, NGOs and transnational groups
    sector: Optional[str]


def _date(text: Optional[str]) -> Optional[date]:
    """TABARI dates: yymmdd (a year below 30 is 20yy) or yyyymmdd."""
    if not text:
        return None
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            year = int(text[:2])
            return date(2000 + year if year < 30 else 1900 + year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def _roles(line: str) -> list[RoleSpan]:
    out = []
    for m in _ROLE.finditer(line):
        code, since, until, start, end = m.groups()
        out.append(RoleSpan(code, _date(since or start), _date(until or end)))
    return out


def _words(raw: str) -> str:
    """'ANGELA_MERKEL_' -> 'ANGELA MERKEL' (a trailing '_' only marks a word's end)."""
    return " ".join(raw.replace("_", " ").split())


def parse_phoenix(lines: Iterable[str]) -> Iterator[PhoenixEntry]:
    name: Optional[str] = None
    aliases: list[str] = []
    roles: list[RoleSpan] = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            roles.extend(_roles(line))
        elif line.startswith("+"):
            alias = _words(line[1:].split("[", 1)[0])
            if alias:
                aliases.append(alias)
            roles.extend(_roles(line))
        else:
            if name:
                yield PhoenixEntry(name, tuple(aliases), tuple(roles))
            name = _words(line.split("[", 1)[0])
            aliases, roles = [], _roles(line)
    if name:
        yield PhoenixEntry(name, tuple(aliases), tuple(roles))


def find_phoenix_dir() -> Optional[Path]:
    from ..evaluation.acled import find_evaldata

    for candidate in (os.environ.get("SITREP_PHOENIX_DIR"), find_evaldata() / "petrarch"):
        if candidate and all((Path(candidate) / f).exists() for f in PHOENIX_FILES):
            return Path(candidate)
    return None


def default_index_path() -> Path:
    from ..geo.gazetteer import default_cache_dir

    return default_cache_dir() / f"phoenix-v{INDEX_VERSION}.sqlite"


def build_phoenix_index(source: Path, target: Path) -> Path:
    """Compile the three dictionaries into ``target`` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE TABLE actor (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE alias (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE role (id INTEGER NOT NULL, code TEXT NOT NULL, since TEXT, until TEXT);
        CREATE INDEX role_id ON role (id);
        -- a role noun's CAMEO agent code; NULL where the dictionary gives it two
        CREATE TABLE agent (key TEXT PRIMARY KEY, code TEXT) WITHOUT ROWID;""")
    n = 0
    for filename in PHOENIX_FILES:
        with (source / filename).open(encoding="utf-8", errors="replace") as fh:
            for entry in parse_phoenix(fh):
                if not entry.roles:
                    continue
                n += 1
                con.execute("INSERT INTO actor VALUES (?, ?)", (n, entry.name.title()))
                keys = {fold(a) for a in (entry.name, *entry.aliases)}
                con.executemany("INSERT OR IGNORE INTO alias VALUES (?, ?)", [(k, n) for k in keys if len(k) > 2])
                con.executemany("INSERT INTO role VALUES (?, ?, ?, ?)",
                                [(n, r.code, r.since and r.since.isoformat(), r.until and r.until.isoformat())
                                 for r in entry.roles])
    if (source / AGENTS_FILE).exists():
        with (source / AGENTS_FILE).open(encoding="utf-8", errors="replace") as fh:
            for agent in parse_agents(fh):
                con.execute("INSERT INTO agent VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET code = NULL "
                            "WHERE code IS NOT excluded.code", (agent.phrase, agent.code))
    con.commit()
    con.close()
    os.replace(tmp, target)
    return target


# CAMEO's region codes, which stand where a country code would (CAMEO manual 1.1b3,
# actor codebook: regional codes)
CAMEO_REGIONS = frozenset({"AFR", "ASA", "BLK", "BMF", "CAU", "CAS", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN",
                           "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCA", "SCN",
                           "SEA", "WAF", "WEU", "WST"})


class PhoenixIndex:
    """Read-only look-ups in the compiled dictionaries."""

    def __init__(self, path: Path, country_codes: frozenset[str]):
        if not path.exists():
            raise ResourceError(f"Phoenix index not built at {path}")
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._countries = country_codes
        self._agents: Optional[dict[str, str]] = None

    @classmethod
    def open_if_built(cls, country_codes: Iterable[str], path: Optional[Path] = None) -> Optional["PhoenixIndex"]:
        target = path or default_index_path()
        return cls(target, frozenset(country_codes)) if target.exists() else None

    def lookup(self, text: str, on: date) -> Optional[PhoenixActor]:
        """The actor a name denotes on a date; an ambiguous name (two actors) is None."""
        key = fold(without_article(text))
        ids = [r[0] for r in self._con.execute("SELECT id FROM alias WHERE key = ?", (key,))]
        if len(ids) != 1:
            return None
        name = self._con.execute("SELECT name FROM actor WHERE id = ?", (ids[0],)).fetchone()[0]
        roles = [RoleSpan(c, s and date.fromisoformat(s), u and date.fromisoformat(u)) for c, s, u in
                 self._con.execute("SELECT code, since, until FROM role WHERE id = ?", (ids[0],))]
        dated = [r for r in roles if r.dated and r.held_on(on)]
        undated = [r for r in roles if not r.dated]
        chosen = (dated or undated or [None])[0]
        if chosen is None:
            return None
        return self._actor(name, chosen.code)

    def agent(self, phrase: str) -> Optional[PhoenixAgent]:
        """The agent code of a role noun ("attorney": JUD), in lower case and singular;
        None for a noun the dictionary lacks or gives two codes."""
        code = self._agent_codes().get(phrase)
        return PhoenixAgent(phrase, code) if code else None

    def agent_heads(self) -> frozenset[str]:
        """The last word of every role noun phrase the dictionary codes."""
        return frozenset(key.split()[-1] for key in self._agent_codes() if key.split())

    def _agent_codes(self) -> dict[str, str]:
        if self._agents is None:
            # some 3,300 short rows: read once, then looked up for every noun of every article
            self._agents = {key: code for key, code in self._con.execute("SELECT key, code FROM agent") if code}
        return self._agents

    def _actor(self, name: str, code: str) -> PhoenixActor:
        head = code[:3]
        # the three letters are a country only when the gazetteer has it (not IGO, NGO, REB ...);
        # a region ("EAFREB": East African rebels) is no country, and the role follows it
        country = head if head in self._countries else None
        rest = code[3:] if country or head in CAMEO_REGIONS else code
        role = rest[:3] if rest else None
        sector = sector_of_role(role) if role else None
        return PhoenixActor(name=name, code=code, country=country, sector=sector)
