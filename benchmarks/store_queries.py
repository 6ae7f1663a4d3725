"""Query latency of the store at 100,000 events: `sitrep events` in-process and as a command.

    .venv/bin/python benchmarks/store_queries.py [--events 100000] [--db /tmp/bench.db] [--reuse]

Builds the store from the bundled examples, coded once: each copy of a coded article
is shifted in time (a day per copy, over ten years) and in space (up to 2 degrees),
given new ids, and saved through ``Store.save`` (so deduplication runs on every
event, as in a real ingest). Then it times a set of filtered event lists, each
repeated, and reports p50/p95 in ms, in-process and for the whole `sitrep events`
command (process start included). A benchmark: it prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

QUERIES = {
    "latest 100 (default)": {},
    "country + date range": {"country": "SDN", "since": "2027-01-01", "until": "2027-12-31"},
    "ACLED type": {"acled_type": "Battles"},
    "actor": {"actor": "Houthi"},
    "near a point, 50 km": {"near": (15.45, 44.2), "km": 50.0},
    "text": {"text": "market"},
    "all mentions, by fatalities": {"unique": False, "sort": "fatalities"},
    "page 50 of type": {"event_type": "ASSAULT", "offset": 5000},
}
CLI_QUERIES = [[], ["--country", "SDN", "--since", "2027-01-01", "--until", "2027-12-31"],
               ["--actor", "Houthi"], ["--near", "15.45,44.2", "--km", "50"]]


def _variant(coded, i: int, rng: random.Random):
    shift = timedelta(days=i % 3650)
    dlat, dlon = rng.uniform(-2, 2), rng.uniform(-2, 2)
    events = []
    for e in coded.events:
        loc = e.location and replace(e.location, lat=round(e.location.lat + dlat, 5),
                                     lon=round(e.location.lon + dlon, 5), geonameid=None)
        events.append(replace(e, event_id=f"{e.event_id}-{i}", location=loc,
                              date=replace(e.date, start=e.date.start + shift, end=e.date.end + shift)))
    article = replace(coded.article, doc_id=f"{coded.doc_id}-{i}", text=f"{coded.article.text}\n[{i}]")
    return replace(coded, doc_id=article.doc_id, events=tuple(events), article=article)


def build(db: Path, n_events: int) -> float:
    from sitrep.coder import Coder
    from sitrep.io.readers import ReadOptions, read_inputs
    from sitrep.store.database import Store

    coded = [c for c in Coder().code(read_inputs([str(ROOT / "examples")], ReadOptions())) if c.events]
    rng = random.Random(7)
    started, stored, i = time.monotonic(), 0, 0
    with Store(db) as store:
        while stored < n_events:
            base = coded[i % len(coded)]
            store.save(_variant(base, i, rng))
            stored += len(base.events)
            i += 1
        counts = store.counts()
    elapsed = time.monotonic() - started
    print(f"built {counts['events']} events ({counts['clusters']} clusters, {counts['articles']} articles) "
          f"in {elapsed:.0f}s: {counts['articles'] / elapsed:.0f} articles/s stored with deduplication")
    return elapsed


def _pct(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[q - 1] if len(samples) > 1 else samples[0]


def time_queries(db: Path, repeats: int) -> None:
    from sitrep.store.database import EventFilter, Store

    with Store(db, readonly=True) as store:
        print(f"{'in-process query':34s} {'rows':>5s} {'p50 ms':>8s} {'p95 ms':>8s}")
        for name, params in QUERIES.items():
            samples = []
            for _ in range(repeats):
                t = time.perf_counter()
                rows = store.events(EventFilter(**params))
                samples.append((time.perf_counter() - t) * 1000)
            print(f"{name:34s} {len(rows):5d} {_pct(samples, 50):8.1f} {_pct(samples, 95):8.1f}")
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    print(f"{'whole command: sitrep events ...':34s} {'':5s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for args in CLI_QUERIES:
        samples = []
        for _ in range(max(5, repeats // 4)):
            t = time.perf_counter()
            subprocess.run([sitrep, "events", "--db", str(db), *args], check=True, stdout=subprocess.DEVNULL)
            samples.append((time.perf_counter() - t) * 1000)
        print(f"{' '.join(args) or '(no filter)':34s} {'':5s} {_pct(samples, 50):8.1f} {_pct(samples, 95):8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/sitrep-bench-100k.db")
    ap.add_argument("--reuse", action="store_true", help="time an existing store, do not rebuild it")
    ap.add_argument("--repeats", type=int, default=40)
    args = ap.parse_args()
    db = Path(args.db)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        build(db, args.events)
    time_queries(db, args.repeats)


if __name__ == "__main__":
    main()
