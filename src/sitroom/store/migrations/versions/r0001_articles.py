"""Articles, their sources, processed inputs, MinHash bands and full-text search.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Characters of body text that go into the tsvector (keeps it far below PostgreSQL's 1 MB).
TSVECTOR_TEXT_CHARS = 200_000

_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='seq',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
]

_POSTGRES_FTS = [
    f"""ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, {TSVECTOR_TEXT_CHARS})), 'B')
    ) STORED""",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
]


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the tables, then the dialect's full-text search."""
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(),
            nullable=False,
        ),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
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
        sa.Column("cluster_id", sa.Text, nullable=False),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("ingested_at", _timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("seq", name="uq_articles_seq"),
    )
    op.create_index("ix_articles_cluster_id", "articles", ["cluster_id"])

    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("raw_sha256", sa.Text, nullable=False),
        sa.Column("seen_at", _timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "origin", name="pk_article_sources"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_sources_article_id_articles",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "raw_inputs",
        sa.Column("raw_sha256", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("seen_at", _timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("raw_sha256", name="pk_raw_inputs"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_raw_inputs_article_id_articles",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_raw_inputs_article_id", "raw_inputs", ["article_id"])

    op.create_table(
        "minhash_bands",
        sa.Column("band_key", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("band_key", "article_id", name="pk_minhash_bands"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_minhash_bands_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_minhash_bands_article_id", "minhash_bands", ["article_id"])

    statements = _SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else _POSTGRES_FTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    """Drop everything this revision created."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("minhash_bands")
    op.drop_table("raw_inputs")
    op.drop_table("article_sources")
    op.drop_table("articles")
