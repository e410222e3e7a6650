"""Verification of a claim within one article, from the stances others take on it.

The values (docs/records.md, claims): ``denied`` when the party the claim is
about disputes it by denial; ``disputed`` when anyone disputes it;
``confirmed`` when another party says it is confirmed or verified and nobody
disputes it; ``supported`` when others support or corroborate it and nobody
disputes it;
``unverified`` when nobody else speaks to it, hedged or not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sitroom.claims.stance import CORROBORATES, DISPUTES, SUPPORTS, Stance
from sitroom.claims.tokens import Piece
from sitroom.context import ArticleContext, Ref, ref

UNVERIFIED, SUPPORTED, DISPUTED, CONFIRMED, DENIED = (
    "unverified", "supported", "disputed", "confirmed", "denied")
#: Dependencies whose phrase names who a claim is about.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def verification(stances: Iterable[Stance], about: Iterable[Ref],
                 same: Callable[[Ref | None, Ref | None], bool]) -> str:
    """The per-article verification of a claim given the stances on it.

    Args:
        stances: the stances other parties take on the claim.
        about: the actors the claim is about (named in it).
        same: whether two actors are one party (a state and its ministry).
    """
    stances = list(stances)
    about = list(about)
    disputes = [s for s in stances if s.stance == DISPUTES]
    if any(s.reason == "denial" and any(same(s.reading.statement.actor, a) for a in about)
           for s in disputes):
        return DENIED
    if disputes:
        return DISPUTED
    supports = [s for s in stances if s.stance in (SUPPORTS, CORROBORATES)]
    if any(s.reason == "confirms" for s in supports):
        return CONFIRMED
    return SUPPORTED if supports else UNVERIFIED


def about_actors(ctx: ArticleContext, piece: Piece) -> list[Ref]:
    """The actors a claim names: entity mentions inside it, and the actors of its subjects."""
    start, end = piece.span
    found = [ref(e) for e in ctx.entities for m in e.get("mentions", [])
             if start <= int(m[0]) and int(m[1]) <= end]
    for token in piece.tokens:
        if token.dep_ in SUBJECT_DEPS:
            sub = list(token.subtree)
            lo, _ = piece.offset(sub[0])
            _, hi = piece.offset(sub[-1])
            actor = ctx.actor_for(lo, hi)
            if actor is not None and actor.get("id"):
                found.append(actor)
    return found
