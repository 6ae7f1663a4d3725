"""People in office, political parties and legislatures, from ``data/leaders.yaml``,
``data/parties.yaml`` and ``data/legislatures.yaml``.

Each row names a person, their country and the offices they held, as
``[SECTOR, since, until]`` (``~`` for an open end) or, for an office abroad or in an
international organisation, as a mapping with its own ``country`` and ``bloc``. The
rows become :class:`~sitrep.lexicon.actors.ActorEntry` objects of kind ``person``, so
the entity ruler finds them and the actor finder reads their role on the publication
date: "Emmanuel Macron" is FRA GOV in 2018, an elite (ELI) in 2016 between offices.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import ResourceError
from .actors import ActorEntry, RoleSpan, as_date

_ID_UNSAFE = re.compile(r"[^a-z0-9]+")


def _role(raw: Any, name: str) -> RoleSpan:
    if isinstance(raw, (list, tuple)) and len(raw) == 3:
        sector, since, until = raw
        return RoleSpan(str(sector), as_date(since), as_date(until))
    if isinstance(raw, dict) and "sector" in raw:
        return RoleSpan(str(raw["sector"]), as_date(raw.get("since")), as_date(raw.get("until")),
                        abroad=True, country=raw.get("country"), bloc=raw.get("bloc"))
    raise ResourceError(f"leaders.yaml: a role of {name} is neither [SECTOR, since, until] nor a mapping: {raw!r}")


def leader_id(name: str) -> str:
    return "leader:" + _ID_UNSAFE.sub("_", name.lower()).strip("_")


def leader_entries(rows: Iterable[dict]) -> list[ActorEntry]:
    """One person entry per row; the name is its own first alias."""
    entries = []
    for row in rows:
        name = row["name"]
        aliases = tuple(dict.fromkeys([name, *(row.get("aliases") or ())]))
        entries.append(ActorEntry(
            id=leader_id(name), name=name, aliases=aliases, exact=tuple(row.get("exact") or ()),
            country=row.get("country"), sector=row.get("sector", "ELI"), inter=None, kind="person",
            roles=tuple(_role(r, name) for r in row.get("roles") or ()), former=row.get("sector", "ELI")))
    return entries


def party_entries(rows: Iterable[dict], known: Iterable[ActorEntry]) -> list[ActorEntry]:
    """One group entry (sector PTY) per party; a name another entry already claims
    ("Hamas", "Hezbollah": armed movements of their own) stays that entry's."""
    taken = {alias.lower() for entry in known for alias in (*entry.aliases, *entry.exact)}
    entries = []
    for row in rows:
        name = row["name"]
        aliases = tuple(a for a in dict.fromkeys([name, *(row.get("aliases") or ())]) if a.lower() not in taken)
        exact = tuple(a for a in row.get("exact") or () if a.lower() not in taken)
        if not aliases and not exact:
            continue
        entries.append(ActorEntry(id="party:" + _ID_UNSAFE.sub("_", name.lower()).strip("_"), name=name,
                                  aliases=aliases, exact=exact, country=row.get("country"), sector="PTY",
                                  inter=None, kind="group"))
    return entries


def legislature_entries(rows: Iterable[dict]) -> list[ActorEntry]:
    """One state body (sector LEG, ACLED inter 1) per country's legislature: the
    names of its chambers are its aliases ("Storting" -> Legislature of Norway)."""
    return [ActorEntry(id="legislature:" + row["country"].lower(), name=row["name"],
                       aliases=tuple(row.get("aliases") or ()), exact=tuple(row.get("exact") or ()),
                       country=row["country"], sector="LEG", inter=1, kind="group")
            for row in rows]
