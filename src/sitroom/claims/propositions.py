"""Which statements of an article become claims, and the span of each.

Two voices make claims:

- a quote's speaker: the content of an indirect or mixed quote, or a direct
  quote that asserts something, one claim per sentence. A request or wish
  ("called for", "urged", "wanted"), a question, a greeting or a fragment
  without a predicate ("Cautious optimism") is no claim.
- the outlet, where its own narration carries a hedge ("Moscow releasing
  footage appearing to show tanks heading back", "False flag operations were
  reported to have begun").

A trailing participial clause "..., with X VERBing ..." is a statement of its
own: "the ministry said troops were returning, with Moscow releasing footage
appearing to show ..." holds the ministry's claim and the outlet's account of
the footage. It is split off the quote and read as the outlet's voice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitroom.claims.lexicon import ClaimLexicon
from sitroom.claims.tokens import (
    NEGATORS,
    Piece,
    find_phrases,
    lemma,
    sentence_pieces,
    token_at,
    trimmed,
)
from sitroom.context import ArticleContext, Ref, ref
from sitroom.nlp import per_doc

#: Dependents that make a verb a predicate with a subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Verb tags that open a participial clause after "with".
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
#: Tokens after a piece that may stand between it and its question mark (a closing quote).
QUESTION_LOOKAHEAD = 2
#: Where a claim noun makes narration a note on a claim: "The claim could not be
#: verified", "The Guardian could not verify these claims".
NOTE_DEPS = SUBJECT_DEPS | {"dobj"}
#: Tags of wh-words that open embedded questions and adverbial clauses.
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
SPEAKER, OUTLET = "speaker", "outlet"


@dataclass(frozen=True, slots=True)
class Statement:
    """A piece of text in one actor's voice: a claim candidate or a possible stance."""

    piece: Piece
    actor: Ref | None
    voice: str
    """``speaker`` (a quote) or ``outlet`` (the article's own narration)."""
    quote: dict[str, Any] | None = None
    cue: Any | None = None
    """The cue token of the quote ("said", "claiming"), when it has one."""
    evidence: Piece | None = None
    """The "with X VERBing" clause split off the end of the piece."""


def quote_statements(ctx: ArticleContext, lex: ClaimLexicon) -> list[Statement]:
    """One statement per sentence of each quote, its trailing "with" clause split off.

    A "quote" whose cue sits in a hedge phrase ("a video appearing to show
    soldiers leaving") is the outlet describing evidence, not a speaker: it is
    left to the outlet's narration.
    """
    out: list[Statement] = []
    for quote in ctx.quotes:
        speaker = quote.get("speaker") or {}
        actor = ref(speaker) if speaker.get("name") else None
        cue_token = _cue_token(ctx, quote)
        if cue_token is not None and hedge_cue(cue_token, lex):
            continue
        start, end = quote["span"]
        for piece in sentence_pieces(ctx, int(start), int(end)):
            main, rest = split_with(piece)
            if main is not None:
                out.append(Statement(main, actor, SPEAKER, quote, cue_token, rest))
    return out


def outlet_statements(ctx: ArticleContext, quoted: list[Statement], lex: ClaimLexicon
                      ) -> list[Statement]:
    """Statements in the outlet's voice: narration outside quotes, and split-off clauses."""
    outlet = ctx.outlet_ref()
    out = [Statement(s.evidence, outlet, OUTLET) for s in quoted if s.evidence is not None]
    blocked = _quoted_spans(ctx, lex)
    for piece in _narration(ctx):
        for part in split_with(piece):
            if part is not None and not any(lo < part.end and part.start < hi
                                            for lo, hi in blocked):
                out.append(Statement(part, outlet, OUTLET))
    return out


def split_with(piece: Piece) -> tuple[Piece | None, Piece | None]:
    """The piece before a trailing ", with X VERBing ..." clause, and that clause (or None)."""
    tokens = piece.tokens
    for k in range(len(tokens) - 2, 0, -1):
        token = tokens[k]
        if token.lower_ == "with" and tokens[k - 1].text == "," and _opens_clause(token):
            return trimmed(piece.par, tokens[:k]), trimmed(piece.par, tokens[k + 1:])
    return piece, None


def asserts(statement: Statement, topic_size: int, lex: ClaimLexicon) -> bool:
    """Whether a quote's statement asserts a proposition (and so is a claim)."""
    cue = statement.cue
    if cue is not None and lemma(cue, lex) in lex.nonclaim_cues:
        return False
    piece = statement.piece
    return (topic_size >= lex.min_topic_words
            and (has_predicate(piece, lex) or accuses(statement, lex))
            and not is_question(piece) and not is_greeting(piece, lex)
            and not is_subordinate(piece))


def accuses(statement: Statement, lex: ClaimLexicon) -> bool:
    """Whether a statement is an accusation: "Ukraine accused Russia | of shelling the
    school" claims that Russia shelled it (a gerund under "of" or "for")."""
    cue = statement.cue
    if cue is None or lemma(cue, lex) not in lex.accusation_cues or not _made(cue, lex):
        return False
    return any(t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in ("of", "for")
               for t in statement.piece.tokens)


