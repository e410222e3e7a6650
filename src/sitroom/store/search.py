"""Full-text search: a forgiving query parser and its SQLite FTS5 and PostgreSQL forms.

A user query is words and "quoted phrases", all required; ``OR`` between two items
makes either do (``a b OR c`` is a AND (b OR c)); ``-word`` or ``NOT word`` excludes.
``AND`` is accepted and ignored. Everything else that is not a letter or a digit only
separates words, so no input can produce a syntax error in either database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.store.schema import FTS_TABLE, TS_CONFIG, TSVECTOR_COLUMN, articles

#: Marks around matched words in snippets.
SNIPPET_START = "["
SNIPPET_END = "]"
#: Words of context in a snippet (FTS5 allows at most 64).
SNIPPET_WORDS = 24

_ITEM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what both tokenisers keep


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article that matches a search, best first."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    """Body text around the matches, matched words in ``[`` ``]``."""
    score: float
    """Relevance, higher is better (negated bm25 on SQLite, ts_rank on PostgreSQL)."""


Phrase = tuple[str, ...]


@dataclass(slots=True)
class ParsedQuery:
    """A query as groups of alternatives that must all match, and phrases that must not."""

    required: list[list[Phrase]] = field(default_factory=list)
    excluded: list[Phrase] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.required)


def parse_query(query: str) -> ParsedQuery:
    """Parse a user's search string; never fails.

    Args:
        query: Anything a user typed.

    Returns:
        The parsed query; empty (falsy) when nothing searchable is left, e.g. only
        punctuation or only exclusions.
    """
    parsed = ParsedQuery()
    negate = False
    join_or = False
    for match in _ITEM.finditer(query.replace("\x00", " ")):
        minus, quoted, bare = match.groups()
        if bare is not None:
            if bare == "OR":
                join_or = bool(parsed.required) and not negate
                continue
            if bare in ("AND", "&&"):
                continue
            if bare == "NOT":
                negate = True
                continue
            if bare.startswith("-") and len(bare) > 1:
                negate, bare = True, bare[1:]
            text = bare
        else:
            negate = negate or bool(minus)
            text = quoted
        phrase = tuple(_WORD.findall(text.lower()))
        if not phrase:
            continue
        if negate:
            parsed.excluded.append(phrase)
        elif join_or and parsed.required:
            parsed.required[-1].append(phrase)
        else:
            parsed.required.append([phrase])
        negate = join_or = False
    return parsed


def fts5_query(parsed: ParsedQuery) -> str:
    """Render a parsed query in FTS5 syntax, every phrase double-quoted."""

    def phrase(words: Phrase) -> str:
        return '"' + " ".join(words) + '"'

    groups = [
        "(" + " OR ".join(phrase(p) for p in group) + ")" if len(group) > 1 else phrase(group[0])
        for group in parsed.required
    ]
    rendered = " AND ".join(groups)
    for excluded in parsed.excluded:
        rendered = f"({rendered}) NOT {phrase(excluded)}"
    return rendered


def _tsquery(parsed: ParsedQuery) -> sa.ColumnElement[Any]:
    """Build the PostgreSQL tsquery from phraseto_tsquery calls (bound parameters only)."""

    def phrase(words: Phrase) -> sa.ColumnElement[Any]:
        return sa.func.phraseto_tsquery(sa.literal_column(f"'{TS_CONFIG}'"), " ".join(words))

    query: sa.ColumnElement[Any] | None = None
    for group in parsed.required:
        alternatives = phrase(group[0])
        for other in group[1:]:
            alternatives = sa.func.tsquery_or(alternatives, phrase(other))
        query = alternatives if query is None else sa.func.tsquery_and(query, alternatives)
    assert query is not None
    for excluded in parsed.excluded:
        query = sa.func.tsquery_and(query, sa.func.tsquery_not(phrase(excluded)))
    return query


def search(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    """Run a user's query on the store's full-text index.

    Args:
        conn: A connection to the store.
        query: Anything a user typed (see the module docstring for the syntax).
        limit: The most hits to return.

    Returns:
        The hits, best first; empty when the query has nothing searchable.
    """
    parsed = parse_query(query)
    if not parsed or limit <= 0:
        return []
    if conn.dialect.name == "sqlite":
        return _search_sqlite(conn, fts5_query(parsed), limit)
    return _search_postgres(conn, parsed, limit)


def _search_sqlite(conn: Connection, match: str, limit: int) -> list[SearchHit]:
    sql = sa.text(
        f"""
        SELECT a.id, a.title, a.outlet, a.published,
               snippet({FTS_TABLE}, 1, :start, :end, '…', :words) AS snippet,
               -bm25({FTS_TABLE}, 5.0, 1.0) AS score
        FROM {FTS_TABLE} JOIN articles AS a ON a.seq = {FTS_TABLE}.rowid
        WHERE {FTS_TABLE} MATCH :match
        ORDER BY bm25({FTS_TABLE}, 5.0, 1.0), a.seq
        LIMIT :limit
        """
    )
    rows = conn.execute(
        sql,
        {
            "match": match,
            "limit": limit,
            "start": SNIPPET_START,
            "end": SNIPPET_END,
            "words": SNIPPET_WORDS,
        },
    )
    return [_hit(row) for row in rows]


def _search_postgres(conn: Connection, parsed: ParsedQuery, limit: int) -> list[SearchHit]:
    vector: sa.ColumnElement[Any] = sa.literal_column(f"articles.{TSVECTOR_COLUMN}")
    tsquery = _tsquery(parsed).label("q")
    q = sa.select(tsquery).cte("q")
    ranked = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            articles.c.text,
            articles.c.seq,
            sa.func.ts_rank(vector, q.c.q).label("score"),
            q.c.q,
        )
        .select_from(articles.join(q, sa.true()))
        .where(vector.op("@@")(q.c.q))
        .order_by(sa.desc("score"), articles.c.seq)
        .limit(limit)
        .subquery("ranked")
    )
    options = (
        f"StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, "
        f"MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, MaxFragments=2"
    )
    headline = sa.func.ts_headline(
        sa.literal_column(f"'{TS_CONFIG}'"), ranked.c.text, ranked.c.q, options
    )
    stmt = sa.select(
        ranked.c.id,
        ranked.c.title,
        ranked.c.outlet,
        ranked.c.published,
        headline.label("snippet"),
        ranked.c.score,
    ).order_by(ranked.c.score.desc(), ranked.c.seq)
    return [_hit(row) for row in conn.execute(stmt)]


def _hit(row: sa.Row[*tuple[Any, ...]]) -> SearchHit:
    return SearchHit(
        article_id=row.id,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        snippet=row.snippet or "",
        score=float(row.score),
    )
