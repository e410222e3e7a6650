"""Who gives a figure, and whether it is an estimate.

In order: a quote that covers the figure gives its speaker (``speaker``; a
speaker that is only described keeps that description as its source,
``described``, when it says more than one word ("the local governor said",
not "officials said"); an unresolved one leaves the source ``unnamed``); "according to X" in the
same sentence gives the actor X names (``attributed``); a passive or unnamed
source in the sentence ("it is believed", "officials said") leaves it
``unnamed`` with no source; otherwise the outlet speaks (``outlet``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.context import ArticleContext, Ref
from sitroom.figures.lexicon import FigureLexicon, find_phrase, starts_with

SPEAKER = "speaker"
ATTRIBUTED = "attributed"
UNNAMED = "unnamed"
DESCRIBED = "described"
OUTLET = "outlet"
#: How attribution resolved a speaker it could not name: "officials said" is
#: ``description``, a source that is described, not named.
_NO_NAME = frozenset({"description"})
#: Words a description needs to tell a source apart: "the local governor" does,
#: "officials" does not.
MIN_DESCRIPTION_WORDS = 2
#: The most words read after "according to" for the name of a source.
MAX_SOURCE_WORDS = 8
#: Tokens that end the name of a source: "according to the UN, which ...".
_SOURCE_END = frozenset({",", ";", ":", ".", "(", "-", "–", "—", "which", "who", "that"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of a figure: a Ref or None, how it was found, and the quote it sits in."""

    source: Ref | None
    kind: str
    quote: str | None = None


def attribute(ctx: ArticleContext, span: tuple[int, int], par: Any, sent: Any,
              lex: FigureLexicon) -> Attribution:
    """The source of the figure at ``span`` (article offsets) in sentence ``sent``."""
    quote = ctx.quote_at(*span)
    if quote is not None:
        speaker = ctx.speaker_at(*span)
        if speaker is None:
            return Attribution(None, UNNAMED, quote.get("id"))
        if (quote.get("speaker") or {}).get("resolved_by") in _NO_NAME:
            if len(str(speaker.get("name") or "").split()) < MIN_DESCRIPTION_WORDS:
                return Attribution(None, UNNAMED, quote.get("id"))  # "officials said"
            return Attribution(speaker, DESCRIBED, quote.get("id"))
        return Attribution(speaker, SPEAKER, quote.get("id"))
    words = [t.lower_ for t in sent]
    according = _according(ctx, par, sent, words, lex)
    if according is not None:
        return according
    if find_phrase(words, lex.unnamed) is not None:
        return Attribution(None, UNNAMED)
    return Attribution(ctx.outlet_ref(), OUTLET)


def is_estimate(sent: Any, lex: FigureLexicon) -> bool:
    """The sentence marks its figures as an estimate or a belief."""
    words = [t.lower_ for t in sent]
    return (any(w in lex.estimate_words for w in words)
            or find_phrase(words, lex.estimate_phrases) is not None)


def _according(ctx: ArticleContext, par: Any, sent: Any, words: Sequence[str],
               lex: FigureLexicon) -> Attribution | None:
    """"according to X": the actor X names, or an unnamed source when none resolves."""
    at = find_phrase(words, lex.according)
    if at is None:
        return None
    phrase = starts_with(words, at, lex.according) or ()
    lo = at + len(phrase)
    hi = lo
    while hi < len(words) and hi - lo < MAX_SOURCE_WORDS and words[hi] not in _SOURCE_END:
        hi += 1
    if hi == lo:
        return None
    start, end = ctx.tokens_span(par, sent.start + lo, sent.start + hi)
    actor = ctx.actor_for(start, end)
    return Attribution(actor, ATTRIBUTED) if actor is not None else Attribution(None, UNNAMED)
