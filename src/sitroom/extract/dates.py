"""Dates as ISO 8601 strings.

``to_iso`` normalises dates that libraries hand back (``2022-02-15``,
``2022-02-15T15:28:00+00:00``, RFC 822 feed dates). The dateline parser of the
scraped-text cleaner lives here too: ``parse_dateline`` reads the dates a page
prints ("15 February 2022, 15:28 | Updated: 15 February 2022, 22:40",
"Tue 15 Feb 2022 15.28 GMT", "Updated 10:40 PM EST, Tue February 15, 2022")
and ``merge_datelines`` picks the publication and update times of a page.

Times are kept as the page prints them (local to the outlet, no offset): the
founding example's "15:28" is ``2022-02-15T15:28:00``. The words around dates
(labels, time zones, weekdays) are data, in ``data/datelines.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Literal

from sitroom.lexicons import compile_patterns, load_toml, str_list, sub_table

Label = Literal["published", "updated"]

#: Month names and their usual short forms ("Sept." is common in US styles).
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

#: Date shapes, tried together; the earliest match in a line wins.
_DATE_SHAPES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 15 Feb 2022
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # February 15, 2022
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:T|(?!\d))"),  # 2022-02-15
    re.compile(rf"\b(?P<a>\d{{1,2}})([/.\-])(?P<b>\d{{1,2}})\2{_YEAR}\b"),  # 15/02/2022
    re.compile(rf"\b{_YEAR}([/.])(?P<m>\d{{1,2}})\2(?P<d>\d{{1,2}})\b"),  # 2022/02/15
)

#: Times: "15:28", "15.28", "3.28pm", "3:28 p.m.", "10:40 PM", "3pm", "15:28:00Z". A bare
#: number is not a time, so minutes or am/pm are required (checked in code). A machine
#: time's zone is read past: times are kept as printed.
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?"
    r"(?:Z|[+\-]\d{2}:?\d{2})?)?)?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?(?![\d])",
    re.IGNORECASE,
)

#: Hours on a 12-hour clock; 12 am is midnight.
HALF_DAY = 12
#: Limits of a 24-hour clock, to refuse "25:70" as a time.
HOURS_PER_DAY = 24
SIXTY = 60


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dates one line of a page prints, and what else the line says."""

    published: str | None
    """ISO 8601: the publication time, or the line's only date when it has no label."""
    updated: str | None
    """ISO 8601: the time after an "Updated" or "Last modified" label."""
    published_labelled: bool
    """True when a label ("Published", "First published on") says it is the publication time."""
    rest: str
    """The line without its dates, times, labels, time zones and weekdays, e.g. a byline."""


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


def parse_dateline(line: str, *, dayfirst: bool = True) -> Dateline | None:
    """Read the publication and update dates a line of a page prints.

    Args:
        line: one line of text, e.g. "15 February 2022, 15:28 | Updated: 15 February 2022, 22:40".
        dayfirst: read "03/04/2022" as 3 April (True) or as March 4 (False);
            a number over 12 decides by itself.

    Returns:
        The dates as ISO 8601 strings (``2022-02-15T15:28:00``, or ``2022-02-15``
        without a time), or None when the line holds no full date.
    """
    lex = _lexicon()
    consumed: list[tuple[int, int]] = []
    segments = _segments(line, lex.labels, consumed)
    found: dict[Label, str] = {}
    labelled = False
    last_day: date | None = None
    for label, start, end in segments:
        value, last_day = _segment_value(line, start, end, last_day, dayfirst, consumed)
        if value is None:
            continue
        key: Label = label or "published"
        if key not in found:
            found[key] = value
            labelled = labelled or (label == "published")
    if not found:
        return None
    for filler in lex.fillers:
        consumed.extend(m.span() for m in filler.finditer(line))
    return Dateline(
        published=found.get("published"),
        updated=found.get("updated"),
        published_labelled=labelled,
        rest=_rest(line, consumed),
    )


def merge_datelines(datelines: Iterable[Dateline]) -> tuple[str | None, str | None]:
    """The page's publication and update times from all its datelines, in page order.

    A labelled publication date ("First published on") wins over an unlabelled
    one, which then counts as the update time; an update time that is not
    after the publication time is dropped.

    Args:
        datelines: what ``parse_dateline`` read from each dateline of one page.

    Returns:
        ``(published, updated)`` as ISO 8601 strings, either may be None.
    """
    lines = list(datelines)
    explicit = next((d.published for d in lines if d.published_labelled and d.published), None)
    plain = next((d.published for d in lines if not d.published_labelled and d.published), None)
    updated = next((d.updated for d in lines if d.updated), None)
    published = explicit or plain
    if explicit and plain and updated is None and plain != explicit:
        updated = plain
    if published and updated and not _is_after(updated, published):
        updated = None
    return published, updated


