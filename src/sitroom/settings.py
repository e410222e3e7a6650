"""One options object for a run, built by the CLI or by library callers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sitroom import __version__

#: Where the SQLite store lives unless --db or SITROOM_DB says otherwise.
DEFAULT_DB_PATH = Path("~/.local/share/sitroom/sitroom.db")

#: Inputs larger than this are refused before they are read whole (bytes).
#: 20 MB is ten times the largest news page of the Zyte benchmark set.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

USER_AGENT = f"sitroom/{__version__} (+https://github.com/sitroom/sitroom; news analysis)"


def default_db_url() -> str:
    """The store URL: $SITROOM_DB, else an SQLite file under the user's data folder."""
    env = os.environ.get("SITROOM_DB")
    if env:
        return env if "://" in env else f"sqlite:///{Path(env).expanduser()}"
    path = DEFAULT_DB_PATH.expanduser()
    return f"sqlite:///{path}"


@dataclass(slots=True, kw_only=True)
class Options:
    """What a run may do: fetch or not, how much to read, how patient to be."""

    fetch: bool = True
    """Fetch URLs and the links of feed items (off: feed items keep their summary only)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 0.5
    respect_robots: bool = True
    user_agent: str = USER_AGENT
