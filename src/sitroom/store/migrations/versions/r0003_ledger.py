"""The ledger across articles: figures, events and their clusters, claims, stances and theirs.

Only new tables, as in r0002: ``articles`` is left alone. Articles stored before this
revision keep no ledger rows (their figures, events and claims were empty then).

Revision ID: 0003
Revises: 0002
Create Date: 2025-03-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"],
        ["articles.id"],
        name=f"fk_{table}_article_id_articles",
        ondelete="CASCADE",
    )


def _claim_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id", "claim_id"],
        ["claims.article_id", "claims.claim_id"],
        name=f"fk_{table}_article_id_claims",
        ondelete="CASCADE",
    )


def _actor(table: str, column: str) -> tuple[sa.Column[str], sa.ForeignKeyConstraint]:
    """A nullable actor reference column and its foreign key (indexed by the caller)."""
    return sa.Column(column, sa.Text), sa.ForeignKeyConstraint(
        [column],
        ["actors.id"],
        name=f"fk_{table}_{column}_actors",
        ondelete="SET NULL",
        onupdate="CASCADE",
    )


def _cluster_fk(table: str, clusters: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["cluster_id"],
        [f"{clusters}.id"],
        name=f"fk_{table}_cluster_id_{clusters}",
        ondelete="SET NULL",
    )


def _span(prefix: str = "span") -> list[sa.Column[int]]:
    return [sa.Column(f"{prefix}_start", sa.Integer), sa.Column(f"{prefix}_end", sa.Integer)]


def _index(table: str, *columns: str) -> None:
    op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns))


def upgrade() -> None:
    """Create the ledger tables."""
    op.create_table(
        "actor_names",
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("actor_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name_key", name="pk_actor_names"),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name="fk_actor_names_actor_id_actors",
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
    )
    _index("actor_names", "actor_id")
    _figures()
    _events()
    _claims()


def _figures() -> None:
    source, source_fk = _actor("figures", "source_id")
    op.create_table(
        "figures",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("figure_id", sa.Text, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("value_max", sa.Float),
        sa.Column("qualifier", sa.Text),
        sa.Column("unit", sa.Text),
        sa.Column("measure", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("subject_key", sa.Text, nullable=False),
        source,
        sa.Column("source_name", sa.Text),
        sa.Column("source_kind", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("text", sa.Text),
        *_span(),
        sa.Column("revises", sa.Text),
        sa.Column("estimate", sa.Boolean),
        sa.Column("quote_id", sa.Text),
        sa.Column("published", sa.Text),
        sa.PrimaryKeyConstraint("article_id", "figure_id", name="pk_figures"),
        _article_fk("figures"),
        source_fk,
    )
    for column in ("measure", "source_id", "date"):
        _index("figures", column)


def _events() -> None:
    actor, actor_fk = _actor("event_clusters", "actor_id")
    target, target_fk = _actor("event_clusters", "target_id")
    op.create_table(
        "event_clusters",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("actor_key", sa.Text, nullable=False),
        sa.Column("target_key", sa.Text, nullable=False),
        actor,
        sa.Column("actor_name", sa.Text),
        target,
        sa.Column("target_name", sa.Text),
        sa.Column("words", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Text),
        sa.Column("last_seen", sa.Text),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("statuses", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_clusters"),
        actor_fk,
        target_fk,
    )
    _index("event_clusters", "actor_id")
    _index("event_clusters", "target_id")
    op.create_index(
        "ix_event_clusters_lookup",
        "event_clusters",
        ["type", "actor_key", "target_key", "last_seen"],
    )

    actor, actor_fk = _actor("events", "actor_id")
    target, target_fk = _actor("events", "target_id")
    reporter, reporter_fk = _actor("events", "reported_by_id")
    op.create_table(
        "events",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("type", sa.Text),
        sa.Column("mode", sa.Text),
        actor,
        sa.Column("actor_name", sa.Text),
        target,
        sa.Column("target_name", sa.Text),
        sa.Column("status", sa.Text),
        reporter,
        sa.Column("reported_by_name", sa.Text),
        sa.Column("trigger", sa.Text),
        *_span("trigger"),
        sa.Column("text", sa.Text),
        *_span(),
        sa.Column("date", sa.Text),
        sa.Column("weight", sa.Float),
        sa.Column("quote_id", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("cluster_id", sa.Text),
        sa.PrimaryKeyConstraint("article_id", "event_id", name="pk_events"),
        _article_fk("events"),
        actor_fk,
        target_fk,
        reporter_fk,
        _cluster_fk("events", "event_clusters"),
    )
    for column in ("type", "actor_id", "target_id", "reported_by_id", "cluster_id"):
        _index("events", column)


def _claims() -> None:
    op.create_table(
        "claim_clusters",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("polarity", sa.Text),
        sa.Column("verification", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Text),
        sa.Column("last_seen", sa.Text),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("claimants", sa.JSON, nullable=False),
        sa.Column("supporters", sa.JSON, nullable=False),
        sa.Column("disputers", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claim_clusters"),
    )
    _index("claim_clusters", "verification")

    claimant, claimant_fk = _actor("claims", "claimant_id")
    op.create_table(
        "claims",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *_span(),
        claimant,
        sa.Column("claimant_name", sa.Text),
        sa.Column("claimant_key", sa.Text, nullable=False),
        sa.Column("quote_id", sa.Text),
        sa.Column("hedges", sa.JSON, nullable=False),
        sa.Column("verification", sa.Text),
        sa.Column("polarity", sa.Text),
        sa.Column("topic", sa.JSON, nullable=False),
        sa.Column("words", sa.JSON, nullable=False),
        sa.Column("entity_ids", sa.JSON, nullable=False),
        sa.Column("published", sa.Text),
        sa.Column("cluster_id", sa.Text),
        sa.PrimaryKeyConstraint("article_id", "claim_id", name="pk_claims"),
        _article_fk("claims"),
        claimant_fk,
        _cluster_fk("claims", "claim_clusters"),
    )
    _index("claims", "claimant_id")
    _index("claims", "cluster_id")

    by, by_fk = _actor("claim_stances", "by_id")
    op.create_table(
        "claim_stances",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        by,
        sa.Column("by_name", sa.Text),
        sa.Column("by_key", sa.Text, nullable=False),
        sa.Column("stance", sa.Text),
        sa.Column("quote_id", sa.Text),
        sa.Column("text", sa.Text),
        *_span(),
        sa.PrimaryKeyConstraint("article_id", "claim_id", "position", name="pk_claim_stances"),
        _claim_fk("claim_stances"),
        by_fk,
    )
    _index("claim_stances", "by_id")

    op.create_table(
        "claim_keys",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id", "claim_id", name="pk_claim_keys"),
        _claim_fk("claim_keys"),
    )
    op.create_index("ix_claim_keys_claim", "claim_keys", ["article_id", "claim_id"])


def downgrade() -> None:
    """Drop the tables this revision created."""
    for table in (
        "claim_keys",
        "claim_stances",
        "claims",
        "claim_clusters",
        "events",
        "event_clusters",
        "figures",
        "actor_names",
    ):
        op.drop_table(table)
