"""Schema migrations: the packaged Alembic scripts, run on open under a lock."""

from __future__ import annotations

import functools
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from sitroom.errors import StoreError
from sitroom.store.schema import VERSION_TABLE

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: pg_advisory_xact_lock(class, object) key held while migrating (two-int key space).
_MIGRATION_LOCK = (0x5175, 1)


def alembic_config() -> Config:
    """An Alembic config for the packaged migrations, built in code (no alembic.ini).

    Returns:
        The config; set ``attributes["connection"]`` or the ``sqlalchemy.url`` option
        before running a command with it.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


@functools.cache
def head_revision() -> str | None:
    """The newest revision of the packaged migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is at the newest revision already (no lock needed then).

    Args:
        engine: The store's engine.

    Returns:
        True when the version table names the head revision.
    """
    try:
        with engine.connect() as conn:
            revision = conn.scalar(
                sa.select(sa.column("version_num")).select_from(sa.table(VERSION_TABLE))
            )
    except SQLAlchemyError:
        return False
    return revision is not None and revision == head_revision()


def upgrade(conn: Connection) -> None:
    """Upgrade the schema to the newest revision inside the caller's transaction.

    Args:
        conn: A connection in a write transaction; PostgreSQL takes an advisory lock on it.

    Raises:
        StoreError: The database is at a revision this sitroom does not know.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(
            sa.text("SELECT pg_advisory_xact_lock(:a, :b)"),
            {"a": _MIGRATION_LOCK[0], "b": _MIGRATION_LOCK[1]},
        )
    config = alembic_config()
    config.attributes["connection"] = conn
    try:
        command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(f"cannot migrate the store (written by a newer sitroom?): {exc}") from exc
