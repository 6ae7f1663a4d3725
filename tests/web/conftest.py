"""A store built from the examples (and the seed report when ../shared is there), shared by the web tests."""
import pytest

from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.store.ingest import ingest
from sitrep.store.database import Store
from tests.conftest import EXAMPLES, SEED


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("web") / "sitrep.db"
    inputs = [str(EXAMPLES)] + ([str(SEED)] if SEED.exists() else [])
    with Store(db) as store:
        ingest(store, coder, read_inputs(inputs, ReadOptions()))
    return db


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    with TestClient(create_app(web_db)) as c:
        yield c
