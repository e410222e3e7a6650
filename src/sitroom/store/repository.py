"""The store's repository: open and migrate, add articles with de-duplication, read them back."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from sitroom import settings
from sitroom.errors import StoreError
from sitroom.ledger import actors as ledger_actors
from sitroom.ledger import claims as ledger_claims
from sitroom.ledger import clusters as ledger_clusters
from sitroom.ledger import events as ledger_events
from sitroom.ledger import figures as ledger_figures
from sitroom.models import AnalyzedArticle
from sitroom.store import export, migrate
from sitroom.store import quotes as said
from sitroom.store import search as fts
from sitroom.store.codec import (
    clean_record,
    clean_text,
    estimated_jaccard,
    pack_signature,
    unpack_signature,
)
from sitroom.store.engine import advisory_locks, create_engine, normalise_url, run_with_retry
from sitroom.store.schema import (
    article_sources,
    articles,
    minhash_bands,
    raw_inputs,
)

log = logging.getLogger(__name__)

AddStatus = Literal["new", "duplicate", "near-duplicate"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did with an article."""

    status: AddStatus
    article_id: str
    cluster_id: str
    similar_to: str | None
    """The stored article it matched: the best match of a near-duplicate, itself for a duplicate."""
    similarity: float | None = None
    """Estimated Jaccard similarity to ``similar_to`` (near-duplicates only)."""


