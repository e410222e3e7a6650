"""Pieces of the parsed article and what the claims stage asks of their tokens.

A ``Piece`` is a stretch of one sentence (the content of a quote, a clause of
the outlet's narration) with its spaCy tokens, so that every later step reads
the parse the pipeline made once and maps back to ``Article.text``. The
helpers here match lexicon phrases on tokens and answer the two scope
questions: is a token under a negation, and is it in a hypothetical clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitroom.claims.lexicon import ClaimLexicon, Phrase
from sitroom.context import ArticleContext
from sitroom.nlp import Paragraph, per_doc

#: Dependency edges that end a negation's scope on the way up the tree: the
#: negation of "we have not seen X, but we will monitor Y" does not reach Y.
SCOPE_BREAKS = frozenset({"conj", "advcl", "parataxis", "relcl"})
#: Dependents that negate their head ("not seen", "no sign", "never confirmed").
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
#: Punctuation a phrase match may not jump over.
HARD_PUNCT = frozenset({",", ".", ";", ":", "?", "!", "(", ")"})


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one sentence with its tokens; ``start``/``end`` are article offsets
    (read once: stances compare them for every pair of statements)."""

    par: Paragraph
    tokens: tuple[Any, ...]
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        first, last = self.tokens[0], self.tokens[-1]
        object.__setattr__(self, "start", int(self.par.start + first.idx))
        object.__setattr__(self, "end", int(self.par.start + last.idx + len(last.text)))

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def indices(self) -> frozenset[int]:
        """The token indices of the piece in its paragraph's ``Doc``."""
        return frozenset(t.i for t in self.tokens)

    def offset(self, token: Any) -> tuple[int, int]:
        """A token's span in the article text."""
        start = int(self.par.start + token.idx)
        return start, start + len(token.text)


def trimmed(par: Paragraph, tokens: Sequence[Any]) -> Piece | None:
    """A piece of ``tokens`` with punctuation and spaces trimmed from both ends, or None."""
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].is_punct or tokens[lo].is_space):
        lo += 1
    while hi > lo and (tokens[hi - 1].is_punct or tokens[hi - 1].is_space):
        hi -= 1
    return Piece(par, tuple(tokens[lo:hi])) if hi > lo else None


def sentence_pieces(ctx: ArticleContext, start: int, end: int) -> Iterator[Piece]:
    """The pieces of ``[start, end)``: one per sentence it touches, trimmed."""
    for par in ctx.paragraphs:
        if par.end <= start or par.start >= end:
            continue
        for sent in par.doc.sents:
            if par.start + sent.end_char <= start or par.start + sent.start_char >= end:
                continue
            inside = [t for t in sent if start <= par.start + t.idx
                      and par.start + t.idx + len(t.text) <= end]
            piece = trimmed(par, inside) if inside else None
            if piece is not None:
                yield piece


def token_at(ctx: ArticleContext, offset: int) -> Any | None:
    """The token starting at an article offset, or None."""
    par = ctx.paragraph_at(offset)
    if par is None:
        return None
    local = offset - par.start
    span = par.doc.char_span(local, local + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].idx != local:
        return None
    return span[0]


def lemma(token: Any, lex: ClaimLexicon) -> str:
    """A token's lower-case lemma, with the lexicon's fixes ("bases" is not "basis")."""
    value = str(token.lemma_).lower()
    return lex.lemma_fixes.get(value, value)


def doc_forms(doc: Any, lex: ClaimLexicon) -> list[tuple[str, str]]:
    """Every token's (lower-case form, lemma) of a ``Doc``, computed once per document:
    read once, matched against many lexicons."""
    return per_doc(doc, "sitroom.claims.forms", _forms, lex)


def _forms(doc: Any, lex: ClaimLexicon) -> list[tuple[str, str]]:
    return [(t.lower_, lemma(t, lex)) for t in doc]


def find_phrases(tokens: Sequence[Any], phrases: Iterable[Phrase], lex: ClaimLexicon,
                 *, skip: frozenset[int] = frozenset()) -> list[tuple[Phrase, tuple[Any, ...]]]:
    """Every match of the phrases in ``tokens``: ``(phrase, matched tokens)``.

    Words of a phrase may have up to ``lex.max_gap`` other tokens between
    them, never a comma or full stop; tokens whose index is in ``skip`` (taken
    by another lexicon, e.g. "false" of "false flag") never match. Each
    token's forms are read once and phrases are looked up by their first word,
    so the cost grows with the text, not with text times lexicon.
    """
    if not tokens:
        return []
    doc = tokens[0].doc
    table = doc_forms(doc, lex)
    first = tokens[0].i
    forms = [table[t.i] for t in tokens]
    found: list[tuple[Phrase, tuple[Any, ...]]] = []
    if tokens[-1].i - first + 1 == len(tokens):  # a span: the document's index serves
        index = _doc_starts(doc, lex)
        last = tokens[-1].i
        for words in phrases:
            for i in index.get(words[0], ()):
                if first <= i <= last and i not in skip:
                    matched = _rest(tokens, forms, i - first, words, lex, skip)
                    if matched is not None:
                        found.append((words, matched))
        return found
    starts: dict[str, list[int]] = {}
    for pos, (low, lem) in enumerate(forms):
        if tokens[pos].i in skip:
            continue
        starts.setdefault(low, []).append(pos)
        if lem != low:
            starts.setdefault(lem, []).append(pos)
    for words in phrases:
        for pos in starts.get(words[0], ()):
            matched = _rest(tokens, forms, pos, words, lex, skip)
            if matched is not None:
                found.append((words, matched))
    return found


