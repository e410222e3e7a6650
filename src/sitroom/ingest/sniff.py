"""What a file holds, from its name, its declared media type and its first bytes.

The answer is one of ``Kind``: a page (``html``), plain ``text``, a ``feed``,
a ``warc`` archive, or ``binary`` data sitroom cannot read.
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

Kind = Literal["html", "text", "feed", "warc", "binary"]

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/1."

#: How much of the start of a file the sniffers look at. A page's doctype, a feed's
#: root element and a WARC's version line all sit well inside the first 8 KiB.
SNIFF_BYTES = 8192

#: More than this share of C0 control characters (other than whitespace) means binary
#: data: news text has almost none, compressed or image bytes about one in ten.
MAX_CONTROL_RATIO = 0.01

#: A start with this many ordinary tags is a page even without <html> (a saved fragment).
MIN_TAGS_FOR_HTML = 3

_BY_SUFFIX: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}

#: The file suffixes a folder is searched for (with or without a trailing ``.gz``).
NEWS_SUFFIXES = frozenset(_BY_SUFFIX)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2-compressed data; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed data; decompress it first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_RIFF_WEBP = (b"RIFF", b"WEBP")

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_FEED_ROOT = re.compile(
    rb"""\A\s*(?:<\?xml[^>]*>\s*)?              # XML declaration
        (?:(?:<!--.*?-->|<\?[^>]*>|<!DOCTYPE[^>]*>)\s*)*  # comments, stylesheets, doctype
        <(?:rss|feed|rdf:RDF)\b""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_COMMON_TAG = re.compile(
    rb"</?(?:p|div|span|a|br|h[1-6]|article|section|ul|li|table|em|strong|img|meta|title)\b",
    re.IGNORECASE,
)


def name_suffix(name: str) -> str:
    """The suffix that says the format, ignoring a trailing ``.gz`` (``a.html.gz`` -> ``.html``)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return lower[dot:] if dot > slash + 1 else ""


def kind_from_name(name: str | None) -> Kind | None:
    """The kind a file name promises, or None for an unknown or missing suffix."""
    return _BY_SUFFIX.get(name_suffix(name)) if name else None


def kind_from_content_type(content_type: str | None) -> Kind | None:
    """The kind a declared media type promises (HTTP or a WARC record), or None."""
    if not content_type:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("text/plain", "text/markdown"):
        return "text"
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if media == "application/warc":
        return "warc"
    return None


def binary_magic(data: bytes) -> str | None:
    """The name of a known binary format the bytes start with, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith(_RIFF_WEBP[0]) and data[8:12] == _RIFF_WEBP[1]:
        return "WebP image"
    return None


def has_bom(data: bytes) -> bool:
    """Whether the bytes start with a UTF-8, UTF-16 or UTF-32 byte order mark."""
    return data.startswith(_BOMS)


def looks_binary(data: bytes) -> bool:
    """Whether the start of the bytes has the control characters of binary data, not text."""
    sample = data[:SNIFF_BYTES]
    if not sample or has_bom(sample):
        return False
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls > MAX_CONTROL_RATIO * len(sample)


def is_feed(data: bytes) -> bool:
    """Whether the bytes start like an RSS, Atom or RDF feed."""
    return _FEED_ROOT.match(_strip_bom(data[:SNIFF_BYTES])) is not None


def is_html(data: bytes) -> bool:
    """Whether the bytes start like a page: a doctype, <html>/<head>/<body>, or several tags."""
    sample = data[:SNIFF_BYTES]
    if _HTML_START.search(sample):
        return True
    return len(_COMMON_TAG.findall(sample)) >= MIN_TAGS_FOR_HTML


def is_warc(head: bytes) -> bool:
    """Whether the bytes start a WARC file, plain or gzipped record by record."""
    if head.startswith(WARC_MAGIC):
        return True
    if head.startswith(GZIP_MAGIC):
        try:
            start = zlib.decompressobj(wbits=31).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
        return start.startswith(WARC_MAGIC)
    return False


def detect(data: bytes, name: str | None = None, content_type: str | None = None) -> Kind:
    """The kind of already decompressed bytes.

    Containers (WARC, feeds) and binary data are recognised by their bytes first;
    then the file name, then the declared media type, then the bytes decide
    between a page and plain text.
    """
    if data.startswith(WARC_MAGIC):
        return "warc"
    if binary_magic(data):
        return "binary"
    by_name = kind_from_name(name)
    by_type = kind_from_content_type(content_type)
    if by_name in ("warc", "feed") or by_type in ("warc", "feed") or is_feed(data):
        return "warc" if "warc" in (by_name, by_type) else "feed"
    if by_name is not None:
        return by_name
    if by_type is not None:
        return by_type
    if is_html(data):
        return "html"
    return "binary" if looks_binary(data) else "text"


def _strip_bom(data: bytes) -> bytes:
    """The bytes without a UTF-8 byte order mark."""
    return data[3:] if data.startswith(_BOMS[0]) else data
