"""The leaders file: every row loads, dated roles decide sector, country and bloc."""
from datetime import date

import pytest

from sitrep.errors import ResourceError
from sitrep.lexicon.actors import ActorLexicon, load_yaml
from sitrep.lexicon.leaders import leader_entries, leader_id


@pytest.fixture(scope="module")
def lexicon():
    return ActorLexicon.load()


def test_every_row_loads_with_ordered_dates():
    rows = load_yaml("leaders.yaml")
    entries = leader_entries(rows)
    assert len(entries) == len(rows) > 500
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        for role in entry.roles:
            assert role.since is None or role.until is None or role.since <= role.until, entry.name


def test_no_alias_names_two_people(lexicon):
    from sitrep.lexicon.actors import surface_key

    owners = {}
    for entry in lexicon.actors.values():
        for alias in entry.aliases:
            owners.setdefault(surface_key(alias), set()).add(entry.id)
    assert not {alias: ids for alias, ids in owners.items() if len(ids) > 1}


def test_a_role_holds_only_between_its_dates(lexicon):
    macron = lexicon.actors[leader_id("Emmanuel Macron")]
    assert macron.sector_on(date(2018, 1, 1)) == "GOV"
    assert macron.sector_on(date(2017, 1, 1)) == "ELI"        # between his two offices
    assert macron.country_on(date(2017, 1, 1)) == "FRA"


def test_an_international_office_has_its_own_country_and_bloc(lexicon):
    stoltenberg = lexicon.actors[leader_id("Jens Stoltenberg")]
    assert (stoltenberg.sector_on(date(2020, 1, 1)), stoltenberg.country_on(date(2020, 1, 1)),
            stoltenberg.bloc_on(date(2020, 1, 1))) == ("IGO", None, "IGO")
    assert (stoltenberg.sector_on(date(2010, 1, 1)), stoltenberg.country_on(date(2010, 1, 1))) == ("GOV", "NOR")


def test_a_stated_sector_holds_outside_every_role(lexicon):
    assert lexicon.actors[leader_id("Hibatullah Akhundzada")].sector_on(date(2019, 1, 1)) == "REB"
    assert lexicon.actors[leader_id("Hibatullah Akhundzada")].sector_on(date(2022, 1, 1)) == "GOV"


def test_a_malformed_role_is_refused():
    with pytest.raises(ResourceError):
        leader_entries([{"name": "Nobody", "roles": [["GOV", "2020-01-01"]]}])
