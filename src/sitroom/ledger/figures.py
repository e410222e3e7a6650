"""Figures as rows, and their series: one measure or subject over time, with sources.

Nothing is merged here: every figure keeps its source and article, and a series is read
back in date order, so "over 150,000 troops" (Biden, 15 Feb) follows "an estimated
130,000" (an earlier article) and a reader sees who gave each number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.ledger._fields import (
    dicts,
    insert_ignoring,
    iso_date,
    number,
    ref,
    span,
    span_columns,
    text,
)
from sitroom.ledger.keys import name_key
from sitroom.store.schema import articles, figures


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure of a series, with its source and the article it came from."""

    date: str | None
    value: int | float | None
    value_max: int | float | None
    qualifier: str | None
    unit: str | None
    measure: str | None
    subject: str | None
    source_id: str | None
    source_name: str | None
    source_kind: str | None
    estimate: bool | None
    text: str | None
    span: tuple[int, int] | None
    outlet: str | None
    title: str | None
    url: str | None
    article_id: str
    figure_id: str

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        out = asdict(self)
        out["span"] = list(self.span) if self.span else None
        return out


def write(conn: Connection, record: Mapping[str, Any], published: str | None) -> None:
    """Store the figures of a newly stored article (its ids across articles already set).

    Args:
        conn: The connection in the transaction that stores the article.
        record: The article's record with canonical actor ids.
        published: The article's published date: the figure's date when it has none.
    """
    rows = [_row(record["id"], i, f, published) for i, f in enumerate(dicts(record, "figures"))
            if not f.get("repeats")]  # a live blog's recap of its own figure counts once
    if rows:
        conn.execute(insert_ignoring(conn, figures), rows)


def _row(
    article_id: str, position: int, figure: Mapping[str, Any], published: str | None
) -> dict[str, Any]:
    source = ref(figure.get("source"))
    estimate = figure.get("estimate")
    return {
        "article_id": article_id,
        "figure_id": text(figure.get("id")) or f"f{position + 1}",
        "value": number(figure.get("value")),
        "value_max": number(figure.get("value_max")),
        "qualifier": text(figure.get("qualifier")),
        "unit": text(figure.get("unit")),
        "measure": (text(figure.get("measure")) or "").casefold() or None,
        "subject": text(figure.get("subject")),
        "subject_key": name_key(text(figure.get("subject"))),
        "source_id": source.id,
        "source_name": source.name,
        "source_kind": text(figure.get("source_kind")),
        "date": iso_date(figure.get("date")) or iso_date(published),
        "text": text(figure.get("text")),
        **span_columns(figure.get("span")),
        "revises": text(figure.get("revises")),
        "estimate": estimate if isinstance(estimate, bool) else None,
        "quote_id": text(figure.get("quote")),
        "published": published,
    }


def matches(subject: str) -> sa.ColumnElement[bool]:
    """Figures of a measure ("troops"), or whose subject holds all these words, any order."""
    query = " ".join(subject.split()).casefold()
    condition: sa.ColumnElement[bool] = figures.c.measure == query
    words = name_key(subject).split()
    if words:
        # Words hold letters and digits only, so LIKE's wildcards cannot occur in them.
        condition = sa.or_(
            condition, sa.and_(*(figures.c.subject_key.like(f"% {w} %") for w in words))
        )
    return condition


def select_series(conn: Connection, subject: str, *, limit: int | None = None) -> list[FigureRow]:
    """A figure series in date order (undated last), then article order, then text order.

    Args:
        conn: A connection to the store.
        subject: A measure ("troops", "killed") or words of the subjects ("Russian troops").
        limit: The most rows to return; all when None.

    Returns:
        The figures with their sources, outlets and articles.
    """
    f = figures.c
    stmt = (
        sa.select(figures, articles.c.outlet, articles.c.title, articles.c.url)
        .select_from(figures.join(articles, articles.c.id == f.article_id))
        .where(matches(subject))
        .order_by(f.date.asc().nulls_last(), articles.c.seq, f.span_start.asc().nulls_last())
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        FigureRow(
            date=r.date,
            value=_whole(r.value),
            value_max=_whole(r.value_max),
            qualifier=r.qualifier,
            unit=r.unit,
            measure=r.measure,
            subject=r.subject,
            source_id=r.source_id,
            source_name=r.source_name,
            source_kind=r.source_kind,
            estimate=r.estimate,
            text=r.text,
            span=span([r.span_start, r.span_end]),
            outlet=r.outlet,
            title=r.title,
            url=r.url,
            article_id=r.article_id,
            figure_id=r.figure_id,
        )
        for r in conn.execute(stmt)
    ]


def _whole(value: float | None) -> int | float | None:
    """A number as the contract gives it: an int when whole."""
    return int(value) if value is not None and value.is_integer() else value
