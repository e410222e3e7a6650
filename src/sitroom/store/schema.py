"""Table definitions of the store, as the latest migration leaves them.

The migrations in ``migrations/versions`` create these tables; this module is what the
repository queries. Full-text search lives outside it because it differs by dialect:
SQLite has the FTS5 table ``articles_fts`` (external content over ``articles``, rowid =
``articles.seq``), PostgreSQL a generated ``tsvector`` column ``articles.search``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

#: Constraint names that later migrations (and SQLite batch mode) can rely on.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Where Alembic records the schema revision (named so a shared PostgreSQL database is safe).
VERSION_TABLE = "sitroom_schema_version"

#: FTS5 table over articles.title and articles.text (SQLite only).
FTS_TABLE = "articles_fts"
#: Generated tsvector column of articles (PostgreSQL only).
TSVECTOR_COLUMN = "search"
#: Text search configuration of the tsvector column and of queries (PostgreSQL only).
TS_CONFIG = "english"

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class Timestamp(sa.TypeDecorator[datetime]):
    """A UTC timestamp that reads back timezone-aware on both databases."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Store in UTC (a naive value is taken as UTC)."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Read back aware (SQLite returns naive UTC)."""
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # AnalyzedArticle.id
    # Ingestion order, and the FTS5 rowid on SQLite (the repository numbers it there).
    sa.Column(
        "seq",
        sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
        sa.Identity(),
        nullable=False,
        unique=True,
    ),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),  # ISO 8601 as extracted
    sa.Column("updated", sa.Text),
    sa.Column("bylines", sa.JSON, nullable=False),
    sa.Column("language", sa.Text),
    sa.Column("description", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("removed", sa.JSON, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("format", sa.Text, nullable=False),
    sa.Column("via", sa.Text, nullable=False),
    sa.Column("cluster_id", sa.Text, nullable=False, index=True),
    sa.Column("minhash", sa.LargeBinary),  # MinHash signature, uint64 little-endian
    sa.Column("record", sa.JSON, nullable=False),  # AnalyzedArticle.to_dict()
    sa.Column("ingested_at", Timestamp(), nullable=False),
)

article_sources = sa.Table(
    "article_sources",
    metadata,
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("origin", sa.Text, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("raw_sha256", sa.Text, nullable=False),
    sa.Column("seen_at", Timestamp(), nullable=False),
)

raw_inputs = sa.Table(
    "raw_inputs",
    metadata,
    sa.Column("raw_sha256", sa.Text, primary_key=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.Column("status", sa.Text, nullable=False),  # new, duplicate or near-duplicate
    sa.Column("seen_at", Timestamp(), nullable=False),
)

# The primary key (band_key, article_id) is the index for band-key lookups.
minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band_key", sa.Text, primary_key=True),
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


def _actor_ref(column: str) -> sa.Column[str]:
    """A nullable, indexed reference to an actor."""
    return sa.Column(
        column,
        sa.Text,
        sa.ForeignKey("actors.id", ondelete="SET NULL", onupdate="CASCADE"),
        index=True,
    )


# One row per actor id across articles; name, kind and role as of the latest article.
actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, index=True),
    sa.Column("role", sa.Text),
    sa.Column("first_seen", sa.Text),  # earliest / latest published date of its articles
    sa.Column("last_seen", sa.Text),
)

# The entities of one article, in its order (``position`` is the index in the record).
article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    _actor_ref("actor_id"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("mentions", sa.JSON, nullable=False),  # [[start, end], ...]
    sa.Column("mention_count", sa.Integer, nullable=False),
)

# One row per quote of an article (``quote_id`` is the record's "q1", "q2", ...).
quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("quote_id", sa.Text, primary_key=True),
    sa.Column("type", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    _actor_ref("speaker_id"),
    sa.Column("speaker_name", sa.Text),
    # The speaker's name as lower-case words between spaces (" joe biden "), for matching.
    sa.Column("speaker_key", sa.Text, nullable=False),
    sa.Column("mention", sa.Text),
    sa.Column("mention_start", sa.Integer),
    sa.Column("mention_end", sa.Integer),
    sa.Column("resolved_by", sa.Text),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("published", sa.Text, index=True),  # the article's, for ordering
)
