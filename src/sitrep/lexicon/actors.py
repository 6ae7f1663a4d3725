"""The actor lexicon: named actors, generic agents and country words.

Loaded once from the versioned YAML files in ``sitrep/data`` (see their headers
for sources). Lookups are by folded surface form.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Optional

import yaml

from ..errors import ResourceError


def load_yaml(name: str):
    """Read one of the package's data files."""
    try:
        text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing data file {name}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"invalid YAML in {name}: {exc}") from exc


# PLOVER's sectors of people and bodies that ACLED counts as civilians (inter 7):
# protesters and rioters (CVL) and civilians named by what they do
CIVILIAN_SECTORS = frozenset({"CVL", "AGR", "LAB", "BUS", "EDU", "MED", "JRN", "REF", "REL", "NGO"})


def is_civilian(actor) -> bool:
    """Is an actor (a :class:`sitrep.model.Actor`) civilians of some kind? Its sector
    says so, or its ACLED type: "two men" have no PLOVER sector of their own (UNK),
    and ACLED counts them as civilians (7)."""
    return actor is not None and (actor.sector in CIVILIAN_SECTORS or actor.acled_inter == 7)


def surface_key(text: str) -> str:
    """Case-folded key for alias matching: 'U.S.-led alliance' -> 'u.s.-led alliance'."""
    return " ".join(text.replace("\u2019", "'").lower().split())


@dataclass(frozen=True)
class RoleSpan:
    """A role held over dates, open at either end: a PLOVER sector in the curated
    lexicon, a CAMEO actor code in the Phoenix dictionaries. An office abroad or in an
    international organisation carries its own country and bloc (``abroad``)."""
    code: str
    since: Optional[date] = None
    until: Optional[date] = None
    abroad: bool = False
    country: Optional[str] = None
    bloc: Optional[str] = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def held_on(self, when: date) -> bool:
        return (self.since is None or self.since <= when) and (self.until is None or when <= self.until)


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    exact: tuple[str, ...]
    country: Optional[str]
    sector: Optional[str]
    inter: Optional[int]
    kind: str
    cameo: Optional[str] = None
    roles: tuple[RoleSpan, ...] = ()
    # an international organisation's family, as POLECAT codes it in place of a
    # country: UNO (the UN and its agencies), EUR (the EU's bodies), IGO (the others)
    bloc: Optional[str] = None

    # the sector outside every dated role; a person without one is then an elite (ELI),
    # PLOVER's code for former officials
    former: Optional[str] = None

    def role_on(self, when: date) -> Optional[RoleSpan]:
        return next((role for role in self.roles if role.held_on(when)), None)

    def sector_on(self, when: date) -> Optional[str]:
        """The sector in force on a date: a leader is GOV only while in office."""
        if not self.roles:
            return self.sector
        role = self.role_on(when)
        if role is not None:
            return role.code
        if self.former is not None:
            return self.former
        return "ELI" if self.kind == "person" else self.sector

    def country_on(self, when: date) -> Optional[str]:
        """The country on a date: an international office has its own (or none)."""
        role = self.role_on(when) if self.roles else None
        return role.country if role is not None and role.abroad else self.country

    def bloc_on(self, when: date) -> Optional[str]:
        role = self.role_on(when) if self.roles else None
        return role.bloc if role is not None and role.abroad else self.bloc


@dataclass(frozen=True)
class AgentEntry:
    id: str
    nouns: tuple[str, ...]
    name: str
    sector: Optional[str]
    inter: Optional[int]
    kind: str
    requires_state_modifier: tuple[str, ...] = ()


def as_date(value) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


