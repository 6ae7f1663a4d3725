"""``sitrep eval muc``: perpetrators and victims of MUC-4 incidents.

``evaldata/muc4/{train,dev}.json`` (the GRIT processing of MUC-4: news reports on
Latin American violence, 1989-90, lower-cased, undated) give per document the role
fillers of its incident templates, each filler an entity with its mentions:
``PerpInd`` (the individuals who did it: "guerrillas"), ``PerpOrg`` (their
organisation: "urng"), ``Victim``, ``Target`` (things: "farm") and ``Weapon``. This
processing keeps no incident type, so the incident type is not scored here.

Each report is coded as an article (dated 1990-01-01: the reports are undated). The
violent events' actors are the predictions:

- ``PerpOrg``: sources that are named organisations or states (lexicon actors), or
  a body named generically ("the army", "the armed forces");
- ``PerpInd``: sources named by their members ("gunmen", "guerrillas");
- ``Victim``: targets that are people (civilians, officials, named persons).

Scoring follows the usual MUC-4 entity matching, simplified: a predicted span matches
a gold entity when it equals one of its mentions or one contains the other (ignoring
case and a leading article); each gold entity is matched at most once. Precision,
recall and F1 are micro-averaged over the documents.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

from ..lexicon.actors import is_civilian
from ..model import Article, CodedArticle
from .acled import EVALDATA

MUC_DIR = EVALDATA / "muc4"
ROLES = ("PerpOrg", "PerpInd", "Victim")
VIOLENT_TYPES = {"ASSAULT", "COERCE"}
# a generic agent named as a body ("the army", "the armed forces") is an organisation;
# named by its members ("soldiers", "gunmen") it is individuals
BODY_WORDS = {"army", "military", "government", "police", "force", "forces", "guard", "navy", "junta", "regime",
              "administration", "cartel", "front", "movement", "party", "command", "squads", "mafia", "mafias"}

# what names an organisation's people, not the organisation ("FMLN rebels")
MEMBER_WORDS = {"rebels", "guerrillas", "terrorists", "fighters", "militants", "members", "soldiers", "troops",
                "commandos", "activists", "gunmen", "men", "insurgents", "militiamen", "agents", "cadres"}


def load_muc(path: Path) -> Iterator[tuple[str, str, dict[str, list[list[str]]]]]:
    """(doc id, text, {role: [entity mentions]}) per report."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                gold = {role: [[m[0] for m in entity] for entity in row["extracts"].get(role, [])] for role in ROLES}
                yield row["docid"], row["doctext"], gold


def _norm(text: str) -> str:
    words = text.lower().replace('"', "").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def predicted_fillers(coded: CodedArticle) -> dict[str, set[frozenset[str]]]:
    """Per role, the predicted entities, each as the strings that may name it (its span
    in the text and, for a named actor, its canonical name)."""
    out: dict[str, set[frozenset[str]]] = {role: set() for role in ROLES}
    # one organisation however many spans name it: canonical name -> its spans
    organisations: dict[str, set[str]] = {}
    for event in coded.events:
        if event.coding.event_type not in VIOLENT_TYPES or event.status not in ("occurred", "ongoing"):
            continue
        for actor_role in event.actors:
            actor = actor_role.actor
            if actor.kind == "implied":
                continue
            span = _norm(actor.evidence.text)
            if actor_role.role == "source":
                named = _norm(actor.name)
                if actor.lexicon_id and span != named and span not in named and (
                        named not in span or span.rsplit(" ", 1)[-1] in MEMBER_WORDS):
                    # "guerrillas of the FMLN", "FMLN rebels": the individuals, and the
                    # organisation they are of ("FMLN units" is the organisation)
                    out["PerpInd"].add(frozenset({span}))
                    organisations.setdefault(named, {named})
                elif actor.lexicon_id or actor.kind in ("group", "state") or span.rsplit(" ", 1)[-1] in BODY_WORDS:
                    organisations.setdefault(named, {named}).add(span)
                else:
                    out["PerpInd"].add(frozenset({span}))
            elif actor_role.role == "target" and (is_civilian(actor) or actor.sector in ("GOV", "ELI")
                                                  or actor.kind == "person"):
                out["Victim"].add(frozenset({span}))
    out["PerpOrg"] = {frozenset(spans) for spans in organisations.values()}
    return out


def _matches(names: frozenset[str], mentions: list[str]) -> bool:
    gold = [_norm(m) for m in mentions]
    return any(n == m or (n and m and (n in m or m in n)) for n in names for m in gold)


def score_document(predicted: set[frozenset[str]], gold: list[list[str]]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one role of one document."""
    unmatched = list(gold)
    hits = 0
    for names in sorted(predicted, key=sorted):
        entity = next((g for g in unmatched if _matches(names, g)), None)
        if entity is not None:
            unmatched.remove(entity)
            hits += 1
    return hits, len(predicted), len(gold)


def evaluate_muc(coder, path: Optional[Path] = None, limit: Optional[int] = None) -> dict[str, Any]:
    path = path or MUC_DIR / "dev.json"
    records = list(load_muc(path))[:limit] if limit else list(load_muc(path))
    articles = [Article(doc_id=doc_id, pub_date=date(1990, 1, 1), text=text) for doc_id, text, _ in records]
    counts = {role: Counter() for role in ROLES}
    for (_, _, gold), coded in zip(records, coder.code(articles)):
        predicted = predicted_fillers(coded)
        for role in ROLES:
            hits, n_pred, n_gold = score_document(predicted[role], gold[role])
            counts[role].update(tp=hits, predicted=n_pred, gold=n_gold)
    metrics = {}
    for role in ROLES:
        c = counts[role]
        p = c["tp"] / c["predicted"] if c["predicted"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        metrics[role] = {"precision": round(p, 4), "recall": round(r, 4),
                         "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                         "predicted": c["predicted"], "gold": c["gold"]}
    return {"file": str(path), "documents": len(records), "metrics": metrics}


def format_muc_report(report: dict[str, Any]) -> str:
    lines = [f"MUC-4: {report['file']}", f"{report['documents']} reports", "",
             f"  {'role':<9} {'P':>6} {'R':>6} {'F1':>6}   predicted / gold"]
    for role, m in report["metrics"].items():
        lines.append(f"  {role:<9} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}   "
                     f"{m['predicted']} / {m['gold']}")
    return "\n".join(lines)
