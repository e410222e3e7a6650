"""The sniffers and the bounded decompressor, on their own."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.errors import DecodeError, TooLarge
from sitroom.ingest.compression import Inflater, gunzip
from sitroom.ingest.sniff import detect, is_feed, is_warc, kind_from_name, name_suffix

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.mark.parametrize(
    ("name", "suffix", "kind"),
    [
        ("a/story.HTML", ".html", "html"),
        ("story.htm.gz", ".htm", "html"),
        ("notes.md", ".md", "text"),
        ("crawl.warc.gz", ".warc", "warc"),
        ("world.rss", ".rss", "feed"),
        ("data.xml", ".xml", "feed"),
        (".hidden", "", None),
        ("dir.v2/README", "", None),
    ],
)
def test_suffixes(name: str, suffix: str, kind: str | None) -> None:
    assert name_suffix(name) == suffix
    assert kind_from_name(name) == kind


def test_feeds_are_sniffed_past_prolog_comments_and_bom() -> None:
    assert is_feed((FIXTURES / "world.rss").read_bytes())
    assert is_feed((FIXTURES / "briefing.atom").read_bytes())
    rdf = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a comment -->\n<rdf:RDF xmlns:rdf="x">'
    assert is_feed(rdf)
    assert not is_feed(b"<html><body><p>Our <feed> of stories</p></body></html>")


def test_detect_by_bytes_name_and_media_type() -> None:
    page = b"<!DOCTYPE html><html><body>x</body></html>"
    assert detect(page) == "html"
    assert detect(b"Plain words about a ceasefire.") == "text"
    assert detect(b"Plain words.", content_type="text/html; charset=utf-8") == "html"
    assert detect(page, name="saved.txt") == "text"  # the user's suffix is trusted for pages
    assert detect((FIXTURES / "world.rss").read_bytes(), name="x.html") == "feed"
    assert detect(b"\x89PNG\r\n\x1a\n....", name="story.html") == "binary"
    assert detect(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n") == "warc"


def test_gzipped_warc_is_recognised_from_its_first_bytes() -> None:
    assert is_warc(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n")[:64])
    assert not is_warc(gzip.compress(b"<html></html>"))


def test_inflater_refuses_output_past_the_limit() -> None:
    with pytest.raises(TooLarge):
        gunzip(gzip.compress(bytes(10_000_000)), "bomb.gz", 1_000_000)


def test_inflater_reports_truncation_and_garbage() -> None:
    whole = gzip.compress(b"Some words. " * 1000)
    with pytest.raises(DecodeError, match="truncated gzip"):
        gunzip(whole[:-10], "cut.gz", None)
    with pytest.raises(DecodeError, match="not valid gzip"):
        gunzip(b"\x1f\x8b\x08\x00" + b"\xff" * 50, "bad.gz", None)


@given(
    st.lists(st.binary(max_size=3000), min_size=1, max_size=4),
    st.integers(min_value=1, max_value=700),
)
def test_inflater_reads_members_split_anywhere(parts: list[bytes], step: int) -> None:
    stream = b"".join(gzip.compress(part) for part in parts)
    inflater = Inflater("stream.gz", None)
    out = bytearray()
    for start in range(0, len(stream), step):
        for piece in inflater.feed(stream[start : start + step]):
            out += piece
    inflater.finish()
    assert bytes(out) == b"".join(parts)
