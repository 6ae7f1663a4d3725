"""Aggregate queries: actors, relations, places, timeline."""
import json
from dataclasses import replace

import pytest

from sitrep.cli import main
from sitrep.errors import StoreError
from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.ingest import ingest
from sitrep.store.database import EventFilter, Store
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def store(tmp_path_factory, coder):
    s = Store(tmp_path_factory.mktemp("q") / "s.db")
    ingest(s, coder, read_inputs([str(EXAMPLES)], ReadOptions()))
    yield s
    s.close()


def test_actor_counts_agree_with_events(store):
    mentions = store.events(EventFilter(unique=False, limit=None))
    for row in store.actors(limit=5):
        having = [e for e in mentions if any(a["name"] == row["name"] for a in e["actors"])]
        assert row["mentions"] == len(having)
        assert row["events"] == len({e["cluster"]["cluster_id"] for e in having}) <= row["mentions"]
        assert row["as_source"] + row["as_target"] + row["as_supporter"] >= row["mentions"]


def test_relations_include_stated_backing(store):
    rows = store.relations("Houthi")
    assert any(r["backer"] == "Iran" and r["backed"] == "Houthis" and r["kind"] == "backs" for r in rows)
    assert all(r["example"] for r in rows)


def test_places_and_timeline(store):
    places = store.places()
    assert places and places == sorted(places, key=lambda r: (-r["events"], r["name"]))
    timeline = store.timeline("month", "acled_event_type")
    assert sum(r["events"] for r in timeline) == len(store.events(EventFilter(limit=None))) == store.counts()["clusters"]
    with pytest.raises(StoreError):
        store.timeline("fortnight")


def test_cli_queries(tmp_path, coder, monkeypatch, capsys):
    monkeypatch.setattr("sitrep.cli._coder", lambda: coder)
    db = str(tmp_path / "s.db")
    assert main(["ingest", "--db", db, str(EXAMPLES)]) == 0
    capsys.readouterr()
    assert main(["relations", "--db", db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"backer", "kind", "backed", "articles", "example"} <= set(rows[0])
    assert main(["timeline", "--db", db, "--period", "week"]) == 0
    assert "PERIOD" in capsys.readouterr().out


@pytest.mark.parametrize("needle", ["market", "MARKET", "Ma", 'say "no"'])
def test_text_filter_is_a_case_insensitive_substring_search(store, needle):
    found = store.events(EventFilter(text=needle, unique=False, limit=None))
    every = store.events(EventFilter(unique=False, limit=None))
    assert {e["event_id"] for e in found} == {e["event_id"] for e in every if needle.lower() in e["sentence"].lower()}


@pytest.mark.parametrize("f", [
    EventFilter(actor="Houthi"), EventFilter(actor="forces", sort="-date", limit=3, offset=2),
    EventFilter(text="killed", sort="fatalities"), EventFilter(text="market", actor="a", sort="mentions"),
    EventFilter(text="no such words"), EventFilter(actor="Military", country="SDN", limit=2)])
def test_both_query_plans_give_the_same_page(store, f):
    """An actor or text page is read either in sort order or through its matches: same rows."""
    from sitrep.store.queries import select_events

    by_scan = [e["event_id"] for e in select_events(store.con, f, ordered_scan=True)]
    by_lookup = [e["event_id"] for e in select_events(store.con, f, ordered_scan=False)]
    assert by_scan == by_lookup
    assert by_scan == [e["event_id"] for e in store.events(f)]


def test_the_plan_follows_how_many_rows_match(store):
    from sitrep.store.queries import _ordered_scan

    clusters = store.counts()["clusters"]
    common = "a"           # in most actors' names
    top = store.actors(limit=1)[0]
    assert top["mentions"] < clusters
    # one row wanted among many matches: read in order; every row of a few: look them up
    assert _ordered_scan(store.con, EventFilter(actor=common, limit=1))
    assert not _ordered_scan(store.con, EventFilter(actor=top["name"], limit=clusters))
    assert not _ordered_scan(store.con, EventFilter(actor="no such actor", limit=1))
    assert not _ordered_scan(store.con, EventFilter(actor=common, limit=1, sort="confidence"))


@pytest.mark.parametrize("f", [
    EventFilter(), EventFilter(actor="Houthi"), EventFilter(text="killed"), EventFilter(actor="a", text="the"),
    EventFilter(actor="forces", country="SDN"), EventFilter(text="killed", unique=False)])
def test_counts_agree_with_the_listed_events(store, f):
    assert store.count_events(f) == len(store.events(replace(f, limit=None)))


@pytest.mark.parametrize("needle", ["%", "_", "Houthi%"])
def test_like_wildcards_in_a_filter_are_plain_characters(store, needle):
    f = EventFilter(actor=needle, limit=None)
    assert store.events(f) == [] and store.count_events(f) == 0
    assert store.events(EventFilter(place=needle, limit=None)) == []
