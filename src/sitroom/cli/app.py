"""Commands: ``analyze`` (no database), ``ingest`` into the store, ``search`` it,
list its ``quotes``, ``actors``, ``claims``, ``figures`` and ``events``, and
``export`` every table.

Exit codes: 0 when every input was handled, 1 when any input failed,
2 for a usage error (typer's own).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sitroom import __version__
from sitroom.cli import ledger_listing, listing, render
from sitroom.errors import InputError, SitroomError, StoreError
from sitroom.jobs import IngestSummary, analyze_sources, ingest_sources
from sitroom.ledger.clusters import ClaimClusterRow
from sitroom.ledger.events import EventClusterRow
from sitroom.ledger.figures import FigureRow
from sitroom.settings import DEFAULT_MAX_BYTES, Options, default_db_url
from sitroom.store import Store, normalise_url

app = typer.Typer(
    name="sitroom",
    help="A situation room for news: who said what, claims, figures and events, with sources.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


#: A row of one ledger listing (a claim cluster, a figure, an event cluster).
Row = TypeVar("Row", ClaimClusterRow, FigureRow, EventClusterRow)


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="SITROOM_DB", help="Store URL (sqlite:///path.db or postgresql://...)."
    ),
]
NoFetch = Annotated[
    bool, typer.Option("--no-fetch", help="Never go online: feed items keep their summary only.")
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.")
]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server.")]
ListFormatOption = Annotated[
    ListFormat, typer.Option("--format", "-f", help="A table for reading, or JSON or CSV.")
]


ActorFilter = Annotated[
    str | None,
    typer.Option("--actor", "-a", help='Actor id or words of the name ("Biden", "russia").'),
]


def _shown_url(url: str) -> str:
    """The store URL as shown to the user: the password hidden."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@contextmanager
def _reading(db: str | None) -> Iterator[Store]:
    """The open store; a store error becomes one line naming the database, and exit 1."""
    url = db or default_db_url()
    try:
        with Store.open(url) as store:
            yield store
    except StoreError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        err.print(
            f"error: {_shown_url(url)}: {reason}", highlight=False, markup=False, soft_wrap=True
        )
        raise typer.Exit(1) from None


def _options(no_fetch: bool, max_bytes: int, timeout: float) -> Options:
    return Options(fetch=not no_fetch, max_bytes=max_bytes, timeout=timeout)


def _report(error: InputError) -> None:
    err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)


def _warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False)


@app.callback()
def _root(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what each stage does.")
    ] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"sitroom {__version__}")
        raise typer.Exit()
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, URLs, feeds, WARCs, or - for stdin.")
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    no_fetch: NoFetch = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = 20.0,
) -> None:
    """Analyse articles and print them, without touching a database."""
    records, failed = [], 0
    options = _options(no_fetch, max_bytes, timeout)
    for item in analyze_sources(paths, options, on_warning=_warn):
        if isinstance(item, InputError):
            _report(item)
            failed += 1
        elif output is OutputFormat.jsonl:
            print(render.to_jsonl(item), flush=True)
        elif output is OutputFormat.markdown:
            print(render.to_markdown(item), flush=True)
        else:
            records.append(item)
    if output is OutputFormat.json and records:
        print(render.to_json(records))
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, URLs, feeds, WARCs, or - for stdin.")
    ],
    db: DbOption = None,
    no_fetch: NoFetch = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = 20.0,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Processes that analyse articles.")
    ] = 1,
) -> None:
    """Analyse articles and add them to the store (idempotent: re-runs add nothing)."""
    url = db or default_db_url()
    with Store.open(url) as store, _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def on_item(origin: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome:>14} {origin[-60:]}")

        summary = ingest_sources(
            sources, store, _options(no_fetch, max_bytes, timeout), jobs=jobs, on_item=on_item
        )
        stored = store.count()
    for warning in summary.warnings:
        _warn(warning)
    for error in summary.failed:
        _report(error)
    _print_summary(summary, url, stored)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; phrases in double quotes.")],
    db: DbOption = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many hits.")
    ] = 20,
) -> None:
    """Full-text search over stored articles, best matches first."""
    with _reading(db) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        err.print(f"no articles match {query!r}")
        return
    for hit in hits:
        when = (hit.published or "")[:10] or "undated"
        out.print(
            f"[bold]{escape(hit.title or '(no title)')}[/bold]  "
            f"[dim]{escape(hit.outlet or 'unknown outlet')} · {when} · {hit.article_id}[/dim]",
            highlight=False,
        )
        out.print(f"    {escape(hit.snippet or '')}", highlight=False)


