"""Reading the contract dicts of figures, events and claims: strings, spans, actor refs."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sitroom.ledger.keys import name_key

Span = tuple[int, int]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Ref:
    """An actor reference ``{"id", "name"}``; either part may be missing."""

    id: str | None
    name: str | None

    @property
    def key(self) -> str:
        """The name as words between spaces (" joe biden "), for whole-word matching."""
        return name_key(self.name)

    @property
    def identity(self) -> str | None:
        """What makes two references the same source: the id, else the name's words."""
        if self.id:
            return self.id
        words = self.key.strip()
        return f"~{words}" if words else None

    def to_dict(self) -> dict[str, str | None]:
        """The contract's shape."""
        return {"id": self.id, "name": self.name}


def text(value: Any) -> str | None:
    """A string field: None and "" stay None, other values become strings."""
    if value is None or isinstance(value, str):
        return value or None
    return str(value)


def span(value: Any) -> Span | None:
    """A ``[start, end]`` pair of integers, or None for anything else."""
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = value
        if isinstance(start, int) and isinstance(end, int):
            return (start, end)
    return None


def span_columns(value: Any, prefix: str = "span") -> dict[str, int | None]:
    """``{prefix_start, prefix_end}`` of a span value."""
    pair = span(value)
    return {
        f"{prefix}_start": pair[0] if pair else None,
        f"{prefix}_end": pair[1] if pair else None,
    }


def ref(value: Any) -> Ref:
    """An actor reference from a contract value (a bare string is taken as the name)."""
    if isinstance(value, Mapping):
        return Ref(id=text(value.get("id")), name=text(value.get("name")))
    return Ref(id=None, name=text(value))


def number(value: Any) -> float | None:
    """A numeric field as a float, or None when it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def iso_date(value: Any) -> str | None:
    """The valid ``YYYY-MM-DD`` at the start of a date or timestamp string, else None."""
    found = _ISO_DATE.match(value) if isinstance(value, str) else None
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group(0)).isoformat()
    except ValueError:  # "2022-02-30"
        return None


def strings(value: Any) -> list[str]:
    """A list of strings from a contract list (other items dropped)."""
    if not isinstance(value, list | tuple):
        return []
    return [v for v in value if isinstance(v, str) and v]


def dicts(record: Mapping[str, Any], field: str) -> list[Mapping[str, Any]]:
    """The dict items of a list field of the record (anything else is skipped)."""
    return [item for item in record.get(field) or [] if isinstance(item, Mapping)]


def insert_ignoring(conn: Connection, table: sa.Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING for the connection's dialect."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing()


def refs_json(refs: list[Ref]) -> list[dict[str, str | None]]:
    """References as a JSON list, in order, each once."""
    seen: set[str] = set()
    out = []
    for r in refs:
        identity = r.identity
        if identity is None or identity in seen:
            continue
        seen.add(identity)
        out.append(r.to_dict())
    return out


def loads(value: Any) -> Any:
    """A JSON column's value (some drivers hand back the text)."""
    return json.loads(value) if isinstance(value, str) else value
