"""The main event of a sentence: the one a coder of one label per sentence would pick.

PLOVER's gold standard gives each sentence one type. Of the events in a
sentence, the main one is the one whose trigger is highest in the dependency
tree ("threatened" over the "ban" it governs), then the first in the text.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext

#: Depth given to an event whose trigger cannot be found in the parse.
_LOST = 99


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
    depth, token = 0, heads[0]
    while token.head.i != token.i and depth < _LOST:
        token, depth = token.head, depth + 1
    return depth
