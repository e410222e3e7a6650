"""WARC archives: one document per HTML response, and damage reported after the good records."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.errors import InputError, MalformedInput, TooLarge
from sitroom.ingest import decode, iter_documents
from sitroom.models import RawDocument
from sitroom.settings import Options

OFFLINE = Options(fetch=False)
STORIES = [
    "Negotiators met for a third day in the northern valley.",
    "An aid convoy of forty lorries reached the river crossing.",
    "The border post reopened after a week, officials said.",
]


def page(number: int) -> bytes:
    return f"<html><body><p>{STORIES[number]}</p></body></html>".encode()


def build_warc(*, compress: bool) -> bytes:
    """A small crawl: warcinfo, three HTML pages, a request, an image and a redirect."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "sitroom-tests"}))

    def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)

    response("http://news.test/valley", page(0), "text/html; charset=utf-8")
    request = StatusAndHeaders(
        "GET /convoy HTTP/1.1", [("Host", "news.test")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record("http://news.test/convoy", "request", http_headers=request)
    )
    response("http://news.test/convoy", page(1), "text/html")
    response("http://news.test/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    response("http://news.test/old", b"", "text/html", status="301 Moved Permanently")
    response("http://news.test/border", page(2), "text/html; charset=utf-8")
    return out.getvalue()


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    compress: bool = request.param
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(build_warc(compress=compress))
    return path


def run(*sources: Path | str, options: Options = OFFLINE) -> list[RawDocument | InputError]:
    return list(iter_documents([str(s) for s in sources], options))


def test_one_document_per_html_response(crawl: Path) -> None:
    items = run(crawl)
    assert all(isinstance(item, RawDocument) for item in items), items
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [d.url for d in docs] == [
        "http://news.test/valley",
        "http://news.test/convoy",
        "http://news.test/border",
    ]
    first = docs[0]
    assert first.origin == f"{crawl}#http://news.test/valley"
    assert (first.format, first.via, first.path) == ("html", "warc", str(crawl))
    assert first.content_type == "text/html; charset=utf-8"
    assert first.fetched_at is not None and first.fetched_at.startswith("20")
    assert [STORIES[i] in decode(d) for i, d in enumerate(docs)] == [True, True, True]


def test_sniffed_without_suffix(tmp_path: Path) -> None:
    (tmp_path / "dump.bin").write_bytes(build_warc(compress=True))
    (tmp_path / "dump2").write_bytes(build_warc(compress=False))
    items = run(tmp_path / "dump.bin", tmp_path / "dump2")
    assert len([i for i in items if isinstance(i, RawDocument)]) == 6


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archive_keeps_the_records_before_the_damage(
    tmp_path: Path, compress: bool
) -> None:
    whole = build_warc(compress=compress)
    cut = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    cut.write_bytes(whole[: len(whole) - 40])  # inside the last page's record
    items = run(cut)
    assert [i.url for i in items if isinstance(i, RawDocument)] == [
        "http://news.test/valley",
        "http://news.test/convoy",
    ]
    assert isinstance(items[-1], MalformedInput)
    assert str(cut) in str(items[-1])
    assert "truncated" in str(items[-1])


def test_archive_cut_inside_the_first_header(tmp_path: Path) -> None:
    (tmp_path / "stub.warc").write_bytes(build_warc(compress=False)[:60])
    [error] = run(tmp_path / "stub.warc")
    assert isinstance(error, MalformedInput)


def test_not_a_warc_despite_the_suffix(tmp_path: Path) -> None:
    (tmp_path / "notes.warc").write_text("These are notes, not an archive.\n")
    (tmp_path / "notes2.warc.gz").write_bytes(gzip.compress(b"Still not an archive.\n"))
    items = run(tmp_path / "notes.warc", tmp_path / "notes2.warc.gz")
    assert [type(i) for i in items] == [MalformedInput, MalformedInput]


def test_page_over_the_limit_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, body in [
        ("http://news.test/huge", b"<p>" + b"x" * 5000),
        ("http://news.test/ok", page(0)),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    (tmp_path / "mixed.warc.gz").write_bytes(out.getvalue())
    items = run(tmp_path / "mixed.warc.gz", options=Options(fetch=False, max_bytes=1000))
    assert isinstance(items[0], TooLarge)
    assert "#http://news.test/huge" in str(items[0])
    assert isinstance(items[1], RawDocument)
    assert items[1].url == "http://news.test/ok"
