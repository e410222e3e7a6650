"""The event coder: triggers, roles and status of each sentence, as contract records.

Per sentence:

1. triggers   every token that names a PLOVER event (``triggers.py``); a
              charge noun ("genocide", "false flag") counts only when someone
              says it in a quotation and no other trigger governs it;
2. roles      actor and target (``roles.py``); a charge is the speaker's
              accusation against the one who committed it;
3. status     from negation, modals, conditions and the verbs above
              (``status.py``);
4. recoding    promises, threats, demands, refusals, failures, preparations and
              future intent coded as PLOVER codes them (``recode.py``).

Triggers that report no event (names, states, capacities, references) are
dropped before step 2, and events only possible or only asked for after step 4
(``noise.py``).

Then per article: a claimed RETREAT (or any claimed event) is ``disputed`` when
another source negates or disputes an event of the same type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.context import ArticleContext, Ref
from sitroom.events.lexicon import Lexicon
from sitroom.events.noise import no_event, not_reported
from sitroom.events.recode import recode
from sitroom.events.roles import HOSTILE, Roles, roles_for
from sitroom.events.status import SAYING, clause_chain, status_of
from sitroom.events.triggers import Match, find_triggers
from sitroom.nlp import Paragraph

#: Words whose presence in the sentence verifies a withdrawal rather than reporting a claim.
VERIFYING = frozenset({"verify", "verified", "confirm", "confirmed", "satellite", "observed",
                       "observe", "witness", "witnessed"})


@dataclass(slots=True)
class Found:
    """One event being coded, before it becomes a contract record."""

    match: Match
    par: Paragraph
    sent: Any
    type: str
    actor: Ref | None
    target: Ref | None
    status: str
    reported_by: Ref | None
    quote: dict[str, Any] | None
    action: str | None = None

    @property
    def depth(self) -> int:
        """How far below the sentence root the trigger sits (0 is the root)."""
        return sum(1 for _ in clause_chain(self.match.token)) - 1


def code_sentence(ctx: ArticleContext, par: Paragraph, sent: Any, lex: Lexicon) -> list[Found]:
    """The events of one sentence, in text order."""
    found = {m.token.i: m for m in find_triggers(sent, lex)}
    matches = [m for m in found.values() if not no_event(m, found, lex)]
    tokens = {m.token.i for m in matches}
    out = []
    for match in matches:
        start, end = ctx.token_span(par, match.token)
        quote = ctx.quote_at(start, end)
        if match.trigger.pos == "charge" and (quote is None or _governed(match, tokens)):
            continue
        out.append(_found(ctx, par, sent, match, quote))
    recode(ctx, out, lex)
    return [f for f in out if not not_reported(f, out)]


def _found(ctx: ArticleContext, par: Paragraph, sent: Any, match: Match,
           quote: dict[str, Any] | None) -> Found:
    """An event from one trigger: roles, reporter and status."""
    speaker = ctx.speaker_at(*ctx.token_span(par, match.token))
    reporter = speaker or ctx.outlet_ref()
    if match.trigger.pos == "charge":
        roles = roles_for(ctx, par, match.token, speaker, noun=True)
        target = roles.actor if roles.actor != speaker else roles.target
        return Found(match, par, sent, "ACCUSE", speaker, target, "asserted", reporter, quote)
    reported = quote is not None and quote.get("type") in ("indirect", "mixed")
    roles = roles_for(ctx, par, match.token, speaker, reported=reported,
                      noun=match.trigger.pos == "noun", hostile=match.type in HOSTILE)
    if match.type == "ACCUSE" and roles.actor is None and speaker is not None:
        roles = Roles(speaker, roles.target)  # "they blamed ...": the speaker accuses
    self_reported = (speaker is not None and roles.actor is not None
                     and roles.actor.get("id") == speaker.get("id"))
    status = status_of(match.token, self_reported=self_reported)
    if match.type == "RETREAT" and status == "asserted" and _reported(match, quote):
        status = "claimed"  # a withdrawal someone reports is a claim until the text verifies it
    return Found(match, par, sent, match.type, roles.actor, roles.target, status, reporter,
                 quote)


def _reported(match: Match, quote: dict[str, Any] | None) -> bool:
    """Whether a RETREAT is someone's report, and nothing in its sentence verifies it."""
    sent = match.token.sent
    if any(t.lower_ in VERIFYING or t.lemma_.lower() in VERIFYING for t in sent):
        return False
    under_saying = any(t.lemma_.lower() in SAYING for t in clause_chain(match.token)
                       if t.i != match.token.i)
    return quote is not None or under_saying


def _governed(match: Match, tokens: set[int]) -> bool:
    """Whether another trigger sits above this one in its clause."""
    return any(t.i in tokens for t in clause_chain(match.token) if t.i != match.token.i)
