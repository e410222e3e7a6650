"""Claims: attributed propositions with their claimant, hedges and the stances of others.

``find_claims(ctx)`` returns the contract's ``claims`` list for one article
(docs/records.md, claims). It reads the parse the pipeline made once:

1. statements  each quote's sentences, and the outlet's own narration
               (propositions.py), with a trailing "with X VERBing" clause split off
2. topics      content lemmas, direction phrases and polarity of each (topic.py)
3. claims      the statements that assert something; outlet narration only when hedged
4. hedges      in the claim, on its cue and in its evidence clause (hedges.py)
5. stances     what other parties' quotes say about each claim (stance.py)
6. verify      the claim's standing in this article (verify.py)
"""

from __future__ import annotations

from typing import Any

from sitroom.claims.hedges import cue_hedges, hedges_in, merged
from sitroom.claims.lexicon import ClaimLexicon, claim_lexicon
from sitroom.claims.propositions import (
    OUTLET,
    Statement,
    asserts,
    has_predicate,
    is_note,
    outlet_statements,
    quote_statements,
)
from sitroom.claims.stance import (
    CORROBORATES,
    Reading,
    Stance,
    answered_owner,
    answers_another,
    different_sides,
    pointed_claims,
    read,
    retold,
    same_party,
    stance_of,
)
from sitroom.claims.topic import topic_of
from sitroom.claims.verify import about_actors, verification
from sitroom.context import ArticleContext

#: Paragraphs back that "The claim could not be verified" may reach for its claim.
NOTE_REACH = 1
#: Reasons of a stance read from shared words and directions alone (not a denial, doubt or
#: confirmation): they hold only between statements about the same side's forces.
BY_WORDS = frozenset({"opposite", "same", "negation"})


