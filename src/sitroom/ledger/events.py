"""Events as rows, deduplicated across articles into clusters.

Two reports are the same event when they have the same PLOVER type, the same actor and
the same target, both known, every report of the cluster lies within ``EVENT_WINDOW_DAYS``
of every other (so a daily series of strikes does not chain into one months-long event),
and the new report shares at least ``MIN_SHARED_WORDS`` words other than names with one
of the cluster's reports ("Russia shelled Kharkiv" and "Russia shelled Odesa" on one day
are two events, not one; "Russia shelled the Odesa port" twice is one).
A cluster keeps its reports, articles, reporting sources, outlets and statuses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.ledger._fields import (
    Ref,
    dicts,
    insert_ignoring,
    iso_date,
    loads,
    number,
    ref,
    refs_json,
    span_columns,
    text,
)
from sitroom.ledger.keys import claim_words, name_key
from sitroom.ledger.similarity import is_place
from sitroom.store.schema import articles, event_clusters, events

#: Reports of one event spread over a news cycle (first report, follow-ups, weekly
#: round-ups' "on Tuesday"), which is one to three days; a longer window would merge a
#: repeated action (daily shelling of one city) into one event.
EVENT_WINDOW_DAYS = 3
#: Words other than names and stop words that two reports of one event share: the place,
#: the target object ("port", "mall", "station"), the weapon.
MIN_SHARED_WORDS = 2
#: Clusters of the same key and window compared, and reports read from each.
MAX_CANDIDATE_CLUSTERS = 20
MAX_REPORTS_READ = 20


@dataclass(frozen=True, slots=True)
class EventClusterRow:
    """One deduplicated event with how many reports, articles and sources it has."""

    id: str
    type: str
    actor: Ref
    target: Ref
    first_seen: str | None
    last_seen: str | None
    n_reports: int
    n_articles: int
    statuses: dict[str, int]
    sources: list[dict[str, str | None]]
    outlets: list[str]

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "id": self.id,
            "type": self.type,
            "actor": self.actor.to_dict(),
            "target": self.target.to_dict(),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "n_reports": self.n_reports,
            "n_articles": self.n_articles,
            "statuses": self.statuses,
            "sources": self.sources,
            "outlets": self.outlets,
        }


def lock_names(record: Mapping[str, Any]) -> list[str]:
    """Advisory-lock names of the article's events: one per (type, actor, target)."""
    return sorted({f"event:{'|'.join(_match_key(e))}" for e in dicts(record, "events")})


def _match_key(event: Mapping[str, Any]) -> tuple[str, str, str]:
    """(type, actor key, target key): an id, else "~" and the name's words, else ""."""
    actor, target = ref(event.get("actor")), ref(event.get("target"))
    return (
        (text(event.get("type")) or "").upper(),
        actor.identity or "",
        target.identity or "",
    )


def write(conn: Connection, record: Mapping[str, Any], published: str | None) -> None:
    """Store the events of a newly stored article and join each to its cluster.

    Args:
        conn: The connection in the transaction that stores the article (the caller
            holds the locks of :func:`lock_names`).
        record: The article's record with canonical actor ids.
        published: The article's published date: the event's date when it has none.
    """
    article_id: str = record["id"]
    for position, event in enumerate(dicts(record, "events")):
        row = _row(article_id, position, event, published)
        key = _match_key(event)
        cluster_id = _find_cluster(conn, key, row["date"], event_words(row["text"]))
        if cluster_id is None:
            cluster_id = f"{article_id}:{row['event_id']}"
            values = _new_cluster(cluster_id, key, event)
            conn.execute(insert_ignoring(conn, event_clusters).values(values))
        row["cluster_id"] = cluster_id
        conn.execute(insert_ignoring(conn, events).values(row))
        _recount(conn, cluster_id)  # now, so the article's next event sees its dates


def _row(
    article_id: str, position: int, event: Mapping[str, Any], published: str | None
) -> dict[str, Any]:
    actor, target = ref(event.get("actor")), ref(event.get("target"))
    reporter = ref(event.get("reported_by"))
    trigger = event.get("trigger")
    trigger_ref: Mapping[str, Any] = trigger if isinstance(trigger, Mapping) else {}
    return {
        "article_id": article_id,
        "event_id": text(event.get("id")) or f"e{position + 1}",
        "type": (text(event.get("type")) or "").upper() or None,
        "mode": text(event.get("mode")),
        "actor_id": actor.id,
        "actor_name": actor.name,
        "target_id": target.id,
        "target_name": target.name,
        "status": text(event.get("status")),
        "reported_by_id": reporter.id,
        "reported_by_name": reporter.name,
        "trigger": text(trigger_ref.get("text") if trigger_ref else trigger),
        **span_columns(trigger_ref.get("span"), "trigger"),
        "text": text(event.get("text")),
        **span_columns(event.get("span")),
        "date": iso_date(event.get("date")) or iso_date(published),
        "weight": number(event.get("weight")),
        "quote_id": text(event.get("quote")),
        "published": published,
    }


