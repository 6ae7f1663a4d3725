"""CSV with chosen columns and HTML pages as inputs."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.io.formats import CsvColumns
from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.model import Article, RecordError

PAGE = """<!DOCTYPE html><html><head>
<title>Shelling kills five in Donetsk | Example News</title>
<meta property="og:title" content="Shelling kills five in Donetsk">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example/donetsk-shelling">
<meta property="article:published_time" content="2022-08-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Shelling kills five in Donetsk</h1>
<p>Artillery shelling killed five civilians in the centre of Donetsk on Thursday, the city's mayor said.</p>
<p>Russian-backed separatists blamed Ukrainian forces for the attack, which hit a bus stop near the main market.
Ukrainian officials did not comment on the accusation on Friday.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer>
</body></html>"""


def test_csv_with_chosen_columns(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text("story_id,published,body,title,url\n"
                    'a1,2021-03-02,"Rebels attacked Goma on Monday, killing three.",Goma attack,https://x.example/a1\n'
                    'a2,3 March 2021,"Police arrested ten protesters in Kinshasa.",Arrests,\n'
                    "a3,not a date,Text.,,\n", encoding="utf-8")
    options = ReadOptions(csv_columns=CsvColumns(text="body", date="published", id="story_id"))
    a1, a2, a3 = read_inputs([str(path)], options)
    assert isinstance(a1, Article) and a1.doc_id == "a1" and a1.pub_date == date(2021, 3, 2)
    assert dict(a1.meta) == {"title": "Goma attack", "url": "https://x.example/a1"}
    assert a2.pub_date == date(2021, 3, 3) and a2.text.startswith("Police")
    assert isinstance(a3, RecordError) and "bad date" in a3.message


def test_csv_without_the_text_column_is_one_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    [record] = read_inputs([str(path)], ReadOptions())
    assert isinstance(record, RecordError) and "--text-column" in record.message


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1)
                               .filter(lambda t: t.strip() and not t.lstrip().lower().startswith("date")), st.dates(min_value=date(1990, 1, 1))), min_size=1, max_size=5))
def test_csv_round_trip(tmp_path_factory, rows):
    import csv

    path = tmp_path_factory.mktemp("csv") / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "date", "text"])
        for i, (text, day) in enumerate(rows):
            writer.writerow([f"r{i}", day.isoformat(), text])
    records = list(read_inputs([str(path)], ReadOptions(max_chars=10_000)))
    assert [r.doc_id for r in records] == [f"r{i}" for i in range(len(rows))]
    for record, (text, day) in zip(records, rows):
        assert isinstance(record, Article) and record.pub_date == day
        assert record.text == text.lstrip("\ufeff")


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_inputs([str(path)], ReadOptions())
    assert isinstance(article, Article)
    assert article.pub_date == date(2022, 8, 5)            # from the page, no --date needed
    assert "Artillery shelling killed five civilians" in article.text
    assert "Subscribe" not in article.text and "Sport" not in article.text
    meta = dict(article.meta)
    assert meta["title"] == "Shelling kills five in Donetsk" and meta["source"] == "Example News"


def test_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    [record] = read_inputs([str(path)], ReadOptions(default_date=date(2022, 1, 1)))
    assert isinstance(record, RecordError) and "no main text" in record.message
