"""``sitrep eval time``: temporal expressions on TimeBank + AQUAINT, TempEval-3 style.

Each ``.tml`` document is reduced to its TEXT with the TIMEX3 spans kept as
offsets; its creation time (DCT) is the publication date. The system's
expressions are found the way the pipeline finds them (patterns over the text,
spaCy DATE entities as a fallback through ``dateparser``).

Scores, relaxed match (any character overlap, one-to-one, greedy in text order):
- span precision, recall, F1;
- value F1: a true positive needs an overlapping span *and* the same TIMEX3 value;
- value accuracy over matched spans.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

from ..extract.times import find_times
from .acled import EVALDATA
from ..nlp.spacy_model import masked_doc

TIMEBANK_DIR = EVALDATA / "time" / "TBAQ-cleaned"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str
    type: str


@dataclass(frozen=True)
class TimeMLDoc:
    doc_id: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def parse_tml(path: Path) -> Optional[TimeMLDoc]:
    raw = path.read_text(encoding="utf-8")
    dct_value = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct_value = attrs.get("value", "")[:10]
            break
    if not dct_value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct_value):
        return None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    open_timex: Optional[tuple[int, dict]] = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1) == "/", m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            text_so_far = "".join(out)
            timexes.append(GoldTimex(start, length, text_so_far[start:length], a.get("value", ""), a.get("type", "")))
            open_timex = None
    tail = html.unescape(body[pos:])
    out.append(tail)
    return TimeMLDoc(path.stem, date.fromisoformat(dct_value), "".join(out), tuple(timexes))


def load_timebank(root: Path = TIMEBANK_DIR) -> list[TimeMLDoc]:
    docs = [parse_tml(p) for p in sorted(root.glob("*/*.tml"))]
    return [d for d in docs if d is not None]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_time(resources, root: Path = TIMEBANK_DIR, limit: Optional[int] = None) -> dict[str, Any]:
    docs = load_timebank(root)[:limit] if limit else load_timebank(root)
    n_gold = n_sys = span_tp = value_tp = 0
    misses: dict[str, int] = {}
    for doc in docs:
        parsed = next(iter(resources.nlp.pipe([masked_doc(resources.nlp, resources.actors, doc.text)])))
        date_ents = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("DATE", "TIME")]
        system = list(find_times(doc.text, doc.dct, date_ents, parsed))
        n_gold += len(doc.timexes)
        n_sys += len(system)
        used: set[int] = set()
        for gold in doc.timexes:
            match = next((k for k, s in enumerate(system) if k not in used and s.start < gold.end
                          and gold.start < s.end), None)
            if match is None:
                continue
            used.add(match)
            span_tp += 1
            if system[match].value == gold.value:
                value_tp += 1
            else:
                key = f"{gold.type}:{re.sub(r'[0-9]', '9', gold.value)}"
                misses[key] = misses.get(key, 0) + 1
    span_p, span_r = span_tp / max(1, n_sys), span_tp / max(1, n_gold)
    value_p, value_r = value_tp / max(1, n_sys), value_tp / max(1, n_gold)
    return {
        "documents": len(docs), "gold_timexes": n_gold, "system_timexes": n_sys,
        "span": {"precision": round(span_p, 4), "recall": round(span_r, 4), "f1": round(_f1(span_p, span_r), 4)},
        "value": {"precision": round(value_p, 4), "recall": round(value_r, 4), "f1": round(_f1(value_p, value_r), 4),
                  "accuracy_on_matched": round(value_tp / max(1, span_tp), 4)},
        "wrong_values_by_gold_shape": dict(sorted(misses.items(), key=lambda kv: -kv[1])[:15]),
    }


def format_time_report(report: dict[str, Any]) -> str:
    s, v = report["span"], report["value"]
    lines = [f"TimeBank + AQUAINT: {report['documents']} documents, {report['gold_timexes']} gold TIMEX3, "
             f"{report['system_timexes']} found",
             f"  span  (relaxed)  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}",
             f"  value (relaxed)  P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}   "
             f"accuracy on matched spans {v['accuracy_on_matched']:.3f}",
             "  wrong values, by gold type and shape:"]
    lines += [f"    {n:>4}  {k}" for k, n in report["wrong_values_by_gold_shape"].items()]
    return "\n".join(lines)
