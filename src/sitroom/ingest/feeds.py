"""RSS and Atom feeds, read with feedparser: what each item says, and its text."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from sitroom.errors import EmptyInput, MalformedInput
from sitroom.extract.dates import to_iso
from sitroom.models import FeedEntry

log = logging.getLogger(__name__)

#: The media type feedparser is told: the bytes were already recognised as a feed,
#: and a server's "text/html" would otherwise count as a fault.
_FEED_MEDIA_TYPE = "application/xml"


@dataclass(slots=True, kw_only=True, frozen=True)
class FeedItem:
    """One item of a feed: its metadata and the fullest text the feed gives."""

    number: int
    """1-based position in the feed."""
    entry: FeedEntry
    text: str
    """The item's content, else its summary (HTML as the feed has it); may be empty."""


def parse_feed(
    data: bytes, origin: str, *, url: str | None = None, content_type: str | None = None
) -> list[FeedItem]:
    """The items of a feed.

    Args:
        data: the feed's bytes.
        origin: the feed's name, for messages and ``FeedEntry.feed``.
        url: where the feed came from, to resolve relative item links.
        content_type: the declared media type; only its charset is used.

    Returns:
        The items, in feed order.

    Raises:
        MalformedInput: not a feed, or damaged before any item.
        EmptyInput: a well-formed feed with no items.
    """
    headers = {"content-type": _FEED_MEDIA_TYPE + _charset_param(content_type)}
    if url:
        headers["content-location"] = url
    # Bytes, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(data, response_headers=headers)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if problem is not None:
            raise MalformedInput(origin, f"not a valid RSS or Atom feed: {_one_line(problem)}")
        raise EmptyInput(origin, "the feed has no items")
    if isinstance(problem, SAXException):
        log.warning(
            "%s: feed is not well-formed (%s); read %d items leniently",
            origin,
            _one_line(problem),
            len(parsed.entries),
        )
    feed_title = _text(parsed.feed, "title")
    return [
        FeedItem(number=number, entry=_entry(item, origin, feed_title), text=_item_text(item))
        for number, item in enumerate(parsed.entries, start=1)
    ]


def _entry(item: Mapping[str, Any], origin: str, feed_title: str | None) -> FeedEntry:
    """What the feed says about one item."""
    return FeedEntry(
        feed=origin,
        feed_title=feed_title,
        title=_text(item, "title"),
        link=_text(item, "link"),
        published=_date(item),
        summary=_text(item, "summary"),
        author=_author(item),
    )


def _item_text(item: Mapping[str, Any]) -> str:
    """The longest content block of an item, else its summary, else nothing."""
    blocks = [block.get("value", "") for block in item.get("content") or []]
    best = max(blocks, key=len, default="")
    return best or _text(item, "summary") or ""


def _date(item: Mapping[str, Any]) -> str | None:
    """The item's publication (else update) date as ISO 8601."""
    for key in ("published", "updated", "created"):
        iso = to_iso(_text(item, key))
        if iso:
            return iso
        parsed = item.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6]).isoformat()  # feedparser gives UTC
    return None


def _author(item: Mapping[str, Any]) -> str | None:
    """The author's name: the structured one when the feed gives "email (Name)"."""
    detail = item.get("author_detail")
    if isinstance(detail, Mapping) and detail.get("name"):
        return str(detail["name"]).strip() or None
    return _text(item, "author")


def _text(mapping: Mapping[str, Any], key: str) -> str | None:
    """A string field, stripped, or None when absent or blank."""
    value = mapping.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _charset_param(content_type: str | None) -> str:
    """The ``; charset=...`` part of a media type, or nothing."""
    if content_type and "charset=" in content_type.lower():
        return "; " + content_type.split(";", 1)[1].strip()
    return ""


def _one_line(exc: object) -> str:
    """The first line of an exception's message."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