@dataclass(frozen=True, slots=True)
class _Lexicon:
    labels: list[tuple[re.Pattern[str], Label]]
    fillers: list[re.Pattern[str]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The labels and fillers of ``datelines.toml``, compiled."""
    data = load_toml("datelines.toml")
    labels_table = sub_table(data, "labels", where="datelines.toml")
    labels: list[tuple[re.Pattern[str], Label]] = []
    for key in ("updated", "published"):
        where = f"datelines.toml [labels] {key}"
        patterns = [_bounded(p) for p in str_list(labels_table, key, where=where)]
        label: Label = "updated" if key == "updated" else "published"
        labels.extend((pattern, label) for pattern in compile_patterns(patterns, where=where))
    fillers_table = sub_table(data, "fillers", where="datelines.toml")
    where = "datelines.toml [fillers]"
    fillers = [_bounded(p) for p in str_list(fillers_table, "patterns", where=where)]
    return _Lexicon(labels=labels, fillers=compile_patterns(fillers, where=where))


def _bounded(pattern: str) -> str:
    """A pattern that matches whole words only."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def _segments(line: str, labels: list[tuple[re.Pattern[str], Label]],
              consumed: list[tuple[int, int]]) -> list[tuple[Label | None, int, int]]:
    """Cut a line at its labels: (label, start, end) for each stretch, the first unlabelled."""
    hits: list[tuple[int, int, Label]] = []
    for pattern, label in labels:
        for match in pattern.finditer(line):
            if not any(s < match.end() and match.start() < e for s, e, _ in hits):
                hits.append((match.start(), match.end(), label))
    hits.sort()
    consumed.extend((s, e) for s, e, _ in hits)
    segments: list[tuple[Label | None, int, int]] = []
    start, label_now = 0, None
    for s, e, label in hits:
        segments.append((label_now, start, s))
        start, label_now = e, label
    segments.append((label_now, start, len(line)))
    return segments


def _segment_value(line: str, start: int, end: int, last_day: date | None, dayfirst: bool,
                   consumed: list[tuple[int, int]]) -> tuple[str | None, date | None]:
    """The ISO date of one stretch of a line, and the day it names (or the one before it)."""
    text = line[start:end]
    day, day_span = _first_date(text, dayfirst)
    taken = [day_span] if day_span else []
    clock = None
    for match in _TIME.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        parsed = _clock(match)
        if parsed is not None:
            consumed.append((start + match.start(), start + match.end()))
            clock = clock or parsed
    if day_span:
        consumed.append((start + day_span[0], start + day_span[1]))
    day = day or last_day
    if day is None:
        return None, last_day
    if clock is None:
        return day.isoformat(), day
    return datetime(day.year, day.month, day.day, *clock).isoformat(), day


def _first_date(text: str, dayfirst: bool) -> tuple[date | None, tuple[int, int] | None]:
    """The earliest valid calendar date in ``text`` and its span."""
    best: tuple[date, tuple[int, int]] | None = None
    for shape in _DATE_SHAPES:
        for match in shape.finditer(text):
            day = _to_date(match, dayfirst)
            if day is None:
                continue
            if best is None or match.start() < best[1][0]:
                best = (day, match.span())
            break  # later matches of this shape start later still
    return (best[0], best[1]) if best else (None, None)


def _to_date(match: re.Match[str], dayfirst: bool) -> date | None:
    """A calendar date from one match of a date shape, or None when it is not a real day."""
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"].lower()]
        day = int(groups["d"])
    elif groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    else:
        first, second = int(groups["a"]), int(groups["b"])
        day_first = first > HALF_DAY or (dayfirst and second <= HALF_DAY)
        day, month = (first, second) if day_first else (second, first)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) from a time match, or None when it is only a number."""
    hour, minute, second = int(match["h"]), int(match["mi"] or 0), int(match["s"] or 0)
    meridiem = (match["ap"] or "").lower()
    if not match["mi"] and not meridiem:
        return None
    if meridiem:
        if not 1 <= hour <= HALF_DAY:
            return None
        hour = hour % HALF_DAY + (HALF_DAY if meridiem == "p" else 0)
    if hour >= HOURS_PER_DAY or minute >= SIXTY or second >= SIXTY:
        return None
    return hour, minute, second


def _rest(line: str, consumed: list[tuple[int, int]]) -> str:
    """The words of ``line`` outside the consumed spans, without bare separators."""
    keep = [True] * len(line)
    for start, end in consumed:
        for i in range(start, end):
            keep[i] = False
    text = "".join(ch if keep[i] else " " for i, ch in enumerate(line))
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    return " ".join(words).strip(" ,;:|-–—•·")


def _is_after(later: str, earlier: str) -> bool:
    """True when ISO time ``later`` is strictly after ``earlier`` (a bare date is midnight)."""
    return datetime.fromisoformat(later) > datetime.fromisoformat(earlier)