def _find_cluster(
    conn: Connection, key: tuple[str, str, str], when: str | None, words: frozenset[str]
) -> str | None:
    """The cluster this event joins: same key, within the window of all its reports, and
    a report that shares enough words with this one."""
    type_, actor_key, target_key = key
    if not type_ or not actor_key or not target_key or when is None:
        return None  # a party unknown: too little to tell one event from another
    day = date.fromisoformat(when)
    window = timedelta(days=EVENT_WINDOW_DAYS)
    c = event_clusters.c
    candidates = conn.scalars(
        sa.select(c.id)
        .where(
            c.type == type_,
            c.actor_key == actor_key,
            c.target_key == target_key,
            # Every report of the cluster within the window of this one, both ways.
            c.first_seen >= (day - window).isoformat(),
            c.last_seen <= (day + window).isoformat(),
        )
        .order_by(c.last_seen.desc(), c.id)
        .limit(MAX_CANDIDATE_CLUSTERS)
    ).all()
    for cluster_id in candidates:
        reports = conn.scalars(
            sa.select(events.c.text)
            .where(events.c.cluster_id == cluster_id)
            .limit(MAX_REPORTS_READ)
        )
        if any(len(words & event_words(report)) >= MIN_SHARED_WORDS for report in reports):
            return str(cluster_id)
    return None


def event_words(sentence: str | None) -> frozenset[str]:
    """The words that tell one event's report from another's: content words of its text,
    stemmed, without names of places and states ("Russia", "Kyiv", "Russian")."""
    return frozenset(w for w in claim_words((), sentence) if not is_place(w))


def _new_cluster(
    cluster_id: str, key: tuple[str, str, str], event: Mapping[str, Any]
) -> dict[str, Any]:
    """A cluster row for an event that matched none; its aggregates follow in _recount."""
    actor, target = ref(event.get("actor")), ref(event.get("target"))
    return {
        "id": cluster_id,
        "type": key[0],
        "actor_key": key[1],
        "target_key": key[2],
        "actor_id": actor.id,
        "actor_name": actor.name,
        "target_id": target.id,
        "target_name": target.name,
        "words": f"{actor.key}|{target.key}",
        "n_reports": 0,
        "n_articles": 0,
        "statuses": {},
        "sources": [],
        "outlets": [],
    }


def _recount(conn: Connection, cluster_id: str) -> None:
    """Recompute a cluster's dates, counts, statuses, sources and outlets from its reports."""
    e = events.c
    rows = conn.execute(
        sa.select(
            e.article_id, e.date, e.status, e.reported_by_id, e.reported_by_name, articles.c.outlet
        )
        .select_from(events.join(articles, articles.c.id == e.article_id))
        .where(e.cluster_id == cluster_id)
        .order_by(e.date.asc().nulls_last(), articles.c.seq, e.event_id)
    ).all()
    dates = [r.date for r in rows if r.date]
    outlets = list(dict.fromkeys(r.outlet for r in rows if r.outlet))
    conn.execute(
        sa.update(event_clusters)
        .where(event_clusters.c.id == cluster_id)
        .values(
            first_seen=min(dates, default=None),
            last_seen=max(dates, default=None),
            n_reports=len(rows),
            n_articles=len({r.article_id for r in rows}),
            statuses=dict(Counter(r.status or "unknown" for r in rows)),
            sources=refs_json([Ref(r.reported_by_id, r.reported_by_name) for r in rows]),
            outlets=outlets,
        )
    )


def select_clusters(
    conn: Connection, *, type_: str | None, actor: str | None, limit: int
) -> list[EventClusterRow]:
    """Deduplicated events, latest first.

    Args:
        conn: A connection to the store.
        type_: Only this PLOVER type ("MOBILIZE"), any case.
        actor: Only events whose actor or target is this actor: its id, or words of its
            name ("Russia", "russian-armed-forces").
        limit: The most rows to return.

    Returns:
        The clusters with their report, article and source counts.
    """
    c = event_clusters.c
    stmt = sa.select(event_clusters)
    if type_ is not None:
        stmt = stmt.where(c.type == type_.strip().upper())
    if actor is not None:
        key = name_key(actor)
        condition = sa.or_(c.actor_id == actor.strip(), c.target_id == actor.strip())
        if key.strip():
            condition = sa.or_(condition, c.words.like(f"%{key}%"))
        stmt = stmt.where(condition)
    stmt = stmt.order_by(c.last_seen.desc().nulls_last(), c.n_reports.desc(), c.id).limit(limit)
    return [
        EventClusterRow(
            id=r.id,
            type=r.type,
            actor=Ref(r.actor_id, r.actor_name),
            target=Ref(r.target_id, r.target_name),
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            n_reports=r.n_reports,
            n_articles=r.n_articles,
            statuses=dict(loads(r.statuses)),
            sources=list(loads(r.sources)),
            outlets=list(loads(r.outlets)),
        )
        for r in conn.execute(stmt)
    ]
