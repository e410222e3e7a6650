"""Hedges: the words that mark a claim as second-hand, staged or uncertain.

A claim's hedges are those written in the claim itself ("Russia could be
plotting a 'false flag' invasion", "footage appearing to show"), on its cue
("RIA and TASS claiming that ...", "reportedly said"), and in the evidence
clause split off its end ("..., with Moscow releasing footage appearing to
show ..."): the hedge of the evidence offered for a claim is the claim's too.
Each hedge is reported once, lower-case, as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sitroom.claims.lexicon import ClaimLexicon
from sitroom.claims.tokens import Piece, find_phrases, lemma
from sitroom.context import ArticleContext

#: The part-of-speech tag of modal verbs: "could" hedges, the month "May" does not.
MODAL_TAG = "MD"


def hedges_in(piece: Piece, lex: ClaimLexicon) -> list[str]:
    """The hedge phrases and words written in a piece, in text order."""
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for _, tokens in find_phrases(piece.tokens, lex.hedge_phrases, lex):
        if taken.isdisjoint(t.i for t in tokens):
            taken.update(t.i for t in tokens)
            found.append((tokens[0].i, _written(piece, tokens)))
    for token in piece.tokens:
        if token.i in taken:
            continue
        if token.lower_ in lex.hedge_words or (
                token.tag_ == MODAL_TAG and token.lower_ in lex.modals):
            found.append((token.i, token.lower_))
    return [text for _, text in sorted(found)]


def cue_hedges(ctx: ArticleContext, quote: dict[str, Any] | None, cue_token: Any | None,
               lex: ClaimLexicon) -> list[str]:
    """Hedges on a quote's cue: the cue verb itself ("claiming") and attribution's hedges."""
    out: list[str] = []
    if cue_token is not None and lemma(cue_token, lex) in lex.hedge_cue_verbs:
        out.append(cue_token.lower_)
    if quote is not None:
        out.extend(str(h).lower() for h in quote.get("hedges", []))
    return out


def merged(*groups: Iterable[str]) -> list[str]:
    """Hedge lists joined, each hedge once, first seen first."""
    return list(dict.fromkeys(h for group in groups for h in group))


def _written(piece: Piece, tokens: Sequence[Any]) -> str:
    """A matched phrase as written in the text, lower-case."""
    text = piece.par.text
    first, last = tokens[0], tokens[-1]
    return str(text[first.idx:last.idx + len(last.text)]).lower()
