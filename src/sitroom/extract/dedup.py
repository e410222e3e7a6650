"""Duplicate keys for article bodies: an exact id and a MinHash signature.

Exact duplicates share ``models.article_id`` (a hash of the normalised body).
Near-duplicates (one wire story republished with a new headline and a
trimmed paragraph) share word shingles: a MinHash signature estimates the
Jaccard similarity of two shingle sets, and LSH band keys let the store find
candidates with one indexed lookup, in SQL, from any process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from datasketch import MinHash

from sitroom.models import normalise_body

#: Word 3-shingles: long enough that two different stories on one crisis
#: share few of them, short enough that light edits change few.
SHINGLE_WORDS = 3
NUM_PERM = 128
#: 20 bands of 6 rows use 120 of the 128 values. Pairs with Jaccard of about
#: (1/20)**(1/6) = 0.61 become candidates half the time, 0.8 ones 99.9% of the time.
BANDS, ROWS = 20, 6
#: Estimated Jaccard from which two bodies are one story (checked on the store side).
NEAR_DUPLICATE_JACCARD = 0.7


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store needs to find the duplicates of one body."""

    signature: tuple[int, ...]
    band_keys: tuple[str, ...]


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations every signature reuses (building them is costly)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word shingles of the normalised text."""
    words = normalise_body(text).split()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def fingerprint(text: str) -> Fingerprint:
    """MinHash signature and LSH band keys of an article body."""
    template = _template()
    mh = MinHash(
        num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=template.scheme
    )
    mh.update_batch(list(shingles(text)))
    signature = tuple(int(v) for v in mh.hashvalues)
    return Fingerprint(signature=signature, band_keys=tuple(band_keys(signature)))


def band_keys(signature: Sequence[int]) -> Iterable[str]:
    """One key per LSH band: equal keys mean equal rows in that band."""
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(tuple(rows)).encode("ascii"), digest_size=8).hexdigest()
        yield f"{band}:{digest}"


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal signature positions: an unbiased estimate of Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
