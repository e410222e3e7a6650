"""Dates as ISO 8601 strings.

``to_iso`` normalises dates that libraries hand back (``2022-02-15``,
``2022-02-15T15:28:00+00:00``, RFC 822 feed dates). The dateline parser of the
scraped-text cleaner lives here too.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime


def to_iso(value: str | None) -> str | None:
    """ISO 8601 for a machine-written date, or None when it is not one."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is not None and parsed.utcoffset() is not None and not parsed.utcoffset():
        parsed = parsed.replace(tzinfo=None)  # UTC is written without an offset
    if len(value) <= 10 and "T" not in value:
        return parsed.date().isoformat()
    return parsed.isoformat()
