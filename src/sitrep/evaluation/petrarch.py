"""``sitrep eval petrarch``: CAMEO coding on PETRARCH's validation records.

Two files of openeventdata's PETRARCH coders (``evaldata/petrarch``):

- ``PETR2_GSR_validation.xml``: 78 real AFP sentences with 92 CAMEO codings (event
  code, source and target actor codes), near-gold (corrected coder output);
- ``PETR.UnitTest.records.xml``: PETRARCH-2's unit tests, 284 sentences about
  fictional states ("Arnor", "Gondor") coded with their own test dictionaries, so only
  the event code is comparable; actor codes are not scored there.

A record is a ``<Sentence date=... id=...>`` with its ``<EventCoding .../>`` lines and
``<Text>``; ``noevents`` records expect no event, ``error`` records (expected coder
errors) are skipped. Each sentence is coded as an article dated as the record.
Measured:

- ``cameo_root``: of the gold codings, the share whose CAMEO root (the event code's
  first two digits) some event of the sentence has;
- ``first_root``: of the sentences with codings, the share whose first event has the
  first coding's root (the confusion matrix is of these);
- ``quiet``: of the ``noevents`` sentences, the share where sitrep codes no event;
- ``source_country`` / ``target_country`` (GSR only): of the codings whose actor code
  begins with a country (or IGO) code, the share where the matching-root event's actor
  in that role has it.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

from ..model import Article, Event
from .acled import EVALDATA

PETRARCH_DIR = EVALDATA / "petrarch"
PETRARCH_FILES = {"gsr": PETRARCH_DIR / "PETR2_GSR_validation.xml",
                  "unit": PETRARCH_DIR / "PETR.UnitTest.records.xml"}

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>)", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class CameoCoding:
    root: str                       # "04" of "042"
    source: str                     # actor code as the record gives it ("USAGOV"), may be ""
    target: str


@dataclass(frozen=True)
class PetrarchRecord:
    record_id: str
    on: date
    text: str
    codings: tuple[CameoCoding, ...]
    expects_nothing: bool


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3)).strip('"\' ')
            for m in _ATTRIBUTE.finditer(text)}


def load_petrarch(path: Path) -> list[PetrarchRecord]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    # comments hold disabled records: drop them before reading the live ones
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out = []
    for header, body in _SENTENCE.findall(raw):
        attributes = _attributes(header)
        text_match = _TEXT.search(body)
        codings = [_attributes(c) for c in _CODING.findall(body)]
        if text_match is None or any("error" in c for c in codings):
            continue
        try:
            on = date(int(attributes["date"][:4]), int(attributes["date"][4:6]), int(attributes["date"][6:8]))
        except (KeyError, ValueError):
            on = date(2000, 1, 1)
        text = " ".join(html.unescape(text_match.group(1)).split())
        coded = tuple(CameoCoding(c["eventcode"][:2], c.get("sourcecode", ""), c.get("targetcode", ""))
                      for c in codings if c.get("eventcode", "")[:2].isdigit())
        nothing = any("noevents" in c for c in codings) and not coded
        if coded or nothing:
            out.append(PetrarchRecord(attributes.get("id", f"r{len(out)}"), on, text, coded, nothing))
    return out


def _country(code: str) -> Optional[str]:
    """The country (or IGO) part of a CAMEO actor code: 'USAGOV' -> 'USA'."""
    head = code.strip().upper()[:3]
    return head if len(head) == 3 and head.isalpha() and head not in ("---", "XXX") else None


def _role_countries(event: Optional[Event], role: str) -> set[str]:
    if event is None:
        return set()
    return {r.actor.country for r in event.actors if r.role == role and r.actor.country}


def evaluate_petrarch(coder, which: str = "gsr", path: Optional[Path] = None,
                      limit: Optional[int] = None) -> dict[str, Any]:
    path = path or PETRARCH_FILES[which]
    records = load_petrarch(path)[:limit] if limit else load_petrarch(path)
    articles = [Article(doc_id=r.record_id, pub_date=r.on, text=r.text) for r in records]
    hits: Counter = Counter()
    totals: Counter = Counter()
    confusion: Counter = Counter()
    score_actors = which == "gsr"
    for record, coded in zip(records, coder.code(articles)):
        roots = [e.coding.cameo_root for e in coded.events]
        if record.expects_nothing:
            totals["quiet"] += 1
            hits["quiet"] += not coded.events
            continue
        totals["first_root"] += 1
        first = roots[0] if roots else "(none)"
        hits["first_root"] += first == record.codings[0].root
        confusion[(record.codings[0].root, first)] += 1
        for coding in record.codings:
            totals["cameo_root"] += 1
            event = next((e for e in coded.events if e.coding.cameo_root == coding.root), None)
            hits["cameo_root"] += event is not None
            if not score_actors:
                continue
            for role, code in (("source", coding.source), ("target", coding.target)):
                country = _country(code)
                if country:
                    totals[f"{role}_country"] += 1
                    hits[f"{role}_country"] += country in _role_countries(event, role)
    metrics = {k: (round(hits[k] / totals[k], 4) if totals[k] else None)
               for k in ("cameo_root", "first_root", "quiet", "source_country", "target_country")}
    return {"file": str(path), "records": len(records), "scored": dict(totals), "metrics": metrics,
            "confusion": {f"{g} -> {p}": c for (g, p), c in sorted(confusion.items(), key=lambda kv: -kv[1])}}


def format_petrarch_report(report: dict[str, Any]) -> str:
    lines = [f"PETRARCH records: {report['file']}", f"{report['records']} sentences", ""]
    for name, value in report["metrics"].items():
        scored = report["scored"].get(name)
        lines.append(f"  {name:<16} {'n/a' if value is None else f'{value:.3f}'}"
                     + (f"   (of {scored})" if scored else ""))
    lines += ["", "confusion of CAMEO roots (gold first coding -> first event), most frequent first:"]
    lines += [f"  {count:>5}  {pair}" for pair, count in list(report["confusion"].items())[:25]]
    return "\n".join(lines)
