"""Bounded gzip and deflate decompression.

Compressed input is inflated a piece at a time with a cap on each piece, so a
decompression bomb (a few KiB that inflate to gigabytes) is stopped at the
size limit instead of filling memory.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from sitroom.errors import DecodeError, TooLarge
from sitroom.ingest.sniff import GZIP_MAGIC

log = logging.getLogger(__name__)

#: zlib window bits: 31 reads the gzip container, 15 zlib-wrapped deflate, -15 raw deflate.
GZIP_WBITS = 31
ZLIB_WBITS = 15
RAW_DEFLATE_WBITS = -15

#: Most bytes one decompression step may produce. Small enough that one step of a
#: bomb (zlib inflates up to about 1000:1) stays a few hundred KiB.
PIECE_BYTES = 256 * 1024

#: How much compressed input is read from a stream at a time.
READ_BYTES = 64 * 1024


class Inflater:
    """Incremental decompression of gzip (several members allowed) or deflate, with a size cap."""

    def __init__(self, origin: str, limit: int | None, wbits: int = GZIP_WBITS) -> None:
        self.origin = origin
        self.limit = limit
        self.wbits = wbits
        self.produced = 0
        self._inflate = zlib.decompressobj(wbits=wbits)
        self._carry = b""  # the start of a next member's magic, split across two feeds

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompressed pieces of the next compressed bytes.

        Raises:
            TooLarge: the output passes the limit.
            DecodeError: the bytes are not valid gzip or deflate.
        """
        pending, self._carry = self._carry + data, b""
        while pending:
            if self._inflate.eof:
                pending = self._next_member(pending)
                continue
            piece = self._decompress(pending)
            eof = self._inflate.eof
            pending = self._inflate.unused_data if eof else self._inflate.unconsumed_tail
            if piece:
                yield self._count(piece)
        # A capped step can leave output inside zlib after all input was taken.
        while not self._inflate.eof and (piece := self._decompress(b"")):
            yield self._count(piece)

    def finish(self) -> None:
        """Check that the compressed stream ended where it should.

        Raises:
            DecodeError: the stream stopped in the middle (``truncated gzip``).
        """
        if not self._inflate.eof:
            raise DecodeError(self.origin, f"truncated {self._name()}")

    def _decompress(self, data: bytes) -> bytes:
        """One capped decompression step."""
        try:
            return self._inflate.decompress(data, PIECE_BYTES)
        except zlib.error as exc:
            raise DecodeError(self.origin, f"not valid {self._name()}: {exc}") from None

    def _next_member(self, rest: bytes) -> bytes:
        """Start on the next gzip member in ``rest``, or drop trailing bytes that are not one."""
        if self.wbits == GZIP_WBITS and rest.startswith(GZIP_MAGIC):
            self._inflate = zlib.decompressobj(wbits=self.wbits)
            return rest
        if self.wbits == GZIP_WBITS and GZIP_MAGIC.startswith(rest):
            self._carry = rest
            return b""
        if rest.strip(b"\x00"):
            log.debug("%s: ignoring %d bytes after the compressed data", self.origin, len(rest))
        return b""

    def _count(self, piece: bytes) -> bytes:
        """Add a piece to the running total, refusing it past the limit."""
        self.produced += len(piece)
        if self.limit is not None and self.produced > self.limit:
            raise TooLarge(
                self.origin, f"more than {self.limit} bytes once decompressed (limit: max_bytes)"
            )
        return piece

    def _name(self) -> str:
        """What the data is called in messages."""
        return "gzip" if self.wbits == GZIP_WBITS else "deflate data"


def gunzip(data: bytes, origin: str, limit: int | None) -> bytes:
    """Decompress gzip bytes whole, with a cap on the output.

    Raises:
        TooLarge: the output passes ``limit``.
        DecodeError: not gzip, or truncated.
    """
    inflater = Inflater(origin, limit)
    out = bytearray()
    for piece in inflater.feed(data):
        out += piece
    inflater.finish()
    return bytes(out)


class GunzipReader:
    """A read-only file object that inflates a gzip stream lazily, with no total cap.

    WARC archives are gigabytes: they are streamed, never held whole, and a
    truncated last member raises ``DecodeError`` instead of ending quietly.
    """

    def __init__(self, raw: BinaryIO, origin: str) -> None:
        self._raw = raw
        self._inflater = Inflater(origin, None)
        self._pieces = self._generate()
        self._buffer = bytearray()
        self._position = 0
        self._error: DecodeError | None = None

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (all that is left when ``size`` < 0).

        Damage at the end of the stream is raised only once the good bytes before it
        have been handed out, so a reader gets every whole record first.
        """
        while self._error is None and (size < 0 or len(self._buffer) < size):
            try:
                piece = next(self._pieces, None)
            except DecodeError as exc:
                self._error = exc
                break
            if piece is None:
                break
            self._buffer += piece
        if self._error is not None and not self._buffer:
            raise self._error
        if size < 0:
            size = len(self._buffer)
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        self._position += len(out)
        return out

    def tell(self) -> int:
        """Bytes handed out so far."""
        return self._position

    def close(self) -> None:
        """Close the underlying stream."""
        self._raw.close()

    def _generate(self) -> Iterator[bytes]:
        """Decompressed pieces of the whole stream, then the truncation check."""
        while chunk := self._raw.read(READ_BYTES):
            yield from self._inflater.feed(chunk)
        self._inflater.finish()
