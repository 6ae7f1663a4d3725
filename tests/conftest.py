"""Shared fixtures. The coder (spaCy + gazetteer + lexicons) loads once per session.

Tests that need ``../shared`` (the seed report, evaldata) skip with a message when
it is absent, so the suite runs on a bare clone too.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_9cebd7433be18435.txt"
EVALDATA = SHARED / "evaldata"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def resources():
    from sitrep.coder import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def coder(resources):
    from sitrep.coder import Coder

    return Coder(resources)


@pytest.fixture(scope="session")
def code_text(coder):
    """Code one text (with a publication date) and return its contract JSON."""
    from sitrep.model import Article
    from sitrep.output import article_json

    def run(text: str, pub: str = "2020-05-10", doc_id: str = "t"):
        coded = coder.code_one(Article(doc_id=doc_id, pub_date=date.fromisoformat(pub), text=text))
        return article_json(coded)

    return run


@pytest.fixture(scope="session")
def parse(resources):
    """Parse a text the way the pipeline does (masking included)."""
    from sitrep.nlp.spacy_model import masked_doc

    def run(text: str):
        return list(resources.nlp.pipe([masked_doc(resources.nlp, resources.actors, text)]))[0]

    return run


@pytest.fixture(scope="session")
def seed_output(coder):
    if not SEED.exists():
        pytest.skip(f"seed report not found at {SEED} (../shared is absent)")
    from sitrep.io.readers import ReadOptions, read_inputs
    from sitrep.output import article_json

    return article_json(next(iter(coder.code(read_inputs([str(SEED)], ReadOptions())))))


def require_evaldata(*parts: str) -> Path:
    path = EVALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not found at {path} (../shared/evaldata is absent)")
    return path


@pytest.fixture(scope="session")
def postgres_database():
    """A factory of empty PostgreSQL databases (URLs) on a server the tests start on
    loopback from Debian's package; the tests that use it skip, saying why, without one."""
    from tests.postgres_server import start

    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'sitrep[postgres]')")
    server = start()
    if isinstance(server, str):
        pytest.skip(f"no PostgreSQL server for the tests: {server}")
    made = []

    def new_database() -> str:
        name = f"sitrep_test_{len(made)}"
        with psycopg.connect(server.url, autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return server.url.rsplit("/", 1)[0] + "/" + name

    yield new_database
    server.stop()
