"""Shared fixtures: ``db_url`` runs a test on SQLite and on PostgreSQL; ``seed_path`` and
``seed_record`` give the founding example (read from the shared data folder, never copied)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

PG_URL_ENV = "SITROOM_TEST_PG_URL"
SEED_NAME = "lbc-2022-02-15-we-will-rally-the-world.txt"


def data_dir() -> Path:
    """``$SITROOM_DATA``, or ``../shared/data`` beside the repository."""
    env = os.environ.get("SITROOM_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The founding example; missing, it fails in CI (CI=true) and skips elsewhere."""
    path = data_dir() / "seed" / SEED_NAME
    if not path.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the founding example is missing at {path}; CI must provide "
                        "../shared/data or set SITROOM_DATA", pytrace=False)
        pytest.skip(f"founding example not found at {path} (set SITROOM_DATA to the shared "
                    "data folder to run this test)")
    return path


@pytest.fixture(scope="session")
def seed_record(seed_path: Path) -> dict[str, Any]:
    """The founding example through the whole per-article pipeline, as JSON, once per run."""
    from sitroom.models import RawDocument
    from sitroom.pipeline import analyze_document

    doc = RawDocument(origin=str(seed_path), data=seed_path.read_bytes(), format="text",
                      via="file", path=str(seed_path))
    return analyze_document(doc).to_dict()


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[sa.Engine]:
    """An autocommit engine on the PostgreSQL test server, for creating databases.

    Skips when SITROOM_TEST_PG_URL is unset, except in CI (CI=true), where it fails.
    """
    url = os.environ.get(PG_URL_ENV)
    if not url:
        reason = f'{PG_URL_ENV} is not set; run `eval "$(sudo .ci/postgres.sh)"` first'
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI must run the PostgreSQL tests)", pytrace=False)
        pytest.skip(reason)
    from sitroom.store import normalise_url

    engine = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: an SQLite file, or a fresh PostgreSQL database per test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    admin: sa.Engine = request.getfixturevalue("pg_admin")
    name = f"sitroom_t_{uuid.uuid4().hex[:16]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, name)


#: Tries at dropping a test database: an autovacuum worker that has just connected to
#: it cannot be terminated by the test role, and goes away on its own within moments.
DROP_TRIES = 20
DROP_PAUSE_S = 0.25


def _drop_database(admin: sa.Engine, name: str) -> None:
    for attempt in range(DROP_TRIES):
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except sa.exc.DBAPIError:
            if attempt == DROP_TRIES - 1:
                raise
            time.sleep(DROP_PAUSE_S)
