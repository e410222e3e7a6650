"""robots.txt, read once per host and kept for the run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

log = logging.getLogger(__name__)

#: RFC 9309 lets crawlers stop reading robots.txt after 500 KiB.
MAX_ROBOTS_BYTES = 500 * 1024

#: Fetches a robots.txt URL: its status and body, or None when unreachable.
RobotsGetter = Callable[[str], "tuple[int, bytes] | None"]


class RobotsCache:
    """Answers "may this user agent fetch this URL?" with one robots.txt request per host."""

    def __init__(self, get: RobotsGetter, user_agent: str) -> None:
        self._get = get
        self._user_agent = user_agent
        self._parsers: dict[str, RobotFileParser | None] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it (unreachable or absent: yes)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._parsers:
            self._parsers[host] = self._load(f"{host}/robots.txt")
        parser = self._parsers[host]
        return parser is None or parser.can_fetch(self._user_agent, url)

    def _load(self, robots_url: str) -> RobotFileParser | None:
        """The parsed robots.txt, or None when there is none to obey."""
        answer = self._get(robots_url)
        if answer is None:
            log.info("%s unreachable: fetching is allowed", robots_url)
            return None
        status, body = answer
        if not 200 <= status < 300:
            # RFC 9309 reads 4xx as "no rules"; 5xx would mean "disallow all", but an
            # outage of one file should not stop a news run, so it is read as no rules too.
            log.info("%s answered HTTP %d: fetching is allowed", robots_url, status)
            return None
        parser = RobotFileParser(robots_url)
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        return parser
