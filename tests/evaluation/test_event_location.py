import json
import zipfile

from sitrep.evaluation.event_location import evaluate_event_locations, load_event_locations
from tests.conftest import require_evaldata


def _tokens(text):
    out, at = [], 0
    for n, word in enumerate(text.split()):
        start = text.index(word, at)
        out.append({"text": word, "start": start, "end": start + len(word), "id": n})
        at = start + len(word)
    return out


def _row(text, verb, places, source="RELABEL"):
    tokens = _tokens(text)
    index = {t["text"].strip(".,"): t["id"] for t in tokens}
    spans = [{"label": "VERB", "token_start": index[verb], "token_end": index[verb], "start": 0, "end": 0}]
    # the re-annotations' character offsets are wrong in the real file: only tokens count
    spans += [{"label": "LOCATION", "token_start": index[p], "token_end": index[p], "start": 5, "end": 5}
              for p in places]
    return {"text": text, "tokens": tokens, "spans": spans, "source": source, "_id": text[:10]}


def _archive(tmp_path, rows):
    path = tmp_path / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps(rows))
    return path


def test_spans_come_from_tokens(tmp_path):
    path = _archive(tmp_path, [_row("Gunmen killed two farmers in Kaduna.", "killed", ["Kaduna"])])
    [record] = load_event_locations(path)
    assert record.text[record.verb[0]:record.verb[1]] == "killed"
    assert [record.text[a:b] for a, b in record.places] == ["Kaduna."]     # the file's own tokens
    assert record.gold


def test_predicted_places_are_scored_against_the_event_place(tmp_path, resources):
    rows = [
        _row("Gunmen killed two farmers in Kaduna on Monday.", "killed", ["Kaduna"]),
        _row("Gunmen shot a driver on Monday.", "shot", [], source="AP"),      # no place said
        _row("Police arrested ten protesters in Lagos on Monday.", "arrested", ["Lagos"], source="AP"),
    ]
    report = evaluate_event_locations(resources, _archive(tmp_path, rows))
    gold, everything = report["subsets"]["gold"], report["subsets"]["all"]
    assert gold["records"] == 1 and gold["precision"] == gold["recall"] == 1.0
    assert everything["records"] == 3 and everything["recall"] == 1.0
    assert everything["none_right"] == 1.0


def test_the_real_file_loads_and_scores(resources):
    require_evaldata("event_location", "labeled_text.jsonl.zip")
    records = list(load_event_locations())
    assert len(records) > 10_000 and sum(r.gold for r in records) > 400
    report = evaluate_event_locations(resources, limit=50)
    assert report["subsets"]["all"]["records"] == 50
