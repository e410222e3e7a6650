"""Polite, bounded HTTP fetching with one ``httpx.Client`` per run.

Every answer is read as a stream and stopped at ``Options.max_bytes`` (after
decompression); connection errors, timeouts, 429 and 5xx are retried with
exponential backoff; robots.txt is obeyed per host.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType

import httpx

from sitroom.errors import FetchError, InputError, TooLarge
from sitroom.ingest.compression import GZIP_WBITS, ZLIB_WBITS, Inflater
from sitroom.ingest.robots import MAX_ROBOTS_BYTES, RobotsCache
from sitroom.settings import Options

log = logging.getLogger(__name__)

#: A server asking to wait longer than this (Retry-After) is not retried: one slow
#: site should not stall a batch of thousands.
MAX_RETRY_AFTER_S = 30.0

#: Options.timeout bounds each connect and read; a whole download may take this many
#: times as long, so a server dripping a byte at a time cannot hold the run.
TOTAL_TIME_FACTOR = 3

#: We decompress these ourselves, a bounded piece at a time (see compression.py).
_ENCODINGS = {"gzip": GZIP_WBITS, "x-gzip": GZIP_WBITS, "deflate": ZLIB_WBITS}
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
#: Statuses worth another try: rate limiting and server trouble.
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(slots=True, kw_only=True, frozen=True)
class Fetched:
    """The body of one successful answer."""

    url: str
    """The final URL, after redirects."""
    data: bytes
    content_type: str | None
    fetched_at: str


class _RetryableError(Exception):
    """A failure worth another attempt."""

    def __init__(self, problem: str, status: int | None = None, wait: float = 0.0) -> None:
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.wait = wait


class Fetcher:
    """Fetches URLs for one run; use as a context manager so the client is closed."""

    def __init__(self, options: Options, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self._options = options
        self._sleep = sleep
        self._http: httpx.Client | None = None
        self._robots = RobotsCache(self._get_robots, options.user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client, if one was opened."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def fetch(self, url: str) -> Fetched:
        """Fetch one URL, with retries.

        Args:
            url: an http or https URL.

        Returns:
            The answer's final URL, body (decompressed) and media type.

        Raises:
            FetchError: robots.txt forbids it, or no attempt succeeded.
            TooLarge: the body passes ``Options.max_bytes``.
            DecodeError: the body's compression is broken.
        """
        _check_url(url)
        if self._options.respect_robots and not self._robots.allowed(url):
            raise FetchError(url, "forbidden by robots.txt")
        attempts = self._options.retries + 1
        for attempt in range(attempts):
            try:
                return self._get(url)
            except _RetryableError as retry:
                last = retry
                if attempt + 1 == attempts:
                    break
                delay = max(self._options.backoff * 2**attempt, retry.wait)
                log.info("%s: %s; retrying in %.2f s", url, retry.problem, delay)
                self._sleep(delay)
        tries = f" (after {attempts} attempts)" if attempts > 1 else ""
        raise FetchError(url, f"{last.problem}{tries}", status=last.status)

    def _client(self) -> httpx.Client:
        """The run's client, opened on first use."""
        if self._http is None:
            self._http = httpx.Client(
                timeout=httpx.Timeout(self._options.timeout),
                follow_redirects=True,
                headers={
                    "User-Agent": self._options.user_agent,
                    "Accept": _ACCEPT,
                    "Accept-Encoding": ", ".join(_ENCODINGS),
                },
            )
        return self._http

    def _get(self, url: str) -> Fetched:
        """One attempt at a URL."""
        try:
            with self._client().stream("GET", url) as response:
                self._check_status(url, response)
                data = self._read_body(url, response)
                return Fetched(
                    url=str(response.url),
                    data=data,
                    content_type=response.headers.get("Content-Type"),
                    fetched_at=_now(),
                )
        except httpx.TimeoutException:
            raise _RetryableError(f"timed out (timeout {self._options.timeout:g} s)") from None
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise _RetryableError(_describe(exc)) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(url, _describe(exc)) from None

    def _check_status(self, url: str, response: httpx.Response) -> None:
        """Raise for an answer that is not a success: retry 429/5xx, give up on the rest."""
        status = response.status_code
        problem = f"HTTP {status} {response.reason_phrase}".strip()
        if status in _RETRY_STATUS:
            wait = _retry_after(response.headers.get("Retry-After"))
            if wait > MAX_RETRY_AFTER_S:
                raise FetchError(url, f"{problem}; the server asks to wait {wait:.0f} s", status)
            raise _RetryableError(problem, status, wait)
        if not 200 <= status < 300:
            raise FetchError(url, problem, status)

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """The body, decompressed, refused once it passes the size limit or the time limit."""
        limit = self._options.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(url, f"{declared} bytes, over the limit of {limit} (max_bytes)")
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        inflater: Inflater | None = None
        if encoding in _ENCODINGS:
            inflater = Inflater(url, limit, _ENCODINGS[encoding])
        elif encoding not in ("", "identity"):
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
        deadline = time.monotonic() + self._options.timeout * TOTAL_TIME_FACTOR
        body = bytearray()
        for chunk in response.iter_raw():
            for piece in inflater.feed(chunk) if inflater else (chunk,):
                body += piece
                if len(body) > limit:
                    raise TooLarge(url, f"more than {limit} bytes (max_bytes)")
            if time.monotonic() > deadline:
                raise FetchError(url, "download too slow: gave up (raise the timeout)")
        if inflater is not None:
            inflater.finish()
        return bytes(body)

    def _get_robots(self, robots_url: str) -> tuple[int, bytes] | None:
        """One try at a robots.txt: its status and first bytes, or None when unreachable."""
        try:
            with self._client().stream("GET", robots_url) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) >= MAX_ROBOTS_BYTES:
                        break
                return response.status_code, bytes(body)
        except (httpx.HTTPError, httpx.InvalidURL, InputError):
            log.debug("%s: unreachable", robots_url, exc_info=True)
            return None


def _check_url(url: str) -> None:
    """Raise FetchError for a URL httpx cannot request."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"invalid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError(url, "invalid URL: an http(s) URL with a host is needed")


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number or an HTTP date); 0 when absent."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: Exception) -> str:
    """One line for an httpx error: its message, or its class when it has none."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {text}" if text else "cannot connect"
    return f"{name}: {text}" if text else name


def _now() -> str:
    """The current UTC time, ISO 8601 without an offset, as ``to_iso`` writes UTC."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None).isoformat()
