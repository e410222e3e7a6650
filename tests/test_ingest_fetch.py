"""Fetching over HTTP, against a loopback server: never the internet."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitroom.errors import FetchError, InputError, TooLarge
from sitroom.ingest import decode, iter_documents
from sitroom.ingest.fetch import Fetcher
from sitroom.models import RawDocument
from sitroom.settings import Options

PAGE = b"<html><body><p>The envoy arrived on Monday, the ministry said.</p></body></html>"


@dataclass
class Reply:
    """One canned answer."""

    status: int = 200
    body: bytes = PAGE
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0
    length: bool = True
    """Send Content-Length (else the body ends when the connection closes)."""


class Site:
    """What the loopback server answers, and what it was asked."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.routes: dict[str, list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []

    def add(self, path: str, *replies: Reply) -> str:
        """Serve ``replies`` at ``path`` in turn (the last one repeats); return the URL."""
        self.routes[path] = list(replies) or [Reply()]
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        site.hits[self.path] += 1
        site.agents.append(self.headers.get("User-Agent", ""))
        replies = site.routes.get(self.path)
        if not replies:
            self.send_error(404, "Not Found")
            return
        reply = replies[min(site.hits[self.path], len(replies)) - 1]
        if reply.delay:
            time.sleep(reply.delay)
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.length:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: no request log on stderr."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (timeout tests) is expected, not an error."""


@pytest.fixture
def site() -> Iterator[Site]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    # A short poll keeps shutdown() quick; it does not bound anything the tests check.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()


def fast(**changes: Any) -> Options:
    """Options for tests: quick backoff and timeouts still far above loopback latency."""
    values: dict[str, Any] = {"timeout": 5.0, "retries": 2, "backoff": 0.001}
    values.update(changes)
    return Options(**values)


def run(*sources: str | Path, options: Options | None = None) -> list[RawDocument | InputError]:
    return list(iter_documents([str(s) for s in sources], options or fast()))


def only_error(items: list[RawDocument | InputError]) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items
    return items[0]


# --- pages ---------------------------------------------------------------------------


def test_fetch_html_page(site: Site) -> None:
    url = site.add("/story", Reply(headers={"Content-Type": "text/html; charset=utf-8"}))
    [doc] = run(url)
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.url, doc.format, doc.via) == (url, url, "html", "url")
    assert doc.content_type == "text/html; charset=utf-8"
    assert doc.fetched_at is not None
    assert "envoy arrived" in decode(doc)
    assert site.agents[-1] == Options().user_agent


def test_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    final = site.add("/new")
    old = site.add("/old", Reply(status=301, body=b"", headers={"Location": "/new"}))
    [doc] = run(old)
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.url) == (old, final)


def test_gzip_encoded_answer(site: Site) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    url = site.add("/zipped", Reply(body=gzip.compress(PAGE), headers=headers))
    [doc] = run(url)
    assert isinstance(doc, RawDocument)
    assert doc.data == PAGE


def test_gzip_file_served_as_such(site: Site) -> None:
    url = site.add(
        "/story.html.gz",
        Reply(body=gzip.compress(PAGE), headers={"Content-Type": "application/gzip"}),
    )
    [doc] = run(url)
    assert isinstance(doc, RawDocument)
    assert (doc.data, doc.format, doc.content_type) == (PAGE, "html", None)


def test_not_found_is_a_fetch_error_with_status_and_no_retry(site: Site) -> None:
    error = only_error(run(site.url("/missing")))
    assert isinstance(error, FetchError)
    assert error.status == 404
    assert "HTTP 404" in str(error)
    assert site.hits["/missing"] == 1


def test_fetching_off_refuses_urls(site: Site) -> None:
    error = only_error(run(site.add("/story"), options=fast(fetch=False)))
    assert "fetching is turned off" in str(error)
    assert site.hits["/story"] == 0


# --- retries -------------------------------------------------------------------------


def test_server_errors_are_retried_until_success(site: Site) -> None:
    url = site.add("/flaky", Reply(status=503, body=b""), Reply(status=500, body=b""), Reply())
    [doc] = run(url)
    assert isinstance(doc, RawDocument)
    assert site.hits["/flaky"] == 3


def test_retries_run_out(site: Site) -> None:
    url = site.add("/down", Reply(status=503, body=b""))
    error = only_error(run(url, options=fast(retries=1)))
    assert isinstance(error, FetchError)
    assert error.status == 503
    assert "after 2 attempts" in str(error)
    assert site.hits["/down"] == 2


def test_backoff_doubles_and_honours_a_small_retry_after(site: Site) -> None:
    url = site.add(
        "/busy",
        Reply(status=503, body=b""),
        Reply(status=429, body=b"", headers={"Retry-After": "1"}),
        Reply(),
    )
    waits: list[float] = []
    with Fetcher(fast(backoff=0.25), sleep=waits.append) as fetcher:
        assert fetcher.fetch(url).data == PAGE
    assert waits == [0.25, 1.0]  # 0.25 * 2**0, then max(0.25 * 2**1, Retry-After 1 s)


def test_a_long_retry_after_is_not_waited_for(site: Site) -> None:
    url = site.add("/later", Reply(status=429, body=b"", headers={"Retry-After": "3600"}))
    waits: list[float] = []
    with Fetcher(fast(), sleep=waits.append) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert caught.value.status == 429
    assert "3600 s" in str(caught.value)
    assert waits == []
    assert site.hits["/later"] == 1


def test_connection_refused_after_retries() -> None:
    with socket.socket() as probe:  # a port nobody listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    error = only_error(run(url, options=fast(retries=1)))
    assert isinstance(error, FetchError)
    assert error.origin == url
    assert "cannot connect" in str(error)
    assert "after 2 attempts" in str(error)


