"""Publication and modification timestamps that a page states for machines.

trafilatura and htmldate give the day; a page's metadata often gives the
minute too (``article:published_time``, JSON-LD ``datePublished``,
``<time itemprop="dateModified" datetime=...>``). Times matter here: figures
and claims are ordered by when they were reported.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from sitroom.extract.dates import to_iso

log = logging.getLogger(__name__)

#: Meta tags (property or name or itemprop) that state each timestamp, most trusted first.
_META_KEYS = {
    "published": (
        "article:published_time", "og:article:published_time", "datepublished",
        "pubdate", "publishdate", "dc.date.issued", "parsely-pub-date", "sailthru.date",
    ),
    "modified": (
        "article:modified_time", "og:updated_time", "datemodified", "lastmod",
        "dc.date.modified", "last-modified",
    ),
}
_JSONLD_KEYS = {"published": "datePublished", "modified": "dateModified"}


def stated_dates(tree: Any) -> dict[str, str]:
    """ISO timestamps the page states: keys ``published`` and ``modified`` when found."""
    found: dict[str, str] = {}
    for kind, key in _JSONLD_KEYS.items():
        for value in _jsonld_values(tree, key):
            if (iso := to_iso(value)) is not None:
                found.setdefault(kind, iso)
    metas = _meta_values(tree)
    for kind, keys in _META_KEYS.items():
        for key in keys:
            if kind not in found and key in metas and (iso := to_iso(metas[key])) is not None:
                found[kind] = iso
    if "published" not in found:
        for node in tree.iterfind(".//time[@datetime]"):
            prop = (node.get("itemprop") or "").lower()
            iso = to_iso(node.get("datetime"))
            if iso is None:
                continue
            kind = "modified" if prop == "datemodified" else "published"
            found.setdefault(kind, iso)
    return found


def _meta_values(tree: Any) -> dict[str, str]:
    """Lower-cased meta key -> content, first occurrence wins."""
    values: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or ""
        content = node.get("content")
        if key and content:
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _jsonld_values(tree: Any, key: str) -> Iterator[str]:
    """Values of ``key`` in every JSON-LD block, at any depth."""
    for node in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except (ValueError, RecursionError):
            log.debug("unreadable JSON-LD block skipped")
            continue
        yield from _walk(data, key)


def _walk(data: Any, key: str) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str):
                yield value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(reversed(item))
