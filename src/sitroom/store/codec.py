"""How values are stored: MinHash signatures as bytes, strings that both databases accept."""

from __future__ import annotations

import re
import struct
from collections.abc import Mapping, Sequence
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def pack_signature(signature: Sequence[int]) -> bytes:
    """Pack a MinHash signature of uint64 values as little-endian bytes.

    Args:
        signature: Values in ``[0, 2**64)``.

    Returns:
        Eight bytes per value.
    """
    try:
        return struct.pack(f"<{len(signature)}Q", *(int(v) for v in signature))
    except struct.error as exc:
        raise ValueError(f"MinHash values must be uint64: {exc}") from exc


def unpack_signature(data: bytes) -> tuple[int, ...]:
    """Unpack bytes written by :func:`pack_signature`."""
    return struct.unpack(f"<{len(data) // 8}Q", data)


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimate Jaccard similarity as the fraction of equal positions of two signatures."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def clean_text(value: str) -> str:
    """Make a string storable in both databases: drop NUL, replace lone surrogates with U+FFFD."""
    value = value.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def clean_record(value: Any) -> Any:
    """Apply :func:`clean_text` to every string (keys included) of a JSON-like value."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_text(str(k)): clean_record(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_record(v) for v in value]
    return value
