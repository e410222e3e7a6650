"""Bytes to text: the declared charset first, then detection.

The order follows how browsers decide (WHATWG "encoding sniffing"): a byte
order mark, then the HTTP or WARC ``Content-Type`` charset, then an HTML
``<meta>`` declaration, then strict UTF-8, then charset-normalizer. A BOM goes
first because it cannot be there by accident, while servers often send a
wrong default charset.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from sitroom.errors import BinaryInput, DecodeError
from sitroom.ingest import sniff
from sitroom.models import RawDocument

log = logging.getLogger(__name__)

#: Where a page's <meta charset> may sit: browsers look at 1 KiB, but pages written
#: by CMSs put a long <head> first, so the scan goes further.
META_SCAN_BYTES = 16 * 1024

#: More than this share of control characters in decoded text means binary data.
MAX_CONTROL_RATIO = sniff.MAX_CONTROL_RATIO

#: charset-normalizer often names a DOS code page (cp852, cp775) for short Western
#: text whose few non-ASCII bytes are € and curly quotes. windows-1252 is by far the
#: most common legacy charset of news pages, so it wins when its "chaos" is this close.
WESTERN_PREFERENCE_MARGIN = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Labels browsers read as windows-1252 (WHATWG encoding standard): pages that say
#: latin-1 routinely hold €, curly quotes and dashes from the 0x80-0x9F range.
_AS_WINDOWS_1252 = frozenset({"latin_1", "iso8859_1", "ascii", "us_ascii", "cp1252"})
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE | re.DOTALL
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?")


def decode(doc: RawDocument) -> str:
    """The text of a document, with newlines normalised to ``\\n``.

    Args:
        doc: the document; its ``content_type`` charset and, for HTML, its
            ``<meta>`` declaration are honoured when they fit the bytes. When
            ``doc.encoding`` is set (ingest found it), that codec is used first.

    Returns:
        The decoded text.

    Raises:
        BinaryInput: the bytes are binary data, not text.
        DecodeError: no encoding explains the bytes.
    """
    return decode_with_encoding(doc)[0]


def decode_with_encoding(doc: RawDocument) -> tuple[str, str]:
    """The text of a document (as ``decode``) and the codec that decoded it."""
    if doc.format == "feed-item":
        text, encoding = doc.data.decode("utf-8", errors="replace"), "utf-8"  # ingest wrote UTF-8
    else:
        text, encoding = _decode_bytes(doc)
        _refuse_binary(text, doc.origin)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _NEWLINES.sub("\n", text), encoding


def _decode_bytes(doc: RawDocument) -> tuple[str, str]:
    """Text by the first encoding, in order of trust, that decodes the bytes strictly."""
    data = doc.data
    known = [doc.encoding] if doc.encoding else []
    for label in known + [enc for bom, enc in _BOMS if data.startswith(bom)]:
        text = _try(data, label)
        if text is not None:
            return text, label
    for declared in _declared_charsets(doc):
        text = _try(data, declared)
        if text is not None:
            return text, declared
        log.debug("%s: declared charset %s does not fit the bytes", doc.origin, declared)
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if sniff.looks_binary(data):
        raise BinaryInput(doc.origin, "binary data, not text")
    return _detect(data, doc.origin)


def _declared_charsets(doc: RawDocument) -> list[str]:
    """Charsets the document declares: its media type's, then an HTML meta tag's."""
    found: list[str] = []
    if doc.content_type and (match := _CHARSET_PARAM.search(doc.content_type)):
        found.append(match.group(1))
    if doc.format == "html" and (meta := _META_CHARSET.search(doc.data[:META_SCAN_BYTES])):
        label = meta.group(1).decode("ascii", errors="replace")
        # A page cannot declare UTF-16 in a tag it was able to read as ASCII (WHATWG).
        found.append("utf-8" if label.lower().startswith(("utf-16", "utf-32")) else label)
    return found


def _try(data: bytes, label: str) -> str | None:
    """The bytes decoded strictly with a charset label, or None if it does not fit or is unknown."""
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if name in _AS_WINDOWS_1252:
        name = "cp1252"
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, origin: str) -> tuple[str, str]:
    """Text by charset-normalizer, preferring windows-1252 when it explains the bytes as well."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError(origin, "no text encoding explains these bytes")
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + WESTERN_PREFERENCE_MARGIN
        ):
            text = _try(data, "cp1252")
            if text is not None:
                log.debug("%s: decoded as windows-1252 (detected %s)", origin, best.encoding)
                return text, "cp1252"
    log.debug("%s: decoded as %s (detected)", origin, best.encoding)
    return str(best), best.encoding


def _refuse_binary(text: str, origin: str) -> None:
    """Raise BinaryInput when the decoded text is mostly control characters."""
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_RATIO * max(len(text), 1):
        raise BinaryInput(origin, f"binary data, not text ({controls} control characters)")