def find_claims(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The claims of one article (see DESIGN.md, output contract).

    Args:
        ctx: the parsed article with its quotes and entities.

    Returns:
        One dict per claim in text order, ids ``c1``, ``c2``, ...
    """
    lex = claim_lexicon()
    quoted = quote_statements(ctx, lex)  # 1
    readings = [read(s, topic_of(s.piece, lex), lex) for s in quoted]  # 2
    outlet = [read(s, topic_of(s.piece, lex), lex)  # only hedged narration can be a claim
              for s in outlet_statements(ctx, quoted, lex) if _hedged(s, lex)]
    claims = [r for r in readings if asserts(r.statement, _size(r), lex)]  # 3
    notes = [r for r in outlet if _hedged_narration(r, lex) and is_note(r.statement.piece, lex)]
    claims += [r for r in outlet if _hedged_narration(r, lex) and r not in notes]
    claims.sort(key=lambda r: r.statement.piece.start)
    takers = [r for r in readings if r.statement.actor is not None]
    pointing: dict[int, dict[int, tuple[str, str]]] = {id(c): {} for c in claims}
    for taker in takers:  # statements that point back: "Moscow denied the allegations"
        pointed, stance = pointed_claims(claims, taker, ctx, lex)
        if stance is None:
            continue
        for claim in pointed:
            pointing[id(claim)][id(taker)] = stance
    owners = {id(t): answered_owner(t, ctx, lex) for t in takers}
    records = [_record(ctx, f"c{n}", claim, takers, pointing[id(claim)], owners, lex)
               for n, claim in enumerate(claims, 1)]
    _attach_notes(records, claims, notes, lex)
    return records


def _attach_notes(records: list[dict[str, Any]], claims: list[Reading], notes: list[Reading],
                  lex: ClaimLexicon) -> None:
    """Give each note's hedges ("The claim could not be verified") to the claim just before it."""
    for note in notes:
        piece = note.statement.piece
        before = [k for k, c in enumerate(claims) if c.statement.piece.end <= piece.start
                  and piece.par.index - c.statement.piece.par.index <= NOTE_REACH]
        if before:
            record = records[before[-1]]
            record["hedges"] = merged(record["hedges"], hedges_in(piece, lex))


def _record(ctx: ArticleContext, ident: str, claim: Reading, takers: list[Reading],
            pointing: dict[int, tuple[str, str]], owners: dict[int, Any],
            lex: ClaimLexicon) -> dict[str, Any]:
    """The contract's claim dict for one claim."""
    st = claim.statement
    stances = _stances(ctx, claim, takers, pointing, owners)  # 5
    return {
        "id": ident,
        "text": ctx.text[st.piece.start:st.piece.end],
        "span": [st.piece.start, st.piece.end],
        "claimant": st.actor,
        "quote": st.quote["id"] if st.quote else None,
        "hedges": _hedges(ctx, st, lex),  # 4
        "verification": verification(stances, about_actors(ctx, st.piece),  # 6
                                     lambda a, b: same_party(a, b, ctx)),
        "stances": [_stance_record(ctx, s) for s in stances],
        "topic": list(claim.topic.keys),
        "polarity": claim.topic.polarity,
        "voice": st.voice,
    }


def _stances(ctx: ArticleContext, claim: Reading, takers: list[Reading],
             pointing: dict[int, tuple[str, str]], owners: dict[int, Any]) -> list[Stance]:
    """The stances of other parties' statements on a claim, one per quote and stance;
    ``pointing`` holds those of statements that point back to it ("Moscow denied the
    allegations"), by ``id`` of the statement, and ``owners`` whose claim each says it
    answers (``answered_owner``)."""
    out: list[Stance] = []
    seen: set[tuple[str, str]] = set()
    st = claim.statement
    lex = claim_lexicon()
    for other in takers:
        ot = other.statement
        if ot.quote is st.quote or _overlap(st, ot) or same_party(st.actor, ot.actor, ctx):
            continue  # nested quotes repeat a claim; they do not back it
        found = pointing.get(id(other)) or (
            None if answers_another(claim, owners[id(other)], ctx)
            else stance_of(claim, other))
        if found is None or ot.quote is None or (found[0] == CORROBORATES and retold(claim, other)):
            continue
        if id(other) not in pointing and found[1] in BY_WORDS and different_sides(
                claim, other, ctx, lex):
            continue  # one side withdraws as the other advances: no answer to each other
        key = (str(ot.quote["id"]), found[0])
        if key not in seen:
            seen.add(key)
            out.append(Stance(other, found[0], found[1]))
    return out


def _overlap(a: Statement, b: Statement) -> bool:
    return a.piece.start < b.piece.end and b.piece.start < a.piece.end


def _stance_record(ctx: ArticleContext, stance: Stance) -> dict[str, Any]:
    st = stance.reading.statement
    return {
        "by": st.actor,
        "stance": stance.stance,
        "reason": stance.reason,
        "quote": st.quote["id"] if st.quote else None,
        "text": ctx.text[st.piece.start:st.piece.end],
        "span": [st.piece.start, st.piece.end],
    }


def _hedges(ctx: ArticleContext, st: Statement, lex: ClaimLexicon) -> list[str]:
    evidence = hedges_in(st.evidence, lex) if st.evidence is not None else []
    return merged(hedges_in(st.piece, lex), cue_hedges(ctx, st.quote, st.cue, lex), evidence)


def _hedged_narration(reading: Reading, lex: ClaimLexicon) -> bool:
    """Outlet narration is a claim only when it hedges a proposition of its own."""
    st = reading.statement
    return st.voice == OUTLET and _size(reading) >= lex.min_topic_words and _hedged(st, lex)


def _hedged(statement: Statement, lex: ClaimLexicon) -> bool:
    """A statement with a predicate and a hedge in it (checked before reading its topic)."""
    return has_predicate(statement.piece, lex) and bool(hedges_in(statement.piece, lex))


def _size(reading: Reading) -> int:
    """Topic words plus direction phrases: how much a statement says."""
    return len(reading.topic.keys) + len(reading.topic.directions)


__all__ = ["find_claims"]