def _doc_starts(doc: Any, lex: ClaimLexicon) -> dict[str, list[int]]:
    """Form or lemma -> the indices of the tokens of ``doc`` that have it, in order;
    computed once per document, like ``doc_forms``."""
    return per_doc(doc, "sitroom.claims.starts", _starts, lex)


def _starts(doc: Any, lex: ClaimLexicon) -> dict[str, list[int]]:
    starts: dict[str, list[int]] = {}
    for i, (low, lem) in enumerate(doc_forms(doc, lex)):
        starts.setdefault(low, []).append(i)
        if lem != low:
            starts.setdefault(lem, []).append(i)
    return starts


def _rest(tokens: Sequence[Any], forms: Sequence[tuple[str, str]], pos: int, words: Phrase,
          lex: ClaimLexicon, skip: frozenset[int]) -> tuple[Any, ...] | None:
    """The tokens matching ``words`` from ``tokens[pos]`` on, gaps allowed, or None."""
    matched = [tokens[pos]]
    for word in words[1:]:
        nxt = None
        for k in range(pos + 1, min(len(tokens), pos + 2 + lex.max_gap)):
            if tokens[k].i in skip:
                break
            if word in forms[k]:
                nxt = k
                break
            if tokens[k].text in HARD_PUNCT:
                break
        if nxt is None:
            return None
        matched.append(tokens[nxt])
        pos = nxt
    return tuple(matched)


@dataclass(frozen=True, slots=True)
class _Tree:
    """A ``Doc``'s dependency tree as plain indices, read once for the many climbs that
    negation, clause and hypothesis scopes make (spaCy builds a new object per token read)."""

    heads: tuple[int, ...]
    deps: tuple[str, ...]
    negating: frozenset[int]
    """Tokens with a negating dependent ("not seen", "no sign")."""
    marks: dict[int, frozenset[str]]
    """Token -> the lower-case words of its ``mark`` dependents ("if", "whether")."""


_NEGATING_DEPS = frozenset({"neg", "det", "advmod", "preconj"})


def _tree(doc: Any) -> _Tree:
    return per_doc(doc, "sitroom.claims.tree", _read_tree)


def _read_tree(doc: Any) -> _Tree:
    tokens = list(doc)
    marks: dict[int, set[str]] = {}
    negating: set[int] = set()
    for t in tokens:
        if t.dep_ == "mark":
            marks.setdefault(t.head.i, set()).add(t.lower_)
        if t.lower_ in NEGATORS and t.dep_ in _NEGATING_DEPS and t.head.i != t.i:
            negating.add(t.head.i)
    return _Tree(heads=tuple(t.head.i for t in tokens), deps=tuple(t.dep_ for t in tokens),
                 negating=frozenset(negating), marks={i: frozenset(m) for i, m in marks.items()})


def negated(token: Any, inside: frozenset[int]) -> bool:
    """Whether a negation scopes over ``token`` within the piece (``inside``).

    A token is negated when it, or a head above it reached without crossing a
    clause boundary (``SCOPE_BREAKS``), has a negating dependent: "not seen any
    de-escalation", "no sign of withdrawal", "not verified that units returned".
    """
    tree = _tree(token.doc)
    i = token.i
    while True:
        if i in tree.negating:
            return True
        head = tree.heads[i]
        if tree.deps[i] in SCOPE_BREAKS or head == i or head not in inside:
            return False
        i = head


def clause_heads(tokens: Sequence[Any], inside: frozenset[int]) -> dict[int, int]:
    """Token index -> the index of the head of its clause within the piece.

    Climbs as ``negated`` does, so that a cue ("not seen any", "denied") and a
    word share a clause exactly when the cue's scope can reach the word; each
    head is climbed once for all the tokens below it.
    """
    if not tokens:
        return {}
    tree = _tree(tokens[0].doc)
    heads: dict[int, int] = {}
    for token in tokens:
        path = []
        node = token.i
        while node not in heads and not (tree.deps[node] in SCOPE_BREAKS
                                         or tree.heads[node] == node
                                         or tree.heads[node] not in inside):
            path.append(node)
            node = tree.heads[node]
        top = heads.get(node, node)
        heads[node] = top
        for i in path:
            heads[i] = top
    return {t.i: heads[t.i] for t in tokens}


def hypothetical(token: Any, inside: frozenset[int], marks: frozenset[str]) -> bool:
    """Whether ``token`` sits in a clause opened by "if", "whether" or "unless"."""
    tree = _tree(token.doc)
    i = token.i
    while True:
        opened = tree.marks.get(i)
        if opened is not None and not opened.isdisjoint(marks):
            return True
        head = tree.heads[i]
        if head == i or head not in inside:
            return False
        i = head
