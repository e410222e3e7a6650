"""decode(): declared charsets, BOMs, detection, newlines, and bytes that are not text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.errors import BinaryInput, DecodeError
from sitroom.ingest import decode
from sitroom.ingest.decode import decode_with_encoding
from sitroom.models import DocFormat, RawDocument

PARAGRAPH = "A loaf now costs €3.50 – “unbearable”, said the café’s owner."


def doc(data: bytes, fmt: DocFormat = "html", content_type: str | None = None) -> RawDocument:
    return RawDocument(origin="test", data=data, format=fmt, via="file", content_type=content_type)


def test_utf8_without_declaration() -> None:
    assert decode(doc(f"<p>{PARAGRAPH}</p>".encode())) == f"<p>{PARAGRAPH}</p>"


def test_content_type_charset_wins_over_detection() -> None:
    data = f"<p>{PARAGRAPH}</p>".encode("cp1252")
    assert PARAGRAPH in decode(doc(data, content_type="text/html; charset=windows-1252"))


def test_latin1_label_is_read_as_windows_1252() -> None:
    # Pages that say ISO-8859-1 hold € and curly quotes from windows-1252 (as browsers assume).
    data = f"<p>{PARAGRAPH}</p>".encode("cp1252")
    assert PARAGRAPH in decode(doc(data, content_type='text/html; charset="ISO-8859-1"'))


def test_meta_charset_and_http_equiv() -> None:
    for head in ('<meta charset="windows-1252">', '<meta http-equiv="Content-Type" '
                 'content="text/html; charset=iso-8859-1">'):  # fmt: skip
        data = f"<html><head>{head}</head><body><p>{PARAGRAPH}</p></body></html>"
        assert PARAGRAPH in decode(doc(data.encode("cp1252")))


def test_meta_is_ignored_for_text_documents() -> None:
    data = '<meta charset="koi8-r"> plain words, café'.encode()
    assert decode(doc(data, fmt="text")).endswith("café")


def test_wrong_declaration_falls_through_to_what_fits() -> None:
    data = f"<p>{PARAGRAPH}</p>".encode("cp1252")
    assert PARAGRAPH in decode(doc(data, content_type="text/html; charset=utf-8"))


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode(doc("<p>café</p>".encode(), content_type="text/html; charset=x-bogus")) == (
        "<p>café</p>"
    )


def test_meta_claiming_utf16_is_read_as_utf8() -> None:
    data = '<html><head><meta charset="utf-16"></head><p>café</p></html>'.encode()
    assert decode(doc(data)).endswith("<p>café</p></html>")


@pytest.mark.parametrize(
    "data",
    [
        PARAGRAPH.encode("utf-8-sig"),
        PARAGRAPH.encode("utf-16"),  # Python writes a BOM in the machine's order
        ("\ufeff" + PARAGRAPH).encode("utf-16-be"),
        PARAGRAPH.encode("utf-32"),
    ],
    ids=["utf-8", "utf-16", "utf-16-be", "utf-32"],
)
def test_byte_order_mark_beats_a_wrong_declaration(data: bytes) -> None:
    assert decode(doc(data, fmt="text", content_type="text/plain; charset=iso-8859-1")) == PARAGRAPH


def test_newlines_are_normalised() -> None:
    assert decode(doc(b"one\r\ntwo\rthree\n", fmt="text")) == "one\ntwo\nthree\n"


def test_feed_items_are_utf8() -> None:
    assert decode(doc(PARAGRAPH.encode(), fmt="feed-item")) == PARAGRAPH


def test_control_characters_mean_binary() -> None:
    with pytest.raises(BinaryInput, match="test: binary"):
        decode(doc(b"\x00\x01\x02\x03 not really text \x04\x05\x06\x07" * 20, fmt="text"))


def test_declared_charset_does_not_hide_binary() -> None:
    with pytest.raises(BinaryInput):
        decode(doc(bytes(range(32)) * 50, content_type="text/html; charset=windows-1252"))


def test_bytes_no_encoding_explains() -> None:
    with pytest.raises(DecodeError, match="no text encoding"):
        decode(doc(bytes(128 + (i * 37) % 128 for i in range(3000)), fmt="text"))


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))))
def test_utf8_round_trip(text: str) -> None:
    decoded = decode(doc(text.encode(), fmt="text"))
    assert decoded == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def test_the_codec_found_once_is_reused() -> None:
    data = "Der Bürgermeister sagte, die Brücke sei zerstört — »endgültig«.".encode("cp1252")
    first = doc(data, "text")
    text, encoding = decode_with_encoding(first)
    assert encoding == "cp1252"
    first.encoding = encoding
    assert decode(first) == text
    assert "Bürgermeister" in text


def test_a_stale_codec_that_no_longer_fits_falls_through() -> None:
    stale = doc("Kyiv said — “enough”".encode(), "text")
    stale.encoding = "ascii"  # fails strictly: the usual order takes over
    assert decode(stale) == "Kyiv said — “enough”"
