"""API latency: filtered event lists over HTTP against a store of 100,000 events.

    .venv/bin/python benchmarks/api_latency.py [--db /tmp/sitrep-bench-100k.db] [--requests 200]

Build the store first with benchmarks/store_queries.py (same default path). This starts
the real server (uvicorn, loopback) in this process and sends requests one after
another with httpx over a kept-alive connection: the latency is the client's, from
request to parsed JSON, with the server's JSON encoding included. A benchmark: it
prints p50/p95/max in ms per query and asserts nothing.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from pathlib import Path

QUERIES = {
    "first page (100)": {},
    "ACLED type": {"acled_type": "Battles"},
    "country + date range": {"country": "SDN", "since": "2027-01-01", "until": "2027-12-31"},
    "actor": {"actor": "Houthi"},
    "near 50 km": {"near": "15.45,44.2", "km": 50},
    "type + since, page 20": {"type": "ASSAULT", "since": "2026-01-01", "offset": 2000},
    "text": {"text": "market"},
    "timeline (month)": None,
}


def main() -> None:
    import httpx
    import uvicorn

    from sitrep.store.database import Store
    from sitrep.web.app import create_app

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/sitrep-bench-100k.db")
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    db = Path(args.db)
    with Store(db) as store:          # migrate once, and say what is measured
        counts = store.counts()
    print(f"store {db}: {counts['events']} events, {counts['clusters']} deduplicated")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    print(f"{'query':26s} {'total':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for name, params in QUERIES.items():
            path, query = ("/api/timeline", {"period": "month"}) if params is None else ("/api/events", params)
            client.get(path, params=query).raise_for_status()       # warm
            samples = []
            for _ in range(args.requests):
                t = time.perf_counter()
                body = client.get(path, params=query).json()
                samples.append((time.perf_counter() - t) * 1000)
            total = body["total"] if isinstance(body, dict) else len(body)
            q = statistics.quantiles(samples, n=100)
            print(f"{name:26s} {total:7d} {q[49]:8.1f} {q[94]:8.1f} {max(samples):8.1f}")
    server.should_exit = True


if __name__ == "__main__":
    main()
