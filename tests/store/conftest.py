"""The store's fixtures: a new database on SQLite and on a real PostgreSQL server
(PEACEWATCH_TEST_PG, which .ci/run sets after starting one; outside CI the PostgreSQL runs are
skipped when it is unset)."""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from peacewatch.store import Store

PG_URL = os.environ.get("PEACEWATCH_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("PEACEWATCH_TEST_PG is not set in CI: .ci/run must start PostgreSQL")
        pytest.skip("PEACEWATCH_TEST_PG is not set")
    name = f"pw_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_URL.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened
