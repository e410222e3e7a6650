"""What a statement is about: its topic words, its directions and its polarity.

The topic is the content-word lemmas of a piece (nouns, verbs, adjectives,
names), with synonyms folded to one key ("units", "forces" -> troop) so that
two actors' wordings of one proposition overlap. Direction phrases
(claims.toml ``[[direction]]``) say which way a crisis topic moves
("returning to their bases" is de-escalation, "brought closer" escalation);
their words count as the direction, not as topic words, so that "no
de-escalation" and "troops pull back" meet on the direction alone. Each topic
word and direction records whether a negation scopes over it, which is how a
statement disputes or agrees with another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.claims.lexicon import ClaimLexicon
from sitroom.claims.tokens import Piece, find_phrases, hypothetical, lemma, negated

#: Parts of speech that carry a statement's content.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: Names (and other named-entity words, "Russian") are weak evidence of a shared
#: topic: in crisis news every statement names the parties.
WEAK_POS = "PROPN"
#: Shorter lemmas are fragments ("de" of "de-escalation"), except names ("UN", "EU").
MIN_WORD_LEN = 3
#: Dependents of a predicate whose "no" negates the whole statement ("there has been no response").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "expl"})
#: Dependents that hold the clause a reporting verb introduces.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
POSITIVE, NEGATIVE = "positive", "negative"


@dataclass(frozen=True, slots=True)
class Direction:
    """A direction phrase of a piece: which topic, which side (+1 forward, -1 backward)."""

    topic: str
    side: int
    negated: bool
    text: str
    at: tuple[int, ...]
    """Indices of its tokens in the paragraph's ``Doc``."""


@dataclass(frozen=True, slots=True)
class Topic:
    """The topic of one piece."""

    keys: tuple[str, ...]
    """Topic words in text order, each once."""
    strong: frozenset[str]
    """Keys from common words (not names, nationalities or other named entities)."""
    negated: frozenset[str]
    """Keys a negation scopes over."""
    asserted: frozenset[str]
    """Keys outside hypothetical clauses: "if Russia won" asserts no winning."""
    directions: tuple[Direction, ...]
    """Direction phrases outside hypothetical clauses."""
    polarity: str
    predicate: str | None
    """The key of the main predicate ("prevent"), None when it is no topic word ("be")."""
    at: tuple[tuple[str, int], ...]
    """``(key, token index)`` for every topic word, in text order."""


def topic_of(piece: Piece, lex: ClaimLexicon) -> Topic:
    """The topic words, directions and polarity of a piece."""
    inside = piece.indices()
    directions, used = _directions(piece, lex, inside)
    keys: dict[str, None] = {}
    strong: set[str] = set()
    negs: set[str] = set()
    asserted: set[str] = set()
    at: list[tuple[str, int]] = []
    for token in piece.tokens:
        key = topic_key(token, lex)
        if key is None or token.i in used:
            continue
        keys[key] = None
        at.append((key, token.i))
        if token.pos_ != WEAK_POS and not token.ent_type_:
            strong.add(key)
        if negated(token, inside):
            negs.add(key)
        if not hypothetical(token, inside, lex.hypothetical_marks):
            asserted.add(key)
    head = main_predicate(piece, lex)
    return Topic(keys=tuple(keys), strong=frozenset(strong), negated=frozenset(negs),
                 asserted=frozenset(asserted),
                 directions=tuple(directions), polarity=polarity(piece, head),
                 predicate=None if head.i in used else topic_key(head, lex), at=tuple(at))


def topic_key(token: Any, lex: ClaimLexicon) -> str | None:
    """The topic key of a token, or None for function and generic words."""
    if token.pos_ not in CONTENT_POS or token.is_stop or not token.is_alpha:
        return None
    word = lemma(token, lex)
    if (len(word) < MIN_WORD_LEN and token.pos_ != WEAK_POS) or word in lex.generic \
            or word in lex.cue_verbs:
        return None
    return lex.synonyms.get(word, lex.synonyms.get(token.lower_, word))


def main_predicate(piece: Piece, lex: ClaimLexicon) -> Any:
    """The piece's first top-level verb, else its first top-level token.

    A reporting verb gives way to its clause: the predicate of "it is
    believed that troops line the border" is "line".
    """
    inside = piece.indices()
    heads = [t for t in piece.tokens if t.head.i == t.i or t.head.i not in inside]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    head = verbs[0] if verbs else heads[0]
    while lemma(head, lex) in lex.cue_verbs:
        clause = [c for c in head.children if c.dep_ in CLAUSE_DEPS and c.i in inside]
        if not clause:
            break
        head = clause[0]
    return head


def polarity(piece: Piece, head: Any) -> str:
    """``negative`` when a negation scopes over the piece's main predicate, else ``positive``."""
    if negated(head, piece.indices()):
        return NEGATIVE
    for child in head.children:
        if child.dep_ in ARGUMENT_DEPS and any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return NEGATIVE
    return POSITIVE


def _directions(piece: Piece, lex: ClaimLexicon, inside: frozenset[int]
                ) -> tuple[list[Direction], set[int]]:
    """The asserted direction phrases of a piece, and the token indices they take."""
    found: list[tuple[int, Direction]] = []
    used: set[int] = set()
    for pair in lex.directions:
        # Longest phrases first, so "de-escalation" is never read as "escalation".
        sided = sorted([(p, 1) for p in pair.forward_phrases]
                       + [(p, -1) for p in pair.backward_phrases], key=lambda ps: -len(ps[0]))
        side_of = dict(sided)
        # One pass over the piece for all phrases; matches come back in phrase order.
        for words, tokens in find_phrases(piece.tokens, [w for w, _ in sided], lex):
            if not used.isdisjoint(t.i for t in tokens):
                continue
            used.update(t.i for t in tokens)
            if any(hypothetical(t, inside, lex.hypothetical_marks) for t in tokens):
                continue
            text = " ".join(t.text for t in tokens)
            neg = any(negated(t, inside) for t in tokens)
            found.append((tokens[0].i, Direction(pair.topic, side_of[words], neg, text,
                                                 tuple(t.i for t in tokens))))
    return [d for _, d in sorted(found, key=lambda item: item[0])], used
