"""The qualifier of a number: "over", "about", "up to", "at least", ... (docs/records.md).

Qualifiers are phrases right before the number ("more than 150,000") or right
after it ("2,000 or more"); a range is "between"; a vague quantity
("thousands") is "at least" its magnitude unless a phrase says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.figures.lexicon import FigureLexicon, Phrase, ends_with, starts_with
from sitroom.figures.numbers import NumberExpr

EXACTLY = "exactly"
BETWEEN = "between"
#: What a vague quantity's magnitude is: its lower bound.
VAGUE = "at least"


@dataclass(frozen=True, slots=True)
class Qualified:
    """A qualifier and the words ``[start, end)`` it and the number cover together."""

    qualifier: str
    start: int
    end: int
    phrase: Phrase = ()


def qualify(words: Sequence[str], expr: NumberExpr, lex: FigureLexicon) -> Qualified:
    """The qualifier of ``expr`` in ``words`` and the extent of number plus qualifier."""
    before = ends_with(words, expr.start, [phrase for phrase, _ in lex.qualifiers_before])
    after = starts_with(words, expr.end, [phrase for phrase, _ in lex.qualifiers_after])
    start = expr.start - len(before) if before else expr.start
    end = expr.end + len(after) if after else expr.end
    if expr.value_max is not None:
        return Qualified(BETWEEN, start, end, before or ())
    if before is not None and (before != (BETWEEN,)):
        return Qualified(_lookup(lex.qualifiers_before, before), start, end, before)
    if after is not None:
        return Qualified(_lookup(lex.qualifiers_after, after), start, end, after)
    return Qualified(VAGUE if expr.vague else EXACTLY, start, end)


def _lookup(pairs: Sequence[tuple[Phrase, str]], phrase: Phrase) -> str:
    return next(qualifier for candidate, qualifier in pairs if candidate == phrase)