class ActorLexicon:
    """Named actors, generic agents and country words, indexed for lookup."""

    def __init__(self, actors: list[ActorEntry], agents: list[AgentEntry],
                 country_aliases: dict[str, str], demonyms: dict[str, str],
                 titles: Optional[dict[str, str]] = None, breakaway: Optional[dict[str, str]] = None,
                 identity_groups: Optional[dict[str, Optional[str]]] = None):
        self.actors = {a.id: a for a in actors}
        self.agents = agents
        self._by_alias: dict[str, str] = {}
        for entry in actors:
            for alias in entry.aliases:
                self._by_alias.setdefault(surface_key(alias), entry.id)
        self._agent_by_noun: dict[str, AgentEntry] = {}
        for agent in agents:
            for noun in agent.nouns:
                self._agent_by_noun.setdefault(noun.lower(), agent)
        self.country_aliases = {surface_key(k): v for k, v in country_aliases.items()}
        # acronyms ("CAR", "US", "UAE") name a country only in capitals: "car", "us"
        self.capital_only = {surface_key(k) for k in [*country_aliases, *demonyms] if k.isupper()}
        self.demonyms = {surface_key(k): v for k, v in demonyms.items()}
        # title word(s) -> PLOVER sector ("senator" -> LEG), from titles.yaml
        self.titles = {surface_key(k): v for k, v in (titles or {}).items()}
        # breakaway regions and partly recognised states -> the country they broke from
        self.breakaway = {surface_key(k): v for k, v in (breakaway or {}).items()}
        # ethnic groups and clans -> (their name, their country or None): their armed men
        # are identity militias
        self.identity_groups = {surface_key(k): (k, v) for k, v in (identity_groups or {}).items()}
        # the case-sensitive aliases ("IS", "CIA") as one pattern, so that finding them in
        # an article is one scan, not one per alias; longest first, whole words only
        self.entry_by_exact = {alias: entry for entry in actors for alias in entry.exact}
        exact = sorted(self.entry_by_exact, key=len, reverse=True)
        self.exact_pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, exact)) + r")(?![\w-])") if exact else None

    @classmethod
    def load(cls) -> "ActorLexicon":
        raw_actors = load_yaml("actors.yaml") or []
        actors = [
            ActorEntry(
                id=r["id"], name=r["name"], aliases=tuple(r.get("aliases") or ()),
                exact=tuple(r.get("exact") or ()), country=r.get("country"), sector=r.get("sector"),
                inter=r.get("inter"), kind=r.get("kind", "group"), cameo=r.get("cameo"), bloc=r.get("bloc"),
                roles=tuple(RoleSpan(x["sector"], as_date(x.get("since")), as_date(x.get("until")))
                            for x in r.get("roles") or ()),
            )
            for r in raw_actors
        ]
        agents = [
            AgentEntry(id=r["id"], nouns=tuple(r["nouns"]), name=r["name"], sector=r.get("sector"),
                       inter=r.get("inter"), kind=r.get("kind", "agent"),
                       requires_state_modifier=tuple(r.get("requires_state_modifier") or ()))
            for r in load_yaml("agents.yaml") or []
        ]
        # leaders.py builds on this module's types
        from .leaders import leader_entries, legislature_entries, party_entries

        actors += legislature_entries((load_yaml("legislatures.yaml") or {}).get("legislatures") or [])
        actors += leader_entries(load_yaml("leaders.yaml") or [])
        actors += party_entries((load_yaml("parties.yaml") or {}).get("parties") or [], actors)
        countries = load_yaml("countries.yaml") or {}
        titles = {title: sector for sector, words in (load_yaml("titles.yaml") or {}).items() for title in words}
        return cls(actors, agents, countries.get("aliases") or {}, countries.get("demonyms") or {}, titles,
                   countries.get("breakaway") or {}, (load_yaml("identity_groups.yaml") or {}).get("groups") or {})

    def by_alias(self, text: str) -> Optional[ActorEntry]:
        actor_id = self._by_alias.get(surface_key(text))
        return self.actors.get(actor_id) if actor_id else None

    def country_of_actor(self, actor_id: str) -> Optional[str]:
        entry = self.actors.get(actor_id)
        return entry.country if entry is not None else None

    def fights_at_home(self, actor_id: str) -> bool:
        """Is the actor a rebel group or militia of one country (ACLED inter 2 to 4)?
        Such a group fights in its own country, while a state's forces also fight abroad."""
        entry = self.actors.get(actor_id)
        return entry is not None and entry.country is not None and entry.inter in (2, 3, 4)

    def identity_group(self, text: str) -> Optional[tuple[str, Optional[str]]]:
        """'Fulani' -> ('Fulani', None); 'Tiv' -> ('Tiv', 'NGA')."""
        return self.identity_groups.get(surface_key(text))

    def breakaway_parent(self, text: str) -> Optional[str]:
        return self.breakaway.get(surface_key(text))

    def agent_for(self, lemma: str) -> Optional[AgentEntry]:
        return self._agent_by_noun.get(lemma.lower())

    def agent_heads(self) -> frozenset[str]:
        """The last word of every agent noun and phrase ("forces" of "security forces")."""
        return frozenset(noun.split()[-1] for noun in self._agent_by_noun if noun.split())

    def country_code(self, text: str) -> Optional[str]:
        """ISO3 for a country word or demonym from the curated short forms."""
        key = surface_key(text).removesuffix("'s")
        if key in self.capital_only and not text.strip().removesuffix("'s").isupper():
            return None
        return self.country_aliases.get(key) or self.demonyms.get(key)

    def ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns: aliases as phrases (the ruler matches them on LOWER
        and tokenizes them with the pipeline's own tokenizer). `exact` forms are not here:
        they are masked and preset before parsing (``sitrep.nlp.spacy_model.masked_doc``)."""
        patterns = []
        for entry in self.actors.values():
            label = "PERSON" if entry.kind == "person" else "ORG"
            for alias in entry.aliases:
                patterns.append({"label": label, "id": entry.id, "pattern": alias})
        # breakaway regions the statistical model does not know as places ("Transnistria");
        # their folded keys serve, as the ruler matches on LOWER
        patterns += [{"label": "GPE", "pattern": name} for name in self.breakaway]
        return patterns

