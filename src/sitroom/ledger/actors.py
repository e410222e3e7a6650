"""One actor id across articles, and the actors table.

Each article names its actors with ids of its own: the gazetteer's for actors it knows,
a slug of the name for the others ("olena-kovalenko", or "olena-kovalenko-2" for a
second person of that name in the same article). Across articles an actor keeps:

1. its gazetteer id, when the article's id is one, or the gazetteer knows the name
   (canonical or alias: "Russian Defence Ministry" is "russian-ministry-of-defence");
2. else the id first stored under the same normalised full name (``actor_names``);
3. else the article's own id, which is then stored under that name.

Outlets speaking in their own voice (``outlet:<slug>``) keep their id, kind "outlet".
References without an id (an unnamed "officials") stay without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sitroom.attribution.ports import GazetteerLike
from sitroom.ledger._fields import text
from sitroom.store.engine import advisory_locks
from sitroom.store.schema import actor_names, actors

Record = Mapping[str, Any]

OUTLET_PREFIX = "outlet:"
#: The actor references of the ledger records, by record list (see docs/records.md).
REF_FIELDS = {
    "figures": ("source",),
    "events": ("actor", "target", "reported_by"),
    "claims": ("claimant",),
}


def lock_names(record: Record) -> list[str]:
    """Advisory-lock names for the article's actor names (taken before resolving them)."""
    from sitroom.attribution.gazetteer import normalise

    return sorted({f"actor:{normalise(n)}" for _, n, _ in _refs(record) if n and normalise(n)})


def write(
    conn: Connection,
    record: Record,
    published: str | None,
    gazetteer: GazetteerLike | None = None,
) -> dict[str, Any]:
    """Give the article's actors their ids across articles and upsert them.

    Args:
        conn: The connection in the transaction that stores the article.
        record: The article's cleaned ``AnalyzedArticle.to_dict()``.
        published: The article's published date: the actors' first or last seen.
        gazetteer: The gazetteer to resolve by; the package's when None.

    Returns:
        A copy of ``record`` whose actor references carry the ids across articles (the
        stored record itself keeps the article's own ids).
    """
    if gazetteer is None:
        from sitroom.attribution.ports import default_gazetteer

        gazetteer = default_gazetteer()
    advisory_locks(conn, lock_names(record))
    mapping, new_names = _resolve(conn, gazetteer, record)
    canonical = rewrite(record, lambda i: mapping.get(i, i))
    rows = _actor_rows(canonical, published)
    if rows:
        conn.execute(_upsert(conn.dialect.name, rows))
    if new_names:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        conn.execute(
            insert(actor_names).on_conflict_do_nothing(),
            [{"name_key": k, "actor_id": mapping[i]} for i, k in sorted(new_names.items())],
        )
    return canonical


def _refs(record: Record) -> Iterator[tuple[str | None, str | None, Mapping[str, Any]]]:
    """Every actor reference of the record as (id, name, the dict), in record order."""
    for entity in _items(record, "entities"):
        yield text(entity.get("id")), text(entity.get("name")), entity
    for quote in [*_items(record, "quotes"), *_items(record, "views")]:
        speaker = quote.get("speaker")
        if isinstance(speaker, Mapping):
            yield text(speaker.get("id")), text(speaker.get("name")), speaker
    for field, names in REF_FIELDS.items():
        for item in _items(record, field):
            for name in names:
                value = item.get(name)
                if isinstance(value, Mapping):
                    yield text(value.get("id")), text(value.get("name")), value
            for stance in _items(item, "stances"):
                by = stance.get("by")
                if isinstance(by, Mapping):
                    yield text(by.get("id")), text(by.get("name")), by


def _items(record: Mapping[str, Any], field: str) -> list[Mapping[str, Any]]:
    return [item for item in record.get(field) or [] if isinstance(item, Mapping)]


