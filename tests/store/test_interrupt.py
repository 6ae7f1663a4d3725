"""An ingest killed with SIGKILL leaves a sound store, and a re-run completes it."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.io.readers import ReadOptions, read_inputs, split_date_marker
from sitrep.store.ingest import ingest
from sitrep.store.database import Store
from tests.conftest import EXAMPLES

SITREP = [sys.executable, "-c", "import sys; from sitrep.cli import main; sys.exit(main())"]


def _corpus(folder: Path, copies: int) -> Path:
    """The examples again and again, each copy a fortnight later (so copies are distinct events)."""
    folder.mkdir()
    texts = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        pub, body = split_date_marker(path.read_text(encoding="utf-8"))
        texts.append((path.stem, pub, body))
    for i in range(copies):
        for stem, pub, body in texts:
            day = pub + timedelta(days=14 * i)
            (folder / f"{i:04d}_{stem}.txt").write_text(f"date {day.isoformat()}\n{body}", encoding="utf-8")
    return folder


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _per_article(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT a.doc_id, count(e.event_id) FROM articles a "
                                "LEFT JOIN events e USING (doc_id) GROUP BY a.doc_id"))


def test_kill_9_mid_ingest_then_rerun(tmp_path, coder):
    corpus = _corpus(tmp_path / "corpus", copies=100)
    clean_db = tmp_path / "clean.db"
    with Store(clean_db) as store:
        ingest(store, coder, read_inputs([str(corpus)], ReadOptions()))
        clean_counts = store.counts()
    clean = _per_article(clean_db)

    db = tmp_path / "killed.db"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen(SITREP + ["ingest", "--db", str(db), str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _articles(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = _per_article(db)
    assert 40 <= len(partial) < len(clean)
    # every stored article is whole: it has all the events a clean run gives it
    assert all(partial[doc] == clean[doc] for doc in partial)

    rerun = subprocess.run(SITREP + ["ingest", "--db", str(db), str(corpus)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial)} unchanged" in rerun.stderr
    with Store(db) as store:
        assert store.counts() == clean_counts
        assert store.integrity() == "ok"
    assert _per_article(db) == clean
