"""The day a figure is given for, when its sentence says so.

"Ukraine's general staff said on Tuesday that 31,000 Russian troops had been
killed", in an article published on Thursday 7 April 2022, gives the figure for
Tuesday 5 April. The sentence's date expression nearest the figure (spaCy's DATE
entities) is read: a weekday is the last such day on or before the
publication day ("last Monday" a week earlier when the article appeared on a
Monday); "yesterday", "today", "tonight"; a day and month ("12 June", "June 12",
"on the 12th of June") in the publication year, or the year before when that day
would come after publication. A date that opens or closes a period ("since 24
February", "by Friday", "until June", "since Russia's invasion on 24 February") is
no day of the figure, nor is a span ("last week", "in March") or the day of a noun
("Russia's 24 February invasion"). Only the date nearest the figure is read: a
farther one belongs to another clause.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

#: Weekday names in order, and month names and abbreviations with their numbers.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for m in names}
_RELATIVE = {"yesterday": 1, "today": 0, "tonight": 0}
#: Words before a date that make it the edge of a period, not the figure's day.
_PERIOD_EDGES = frozenset({"since", "from", "until", "till", "by", "before", "after",
                           "between", "through", "to"})
#: Words that open a period however far before its date they stand, and how far.
_SINCE = frozenset({"since", "until", "till"})
_SINCE_WINDOW = 5
#: Dependencies of a date that modifies a noun rather than the clause.
_NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod", "nummod"})
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)\b")
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def stated_date(sent: Any, first: int, published: date | None) -> date | None:
    """The day the sentence ``sent`` gives for the figure whose first token is ``first``,
    or None when it gives none (the caller keeps the publication date)."""
    if published is None:
        return None
    spans = [ent for ent in sent.ents if ent.label_ == "DATE"]
    spans.sort(key=lambda ent: abs(ent.start - first))
    for ent in spans[:1]:  # the nearest only: a farther one is another clause's
        # ("nearly $129 in March before easing back to under $105 on Tuesday")
        # "Yesterday 40 civilians": the tagger may take the figure into the date
        words = [t for t in ent if t.i < first] if ent.start <= first < ent.end else list(ent)
        if not words:
            continue
        if _bounds_a_period(ent, words):
            continue
        if any(t.dep_ in _NOUN_MODIFIERS and t.head.pos_ in ("NOUN", "PROPN")
               and not ent.start <= t.head.i < ent.end for t in words):
            continue  # "Russia's 24 February invasion": the day of something else
        day = _day(" ".join(t.lower_ for t in words), published)
        if day is not None:
            return day
    return None


def _bounds_a_period(ent: Any, words: list[Any]) -> bool:
    """True for a date under "since", "by", "until" ... ("since 24 February", "the lowest
    close since Russia's 24 February invasion")."""
    doc = ent.doc
    if words[0].lower_ in _PERIOD_EDGES or (
            ent.start > 0 and doc[ent.start - 1].lower_ in _PERIOD_EDGES):
        return True
    window = doc[max(ent.sent.start, ent.start - _SINCE_WINDOW):ent.start]
    if any(t.lower_ in _SINCE for t in window) and not any(
            t.is_punct or t.pos_ in ("VERB", "AUX") for t in window):
        return True  # "the lowest close since Russia's invasion on 24 February"
    for head in ent.root.ancestors:
        if head.pos_ in ("VERB", "AUX"):
            return False
        if head.lower_ in _PERIOD_EDGES and head.dep_ in ("prep", "mark"):
            return True
    return False


def _day(text: str, published: date) -> date | None:
    words = re.findall(r"[a-z]+", text)
    for word, back in _RELATIVE.items():
        if word in words:
            return published - timedelta(days=back)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
        if back == 0 and "last" in words:
            back = 7
        return published - timedelta(days=back)
    return _calendar_day(text, published)


def _calendar_day(text: str, published: date) -> date | None:
    found = None
    match = _DAY_MONTH.search(text)
    if match and match.group(2) in MONTHS:
        found = (int(match.group(1)), MONTHS[match.group(2)])
    else:
        match = _MONTH_DAY.search(text)
        if match and match.group(1) in MONTHS:
            found = (int(match.group(2)), MONTHS[match.group(1)])
    if found is None:
        return None
    day, month = found
    year_match = _YEAR.search(text)
    year = int(year_match.group(0)) if year_match else published.year
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if year_match is None and value > published:
        try:
            value = date(year - 1, month, day)
        except ValueError:
            return None
    return value
