"""Number expressions in a sequence of words, with their values.

``scan`` reads lower-case words (spaCy's tokens, or any tokenisation that keeps
"150,000" and "$" apart) and finds every number written as digits
("150,000", "150000", "150k", "1.5m", "$2.5bn", "1.5 million", "150 thousand"),
as words ("a hundred and fifty thousand", "two dozen"), as a vague quantity
("thousands", "tens of thousands", "several hundred": valued at the magnitude,
the lower bound, and marked vague) or as a range ("between 2,000 and 4,000",
"2,000-4,000", "2,000 to 4,000"). It knows nothing of what is counted; the
stage decides that from the parse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sitroom.figures.lexicon import NumberWords, starts_with

Num = int | float

#: A number in digits: optional currency symbol, digits with thousands commas
#: or none, optional decimals, optional magnitude suffix ("150k", "2.5bn").
_DIGITS = re.compile(r"(?P<cur>us\$|[$£€₽₴])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
                     r"(?P<suf>[a-z]+)?")
#: A range written as one token: "2,000-4,000".
_GLUED_RANGE = re.compile(r"(?P<lo>[\d,.]+[a-z]*)[-–—](?P<hi>[\d,.]+[a-z]*)")
#: Words that join two numbers into a range (after "between": "and").
_RANGE_DASHES = frozenset({"-", "–", "—", "to"})
#: Words before "X to Y" that make it a change rather than a range.
_CHANGE_PREPOSITIONS = frozenset({"from", "by"})
#: Joins tens and units in spelt numbers: "twenty-five" as three tokens.
_HYPHEN = "-"
#: The largest unit a "twenty-" may join.
_MAX_JOINED_UNIT = 9


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """One number expression: words ``[start, end)`` of the scanned sequence."""

    start: int
    end: int
    value: Num
    value_max: Num | None = None
    vague: bool = False
    currency: str | None = None
    """The unit of money a currency symbol gives ("dollars"), else None."""
    magnitude: int = 1
    """The multiplier written after the digits ("million" is 10**6), 1 when none."""
    plain: bool = False
    """Bare digits with no comma, decimals, suffix or magnitude: years and ids look like this."""


def scan(words: Sequence[str], lex: NumberWords) -> list[NumberExpr]:
    """Every number expression in ``words`` (lower-case tokens), left to right, not overlapping."""
    found: list[NumberExpr] = []
    i = 0
    while i < len(words):
        expr = _range(words, i, lex)
        if expr is None:
            i += 1
            continue
        found.append(expr)
        i = expr.end
    return found


def number_at(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """The single number expression starting at word ``i``, or None."""
    return (_currency(words, i, lex) or _digits(words, i, lex) or _vague(words, i, lex)
            or _spelt(words, i, lex))


def whole(value: float) -> Num:
    """An int when the value is whole (150000, not 150000.0)."""
    return int(value) if float(value).is_integer() else value


def _range(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """A number at ``i``, extended to a range when one follows."""
    glued = _glued_range(words, i, lex)
    if glued is not None:
        return glued
    low = number_at(words, i, lex)
    if low is None or low.vague or low.end >= len(words):
        return low
    joiner = words[low.end]
    after_between = i > 0 and words[i - 1] == "between"
    # "from X to Y" and "by X to Y" are changes, not ranges (see revisions)
    after_change = i > 0 and words[i - 1] in _CHANGE_PREPOSITIONS
    if not ((after_between and joiner == "and") or (joiner in _RANGE_DASHES and not after_change)):
        return low
    high = number_at(words, low.end + 1, lex)
    if high is None or high.vague:
        return low
    return _join(low, high)


def _join(low: NumberExpr, high: NumberExpr) -> NumberExpr:
    """A range of two numbers, or the low one alone when they make no range ("3-0")."""
    value = low.value
    if low.magnitude == 1 and high.magnitude > 1 and low.value * high.magnitude <= high.value:
        value = whole(low.value * high.magnitude)  # "between 2 and 4 million"
    if high.value <= value:
        return low
    return replace(low, end=high.end, value=value, value_max=high.value, plain=False,
                   currency=low.currency or high.currency,
                   magnitude=max(low.magnitude, high.magnitude))


def _glued_range(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    match = _GLUED_RANGE.fullmatch(words[i])
    if match is None:
        return None
    low = _digits([match["lo"]], 0, lex)
    high = _digits([match["hi"]], 0, lex)
    if low is None or high is None:
        return None
    joined = _join(replace(low, start=i, end=i + 1), replace(high, start=i, end=i + 1))
    return joined if joined.value_max is not None else None


def _currency(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """A currency symbol token and the number after it: "$ 2.5bn"."""
    unit = lex.currency_symbols.get(words[i])
    if unit is None or i + 1 >= len(words):
        return None
    expr = _digits(words, i + 1, lex) or _spelt(words, i + 1, lex)
    return replace(expr, start=i, currency=unit, plain=False) if expr is not None else None


def _digits(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """A number in digits, with a glued or following magnitude: "150k", "1.5 million"."""
    match = _DIGITS.fullmatch(words[i])
    if match is None:
        return None
    digits = match["int"]
    if len(digits) > 1 and digits.startswith("0") and not match["dec"]:
        return None  # phone numbers and codes: "020", "0800"
    value = float(digits.replace(",", "") + (match["dec"] or ""))
    magnitude = 1
    if match["suf"]:
        if match["suf"] not in lex.suffixes:
            return None  # "3rd", "25km", "7pm"
        magnitude = lex.suffixes[match["suf"]]
    end = i + 1
    while end < len(words) and (words[end] in lex.magnitudes or
                                (magnitude == 1 and words[end] in lex.suffixes)):
        magnitude *= lex.magnitudes.get(words[end]) or lex.suffixes[words[end]]
        end += 1
    currency = lex.currency_symbols.get(match["cur"]) if match["cur"] else None
    plain = magnitude == 1 and currency is None and match["dec"] is None and "," not in digits
    return NumberExpr(start=i, end=end, value=whole(value * magnitude), currency=currency,
                      magnitude=magnitude, plain=plain)


def _spelt(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """A number in words: "a hundred and fifty thousand", "two dozen", "twenty-five"."""
    total = current = 0
    end = i
    strong = False  # a lone "one" or "a" is no number
    magnitude = 1
    while end < len(words):
        word = words[end]
        if word in lex.units:
            current += lex.units[word]
            strong = True
        elif word in lex.weak_units and end == i and _next_is(words, end, lex.magnitudes):
            current = lex.weak_units[word]
        elif word == "one" and end == i and end + 1 < len(words) and \
                words[end + 1] in lex.one_before:
            return NumberExpr(start=i, end=i + 1, value=1, magnitude=1)  # "one person"
        elif word in lex.magnitudes and end > i:
            scale = lex.magnitudes[word]
            if scale < 1000:  # "hundred", "dozen" multiply the running group
                current = max(current, 1) * scale
            else:
                total += max(current, 1) * scale
                current = 0
            magnitude = max(magnitude, scale)
            strong = True
        elif not (strong and _joins_spelt(words, end, lex)):
            break
        end += 1
    if not strong or end == i:
        return None
    return NumberExpr(start=i, end=end, value=total + current, magnitude=magnitude)


def _joins_spelt(words: Sequence[str], j: int, lex: NumberWords) -> bool:
    """"and" in "a hundred and fifty", "-" in "twenty - five": inside one spelt number."""
    if j + 1 >= len(words):
        return False
    nxt = words[j + 1]
    if words[j] == "and":
        return words[j - 1] in lex.magnitudes and nxt in lex.units
    if words[j] == _HYPHEN:
        return (lex.units.get(words[j - 1], 0) % 10 == 0 and lex.units.get(words[j - 1], 0) > 10
                and 0 < lex.units.get(nxt, 0) <= _MAX_JOINED_UNIT)
    return False


def _vague(words: Sequence[str], i: int, lex: NumberWords) -> NumberExpr | None:
    """"thousands", "tens of thousands", "several hundred": the magnitude as a lower bound."""
    lead = starts_with(words, i, lex.vague_lead)
    if lead is not None:
        end = i + len(lead)
        value = 1
        while end < len(words) and words[end] in lex.magnitudes:
            value *= lex.magnitudes[words[end]]
            end += 1
        if value == 1:
            return None
        return NumberExpr(start=i, end=end, value=value, vague=True, magnitude=value)
    if words[i] not in lex.vague:
        return None
    value, end = lex.vague[words[i]], i + 1
    while (end + 1 < len(words) and words[end] == "of" and words[end + 1] in lex.vague):
        value *= lex.vague[words[end + 1]]  # "tens of thousands", "hundreds of thousands"
        end += 2
    if value == lex.vague[words[i]] and words[i] == "tens":
        return None  # "tens" alone is no quantity
    return NumberExpr(start=i, end=end, value=value, vague=True, magnitude=value)


def _next_is(words: Sequence[str], i: int, vocabulary: Mapping[str, int]) -> bool:
    return i + 1 < len(words) and words[i + 1] in vocabulary
