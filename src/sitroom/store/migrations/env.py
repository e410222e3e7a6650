"""Alembic environment: migrate the connection the store hands over, or a URL from the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from sitroom.store.engine import create_engine, normalise_url
from sitroom.store.schema import VERSION_TABLE, metadata


def _configure_and_run(connection: Connection) -> None:
    """Run the pending migrations on one connection."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Write the migration SQL for the configured URL instead of running it."""
    context.configure(
        url=normalise_url(context.config.get_main_option("sqlalchemy.url") or ""),
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate the store's connection (Store passes it in ``config.attributes``), else the URL."""
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _configure_and_run(connection)
        return
    url = normalise_url(context.config.get_main_option("sqlalchemy.url") or "")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _configure_and_run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
