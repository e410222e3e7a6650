"""The store: articles and who said what in them, in SQLite or PostgreSQL, migrated on open.

Usage::

    with Store.open("sqlite:////tmp/sitroom.db") as store:
        if store.seen_raw(sha) is None:
            result = store.add(analyzed, raw_sha256=sha, signature=sig, band_keys=keys)
        hits = store.search('"troops" returning -exercise')
        said = store.quotes(speaker="Biden")
"""

from sitroom.store.codec import estimated_jaccard, pack_signature, unpack_signature
from sitroom.store.engine import normalise_url
from sitroom.store.quotes import ActorRow, QuoteRow
from sitroom.store.repository import (
    AddResult,
    AddStatus,
    ArticleSource,
    ClusterMember,
    Store,
)
from sitroom.store.search import SearchHit, parse_query

__all__ = [
    "ActorRow",
    "AddResult",
    "AddStatus",
    "ArticleSource",
    "ClusterMember",
    "QuoteRow",
    "SearchHit",
    "Store",
    "estimated_jaccard",
    "normalise_url",
    "pack_signature",
    "parse_query",
    "unpack_signature",
]
