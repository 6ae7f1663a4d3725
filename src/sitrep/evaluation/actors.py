"""``sitrep eval actors``: actor strings to country and sector, on the NGEC cases.

``evaldata/actors/ngec_actor_resolution_cases.json`` holds the actor-resolution test
cases of NGEC (POLECAT's coder): an actor string ("Russian foreign minister",
"SANDF", "gunmen"), sometimes a context and a date, and the expected ISO3 country
and PLOVER sector (``code_1``); some expect no actor at all ("puppies"). Only the
cases that resolve one string are used (``agent_to_code`` and ``search_nat``); those
that test NGEC's Wikipedia look-ups or its parser are not about this task.

Each string is parsed as a one-line article and the actor finder the pipeline uses
resolves it; the actor covering most of the string answers. Measured: country
accuracy (an expected "" means no country, a transnational actor; an international
organisation answers with its family code, UNO, EUR or IGO, as NGEC expects), sector
accuracy, and how often "no actor" is answered where none is expected.
"""
from __future__ import annotations

import ast
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

from ..extract.actors import ActorFinder
from ..extract.phrase_country import country_in_phrase
from ..model import Actor
from ..nlp.spacy_model import masked_doc
from .acled import EVALDATA

NGEC_CASES = EVALDATA / "actors" / "ngec_actor_resolution_cases.json"
RESOLVING_METHODS = ("agent_to_code", "search_nat")
DEFAULT_DATE = date(2022, 1, 1)      # "Today" in the cases: when they were written


@dataclass(frozen=True)
class ActorCase:
    name: str
    text: str
    context: str
    on: date
    country: Optional[str]           # expected ISO3; "" = none; None = not asserted
    sector: Optional[str]
    expects_nothing: bool


def _literal(node: ast.AST, inputs: dict) -> Any:
    """The value of an argument: a literal, or d['key'] from the case's inputs."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "d":
        return inputs.get(ast.literal_eval(node.slice))
    return ast.literal_eval(node)


def _expected(asserts: list[str], inputs: dict) -> tuple[Optional[str], Optional[str], bool]:
    country = sector = None
    nothing = False
    for text in asserts:
        try:
            test = ast.parse(text, mode="eval").body
        except SyntaxError:
            continue
        if isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Is):
            nothing = True
            continue
        if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq)):
            continue
        left, right = test.left, test.comparators[0]
        key = None
        if isinstance(left, ast.Name) and left.id == "cc":
            key = "country"
        elif isinstance(left, ast.Subscript) and isinstance(left.value, ast.Name) and left.value.id == "code":
            key = ast.literal_eval(left.slice)
        try:
            value = _literal(right, inputs)
        except (ValueError, SyntaxError):
            continue
        if key == "country" and country is None:
            country = value
        elif key == "code_1" and sector is None:
            sector = value
    return country, sector, nothing


def load_cases(path: Path = NGEC_CASES) -> Iterator[ActorCase]:
    for case in json.loads(path.read_text(encoding="utf-8")):
        calls = case.get("calls") or []
        if len(calls) != 1 or calls[0].get("method") not in RESOLVING_METHODS:
            continue
        # an input that is not a dict is a commented-out case kept as text
        for inputs in [i for i in case.get("inputs") or [] if isinstance(i, dict)] or [{}]:
            try:
                call = ast.parse(f"f({calls[0]['args']})", mode="eval").body
                args = [_literal(a, inputs) for a in call.args]
                kwargs = {k.arg: _literal(k.value, inputs) for k in call.keywords}
            except (ValueError, SyntaxError):
                continue
            if not args or not isinstance(args[0], str):
                continue
            when = kwargs.get("query_date") or (args[2] if len(args) > 2 else None)
            try:
                on = date.fromisoformat(when) if when and when != "Today" else DEFAULT_DATE
            except ValueError:
                on = DEFAULT_DATE
            country, sector, nothing = _expected(case.get("asserts") or [], inputs)
            if country is None and sector is None and not nothing:
                continue
            yield ActorCase(name=case["test"], text=args[0], context=args[1] if len(args) > 1 else "",
                            on=on, country=country, sector=sector, expects_nothing=nothing)


def resolve_actor_text(resources, finder: ActorFinder, text: str, context: str = "",
                       on: date = DEFAULT_DATE) -> Optional[Actor]:
    """The actor a short string names: the mention at the string's head word ("body"
    in "the legislative body of Iran"), else the one covering most of it."""
    return _actor_in(finder, _parsed(resources, text), text, context, on)


def _parsed(resources, text: str):
    return next(iter(resources.nlp.pipe([masked_doc(resources.nlp, resources.actors, text)])))


def _actor_in(finder: ActorFinder, doc, text: str, context: str, on: date) -> Optional[Actor]:
    country = finder.country_of_word(context) if context else None
    found = finder.find(doc, text, on, country)
    head = next(iter(doc.sents)).root.idx if len(doc) else -1
    at_head = [a for a in found if a.evidence.start <= head < a.evidence.end]
    return max(at_head or found, key=lambda a: a.evidence.end - a.evidence.start, default=None)


def _country_code(resources, actor: Optional[Actor], on: date = DEFAULT_DATE) -> Optional[str]:
    """An actor's country in NGEC's terms: its ISO3, or for an international
    organisation of the lexicon, the family code POLECAT uses instead (UNO, EUR, IGO)."""
    if actor is None:
        return None
    entry = resources.actors.actors.get(actor.lexicon_id) if actor.lexicon_id else None
    return actor.country or (entry.bloc_on(on) if entry is not None else None)


def evaluate_actors(resources, path: Path = NGEC_CASES, limit: Optional[int] = None) -> dict[str, Any]:
    cases = list(load_cases(path))[:limit] if limit else list(load_cases(path))
    finder = resources.actor_finder()
    hits: Counter = Counter()
    totals: Counter = Counter()
    misses = []
    for case in cases:
        doc = _parsed(resources, case.text)
        actor = _actor_in(finder, doc, case.text, case.context, case.on)
        if case.expects_nothing:
            totals["nothing"] += 1
            hits["nothing"] += actor is None
            continue
        if case.country is not None:
            totals["country"] += 1
            # a phrase naming no actor ("a market in Kabul") is still about a country
            got = _country_code(resources, actor, case.on) if actor is not None else country_in_phrase(finder, doc)
            ok = (got or "") == case.country
            hits["country"] += ok
            if not ok:
                misses.append((case.text, case.country, got))
        if case.sector is not None:
            totals["sector"] += 1
            # an expected "" is no sector (a country as a whole), as for countries above
            hits["sector"] += ((actor.sector if actor is not None else None) or "") == case.sector
    metrics = {k: round(hits[k] / totals[k], 4) if totals[k] else None for k in ("country", "sector", "nothing")}
    return {"file": str(path), "cases": len(cases), "scored": dict(totals), "metrics": metrics,
            "country_misses": misses[:40]}


def format_actors_report(report: dict[str, Any]) -> str:
    lines = [f"NGEC actor cases: {report['file']}", f"{report['cases']} cases", ""]
    for name, value in report["metrics"].items():
        lines.append(f"  {name:<10} {'n/a' if value is None else f'{value:.3f}'}   (of {report['scored'].get(name, 0)})")
    lines += ["", "first country misses (text, expected, got):"]
    lines += [f"  {t!r}: {e or '-'} / {g or '-'}" for t, e, g in report["country_misses"][:20]]
    return "\n".join(lines)
