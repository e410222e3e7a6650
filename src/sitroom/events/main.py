"""The main event of a sentence: the one a coder of one label per sentence would pick.

PLOVER's gold standard gives each sentence one type. Of the events in a
sentence, the main one is the one whose trigger is highest in the dependency
tree ("threatened" over the "ban" it governs), then the first in the text.
A trigger in the predicate of "be" stands where "be" stands, above the
subject it says something of ("removing the sanctions is out of the
question": the refusal, not the removal).

Background comes last, whatever its depth: an event in a relative clause or
a participle that describes a participant ("Macedonia, which is preparing an
offensive", "a bill signed by the minister") or in a circumstantial adjunct
("after violent protests", "following the invasion", "as the opposition
threatened ...") sets the scene for the sentence's event; it is the main
event only when nothing else happened.

A "by ...ing" clause under a trigger says what the act was ("responded by
expelling ten diplomats": the expulsion), so it stands above the verb it hangs on.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext

#: Depth given to an event whose trigger cannot be found in the parse.
_LOST = 99
#: Dependencies that make up the predicate of a copula ("is a violation of", "is out of").
_PREDICATE = frozenset({"attr", "acomp", "prep", "pobj"})
#: Prepositions of circumstance: what they govern is background ("after the protests").
BACKGROUND_PREPS = frozenset({"after", "following", "before", "since", "amid", "amidst",
                              "despite", "during", "over", "for"})
#: Conjunctions of circumstance heading an adverbial clause ("as the opposition threatened").
BACKGROUND_MARKS = frozenset({"after", "before", "since", "as", "while", "when", "until",
                              "because", "although", "though", "once", "whereas"})


def main_event(ctx: ArticleContext, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The main one of ``events`` (records of one sentence or text), or None if there are none."""
    if not events:
        return None
    return min(events, key=lambda e: (in_background(ctx, e), _depth(ctx, e),
                                      e["trigger"]["span"][0]))


def _depth(ctx: ArticleContext, event: dict[str, Any]) -> int:
    """``trigger_depth``, less three for a "by ...ing" clause (pcomp, by, verb), which
    then stands above the verb it hangs on."""
    depth = trigger_depth(ctx, event)
    head = _trigger_head(ctx, event)
    if head is not None and head.dep_ == "pcomp" and head.head.lower_ == "by" \
            and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
        return depth - 3
    return depth


def in_background(ctx: ArticleContext, event: dict[str, Any]) -> bool:
    """Whether an event's trigger sits in a description or a circumstance (module docstring)."""
    token = _trigger_head(ctx, event)
    if token is None:
        return False
    for _ in range(_LOST):
        if token.head.i == token.i:
            return False
        if _describes(token) or _circumstance(token):
            return True
        token = token.head
    return False


def _describes(token: Any) -> bool:
    """A finite relative clause or a participle on a noun ("a bill signed by", "refugees
    fleeing"); an infinitive on a noun is its content ("steps to ease restrictions")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in ("VBN", "VBG"))


def _circumstance(token: Any) -> bool:
    """A preposition or adverbial clause of time, cause or concession."""
    if token.dep_ == "prep":
        return token.lower_ in BACKGROUND_PREPS
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in token.children)


def trigger_depth(ctx: ArticleContext, event: dict[str, Any]) -> int:
    """Hops from an event's trigger to the root of its sentence."""
    head = _trigger_head(ctx, event)
    if head is None:
        return _LOST
    depth, token = 0, _copula_above(head)
    while token.head.i != token.i and depth < _LOST:
        token, depth = token.head, depth + 1
    return depth


def _trigger_head(ctx: ArticleContext, event: dict[str, Any]) -> Any:
    """The token that heads an event's trigger words in the parse, or None."""
    start, end = event["trigger"]["span"]
    par = ctx.paragraph_at(start)
    if par is None:
        return None
    inside = [t for t in par.doc if start <= par.start + t.idx < end]
    indexes = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in indexes or t.head.i == t.i]
    return heads[0] if heads else None


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
