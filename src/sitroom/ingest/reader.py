"""The ingest run, read top to bottom: source strings in, raw documents (or errors) out.

1. A source is ``-`` (stdin), an http(s) URL, or a path, folder or glob (``files.expand``).
2. Bytes are read with a cap: files are measured before they are read, answers
   and pipes are stopped at the limit, WARC archives are streamed.
3. gzip is inflated with the same cap.
4. The bytes are sniffed: page, text, feed, WARC or binary (``sniff.detect``).
5. A feed gives one document per item, its link fetched when fetching is on;
   a WARC gives one document per HTML response.
6. Pages and text are decoded here, so undecodable input is reported with
   the batch rather than later; the codec found travels on the document
   (``RawDocument.encoding``), so the pipeline does not detect it again.

Every problem is yielded as an ``InputError`` and the batch goes on.
"""

from __future__ import annotations

import io
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from sitroom.errors import BinaryInput, EmptyInput, InputError, MalformedInput, TooLarge
from sitroom.ingest import files, sniff
from sitroom.ingest.compression import gunzip
from sitroom.ingest.decode import decode_with_encoding
from sitroom.ingest.feeds import FeedItem, parse_feed
from sitroom.ingest.fetch import Fetcher
from sitroom.ingest.stdin import STDIN_ORIGIN, read_stdin
from sitroom.ingest.warc import iter_warc
from sitroom.models import FeedEntry, RawDocument, Via
from sitroom.settings import Options

log = logging.getLogger(__name__)

Item = RawDocument | InputError

_URL_SCHEMES = ("http://", "https://")
_GZIP_TYPES = ("application/gzip", "application/x-gzip")
_READ_ME = "sitroom reads text, HTML, RSS/Atom feeds and WARC archives"


def iter_documents(sources: Iterable[str], options: Options) -> Iterator[RawDocument | InputError]:
    """Turn what the user named into raw documents, one input at a time.

    Args:
        sources: paths, folders, glob patterns, http(s) URLs, or ``-`` for stdin.
        options: fetching, size limit, timeouts, retries, robots.txt, user agent.

    Returns:
        An iterator of documents and, in their place, one-line ``InputError``s for
        inputs that cannot be read; nothing is raised for a bad input.
    """
    with Fetcher(options) as fetcher:
        reader = _Reader(options, fetcher)
        for source in sources:
            yield from reader.source(source)


@dataclass(slots=True, kw_only=True, frozen=True)
class _Where:
    """Where some bytes came from: what the documents made of them will say."""

    origin: str
    via: Via
    path: str | None = None
    url: str | None = None
    content_type: str | None = None
    fetched_at: str | None = None
    feed_entry: FeedEntry | None = None

    @property
    def name(self) -> str | None:
        """A file name to read a suffix from: the path's, else the URL path's."""
        return self.path or (urlsplit(self.url).path if self.url else None)


