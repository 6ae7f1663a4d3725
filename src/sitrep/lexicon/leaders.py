"""People in office, from ``data/leaders.yaml``: dated roles as lexicon entries.

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
