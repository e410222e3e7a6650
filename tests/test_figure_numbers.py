"""Number expressions and qualifiers, read from plain word lists (no parse needed)."""

from __future__ import annotations

import pytest

from sitroom.figures.lexicon import figure_lexicon
from sitroom.figures.numbers import NumberExpr, scan
from sitroom.figures.qualifiers import qualify


def _scan(text: str) -> list[NumberExpr]:
    return scan(text.lower().split(), figure_lexicon().numbers)


def _one(text: str) -> NumberExpr:
    found = _scan(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("150,000 troops", 150000),
    ("150000 troops", 150000),
    ("150k troops", 150000),
    ("150K troops", 150000),
    ("1.5m refugees", 1500000),
    ("1.5 m refugees", 1500000),
    ("1.5 million refugees", 1500000),
    ("2bn euros", 2000000000),
    ("150 thousand people", 150000),
    ("a hundred and fifty thousand people", 150000),
    ("two dozen tanks", 24),
    ("a dozen tanks", 12),
    ("twenty - five soldiers", 25),
    ("two thousand three hundred people", 2300),
    ("a million people", 1000000),
    ("0.5 million people", 500000),
])
def test_number_forms(text: str, value: int) -> None:
    expr = _one(text)
    assert expr.value == value
    assert isinstance(expr.value, int)
    assert expr.value_max is None
    assert not expr.vague


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("$2.5bn in aid", 2500000000, "dollars"),
    ("$ 2.5bn in aid", 2500000000, "dollars"),
    ("£ 25.7 million", 25700000, "pounds"),
    ("€300m", 300000000, "euros"),
])
def test_money_symbols(text: str, value: int, currency: str) -> None:
    expr = _one(text)
    assert (expr.value, expr.currency, expr.start) == (value, currency, 0)


@pytest.mark.parametrize(("text", "value", "end"), [
    ("hundreds of civilians", 100, 1),
    ("thousands of people", 1000, 1),
    ("tens of thousands of people", 10000, 3),
    ("hundreds of thousands of refugees", 100000, 3),
    ("dozens of soldiers", 12, 1),
    ("several thousand troops", 1000, 2),
    ("a few hundred people", 100, 3),
])
def test_vague_quantities_are_their_magnitude(text: str, value: int, end: int) -> None:
    expr = _one(text)
    assert (expr.value, expr.vague, expr.end) == (value, True, end)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("between 2,000 and 4,000 troops", 2000, 4000),
    ("2,000-4,000 troops", 2000, 4000),
    ("2,000 - 4,000 troops", 2000, 4000),
    ("2,000 to 4,000 troops", 2000, 4000),
    ("between 2 and 4 million people", 2000000, 4000000),
])
def test_ranges(text: str, low: int, high: int) -> None:
    expr = _one(text)
    assert (expr.value, expr.value_max) == (low, high)


def test_from_to_is_two_numbers_not_a_range() -> None:
    found = _scan("the toll rose from 300 to 450")
    assert [(e.value, e.value_max) for e in found] == [(300, None), (450, None)]


def test_a_score_is_no_range() -> None:
    assert all(e.value_max is None for e in _scan("won 3 - 0"))


@pytest.mark.parametrize("text", [
    "one of them said", "3rd battalion", "25km away", "at 7pm", "call 0800 now",
    "no one came", "tens of people",
])
def test_not_numbers(text: str) -> None:
    assert _scan(text) == [], text


def test_plain_digits_are_marked_so_years_can_be_told() -> None:
    assert _one("in 2014").plain
    assert not _one("2,014 troops").plain
    assert not _one("2014k").plain


@pytest.mark.parametrize(("text", "qualifier", "start"), [
    ("over 150,000 troops", "over", 0),
    ("more than 150,000 troops", "over", 0),
    ("above 150,000 troops", "over", 0),
    ("about 20 people", "about", 0),
    ("around 20 people", "about", 0),
    ("roughly 20 people", "about", 0),
    ("some 20 people", "about", 0),
    ("approximately 20 people", "about", 0),
    ("an estimated 20 people", "about", 0),
    ("up to 20 people", "up to", 0),
    ("as many as 20 people", "up to", 0),
    ("at least 20 people", "at least", 0),
    ("no fewer than 20 people", "at least", 0),
    ("nearly 20 people", "nearly", 0),
    ("almost 20 people", "nearly", 0),
    ("close to 20 people", "nearly", 0),
    ("fewer than 20 people", "under", 0),
    ("less than 20 people", "under", 0),
    ("under 20 people", "under", 0),
    ("below 20 people", "under", 0),
    ("at most 20 people", "at most", 0),
    ("between 20 and 30 people", "between", 0),
    ("2,000-4,000 people", "between", 0),
    ("20 people", "exactly", 0),
    ("thousands of people", "at least", 0),
    ("up to thousands of people", "up to", 0),
])
def test_qualifiers(text: str, qualifier: str, start: int) -> None:
    words = text.lower().split()
    lex = figure_lexicon()
    [expr] = scan(words, lex.numbers)
    found = qualify(words, expr, lex)
    assert (found.qualifier, found.start) == (qualifier, start)


def test_qualifier_after_the_number() -> None:
    words = ["2,000", "or", "more", "people"]
    lex = figure_lexicon()
    [expr] = scan(words, lex.numbers)
    found = qualify(words, expr, lex)
    assert (found.qualifier, found.start, found.end) == ("at least", 0, 3)


def test_a_lone_one_counts_only_before_a_counted_noun() -> None:
    assert _one("one person was killed").value == 1
    assert _one("at least one serviceman died").value == 1
    assert _scan("one of the men was hurt") == []
    assert _scan("one day the war will end") == []
