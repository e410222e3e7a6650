"""The numbers of one sentence that may be figures, with qualifier and what they count.

A candidate with ``counted`` None counts nothing the lexicon knows; it is kept
only when a revision cue makes it the older figure of another one ("an
increase from the previously estimated 130,000"), whose unit it then takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.figures.filters import is_noise
from sitroom.figures.lexicon import FigureLexicon, ends_with, starts_with
from sitroom.figures.measure import OTHER, Counted, counted
from sitroom.figures.numbers import NumberExpr, scan
from sitroom.figures.qualifiers import qualify
from sitroom.nlp import Paragraph

#: Words of a sentence that make a number possible: digits, or a number word.
_HAS_DIGIT = frozenset("0123456789")


@dataclass(slots=True, kw_only=True)
class Candidate:
    """A number of one sentence; token indices are the paragraph doc's."""

    par: Paragraph
    sent: Any
    expr: NumberExpr
    """The number; its indices are into the sentence's words."""
    qualifier: str
    first: int
    """Doc index of the figure's first token (its qualifier)."""
    last: int
    """Doc index just past its last token (its counted noun, when right after it)."""
    counted: Counted | None
    older_cue: bool
    """A revision cue sits right before it: it is the figure another one updates."""
    from_cue: bool = False
    """It follows "from" ("rose from 130,000 to 150,000")."""
    to_cue: bool = False
    """It follows "to"."""
    revises: Candidate | None = None


def sentence_candidates(par: Paragraph, sent: Any, lex: FigureLexicon) -> list[Candidate]:
    """The candidates of one sentence, left to right."""
    if not _may_hold_numbers(sent, lex):
        return []
    tokens = list(sent)
    words = [t.lower_ for t in tokens]
    found: list[Candidate] = []
    for expr in scan(words, lex.numbers):
        if is_noise(tokens, words, expr, lex) or _conversion(words, expr, found):
            continue
        found.append(_candidate(par, sent, words, expr, lex))
    return found


def _conversion(words: list[str], expr: NumberExpr, before: list[Candidate]) -> bool:
    """"$8bn (£6.55bn)": money in brackets right after money restates it in another currency."""
    if expr.currency is None or expr.start < 1 or words[expr.start - 1] != "(" or not before:
        return False
    prev = before[-1]
    return prev.expr.currency is not None and prev.expr.end == expr.start - 1


def _may_hold_numbers(sent: Any, lex: FigureLexicon) -> bool:
    """A cheap test before scanning: a digit or a number word in the sentence."""
    numbers = lex.numbers
    for token in sent:
        lower = token.lower_
        if (not _HAS_DIGIT.isdisjoint(lower) or lower in numbers.units
                or lower in numbers.magnitudes or lower in numbers.vague):
            return True
        if lower == "one" and token.i + 1 < len(token.doc) and \
                token.doc[token.i + 1].lower_ in numbers.one_before:
            return True  # "one person was killed"
    return False


def _candidate(par: Paragraph, sent: Any, words: list[str], expr: NumberExpr,
               lex: FigureLexicon) -> Candidate:
    qualified = qualify(words, expr, lex)
    base = sent.start
    anchor = par.doc[base + expr.end - 1]
    found = counted(par.doc, anchor, base + qualified.end, expr.currency, lex)
    if found is not None and found.measure == OTHER and qualified.start > 0 \
            and words[qualified.start - 1] in lex.anaphoric:
        found = None  # "the two men": people counted before, not a new figure
    last = base + qualified.end
    if found is not None and found.run[0] >= last and found.run[1] - last <= _NEAR:
        last = max(last, found.run[1])
    if starts_with(words, last - base, lex.rates) is not None:
        found = None  # "100 people a day": a rate, not a count
    before = words[:qualified.start]
    return Candidate(
        par=par, sent=sent, expr=expr, qualifier=qualified.qualifier,
        first=base + qualified.start, last=last, counted=found,
        older_cue=ends_with(before, len(before), lex.revision_cues) is not None,
        from_cue=bool(before) and before[-1] == "from",
        to_cue=bool(before) and before[-1] == "to",
    )


#: The figure's text runs on to its counted noun when the noun is this close.
_NEAR = 8
