"""Pages out of WARC web archives: one document per HTML ``response`` record.

Archives are streamed record by record, never held whole, so the size limit
applies to each page, not to the archive (crawls run to gigabytes). Records
read before damage (a truncated download, a broken record) are still handed
on; the damage is reported once, as ``MalformedInput``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from sitroom.errors import EmptyInput, InputError, MalformedInput, TooLarge
from sitroom.extract.dates import to_iso
from sitroom.ingest import sniff
from sitroom.ingest.compression import GunzipReader
from sitroom.models import RawDocument

log = logging.getLogger(__name__)

#: Bytes read at a time when skipping the rest of a record.
DRAIN_BYTES = 64 * 1024


class _TruncatedError(Exception):
    """A record ends before its declared Content-Length: the archive was cut short."""


def iter_warc(
    stream: BinaryIO, head: bytes, origin: str, *, path: str | None, limit: int
) -> Iterator[RawDocument | InputError]:
    """Documents for the HTML responses in a WARC stream, then the damage if any.

    Args:
        stream: the archive, positioned at its start (plain or gzipped per record).
        head: the first bytes of the stream, to tell gzip from plain.
        origin: the archive's name; records are named ``origin#<target URI>``.
        path: the archive's file path, when it is a file.
        limit: most bytes of one page.

    Returns:
        An iterator of documents and per-record errors.
    """
    source: Any = GunzipReader(stream, origin) if head.startswith(sniff.GZIP_MAGIC) else stream
    records = pages = 0
    try:
        for record in ArchiveIterator(source):
            records += 1
            item = _response_document(record, records, origin, path=path, limit=limit)
            _drain(record)
            if item is not None:
                pages += 1
                yield item
    except Exception as exc:  # warcio raises many types on damaged input
        log.debug("%s: WARC read failed", origin, exc_info=True)
        yield MalformedInput(origin, _damage(exc, pages))
        return
    if records == 0:
        yield MalformedInput(origin, "not a WARC archive: no records found")


def _response_document(
    record: Any, number: int, origin: str, *, path: str | None, limit: int
) -> RawDocument | InputError | None:
    """The document of one record, an error about it, or None when it holds no page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{number}"
    name = f"{origin}#{uri}"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        log.debug("%s: skipping HTTP %s", name, status)
        return None
    content_type = record.http_headers.get_header("Content-Type")
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return TooLarge(name, f"page over {limit} bytes (limit: max_bytes)")
    declared = sniff.kind_from_content_type(content_type)
    if declared != "html" and (declared is not None or not sniff.is_html(data)):
        log.debug("%s: skipping %s", name, content_type or "a payload that is not HTML")
        return None
    if not data.strip():
        return EmptyInput(name, "empty page in the archive")
    return RawDocument(
        origin=name,
        data=data,
        format="html",
        via="warc",
        path=path,
        url=uri,
        content_type=content_type,
        fetched_at=to_iso(record.rec_headers.get_header("WARC-Date")),
    )


def _drain(record: Any) -> None:
    """Read the rest of a record, and raise if it ends before its Content-Length.

    warcio hands out a cut-short record as if it were whole; what is left of the
    declared length after reading to the end is the sign.
    """
    if record.rec_headers.get_header("Content-Length") is None:
        raise _TruncatedError("a record header is cut short (no Content-Length)")
    while record.raw_stream.read(DRAIN_BYTES):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI")
        raise _TruncatedError(f"record {uri} is cut short" if uri else "a record is cut short")


def _damage(exc: Exception, pages: int) -> str:
    """One line about where and how an archive is damaged."""
    where = f"after {pages} page{'s' if pages != 1 else ''}" if pages else "before any page"
    if isinstance(exc, _TruncatedError):
        return f"truncated WARC, stopped {where}: {exc}"
    if isinstance(exc, InputError):
        return f"{exc.problem} in the WARC, stopped {where}"
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"damaged WARC {where}: {reason}"
