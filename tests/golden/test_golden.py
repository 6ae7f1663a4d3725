"""Golden files: end-to-end outputs that must only change on purpose.

Regenerate after an intended change with ``SITREP_UPDATE_GOLDEN=1 pytest tests/golden``
and review the diff like code. The seed's golden file keeps a projection of the
output without the report's sentences and quotes (the seed text stays in ../shared).
"""
import json
import os
from pathlib import Path

import pytest

from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.output import article_json
from tests.conftest import EXAMPLES

HERE = Path(__file__).parent
UPDATE = os.environ.get("SITREP_UPDATE_GOLDEN") == "1"


def _check(name: str, data) -> None:
    path = HERE / name
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden file {name} missing; run with SITREP_UPDATE_GOLDEN=1 to create it")
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_examples(coder, example):
    [coded] = coder.code(read_inputs([str(EXAMPLES / example)], ReadOptions()))
    _check(f"{Path(example).stem}.json", article_json(coded))


def _projection(out):
    def event(e):
        return {
            "type": [e["event_type"], e["mode"], e["acled_event_type"], e["acled_sub_event_type"], e["cameo_root"]],
            "status": e["status"], "trigger": e["trigger"],
            "actors": [[a["role"], a["name"], a["country"], a["sector"], a["acled_inter"]] for a in e["actors"]],
            "location": [e["location"]["name"], e["location"]["geonameid"], e["location"]["precision"]]
            if e["location"] else None,
            "date": [e["date"]["start"], e["date"]["end"], e["date"]["precision"], e["date"]["method"]],
            "fatalities": e["fatalities"],
        }
    return {
        "events": [event(e) for e in out["events"]],
        "places": [[p["name"], p["geonameid"], p["precision"]] for p in out["places"]],
        "quotes": [[q["speaker"], q["anonymous"], q["affiliation"]] for q in out["quotes"]],
        "relations": [[r["backer"], r["kind"], r["backed"]] for r in out["relations"]],
    }


def test_seed(seed_output):
    _check("seed_000.projection.json", _projection(seed_output))
