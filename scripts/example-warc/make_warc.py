"""Build examples/warc/crawl.warc.gz from the HTML pages in scripts/example-warc/pages/.

The archive holds one warcinfo record, one request record and three HTTP
response records. Dates and record ids are fixed, and gzip members carry no
timestamp, so running the script twice gives byte-identical output.

    .venv/bin/python examples/warc/make_warc.py
"""

from __future__ import annotations

import uuid
from email.utils import format_datetime
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
EXAMPLES = HERE.parents[1] / "examples"
OUTPUT = EXAMPLES / "warc" / "crawl.warc.gz"

CRAWL_START = "2022-03-10T09:00:00Z"
USER_AGENT = "sitroom-example-crawler/1.0 (+https://sitroom.example/crawler)"

# (page file, target URI, WARC-Date, Last-Modified)
RESPONSES = [
    (
        # the exact duplicate of examples/html/daily-ledger-sanctions.html, crawled
        "../../../examples/html/daily-ledger-sanctions.html",
        "https://www.dailyledger.example/world/2022/feb/22/west-sanctions-russia-nord-stream-2-halted",
        "2022-03-10T09:00:05Z",
        datetime(2022, 2, 22, 23, 10, tzinfo=timezone.utc),
    ),
    (
        "northern-courier-kharkiv-convoy.html",
        "https://www.northerncourier.example/news/world/kharkiv-strike-russian-convoy-kyiv-4466310",
        "2022-03-10T09:00:09Z",
        datetime(2022, 3, 1, 21, 20, tzinfo=timezone.utc),
    ),
    (
        "capital-wire-zaporizhzhia.html",
        "https://www.capitalwire.example/world/europe/russian-forces-seize-ukrainian-nuclear-plant-after-night-time-fire-2022-03-04/",
        "2022-03-10T09:00:14Z",
        datetime(2022, 3, 4, 16, 2, tzinfo=timezone.utc),
    ),
]

# The first page is also fetched with a recorded request.
REQUEST_FOR = RESPONSES[0][1]


def record_id(*parts: str) -> str:
    """A stable WARC-Record-ID derived from the record's identity."""
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "|".join(parts))


def http_date(warc_date: str) -> str:
    dt = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return format_datetime(dt, usegmt=True)


def warcinfo(writer: WARCWriter) -> None:
    fields = (
        "software: warcio (sitroom examples/warc/make_warc.py)\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        f"http-header-user-agent: {USER_AGENT}\r\n"
        "description: Example crawl of three news pages about the Russia-Ukraine crisis, "
        "February-March 2022, on fictional .example domains.\r\n"
        "isPartOf: sitroom-examples\r\n"
    ).encode("utf-8")
    headers = StatusAndHeaders(
        "",
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", record_id("warcinfo", OUTPUT.name)),
            ("WARC-Filename", OUTPUT.name),
            ("WARC-Date", CRAWL_START),
        ],
        protocol="WARC/1.0",
    )
    rec = writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(fields),
        length=len(fields),
        warc_headers=headers,
        warc_content_type="application/warc-fields",
    )
    writer.write_record(rec)


def request(writer: WARCWriter, uri: str, warc_date: str, concurrent_to: str) -> None:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    http_headers = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [
            ("Host", host),
            ("User-Agent", USER_AGENT),
            ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
            ("Accept-Encoding", "identity"),
            ("Connection", "close"),
        ],
        is_http_request=True,
    )
    rec = writer.create_warc_record(
        uri,
        "request",
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Record-ID": record_id("request", uri),
            "WARC-Date": warc_date,
            "WARC-Concurrent-To": concurrent_to,
        },
    )
    writer.write_record(rec)


def response(writer: WARCWriter, page: str, uri: str, warc_date: str, modified: datetime) -> str:
    body = (PAGES / page).read_bytes()
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", http_date(warc_date)),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Last-Modified", format_datetime(modified, usegmt=True)),
            ("Cache-Control", "max-age=300"),
            ("Connection", "close"),
        ],
        protocol="HTTP/1.1",
    )
    rid = record_id("response", uri)
    rec = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": rid, "WARC-Date": warc_date},
    )
    writer.write_record(rec)
    return rid


def main() -> None:
    with OUTPUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.0")
        warcinfo(writer)
        for page, uri, warc_date, modified in RESPONSES:
            if uri == REQUEST_FOR:
                request(writer, uri, warc_date, record_id("response", uri))
            response(writer, page, uri, warc_date, modified)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
