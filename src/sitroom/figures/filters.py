"""Numbers that are no figure: years, dates, times, ages, shares, codes and names.

A news page is full of numbers that count nothing: "in 2014", "24 February",
"10:30", "John Smith, 45,", "a 45-year-old", "40%", "the 3rd battalion",
"Su-25", "Covid-19", "MH17", phone numbers. Most never reach a counted noun
and fall out later; these checks drop the ones that could.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitroom.figures.lexicon import FigureLexicon
from sitroom.figures.numbers import NumberExpr

#: Hyphenated words after a number that still leave it a count: "100,000-strong".
_COUNT_COMPOUNDS = frozenset({"strong", "plus"})
_HYPHENS = frozenset({"-", "–"})


def is_noise(tokens: Sequence[Any], words: Sequence[str], expr: NumberExpr,
             lex: FigureLexicon) -> bool:
    """True when the number at ``expr`` (indices into ``tokens`` and ``words``) is no figure."""
    return (_labelled(tokens, expr, lex) or _year(tokens, words, expr, lex)
            or _skip_word(words, expr, lex) or _compound_adjective(words, expr)
            or _glued_to_name(tokens, expr, lex) or _after_year(words, expr, lex))


def _labelled(tokens: Sequence[Any], expr: NumberExpr, lex: FigureLexicon) -> bool:
    """spaCy calls every token of a plain number a date, time, share or rank."""
    if expr.currency is not None or expr.magnitude > 1 or expr.value_max is not None:
        return False  # spaCy mislabels "2bn" ORDINAL and "150k" PRODUCT; trust the form
    return all(tokens[i].ent_type_ in lex.skip_labels for i in range(expr.start, expr.end))


def _year(tokens: Sequence[Any], words: Sequence[str], expr: NumberExpr,
          lex: FigureLexicon) -> bool:
    """"in 2014": bare four digits in the year range, unless a counted noun follows."""
    low, high = lex.numbers.year_range
    if not (expr.plain and low <= expr.value <= high):
        return False
    nxt = tokens[expr.end] if expr.end < len(tokens) else None
    return nxt is None or (nxt.lemma_.lower(),) not in lex.unit_measures


def _skip_word(words: Sequence[str], expr: NumberExpr, lex: FigureLexicon) -> bool:
    before = words[expr.start - 1] if expr.start > 0 else ""
    after = words[expr.end] if expr.end < len(words) else ""
    return before in lex.numbers.skip_before or after in lex.numbers.skip_after


def _compound_adjective(words: Sequence[str], expr: NumberExpr) -> bool:
    """"a 45-year-old", "a 10-day", "a 40-mile convoy": the number measures a noun, not a count."""
    end = expr.end
    return (end + 1 < len(words) and words[end] in _HYPHENS
            and words[end + 1] not in _COUNT_COMPOUNDS)


def _glued_to_name(tokens: Sequence[Any], expr: NumberExpr, lex: FigureLexicon) -> bool:
    """"Su-25", "F-16", "MH 17" written glued: letters touch the digits."""
    first = expr.start
    if tokens[first].text in lex.numbers.currency_symbols or first == 0:
        return False
    prev = tokens[first - 1]
    if prev.whitespace_:
        return False
    if prev.text in _HYPHENS:
        return first >= 2 and not tokens[first - 2].whitespace_ and tokens[first - 2].is_alpha
    return bool(prev.is_alpha)


def _after_year(words: Sequence[str], expr: NumberExpr, lex: FigureLexicon) -> bool:
    """"26 Jul 2022 22.09": a live blog's time stamp follows its date."""
    if expr.start == 0 or not words[expr.start - 1].isdigit():
        return False
    low, high = lex.numbers.year_range
    return low <= int(words[expr.start - 1]) <= high
