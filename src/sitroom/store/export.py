"""Every table of the store as Parquet, CSV or JSON lines: the exchange format for batch runs.

One file per table (``<table>.parquet``, ``.csv`` or ``.jsonl``), rows in primary-key
order, written in batches so memory stays flat however large the store. Column types
come from the schema, so an empty table still gets its columns. JSON columns are JSON
text in Parquet and CSV and nested values in JSON lines; timestamps are UTC.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.store.schema import (
    Timestamp,
    actors,
    article_entities,
    article_sources,
    articles,
    claim_clusters,
    claim_stances,
    claims,
    event_clusters,
    events,
    figures,
    quotes,
)

ExportFormat = Literal["parquet", "csv", "jsonl"]

#: The tables exported, in order. Lookup indexes (MinHash bands, claim keys, actor
#: names) and the processed-input log are internal and left out.
EXPORTED = (
    articles,
    article_sources,
    article_entities,
    actors,
    quotes,
    figures,
    events,
    event_clusters,
    claims,
    claim_stances,
    claim_clusters,
)
#: Rows fetched and written at a time.
BATCH_ROWS = 1000


@dataclass(frozen=True, slots=True)
class ExportedTable:
    """One file written by :func:`export_tables`."""

    table: str
    path: Path
    rows: int


def export_tables(conn: Connection, out_dir: Path, fmt: ExportFormat) -> list[ExportedTable]:
    """Write every exported table to ``out_dir`` in ``fmt``.

    Args:
        conn: A connection in a read transaction (one snapshot for all tables).
        out_dir: The folder, created if missing.
        fmt: ``parquet``, ``csv`` or ``jsonl``.

    Returns:
        The files written, in table order.
    """
    writer = {"parquet": _parquet, "csv": _csv, "jsonl": _jsonl}[fmt]
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for table in EXPORTED:
        path = out_dir / f"{table.name}.{fmt}"
        rows = writer(table, _batches(conn, table), path)
        done.append(ExportedTable(table=table.name, path=path, rows=rows))
    return done


def _batches(conn: Connection, table: sa.Table) -> Iterator[Sequence[sa.Row[Any]]]:
    """The table's rows in primary-key order, a batch at a time."""
    stmt = sa.select(table).order_by(*table.primary_key.columns)
    result = conn.execution_options(yield_per=BATCH_ROWS).execute(stmt)
    yield from result.partitions()


def _is_json(column: sa.Column[Any]) -> bool:
    return isinstance(column.type, sa.JSON)


def _arrow_type(column: sa.Column[Any]) -> pa.DataType:
    """The Parquet column type of a schema column."""
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return pa.bool_()
    if isinstance(kind, sa.Integer):
        return pa.int64()
    if isinstance(kind, sa.Float):
        return pa.float64()
    if isinstance(kind, sa.LargeBinary):
        return pa.binary()
    if isinstance(kind, Timestamp | sa.DateTime):
        return pa.timestamp("us", tz="UTC")
    return pa.string()  # text, and JSON as JSON text


def _parquet(table: sa.Table, batches: Iterator[Sequence[sa.Row[Any]]], path: Path) -> int:
    columns = list(table.columns)
    schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batches:
            data = {c.name: [_flat(r._mapping[c.name], c) for r in batch] for c in columns}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            count += len(batch)
    return count


def _csv(table: sa.Table, batches: Iterator[Sequence[sa.Row[Any]]], path: Path) -> int:
    columns = list(table.columns)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for batch in batches:
            for row in batch:
                writer.writerow([_cell(_flat(row._mapping[c.name], c)) for c in columns])
            count += len(batch)
    return count


def _jsonl(table: sa.Table, batches: Iterator[Sequence[sa.Row[Any]]], path: Path) -> int:
    columns = list(table.columns)
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for batch in batches:
            for row in batch:
                data = {c.name: _nested(row._mapping[c.name], c) for c in columns}
                stream.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += len(batch)
    return count


def _flat(value: Any, column: sa.Column[Any]) -> Any:
    """A value for Parquet or CSV: JSON columns as JSON text."""
    if _is_json(column) and value is not None:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return value


def _cell(value: Any) -> Any:
    """A CSV cell: timestamps in ISO 8601, bytes in hex, None empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _nested(value: Any, column: sa.Column[Any]) -> Any:
    """A value for JSON lines: JSON columns nested, timestamps ISO 8601, bytes in hex."""
    if _is_json(column) and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value
