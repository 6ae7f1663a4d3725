"""Cross-article deduplication measured on a hand-labelled corpus.

The corpus (``examples/dedup/reports.jsonl``) holds reports from several outlets
on seven real-looking events; ``gold.yaml`` beside it names, per report, the phrases
that report each event. Every stored event whose trigger lies in a gold phrase gets
that phrase's label; the clusters are then scored pairwise over the labelled events
(precision: pairs put together that are one event; recall: pairs of one event put
together). Gold phrases no stored event covers are counted as missed reports: they
are the coder's misses, not the clusterer's.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..io.readers import ReadOptions, read_inputs
from ..store.dedup import DedupRule, pairwise_scores
from ..store.ingest import ingest
from ..store.database import EventFilter, Store

DEDUP_CORPUS = Path(__file__).resolve().parents[3] / "examples" / "dedup"


def gold_labels(store: Store, gold: dict[str, dict[str, list[str]]]) -> tuple[dict[str, str], int, int]:
    """(event_id -> gold label, gold phrases found, gold phrases in all)."""
    texts = {row["doc_id"]: row["text"] for row in store.iter_articles()}
    spans: list[tuple[str, int, int, str]] = []
    for label, reports in gold.items():
        for doc_id, phrases in reports.items():
            for phrase in phrases:
                start = texts.get(doc_id, "").find(phrase)
                if start < 0:
                    raise ValueError(f"gold phrase {phrase!r} not in {doc_id}")
                spans.append((doc_id, start, start + len(phrase), label))
    labels: dict[str, str] = {}
    covered: set[tuple[str, int]] = set()
    for ev in store.events(EventFilter(unique=False, limit=None)):
        t0, t1 = ev["evidence"]["start"], ev["evidence"]["end"]
        for doc_id, start, end, label in spans:
            if doc_id == ev["doc_id"] and start <= t0 and t1 <= end:
                labels[ev["event_id"]] = label
                covered.add((doc_id, start))
    return labels, len(covered), len(spans)


def evaluate_dedup(coder, corpus: Path = DEDUP_CORPUS, db: Path | None = None,
                   rule: DedupRule = DedupRule()) -> dict[str, Any]:
    gold = yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))["events"]
    db = db or Path(":memory:")
    with Store(db, rule=rule) as store:
        ingest(store, coder, read_inputs([str(corpus / "reports.jsonl")], ReadOptions()))
        labels, found, phrases = gold_labels(store, gold)
        clusters = {ev["event_id"]: ev["cluster"]["cluster_id"]
                    for ev in store.events(EventFilter(unique=False, limit=None))}
        counts = store.counts()
    scores = pairwise_scores(clusters, labels)
    scores.update(gold_events=len(gold), gold_reports=phrases, reports_found=found,
                  stored_events=counts["events"], clusters=counts["clusters"],
                  rule={"max_km": rule.max_km, "date_slack_days": rule.date_slack_days,
                        "max_window_days": rule.max_window_days})
    return scores


def format_dedup_report(r: dict[str, Any]) -> str:
    return "\n".join([
        f"dedup corpus: {r['gold_events']} events in {r['gold_reports']} gold reports; "
        f"coder found {r['reports_found']}; {r['stored_events']} stored events -> {r['clusters']} clusters",
        f"pairwise over {r['items']} labelled events ({r['pairs_true']} true pairs): "
        f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}",
        f"rule: {r['rule']}",
    ])