def _resolve(
    conn: Connection, gazetteer: GazetteerLike, record: Record
) -> tuple[dict[str, str], dict[str, str]]:
    """The article's ids mapped to ids across articles, and the names to store for new ones."""
    from sitroom.attribution.gazetteer import normalise

    mapping: dict[str, str] = {}
    pending: dict[str, str] = {}  # article id -> normalised name, for the name lookup
    for local, name, _ in _refs(record):
        if not local or local in mapping or local in pending:
            continue
        known = gazetteer.get(local) is not None or local.startswith(OUTLET_PREFIX)
        actor = None if known or not name else gazetteer.by_name(name)
        key = normalise(name) if name and not known and actor is None else ""
        if key:
            pending[local] = key
        else:
            mapping[local] = actor.id if actor is not None else local
    stored: dict[str, str] = {}
    if pending:
        rows = conn.execute(
            sa.select(actor_names.c.name_key, actor_names.c.actor_id).where(
                actor_names.c.name_key.in_(sorted(set(pending.values())))
            )
        )
        stored = {r.name_key: r.actor_id for r in rows}
    new_names: dict[str, str] = {}
    for local, key in pending.items():
        mapping[local] = stored.get(key, local)
        if key not in stored and key not in new_names.values():
            new_names[local] = key
    return mapping, new_names


def rewrite(record: Record, canonical: Callable[[str], str]) -> dict[str, Any]:
    """A copy of the record with every actor id passed through ``canonical``."""

    def fix(ref: Any) -> Any:
        if not isinstance(ref, Mapping) or not isinstance(ref.get("id"), str) or not ref["id"]:
            return ref
        return {**ref, "id": canonical(ref["id"])}

    out = dict(record)
    out["entities"] = [fix(e) for e in record.get("entities") or []]
    for field in ("quotes", "views"):
        if field in record:
            out[field] = [
                {**q, "speaker": fix(q.get("speaker"))} if isinstance(q, Mapping) else q
                for q in record.get(field) or []
            ]
    for field, names in REF_FIELDS.items():
        items = []
        for item in record.get(field) or []:
            if isinstance(item, Mapping):
                item = {**item, **{n: fix(item.get(n)) for n in names if n in item}}
                if isinstance(item.get("stances"), list):
                    item["stances"] = [
                        {**s, "by": fix(s.get("by"))} if isinstance(s, Mapping) else s
                        for s in item["stances"]
                    ]
            items.append(item)
        out[field] = items
    return out


def _actor_rows(record: Record, published: str | None) -> list[dict[str, Any]]:
    """One row per actor id; earlier references win, later ones fill gaps."""
    found: dict[str, dict[str, Any]] = {}
    for actor_id, _, ref in _refs(record):
        if not actor_id:
            continue
        row = found.setdefault(actor_id, {"id": actor_id, "name": None, "kind": None, "role": None})
        for field in ("name", "kind", "role"):
            if row[field] is None:
                row[field] = text(ref.get(field))
        if row["kind"] is None and actor_id.startswith(OUTLET_PREFIX):
            row["kind"] = "outlet"
        row["first_seen"] = row["last_seen"] = published
    return [{**found[k], "name": found[k]["name"] or k} for k in sorted(found)]


def _upsert(dialect: str, rows: list[dict[str, Any]]) -> Any:
    """INSERT actors, or update them: name, kind and role from the newer article, dates widened."""
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(actors).values(rows)
    new, old = stmt.excluded, actors.c
    newer = sa.func.coalesce(new.last_seen, "") >= sa.func.coalesce(old.last_seen, "")

    def latest(column: str) -> Any:
        return sa.case(
            (newer, sa.func.coalesce(new[column], old[column])),
            else_=sa.func.coalesce(old[column], new[column]),
        )

    def widest(column: str, earlier: bool) -> Any:
        wins = new[column] < old[column] if earlier else new[column] > old[column]
        return sa.case(
            (old[column].is_(None), new[column]),
            (new[column].is_(None), old[column]),
            (wins, new[column]),
            else_=old[column],
        )

    return stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={
            "name": latest("name"),
            "kind": latest("kind"),
            "role": latest("role"),
            "first_seen": widest("first_seen", earlier=True),
            "last_seen": widest("last_seen", earlier=False),
        },
    )
