"""Claims and stances as rows, clustered across articles into propositions.

A new claim is compared only with stored claims that share a pair of its words (the
``claim_keys`` table, like the MinHash bands of articles), at most ``MAX_CANDIDATES`` of
them, those sharing the most pairs first; it joins the cluster of the most similar one
at or above the threshold (``similarity.py``), or starts a cluster of its own. Each
touched cluster's claimants, disputers, dates and verification are then recomputed
from its members (``verify.py``) under a row lock, so concurrent writers cannot lose
each other's reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.ledger import similarity, verify
from sitroom.ledger._fields import (
    Ref,
    dicts,
    insert_ignoring,
    loads,
    ref,
    span,
    span_columns,
    strings,
    text,
)
from sitroom.ledger.keys import claim_words, pair_keys
from sitroom.store.schema import claim_clusters, claim_keys, claim_stances, claims

#: Stored claims compared with a new one, at most: those sharing the most word pairs.
#: Bounds the work per claim however common its words are.
MAX_CANDIDATES = 50


def lock_names(record: Mapping[str, Any]) -> list[str]:
    """Advisory-lock names of the article's claims: one per candidate key.

    Two claims that can join one cluster share a key, so a writer holding these sees
    every such claim another writer committed before it.
    """
    return sorted({f"claim:{k}" for c in dicts(record, "claims") for k in _keys(c)})


def _keys(claim: Mapping[str, Any]) -> list[str]:
    return pair_keys(claim_words(strings(claim.get("topic")), text(claim.get("text"))))


def write(conn: Connection, record: Mapping[str, Any], published: str | None) -> None:
    """Store the claims and stances of a newly stored article and cluster the claims.

    Args:
        conn: The connection in the transaction that stores the article (the caller
            holds the locks of :func:`lock_names`).
        record: The article's record with canonical actor ids.
        published: The article's published date: when its claims were first seen.
    """
    article_id: str = record["id"]
    mentions = _mentions(record)
    touched: set[str] = set()
    seen: set[str] = set()
    for position, claim in enumerate(dicts(record, "claims")):
        row = _row(article_id, position, claim, published, mentions)
        if row["claim_id"] in seen:
            continue  # the same claim id twice in one article: the first stands
        seen.add(row["claim_id"])
        cluster_id = _best_cluster(conn, row)
        if cluster_id is None:
            cluster_id = f"{article_id}:{row['claim_id']}"
            values = _new_cluster(cluster_id, row)
            conn.execute(insert_ignoring(conn, claim_clusters).values(values))
        row["cluster_id"] = cluster_id
        conn.execute(insert_ignoring(conn, claims).values(row))
        _write_keys_and_stances(conn, row, claim)
        touched.add(cluster_id)
    for cluster_id in sorted(touched):
        recompute(conn, cluster_id)


def _mentions(record: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """Every entity mention of the article as (start, end, actor id)."""
    out = []
    for entity in dicts(record, "entities"):
        actor_id = text(entity.get("id"))
        for mention in entity.get("mentions") or []:
            pair = span(mention)
            if actor_id and pair:
                out.append((pair[0], pair[1], actor_id))
    return out


def _row(
    article_id: str,
    position: int,
    claim: Mapping[str, Any],
    published: str | None,
    mentions: list[tuple[int, int, str]],
) -> dict[str, Any]:
    claimant = ref(claim.get("claimant"))
    topic = strings(claim.get("topic"))
    claim_span = span(claim.get("span"))
    inside = sorted(
        {a for s, e, a in mentions if claim_span and claim_span[0] <= s and e <= claim_span[1]}
    )
    return {
        "article_id": article_id,
        "claim_id": text(claim.get("id")) or f"c{position + 1}",
        "text": text(claim.get("text")) or "",
        **span_columns(claim.get("span")),
        "claimant_id": claimant.id,
        "claimant_name": claimant.name,
        "claimant_key": claimant.key,
        "quote_id": text(claim.get("quote")),
        "hedges": strings(claim.get("hedges")),
        "verification": text(claim.get("verification")),
        "polarity": text(claim.get("polarity")),
        "topic": topic,
        "words": claim_words(topic, text(claim.get("text"))),
        "entity_ids": inside,
        "published": published,
    }


def _best_cluster(conn: Connection, row: Mapping[str, Any]) -> str | None:
    """The cluster of the most similar candidate claim at or above the threshold."""
    keys = pair_keys(row["words"])
    if not keys:
        return None
    k = claim_keys.c
    shared = (
        sa.select(k.article_id, k.claim_id, sa.func.count().label("n"))
        .where(k.key.in_(keys))
        .group_by(k.article_id, k.claim_id)
        .order_by(sa.desc("n"), k.article_id, k.claim_id)
        .limit(MAX_CANDIDATES)
        .subquery()
    )
    c = claims.c
    candidates = conn.execute(
        sa.select(c.cluster_id, c.text, c.words, c.entity_ids, c.polarity).join(
            shared, sa.and_(shared.c.article_id == c.article_id, shared.c.claim_id == c.claim_id)
        )
    )
    new = similarity.shape(row["text"], row["words"], row["entity_ids"], row["polarity"])
    best: tuple[float, str] | None = None
    for cand in candidates:
        if cand.cluster_id is None:
            continue
        old = similarity.shape(cand.text, loads(cand.words), loads(cand.entity_ids),
                               cand.polarity)
        score = similarity.same_proposition(new, old)
        if score is not None and (best is None or (-score, cand.cluster_id) < (-best[0], best[1])):
            best = (score, cand.cluster_id)  # the most similar; the smaller id on a tie
    return best[1] if best else None


def _new_cluster(cluster_id: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A cluster row for a claim that matched none; its aggregates follow in recompute."""
    return {
        "id": cluster_id,
        "label": row["text"],
        "polarity": row["polarity"],
        "verification": "single-source",
        "n_claims": 0,
        "n_articles": 0,
        "claimants": [],
        "supporters": [],
        "disputers": [],
    }