#: Modals and verbs above that leave an accusation unmade ("could accuse", "refused to
#: blame"); negation and conditions do too.
_UNMADE_MODALS = frozenset({"could", "would", "might", "may"})
_REFUSING = frozenset({"refuse", "decline", "fail", "fear", "avoid"})


def _made(cue: Any, lex: ClaimLexicon) -> bool:
    """Whether an accusing verb reports an accusation made: not "has not accused", "No
    government has accused", "could accuse", "if Kyiv accuses", "refused to blame"."""
    unmade = NEGATORS | _UNMADE_MODALS | lex.hypothetical_marks
    if any(c.lower_ in unmade for c in cue.children) or any(
            c.dep_.startswith("nsubj") and any(g.lower_ == "no" for g in c.children)
            for c in cue.children):
        return False
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _REFUSING:
        return False
    return not (cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in unmade
                                             for c in cue.children))


def has_predicate(piece: Piece, lex: ClaimLexicon) -> bool:
    """Whether a piece has a verb with a subject that is not a parenthetical "I think"."""
    inside = piece.indices()
    for token in piece.tokens:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i in inside]
        if subjects and not _parenthetical(token, subjects, lex):
            return True
    return False


def is_question(piece: Piece) -> bool:
    """Whether the sentence of a piece ends in a question mark right after it."""
    doc = piece.par.doc
    last = piece.tokens[-1].i
    following = doc[last + 1:last + 1 + QUESTION_LOOKAHEAD]
    return any(t.text == "?" for t in following)


def is_subordinate(piece: Piece) -> bool:
    """Whether a piece is only an embedded question or adverbial clause.

    "what other territories Lavrov was referring to", "when Russia annexed
    Crimea": the opening wh-word hangs off the piece's own top verb and is not
    its subject, so nothing is asserted ("what is happening is genocide" is).
    """
    first = piece.tokens[0]
    if first.tag_ not in WH_TAGS and first.lower_ not in ("whether", "if"):
        return False
    inside = piece.indices()
    tops = [t for t in piece.tokens if t.head.i == t.i or t.head.i not in inside]
    node = first
    while node.head.i != node.i and node.head.i in inside and node.dep_ not in SUBJECT_DEPS \
            and node.head not in tops:
        node = node.head
    return node.dep_ not in SUBJECT_DEPS and len(tops) == 1


def is_greeting(piece: Piece, lex: ClaimLexicon) -> bool:
    """Whether a piece opens with a greeting or pleasantry ("Thank you", "Good morning")."""
    words = [t.lower_ for t in piece.tokens]
    return any(tuple(words[:len(g)]) == g for g in lex.greetings)


def is_note(piece: Piece, lex: ClaimLexicon) -> bool:
    """Whether narration speaks of a claim rather than making one.

    "The claim could not be independently verified": its subject is a claim
    noun, so its hedges belong to the claim before it.
    """
    return any(t.dep_ in NOTE_DEPS and lemma(t, lex) in lex.claim_nouns
               for t in piece.tokens)


def _parenthetical(verb: Any, subjects: list[Any], lex: ClaimLexicon) -> bool:
    """ "I think" or "we believe" standing aside, with no clause of its own."""
    return (lemma(verb, lex) in lex.cue_verbs
            and all(s.pos_ == "PRON" for s in subjects)
            and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children))


def _opens_clause(with_token: Any) -> bool:
    """Whether "with" opens a participial clause: "with Moscow releasing footage"."""
    for child in with_token.children:
        if child.tag_ in PARTICIPLE_TAGS:
            return True
        if any(g.dep_ == "acl" and g.tag_ in PARTICIPLE_TAGS for g in child.children):
            return True
    return False


def hedge_cue(cue: Any, lex: ClaimLexicon) -> bool:
    """Whether a cue token is part of a hedge phrase of its sentence ("appearing to show");
    the phrases are found once per paragraph, for all its cues."""
    return cue.i in per_doc(cue.doc, "sitroom.claims.hedged", _hedged_tokens, lex)


def _hedged_tokens(doc: Any, lex: ClaimLexicon) -> frozenset[int]:
    return frozenset(t.i for sent in doc.sents
                     for _, tokens in find_phrases(sent, lex.hedge_phrases, lex) for t in tokens)


def _cue_token(ctx: ArticleContext, quote: dict[str, Any]) -> Any | None:
    cue = quote.get("cue") or {}
    return token_at(ctx, int(cue["span"][0])) if cue.get("span") else None


def _quoted_spans(ctx: ArticleContext, lex: ClaimLexicon) -> list[tuple[int, int]]:
    """Spans of quotes, their speakers' mentions and cues: not the outlet's own voice."""
    spans: list[tuple[int, int]] = []
    for quote in ctx.quotes:
        cue_token = _cue_token(ctx, quote)
        if cue_token is not None and hedge_cue(cue_token, lex):
            continue
        spans.append((int(quote["span"][0]), int(quote["span"][1])))
        for part in (quote.get("speaker"), quote.get("cue")):
            if part and part.get("span"):
                spans.append((int(part["span"][0]), int(part["span"][1])))
    return spans


def _narration(ctx: ArticleContext) -> Iterator[Piece]:
    """Every sentence of the article as a trimmed piece."""
    for par in ctx.paragraphs:
        for sent in par.doc.sents:
            piece = trimmed(par, list(sent))
            if piece is not None:
                yield piece