@app.command()
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", "-s", help='Actor id or words of the name ("Biden", "joe-biden").'
        ),
    ] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Only statements of this article id.")
    ] = None,
    db: DbOption = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many statements.")
    ] = 100,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List stored statements: who said what, when, and in which article."""
    with _reading(db) as store:
        rows = store.quotes(speaker=speaker, article_id=article, limit=limit)
    if output is ListFormat.json:
        print(listing.quotes_json(rows))
    elif output is ListFormat.csv:
        listing.quotes_csv(rows, sys.stdout)
    elif not rows:
        who = f" by {speaker!r}" if speaker is not None else ""
        err.print(f"no stored statements{who}", highlight=False, markup=False)
    else:
        title = f"{len(rows)} statement{'s' if len(rows) != 1 else ''}"
        title += f" by {speaker}" if speaker is not None else ""
        out.print(listing.quotes_table(rows, title), soft_wrap=False)


@app.command()
def actors(
    kind: Annotated[
        str | None, typer.Option("--kind", help='Only this kind: "person", "organisation", ...')
    ] = None,
    db: DbOption = None,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List the actors of stored articles, most quoted first, with claims and events."""
    with _reading(db) as store:
        rows = store.actors(kind=kind)
    if output is ListFormat.json:
        print(listing.actors_json(rows))
    elif output is ListFormat.csv:
        listing.actors_csv(rows, sys.stdout)
    elif not rows:
        err.print("no actors stored", highlight=False)
    else:
        out.print(listing.actors_table(rows, f"{len(rows)} actors"), soft_wrap=False)


def _count(n: int, noun: str) -> str:
    """ "1 claim", "3 claims"."""
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _show_ledger(rows: Sequence[Row], output: ListFormat,
                 to_csv: Callable[[Sequence[Row], IO[str]], None],
                 to_table: Callable[[Sequence[Row], str], Table], *, empty: str,
                 title: str) -> None:
    """Ledger rows as JSON or CSV on stdout, or a table; an empty table is one line on stderr."""
    if output is ListFormat.json:
        print(ledger_listing.to_json(rows))
    elif output is ListFormat.csv:
        to_csv(rows, sys.stdout)
    elif not rows:
        err.print(empty, markup=False)
    else:
        out.print(to_table(rows, title), soft_wrap=False)


@app.command()
def claims(
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only claims that some source disputes.")
    ] = False,
    actor: ActorFilter = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 50,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List claims across articles: each proposition once, with who asserts and disputes it."""
    with _reading(db) as store:
        rows = store.claims(disputed=disputed, actor=actor, limit=limit)
    what = "disputed claims" if disputed else "claims"
    title = _count(len(rows), "claim") + (" (disputed)" if disputed else "")
    _show_ledger(rows, output, ledger_listing.claims_csv, ledger_listing.claims_table,
                 empty=f"no {what} stored" + (f" for {actor!r}" if actor else ""),
                 title=title + (f" involving {actor}" if actor else ""))


@app.command()
def figures(
    subject: Annotated[
        str, typer.Argument(help='A measure ("troops", "killed") or words of the subject.')
    ],
    db: DbOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="At most this many.")
    ] = None,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """Show how a figure moved: a measure or subject over time, each number with its source."""
    with _reading(db) as store:
        rows = store.figures(subject, limit=limit)
    _show_ledger(rows, output, ledger_listing.figures_csv, ledger_listing.figures_table,
                 empty=f"no figures stored for {subject!r}",
                 title=f"{subject}: {_count(len(rows), 'figure')}")


@app.command()
def events(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help='Only this PLOVER type ("MOBILIZE").')
    ] = None,
    actor: ActorFilter = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 100,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List events across articles: each event once, with how many reported it and who."""
    with _reading(db) as store:
        rows = store.events(type_=type_, actor=actor, limit=limit)
    _show_ledger(rows, output, ledger_listing.events_csv, ledger_listing.events_table,
                 empty="no events stored" + (f" for {actor!r}" if actor else ""),
                 title=_count(len(rows), "event"))


@app.command()
def export(
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the files (created if missing).")
    ],
    output: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="One file per table in this format.")
    ] = ExportFormat.parquet,
    db: DbOption = None,
) -> None:
    """Write every table of the store (articles, quotes, actors, ledger) to files."""
    with _reading(db) as store:
        try:
            done = store.export(out_dir, output.value)
        except OSError as exc:
            err.print(
                f"error: cannot write {out_dir}: {exc.strerror or exc}",
                markup=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from None
    title = f"{len(done)} tables from {_shown_url(db or default_db_url())}"
    err.print(ledger_listing.export_table(done, title))


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} inputs"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _print_summary(summary: IngestSummary, url: str, stored: int) -> None:
    table = Table(title=f"ingest into {url}", show_header=False)
    table.add_row("new articles", str(summary.new))
    table.add_row("near-duplicates (kept, clustered)", str(summary.near_duplicate))
    table.add_row("duplicates (already stored)", str(summary.duplicate))
    table.add_row("inputs already seen (same bytes)", str(summary.unchanged))
    table.add_row("failed", str(len(summary.failed)))
    table.add_row("warnings", str(len(summary.warnings)))
    table.add_row("articles in store", str(stored))
    err.print(table)
    if summary.failed:
        reasons: dict[str, int] = {}
        for error in summary.failed:
            reasons[error.kind] = reasons.get(error.kind, 0) + 1
        err.print("failed by reason: " + ", ".join(f"{k} {n}" for k, n in sorted(reasons.items())))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SitroomError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)
