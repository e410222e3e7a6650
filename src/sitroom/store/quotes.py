"""Who said what in the store: actors, article entities and quotes, written and read.

Rows are written from the contract dicts of ``AnalyzedArticle.entities`` and
``.quotes`` (DESIGN.md) in the transaction that stores the article. Speakers are
matched by id, or by any run of whole words of their canonical name, case-folded:
"Biden", "joe biden" and "joe-biden" all find "Joe Biden".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sitroom.ledger.keys import name_key
from sitroom.store.schema import actors, article_entities, articles, claims, events, quotes

# What a reference to an actor is, in select_actors.
_MENTION, _QUOTE, _CLAIM, _EVENT = range(4)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One stored statement with the article it came from."""

    article_id: str
    quote_id: str
    type: str | None
    text: str
    span: Span | None
    speaker_id: str | None
    speaker_name: str | None
    mention: str | None
    mention_span: Span | None
    resolved_by: str | None
    cue: str | None
    cue_span: Span | None
    published: str | None
    title: str | None
    outlet: str | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        """The quote in the contract's shape, with ``article_id`` and an ``article`` summary."""
        return {
            "article_id": self.article_id,
            "id": self.quote_id,
            "type": self.type,
            "text": self.text,
            "span": _as_list(self.span),
            "speaker": {
                "id": self.speaker_id,
                "name": self.speaker_name,
                "mention": self.mention,
                "span": _as_list(self.mention_span),
                "resolved_by": self.resolved_by,
            },
            "cue": {"text": self.cue, "span": _as_list(self.cue_span)},
            "article": {
                "title": self.title,
                "outlet": self.outlet,
                "published": self.published,
                "url": self.url,
            },
        }


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One actor across the stored articles, with how often it is quoted and mentioned."""

    id: str
    name: str
    kind: str | None
    role: str | None
    """The role given by the latest article that names one."""
    first_seen: str | None
    """Published date of the earliest article that mentions or quotes the actor."""
    last_seen: str | None
    quotes: int
    articles: int
    """Articles that mention, quote or name the actor in a claim or event."""
    claims: int = 0
    """Claims the actor makes."""
    events: int = 0
    """Event reports with the actor as actor or target."""

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "quotes": self.quotes,
            "articles": self.articles,
            "claims": self.claims,
            "events": self.events,
        }


# -- writing ---------------------------------------------------------------------------------


def write(conn: Connection, record: Mapping[str, Any], published: str | None) -> None:
    """Store the entities and quotes of a newly stored article.

    Their actors are in the actors table already (``sitroom.ledger.actors.write`` put them
    there, and gave ``record`` its ids across articles).

    Args:
        conn: The connection in the transaction that inserted the article.
        record: The article's cleaned ``AnalyzedArticle.to_dict()``, with canonical ids.
        published: The article's published date, copied onto its quotes.
    """
    article_id: str = record["id"]
    entities = [e for e in record.get("entities") or [] if isinstance(e, Mapping)]
    quote_dicts = [q for q in record.get("quotes") or [] if isinstance(q, Mapping)]
    if entities:
        conn.execute(
            sa.insert(article_entities),
            [_entity_row(article_id, i, e) for i, e in enumerate(entities)],
        )
    if quote_dicts:
        rows = [
            _quote_row(article_id, i, q, speaker(q), published) for i, q in enumerate(quote_dicts)
        ]
        conn.execute(_insert_ignoring(conn.dialect.name, quotes, ["article_id", "quote_id"]), rows)


def _insert_ignoring(dialect: str, table: sa.Table, conflict: list[str]) -> Any:
    """INSERT ... ON CONFLICT (conflict) DO NOTHING for this dialect."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=conflict)


def _entity_row(article_id: str, position: int, entity: Mapping[str, Any]) -> dict[str, Any]:
    mentions = [list(s) for s in entity.get("mentions") or [] if _span(s) is not None]
    return {
        "article_id": article_id,
        "position": position,
        "actor_id": _str(entity.get("id")),
        "name": _str(entity.get("name")) or _str(entity.get("id")) or "",
        "kind": _str(entity.get("kind")),
        "role": _str(entity.get("role")),
        "mentions": mentions,
        "mention_count": len(mentions),
    }


def speaker(quote: Mapping[str, Any]) -> Mapping[str, Any]:
    """The quote's speaker as a dict (a bare string is taken as the name)."""
    speaker = quote.get("speaker")
    if isinstance(speaker, Mapping):
        return speaker
    return {"name": speaker} if isinstance(speaker, str) else {}


def _quote_row(
    article_id: str,
    position: int,
    quote: Mapping[str, Any],
    speaker: Mapping[str, Any],
    published: str | None,
) -> dict[str, Any]:
    cue = quote.get("cue")
    cue_ref: Mapping[str, Any] = (
        cue if isinstance(cue, Mapping) else {"text": cue} if isinstance(cue, str) else {}
    )
    span, mention_span, cue_span = (
        _span(quote.get("span")),
        _span(speaker.get("span")),
        _span(cue_ref.get("span")),
    )
    name = _str(speaker.get("name"))
    return {
        "article_id": article_id,
        "quote_id": _str(quote.get("id")) or f"q{position + 1}",
        "type": _str(quote.get("type")),
        "text": _str(quote.get("text")) or "",
        "span_start": span[0] if span else None,
        "span_end": span[1] if span else None,
        "speaker_id": _str(speaker.get("id")),
        "speaker_name": name,
        "speaker_key": name_key(name),
        "mention": _str(speaker.get("mention")),
        "mention_start": mention_span[0] if mention_span else None,
        "mention_end": mention_span[1] if mention_span else None,
        "resolved_by": _str(speaker.get("resolved_by")),
        "cue": _str(cue_ref.get("text")),
        "cue_start": cue_span[0] if cue_span else None,
        "cue_end": cue_span[1] if cue_span else None,
        "published": published,
    }