@dataclass(frozen=True, slots=True)
class ClusterMember:
    """One article of a near-duplicate cluster."""

    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One input in which an article was seen."""

    origin: str
    url: str | None
    outlet: str | None
    raw_sha256: str
    seen_at: datetime


class Store:
    """Articles in SQLite or PostgreSQL: de-duplicated, searchable, safe for concurrent writers.

    Each :meth:`add` commits on its own, so an interrupted run loses nothing it reported
    as added. Do not share one Store across forked processes: open one per process.
    """

    def __init__(self, url: str) -> None:
        """Connect to the database at ``url`` and bring its schema up to date.

        Args:
            url: ``sqlite:///path.db``, ``postgresql://user:pw@host/db`` (``postgres://``
                and ``postgresql+psycopg://`` work too), or a plain SQLite file path.
        """
        self.url = normalise_url(url)
        with self._errors("open"):
            self.engine = create_engine(self.url)
        self.dialect = self.engine.dialect.name
        try:
            if not migrate.schema_is_current(self.engine):
                with self._errors("migrate"):
                    run_with_retry(self.engine, migrate.upgrade, "migrate")
        except BaseException:
            self.engine.dispose()
            raise

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at ``url``, or at :func:`sitroom.settings.default_db_url`.

        Args:
            url: A database URL or SQLite path; None for the default.

        Returns:
            The open, migrated store.
        """
        return cls(url if url is not None else settings.default_db_url())

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def add(
        self,
        analyzed: AnalyzedArticle,
        *,
        raw_sha256: str,
        signature: Sequence[int] | None,
        band_keys: Sequence[str],
        near_threshold: float = 0.8,
    ) -> AddResult:
        """Store one article in its own transaction, de-duplicated exactly and approximately.

        An article whose id is stored already is a duplicate: only its new source is
        recorded. Otherwise the stored articles that share a band key are compared by
        signature, and the best one at or above ``near_threshold`` makes this a
        near-duplicate in its cluster; else the article starts a cluster of its own.
        NUL characters are dropped from every string before storing.

        Args:
            analyzed: The analysed article.
            raw_sha256: SHA-256 of the input bytes, so later runs can skip them.
            signature: Its MinHash signature (uint64 values), or None.
            band_keys: Its LSH band keys; stored articles sharing one are candidates.
            near_threshold: Least estimated Jaccard similarity of a near-duplicate.

        Returns:
            What happened, with the article's cluster.
        """
        record = clean_record(analyzed.to_dict())
        minhash = pack_signature(signature) if signature is not None else None
        keys = sorted({clean_text(k) for k in band_keys})

        def work(conn: Connection) -> AddResult:
            return self._add(conn, record, raw_sha256, minhash, keys, near_threshold)

        with self._errors(f"add {analyzed.id}"):
            return run_with_retry(self.engine, work, f"add {analyzed.id}")

    def _add(
        self,
        conn: Connection,
        record: dict[str, Any],
        raw_sha256: str,
        minhash: bytes | None,
        keys: list[str],
        near_threshold: float,
    ) -> AddResult:
        article_id: str = record["id"]
        source: dict[str, Any] = record["source"]
        now = datetime.now(UTC)
        # Serialise writers of overlapping articles (SQLite does it with BEGIN IMMEDIATE).
        advisory_locks(conn, keys)
        existing = conn.scalar(sa.select(articles.c.cluster_id).where(articles.c.id == article_id))
        if existing is not None:
            return self._duplicate(conn, record, raw_sha256, existing, now)

        status: AddStatus = "new"
        cluster_id, similar_to, similarity = article_id, None, None
        if minhash is not None and keys:
            best = self._best_candidate(conn, minhash, keys)
            if best is not None and best[2] >= near_threshold:
                status = "near-duplicate"
                similar_to, cluster_id, similarity = best

        body: dict[str, Any] = record["article"]
        values: dict[str, Any] = {
            "id": article_id,
            "title": body.get("title"),
            "published": body.get("published"),
            "updated": body.get("updated"),
            "bylines": body.get("bylines") or [],
            "language": body.get("language"),
            "description": body.get("description"),
            "text": body.get("text") or "",
            "removed": body.get("removed") or [],
            "outlet": source.get("outlet"),
            "url": source.get("url"),
            "path": source.get("path"),
            "origin": source.get("origin") or "",
            "format": source.get("format") or "",
            "via": source.get("via") or "",
            "cluster_id": cluster_id,
            "minhash": minhash,
            "record": record,
            "ingested_at": now,
        }
        if self.dialect == "sqlite":
            # No sequences in SQLite; BEGIN IMMEDIATE makes max + 1 race-free.
            values["seq"] = sa.select(
                sa.func.coalesce(sa.func.max(articles.c.seq), 0) + 1
            ).scalar_subquery()
        inserted = conn.scalar(
            self._insert(articles, ["id"]).values(values).returning(articles.c.id)
        )
        if inserted is None:  # another writer stored it since we looked
            log.debug("%s was stored concurrently: duplicate", article_id)
            existing = conn.scalar(
                sa.select(articles.c.cluster_id).where(articles.c.id == article_id)
            )
            return self._duplicate(conn, record, raw_sha256, existing or article_id, now)

        self._write_ledger(conn, record, body.get("published"))
        if minhash is not None and keys:
            conn.execute(
                self._insert(minhash_bands, ["band_key", "article_id"]),
                [{"band_key": k, "article_id": article_id} for k in keys],
            )
        self._record_seen(conn, record, raw_sha256, status, now)
        log.debug("stored %s as %s (cluster %s)", article_id, status, cluster_id)
        return AddResult(
            status=status,
            article_id=article_id,
            cluster_id=cluster_id,
            similar_to=similar_to,
            similarity=similarity,
        )

    def _write_ledger(
        self, conn: Connection, record: dict[str, Any], published: str | None
    ) -> None:
        """Who said what and the ledger across articles, in the article's transaction.

        Actors first (their ids across articles rewrite the record's references), then
        entities and quotes, then figures, events and claims under the advisory locks of
        their cluster keys (taken after the band-key and actor-name locks, each set in
        sorted order, so writers cannot deadlock).
        """
        canonical = ledger_actors.write(conn, record, published)
        said.write(conn, canonical, published)
        advisory_locks(
            conn, ledger_events.lock_names(canonical) + ledger_claims.lock_names(canonical)
        )
        ledger_figures.write(conn, canonical, published)
        ledger_events.write(conn, canonical, published)
        ledger_claims.write(conn, canonical, published)

    def _best_candidate(
        self, conn: Connection, minhash: bytes, keys: list[str]
    ) -> tuple[str, str, float] | None:
        """The most similar stored article sharing a band key: (id, cluster_id, similarity)."""
        rows = conn.execute(
            sa.select(articles.c.id, articles.c.cluster_id, articles.c.minhash, articles.c.seq)
            .where(
                articles.c.id.in_(
                    sa.select(minhash_bands.c.article_id).where(minhash_bands.c.band_key.in_(keys))
                )
            )
            .order_by(articles.c.seq)
        )
        signature = unpack_signature(minhash)
        best: tuple[str, str, float] | None = None
        for row in rows:
            if row.minhash is None:
                continue
            similarity = estimated_jaccard(signature, unpack_signature(row.minhash))
            if best is None or similarity > best[2]:
                best = (row.id, row.cluster_id, similarity)
        return best

    def _duplicate(
        self,
        conn: Connection,
        record: dict[str, Any],
        raw_sha256: str,
        cluster_id: str,
        now: datetime,
    ) -> AddResult:
        self._record_seen(conn, record, raw_sha256, "duplicate", now)
        article_id: str = record["id"]
        return AddResult(
            status="duplicate",
            article_id=article_id,
            cluster_id=cluster_id,
            similar_to=article_id,
        )

    def _record_seen(
        self,
        conn: Connection,
        record: dict[str, Any],
        raw_sha256: str,
        status: AddStatus,
        now: datetime,
    ) -> None:
        """Record the input as a source of the article and as processed."""
        source: dict[str, Any] = record["source"]
        origin = source.get("origin") or ""
        conn.execute(
            self._insert(article_sources, ["article_id", "origin"]).values(
                article_id=record["id"],
                origin=origin,
                url=source.get("url"),
                outlet=source.get("outlet"),
                raw_sha256=raw_sha256,
                seen_at=now,
            )
        )
        conn.execute(
            self._insert(raw_inputs, ["raw_sha256"]).values(
                raw_sha256=raw_sha256,
                origin=origin,
                article_id=record["id"],
                status=status,
                seen_at=now,
            )
        )

    def _insert(self, table: sa.Table, conflict: list[str]) -> Any:
        """INSERT ... ON CONFLICT (conflict) DO NOTHING for this dialect."""
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing(index_elements=conflict)
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=conflict)

    # -- reading ---------------------------------------------------------------------------

    def seen_raw(self, raw_sha256: str) -> str | None:
        """Whether these exact input bytes were processed already.

        Args:
            raw_sha256: SHA-256 of the input bytes.

        Returns:
            The article id they gave ("" if none is recorded), or None if never processed.
            Inputs that failed are not recorded, so they are retried.
        """
        with self._read("seen_raw") as conn:
            row = conn.execute(
                sa.select(raw_inputs.c.article_id).where(raw_inputs.c.raw_sha256 == raw_sha256)
            ).first()
        if row is None:
            return None
        return row.article_id or ""

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored record of an article.

        Args:
            article_id: The article's id.

        Returns:
            Its ``AnalyzedArticle.to_dict()`` as stored (NULs dropped) with the
            ``cluster_id`` of its near-duplicate cluster added, or None.
        """
        with self._read("get") as conn:
            row = conn.execute(
                sa.select(articles.c.record, articles.c.cluster_id).where(
                    articles.c.id == article_id
                )
            ).first()
        if row is None:
            return None
        return {**dict(row.record), "cluster_id": row.cluster_id}

    def count(self) -> int:
        """The number of stored articles."""
        with self._read("count") as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(articles)) or 0)

    def cluster(self, cluster_id: str) -> list[ClusterMember]:
        """The articles of a near-duplicate cluster, in ingestion order.

        Args:
            cluster_id: A cluster id (the id of the cluster's first article).

        Returns:
            Its members with outlet and URL; empty for an unknown cluster.
        """
        stmt = (
            sa.select(
                articles.c.id,
                articles.c.title,
                articles.c.outlet,
                articles.c.url,
                articles.c.published,
                articles.c.origin,
            )
            .where(articles.c.cluster_id == cluster_id)
            .order_by(articles.c.seq)
        )
        with self._read("cluster") as conn:
            return [
                ClusterMember(
                    article_id=r.id,
                    title=r.title,
                    outlet=r.outlet,
                    url=r.url,
                    published=r.published,
                    origin=r.origin,
                )
                for r in conn.execute(stmt)
            ]

    def sources(self, article_id: str) -> list[ArticleSource]:
        """Every input in which an article was seen, oldest first.

        Args:
            article_id: The article's id.

        Returns:
            Its sources; empty for an unknown article.
        """
        t = article_sources
        stmt = (
            sa.select(t.c.origin, t.c.url, t.c.outlet, t.c.raw_sha256, t.c.seen_at)
            .where(t.c.article_id == article_id)
            .order_by(t.c.seen_at, t.c.origin)
        )
        with self._read("sources") as conn:
            return [
                ArticleSource(
                    origin=r.origin,
                    url=r.url,
                    outlet=r.outlet,
                    raw_sha256=r.raw_sha256,
                    seen_at=r.seen_at,
                )
                for r in conn.execute(stmt)
            ]

    def search(self, query: str, *, limit: int = 20) -> list[fts.SearchHit]:
        """Full-text search over titles and bodies, ranked by bm25 (SQLite) or ts_rank.

        Args:
            query: Words, "phrases", OR, -word / NOT word; any other input is made safe.
            limit: The most hits to return.

        Returns:
            The hits, best first.
        """
        with self._read("search") as conn:
            return fts.search(conn, query, limit)

    def quotes(
        self, *, speaker: str | None = None, article_id: str | None = None, limit: int = 100
    ) -> list[said.QuoteRow]:
        """Stored statements, oldest article first, then in the order of the article's text.

        Args:
            speaker: Only statements by this actor: its id ("joe-biden"), its canonical
                name, or any run of its words, case-insensitive ("Biden", "joe biden").
            article_id: Only statements of this article.
            limit: The most rows to return.

        Returns:
            The statements with their article's title, outlet, date and URL.
        """
        with self._read("quotes") as conn:
            return said.select_quotes(conn, speaker=speaker, article_id=article_id, limit=limit)

    def actors(self, *, kind: str | None = None) -> list[said.ActorRow]:
        """Every actor mentioned or quoted in stored articles, most quoted first.

        Args:
            kind: Only actors of this kind ("person", "organisation", "state", ...).

        Returns:
            The actors with their latest role, first and last dates, and counts of
            their quotes and of the articles that mention or quote them.
        """
        with self._read("actors") as conn:
            return said.select_actors(conn, kind=kind)

    def claims(
        self, *, disputed: bool = False, actor: str | None = None, limit: int = 50
    ) -> list[ledger_clusters.ClaimClusterRow]:
        """Claims across articles, clustered by proposition, latest seen first.

        Args:
            disputed: Only clusters whose verification is ``disputed``.
            actor: Only clusters this actor claims, supports or disputes: its id or any
                run of words of its name, as for :meth:`quotes`.
            limit: The most clusters to return.

        Returns:
            The clusters with verification, claimants, supporters, disputers, first and
            last seen, counts, and their claims with articles and outlets.
        """
        with self._read("claims") as conn:
            return ledger_clusters.select_clusters(
                conn, disputed=disputed, actor=actor, limit=limit
            )

    def figures(self, subject: str, *, limit: int | None = None) -> list[ledger_figures.FigureRow]:
        """A figure series: one measure or subject over time, with sources.

        Args:
            subject: A measure ("troops", "killed") or words of the subjects, any order.
            limit: The most figures to return; all when None.

        Returns:
            The figures in date order (undated last), each with its source and article.
        """
        with self._read("figures") as conn:
            return ledger_figures.select_series(conn, subject, limit=limit)

    def events(
        self, *, type_: str | None = None, actor: str | None = None, limit: int = 100
    ) -> list[ledger_events.EventClusterRow]:
        """Events across articles, each reported event once, latest first.

        Args:
            type_: Only this PLOVER type ("MOBILIZE"), any case.
            actor: Only events with this actor as actor or target (id or name words).
            limit: The most events to return.

        Returns:
            The deduplicated events with report and article counts, sources and outlets.
        """
        with self._read("events") as conn:
            return ledger_events.select_clusters(conn, type_=type_, actor=actor, limit=limit)

    def export(self, out_dir: Path, fmt: export.ExportFormat) -> list[export.ExportedTable]:
        """Write every table to ``out_dir``, one file per table, from one consistent snapshot.

        Args:
            out_dir: The folder (created if missing); files in it are overwritten.
            fmt: ``parquet``, ``csv`` or ``jsonl``.

        Returns:
            What was written: table, file and row count.
        """
        with self._errors("export"), self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                return export.export_tables(conn, out_dir, fmt)

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _read(self, what: str) -> Iterator[Connection]:
        with self._errors(what), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"store {what} failed: {exc}") from exc
