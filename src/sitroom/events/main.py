"""The main event of a sentence: the one a coder of one label per sentence would pick.

PLOVER's gold standard gives each sentence one type. Of the events in a
sentence, the main one is the one whose trigger is highest in the dependency
tree ("threatened" over the "ban" it governs), then the first in the text.
A trigger in the predicate of "be" stands where "be" stands, above the
subject it says something of ("removing the sanctions is out of the
question": the refusal, not the removal).
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext

#: Depth given to an event whose trigger cannot be found in the parse.
_LOST = 99
#: Dependencies that make up the predicate of a copula ("is a violation of", "is out of").
_PREDICATE = frozenset({"attr", "acomp", "prep", "pobj"})


def main_event(ctx: ArticleContext, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The main one of ``events`` (records of one sentence or text), or None if there are none."""
    if not events:
        return None
    return min(events, key=lambda e: (trigger_depth(ctx, e), e["trigger"]["span"][0]))


def trigger_depth(ctx: ArticleContext, event: dict[str, Any]) -> int:
    """Hops from an event's trigger to the root of its sentence."""
    start, end = event["trigger"]["span"]
    par = ctx.paragraph_at(start)
    if par is None:
        return _LOST
    inside = [t for t in par.doc if start <= par.start + t.idx < end]
    indexes = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in indexes or t.head.i == t.i]
    if not heads:
        return _LOST
    depth, token = 0, _copula_above(heads[0])
    while token.head.i != token.i and depth < _LOST:
        token, depth = token.head, depth + 1
    return depth


def _copula_above(token: Any) -> Any:
    """The "be" whose predicate the token is part of, else the token itself."""
    tok = token
    for _ in range(6):
        if tok.dep_ not in _PREDICATE or tok.head.i == tok.i:
            return token
        tok = tok.head
        if tok.lemma_ == "be":
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            return token
    return token
