"""The ledger on the command line: claim clusters, figure series and events as a table,
JSON or CSV, and the summary of an export."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any

from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from sitroom.ledger.clusters import ClaimClusterRow
from sitroom.ledger.events import EventClusterRow
from sitroom.ledger.figures import FigureRow
from sitroom.store.export import ExportedTable

#: Columns of ``sitroom claims --format csv``, in order (lists joined with "; ").
CLAIM_CSV_COLUMNS = (
    "id",
    "verification",
    "label",
    "claimants",
    "supporters",
    "disputers",
    "first_seen",
    "last_seen",
    "n_claims",
    "n_articles",
    "polarity",
)
#: Columns of ``sitroom figures --format csv``, in order.
FIGURE_CSV_COLUMNS = (
    "date",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "measure",
    "subject",
    "source_id",
    "source_name",
    "source_kind",
    "estimate",
    "outlet",
    "title",
    "url",
    "article_id",
    "figure_id",
    "text",
)
#: Columns of ``sitroom events --format csv``, in order (lists joined with "; ").
EVENT_CSV_COLUMNS = (
    "id",
    "type",
    "actor_id",
    "actor_name",
    "target_id",
    "target_name",
    "first_seen",
    "last_seen",
    "n_reports",
    "n_articles",
    "sources",
    "outlets",
    "statuses",
)


def to_json(rows: Sequence[ClaimClusterRow | FigureRow | EventClusterRow]) -> str:
    """A JSON array of rows, each as its ``to_dict()``."""
    return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)


def names(refs: Sequence[Mapping[str, Any]]) -> str:
    """Actor references as "Joe Biden; NATO" (the id where a name is missing)."""
    return "; ".join(str(r.get("name") or r.get("id") or "") for r in refs)


def _write_csv(
    rows: Sequence[Any],
    columns: Sequence[str],
    cells: Callable[[Any], dict[str, Any]],
    stream: IO[str],
) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        data = cells(row)
        writer.writerow([data[c] for c in columns])


def claims_csv(rows: Sequence[ClaimClusterRow], stream: IO[str]) -> None:
    """Write a header and one line per claim cluster (see :data:`CLAIM_CSV_COLUMNS`)."""

    def cells(r: ClaimClusterRow) -> dict[str, Any]:
        data = r.to_dict()
        for field in ("claimants", "supporters", "disputers"):
            data[field] = names(data[field])
        return data

    _write_csv(rows, CLAIM_CSV_COLUMNS, cells, stream)


def figures_csv(rows: Sequence[FigureRow], stream: IO[str]) -> None:
    """Write a header and one line per figure (see :data:`FIGURE_CSV_COLUMNS`)."""
    _write_csv(rows, FIGURE_CSV_COLUMNS, lambda r: r.to_dict(), stream)


def events_csv(rows: Sequence[EventClusterRow], stream: IO[str]) -> None:
    """Write a header and one line per event (see :data:`EVENT_CSV_COLUMNS`)."""

    def cells(r: EventClusterRow) -> dict[str, Any]:
        return {
            **r.to_dict(),
            "actor_id": r.actor.id,
            "actor_name": r.actor.name,
            "target_id": r.target.id,
            "target_name": r.target.name,
            "sources": names(r.sources),
            "outlets": "; ".join(r.outlets),
            "statuses": "; ".join(f"{k} {n}" for k, n in sorted(r.statuses.items())),
        }

    _write_csv(rows, EVENT_CSV_COLUMNS, cells, stream)


def _seen(first: str | None, last: str | None) -> str:
    """The dates of a first and last report, one date when they are the same day."""
    a, b = (first or "")[:10], (last or "")[:10]
    return a or "undated" if a == b else f"{a or '?'}\n{b or '?'}"


def claims_table(rows: Sequence[ClaimClusterRow], title: str) -> Table:
    """A table of claim clusters that reads on an 80-column terminal; labels wrap."""
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("Seen", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Claim", ratio=4, min_width=20)
    table.add_column("Who", ratio=3, min_width=14)
    table.add_column("Arts", justify="right", no_wrap=True)
    for r in rows:
        who = Text()
        for label, refs in (("by ", r.claimants), ("+ ", r.supporters), ("− ", r.disputers)):
            if refs:
                who.append(("\n" if who.plain else "") + label + names(refs))
        table.add_row(
            Text(_seen(r.first_seen, r.last_seen)),
            Text(r.verification, style="bold red" if r.verification == "disputed" else "bold"),
            Text(" ".join(r.label.split())),
            who,
            str(r.n_articles),
        )
    return table


def figures_table(rows: Sequence[FigureRow], title: str) -> Table:
    """A figure series as a table, in date order, that reads on an 80-column terminal."""
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Figure", ratio=2, min_width=14)
    table.add_column("Source", ratio=2, min_width=12)
    table.add_column("Outlet, article", ratio=2, min_width=14, overflow="fold")
    for r in rows:
        value = _number(r.value) + (f"–{_number(r.value_max)}" if r.value_max is not None else "")
        words = [w for w in (r.qualifier if r.qualifier != "exactly" else None, value, r.unit) if w]
        figure = Text(" ".join(words), style="bold")
        if r.subject:
            figure.append(f"\n{r.subject}", style="dim")
        source = r.source_name or ("unnamed" if r.source_kind == "unnamed" else "")
        table.add_row(
            Text(r.date or "undated"),
            figure,
            Text(source + ("\n(estimate)" if r.estimate else "")),
            Text.assemble(r.outlet or "unknown outlet", "\n", (r.article_id, "dim")),
        )
    return table


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def events_table(rows: Sequence[EventClusterRow], title: str) -> Table:
    """Deduplicated events as a table, latest first, that reads on an 80-column terminal."""
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Seen", no_wrap=True)
    table.add_column("Event", ratio=3, min_width=16)
    table.add_column("Reports", justify="right", no_wrap=True)
    table.add_column("Sources, outlets", ratio=3, min_width=14)
    for r in rows:
        who = f"{r.actor.name or '?'} → {r.target.name or '—'}"
        table.add_row(
            Text(_seen(r.first_seen, r.last_seen)),
            Text.assemble((r.type, "bold"), "\n", who),
            str(r.n_reports),
            Text(names(r.sources) + ("\n" if r.sources else "") + ", ".join(r.outlets)),
        )
    return table


def export_table(done: Sequence[ExportedTable], title: str) -> Table:
    """What an export wrote: one line per table."""
    table = Table(title=escape(title), box=box.SIMPLE_HEAD)
    table.add_column("Table")
    table.add_column("Rows", justify="right")
    table.add_column("File", overflow="fold")
    for item in done:
        table.add_row(item.table, str(item.rows), str(item.path))
    return table
