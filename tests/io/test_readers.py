from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.errors import UsageError
from sitrep.io.readers import ReadOptions, check_inputs, read_inputs, split_date_marker
from sitrep.model import Article, RecordError


def test_marker_is_stripped_and_offsets_index_the_rest():
    found, text = split_date_marker(" date 2017-01-23 IS seized Palmyra.")
    assert found == date(2017, 1, 23)
    assert text == "IS seized Palmyra."
    assert text[text.index("Palmyra"):][:7] == "Palmyra"


def test_no_marker_keeps_the_text():
    assert split_date_marker("Plain text.") == (None, "Plain text.")


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       body=st.text(min_size=1).filter(lambda s: s.strip() and not s.lstrip().lower().startswith("date")))
def test_marker_round_trip(day, body):
    found, text = split_date_marker(f"date {day.isoformat()}\n{body}")
    assert found == day
    assert text == body.lstrip()


def _read(tmp_path: Path, name: str, data: bytes, **kw):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_inputs([str(path)], ReadOptions(**kw)))


def test_bad_records_become_errors_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"date 2020-01-02\nGunmen killed two people.")
    (tmp_path / "b.txt").write_bytes(b"no date here")
    (tmp_path / "c.txt").write_bytes(b"date 2020-01-02\n\xff\xfe bad bytes")
    (tmp_path / "d.txt").write_bytes(b"date 2020-01-02\n   ")
    (tmp_path / "e.txt").write_bytes(b"date 2020-01-02\n" + b"x" * 500)
    records = list(read_inputs([str(tmp_path)], ReadOptions(max_chars=300)))
    assert [type(r).__name__ for r in records] == ["Article", "RecordError", "RecordError", "RecordError",
                                                  "RecordError"]
    messages = {r.doc_id: r.message for r in records if isinstance(r, RecordError)}
    assert "no publication date" in messages["b.txt"]
    assert "UTF-8" in messages["c.txt"]
    assert "empty" in messages["d.txt"]
    assert "limit" in messages["e.txt"]


def test_plain_text_takes_the_default_date(tmp_path):
    [record] = _read(tmp_path, "p.txt", b"Police arrested ten protesters.", default_date=date(2021, 3, 4))
    assert isinstance(record, Article) and record.pub_date == date(2021, 3, 4)


def test_jsonl_records_carry_their_fields(tmp_path):
    data = (b'{"id": "x1", "date": "2020-05-01", "text": "Rebels attacked a base.", "url": "http://u"}\n'
            b'{"id": "x2", "date": "May 1", "text": "bad date"}\n'
            b'not json\n')
    records = _read(tmp_path, "a.jsonl", data)
    assert isinstance(records[0], Article) and dict(records[0].meta) == {"url": "http://u"}
    assert isinstance(records[1], RecordError) and "bad date" in records[1].message
    assert isinstance(records[2], RecordError) and "invalid JSON" in records[2].message


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        check_inputs([str(tmp_path / "nope.txt")])
