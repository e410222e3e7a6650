"""Stored statements and actors as a terminal table, JSON or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO

from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from sitroom.cli.render import speaker_label
from sitroom.store import ActorRow, QuoteRow

#: Columns of ``sitroom quotes --format csv``, in order.
QUOTE_CSV_COLUMNS = (
    "published",
    "speaker_id",
    "speaker_name",
    "mention",
    "resolved_by",
    "type",
    "cue",
    "text",
    "span_start",
    "span_end",
    "outlet",
    "title",
    "url",
    "article_id",
    "quote_id",
)
#: Columns of ``sitroom actors --format csv``, in order.
ACTOR_CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "role",
    "quotes",
    "articles",
    "first_seen",
    "last_seen",
    "claims",
    "events",
)


def quotes_json(rows: Sequence[QuoteRow]) -> str:
    """A JSON array of quotes in the contract's shape, each with its article."""
    return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)


def quotes_csv(rows: Sequence[QuoteRow], stream: IO[str]) -> None:
    """Write a header and one line per quote (see :data:`QUOTE_CSV_COLUMNS`).

    Args:
        rows: The quotes.
        stream: Where to write, e.g. ``sys.stdout``.
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(QUOTE_CSV_COLUMNS)
    for r in rows:
        span = r.span or (None, None)
        writer.writerow(
            [
                r.published,
                r.speaker_id,
                r.speaker_name,
                r.mention,
                r.resolved_by,
                r.type,
                r.cue,
                r.text,
                span[0],
                span[1],
                r.outlet,
                r.title,
                r.url,
                r.article_id,
                r.quote_id,
            ]
        )


def quotes_table(rows: Sequence[QuoteRow], title: str) -> Table:
    """A table of who said what that reads on an 80-column terminal; statements wrap.

    Args:
        rows: The quotes.
        title: The table's caption line.

    Returns:
        A rich table of three columns: when and where, who and how, what (plain text).
    """
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("When, where", no_wrap=True, min_width=19)
    table.add_column("Who, how", ratio=2, min_width=16)
    table.add_column("Statement", ratio=5, min_width=20)
    for r in rows:
        how = " · ".join(part for part in (r.type, r.cue) if part)
        table.add_row(
            Text.assemble(
                (r.published or "")[:10] or "undated",
                "\n",
                r.outlet or "unknown outlet",
                "\n",
                (f"{r.article_id} {r.quote_id}", "dim"),
            ),
            Text.assemble(
                (speaker_label(r.speaker_name, r.mention), "bold"),
                "\n",
                (how, "dim"),
            ),
            Text(" ".join(r.text.split())),
        )
    return table


def actors_json(rows: Sequence[ActorRow]) -> str:
    """A JSON array of actors with their counts."""
    return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)


def actors_csv(rows: Sequence[ActorRow], stream: IO[str]) -> None:
    """Write a header and one line per actor (see :data:`ACTOR_CSV_COLUMNS`).

    Args:
        rows: The actors.
        stream: Where to write, e.g. ``sys.stdout``.
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(ACTOR_CSV_COLUMNS)
    for r in rows:
        data = r.to_dict()
        writer.writerow([data[c] for c in ACTOR_CSV_COLUMNS])


def actors_table(rows: Sequence[ActorRow], title: str) -> Table:
    """A table of actors, most quoted first, with their claims and event reports.

    Args:
        rows: The actors.
        title: The table's caption line.

    Returns:
        A rich table (plain text cells).
    """
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Actor", ratio=1, min_width=14, overflow="fold")
    table.add_column("Role", ratio=1, min_width=10)
    table.add_column("Quotes", justify="right", no_wrap=True)
    table.add_column("Arts", justify="right", no_wrap=True)
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Events", justify="right", no_wrap=True)
    table.add_column("Seen", no_wrap=True)
    for r in rows:
        first, last = (r.first_seen or "")[:10], (r.last_seen or "")[:10]
        table.add_row(
            Text.assemble(
                (r.name, "bold"), "\n", (r.id, "dim"), (f" · {r.kind}" if r.kind else "", "dim")
            ),
            Text(r.role or ""),
            str(r.quotes),
            str(r.articles),
            str(r.claims),
            str(r.events),
            Text(first if first == last else f"{first}\n{last}"),
        )
    return table