def _write_keys_and_stances(
    conn: Connection, row: Mapping[str, Any], claim: Mapping[str, Any]
) -> None:
    ident = {"article_id": row["article_id"], "claim_id": row["claim_id"]}
    keys = pair_keys(row["words"])
    if keys:
        conn.execute(insert_ignoring(conn, claim_keys), [{**ident, "key": k} for k in keys])
    stances = []
    for position, stance in enumerate(dicts(claim, "stances")):
        by = ref(stance.get("by"))
        stances.append(
            {
                **ident,
                "position": position,
                "by_id": by.id,
                "by_name": by.name,
                "by_key": by.key,
                "stance": text(stance.get("stance")),
                "quote_id": text(stance.get("quote")),
                "text": text(stance.get("text")),
                **span_columns(stance.get("span")),
            }
        )
    if stances:
        conn.execute(insert_ignoring(conn, claim_stances), stances)


def recompute(conn: Connection, cluster_id: str) -> None:
    """Recompute a cluster's label, dates, counts, sources and verification from its members.

    The cluster row is locked first (FOR NO KEY UPDATE on PostgreSQL, which claims'
    foreign-key checks do not wait for), so a concurrent writer recomputes after this
    one commits and sees its claims.
    """
    cc = claim_clusters.c
    polarity = conn.scalar(
        sa.select(cc.polarity).where(cc.id == cluster_id).with_for_update(key_share=True)
    )
    c = claims.c
    members = conn.execute(
        sa.select(
            c.article_id,
            c.claim_id,
            c.text,
            c.claimant_id,
            c.claimant_name,
            c.polarity,
            c.verification,
            c.published,
        )
        .where(c.cluster_id == cluster_id)
        .order_by(c.published.asc().nulls_last(), c.article_id, c.claim_id)
    ).all()
    s = claim_stances.c
    stances = conn.execute(
        sa.select(s.by_id, s.by_name, s.stance)
        .select_from(
            claim_stances.join(
                claims, sa.and_(c.article_id == s.article_id, c.claim_id == s.claim_id)
            )
        )
        .where(c.cluster_id == cluster_id)
        .order_by(c.published.asc().nulls_last(), s.article_id, s.claim_id, s.position)
    ).all()
    result = verify.verdict(
        polarity,
        [
            verify.Member(Ref(m.claimant_id, m.claimant_name), m.polarity, m.verification)
            for m in members
        ],
        [verify.Stance(Ref(st.by_id, st.by_name), st.stance) for st in stances],
    )
    dates = [m.published for m in members if m.published]
    agreeing = [m for m in members if verify.agrees(polarity, m.polarity)] or members
    conn.execute(
        sa.update(claim_clusters)
        .where(cc.id == cluster_id)
        .values(
            label=agreeing[0].text if agreeing else "",
            verification=result.verification,
            first_seen=min(dates, default=None),
            last_seen=max(dates, default=None),
            n_claims=len(members),
            n_articles=len({m.article_id for m in members}),
            claimants=result.claimants,
            supporters=result.supporters,
            disputers=result.disputers,
        )
    )
