"""Events: PLOVER-coded events with actor, target, status and who reported them.

``find_events(ctx)`` returns the contract's ``events`` list for one article
(docs/records.md). The stage reads the parse the pipeline already made (no
second parse) and the quotes of attribution; its words, modes and weights come
from ``data/plover.toml`` (``lexicon.py``). The modules, in the order they run:

- ``triggers.py``  tokens that name an event ("attacked", "pull back", "build-up");
- ``noise.py``     triggers that report no event (names, states, capacities,
                   references, what is only asked for or possible), dropped;
- ``roles.py``     actor and target from the dependency parse, resolved to actors;
- ``status.py``    asserted, claimed, disputed, denied, hypothetical, future, negated;
- ``coder.py``     one sentence's events, promises and threats recoded;
- ``records.py``   the contract records, with their PLOVER modes;
- ``main.py``      the main event of a sentence (for scoring against one gold type).
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext
from sitroom.events.coder import Found, code_sentence
from sitroom.events.lexicon import TYPES, Lexicon, lexicon
from sitroom.events.main import main_event
from sitroom.events.records import to_record

#: Statuses a claim can lose to a source that negates or disputes the same kind of event.
_DISPUTABLE = frozenset({"claimed", "asserted"})


def find_events(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The events of one article, in text order (see docs/records.md).

    Args:
        ctx: the parsed, attributed article.

    Returns:
        One record per event: type, mode, actor, target, status, reported_by,
        trigger, text, span, date, weight and quote (plus ``action`` for a
        promised or threatened action).

    Raises:
        DataFileError: ``data/plover.toml`` is missing or malformed.
    """
    lex = lexicon()
    found = code_article(ctx, lex)
    return [to_record(ctx, f, i, lex) for i, f in enumerate(found, start=1)]


#: Dependencies of a noun trigger that, with an owner ("Moscow's invasion"), only refer
#: to an event the reader knows of: "sanctions over Moscow's invasion of Ukraine".
_REFERENCE_DEPS = frozenset({"pobj", "poss", "compound"})


def code_article(ctx: ArticleContext, lex: Lexicon) -> list[Found]:
    """Every sentence's events, then the article-wide dispute pass."""
    found: list[Found] = []
    for par in ctx.paragraphs:
        for sent in par.doc.sents:
            found.extend(_reported(code_sentence(ctx, par, sent, lex)))
    _mark_disputed(found)
    return found


def _reported(events: list[Found]) -> list[Found]:
    """A sentence's events without mere references to known events, when it reports others.

    In "EU states accused Russia of squeezing supplies in retaliation for
    sanctions over Moscow's invasion of Ukraine" or "Orban condemned Moscow's
    invasion" the news is the accusation; "Moscow's invasion", an owned noun
    inside a prepositional phrase or the object of another event, names the war
    the reader knows of. Nouns without an owner are reports ("signs of
    de-escalation", "a press conference with Olaf Scholz"), and alone in its
    sentence an owned one stays: it is all the sentence says.
    """
    if len(events) < 2:
        return events
    triggers = {f.match.token.i for f in events}
    kept = [f for f in events if not _reference(f, triggers)]
    return kept or events


def _reference(found: Found, triggers: set[int]) -> bool:
    """An owned event noun in a phrase, or the object of another event's trigger
    ("condemned Moscow's invasion")."""
    token = found.match.token
    if token.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in token.children):
        return False
    return token.dep_ in _REFERENCE_DEPS or (token.dep_ == "dobj" and token.head.i in triggers)


def _mark_disputed(found: list[Found]) -> None:
    """A claimed event is disputed when another source negates or disputes its kind.

    "Russia says troops are pulling back" against NATO's "we have not seen any
    pullback": the claim stands disputed in this article.
    """
    against = {(f.type, _id(f.reported_by)) for f in found if f.status in ("negated", "disputed")}
    for f in found:
        if f.status != "claimed":
            continue
        if any(t == f.type and who != _id(f.reported_by) for t, who in against):
            f.status = "disputed"


def _id(ref: dict[str, Any] | None) -> Any:
    return ref.get("id") if ref else None


__all__ = ["TYPES", "find_events", "main_event"]
