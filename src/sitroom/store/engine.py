"""Engines for the store: URL normalisation, SQLite pragmas, transactions and retries."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long a SQLite writer waits for the lock before "database is locked" (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: How often a transaction that lost a race (lock timeout, serialization failure) is retried.
MAX_ATTEMPTS = 5

_PG_RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
_SQLITE_RETRY_MESSAGES = ("database is locked", "database is busy", "database table is locked")


def normalise_url(url: str) -> str:
    """Return the SQLAlchemy URL for a user's database URL or SQLite file path.

    Args:
        url: ``sqlite:///...``, ``postgresql://...``, ``postgres://...``,
            ``postgresql+psycopg://...``, or a plain file path (taken as SQLite).

    Returns:
        The URL with PostgreSQL pointed at the psycopg 3 driver.
    """
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def create_engine(url: str) -> Engine:
    """Create an engine for a normalised URL, with the store's connection settings.

    Args:
        url: A URL from :func:`normalise_url`.

    Returns:
        An engine; for SQLite the parent folder exists, and every connection runs in
        WAL mode with a busy timeout, foreign keys on and SQLAlchemy-controlled BEGIN.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return sa.create_engine(parsed, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    path = sqlite_path(url)
    if path is None:
        engine = sa.create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    wal = path is not None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy emit BEGIN (see _on_begin) so DDL is transactional and writers
        # can take the write lock up front with BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sitroom_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def is_retryable(exc: BaseException) -> bool:
    """Whether a database error is a lost race worth retrying (lock timeout, deadlock)."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_RETRY_SQLSTATES:
        return True
    message = str(orig).lower()
    return any(m in message for m in _SQLITE_RETRY_MESSAGES)


def lock_key(name: str) -> int:
    """A signed 64-bit PostgreSQL advisory-lock key for a name (a band key, a claim key...)."""
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def advisory_locks(conn: Connection, names: Iterable[str]) -> None:
    """Hold transaction-scoped advisory locks on ``names`` (PostgreSQL; SQLite needs none).

    Keys are taken in sorted order in one statement, so two writers that lock overlapping
    sets in the same phase cannot deadlock. SQLite writers are serialised already by
    ``BEGIN IMMEDIATE``.
    """
    if conn.dialect.name != "postgresql":
        return
    keys = sorted({lock_key(n) for n in names})
    if keys:
        conn.execute(
            sa.text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) k"),
            {"keys": keys},
        )


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """Open a connection in a write transaction (SQLite: BEGIN IMMEDIATE), committed on exit."""
    with engine.connect() as conn:
        conn.execution_options(sitroom_write=True)
        with conn.begin():
            yield conn


def run_with_retry(engine: Engine, work: Callable[[Connection], T], what: str) -> T:
    """Run ``work`` in one write transaction, retrying lost races a few times.

    Args:
        engine: The store's engine.
        work: Does the work on the connection; the transaction commits when it returns.
        what: What is being done, for the log.

    Returns:
        What ``work`` returned.
    """
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with write_transaction(engine) as conn:
                return work(conn)
        except DBAPIError as exc:
            if attempt == MAX_ATTEMPTS or not is_retryable(exc):
                raise
            delay = 0.05 * 2**attempt
            log.warning("%s: %s; retry %d in %.2f s", what, exc.orig, attempt, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover
