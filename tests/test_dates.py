"""Dates: machine dates (``to_iso``) and the datelines pages print (``parse_dateline``)."""

from __future__ import annotations

import pytest

from sitroom.extract.dates import Dateline, merge_datelines, parse_dateline, to_iso


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-02-15", "2022-02-15"),
    ("2022-02-15T15:28:00+00:00", "2022-02-15T15:28:00"),
    ("2022-02-15T15:28:00Z", "2022-02-15T15:28:00"),
    ("2022-02-15T15:28:00+01:00", "2022-02-15T15:28:00+01:00"),
    ("Tue, 15 Feb 2022 15:28:00 GMT", "2022-02-15T15:28:00"),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_to_iso(value: str | None, expected: str | None) -> None:
    assert to_iso(value) == expected


@pytest.mark.parametrize(("line", "published", "updated"), [
    ("15 February 2022, 15:28 | Updated: 15 February 2022, 22:40",
     "2022-02-15T15:28:00", "2022-02-15T22:40:00"),
    ("15 February 2022, 15:28 | Updated: 22:40", "2022-02-15T15:28:00", "2022-02-15T22:40:00"),
    ("Published 15 Feb 2022 3.28pm GMT", "2022-02-15T15:28:00", None),
    ("Tue 15 Feb 2022 15.28 GMT", "2022-02-15T15:28:00", None),
    ("February 15, 2022 at 3:28 p.m. ET", "2022-02-15T15:28:00", None),
    ("Feb. 15, 2022 12:01 a.m. ET", "2022-02-15T00:01:00", None),
    ("Updated 10:40 PM EST, Tue February 15, 2022", None, "2022-02-15T22:40:00"),
    ("Last modified on Tue 15 Feb 2022 22.40 GMT", None, "2022-02-15T22:40:00"),
    ("2022-02-15 15:28", "2022-02-15T15:28:00", None),
    ("2022-02-15T15:28:00Z", "2022-02-15T15:28:00", None),
    ("2022/02/15", "2022-02-15", None),
    ("15/02/2022", "2022-02-15", None),
    ("15.02.2022 15:28", "2022-02-15T15:28:00", None),
    ("Tuesday 15th February 2022 11:59pm", "2022-02-15T23:59:00", None),
    ("Sept. 3rd, 2022", "2022-09-03", None),
    ("Published 15 Feb 2022 3.28pm GMT | Updated 15 Feb 2022 9.05pm GMT",
     "2022-02-15T15:28:00", "2022-02-15T21:05:00"),
])
def test_datelines(line: str, published: str | None, updated: str | None) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.published, dateline.updated) == (published, updated)
    assert dateline.rest == ""


def test_numeric_dates_day_first_unless_told_or_obvious() -> None:
    assert _published("03/04/2022") == "2022-04-03"
    assert _published("03/04/2022", dayfirst=False) == "2022-03-04"
    assert _published("02/15/2022") == "2022-02-15"  # 15 cannot be a month
    assert _published("15/02/2022", dayfirst=False) == "2022-02-15"  # nor here


@pytest.mark.parametrize("line", [
    "Updated 2 hours ago",
    "KYIV, Feb 15 (Reuters) -",
    "31 February 2022",
    "Troops moved at 15:28",
    "",
])
def test_no_full_date(line: str) -> None:
    assert parse_dateline(line) is None


def test_impossible_times_are_not_read() -> None:
    dateline = parse_dateline("15 February 2022, 25:70")
    assert dateline is not None and dateline.published == "2022-02-15"


def test_rest_keeps_what_is_not_a_date() -> None:
    by = parse_dateline("By Jane Doe | February 15, 2022")
    assert by is not None and by.rest == "By Jane Doe"
    sentence = parse_dateline("On 15 February 2022, troops moved.")
    assert sentence is not None and sentence.rest == "troops moved."


def test_labels() -> None:
    first = parse_dateline("First published on Tue 15 Feb 2022 10.00 GMT")
    assert first is not None and first.published_labelled
    plain = parse_dateline("Tue 15 Feb 2022 22.40 GMT")
    assert plain is not None and not plain.published_labelled


def _dl(published: str | None, updated: str | None = None, labelled: bool = False) -> Dateline:
    return Dateline(published=published, updated=updated, published_labelled=labelled, rest="")


def test_merge_datelines() -> None:
    # a dateline with both, as on the founding example
    assert merge_datelines([_dl("2022-02-15T15:28:00", "2022-02-15T22:40:00")]) == (
        "2022-02-15T15:28:00", "2022-02-15T22:40:00")
    # two lines: published, then "Last modified on"
    assert merge_datelines([_dl("2022-03-01T10:15:00"), _dl(None, "2022-03-01T18:42:00")]) == (
        "2022-03-01T10:15:00", "2022-03-01T18:42:00")
    # a live page: the latest time first, "First published on" below it
    assert merge_datelines([_dl("2022-02-15T22:40:00"),
                            _dl("2022-02-15T10:00:00", labelled=True)]) == (
        "2022-02-15T10:00:00", "2022-02-15T22:40:00")
    # an update that is not after publication is dropped
    assert merge_datelines([_dl("2022-02-15T15:28:00", "2022-02-15T15:28:00")]) == (
        "2022-02-15T15:28:00", None)
    assert merge_datelines([]) == (None, None)


def _published(line: str, *, dayfirst: bool = True) -> str | None:
    dateline = parse_dateline(line, dayfirst=dayfirst)
    return None if dateline is None else dateline.published