class _Reader:
    """Reads sources for one run, sharing the options and the HTTP client."""

    def __init__(self, options: Options, fetcher: Fetcher) -> None:
        self.options = options
        self.fetcher = fetcher

    def source(self, source: str) -> Iterator[Item]:
        """The documents of one source string."""
        if source == "-":
            yield from self._stdin()
        elif source.lower().startswith(_URL_SCHEMES):
            yield from self._url(source)
        elif "://" in source:
            yield InputError(source, "unsupported URL scheme: use http:// or https://")
        else:
            for found in files.expand(source):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from self._file(found)

    def _stdin(self) -> Iterator[Item]:
        """The documents piped in."""
        try:
            data = read_stdin(self.options.max_bytes)
        except InputError as exc:
            yield exc
            return
        yield from self._bytes(data, _Where(origin=STDIN_ORIGIN, via="stdin"))

    def _url(self, url: str) -> Iterator[Item]:
        """The documents at a URL: a page, or a feed's items."""
        if not self.options.fetch:
            yield InputError(url, "fetching is turned off, so a URL cannot be read")
            return
        try:
            got = self.fetcher.fetch(url)
        except InputError as exc:
            yield exc
            return
        where = _Where(
            origin=url,
            via="url",
            url=got.url,
            content_type=got.content_type,
            fetched_at=got.fetched_at,
        )
        yield from self._bytes(got.data, where)

    def _file(self, path: Path) -> Iterator[Item]:
        """The documents in one file; WARC archives are streamed, the rest read with a cap."""
        origin = str(path)
        where = _Where(origin=origin, via="file", path=origin)
        try:
            handle = io.BufferedReader(io.FileIO(path), buffer_size=sniff.SNIFF_BYTES)
        except OSError as exc:
            yield files.os_error(origin, exc)
            return
        with handle:
            try:
                head = handle.peek(sniff.SNIFF_BYTES)[: sniff.SNIFF_BYTES]
                if not head:
                    raise EmptyInput(origin, "empty file")
                if sniff.is_warc(head) or sniff.kind_from_name(path.name) == "warc":
                    data = None
                else:
                    data = self._read_capped(handle, origin)
            except InputError as exc:
                yield exc
                return
            except OSError as exc:
                yield files.os_error(origin, exc)
                return
            if data is None:
                limit = self.options.max_bytes
                yield from iter_warc(handle, head, origin, path=origin, limit=limit)
                return
        yield from self._bytes(data, where)

    def _read_capped(self, handle: io.BufferedReader[io.FileIO], origin: str) -> bytes:
        """A file's bytes, refused without reading when its size is over the limit."""
        limit = self.options.max_bytes
        size = _regular_file_size(handle)
        if size is not None and size > limit:
            raise TooLarge(origin, f"{size} bytes, over the limit of {limit} (max_bytes)")
        data = handle.read(limit + 1)  # pipes and growing files have no trustworthy size
        if len(data) > limit:
            raise TooLarge(origin, f"more than {limit} bytes (max_bytes)")
        return data

    def _bytes(self, data: bytes, where: _Where, *, page_only: bool = False) -> Iterator[Item]:
        """The documents in some bytes, by what they hold.

        ``page_only``: the bytes are a feed item's link, which must be a page or text.
        """
        limit = self.options.max_bytes
        if data.startswith(sniff.GZIP_MAGIC) and not sniff.is_warc(data[: sniff.SNIFF_BYTES]):
            try:
                data = gunzip(data, where.origin, limit)
            except InputError as exc:
                yield exc
                return
            if where.content_type and where.content_type.startswith(_GZIP_TYPES):
                where = replace(where, content_type=None)
        if not data or data.isspace():
            yield EmptyInput(where.origin, _empty_problem(where, data))
            return
        kind = sniff.detect(data, where.name, where.content_type)
        if page_only and kind not in ("html", "text"):
            yield _not_a_page(where.origin, data, kind)
        elif kind == "warc":
            stream = io.BytesIO(data)
            yield from iter_warc(stream, data[:2], where.origin, path=where.path, limit=limit)
        elif kind == "feed":
            yield from self._feed(data, where)
        elif kind == "binary":
            what = sniff.binary_magic(data) or "binary data"
            yield BinaryInput(where.origin, f"{what}, not text; {_READ_ME}")
        else:
            yield _checked(_document(data, kind, where))

    def _feed(self, data: bytes, where: _Where) -> Iterator[Item]:
        """A document per feed item."""
        try:
            items = parse_feed(data, where.origin, url=where.url, content_type=where.content_type)
        except InputError as exc:
            yield exc
            return
        for item in items:
            yield from self._feed_item(item, where)

    def _feed_item(self, item: FeedItem, feed: _Where) -> Iterator[Item]:
        """The linked page of a feed item, else (fetching off or failed) the item's own text."""
        link = item.entry.link
        problems: list[str] = []
        if self.options.fetch and link and link.lower().startswith(_URL_SCHEMES):
            results = list(self._linked_page(link, item.entry))
            if any(isinstance(result, RawDocument) for result in results):
                yield from results
                return
            problems = [f"{error}; the feed's summary stands in for the page" for error in results]
            log.info("%s: using the feed's summary instead of the page", link)
        fallback = _feed_item_document(item, feed)
        if isinstance(fallback, RawDocument):
            fallback.warnings.extend(problems)
        yield fallback

    def _linked_page(self, link: str, entry: FeedEntry) -> Iterator[Item]:
        """The page a feed item links to, or why it could not be had."""
        try:
            got = self.fetcher.fetch(link)
        except InputError as exc:
            yield exc
            return
        where = _Where(
            origin=link,
            via="feed",
            url=got.url,
            content_type=got.content_type,
            fetched_at=got.fetched_at,
            feed_entry=entry,
        )
        yield from self._bytes(got.data, where, page_only=True)


def _document(data: bytes, kind: sniff.Kind, where: _Where) -> RawDocument:
    """A page or text document."""
    return RawDocument(
        origin=where.origin,
        data=data,
        format="html" if kind == "html" else "text",
        via=where.via,
        path=where.path,
        url=where.url,
        content_type=where.content_type,
        fetched_at=where.fetched_at,
        feed_entry=where.feed_entry,
    )


def _checked(doc: RawDocument) -> Item:
    """The document if it decodes, else why not (so bad bytes are reported with the batch)."""
    try:
        _, doc.encoding = decode_with_encoding(doc)
    except InputError as exc:
        return exc
    return doc


def _feed_item_document(item: FeedItem, feed: _Where) -> Item:
    """A document of a feed item's own text (its content or summary), as UTF-8."""
    origin = f"{feed.origin}#item-{item.number}"
    if not item.text.strip():
        return EmptyInput(origin, "the feed item has no summary or content")
    return RawDocument(
        origin=origin,
        data=item.text.encode("utf-8"),
        format="feed-item",
        via="feed",
        path=feed.path,
        url=item.entry.link,
        fetched_at=feed.fetched_at,
        feed_entry=item.entry,
    )


def _not_a_page(origin: str, data: bytes, kind: sniff.Kind) -> InputError:
    """Why a feed item's link cannot stand for the item."""
    if kind == "binary":
        return BinaryInput(origin, f"{sniff.binary_magic(data) or 'binary data'}, not a page")
    what = "a feed" if kind == "feed" else "a WARC archive"
    return MalformedInput(origin, f"the link leads to {what}, not an article page")


def _empty_problem(where: _Where, data: bytes) -> str:
    """How to say that some input is empty."""
    what = {"file": "file", "stdin": "input"}.get(where.via, "response")
    return f"empty {what}" if not data else f"only whitespace in the {what}"


def _regular_file_size(handle: io.BufferedReader[io.FileIO]) -> int | None:
    """The size of a regular file, or None for a pipe or device."""
    info = os.fstat(handle.fileno())
    return info.st_size if stat.S_ISREG(info.st_mode) else None
