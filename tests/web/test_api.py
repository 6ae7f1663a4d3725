"""The REST API through an in-process client: filters, paging, detail, aggregates, errors, read-only."""
import pytest

from sitrep.store.database import EventFilter, Store


def test_events_match_the_store_and_page(client, web_db):
    first = client.get("/api/events", params={"limit": 5}).json()
    with Store(web_db, readonly=True) as store:
        assert first["total"] == store.count_events(EventFilter())
        assert [e["event_id"] for e in first["events"]] == [e["event_id"] for e in store.events(EventFilter(limit=5))]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}


def test_filters_are_applied(client):
    battles = client.get("/api/events", params={"acled_type": "Battles", "limit": 1000}).json()
    assert battles["events"] and all(e["acled_event_type"] == "Battles" for e in battles["events"])
    yemen = client.get("/api/events", params={"country": "YEM", "since": "2021-01-01"}).json()["events"]
    assert yemen and all(e["location"]["country"] == "YEM" and e["date"]["end"] >= "2021-01-01" for e in yemen)
    near = client.get("/api/events", params={"near": "49.98,36.25", "km": 60}).json()["events"]
    assert near and all(e["location"]["name"] for e in near)
    every = client.get("/api/events", params={"unique": "false", "limit": 1000}).json()
    assert every["total"] >= battles["total"] and every["total"] == len(every["events"])


def test_event_detail_has_evidence_quotes_and_other_reports(client):
    events = client.get("/api/events", params={"sort": "mentions", "limit": 1}).json()["events"]
    detail = client.get(f"/api/events/{events[0]['event_id']}").json()
    assert detail["sentence"] in detail["article_text"]
    start, end = detail["evidence"]["start"], detail["evidence"]["end"]
    assert detail["article_text"][start:end] == detail["trigger"]
    assert len(detail["cluster_mentions"]) == detail["cluster"]["num_mentions"] > 1
    assert isinstance(detail["quotes"], list)


def test_geojson_timeline_and_aggregates(client):
    geo = client.get("/api/events.geojson", params={"limit": 1000}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in geo["features"])
    timeline = client.get("/api/timeline", params={"period": "month"}).json()
    total = client.get("/api/events", params={"limit": 0}).json()["total"]
    assert sum(r["events"] for r in timeline) == total
    assert client.get("/api/actors", params={"limit": 3}).json()[0]["events"] >= 1
    assert any(r["kind"] == "backs" for r in client.get("/api/relations").json())
    assert client.get("/api/places").json()[0]["events"] >= 1
    stats = client.get("/api/stats").json()
    assert stats["counts"]["clusters"] == total and "Battles" in stats["acled_types"]


@pytest.mark.parametrize("params, name", [
    ({"limit": 5000}, "limit"), ({"limit": -1}, "limit"), ({"since": "2020-13-01"}, "since"),
    ({"near": "north"}, "near"), ({"near": "95,10"}, "near"), ({"country": "Yemen"}, "country"),
    ({"status": "rumoured"}, "status"), ({"sort": "random"}, "sort"), ({"min_confidence": 2}, "min_confidence"),
    ({"since": "2021-01-02", "until": "2021-01-01"}, "since"), ({"km": 0, "near": "1,1"}, "km"),
])
def test_bad_parameters_get_422_naming_the_parameter(client, params, name):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert any(err["loc"][-1] == name and err["msg"] for err in response.json()["detail"])


def test_unknown_event_is_404_and_nothing_writes(client, web_db):
    assert client.get("/api/events/ev-nothere").status_code == 404
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    with Store(web_db, readonly=True) as store:
        before = store.counts()
    client.get("/api/events")
    with Store(web_db, readonly=True) as store:
        assert store.counts() == before


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/events.geojson", "/api/timeline", "/api/actors",
            "/api/relations", "/api/places", "/api/stats"} <= set(paths)
    assert all(set(ops) == {"get"} for ops in paths.values())
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"type", "acled_type", "actor", "country", "near", "km", "since", "until", "text", "limit"} <= params


def test_dashboard_page_and_assets_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200
    assert "http" not in "".join(line for line in page.text.splitlines() if "src=" in line or "href=" in line)