def _str(value: Any) -> str | None:
    """A string field of a contract dict: None stays None, other values become strings."""
    if value is None or isinstance(value, str):
        return value or None
    return str(value)


def _span(value: Any) -> Span | None:
    """A ``[start, end]`` pair of integers, or None for anything else."""
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = value
        if isinstance(start, int) and isinstance(end, int):
            return (start, end)
    return None


def _as_list(span: Span | None) -> list[int] | None:
    return list(span) if span is not None else None


def _pair(start: int | None, end: int | None) -> Span | None:
    return (start, end) if start is not None and end is not None else None


# -- reading ---------------------------------------------------------------------------------


def speaker_matches(speaker: str) -> sa.ColumnElement[bool]:
    """The condition for quotes by ``speaker``: its id, or a run of whole words of its name.

    Args:
        speaker: An actor id ("joe-biden") or words of a canonical name ("Biden").

    Returns:
        A WHERE condition on the quotes table.
    """
    condition = quotes.c.speaker_id == speaker.strip()
    key = name_key(speaker)
    if key.strip():
        # Words hold letters and digits only, so LIKE's wildcards cannot occur in them.
        condition = sa.or_(condition, quotes.c.speaker_key.like(f"%{key}%"))
    return condition


def select_quotes(
    conn: Connection, *, speaker: str | None, article_id: str | None, limit: int
) -> list[QuoteRow]:
    """Stored quotes, by published date (undated last), then article, then position in it.

    Args:
        conn: A connection to the store.
        speaker: Only quotes by this actor (see :func:`speaker_matches`), or None for all.
        article_id: Only quotes of this article, or None for all.
        limit: The most rows to return.

    Returns:
        The quotes with their article's title, outlet and URL.
    """
    if limit <= 0:
        return []
    q = quotes.c
    stmt = sa.select(quotes, articles.c.title, articles.c.outlet, articles.c.url).select_from(
        quotes.join(articles, articles.c.id == q.article_id)
    )
    if speaker is not None:
        stmt = stmt.where(speaker_matches(speaker))
    if article_id is not None:
        stmt = stmt.where(q.article_id == article_id)
    stmt = stmt.order_by(
        q.published.asc().nulls_last(),
        articles.c.seq,
        q.span_start.asc().nulls_last(),
        q.quote_id,
    ).limit(limit)
    return [
        QuoteRow(
            article_id=r.article_id,
            quote_id=r.quote_id,
            type=r.type,
            text=r.text,
            span=_pair(r.span_start, r.span_end),
            speaker_id=r.speaker_id,
            speaker_name=r.speaker_name,
            mention=r.mention,
            mention_span=_pair(r.mention_start, r.mention_end),
            resolved_by=r.resolved_by,
            cue=r.cue,
            cue_span=_pair(r.cue_start, r.cue_end),
            published=r.published,
            title=r.title,
            outlet=r.outlet,
            url=r.url,
        )
        for r in conn.execute(stmt)
    ]


def select_actors(conn: Connection, *, kind: str | None) -> list[ActorRow]:
    """Every stored actor with its quote, article, claim and event counts, most quoted first.

    Args:
        conn: A connection to the store.
        kind: Only actors of this kind ("person", "organisation", ...), or None for all.

    Returns:
        The actors, by quotes, then articles (both descending), then name.
    """
    e, q, c, v = article_entities.c, quotes.c, claims.c, events.c

    def refs_of(column: sa.Column[Any], article: sa.Column[Any], what: int) -> sa.Select[Any]:
        return sa.select(
            column.label("actor_id"), article.label("article_id"), sa.literal(what).label("what")
        ).where(column.is_not(None))

    refs = sa.union_all(
        refs_of(e.actor_id, e.article_id, _MENTION),
        refs_of(q.speaker_id, q.article_id, _QUOTE),
        refs_of(c.claimant_id, c.article_id, _CLAIM),
        refs_of(v.actor_id, v.article_id, _EVENT),
        refs_of(v.target_id, v.article_id, _EVENT),
    ).subquery("refs")

    def count(what: int, label: str) -> sa.Label[Any]:
        hit = sa.case((refs.c.what == what, 1), else_=0)
        return sa.func.coalesce(sa.func.sum(hit), 0).label(label)

    quote_count, claim_count, event_count = (
        count(_QUOTE, "quote_count"),
        count(_CLAIM, "claim_count"),
        count(_EVENT, "event_count"),
    )
    article_count = sa.func.count(sa.distinct(refs.c.article_id)).label("article_count")
    a = actors.c
    columns = (a.id, a.name, a.kind, a.role, a.first_seen, a.last_seen)
    stmt = (
        sa.select(*columns, quote_count, article_count, claim_count, event_count)
        .select_from(actors.outerjoin(refs, refs.c.actor_id == a.id))
        .group_by(*columns)
        .order_by(sa.desc("quote_count"), sa.desc("article_count"), a.name, a.id)
    )
    if kind is not None:
        stmt = stmt.where(a.kind == kind)
    return [
        ActorRow(
            id=r.id,
            name=r.name,
            kind=r.kind,
            role=r.role,
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            quotes=int(r.quote_count),
            articles=int(r.article_count),
            claims=int(r.claim_count),
            events=int(r.event_count),
        )
        for r in conn.execute(stmt)
    ]
