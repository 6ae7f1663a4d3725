"""Cross-article deduplication: the rule, its incremental use in the store, the corpus score."""
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.evaluation.dedup import DEDUP_CORPUS, evaluate_dedup
from sitrep.model import Article
from sitrep.store.dedup import DedupRule, EventKey, choose_cluster, match_distance, pairwise_scores
from sitrep.store.ingest import ingest
from sitrep.store.database import EventFilter, Store

RULE = DedupRule()
BASE = EventKey("e1", "d1", "acled:Battles", "realis", date(2024, 3, 9), date(2024, 3, 9), 4.73, 45.2, 1,
                frozenset({"Al Shabaab"}), frozenset({"Al Shabaab", "Military Forces of Somalia"}))


def other(**changes) -> EventKey:
    return replace(BASE, event_id="e2", doc_id="d2", **changes)


def test_the_same_battle_told_twice_matches():
    assert match_distance(BASE, other(start=date(2024, 3, 10), end=date(2024, 3, 10), lat=4.8), RULE) is not None


@pytest.mark.parametrize("changes", [
    {"family": "acled:Protests"},                                   # another kind of event
    {"claim": "threatened"},                                        # a threat is not its execution
    {"start": date(2024, 3, 12), "end": date(2024, 3, 12)},         # three days apart
    {"start": date(2024, 3, 1), "end": date(2024, 3, 31)},          # dated only to the month
    {"lat": 5.5, "geonameid": 2},                                   # 85 km away
    {"lat": None, "lon": None, "geonameid": None},                  # nowhere
    {"sources": frozenset({"ISIS"}), "participants": frozenset({"ISIS", "Civilians (Somalia)"})},
])
def test_what_keeps_two_reports_apart(changes):
    assert match_distance(BASE, other(**changes), RULE) is None


def test_two_towns_must_be_close_but_a_district_may_hold_a_town():
    town = replace(BASE, place_precision="town")
    ten_km = other(lat=4.82, geonameid=7, place_precision="town")
    assert match_distance(town, ten_km, RULE) is None
    assert match_distance(town, replace(ten_km, place_precision="district"), RULE) is not None
    assert match_distance(town, other(lat=4.75, geonameid=8, place_precision="site"), RULE) is not None
    assert match_distance(replace(town, place_precision="country"), other(place_precision="country"), RULE) is None


def test_attacker_and_defender_may_swap_roles_and_nameless_sources_are_wildcards():
    swapped = other(sources=frozenset({"Military Forces of Somalia"}))
    assert match_distance(BASE, swapped, RULE) is not None
    assert match_distance(BASE, other(sources=frozenset(), participants=frozenset({"ISIS"})), RULE) is not None


def test_the_nearest_cluster_wins():
    far, near = other(lat=4.9, geonameid=5), replace(other(lat=4.74, geonameid=6), event_id="e3")
    assert choose_cluster(BASE, {"far": [far], "near": [near]}, RULE) == "near"


def test_a_cluster_is_joined_only_if_every_member_matches():
    # day 9 joined by day 10 (a day's slack); day 11 matches day 10 but not day 9: no chain
    day10 = other(start=date(2024, 3, 10), end=date(2024, 3, 10))
    day11 = replace(BASE, event_id="e3", doc_id="d3", start=date(2024, 3, 11), end=date(2024, 3, 11))
    assert choose_cluster(day10, {"c": [BASE]}, RULE) == "c"
    assert choose_cluster(day11, {"c": [BASE, day10]}, RULE) is None


def test_two_stated_calendar_days_are_two_events():
    stated = replace(BASE, exact_day=True)
    next_day = other(start=date(2024, 3, 10), end=date(2024, 3, 10), exact_day=True)
    assert match_distance(stated, next_day, RULE) is None
    assert match_distance(stated, replace(next_day, exact_day=False), RULE) is not None


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 4), min_size=2))
def test_pairwise_scores_of_the_truth_are_perfect(labels):
    items = {str(k): str(v) for k, v in labels.items()}
    scores = pairwise_scores(items, items)
    assert scores["precision"] == scores["recall"] == 1.0


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 4), min_size=2))
def test_one_cluster_has_full_recall_and_singletons_full_precision(labels):
    gold = {str(k): str(v) for k, v in labels.items()}
    assert pairwise_scores({k: "all" for k in gold}, gold)["recall"] == 1.0
    assert pairwise_scores({k: k for k in gold}, gold)["precision"] == 1.0


def test_store_clusters_incrementally_and_replacing_an_article_updates_counts(tmp_path, coder):
    reports = [
        Article("a", date(2024, 3, 10), "Sudanese army warplanes bombed a market in Nyala on Sunday, killing 15 civilians.",
                (("source", "Nile Observer"),)),
        Article("b", date(2024, 3, 11), "An air strike by the Sudanese army hit a market in Nyala on Sunday, "
                "killing 15 civilians.", (("source", "Darfur Desk"),)),
        Article("c", date(2024, 3, 11), "An army air strike hit a market in Nyala on Sunday, killing 16 people.",
                (("source", "Darfur Desk"),)),
    ]
    with Store(tmp_path / "s.db") as store:
        ingest(store, coder, reports)
        [event] = store.events(EventFilter(acled_type="Air/drone strike"))
        assert event["cluster"]["num_articles"] == 3 and event["cluster"]["num_sources"] == 2
        assert event["cluster"]["fatalities"] == 16
        assert len(store.events(EventFilter(acled_type="Air/drone strike", unique=False))) == 3
        detail = store.event(event["cluster"]["cluster_id"])
        assert {m["doc_id"] for m in detail["cluster_mentions"]} == {"a", "b", "c"}
        # the same article, now about a protest elsewhere: the cluster loses a report
        ingest(store, coder, [Article("c", date(2024, 3, 11), "Hundreds of people protested in Khartoum on Sunday.")])
        [event] = store.events(EventFilter(acled_type="Air/drone strike"))
        assert event["cluster"]["num_articles"] == 2 and event["cluster"]["fatalities"] == 15
        before = store.counts()["clusters"]
        assert store.rebuild_clusters() == before
        # the per-report cluster map that text searches use follows every change above
        in_step = store.con.execute("SELECT count(*) FROM events e JOIN event_clusters m "
                                    "ON m.event_rowid = e.rowid AND m.cluster_id = e.cluster_id").fetchone()[0]
        assert in_step == store.counts()["events"] == store.con.execute(
            "SELECT count(*) FROM event_clusters").fetchone()[0]
        assert store.count_events(EventFilter(text="market")) == 1


def test_dedup_corpus_scores(coder):
    report = evaluate_dedup(coder, DEDUP_CORPUS)
    # measured 1.000 / 0.647 (docs/evaluation.md); the recall lost is the coder's unlocated reports
    assert report["precision"] >= 0.9 and report["recall"] >= 0.6
    assert report["clusters"] < report["stored_events"]
