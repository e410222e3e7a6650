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


# -- the ledger across articles (r0003; fields as in docs/records.md) --------------------------


def _article_id() -> sa.Column[str]:
    """The first primary-key column of a per-article ledger row."""
    return sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _span(prefix: str = "span") -> list[sa.Column[int]]:
    """``<prefix>_start`` and ``<prefix>_end`` character offsets into ``articles.text``."""
    return [sa.Column(f"{prefix}_start", sa.Integer), sa.Column(f"{prefix}_end", sa.Integer)]


# Normalised full names of actors outside the gazetteer, so the same name gets one id
# across articles (the first id stored under a name wins).
actor_names = sa.Table(
    "actor_names",
    metadata,
    sa.Column("name_key", sa.Text, primary_key=True),
    sa.Column(
        "actor_id",
        sa.Text,
        sa.ForeignKey("actors.id", ondelete="CASCADE", onupdate="CASCADE"),
        nullable=False,
        index=True,
    ),
)

figures = sa.Table(
    "figures",
    metadata,
    _article_id(),
    sa.Column("figure_id", sa.Text, primary_key=True),
    sa.Column("value", sa.Float),
    sa.Column("value_max", sa.Float),
    sa.Column("qualifier", sa.Text),
    sa.Column("unit", sa.Text),
    sa.Column("measure", sa.Text, index=True),
    sa.Column("subject", sa.Text),
    sa.Column("subject_key", sa.Text, nullable=False),  # " russian troops on ukraine s border "
    _actor_ref("source_id"),
    sa.Column("source_name", sa.Text),
    sa.Column("source_kind", sa.Text),
    sa.Column("date", sa.Text, index=True),  # ISO YYYY-MM-DD the figure is given for
    sa.Column("text", sa.Text),
    *_span(),
    sa.Column("revises", sa.Text),
    sa.Column("estimate", sa.Boolean),
    sa.Column("quote_id", sa.Text),
    sa.Column("published", sa.Text),  # the article's
)

# One row per deduplicated event: same type, actor and target within EVENT_WINDOW_DAYS.
event_clusters = sa.Table(
    "event_clusters",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # "<article_id>:<event_id>" of its first event
    sa.Column("type", sa.Text, nullable=False),
    # The actor and target as matched: the actor id, "~" + name words without one, or "".
    sa.Column("actor_key", sa.Text, nullable=False),
    sa.Column("target_key", sa.Text, nullable=False),
    _actor_ref("actor_id"),
    sa.Column("actor_name", sa.Text),
    _actor_ref("target_id"),
    sa.Column("target_name", sa.Text),
    sa.Column("words", sa.Text, nullable=False),  # " actor and target name words ", for --actor
    sa.Column("first_seen", sa.Text),  # earliest / latest event date
    sa.Column("last_seen", sa.Text),
    sa.Column("n_reports", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("statuses", sa.JSON, nullable=False),  # {"asserted": 2, "claimed": 1}
    sa.Column("sources", sa.JSON, nullable=False),  # [{"id", "name"}] who reported it
    sa.Column("outlets", sa.JSON, nullable=False),  # ["BBC", "LBC"]
    sa.Index("ix_event_clusters_lookup", "type", "actor_key", "target_key", "last_seen"),
)

events = sa.Table(
    "events",
    metadata,
    _article_id(),
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("type", sa.Text, index=True),
    sa.Column("mode", sa.Text),
    _actor_ref("actor_id"),
    sa.Column("actor_name", sa.Text),
    _actor_ref("target_id"),
    sa.Column("target_name", sa.Text),
    sa.Column("status", sa.Text),
    _actor_ref("reported_by_id"),
    sa.Column("reported_by_name", sa.Text),
    sa.Column("trigger", sa.Text),
    *_span("trigger"),
    sa.Column("text", sa.Text),
    *_span(),
    sa.Column("date", sa.Text),
    sa.Column("weight", sa.Float),
    sa.Column("quote_id", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column(
        "cluster_id",
        sa.Text,
        sa.ForeignKey("event_clusters.id", ondelete="SET NULL"),
        index=True,
    ),
)

# One row per proposition across articles; aggregates are recomputed as claims join.
claim_clusters = sa.Table(
    "claim_clusters",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # "<article_id>:<claim_id>" of its first claim
    sa.Column("label", sa.Text, nullable=False),  # the first claim's text
    sa.Column("polarity", sa.Text),  # the first claim's; opposite claims dispute it
    sa.Column("verification", sa.Text, nullable=False, index=True),
    sa.Column("first_seen", sa.Text),  # earliest / latest published date of its articles
    sa.Column("last_seen", sa.Text),
    sa.Column("n_claims", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("claimants", sa.JSON, nullable=False),  # [{"id", "name"}] asserting it
    sa.Column("supporters", sa.JSON, nullable=False),
    sa.Column("disputers", sa.JSON, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    _article_id(),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    *_span(),
    _actor_ref("claimant_id"),
    sa.Column("claimant_name", sa.Text),
    sa.Column("claimant_key", sa.Text, nullable=False),  # " russian ministry of defence "
    sa.Column("quote_id", sa.Text),
    sa.Column("hedges", sa.JSON, nullable=False),
    sa.Column("verification", sa.Text),  # per article (docs/records.md)
    sa.Column("polarity", sa.Text),
    sa.Column("topic", sa.JSON, nullable=False),
    sa.Column("words", sa.JSON, nullable=False),  # normalised words compared across articles
    sa.Column("entity_ids", sa.JSON, nullable=False),  # actors named inside the claim
    sa.Column("published", sa.Text),
    sa.Column(
        "cluster_id",
        sa.Text,
        sa.ForeignKey("claim_clusters.id", ondelete="SET NULL"),
        index=True,
    ),
)

claim_stances = sa.Table(
    "claim_stances",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    _actor_ref("by_id"),
    sa.Column("by_name", sa.Text),
    sa.Column("by_key", sa.Text, nullable=False),
    sa.Column("stance", sa.Text),
    sa.Column("quote_id", sa.Text),
    sa.Column("text", sa.Text),
    *_span(),
    sa.ForeignKeyConstraint(
        ["article_id", "claim_id"],
        ["claims.article_id", "claims.claim_id"],
        ondelete="CASCADE",
    ),
)

# Candidate lookup for claim clustering: one key per pair of a claim's words, so a new
# claim is compared only with stored claims sharing two words, never with all of them.
claim_keys = sa.Table(
    "claim_keys",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.ForeignKeyConstraint(
        ["article_id", "claim_id"],
        ["claims.article_id", "claims.claim_id"],
        ondelete="CASCADE",
    ),
    sa.Index("ix_claim_keys_claim", "article_id", "claim_id"),
)