def test_timeout(site: Site) -> None:
    url = site.add("/slow", Reply(delay=3.0))
    started = time.monotonic()
    error = only_error(run(url, options=fast(timeout=0.3, retries=0)))
    assert isinstance(error, FetchError)
    assert "timed out" in str(error)
    assert time.monotonic() - started < 2.5  # gave up well before the server answered


# --- limits --------------------------------------------------------------------------


def test_declared_length_over_the_limit(site: Site) -> None:
    url = site.add("/big", Reply(body=b"<p>" + b"x" * 5000))
    error = only_error(run(url, options=fast(max_bytes=1000)))
    assert isinstance(error, TooLarge)
    assert "5003 bytes" in str(error)


def test_streamed_body_over_the_limit(site: Site) -> None:
    url = site.add("/stream", Reply(body=b"<p>" + b"x" * 50_000, length=False))
    error = only_error(run(url, options=fast(max_bytes=1000)))
    assert isinstance(error, TooLarge)


def test_gzip_bomb_answer(site: Site) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    url = site.add("/bomb", Reply(body=gzip.compress(b"<p>" + b"a" * 5_000_000), headers=headers))
    error = only_error(run(url, options=fast(max_bytes=100_000)))
    assert isinstance(error, TooLarge)


# --- robots.txt ----------------------------------------------------------------------


def test_robots_disallow_is_obeyed_and_read_once(site: Site) -> None:
    robots = b"User-agent: *\nDisallow: /private/\n"
    site.add("/robots.txt", Reply(body=robots, headers={"Content-Type": "text/plain"}))
    public = site.add("/public")
    private = site.add("/private/memo")
    items = run(public, private, public)
    assert [type(i).__name__ for i in items] == ["RawDocument", "FetchError", "RawDocument"]
    assert str(items[1]) == f"{private}: forbidden by robots.txt"
    assert site.hits["/private/memo"] == 0
    assert site.hits["/robots.txt"] == 1


def test_robots_rules_for_our_agent(site: Site) -> None:
    robots = b"User-agent: sitroom\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    site.add("/robots.txt", Reply(body=robots, headers={"Content-Type": "text/plain"}))
    error = only_error(run(site.add("/story")))
    assert "robots.txt" in str(error)


def test_robots_can_be_ignored_by_option(site: Site) -> None:
    site.add("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n"))
    [doc] = run(site.add("/story"), options=fast(respect_robots=False))
    assert isinstance(doc, RawDocument)
    assert site.hits["/robots.txt"] == 0


def test_missing_or_broken_robots_allows(site: Site) -> None:
    site.add("/robots.txt", Reply(status=500, body=b""))
    [doc] = run(site.add("/story"))
    assert isinstance(doc, RawDocument)


# --- feeds ---------------------------------------------------------------------------


def _feed(site: Site, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<pubDate>Tue, 15 Feb 2022 1{n}:00:00 GMT</pubDate>"
        f"<description>Summary of story {n}.</description></item>"
        for n, link in enumerate(links, start=1)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
        f"<link>{site.base}/</link>{items}</channel></rss>"
    ).encode()


def test_feed_url_items_are_fetched(site: Site) -> None:
    site.add("/a")
    feed = _feed(site, [site.url("/a"), "/gone"])  # a relative link, and a dead one
    url = site.add("/feed", Reply(body=feed, headers={"Content-Type": "application/rss+xml"}))
    items = run(url)
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    page, fallback = items
    assert isinstance(page, RawDocument) and isinstance(fallback, RawDocument)
    assert (page.origin, page.format, page.via) == (site.url("/a"), "html", "feed")
    assert page.feed_entry is not None
    assert page.feed_entry.title == "Story 1"
    assert page.feed_entry.published == "2022-02-15T11:00:00"
    assert page.feed_entry.feed == url
    assert page.feed_entry.feed_title == "Loopback News"
    [warning] = fallback.warnings
    assert warning.startswith(site.url("/gone")) and "404" in warning
    assert (fallback.origin, fallback.format) == (f"{url}#item-2", "feed-item")
    assert fallback.data == b"Summary of story 2."
    assert fallback.url == site.url("/gone")


def test_feed_file_items_link_to_pages(site: Site, tmp_path: Path) -> None:
    site.add("/one")
    site.add("/two")
    (tmp_path / "local.rss").write_bytes(_feed(site, [site.url("/one"), site.url("/two")]))
    items = run(tmp_path / "local.rss")
    assert [(i.origin, i.format) for i in items if isinstance(i, RawDocument)] == [
        (site.url("/one"), "html"),
        (site.url("/two"), "html"),
    ]


def test_feed_without_fetching_keeps_summaries(site: Site, tmp_path: Path) -> None:
    site.add("/one")
    (tmp_path / "local.rss").write_bytes(_feed(site, [site.url("/one")]))
    [doc] = run(tmp_path / "local.rss", options=fast(fetch=False))
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.via, doc.url) == ("feed-item", "feed", site.url("/one"))
    assert decode(doc) == "Summary of story 1."
    assert site.hits["/one"] == 0


def test_feed_item_linking_to_binary_falls_back(site: Site, tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    site.add("/chart.png", Reply(body=png, headers={"Content-Type": "image/png"}))
    (tmp_path / "local.rss").write_bytes(_feed(site, [site.url("/chart.png")]))
    items = run(tmp_path / "local.rss")
    [fallback] = items
    assert isinstance(fallback, RawDocument) and fallback.format == "feed-item"
    assert "not a page" in fallback.warnings[0]
