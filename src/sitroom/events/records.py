"""Coded events as the contract's ``events`` records (docs/records.md), with their modes.

The mode is the first of the type's modes (``plover.toml``) with a lemma in
the trigger's own phrase, then in the rest of its sentence: "airstrike" is
aerial, "hunger strike" a hunger strike, "line Ukraine's border" troops.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext
from sitroom.events.coder import Found
from sitroom.events.lexicon import Lexicon


def to_record(ctx: ArticleContext, found: Found, number: int, lex: Lexicon) -> dict[str, Any]:
    """The contract record of one event."""
    match, par, sent = found.match, found.par, found.sent
    trig_span = ctx.tokens_span(par, match.lo, match.hi)
    sent_span = ctx.tokens_span(par, sent.start, sent.end)
    published = ctx.published
    record: dict[str, Any] = {
        "id": f"e{number}",
        "type": found.type,
        "mode": mode_of(found, lex),
        "actor": found.actor,
        "target": found.target,
        "status": found.status,
        "reported_by": found.reported_by,
        "trigger": {"text": ctx.text[trig_span[0]:trig_span[1]], "span": list(trig_span)},
        "text": ctx.text[sent_span[0]:sent_span[1]],
        "span": list(sent_span),
        "date": published.isoformat() if published else None,
        "weight": lex.weight(found.type),
        "quote": found.quote["id"] if found.quote else None,
    }
    if found.action is not None:
        record["action"] = found.action
    return record


def mode_of(found: Found, lex: Lexicon) -> str | None:
    """The event's PLOVER mode, or None when no mode word is near the trigger."""
    modes = lex.types[found.type].modes
    if not modes:
        return None
    token = found.match.token
    near = _lemmas(found.sent.doc[found.match.lo:found.match.hi]) | _lemmas(token.subtree)
    for words in (near, _lemmas(found.sent)):
        for mode, lemmas in modes:
            if words & lemmas:
                return mode
    return None


def _lemmas(tokens: Any) -> set[str]:
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}
