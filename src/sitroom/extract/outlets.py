"""The outlet an article came from: site name, URL, or a saved file's name.

Looked up in ``data/outlets.toml`` in that order; an unknown site name is
kept as it is, and an unknown domain gives nothing (a domain is not a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

from sitroom.lexicons import load_toml

#: A saved page's name often opens with the outlet: "lbc-2022-02-15-...".
_FILENAME_HEAD = re.compile(r"^([a-z0-9]+)[-_.]")


@dataclass(frozen=True, slots=True)
class _Outlets:
    by_domain: dict[str, str]
    by_alias: dict[str, str]


@lru_cache(maxsize=1)
def _outlets() -> _Outlets:
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for entry in load_toml("outlets.toml").get("outlet", []):
        name = str(entry["name"])
        by_alias[name.casefold()] = name
        for alias in entry.get("aliases", []):
            by_alias[str(alias).casefold()] = name
        for domain in entry.get("domains", []):
            by_domain[str(domain).lower()] = name
    return _Outlets(by_domain=by_domain, by_alias=by_alias)


def outlet_for(*, site_name: str | None, url: str | None, path: str | None) -> str | None:
    """The outlet's display name, or None when nothing identifies it."""
    known = _outlets()
    if site_name:
        return known.by_alias.get(site_name.strip().casefold(), site_name.strip())
    if url:
        host = (urlsplit(url).hostname or "").lower()
        while host:
            if host in known.by_domain:
                return known.by_domain[host]
            _, _, host = host.partition(".")
    if path:
        match = _FILENAME_HEAD.match(PurePath(path).name.lower())
        if match and match.group(1) in known.by_alias:
            return known.by_alias[match.group(1)]
    return None
