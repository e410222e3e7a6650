"""The records that flow through the pipeline, and the output contract.

A ``RawDocument`` is what ingest hands on: bytes plus where they came from.
An ``Article`` is what extract makes of it: clean text and metadata.
An ``AnalyzedArticle`` is one record of the output contract in DESIGN.md
(``schema: sitroom.article/1``); later stages fill its entities, quotes,
figures, events, claims and signals.

Every span is ``(start, end)`` in character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "sitroom.article/1"

#: What the bytes are: a page, plain (scraped) text, or only a feed's entry for an unfetched link.
DocFormat = Literal["html", "text", "feed-item"]
#: How they arrived.
Via = Literal["file", "stdin", "url", "feed", "warc"]
Span = tuple[int, int]


@dataclass(slots=True, kw_only=True)
class FeedEntry:
    """What a feed said about an item, kept whether or not the link is fetched."""

    feed: str
    """The feed as the user named it: its path or URL."""
    feed_title: str | None = None
    """The feed's own title, e.g. "BBC News - World"."""
    title: str | None = None
    link: str | None = None
    published: str | None = None
    summary: str | None = None
    author: str | None = None


@dataclass(slots=True, kw_only=True)
class RawDocument:
    """Bytes from one input, before extraction.

    ``origin`` names the input the way a user would recognise it: a path,
    a URL, ``path.warc.gz#record-3`` or ``feed.xml#item-2``.
    """

    origin: str
    data: bytes
    format: DocFormat
    via: Via
    path: str | None = None
    url: str | None = None
    content_type: str | None = None
    """The declared media type with its charset, e.g. from HTTP or a WARC record."""
    fetched_at: str | None = None
    feed_entry: FeedEntry | None = None
    warnings: list[str] = field(default_factory=list)
    """Problems that did not stop the document (a feed item's page that could not be fetched)."""
    encoding: str | None = None
    """The codec that decodes ``data``, once ingest has found it (so it is not detected twice)."""


@dataclass(slots=True, kw_only=True)
class Removed:
    """A piece of page furniture taken out of the body, kept for audit."""

    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(slots=True, kw_only=True)
class Article:
    """Clean text and metadata of one news article."""

    text: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    bylines: list[str] = field(default_factory=list)
    language: str | None = "en"
    description: str | None = None
    site_name: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "bylines": list(self.bylines),
            "language": self.language,
            "description": self.description,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
        }


@dataclass(slots=True, kw_only=True)
class Source:
    """Where an article came from."""

    path: str | None
    url: str | None
    outlet: str | None
    format: DocFormat
    via: Via
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "url": self.url,
            "outlet": self.outlet,
            "format": self.format,
            "via": self.via,
            "origin": self.origin,
        }


@dataclass(slots=True, kw_only=True)
class AnalyzedArticle:
    """One record of the output contract (``sitroom.article/1``)."""

    id: str
    source: Source
    article: Article
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)
    """Attributions that are no statement: stances, intentions, unsourced views."""
    figures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    signals: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source.to_dict(),
            "article": self.article.to_dict(),
            "entities": self.entities,
            "quotes": self.quotes,
            "views": self.views,
            "figures": self.figures,
            "events": self.events,
            "claims": self.claims,
            "signals": self.signals,
        }


_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]")


def normalise_body(text: str) -> str:
    """The body as compared for exact duplicates: NFKC, case-folded, no punctuation or spacing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NON_WORD.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def article_id(text: str) -> str:
    """A stable id from the normalised body: the same story text gives the same id anywhere."""
    digest = hashlib.sha256(normalise_body(text).encode("utf-8")).hexdigest()
    return digest[:16]
