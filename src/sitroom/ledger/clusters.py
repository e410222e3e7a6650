"""Reading claim clusters back: the propositions, who asserts and disputes them, where."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.ledger._fields import Ref, loads, span
from sitroom.ledger.keys import name_key
from sitroom.store.schema import articles, claim_clusters, claim_stances, claims


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """One claim of a cluster, with the article it came from."""

    article_id: str
    claim_id: str
    text: str
    span: tuple[int, int] | None
    claimant: Ref
    polarity: str | None
    verification: str | None
    published: str | None
    outlet: str | None

    def to_dict(self) -> dict[str, Any]:
        """The member as a JSON-ready dict."""
        return {
            "article_id": self.article_id,
            "id": self.claim_id,
            "text": self.text,
            "span": list(self.span) if self.span else None,
            "claimant": self.claimant.to_dict(),
            "polarity": self.polarity,
            "verification": self.verification,
            "published": self.published,
            "outlet": self.outlet,
        }


@dataclass(frozen=True, slots=True)
class ClaimClusterRow:
    """One proposition across articles, with its verification and sources."""

    id: str
    label: str
    polarity: str | None
    verification: str
    first_seen: str | None
    last_seen: str | None
    n_claims: int
    n_articles: int
    claimants: list[dict[str, str | None]]
    supporters: list[dict[str, str | None]]
    disputers: list[dict[str, str | None]]
    claims: list[ClaimMember] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The cluster as a JSON-ready dict, its claims included."""
        return {
            "id": self.id,
            "label": self.label,
            "polarity": self.polarity,
            "verification": self.verification,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "n_claims": self.n_claims,
            "n_articles": self.n_articles,
            "claimants": self.claimants,
            "supporters": self.supporters,
            "disputers": self.disputers,
            "claims": [m.to_dict() for m in self.claims],
        }


def select_clusters(
    conn: Connection, *, disputed: bool, actor: str | None, limit: int
) -> list[ClaimClusterRow]:
    """Claim clusters, latest seen first, each with its claims.

    Args:
        conn: A connection to the store.
        disputed: Only clusters whose verification is ``disputed``.
        actor: Only clusters this actor claims, supports or disputes (id or name words).
        limit: The most clusters to return.

    Returns:
        The clusters with their claims, oldest claim first.
    """
    if limit <= 0:
        return []
    cc = claim_clusters.c
    stmt = sa.select(claim_clusters)
    if disputed:
        stmt = stmt.where(cc.verification == "disputed")
    if actor is not None:
        stmt = stmt.where(actor_condition(actor))
    stmt = stmt.order_by(cc.last_seen.desc().nulls_last(), cc.n_articles.desc(), cc.id)
    rows = conn.execute(stmt.limit(limit)).all()
    members = _members(conn, [r.id for r in rows])
    return [
        ClaimClusterRow(
            id=r.id,
            label=r.label,
            polarity=r.polarity,
            verification=r.verification,
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            n_claims=r.n_claims,
            n_articles=r.n_articles,
            claimants=list(loads(r.claimants)),
            supporters=list(loads(r.supporters)),
            disputers=list(loads(r.disputers)),
            claims=members.get(r.id, []),
        )
        for r in rows
    ]


def _members(conn: Connection, cluster_ids: list[str]) -> dict[str, list[ClaimMember]]:
    """The claims of these clusters with their outlets, oldest first."""
    if not cluster_ids:
        return {}
    c = claims.c
    stmt = (
        sa.select(claims, articles.c.outlet)
        .select_from(claims.join(articles, articles.c.id == c.article_id))
        .where(c.cluster_id.in_(cluster_ids))
        .order_by(c.published.asc().nulls_last(), articles.c.seq, c.span_start, c.claim_id)
    )
    out: dict[str, list[ClaimMember]] = defaultdict(list)
    for r in conn.execute(stmt):
        out[r.cluster_id].append(
            ClaimMember(
                article_id=r.article_id,
                claim_id=r.claim_id,
                text=r.text,
                span=span([r.span_start, r.span_end]),
                claimant=Ref(r.claimant_id, r.claimant_name),
                polarity=r.polarity,
                verification=r.verification,
                published=r.published,
                outlet=r.outlet,
            )
        )
    return out


def actor_condition(actor: str) -> sa.ColumnElement[bool]:
    """Clusters in which an actor (id, or words of its name) claims, supports or disputes."""
    key = name_key(actor)
    c, s = claims.c, claim_stances.c
    by_claim: sa.ColumnElement[bool] = c.claimant_id == actor.strip()
    by_stance: sa.ColumnElement[bool] = s.by_id == actor.strip()
    if key.strip():
        # Words hold letters and digits only, so LIKE's wildcards cannot occur in them.
        by_claim = sa.or_(by_claim, c.claimant_key.like(f"%{key}%"))
        by_stance = sa.or_(by_stance, s.by_key.like(f"%{key}%"))
    stance_clusters = (
        sa.select(c.cluster_id)
        .select_from(
            claim_stances.join(
                claims, sa.and_(c.article_id == s.article_id, c.claim_id == s.claim_id)
            )
        )
        .where(by_stance)
    )
    return sa.or_(
        claim_clusters.c.id.in_(sa.select(c.cluster_id).where(by_claim)),
        claim_clusters.c.id.in_(stance_clusters),
    )
