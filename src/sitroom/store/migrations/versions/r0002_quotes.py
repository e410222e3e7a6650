"""Who said what: actors, the entities of each article, and its quotes.

Only new tables: ``articles`` is left alone, so SQLite batch mode never copies it
(which would drop the FTS5 triggers on it).

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"],
        ["articles.id"],
        name=f"fk_{table}_article_id_articles",
        ondelete="CASCADE",
    )


def _actor_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        ["actors.id"],
        name=f"fk_{table}_{column}_actors",
        ondelete="SET NULL",
        onupdate="CASCADE",
    )


def upgrade() -> None:
    """Create actors, article_entities and quotes."""
    op.create_table(
        "actors",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("first_seen", sa.Text),
        sa.Column("last_seen", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_index("ix_actors_kind", "actors", ["kind"])

    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Text),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.Column("mention_count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_article_entities"),
        _article_fk("article_entities"),
        _actor_fk("article_entities", "actor_id"),
    )
    op.create_index("ix_article_entities_actor_id", "article_entities", ["actor_id"])

    op.create_table(
        "quotes",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("quote_id", sa.Text, nullable=False),
        sa.Column("type", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("speaker_id", sa.Text),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_key", sa.Text, nullable=False),
        sa.Column("mention", sa.Text),
        sa.Column("mention_start", sa.Integer),
        sa.Column("mention_end", sa.Integer),
        sa.Column("resolved_by", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("published", sa.Text),
        sa.PrimaryKeyConstraint("article_id", "quote_id", name="pk_quotes"),
        _article_fk("quotes"),
        _actor_fk("quotes", "speaker_id"),
    )
    op.create_index("ix_quotes_speaker_id", "quotes", ["speaker_id"])
    op.create_index("ix_quotes_published", "quotes", ["published"])


def downgrade() -> None:
    """Drop the tables this revision created."""
    op.drop_table("quotes")
    op.drop_table("article_entities")
    op.drop_table("actors")
